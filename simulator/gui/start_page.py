"""The start page: every scene of the lecture as a card — a thumbnail and one line — in lecture order.

It opens from Scenes → All Scenes… (Ctrl+Shift+N) and by itself on the first start. Clicking a card
opens that scene through ``window.open_scene(name)``. The lead wires it with one line::

    install_start_page(window)

The thumbnails are drawn from each scene's network and trace (no view is built), so the page opens
quickly however many scenes there are: inputs on the left, one box per layer with its memory loop,
the outputs on the right, and under it a strip of the outputs over time in the lecture's colours.
"""
from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (QAction, QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPainterPath, QPen,
                           QPixmap, QTextLayout)
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFrame, QGridLayout, QLabel,
                               QScrollArea, QVBoxLayout, QWidget)

from . import i18n

THUMBNAIL_SIZE = QSize(220, 124)
COLUMNS = 3
SETTINGS_KEY = "start_page/shown"

# lecture colours (see style.py): hidden green, output red, memory blue, input grey
GREEN, RED, BLUE, GREY = QColor("#4caf50"), QColor("#e53935"), QColor("#1e6fd9"), QColor("#8a929c")
LIGHT_BACKGROUND, DARK_BACKGROUND = QColor("#f7f8fa"), QColor("#23272f")

KIND_LABELS = {"elman": "RNN", "irnn": "IRNN", "jordan": "Jordan", "lstm": "LSTM", "gru": "GRU",
               "clockwork": "CW", "scrn": "SCRN", "feedforward": "FF"}


def _groups():
    """(upper bound of settings["order"], title) of each group, in lecture order."""
    return [
        (30, QCoreApplication.translate("StartPage", "Words and memory")),
        (60, QCoreApplication.translate("StartPage", "Elman, Jordan, deep and bidirectional")),
        (90, QCoreApplication.translate("StartPage", "LSTM and GRU")),
        (100, QCoreApplication.translate("StartPage", "More ways to remember")),
        (float("inf"), QCoreApplication.translate("StartPage", "Why training is hard, and the fixes")),
    ]


def group_title(order: float) -> str:
    for bound, title in _groups():
        if order < bound:
            return title
    return _groups()[-1][1]


# == thumbnails =========================================================================================

