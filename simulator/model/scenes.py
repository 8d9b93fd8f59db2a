"""The built-in scenes: project files shipped in ``resources/scenes``, one per figure of the lecture.

A scene is an ordinary project file whose settings say how to present it: ``order`` (its place in the
scene list), ``views`` (which views to open), ``steps_hint`` ({"en", "zh"}: what to do first) and
``expected`` (the numbers the lecture says must come out, which the tests check).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from simulator.errors import UserInputError
from simulator.io.project_file import load_project
from simulator.model.project import Project
from simulator.paths import scenes_dir

_NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


@dataclass(frozen=True)
class SceneInfo:
    name: str
    title: dict[str, str]
    description: dict[str, str]
    path: Path
    order: float = math.inf

    def display_title(self, language: str = "en") -> str:
        return self.title.get(language) or self.title.get("en") or self.name


def _order(project: Project) -> float:
    order = project.settings.get("order")
    # bool is an int: a stray true must not sort as 1
    return float(order) if isinstance(order, (int, float)) and not isinstance(order, bool) else math.inf


def list_scenes(directory: str | Path | None = None) -> list[SceneInfo]:
    """Every scene, sorted by ``settings["order"]`` then name. A broken scene file raises
    ProjectFileError: the shipped scenes are tested, so that would be a bug worth seeing."""
    folder = Path(directory) if directory is not None else scenes_dir()
    scenes = []
    for path in sorted(folder.glob("*.json")):
        project = load_project(path)
        scenes.append(SceneInfo(project.name, dict(project.title), dict(project.description), path,
                                _order(project)))
    return sorted(scenes, key=lambda scene: (scene.order, scene.name))


def scene_names(directory: str | Path | None = None) -> list[str]:
    return [scene.name for scene in list_scenes(directory)]


def load_scene(name: str, directory: str | Path | None = None) -> Project:
    """A fresh project for the scene ``name`` (each call reads the file again, so edits never leak)."""
    folder = Path(directory) if directory is not None else scenes_dir()
    if isinstance(name, str) and _NAME_PATTERN.fullmatch(name):  # never a path like "../x"
        path = folder / f"{name}.json"
        if path.is_file():
            project = load_project(path)
            if project.name == name:
                return project
    scenes = list_scenes(folder)
    for scene in scenes:
        if scene.name == name:
            return load_project(scene.path)
    available = ", ".join(scene.name for scene in scenes) or "none"
    raise UserInputError(f"there is no scene {name!r}; the scenes are: {available}")
