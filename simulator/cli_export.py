"""`python main.py export`: a view's animation as GIF, MP4 or PNG frames (or one PNG/SVG picture), headless.

    python main.py export --scene lstm-lecture --view cell --out lstm.gif --size 1280x720 --fps 30 --steps 1:9

The same code as the GUI's File → Export… (:func:`simulator.export.export_animation`). Qt is loaded only
when the command runs, on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
"""
from __future__ import annotations

import gc
import os
import re
import sys
from pathlib import Path

from simulator.errors import UserInputError

#: the views named in --help; any view of the main window (VIEW_FACTORIES) is accepted
VIEW_CHOICES = ("network", "cell", "unrolled", "heatmap", "surface", "training")
SIZE_PATTERN = re.compile(r"^\s*(\d{1,5})\s*[x×X*]\s*(\d{1,5})\s*$")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export", help="export a view's animation as GIF, MP4 or PNG frames, or one PNG/SVG picture (headless)",
        description="Render a view of a scene step by step from a virtual clock (the same frames every time) "
                    "and write FILE.gif, FILE.mp4 (H.264), DIR/ (frame_00001.png …), or FILE.png / FILE.svg "
                    "(one picture of the last step).")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--scene", help="a built-in scene (see `scenes`)")
    source.add_argument("--project", help="a project .json file")
    p.add_argument("--out", required=True, metavar="FILE.gif|FILE.mp4|DIR/|FILE.png|FILE.svg",
                   help="where to write; the suffix picks the format (a name ending in / is a folder of PNG frames)")
    p.add_argument("--view", default="cell", help="network | cell | unrolled | heatmap | surface | training, or a panel: builder | sequence | "
                        "explanation | scene (default cell)")
    p.add_argument("--size", default="1280x720", help="WIDTHxHEIGHT in pixels (default 1280x720)")
    p.add_argument("--fps", default="30", help="frames per second (default 30; a GIF plays at most 50)")
    p.add_argument("--steps", default=None, metavar="A:B",
                   help="the steps to show, both included (default 1:T, all of them; 0 = before the first input)")
    p.add_argument("--seconds-per-step", default="1", metavar="S", help="how long each step lasts (default 1)")
    p.add_argument("--animation-seconds", default=None, metavar="S",
                   help="how long a step's animation lasts; the rest of the step holds still "
                        "(default: the whole step; 0: no animation)")
    p.add_argument("--theme", choices=("light", "dark"), default="light", help="colours (default light)")
    p.add_argument("--language", choices=("en", "zh_CN"), default="en", help="the language of the labels")
    p.set_defaults(run=run)


def parse_size(text: str) -> tuple[int, int]:
    match = SIZE_PATTERN.match(text or "")
    if not match:
        raise UserInputError(f"--size {text!r}: give WIDTHxHEIGHT, e.g. 1280x720")
    from simulator.export import check_size

    return check_size((int(match.group(1)), int(match.group(2))))


def parse_positive(text: str, option: str, allow_zero: bool = False) -> float:
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise UserInputError(f"{option} {text!r} is not a number") from None
    if not (value == value and value not in (float("inf"), float("-inf"))) or value < 0 or (value == 0 and not allow_zero):
        raise UserInputError(f"{option} must be {'0 or more' if allow_zero else 'more than 0'}, not {text}")
    return value


def parse_steps(text: str | None, total: int) -> tuple[int, int] | None:
    """"A:B" (both included), "A:" (to the end), ":B" (from step 1), "K" (one step)."""
    if text is None:
        return None
    match = re.match(r"^\s*(\d*)\s*(:?)\s*(\d*)\s*$", text)
    if not match or not (match.group(1) or match.group(3)) or (not match.group(2) and not match.group(1)):
        raise UserInputError(f"--steps {text!r}: give A:B, e.g. 1:{max(total, 1)}")
    if not match.group(2):
        first = last = int(match.group(1))
    else:
        first = int(match.group(1)) if match.group(1) else min(1, total)
        last = int(match.group(3)) if match.group(3) else total
    if not 0 <= first <= last <= total:
        raise UserInputError(f"--steps {text}: the steps must lie within 0:{total} (this scene has {total} steps)")
    return first, last


def run(args) -> int:
    # Everything that can be checked without Qt is checked first, so bad input fails fast.
    from simulator.export import output_format
    from simulator.export.writers import GIF_MAX_FPS, check_writable_parent

    size = parse_size(args.size)
    fps = parse_positive(args.fps, "--fps")
    seconds_per_step = parse_positive(args.seconds_per_step, "--seconds-per-step")
    animation_seconds = (None if args.animation_seconds is None
                         else parse_positive(args.animation_seconds, "--animation-seconds", allow_zero=True))
    kind = output_format(args.out)
    out = Path(args.out.rstrip("/" + os.sep) or ".") if kind == "frames" else Path(args.out)
    check_writable_parent(out)
    if kind == "gif" and fps > GIF_MAX_FPS:
        raise UserInputError(f"--fps {args.fps}: a GIF plays at most {GIF_MAX_FPS} frames per second")
    if kind == "mp4" and (size[0] % 2 or size[1] % 2):
        raise UserInputError(f"--size {args.size}: an MP4 needs an even width and height")
    project = _load_project(args)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # before the first Qt import
    from simulator.model.session import Session

    session = Session(project)
    steps = parse_steps(args.steps, session.steps)
    _application()
    from simulator.gui.main_window import VIEW_FACTORIES

    from simulator.export import PANELS

    if args.view not in VIEW_FACTORIES and args.view not in PANELS and args.view != "window":
        raise UserInputError(f"--view {args.view!r}: choose one of {', '.join([*VIEW_FACTORIES, *PANELS])}")
    from simulator.gui import i18n
    from simulator.export import export_animation, export_still
    from simulator.gui.gc_guard import collect_due_generations

    i18n.install_language(args.language)
    dark = args.theme == "dark"
    if kind in ("png", "svg"):
        step = steps[1] if steps else session.steps
        path = export_still(session, args.view, out, size=size, step=step, dark=dark)
        print(f"wrote {path} ({args.view} view at step {step}, {size[0]}×{size[1]})")
        return 0
    done = {"frames": 0}

    def progress(_index: int, frames: int) -> None:
        done["frames"] = frames
        collect_due_generations()   # between frames, never inside Qt's painting (see gc_guard)

    path = export_animation(session, args.view, out, size=size, fps=fps, steps=steps,
                            seconds_per_step=seconds_per_step, animation_seconds=animation_seconds, dark=dark,
                            progress=progress)
    print(f"wrote {path} ({done['frames']} frames, {size[0]}×{size[1]}, {fps:g} fps)")
    return 0


def _load_project(args):
    if args.project:
        from simulator.io.project_file import load_project

        return load_project(args.project)
    if not args.scene:
        raise UserInputError("export needs --scene NAME or --project FILE")
    from simulator.model.scenes import load_scene

    return load_scene(args.scene)


def _application():
    import simulator.gui  # noqa: F401  (its work-arounds for the Qt bindings come first)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        _quiet_offscreen_notes()
        app = QApplication([sys.argv[0] if sys.argv else "rnn-sim"])
        app.setApplicationName("RNN Simulator")
        gc.disable()   # collected between frames instead (simulator/gui/gc_guard.py says why)
    return app


def _quiet_offscreen_notes():
    """The offscreen platform notes "does not support propagateSizeHints()" for every window shown;
    that is noise on a command line. Other Qt messages still go to stderr."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message):
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)