def render_thumbnail(project, size: QSize = THUMBNAIL_SIZE, dark: bool = False, trace=None) -> QPixmap:
    """A small schematic of the scene's network and, below it, its outputs over time."""
    pixmap = QPixmap(size)
    background = DARK_BACKGROUND if dark else LIGHT_BACKGROUND
    pixmap.fill(background)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    ink = QColor("#eceff4") if dark else QColor("#2b2f36")
    network = project.network
    w, h = size.width(), size.height()
    strip_height = 22
    area = QRectF(8, 8, w - 16, h - 16 - strip_height - 6)

    columns = 2 + len(network.layers)
    step = area.width() / columns
    centres = [area.left() + step * (k + 0.5) for k in range(columns)]
    mid_y = area.center().y() - 6

    def dots(x, count, colour):
        shown = min(count, 5)
        gap = min(14.0, (area.height() - 20) / max(shown, 1))
        top = mid_y - gap * (shown - 1) / 2
        painter.setPen(QPen(colour.darker(130), 1))
        painter.setBrush(colour)
        for i in range(shown):
            painter.drawEllipse(QPointF(x, top + i * gap), 4.5, 4.5)
        if count > shown:
            painter.setPen(ink)
            painter.drawText(QRectF(x - 14, top + shown * gap - 6, 28, 12), Qt.AlignCenter, "…")

    painter.setPen(QPen(GREY, 1.2))
    for k in range(columns - 1):   # arrows between the columns
        x0, x1 = centres[k] + 12, centres[k + 1] - 16
        painter.drawLine(QPointF(x0, mid_y), QPointF(x1, mid_y))
        painter.drawLine(QPointF(x1, mid_y), QPointF(x1 - 4, mid_y - 3))
        painter.drawLine(QPointF(x1, mid_y), QPointF(x1 - 4, mid_y + 3))
    dots(centres[0], network.input_size, GREY)

    label_font = QFont(painter.font())
    label_font.setPixelSize(11)
    label_font.setBold(True)
    painter.setFont(label_font)
    for k, layer in enumerate(network.layers):
        x = centres[k + 1]
        kind = layer.cell.kind
        directions = 2 if layer.bidirectional else 1
        box_h = 26.0 if directions == 1 else 20.0
        for d in range(directions):
            top = mid_y - box_h / 2 if directions == 1 else mid_y - box_h - 2 + d * (box_h + 4)
            box = QRectF(x - min(step * 0.42, 30), top, min(step * 0.84, 60), box_h)
            painter.setPen(QPen(GREEN.darker(140), 1.2))
            painter.setBrush(GREEN)
            painter.drawRoundedRect(box, 5, 5)
            painter.setPen(QColor("white"))
            label = KIND_LABELS.get(kind, kind) + (("  →" if d == 0 else "  ←") if directions == 2 else "")
            painter.drawText(box, Qt.AlignCenter, label)
        if layer.cell.state_names:   # a memory: the blue box below, fed back into the layer
            memory = QRectF(x - 9, mid_y + 24, 18, 12)
            painter.setPen(QPen(BLUE.darker(130), 1))
            painter.setBrush(BLUE)
            painter.drawRect(memory)
            path = QPainterPath(QPointF(x + 9, memory.center().y()))
            path.cubicTo(QPointF(x + 26, memory.center().y()), QPointF(x + 26, mid_y),
                         QPointF(x + min(step * 0.42, 30), mid_y + 6))
            painter.setPen(QPen(BLUE, 1.3))
            painter.setBrush(Qt.NoBrush)
            painter.drawPath(path)
    head = network.head
    outputs = head.output_size if head.activation != "identity" else network.layers[-1].output_size
    dots(centres[-1], outputs, RED if head.activation != "identity" else GREEN)

    _draw_output_strip(painter, project, trace, QRectF(8, h - 8 - strip_height, w - 16, strip_height), ink)
    painter.end()
    return pixmap


def _draw_output_strip(painter, project, trace, rect, ink):
    """The first output over time as coloured cells: red for positive, blue for negative."""
    if trace is None:
        return
    with np.errstate(all="ignore"):
        values = np.asarray(trace.outputs[:, 0, :], dtype=float)
    steps = values.shape[0]
    shown = min(steps, 40)
    values = values[np.linspace(0, steps - 1, shown).round().astype(int)]
    finite = values[np.isfinite(values)]
    scale = float(np.max(np.abs(finite))) if finite.size else 1.0
    scale = scale if scale > 0 else 1.0
    rows = min(values.shape[1], 3)
    cell_w, cell_h = rect.width() / shown, rect.height() / rows
    painter.setPen(Qt.NoPen)
    for t in range(shown):
        for r in range(rows):
            v = values[t, r]
            level = 0.0 if not np.isfinite(v) else max(-1.0, min(1.0, v / scale))
            base = RED if level >= 0 else BLUE
            colour = QColor(base)
            colour.setAlphaF(0.15 + 0.85 * abs(level))
            painter.setBrush(colour)
            painter.drawRect(QRectF(rect.left() + t * cell_w + 0.5, rect.top() + r * cell_h + 0.5,
                                    max(cell_w - 1, 1), max(cell_h - 1, 1)))
    painter.setPen(QPen(ink, 0.6))
    painter.setBrush(Qt.NoBrush)
    painter.drawRect(rect)


def first_sentence(text: str) -> str:
    """The card's one line: a description's first sentence (older scenes have a paragraph there)."""
    import re

    match = re.match(r"(.+?(?:[.!?](?=\s)|[。！？]))", text.strip(), re.S)
    return (match.group(1) if match else text.strip()).replace("\n", " ")


def _scene_trace(project):
    from simulator.model.session import Session

    return Session(project).trace   # a text scene's words go through its encoding, as in the app


# == the page ===========================================================================================

TITLE_LINES, TEXT_LINES = 3, 4


