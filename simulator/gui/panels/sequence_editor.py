"""The input sequence x¹ … x^T: a table of steps × input features, or a sentence for text scenes.

The editor never changes the session. Every accepted edit goes out as the whole new (T, D) array
through ``inputs_edit_requested`` (or the new sentence through ``text_edit_requested``); the main
window turns it into an undoable command, the session recomputes, and ``refresh()`` redraws the
table from the session without emitting anything.

A value that cannot be used (not a number, not finite, too large, empty) is never accepted silently:
the cell keeps the typed text on a red background with the reason as its tooltip, the message line
under the table says which step and feature and that the old value was kept, and the session keeps
the old value.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QSizePolicy, QStackedWidget,
    QTableWidget, QTableWidgetItem, QToolButton, QVBoxLayout, QWidget,
)

from simulator.engine.encoding import CombinedEncoding, OneHotEncoding, TrigramHashing, encoding_from_spec
from simulator.errors import SequenceError, UserInputError
from simulator.io.sequence import MAX_ABS_VALUE, MAX_STEPS, format_inline, parse_inline, tokenize_text

# PySide6 6.12 on Python 3.11 drops a reference to None on every void Qt call (see the guard).


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")

# The same number syntax as simulator.io.sequence.parse_inline accepts, so a value typed into a cell
# and the same value typed into the inline field are read alike ("−" from the lecture PDF included).
_MINUS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\ufe63": "-", "\uff0d": "-"})
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.ASCII | re.IGNORECASE)

BASE_POINT_SIZE = 11.0

INVALID_BACKGROUND = {False: QColor("#fbd5d2"), True: QColor("#6b2323")}
INVALID_FOREGROUND = {False: QColor("#8b1111"), True: QColor("#ffd9d6")}
CURRENT_BACKGROUND = {False: QColor("#fff1b8"), True: QColor("#4d4216")}
MESSAGE_COLOR = {False: "#a31515", True: "#ff8a80"}


def superscript(n: int) -> str:
    return str(n).translate(_SUPERSCRIPT)


def subscript(n: int) -> str:
    return str(n).translate(_SUBSCRIPT)


@dataclass(frozen=True)
class CellReading:
    """What a cell's text means: a usable value, or why not (``problem`` is one of the codes below)."""

    value: float | None
    problem: str | None = None  # "empty", "not_number", "not_finite", "too_large"


def read_cell(text: str) -> CellReading:
    token = text.strip()
    if not token:
        return CellReading(None, "empty")
    norm = token.translate(_MINUS)
    if _NUMBER.fullmatch(norm):
        value = float(norm)
        if not math.isfinite(value) or abs(value) > MAX_ABS_VALUE:
            return CellReading(None, "too_large")
        return CellReading(value)
    if _NON_FINITE.fullmatch(norm):
        return CellReading(None, "not_finite")
    return CellReading(None, "not_number")


def format_cell(value: float) -> str:
    """The shortest text that reads back as exactly this value (the inline field's format)."""
    return format_inline(np.array([[value]]))


