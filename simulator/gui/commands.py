"""Undo commands: every edit of the network, its weights or the inputs goes through one of these.

Each command stores what it needs to restore the earlier state exactly (old arrays, the old Network
object), so Undo gives back the same numbers bit for bit.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand


class SetParameterCommand(QUndoCommand):
    """Replace one parameter array (a single weight edit is a whole-array replace with one change)."""

    def __init__(self, session, key: str, new_value: np.ndarray, text: str):
        super().__init__(text)
        self.session = session
        self.key = key
        self.old = np.array(session.network.params[key], copy=True)
        self.new = np.array(new_value, dtype=self.old.dtype, copy=True)

    def redo(self):
        self.session.set_params({self.key: self.new})

    def undo(self):
        self.session.set_params({self.key: self.old})


def set_weight_command(session, key: str, flat_index: int, value: float) -> SetParameterCommand:
    current = np.array(session.network.params[key], copy=True)
    index = np.unravel_index(int(flat_index), current.shape)
    old = float(current[index])
    current[index] = value
    label = key.split(".")[-1] + (f"[{', '.join(str(i + 1) for i in index)}]" if current.ndim else "")
    text = QCoreApplication.translate("Commands", "Set {name} from {old} to {new}")
    return SetParameterCommand(session, key, current, text.format(name=label, old=f"{old:g}", new=f"{value:g}"))


class SetInputsCommand(QUndoCommand):
    def __init__(self, session, new_inputs: np.ndarray):
        super().__init__(QCoreApplication.translate("Commands", "Edit the input sequence"))
        self.session = session
        self.old = np.array(session.project.inputs, dtype=float, copy=True)
        self.new = np.array(new_inputs, dtype=float, copy=True)

    def redo(self):
        self.session.set_inputs(self.new)

    def undo(self):
        self.session.set_inputs(self.old)


class SetTextCommand(QUndoCommand):
    def __init__(self, session, new_text: str, encode):
        super().__init__(QCoreApplication.translate("Commands", "Edit the sentence"))
        self.session = session
        self.old_text = session.project.text
        self.old_inputs = None if session.project.inputs is None else np.array(session.project.inputs, copy=True)
        self.new_text = new_text
        self.new_inputs = encode(new_text)

    def redo(self):
        self.session.set_text(self.new_text)

    def undo(self):
        if self.old_text is not None or self.old_inputs is None:
            self.session.set_text(self.old_text)
        else:                                   # a project that held numbers before its first sentence
            self.session.project.text = None
            self.session.set_inputs(self.old_inputs)


class SetNetworkCommand(QUndoCommand):
    """Change the architecture. The first redo carries the old weights over into what fits."""

    def __init__(self, session, new_network, carry_weights: bool = True, text: str | None = None):
        super().__init__(text or QCoreApplication.translate("Commands", "Change the network"))
        self.session = session
        self.old_network = session.network
        self.old_inputs = None if session.project.inputs is None else np.array(session.project.inputs, copy=True)
        self.new_network = new_network
        self._carried = not carry_weights  # imported weights must not be overwritten by the old ones
        #: (old, new) values of the project's settings["slot_filling"], if the change names another model
        self.settings_change: tuple[dict, dict] | None = None

    def _set_slot_settings(self, value: dict) -> None:
        self.session.project.settings["slot_filling"] = dict(value)

    def redo(self):
        if self.settings_change is not None:
            self._set_slot_settings(self.settings_change[1])
        if self._carried:
            self.session.set_network(self.new_network)
        else:
            self.session.set_network(self.new_network, keep_weights_from=self.old_network)
            self._carried = True

    def undo(self):
        if self.settings_change is not None:
            self._set_slot_settings(self.settings_change[0])
        self.session.set_network(self.old_network)
        if self.old_inputs is not None:
            self.session.set_inputs(self.old_inputs)


class SetParamsCommand(QUndoCommand):
    """Replace several parameter arrays at once (e.g. the weights a training run learnt)."""

    def __init__(self, session, values: dict, text: str):
        super().__init__(text)
        self.session = session
        shapes = session.network.param_shapes()
        self.new = {key: np.array(value, dtype=session.network.dtype, copy=True)
                    for key, value in values.items() if key in shapes and np.shape(value) == tuple(shapes[key])}
        self.old = {key: np.array(session.network.params[key], copy=True) for key in self.new}

    def redo(self):
        self.session.set_params(self.new)

    def undo(self):
        self.session.set_params(self.old)