def fit_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """``text`` as it wraps in ``width`` pixels, cut to ``lines`` lines, the last ending in "…" if
    there is more: a card shows whole lines, never half a line under the next label. Line breaks
    follow Qt's rules, so Chinese without spaces wraps too."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append((line.textStart(), line.textLength()))
    layout.endLayout()
    if len(starts) <= lines:
        return text
    kept = [text[start:start + length].rstrip() for start, length in starts[:lines - 1]]
    rest = text[starts[lines - 1][0]:]
    kept.append(QFontMetrics(font).elidedText(rest, Qt.ElideRight, width))
    return "\n".join(kept)


class SceneCard(QFrame):
    """One scene: its thumbnail, title and one line. A click opens it."""

    clicked = Signal(str)

    def __init__(self, name: str, pixmap: QPixmap, parent=None):
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"card_{name}")
        self.setFrameShape(QFrame.StyledPanel)
        self.setCursor(Qt.PointingHandCursor)
        self.setFocusPolicy(Qt.StrongFocus)
        self.thumbnail = QLabel()
        self.thumbnail.setPixmap(pixmap)
        self.thumbnail.setAlignment(Qt.AlignCenter)
        self.thumbnail.setFixedSize(pixmap.size())
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.line = QLabel()
        self.line.setWordWrap(True)
        self.line.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(self.thumbnail)
        layout.addWidget(self.title)
        layout.addWidget(self.line, 1)
        self.setFixedWidth(THUMBNAIL_SIZE.width() + 22)
        # every card the same height: three lines of title, four of text (longer texts end in "…")
        self.title.setFixedHeight(int(self.title.fontMetrics().lineSpacing() * TITLE_LINES * 1.3) + 2)  # CJK is taller
        self.line.setFixedHeight(int(self.line.fontMetrics().lineSpacing() * TEXT_LINES * 1.15) + 2)
        self.title.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.setStyleSheet("SceneCard { border-radius: 6px; } SceneCard:hover, SceneCard:focus "
                           "{ border: 2px solid palette(highlight); }")

    def set_texts(self, title: str, line: str):
        from .panels.scene_panel import readable   # a^{t−1} → aᵗ⁻¹, as in the scene panel

        title, line = readable(title), readable(line)
        width = self.width() - 16
        self.title.setText(fit_lines(title, self.title.font(), width, TITLE_LINES))
        self.line.setText(fit_lines(line, self.line.font(), width, TEXT_LINES))
        self.setToolTip(f"<b>{html.escape(title)}</b><br>{html.escape(line)}")

    def pixmap(self) -> QPixmap:
        return self.thumbnail.pixmap()

    def mouseReleaseEvent(self, event):
        if event.button() == Qt.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit(self.name)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.clicked.emit(self.name)
            return
        super().keyPressEvent(event)


class StartPage(QDialog):
    """All scenes, grouped in lecture order. ``scene_chosen(name)`` when a card is clicked."""

    scene_chosen = Signal(str)

    def __init__(self, language: str = "en", dark: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName("start_page")
        self.language = language
        self.dark = dark
        self.cards: dict[str, SceneCard] = {}
        self._infos = {}
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.body = QWidget()
        self.grid = QVBoxLayout(self.body)
        self.grid.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(self.body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.group_labels: list[tuple[QLabel, float]] = []
        self._build()
        self.retranslate()
        self.resize(3 * (THUMBNAIL_SIZE.width() + 40) + 60, 760)

    def _build(self):
        from simulator.model.scenes import list_scenes

        current_group, row_layout, column = None, None, 0
        for info in list_scenes():
            project = _load(info)
            if project is None:
                continue
            self._infos[info.name] = info
            title = group_title(info.order)
            if title != current_group:
                current_group = title
                label = QLabel()
                font = QFont(label.font())
                font.setBold(True)
                font.setPointSizeF(font.pointSizeF() * 1.2)
                label.setFont(font)
                label.setContentsMargins(0, 8, 0, 0)
                self.grid.addWidget(label)
                self.group_labels.append((label, info.order))
                holder = QWidget()
                row_layout = QGridLayout(holder)
                row_layout.setContentsMargins(0, 0, 0, 0)
                row_layout.setHorizontalSpacing(10)
                row_layout.setVerticalSpacing(10)
                row_layout.setAlignment(Qt.AlignLeft | Qt.AlignTop)
                self.grid.addWidget(holder)
                column = 0
            card = SceneCard(info.name, render_thumbnail(project, dark=self.dark, trace=_scene_trace(project)))
            card.clicked.connect(self._choose)
            row_layout.addWidget(card, column // COLUMNS, column % COLUMNS, Qt.AlignTop)
            column += 1
            self.cards[info.name] = card
        self.grid.addStretch(1)

    def _choose(self, name: str):
        self.scene_chosen.emit(name)
        self.accept()

    def set_language(self, language: str):
        self.language = language
        self.retranslate()

    def retranslate(self):
        self.setWindowTitle(self.tr("All scenes"))
        self.heading.setText(self.tr("Scenes of the lecture"))
        self.intro.setText(self.tr("Each scene is a figure or a claim of the lecture notes, with its network, "
                                   "inputs and suggested steps. Click one to open it; press → to step."))
        for label, order in self.group_labels:
            label.setText(group_title(order))
        for name, card in self.cards.items():
            info = self._infos[name]
            card.set_texts(i18n.scene_text(info.title, self.language),
                           first_sentence(i18n.scene_text(info.description, self.language)))
        close = self.buttons.button(QDialogButtonBox.Close)
        if close is not None:
            close.setText(self.tr("Close"))

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            parent = self.parent()
            self.language = getattr(parent, "language", self.language)
            self.retranslate()
        super().changeEvent(event)


def _load(info):
    from simulator.errors import UserInputError
    from simulator.model.scenes import load_scene

    try:
        return load_scene(info.name)
    except UserInputError:   # one broken file must not hide the others
        return None


# == wiring into the main window ========================================================================

class _StartPageHook(QObject):
    """Keeps the action's text in the UI language and puts it back at the top of the Scenes menu, which
    the window rebuilds from the scene files whenever the language changes."""

    def __init__(self, window, action: QAction):
        super().__init__(window)
        self.window = window
        self.action = action
        self.page: StartPage | None = None
        window.installEventFilter(self)
        window.menu_scenes.aboutToShow.connect(self.place_action)
        self.place_action()
        self.retranslate()

    def eventFilter(self, watched, event):
        if watched is self.window and event.type() == QEvent.LanguageChange:
            self.retranslate()
            self.place_action()
        return False

    def retranslate(self):
        self.action.setText(QCoreApplication.translate("StartPage", "&All Scenes…"))
        tip = QCoreApplication.translate("StartPage", "Show every scene of the lecture with a picture and one line")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    def place_action(self):
        menu = self.window.menu_scenes
        actions = menu.actions()
        if actions and actions[0] is self.action:
            return
        if self.action in actions:
            menu.removeAction(self.action)
            actions = menu.actions()
        first = actions[0] if actions else None
        menu.insertAction(first, self.action)
        if first is not None and not first.isSeparator():
            menu.insertSeparator(first)

    def show_page(self) -> StartPage:
        if self.page is not None:
            self.page.close()
            self.page.deleteLater()
        self.page = StartPage(self.window.language, getattr(self.window, "dark", False), self.window)
        self.page.scene_chosen.connect(self.window.open_scene)
        self.page.show()
        self.page.raise_()
        self.page.activateWindow()
        return self.page


def install_start_page(window, show_on_first_start: bool = True) -> QAction:
    """Add Scenes → All Scenes… (Ctrl+Shift+N) to ``window``; on the very first start (no
    "start_page/shown" in the window's settings) open the start page once the window is up.

    Returns the action; ``window.start_page()`` opens the page and returns it.
    """
    action = QAction(window)
    action.setObjectName("act_all_scenes")
    action.setShortcut(QKeySequence("Ctrl+Shift+N"))
    window.addAction(action)      # the shortcut works while the menu is closed
    hook = _StartPageHook(window, action)
    action.triggered.connect(hook.show_page)
    window.act_all_scenes = action
    window.start_page = hook.show_page
    window._start_page_hook = hook
    if show_on_first_start and window.settings.value(SETTINGS_KEY) in (None, False, "false"):
        window.settings.setValue(SETTINGS_KEY, True)
        QTimer.singleShot(0, hook.show_page)
    return action
