"""The network view: the lecture's numbers read back from the drawing, clicks, the weight editor."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from simulator.engine.network import Network
from simulator.gui.panels.matrix_editor import MatrixEditorDialog, parameter_axis_labels, parse_number
from simulator.gui.style import DARK, format_value
from simulator.gui.views.network_view import NetworkView
from simulator.model.scenes import load_scene
from simulator.model.session import Session


def open_view(qtbot, session) -> NetworkView:
    view = NetworkView(session)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def session_with(network: Network, inputs) -> Session:
    project = load_scene("toy-rnn").copy()
    project.network = network
    project.inputs = np.asarray(inputs, dtype=float)
    return Session(project)


@pytest.fixture
def toy(qtbot):
    return open_view(qtbot, Session(load_scene("toy-rnn")))


def hidden(view):
    return [view.unit_text(0, j) for j in range(2)]


def outputs(view):
    return [view.unit_text(-1, j) for j in range(2)]


def memory(view):
    return [view.memory_text(0, j) for j in range(2)]


def test_toy_rnn_shows_the_lectures_numbers_step_by_step(toy):
    toy.show_step(0)
    assert hidden(toy) == ["", ""] and outputs(toy) == ["", ""]
    assert [toy.input_text(0), toy.input_text(1)] == ["", ""]
    assert memory(toy) == ["0", "0"]          # the initial memory

    toy.show_step(1)
    assert [toy.input_text(0), toy.input_text(1)] == ["1", "1"]
    assert hidden(toy) == ["2", "2"] and outputs(toy) == ["4", "4"]
    assert memory(toy) == ["2", "2"]          # a¹, read at the next step

    toy.show_step(2)
    assert hidden(toy) == ["6", "6"] and outputs(toy) == ["12", "12"] and memory(toy) == ["6", "6"]

    toy.show_step(3)
    assert [toy.input_text(0), toy.input_text(1)] == ["2", "2"]
    assert hidden(toy) == ["16", "16"] and outputs(toy) == ["32", "32"] and memory(toy) == ["16", "16"]

    toy.show_step(1)                           # going back is instant
    assert outputs(toy) == ["4", "4"] and memory(toy) == ["2", "2"]


def test_a_step_animates_inputs_to_hidden_to_outputs_then_memory(toy):
    toy.show_step(2, 0.0)
    assert [toy.input_text(0)] == ["1"]
    assert hidden(toy) == ["", ""] and outputs(toy) == ["", ""]
    assert memory(toy) == ["2", "2"]           # still a¹
    toy.show_step(2, 0.3)                      # values flowing into the hidden units
    assert hidden(toy) == ["6", "6"] and outputs(toy) == ["", ""]
    assert toy.visible_pulses() > 0
    toy.show_step(2, 0.65)                     # hidden → outputs
    assert outputs(toy) == ["12", "12"] and memory(toy) == ["2", "2"]
    toy.show_step(2, 0.95)                     # copied into memory
    assert memory(toy) == ["6", "6"]
    toy.show_step(2, 1.0)
    assert toy.visible_pulses() == 0


def test_lstm_lecture_at_step_6_lets_out_7(qtbot):
    session = Session(load_scene("lstm-lecture"))
    view = open_view(qtbot, session)
    view.show_step(6)
    y = float(session.trace.outputs[5, 0, 0])
    assert 6.99 < y < 7.0                      # 7·f(z_o) with z_o = 90: not exactly 7…
    assert view.unit_text(-1, 0) == "7" == format_value(y)   # …but 3 significant digits read 7
    assert view.unit_text(0, 0) == "7"         # the cell's a
    assert view.memory_text(0, 0) == "7"       # the memory cell c (the default state of an LSTM)
    assert view.memory_text(0, 0, state="c") == "7"
    view.show_step(7)                          # x2 = −1 empties the memory
    assert view.memory_text(0, 0) == "5.74e−39"
    view.show_step(9)
    assert view.unit_text(-1, 0) == "6" and view.memory_text(0, 0) == "6"


def test_clicking_units_asks_for_an_explanation(toy, qtbot):
    toy.show_step(2)
    viewport = toy.canvas.viewport()
    cases = [(toy.unit_item(0, 1), [0, "a", 1, "forward"]),
             (toy.unit_item(-1, 0), [-1, "y", 0, "forward"]),
             (toy.node("memory", 0, "a", 1), [0, "a", 1, "forward"])]
    for node, expected in cases:
        with qtbot.waitSignal(toy.explain_requested, timeout=1000) as blocker:
            qtbot.mouseClick(viewport, Qt.LeftButton, pos=toy.view_pos(node.center))
        assert blocker.args == expected


def test_editing_a_weight_in_place(toy, qtbot):
    toy.show_step(3)
    edge = next(e for e in toy.edge_items() if e.key == "layers.0.W_a" and e.index == (0, 1))
    assert toy.tooltip_for(edge).startswith("W_a[1,2] = 1: memory m₂ → hidden a₁")
    pos = toy.view_pos(edge.point_at(0.3))
    assert toy.target_at(pos) is edge
    qtbot.mouseClick(toy.canvas.viewport(), Qt.LeftButton, pos=pos)
    editor = toy.weight_editor
    assert editor is not None and editor.isVisible()
    assert editor.title.text() == "W_a[1,2] = 1"

    # not a number: refused, with the reason shown, and nothing sent
    editor.line_edit.clear()
    qtbot.keyClicks(editor.line_edit, "abc")
    with qtbot.assertNotEmitted(toy.weight_edit_requested):
        qtbot.keyClick(editor.line_edit, Qt.Key_Return)
    assert editor.reason.isVisible() and "not a number" in editor.reason_text()
    assert toy.weight_editor is editor

    editor.line_edit.setText("−2.5")          # a typographic minus is fine (QTest types ASCII only)
    with qtbot.waitSignal(toy.weight_edit_requested, timeout=1000) as blocker:
        qtbot.keyClick(editor.line_edit, Qt.Key_Return)
    assert blocker.args == ["layers.0.W_a", 1, -2.5]
    assert toy.weight_editor is None
    assert toy.session.network.params["layers.0.W_a"][0, 1] == 1.0   # the view never edits the session


def test_escape_cancels_and_biases_are_editable(toy, qtbot):
    bias = next(b for b in toy.bias_items() if b.key == "layers.0.b" and b.flat_index == 1)
    qtbot.mouseClick(toy.canvas.viewport(), Qt.LeftButton, pos=toy.view_pos(bias.center))
    editor = toy.weight_editor
    assert editor is not None and editor.title.text() == "b[2] = 0"
    with qtbot.assertNotEmitted(toy.weight_edit_requested):
        qtbot.keyClick(editor.line_edit, Qt.Key_Escape)
    assert toy.weight_editor is None

    toy.open_weight_editor(bias)
    toy.weight_editor.line_edit.setText("0.5")
    with qtbot.waitSignal(toy.weight_edit_requested, timeout=1000) as blocker:
        qtbot.keyClick(toy.weight_editor.line_edit, Qt.Key_Return)
    assert blocker.args == ["layers.0.b", 1, 0.5]


def test_the_view_follows_weight_edits_made_in_the_session(toy):
    toy.show_step(1)
    toy.session.set_weight("head.W", (0, 0), 3.0)   # y₁ = 3·a₁ + a₂ = 8
    toy.show_step(1)
    assert outputs(toy) == ["8", "4"]
    edge = next(e for e in toy.edge_items() if e.key == "head.W" and e.index == (0, 0))
    assert edge.weight == 3.0 and "W[1,1] = 3" in toy.tooltip_for(edge)


def test_edit_matrix_dialog_from_the_view(toy, qtbot):
    dialog = toy.open_matrix_editor("layers.0.W_a")
    qtbot.addWidget(dialog)
    assert dialog.set_cell_text(1, 0, "4")
    with qtbot.waitSignal(toy.matrix_edit_requested, timeout=1000) as blocker:
        dialog.accept()
    key, values = blocker.args
    assert key == "layers.0.W_a"
    np.testing.assert_array_equal(values, [[1, 1], [4, 1]])


KINDS = ["elman", "jordan", "lstm", "gru", "irnn", "clockwork", "scrn", "feedforward"]


@pytest.mark.parametrize("spec", [
    *[[{"kind": kind, "hidden_size": 3, **({"output_size": 2} if kind == "jordan" else {})}] for kind in KINDS],
    [{"kind": "lstm", "hidden_size": 2, "peephole": True}, {"kind": "elman", "hidden_size": 2}],
    [{"kind": "gru", "hidden_size": 3, "bidirectional": True},
     {"kind": "scrn", "hidden_size": 2, "bidirectional": True}],
    [{"kind": "jordan", "hidden_size": 2, "output_size": 2, "bidirectional": True}],
], ids=KINDS + ["lstm-peephole+elman", "bidirectional-gru+scrn", "bidirectional-jordan"])
def test_every_cell_kind_draws_its_real_values(qtbot, spec):
    net = Network.build(2, spec, head={"output_size": 2, "activation": "tanh"}, seed=3)
    x = np.random.default_rng(1).normal(size=(4, 2))
    session = session_with(net, x)
    view = open_view(qtbot, session)
    trace = session.trace
    last = len(net.layers) - 1
    direction = "reverse" if net.layers[last].bidirectional else "forward"
    state = net.layers[last].cell.state_names[0] if net.layers[last].cell.state_names else None
    for step in range(0, 5):
        for progress in (0.0, 0.5, 1.0):
            view.show_step(step, progress)
        if step == 0:
            assert view.unit_text(-1, 0) == ""
            continue
        t = step - 1
        assert view.unit_text(-1, 1) == format_value(float(trace.outputs[t, 0, 1]))
        assert view.input_text(1) == format_value(float(x[t, 1]))
        if state is not None:
            expected = trace.layers[last].records[direction][state][t, 0, 0]
            assert view.memory_text(last, 0, direction) == format_value(float(expected))
        kind = net.layers[0].cell.kind
        quantity = "y" if kind == "jordan" else "a"
        assert view.value_text(0, quantity, 0) == format_value(
            float(trace.layers[0].records["forward"][quantity][t, 0, 0]))
    # every node, edge and link has words for its tooltip
    for target in view.nodes() + view.edge_items() + view.bias_items() + view.link_items():
        assert view.tooltip_for(target)
    view.set_dark(True)
    assert view.scene.backgroundBrush().color() == DARK.background
    view.retranslate()


def test_wide_layers_hide_numbers_but_keep_colours(qtbot):
    net = Network.build(4, [{"kind": "elman", "hidden_size": 40}], head={"output_size": 2, "activation": "linear"})
    view = open_view(qtbot, session_with(net, np.ones((2, 4))))
    view.show_step(1)
    node = view.unit_item(0, 39)
    assert not node.text.isVisible()
    assert view.unit_text(0, 39) == format_value(float(view.session.trace.layers[0].output[0, 0, 39]))
    small = view.unit_item(-1, 0)
    assert small.text.isVisible()


def test_zoom_scales_the_drawing(toy):
    before = toy.canvas.transform().m11()
    toy.set_zoom(2.0)
    assert toy.canvas.transform().m11() == pytest.approx(2 * before)
    toy.set_zoom(1.0)
    assert toy.canvas.transform().m11() == pytest.approx(before)


# -- the matrix editor on its own --------------------------------------------------------------------
def test_matrix_editor_refuses_what_is_not_a_number(qtbot):
    network = load_scene("lstm-lecture").network
    dialog = MatrixEditorDialog(network, "layers.0.W_x")
    qtbot.addWidget(dialog)
    assert [dialog.table.verticalHeaderItem(r).text() for r in range(4)] == ["z", "z_i", "z_f", "z_o"]
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(3)] == ["x₁", "x₂", "x₃"]
    assert not dialog.set_cell_text(1, 1, "lots")
    assert "not a number" in dialog.reason_text() and "keeps its value 100" in dialog.reason_text()
    assert dialog.table.item(1, 1).text() == "100"
    assert not dialog.set_cell_text(1, 1, "inf")
    assert dialog.set_cell_text(1, 1, "50") and dialog.reason_text() == ""
    values = dialog.values()
    assert values.shape == (4, 3) and values[1, 1] == 50 and values[0, 0] == 1
    assert network.params["layers.0.W_x"][1, 1] == 100      # the network is untouched
    assert not dialog.identity_button.isEnabled()             # 4 × 3 is not square


def test_matrix_editor_tools_and_vectors(qtbot):
    network = load_scene("toy-rnn").network
    dialog = MatrixEditorDialog(network, "layers.0.W_a")
    qtbot.addWidget(dialog)
    dialog.set_zero()
    np.testing.assert_array_equal(dialog.values(), np.zeros((2, 2)))
    dialog.set_identity()
    np.testing.assert_array_equal(dialog.values(), np.eye(2))
    dialog.set_all(0.5)
    np.testing.assert_array_equal(dialog.values(), np.full((2, 2), 0.5))
    bias = MatrixEditorDialog(network, "layers.0.b")
    qtbot.addWidget(bias)
    assert bias.set_cell_text(1, 0, "-3")
    np.testing.assert_array_equal(bias.values(), [0, -3])
    assert bias.values().shape == (2,)


def test_axis_labels_use_the_lectures_names():
    gru = Network.build(2, [{"kind": "gru", "hidden_size": 1}], head={"output_size": 1})
    assert parameter_axis_labels(gru, "layers.0.W_a") == (["r", "z", "n"], ["m₁"])
    assert parameter_axis_labels(gru, "head.W") == (["y₁"], ["a₁"])
    assert parse_number(" −1,5 ") == -1.5
    with pytest.raises(ValueError):
        parse_number("nan")


def test_a_project_without_inputs_shows_the_initial_memory(qtbot):
    project = load_scene("toy-rnn").copy()
    project.inputs = None
    project.network.memory["layers.0.a"][:] = [0.5, -1]
    session = Session(project)
    assert session.trace is None
    view = open_view(qtbot, session)
    view.show_step(0)
    assert memory(view) == ["0.5", "−1"] and hidden(view) == ["", ""] and view.input_text(0) == ""
