"""Frames of an export: a virtual clock, the bundled font, and one widget rendered to an RGB array.

The clock never looks at wall time. Frame i of step k has a progress computed from i alone and the
view is told ``show_step(k, progress)`` directly, so the same scene and settings always give the same
frames, however slow or busy the machine is.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import numpy as np

from simulator.errors import UserInputError
from simulator.paths import resources_dir

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf")
FONT_FAMILY = "DejaVu Sans"
#: the text size of exported frames; pixels rather than points, so the screen's DPI does not matter
FONT_PIXEL_SIZE = 13


@dataclass(frozen=True)
class VirtualClock:
    """Which (step, progress) each frame shows.

    Steps ``first..last`` (inclusive; step k = k inputs fed) each last ``seconds_per_step``. The step's
    animation (progress 0 → 1) takes ``animation_seconds`` and the rest of the step holds the settled
    picture; ``animation_seconds=None`` spreads the animation over the whole step (progress i / (n − 1))
    and 0 shows every step settled at once.
    """

    first: int
    last: int
    fps: float = 30.0
    seconds_per_step: float = 1.0
    animation_seconds: float | None = None

    def __post_init__(self):
        if not (self.fps > 0 and np.isfinite(self.fps)):
            raise UserInputError(f"the frame rate must be a positive number, not {self.fps:g}")
        if not (self.seconds_per_step > 0 and np.isfinite(self.seconds_per_step)):
            raise UserInputError(f"seconds per step must be a positive number, not {self.seconds_per_step:g}")
        if self.animation_seconds is not None and not (self.animation_seconds >= 0
                                                       and np.isfinite(self.animation_seconds)):
            raise UserInputError(f"the animation time must be 0 or more seconds, not {self.animation_seconds:g}")
        if not 0 <= self.first <= self.last:
            raise UserInputError(f"the step range {self.first}:{self.last} is empty or negative")

    @property
    def steps(self) -> int:
        return self.last - self.first + 1

    @property
    def frames_per_step(self) -> int:
        return max(1, int(round(self.seconds_per_step * self.fps)))

    @property
    def animation_frames(self) -> int:
        """Frames from progress 0 to the first settled frame (inclusive) of a step."""
        if self.animation_seconds is None:
            return self.frames_per_step
        return min(self.frames_per_step, int(round(self.animation_seconds * self.fps)))

    @property
    def frame_count(self) -> int:
        return self.steps * self.frames_per_step

    def progress(self, i: int) -> float:
        """The animation progress of frame i (0-based) within its step."""
        m = self.animation_frames
        if m <= 1:
            return 1.0
        return min(1.0, i / (m - 1))

    def __iter__(self) -> Iterator[tuple[int, float]]:
        for step in range(self.first, self.last + 1):
            for i in range(self.frames_per_step):
                yield step, self.progress(i)


@lru_cache(maxsize=1)
def bundled_font_family() -> str:
    """Register the bundled DejaVu Sans with Qt (once) and return its family name."""
    from PySide6.QtGui import QFontDatabase

    family = FONT_FAMILY
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        if font_id >= 0:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else family
    return family


def export_font():
    from PySide6.QtGui import QFont

    font = QFont(bundled_font_family())
    font.setPixelSize(FONT_PIXEL_SIZE)
    font.setHintingPreference(QFont.PreferNoHinting)   # no hinting: glyphs do not depend on the rasteriser's
    font.setStyleStrategy(QFont.PreferAntialias)      # hinting settings of the machine
    return font


@contextmanager
def bundled_font():
    """Make the bundled font the application font while frames are made (views read ``QFont()``, the
    application's font, when they are built), and put the user's font back afterwards."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    previous = app.font()
    app.setFont(export_font())
    try:
        yield
    finally:
        app.setFont(previous)


def render_frame(widget, size: tuple[int, int]) -> np.ndarray:
    """The widget drawn at ``size`` = (width, height) at device-pixel-ratio 1, as (height, width, 3) uint8 RGB."""
    from PySide6.QtCore import QCoreApplication, QSize
    from PySide6.QtGui import QImage

    width, height = size
    if widget.size() != QSize(width, height):
        widget.resize(width, height)
    # Deliver what the widget posted to itself (layout requests, deferred geometry of plots) — only
    # posted events: no timers and no input, so nothing depends on wall time.
    QCoreApplication.sendPostedEvents()
    image = QImage(width, height, QImage.Format_RGB32)
    image.setDevicePixelRatio(1.0)
    image.fill(widget.palette().window().color())
    widget.render(image)
    return qimage_to_rgb(image)


def qimage_to_rgb(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    if image.format() != QImage.Format_RGB32:
        image = image.convertToFormat(QImage.Format_RGB32)
    height, width = image.height(), image.width()
    # Format_RGB32 is 0xffRRGGBB per pixel: B, G, R, 255 in memory on little-endian machines.
    raw = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.bytesPerLine() * height // 4)
    pixels = raw.reshape(height, image.bytesPerLine() // 4)[:, :width]
    rgb = np.empty((height, width, 3), dtype=np.uint8)
    rgb[..., 0] = (pixels >> 16) & 0xFF
    rgb[..., 1] = (pixels >> 8) & 0xFF
    rgb[..., 2] = pixels & 0xFF
    return rgb
