"""Colours and type shared by the views: the lecture's visual language, legible on a projector.

Hidden units green, outputs red, memory blue (as in the lecture's figures); values coloured on a
diverging scale (negative blue, zero neutral, positive orange), weights the same by sign with width by
size. Palettes for the light and dark themes.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Palette:
    background: QColor
    text: QColor
    muted: QColor
    hidden: QColor
    output: QColor
    memory: QColor
    input: QColor
    gate: QColor
    positive: QColor
    negative: QColor
    neutral: QColor
    highlight: QColor


LIGHT = Palette(
    background=QColor("#ffffff"), text=QColor("#1b1f24"), muted=QColor("#6b7280"),
    hidden=QColor("#2e9e5b"), output=QColor("#d64545"), memory=QColor("#2f6fd6"), input=QColor("#e0a100"),
    gate=QColor("#7c4dca"), positive=QColor("#e8710a"), negative=QColor("#1a73e8"), neutral=QColor("#f1f3f4"),
    highlight=QColor("#ffd54f"),
)

DARK = Palette(
    background=QColor("#16181d"), text=QColor("#eceff4"), muted=QColor("#9aa3ae"),
    hidden=QColor("#46c27a"), output=QColor("#ff6b6b"), memory=QColor("#5b9bff"), input=QColor("#ffc94d"),
    gate=QColor("#b18cff"), positive=QColor("#ff9a3d"), negative=QColor("#5aa2ff"), neutral=QColor("#2a2e36"),
    highlight=QColor("#ffd54f"),
)


def palette(dark: bool) -> Palette:
    return DARK if dark else LIGHT


def mix(a: QColor, b: QColor, t: float) -> QColor:
    t = 0.0 if not math.isfinite(t) else max(0.0, min(1.0, t))
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def value_color(value: float, scale: float, pal: Palette) -> QColor:
    """Diverging colour for a value: |value| ≥ scale is full colour; NaN/inf get the highlight colour."""
    if not math.isfinite(value):
        return QColor(pal.highlight)
    if scale <= 0:
        return QColor(pal.neutral)
    t = min(1.0, abs(value) / scale)
    return mix(pal.neutral, pal.positive if value >= 0 else pal.negative, t ** 0.7)


def text_on(color: QColor) -> QColor:
    """Black or white, whichever reads better on ``color``."""
    luminance = 0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF()
    return QColor("#000000") if luminance > 0.55 else QColor("#ffffff")


def format_value(value: float, digits: int = 3) -> str:
    """Numbers as a student reads them on a neuron: 6, 0.462, −1.5e+03, NaN."""
    if not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("∞" if value > 0 else "−∞")
    if value == round(value) and abs(value) < 1e6:
        return str(int(round(value))).replace("-", "−")
    if abs(value) >= 1e4 or abs(value) < 1e-3:
        return f"{value:.{max(1, digits - 1)}e}".replace("-", "−")
    return f"{value:.{digits}g}".replace("-", "−")
