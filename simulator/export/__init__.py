"""Export a view's animation (GIF, MP4, PNG frames) or one picture (PNG, SVG): one code path for the
GUI's File → Export… and the headless ``python main.py export``.

    export_animation(window_or_session, "cell", "lstm.gif", size=(1280, 720), fps=30, steps=(1, 9),
                     seconds_per_step=1.0)

Frames come from a virtual clock (:class:`~simulator.export.frames.VirtualClock`): the view is told
``show_step(step, progress)`` for each frame, never driven by the animator's timer, and drawn with the
bundled font at device-pixel-ratio 1, so the same scene and settings give the same pixels. Importing
this package loads no Qt; the functions need a QApplication (the CLI makes an offscreen one).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from simulator.errors import UserInputError

from .frames import VirtualClock, render_frame
from .writers import output_format, save_png_atomic, writer_for

VIEWS = ("network", "cell", "unrolled", "heatmap")
#: the editing panels, which export as they look now (they have no animation of their own)
PANELS = ("builder", "sequence", "explanation", "scene")
WHOLE_WINDOW = "window"
MIN_SIDE, MAX_SIDE = 16, 7680

#: progress(frames_done, frames_total) is called after every frame; cancelled() is asked before each
ProgressCallback = Callable[[int, int], None]
CancelCallback = Callable[[], bool]

__all__ = ["ExportCancelled", "VIEWS", "WHOLE_WINDOW", "VirtualClock", "export_animation", "export_still",
           "render_frame", "output_format", "check_size", "step_range"]


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


def check_size(size) -> tuple[int, int]:
    width, height = (int(v) for v in size)
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise UserInputError(f"the size {width}×{height} is outside {MIN_SIDE}…{MAX_SIDE} pixels per side")
    return width, height


def step_range(session, steps: tuple[int, int] | None) -> tuple[int, int]:
    """The steps to export (inclusive; 0 = before the first input): all of them by default."""
    total = int(session.steps)
    if steps is None:
        return (1, total) if total >= 1 else (0, 0)
    first, last = (int(v) for v in steps)
    if not 0 <= first <= last <= total:
        raise UserInputError(f"the steps {first}:{last} are not within 0:{total} (this scene has {total} steps)")
    return first, last


def export_animation(source, view: str | Callable, out_path: str | os.PathLike, *,
                     size: tuple[int, int] = (1280, 720), fps: float = 30, steps: tuple[int, int] | None = None,
                     seconds_per_step: float = 1.0, animation_seconds: float | None = None,
                     dark: bool | None = None, zoom: float = 1.0,
                     progress: ProgressCallback | None = None, cancelled: CancelCallback | None = None) -> Path:
    """Write the animation of ``view`` through ``steps`` to ``out_path`` and return the path written.

    ``source`` is a MainWindow or a Session. ``view`` is one of :data:`VIEWS`, ``"window"`` (the whole
    main window as it is laid out) or a factory ``session -> StepView``. The format follows the name:
    ``.gif``, ``.mp4``, or a folder (``DIR/``) of ``frame_00001.png`` …. Each step lasts
    ``seconds_per_step``; its animation lasts ``animation_seconds`` (None: the whole step) and the rest
    holds the settled picture. Raises :class:`UserInputError` for bad settings and
    :class:`ExportCancelled` when ``cancelled()`` said so; either way nothing is left on disk.
    """
    size = check_size(size)
    session = _session_of(source)
    first, last = step_range(session, steps)
    clock = VirtualClock(first, last, float(fps), float(seconds_per_step), animation_seconds)
    if output_format(out_path) in ("png", "svg"):
        raise UserInputError(f"{Path(out_path).name} holds one picture; use export_still, or .gif, .mp4 or DIR/")
    writer = writer_for(out_path, size, clock.fps)
    try:
        with _FrameSource(source, view, size, dark, zoom) as frames:
            total = clock.frame_count
            for index, (step, step_progress) in enumerate(clock):
                if cancelled is not None and cancelled():
                    raise ExportCancelled()
                writer.write(frames.frame(step, step_progress))
                if progress is not None:
                    progress(index + 1, total)
            if cancelled is not None and cancelled():
                raise ExportCancelled()
        return writer.commit()
    except BaseException:
        writer.abort()
        raise


def export_still(source, view: str | Callable, out_path: str | os.PathLike, *,
                 size: tuple[int, int] = (1280, 720), step: int | None = None,
                 dark: bool | None = None, zoom: float = 1.0) -> Path:
    """One settled picture of ``view`` at ``step`` (default: the session's current step) as PNG or SVG."""
    size = check_size(size)
    session = _session_of(source)
    step = int(session.step if step is None else step)
    step_range(session, (step, step))
    kind = output_format(out_path)
    target = Path(out_path)
    if kind == "png":
        with _FrameSource(source, view, size, dark, zoom) as frames:
            return save_png_atomic(frames.frame(step, 1.0), target)
    if kind == "svg":
        with _FrameSource(source, view, size, dark, zoom) as frames:
            return frames.save_svg(step, target)
    raise UserInputError(f"{target.name}: a single picture is a .png or an .svg")


# -- where the frames come from -------------------------------------------------------------------

def _session_of(source):
    session = getattr(source, "session", source)
    if not hasattr(session, "trace") or not hasattr(session, "steps"):
        raise TypeError("export needs a MainWindow or a Session")
    return session


class _FrameSource:
    """A view (a fresh one, built with the bundled font and kept off screen) or the whole window, drawn
    at a fixed size for given (step, progress)."""

    def __init__(self, source, view, size, dark, zoom):
        self.source, self.view_name, self.size = source, view, size
        self.window = source if hasattr(source, "views") and hasattr(source, "animator") else None
        self.session = _session_of(source)
        self.dark = bool(getattr(self.window, "dark", False)) if dark is None else bool(dark)
        self.zoom = float(zoom)
        self.widget = None
        self._font = None
        self._geometry = None

    def __enter__(self):
        from .frames import bundled_font

        _require_app()
        self._font = bundled_font()
        self._font.__enter__()
        try:
            if self.view_name == WHOLE_WINDOW:
                self._enter_window()
            else:
                self._enter_view()
        except BaseException:
            self._font.__exit__(None, None, None)
            raise
        return self

    def _enter_window(self):
        if self.window is None:
            raise UserInputError("exporting the whole window needs the window (the GUI), not only a scene")
        self.window.animator.finish()
        self._geometry = self.window.saveGeometry()
        self.widget = self.window
        self.views = list(self.window.views.values())

    def _enter_view(self):
        from PySide6.QtCore import Qt

        factory = self.view_name if callable(self.view_name) else _view_factory(self.view_name)
        widget = factory(self.session)
        widget.setAttribute(Qt.WA_DontShowOnScreen, True)
        for method, argument in (("set_dark", (self.dark,)), ("set_zoom", (self.zoom,)), ("rebuild", ()),
                                 ("retranslate", ())):
            if hasattr(widget, method):          # a panel has only some of a view's methods
                getattr(widget, method)(*argument)
        widget.resize(*self.size)
        widget.show()
        self.widget = widget
        self.views = [widget]

    def frame(self, step: int, progress: float):
        for view in self.views:
            if hasattr(view, "show_step"):
                view.show_step(step, progress)
        return render_frame(self.widget, self.size)

    def save_svg(self, step: int, target: Path) -> Path:
        from PySide6.QtCore import QPoint, QRect, QSize
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        from .writers import _partial_file, check_writable_parent

        check_writable_parent(target)
        for view in self.views:
            if hasattr(view, "show_step"):
                view.show_step(step, 1.0)
        self.widget.resize(*self.size)
        partial = _partial_file(target)
        try:
            generator = QSvgGenerator()
            generator.setFileName(str(partial))
            generator.setSize(QSize(*self.size))
            generator.setViewBox(QRect(0, 0, *self.size))
            generator.setTitle("RNN Simulator")
            painter = QPainter(generator)
            try:
                painter.fillRect(0, 0, *self.size, self.widget.palette().window())
                self.widget.render(painter, QPoint(0, 0))
            finally:
                painter.end()
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        return target

    def __exit__(self, exc_type, exc, tb):
        try:
            if self.widget is self.window and self.window is not None:
                self.window.restoreGeometry(self._geometry)
                self.window.animator.redraw()   # back to the session's own step, settled
            elif self.widget is not None:
                import shiboken6

                self.widget.hide()
                shiboken6.delete(self.widget)   # now: a view also listens to the session
        finally:
            self.widget = None
            self._font.__exit__(exc_type, exc, tb)
        return False


def _view_factory(name: str):
    from simulator.gui.main_window import VIEW_FACTORIES

    if name in PANELS:
        return _panel_factory(name)
    if name not in VIEW_FACTORIES:
        raise UserInputError(f"unknown view {name!r}; choose one of {', '.join(VIEW_FACTORIES)}, "
                             f"{', '.join(PANELS)} or window")
    return VIEW_FACTORIES[name]


def _panel_factory(name: str):
    if name == "builder":
        from simulator.gui.panels.builder import BuilderPanel
        return BuilderPanel
    if name == "sequence":
        from simulator.gui.panels.sequence_editor import SequenceEditor
        return SequenceEditor
    if name == "explanation":
        from simulator.gui.panels.explain_panel import ExplainPanel
        return ExplainPanel
    from simulator.gui.i18n import LANGUAGES
    from simulator.gui.panels.scene_panel import ScenePanel

    from PySide6.QtCore import QLocale

    language = "zh_CN" if QLocale().name().startswith("zh") else "en"
    return lambda session: ScenePanel(session, language if language in LANGUAGES else "en")


def _require_app():
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        raise RuntimeError("export needs a QApplication (the CLI creates an offscreen one)")
