"""Edit a whole weight matrix (or bias vector) in a table whose rows and columns carry the lecture's names.

The dialog never touches the network: ``values()`` returns the edited array and the caller turns it into
one undoable edit. Every cell is checked as it is typed: text that is not a finite number is refused with
the reason shown, and the cell keeps its old value.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QInputDialog, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from simulator.gui.style import format_value, palette, value_color

SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")

#: the stacked row blocks of the gated cells, in the engine's order
GATE_BLOCKS = {"lstm": ("z", "z_i", "z_f", "z_o"), "gru": ("r", "z", "n")}


def sub(i: int) -> str:
    """1 → ₁: unit numbers as the lecture writes them."""
    return str(i).translate(SUBSCRIPT)


def parse_number(text: str) -> float:
    """A weight typed by a person: "1.5", "-2", "−2" (typographic minus), "1e3", "0,5".

    Raises ValueError with a one-line reason a student can act on.
    """
    cleaned = str(text).strip().replace("−", "-").replace("＋", "+").replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")       # a decimal comma
    if not cleaned:
        raise ValueError(QCoreApplication.translate("MatrixEditor", "Type a number, for example 1 or −0.5."))
    try:
        value = float(cleaned)
    except ValueError:
        message = QCoreApplication.translate("MatrixEditor", "“{text}” is not a number.")
        raise ValueError(message.format(text=str(text).strip()[:30])) from None
    if not math.isfinite(value):
        message = QCoreApplication.translate("MatrixEditor", "A weight must be a finite number, not {text}.")
        raise ValueError(message.format(text=str(text).strip()[:30]))
    return value


def editable_text(value: float) -> str:
    """The exact value as a person would type it: 1, −0.25, 0.1 (up to 12 significant digits)."""
    value = float(value)
    if value == round(value) and abs(value) < 1e15:
        return str(int(round(value)))
    return f"{value:.12g}"


def _layer_output_names(network, k: int) -> list[str]:
    """The names of what layer k passes upwards: a, or →a / ←a for a bidirectional layer, [a, s] for SCRN."""
    layer = network.layers[k]
    names = []
    for direction, cell in layer.directions():
        arrow = "" if not layer.bidirectional else ("→" if direction == "forward" else "←")
        if cell.kind == "jordan":
            names += [f"{arrow}y{sub(i + 1)}" for i in range(cell.output_size)]
        elif cell.kind == "scrn":
            names += [f"{arrow}a{sub(i + 1)}" for i in range(cell.hidden_size)]
            names += [f"{arrow}s{sub(i + 1)}" for i in range(cell.context_size)]
        else:
            names += [f"{arrow}a{sub(i + 1)}" for i in range(cell.hidden_size)]
    return names


def _input_names(network, k: int) -> list[str]:
    if k == 0:
        return [f"x{sub(i + 1)}" for i in range(network.input_size)]
    layer = QCoreApplication.translate("MatrixEditor", "layer {n}").format(n=k)
    return [f"{name} ({layer})" for name in _layer_output_names(network, k - 1)]


def parameter_axis_labels(network, key: str) -> tuple[list[str], list[str]]:
    """Row and column names of a parameter in the lecture's notation.

    ``layers.0.W_x`` of an LSTM with one cell: rows z, z_i, z_f, z_o; columns x₁, x₂, x₃.
    A bias vector is shown as one column named after the parameter.
    """
    shape = tuple(network.params[key].shape)
    rows_n = shape[0] if shape else 1
    cols_n = shape[1] if len(shape) > 1 else 1
    parts = key.split(".")
    name = parts[-1]
    rows = [f"{i + 1}" for i in range(rows_n)]
    cols = [name] if len(shape) == 1 else [f"{j + 1}" for j in range(cols_n)]
    if parts[0] == "head":
        top = len(network.layers) - 1
        rows = [f"y{sub(j + 1)}" for j in range(rows_n)]
        if len(shape) > 1:
            cols = _layer_output_names(network, top)
        return rows, cols
    if parts[0] != "layers":
        return rows, cols
    k = int(parts[1])
    cell = network.layers[k].cell
    H = cell.hidden_size
    gates = GATE_BLOCKS.get(cell.kind)
    if gates and name in ("W_x", "W_a", "W_c", "b", "b_x", "b_a"):
        rows = [g if H == 1 else f"{g}{sub(j + 1)}" for g in gates for j in range(H)]
    elif cell.kind == "jordan" and name in ("W_y", "b_y"):
        rows = [f"y{sub(j + 1)}" for j in range(rows_n)]
    elif cell.kind == "scrn" and name == "B":
        rows = [f"s{sub(j + 1)}" for j in range(rows_n)]
    else:
        rows = [f"a{sub(j + 1)}" for j in range(rows_n)]
    if len(shape) == 1:
        return rows, cols
    if name in ("W_x", "A", "B"):
        cols = _input_names(network, k)
    elif name == "W_a" or name == "R":
        cols = [f"m{sub(j + 1)}" for j in range(cols_n)]
    elif name == "W_c":
        cols = [f"c{sub(j + 1)}" for j in range(cols_n)]
    elif name == "W_m":
        cols = [f"m{sub(j + 1)} (y{sub(j + 1)}ᵗ⁻¹)" for j in range(cols_n)]
    elif name == "W_y":
        cols = [f"a{sub(j + 1)}" for j in range(cols_n)]
    elif name == "P":
        cols = [f"s{sub(j + 1)}" for j in range(cols_n)]
    return rows, cols


class MatrixEditorDialog(QDialog):
    """Edit ``network.params[key]`` (a copy of it) cell by cell; ``values()`` gives the result."""

    def __init__(self, network, key: str, parent=None, values=None, dark: bool = False):
        super().__init__(parent)
        self.key = key
        original = np.asarray(network.params[key] if values is None else values, dtype=float)
        self._shape = original.shape
        self._matrix = np.array(original.reshape(original.shape[0], -1) if original.ndim else original.reshape(1, 1),
                                dtype=float, copy=True)
        self._palette = palette(dark)
        self._updating = False
        row_names, col_names = parameter_axis_labels(network, key)

        self.table = QTableWidget(self._matrix.shape[0], self._matrix.shape[1])
        self.table.setVerticalHeaderLabels(row_names)
        self.table.setHorizontalHeaderLabels(col_names)
        self.table.horizontalHeader().setDefaultSectionSize(84)
        self.table.itemChanged.connect(self._on_item_changed)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet("color: #c62828; font-weight: 600;")
        self.reason.hide()

        self.set_all_button = QPushButton()
        self.set_all_button.clicked.connect(self._ask_set_all)
        self.identity_button = QPushButton()
        self.identity_button.clicked.connect(self.set_identity)
        self.identity_button.setEnabled(self.is_square())
        self.zero_button = QPushButton()
        self.zero_button.clicked.connect(self.set_zero)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        tools = QHBoxLayout()
        for button in (self.set_all_button, self.identity_button, self.zero_button):
            tools.addWidget(button)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason)
        layout.addLayout(tools)
        layout.addWidget(self.buttons)
        self._fill()
        self.retranslate()
        rows, cols = self._matrix.shape
        self.resize(min(1000, 140 + 86 * cols), min(720, 220 + 32 * rows))

    # -- what the caller reads -------------------------------------------------------------------
    def values(self) -> np.ndarray:
        """The edited array, in the parameter's own shape."""
        return self._matrix.reshape(self._shape).copy()

    def is_square(self) -> bool:
        return len(self._shape) == 2 and self._shape[0] == self._shape[1]

    def reason_text(self) -> str:
        return self.reason.text() if not self.reason.isHidden() else ""

    # -- edits -----------------------------------------------------------------------------------
    def set_cell_text(self, row: int, col: int, text: str) -> bool:
        """Type ``text`` into a cell as a person would; False (and a shown reason) if refused."""
        self.table.item(row, col).setText(text)
        return self.reason.isHidden()

    def set_all(self, value: float) -> None:
        self._matrix[:] = float(value)
        self._fill()

    def set_identity(self) -> None:
        if self.is_square():
            self._matrix[:] = np.eye(self._matrix.shape[0])
            self._fill()

    def set_zero(self) -> None:
        self.set_all(0.0)

    def _ask_set_all(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Set all to…"), self.tr("Value for every entry:"),
                                        text="0")
        if not ok:
            return
        try:
            self.set_all(parse_number(text))
            self.reason.hide()
        except ValueError as error:
            self._refuse(str(error))

    # -- the table ----------------------------------------------------------------------------------
    def _fill(self) -> None:
        self._updating = True
        scale = float(np.max(np.abs(self._matrix))) if self._matrix.size else 1.0
        for r in range(self._matrix.shape[0]):
            for c in range(self._matrix.shape[1]):
                item = self.table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                    self.table.setItem(r, c, item)
                value = self._matrix[r, c]
                item.setText(editable_text(value))
                item.setToolTip(format_value(value, 6))
                tint = value_color(value, scale or 1.0, self._palette)
                item.setBackground(QBrush(QColor(tint.red(), tint.green(), tint.blue(), 90)))
        self._updating = False

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating:
            return
        r, c = item.row(), item.column()
        old = self._matrix[r, c]
        try:
            value = parse_number(item.text())
        except ValueError as error:
            self._refuse(self.tr("{reason} The entry keeps its value {old}.").format(
                reason=str(error), old=format_value(old, 6)))
            self._updating = True
            item.setText(editable_text(old))
            self._updating = False
            return
        self.reason.hide()
        self._matrix[r, c] = value
        self._fill()

    def _refuse(self, message: str) -> None:
        self.reason.setText(message)
        self.reason.show()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit {key}").format(key=self.key))
        rows, cols = self._shape[0] if self._shape else 1, (self._shape[1] if len(self._shape) > 1 else 1)
        if len(self._shape) == 1:
            self.caption.setText(self.tr("{key}: a vector of {n} biases, one per row.").format(key=self.key, n=rows))
        else:
            self.caption.setText(self.tr("{key}: {rows} × {cols} weights. Row = the unit that receives, "
                                         "column = the unit it reads from.").format(key=self.key, rows=rows,
                                                                                    cols=cols))
        self.set_all_button.setText(self.tr("Set all to…"))
        self.identity_button.setText(self.tr("Identity"))
        self.identity_button.setToolTip(self.tr("1 on the diagonal, 0 elsewhere (square matrices only)"))
        self.zero_button.setText(self.tr("Zero"))
        self.zero_button.setToolTip(self.tr("Set every entry to 0"))