def split_clipboard(text: str) -> list[list[str]]:
    """Rows and cells of a spreadsheet paste: tab-separated lines; without tabs, "," or ";" separate,
    and without those, spaces. One trailing newline (spreadsheets add it) is dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    if "\t" in text:
        return [line.split("\t") for line in lines]
    if "," in text or ";" in text:
        return [re.split(r"[,;]", line) for line in lines]
    return [line.split() or [""] for line in lines]


@dataclass
class _InvalidCell:
    typed: str
    message: str


class SequenceEditor(QWidget):
    """Edit the inputs of the open project; see the module docstring for the flow of an edit."""

    #: the whole new input array (T, D) the user asks for
    inputs_edit_requested = Signal(object)
    #: the new sentence of a text scene
    text_edit_requested = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._dark = False
        self._zoom = 1.0
        self._updating = False           # True while refresh() writes into the widgets
        self._invalid: dict[tuple[int, int], _InvalidCell] = {}
        self._shape: tuple[int, int] | None = None
        self._current_row = -1
        self._message = ""
        self._shown_message = ""
        self._encoding = None
        self._words: list[tuple[str, str]] = []

        self._build()
        self.retranslate()
        self.set_zoom(1.0)

        session.trace_changed.connect(self.refresh)
        session.project_changed.connect(self._on_project_changed)
        session.step_changed.connect(self._on_step_changed)
        # The session outlives widgets (a closed dock, a test): stop listening when the C++ side goes.
        slots = ((session.trace_changed, self.refresh), (session.project_changed, self._on_project_changed),
                 (session.step_changed, self._on_step_changed))
        self.destroyed.connect(lambda *_: [signal.disconnect(slot) for signal, slot in slots])
        self.refresh()

    # -- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        self._table = QTableWidget(0, 0)
        self._table.setObjectName("sequenceTable")
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                    | QAbstractItemView.EditTrigger.EditKeyPressed
                                    | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self._table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._table.horizontalHeader().setMinimumSectionSize(60)
        self._table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self._table.itemChanged.connect(self._on_item_changed)

        # Ctrl+V is caught on the table itself, ahead of any window-wide Paste action.
        self._table.installEventFilter(self)

        def tool_button(slot) -> QToolButton:
            button = QToolButton()
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _checked=False: slot())
            return button

        self._add_button = tool_button(self.add_step)
        self._remove_button = tool_button(self.remove_steps)
        self._up_button = tool_button(lambda: self.move_steps(-1))
        self._down_button = tool_button(lambda: self.move_steps(+1))
        self._paste_button = tool_button(self.paste_clipboard)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self._add_button, self._remove_button, self._up_button, self._down_button,
                       self._paste_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self._inline_label = QLabel()
        self._inline = QLineEdit()
        self._inline.setObjectName("sequenceInline")
        self._inline.editingFinished.connect(self._commit_inline)
        self._inline_label.setBuddy(self._inline)
        inline_row = QHBoxLayout()
        inline_row.setContentsMargins(0, 0, 0, 0)
        inline_row.addWidget(self._inline_label)
        inline_row.addWidget(self._inline, 1)

        numeric = QWidget()
        numeric_layout = QVBoxLayout(numeric)
        numeric_layout.setContentsMargins(0, 0, 0, 0)
        numeric_layout.addLayout(buttons)
        numeric_layout.addWidget(self._table, 1)
        numeric_layout.addLayout(inline_row)

        # Text scenes: a sentence, and the words with what each becomes.
        self._sentence_label = QLabel()
        self._sentence = QLineEdit()
        self._sentence.setObjectName("sequenceSentence")
        self._sentence.editingFinished.connect(self._commit_text)
        self._sentence_label.setBuddy(self._sentence)
        self._words_table = QTableWidget(0, 2)
        self._words_table.setObjectName("sequenceWords")
        self._words_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._words_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self._words_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._words_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        text_page = QWidget()
        text_layout = QVBoxLayout(text_page)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(self._sentence_label)
        text_layout.addWidget(self._sentence)
        text_layout.addWidget(self._words_table, 1)

        self._pages = QStackedWidget()
        self._pages.addWidget(numeric)
        self._pages.addWidget(text_page)

        self._message_label = QLabel()
        self._message_label.setObjectName("sequenceMessage")
        self._message_label.setWordWrap(True)
        self._message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._message_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._message_label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self._pages, 1)
        layout.addWidget(self._message_label)

    def retranslate(self) -> None:
        self._add_button.setText(self.tr("+ Step"))
        self._add_button.setToolTip(self.tr("Add a step of zeros after the selected step"))
        self._remove_button.setText(self.tr("− Step"))
        self._remove_button.setToolTip(self.tr("Remove the selected steps"))
        self._up_button.setText(self.tr("↑"))
        self._up_button.setToolTip(self.tr("Move the selected steps one place earlier"))
        self._down_button.setText(self.tr("↓"))
        self._down_button.setToolTip(self.tr("Move the selected steps one place later"))
        self._paste_button.setText(self.tr("Paste"))
        self._paste_button.setToolTip(self.tr(
            "Paste cells copied from a spreadsheet (Ctrl+V) at the selected cell; the table grows as needed"))
        self._inline_label.setText(self.tr("&Inline:"))
        self._inline.setToolTip(self.tr(
            "The whole sequence on one line: steps separated by ';', features by ','. Press Enter to apply."))
        self._inline.setPlaceholderText(self.tr("1, 1; 1, 1; 2, 2"))
        self._sentence_label.setText(self.tr("&Sentence:"))
        self._sentence.setToolTip(self.tr("Type a sentence and press Enter: each word becomes one step x^t"))
        self._words_table.setHorizontalHeaderLabels([self.tr("word"), self.tr("encoded as")])
        self._words_table.horizontalHeaderItem(1).setToolTip(self.tr(
            "Which dimensions of x^t are set for this word"))
        self._update_headers()
        self._show_message()

    def eventFilter(self, watched, event) -> bool:
        if watched is self._table and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            if event.matches(QKeySequence.StandardKey.Paste):
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.paste_clipboard()
                return True
        return super().eventFilter(watched, event)

    # -- look ------------------------------------------------------------------------------------
    def set_dark(self, dark: bool) -> None:
        self._dark = bool(dark)
        self._message_label.setStyleSheet(f"color: {MESSAGE_COLOR[self._dark]};")
        self._repaint_cells()
        self._paint_word_rows(self._current_row if self._is_text_scene() else -1)

    def set_zoom(self, factor: float) -> None:
        """Scale the type (1 = 11 pt), for a projector."""
        self._zoom = max(0.5, float(factor))
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
        for widget in (self._table, self._words_table, self._inline, self._sentence, self._message_label,
                       self._inline_label, self._sentence_label, self._add_button, self._remove_button,
                       self._up_button, self._down_button, self._paste_button):
            widget.setFont(font)
        for table in (self._table, self._words_table):
            table.horizontalHeader().setFont(font)
            table.verticalHeader().setFont(font)
            table.verticalHeader().setDefaultSectionSize(round(table.fontMetrics().height() * 1.6))
        self.set_dark(self._dark)

    # -- reading the session ---------------------------------------------------------------------
    def _model_inputs(self) -> np.ndarray:
        project = self.session.project
        if project is None or project.inputs is None:
            width = self.session.network.input_size if project is not None else 0
            return np.zeros((0, width))
        return np.asarray(project.inputs, dtype=float)

    def _is_text_scene(self) -> bool:
        project = self.session.project
        return project is not None and project.encoding is not None

    def _on_project_changed(self) -> None:
        self._invalid.clear()
        self._message = ""
        self._inline.setModified(False)
        self._sentence.setModified(False)
        self.refresh()

    def refresh(self) -> None:
        """Show what the session holds. Emits nothing."""
        self._updating = True
        try:
            if self._is_text_scene():
                self._pages.setCurrentIndex(1)
                self._refresh_text()
            else:
                self._pages.setCurrentIndex(0)
                self._refresh_table()
        finally:
            self._updating = False
        self._on_step_changed(self.session.step)
        self._show_message()

    def _refresh_table(self) -> None:
        x = self._model_inputs()
        steps, features = x.shape
        if self._shape != (steps, features):
            # Marks belong to positions: after a structural change they would point at other values.
            self._invalid.clear()
            self._shape = (steps, features)
            self._table.setRowCount(steps)
            self._table.setColumnCount(features)
            self._update_headers()
        for row in range(steps):
            for col in range(features):
                item = self._table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self._table.setItem(row, col, item)
                invalid = self._invalid.get((row, col))
                item.setText(invalid.typed if invalid else format_cell(x[row, col]))
        self._repaint_cells()
        if not self._inline.isModified():
            self._inline.setText(format_inline(x) if steps else "")
            self._inline.setCursorPosition(0)  # show the first steps, not the last
            self._set_field_invalid(self._inline, None)
        editable = self.session.project is not None
        for widget in (self._table, self._inline, self._add_button, self._paste_button):
            widget.setEnabled(editable)
        self._remove_button.setEnabled(editable and steps > 1)
        self._up_button.setEnabled(editable and steps > 1)
        self._down_button.setEnabled(editable and steps > 1)

    def _update_headers(self) -> None:
        steps, features = self._shape or (0, 0)
        for col in range(features):
            item = QTableWidgetItem(f"x{subscript(col + 1)}")
            item.setToolTip(self.tr("Input feature {n} of every step").format(n=col + 1))
            self._table.setHorizontalHeaderItem(col, item)
        for row in range(steps):
            item = QTableWidgetItem(f"x{superscript(row + 1)}")
            item.setToolTip(self.tr("The input fed at step t = {t}").format(t=row + 1))
            self._table.setVerticalHeaderItem(row, item)

    def _repaint_cells(self) -> None:
        """Backgrounds: invalid cells red, the current step's row yellow, the rest the theme's."""
        rows, cols = self._table.rowCount(), self._table.columnCount()
        for row in range(rows):
            for col in range(cols):
                self._paint_cell(row, col)

    def _paint_cell(self, row: int, col: int) -> None:
        item = self._table.item(row, col)
        if item is None:
            return
        # Qt reports a colour change as an item change: keep it from reading as a user edit.
        was_updating, self._updating = self._updating, True
        try:
            self._paint_item(item, row, col)
        finally:
            self._updating = was_updating

    def _paint_item(self, item: QTableWidgetItem, row: int, col: int) -> None:
        invalid = self._invalid.get((row, col))
        if invalid is not None:
            item.setBackground(QBrush(INVALID_BACKGROUND[self._dark]))
            item.setForeground(QBrush(INVALID_FOREGROUND[self._dark]))
            item.setToolTip(invalid.message)
        else:
            if row == self._current_row:
                item.setBackground(QBrush(CURRENT_BACKGROUND[self._dark]))
            else:
                item.setData(Qt.ItemDataRole.BackgroundRole, None)
            item.setData(Qt.ItemDataRole.ForegroundRole, None)
            item.setToolTip("")

    def _on_step_changed(self, step: int) -> None:
        """Highlight x^step, the input fed last (none before the first step)."""
        row = int(step) - 1
        table = self._words_table if self._is_text_scene() else self._table
        if table is self._words_table:
            self._paint_word_rows(row)
            self._current_row = row
        else:
            old, self._current_row = self._current_row, row
            for r in {old, row}:
                if 0 <= r < self._table.rowCount():
                    for col in range(self._table.columnCount()):
                        self._paint_cell(r, col)
                    header = self._table.verticalHeaderItem(r)
                    if header is not None:
                        font = QFont(self._table.verticalHeader().font())
                        font.setBold(r == row)
                        header.setFont(font)
        if 0 <= row < table.rowCount():
            table.scrollToItem(table.item(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)

    def highlighted_row(self) -> int:
        """The row shown as the current step (−1 for none)."""
        return self._current_row

    # -- messages --------------------------------------------------------------------------------
    def _show_message(self) -> None:
        text = self._message
        if not text and self._invalid:
            latest = list(self._invalid.values())[-1]
            text = latest.message
            if len(self._invalid) > 1:
                text += " " + self.tr("({n} cells need fixing)").format(n=len(self._invalid))
        self._shown_message = text
        self._message_label.setText(f"⚠ {text}" if text else "")
        self._message_label.setVisible(bool(text))

    def message_text(self) -> str:
        """The problem shown under the table ("" when there is none)."""
        return self._shown_message

    def _set_field_invalid(self, field: QLineEdit, reason: str | None) -> None:
        if reason is None:
            field.setStyleSheet("")
            field.setToolTip(field.property("defaultTip") or field.toolTip())
        else:
            if field.property("defaultTip") is None:
                field.setProperty("defaultTip", field.toolTip())
            field.setStyleSheet(f"QLineEdit {{ background: {INVALID_BACKGROUND[self._dark].name()}; "
                                f"color: {INVALID_FOREGROUND[self._dark].name()}; }}")
            field.setToolTip(reason)

    def _problem_text(self, reading: CellReading, typed: str) -> str:
        shown = typed.strip()
        shown = "'" + (shown if len(shown) <= 24 else shown[:24] + "…") + "'"
        if reading.problem == "empty":
            return self.tr("the cell is empty")
        if reading.problem == "not_finite":
            return self.tr("{text} is not finite").format(text=shown)
        if reading.problem == "too_large":
            return self.tr("{text} is too large (the limit is ±{limit:g})").format(text=shown, limit=MAX_ABS_VALUE)
        return self.tr("{text} is not a number").format(text=shown)

    def _where(self, row: int, col: int) -> str:
        return self.tr("Step {step}, {feature}").format(step=row + 1, feature=f"x{subscript(col + 1)}")

    # -- cell edits ------------------------------------------------------------------------------
    def cell_text(self, row: int, col: int) -> str:
        item = self._table.item(row, col)
        return "" if item is None else item.text()

    def set_cell_text(self, row: int, col: int, text: str) -> None:
        """Type ``text`` into a cell, exactly as the user would (test hook)."""
        item = self._table.item(row, col)
        if item is None:
            raise IndexError(f"there is no cell ({row}, {col})")
        if item.text() == text:
            self._commit_cell(row, col, text)  # Qt does not report an unchanged text
        else:
            item.setText(text)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating:
            return
        self._commit_cell(item.row(), item.column(), item.text())

    def _commit_cell(self, row: int, col: int, text: str) -> None:
        x = self._model_inputs()
        if not (0 <= row < x.shape[0] and 0 <= col < x.shape[1]):
            return
        old = float(x[row, col])
        reading = read_cell(text)
        self._message = ""
        if reading.value is None:
            message = self.tr("{where}: {problem} — the old value {old} was kept").format(
                where=self._where(row, col), problem=self._problem_text(reading, text), old=format_cell(old))
            self._invalid.pop((row, col), None)  # re-inserted last: the newest mark is the one described
            self._invalid[(row, col)] = _InvalidCell(text, message)
            self._with_updating(lambda: self._paint_cell(row, col))
            self._show_message()
            return
        self._invalid.pop((row, col), None)
        self._with_updating(lambda: (self._table.item(row, col).setText(format_cell(reading.value)),
                                     self._paint_cell(row, col)))
        self._show_message()
        if reading.value == old and math.copysign(1, reading.value) == math.copysign(1, old):
            return  # nothing changed: no command for the undo stack
        new = x.copy()
        new[row, col] = reading.value
        self.inputs_edit_requested.emit(new)

    def _with_updating(self, action) -> None:
        self._updating = True
        try:
            action()
        finally:
            self._updating = False

    # -- structure: add, remove, move ------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self._table.selectedIndexes()}
        if not rows and self._table.currentRow() >= 0:
            rows = {self._table.currentRow()}
        return sorted(rows)

    def select_rows(self, rows) -> None:
        model = self._table.model()
        selection = QItemSelection()
        last_col = max(0, self._table.columnCount() - 1)
        for row in rows:
            if 0 <= row < self._table.rowCount():
                selection.select(model.index(row, 0), model.index(row, last_col))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self._table.selectionModel().select(selection, flags)
        rows = [r for r in rows if 0 <= r < self._table.rowCount()]
        if rows:
            self._table.selectionModel().setCurrentIndex(model.index(rows[0], 0),
                                                         QItemSelectionModel.SelectionFlag.NoUpdate)

    def _emit_structure(self, new: np.ndarray, select: list[int]) -> None:
        self._invalid.clear()
        self._message = ""
        self.inputs_edit_requested.emit(new)
        self.select_rows(select)
        self._show_message()

    def add_step(self) -> None:
        """A step of zeros after the last selected step (at the end when nothing is selected)."""
        x = self._model_inputs()
        if self.session.project is None:
            return
        if x.shape[0] >= MAX_STEPS:
            self._message = self.tr("A sequence has at most {n} steps").format(n=MAX_STEPS)
            self._show_message()
            return
        rows = self.selected_rows()
        at = rows[-1] + 1 if rows else x.shape[0]
        new = np.insert(x, at, 0.0, axis=0)
        self._emit_structure(new, [at])

    def remove_steps(self, rows=None) -> None:
        x = self._model_inputs()
        rows = sorted(set(self.selected_rows() if rows is None else rows))
        rows = [r for r in rows if 0 <= r < x.shape[0]]
        if not rows:
            self._message = self.tr("Select the steps to remove first")
            self._show_message()
            return
        if len(rows) >= x.shape[0]:
            self._message = self.tr("A sequence needs at least one step: the last step was not removed")
            self._show_message()
            return
        new = np.delete(x, rows, axis=0)
        self._emit_structure(new, [min(rows[0], new.shape[0] - 1)])

    def move_steps(self, offset: int, rows=None) -> None:
        """Move the selected steps one place earlier (−1) or later (+1), keeping them selected."""
        x = self._model_inputs()
        rows = sorted(set(self.selected_rows() if rows is None else rows))
        rows = [r for r in rows if 0 <= r < x.shape[0]]
        if not rows or offset not in (-1, 1):
            return
        if (offset < 0 and rows[0] == 0) or (offset > 0 and rows[-1] == x.shape[0] - 1):
            return  # already at the edge
        order = list(range(x.shape[0]))
        for row in (rows if offset < 0 else reversed(rows)):
            order[row], order[row + offset] = order[row + offset], order[row]
        self._emit_structure(x[order], [r + offset for r in rows])

    # -- paste -----------------------------------------------------------------------------------
    def paste_clipboard(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def _paste_anchor(self) -> tuple[int, int, list[tuple[int, int]]]:
        indexes = self._table.selectedIndexes()
        if indexes:
            cells = sorted({(i.row(), i.column()) for i in indexes})
            return min(r for r, _ in cells), min(c for _, c in cells), cells
        row, col = self._table.currentRow(), self._table.currentColumn()
        if row < 0 or col < 0:
            return 0, 0, []
        return row, col, [(row, col)]

    def paste_text(self, text: str, row: int | None = None, col: int | None = None) -> None:
        """Paste tab/newline separated values with their top-left at (row, col) — the selection's
        top-left by default. A single value fills every selected cell. Rows are added as needed.
        Every value is checked first: one bad value and nothing is pasted."""
        x = self._model_inputs()
        if self.session.project is None:
            return
        steps, features = x.shape
        selected: list[tuple[int, int]] = []
        if row is None or col is None:
            row, col, selected = self._paste_anchor()
        block = split_clipboard(text or "")
        if not block:
            self._message = self.tr("The clipboard holds no values to paste")
            self._show_message()
            return
        if len(block) == 1 and len(block[0]) == 1 and len(selected) > 1:
            targets = [(r, c, block[0][0]) for r, c in selected]
        else:
            targets = [(row + i, col + j, cell) for i, line in enumerate(block) for j, cell in enumerate(line)]
        widest = max(c for _, c, _ in targets) + 1
        if widest > features:
            self._message = self.tr(
                "Nothing was pasted: the values reach column {cols} from {feature}, but the network has "
                "{n} inputs per step").format(cols=widest, feature=f"x{subscript(col + 1)}", n=features)
            self._show_message()
            return
        rows_needed = max(steps, max(r for r, _, _ in targets) + 1)
        if rows_needed > MAX_STEPS:
            self._message = self.tr("Nothing was pasted: a sequence has at most {n} steps").format(n=MAX_STEPS)
            self._show_message()
            return
        new = np.zeros((rows_needed, features))
        new[:steps] = x
        problems: list[tuple[int, int, str, str]] = []
        for r, c, typed in targets:
            reading = read_cell(typed)
            if reading.value is None:
                problems.append((r, c, typed, self._problem_text(reading, typed)))
            else:
                new[r, c] = reading.value
        if problems:
            r, c, _, problem = problems[0]
            more = len(problems) - 1
            message = self.tr("Nothing was pasted: {where}: {problem}").format(where=self._where(r, c),
                                                                              problem=problem)
            if more:
                message += " " + self.tr("(and {n} more problems)").format(n=more)
            for r, c, typed, problem in problems:
                if r < steps:  # mark what can be marked in place
                    self._invalid.pop((r, c), None)
                    cell_message = self.tr("{where}: {problem} — the old value {old} was kept").format(
                        where=self._where(r, c), problem=problem, old=format_cell(x[r, c]))
                    self._invalid[(r, c)] = _InvalidCell(typed, cell_message)
                    self._with_updating(lambda r=r, c=c, typed=typed: (self._table.item(r, c).setText(typed),
                                                                      self._paint_cell(r, c)))
            self._message = message
            self._show_message()
            return
        for r, c, _ in targets:
            self._invalid.pop((r, c), None)
        self._message = ""
        self._show_message()
        if new.shape == x.shape and np.array_equal(new, x):
            self.refresh()
            return
        self.inputs_edit_requested.emit(new)

    # -- the inline field ------------------------------------------------------------------------
    def inline_text(self) -> str:
        return self._inline.text()

    def set_inline_text(self, text: str) -> None:
        """Type a whole sequence into the inline field and press Enter (test hook)."""
        self._inline.setText(text)
        self._inline.setModified(True)
        self._commit_inline()

    def _commit_inline(self) -> None:
        if self._updating or not self._inline.isModified():
            return
        x = self._model_inputs()
        try:
            new = parse_inline(self._inline.text(), input_size=x.shape[1] if x.shape[1] else None)
        except SequenceError as error:
            self._message = self.tr("The sequence was not changed: {reason}").format(reason=str(error))
            self._set_field_invalid(self._inline, self._message)
            self._show_message()
            return
        self._inline.setModified(False)
        self._set_field_invalid(self._inline, None)
        self._message = ""
        if new.shape == x.shape and np.array_equal(new, x):
            self._inline.setText(format_inline(x))
            self._show_message()
            return
        self._invalid.clear()
        self._show_message()
        self.inputs_edit_requested.emit(new)

    # -- text scenes -----------------------------------------------------------------------------
    def _refresh_text(self) -> None:
        project = self.session.project
        try:
            self._encoding = encoding_from_spec(project.encoding)
        except UserInputError as error:
            self._encoding = None
            self._message = self.tr("The word encoding cannot be used: {reason}").format(reason=str(error))
        text = project.text or ""
        if not self._sentence.isModified():
            self._sentence.setText(text)
            self._set_field_invalid(self._sentence, None)
        words: list[str] = []
        if text.strip():
            try:
                words = tokenize_text(text)
            except SequenceError:
                words = []
        self._words = [(word, self._explain_word(word)) for word in words]
        self._words_table.setRowCount(len(self._words))
        for row, (word, explanation) in enumerate(self._words):
            for col, value in enumerate((word, explanation)):
                item = self._words_table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    self._words_table.setItem(row, col, item)
                item.setText(value)
            header = QTableWidgetItem(f"x{superscript(row + 1)}")
            header.setToolTip(self.tr("The input fed at step t = {t}").format(t=row + 1))
            self._words_table.setVerticalHeaderItem(row, header)
        self._paint_word_rows(self._current_row)

    def _explain_word(self, word: str) -> str:
        encoding = self._encoding
        if encoding is None:
            return ""
        try:
            if isinstance(encoding, OneHotEncoding):
                return self._explain_one_hot(encoding, word)
            if isinstance(encoding, TrigramHashing):
                return self._explain_trigrams(encoding, word)
            if isinstance(encoding, CombinedEncoding):
                return (self._explain_one_hot(encoding.one_hot, word) + "  ·  "
                        + self._explain_trigrams(encoding.hashing, word))
            vector = encoding.encode(word)
            names = encoding.dimension_names
            return ", ".join(names[i] for i in np.flatnonzero(vector))
        except UserInputError as error:
            return self.tr("cannot be encoded: {reason}").format(reason=str(error))

    def _explain_one_hot(self, encoding: OneHotEncoding, word: str) -> str:
        index = encoding.index(word)
        name = encoding.dimension_names[index]
        dimension = f"x{subscript(index + 1)} = 1"
        if index == encoding.other_index:
            return self.tr("{dimension}  ({name}: not in the vocabulary)").format(dimension=dimension, name=name)
        return f"{dimension}  ({name})"

    def _explain_trigrams(self, encoding: TrigramHashing, word: str) -> str:
        names = encoding.dimension_names
        parts = []
        for unit, dimension in encoding.explain(word):
            parts.append(unit if dimension != encoding.other_index else f"{unit} → {names[dimension]}")
        return ", ".join(parts)

    def _paint_word_rows(self, current: int) -> None:
        for row in range(self._words_table.rowCount()):
            for col in range(self._words_table.columnCount()):
                item = self._words_table.item(row, col)
                if item is None:
                    continue
                if row == current:
                    item.setBackground(QBrush(CURRENT_BACKGROUND[self._dark]))
                else:
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)

    def word_rows(self) -> list[tuple[str, str]]:
        """The words of the sentence and how each is encoded, as shown (test hook)."""
        return list(self._words)

    def sentence_text(self) -> str:
        return self._sentence.text()

    def set_sentence_text(self, text: str) -> None:
        """Type a sentence and press Enter (test hook)."""
        self._sentence.setText(text)
        self._sentence.setModified(True)
        self._commit_text()

    def _commit_text(self) -> None:
        if self._updating or not self._sentence.isModified():
            return
        text = self._sentence.text()
        try:
            words = tokenize_text(text)
        except SequenceError as error:
            self._reject_text(str(error))
            return
        if self._encoding is not None:
            for position, word in enumerate(words, start=1):
                try:
                    self._encoding.encode(word)
                except UserInputError as error:
                    self._reject_text(self.tr("word {n}: {reason}").format(n=position, reason=str(error)))
                    return
        self._sentence.setModified(False)
        self._set_field_invalid(self._sentence, None)
        self._message = ""
        self._show_message()
        if text.strip() != (self.session.project.text or "").strip():
            self.text_edit_requested.emit(text.strip())

    def _reject_text(self, reason: str) -> None:
        self._message = self.tr("The sentence was not changed: {reason}").format(reason=reason)
        self._set_field_invalid(self._sentence, self._message)
        self._show_message()
