"""The unrolled view: one network used at every step, a bounded window over long sequences."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from simulator.engine.network import Network
from simulator.gui.style import format_value
from simulator.gui.views.unrolled_view import WINDOW, UnrolledView
from simulator.model.scenes import load_scene
from simulator.model.session import Session


def open_view(qtbot, session) -> UnrolledView:
    view = UnrolledView(session)
    qtbot.addWidget(view)
    view.resize(1100, 650)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_toy_rnn_copies_show_4_12_32(qtbot):
    view = open_view(qtbot, Session(load_scene("toy-rnn")))
    view.show_step(3)
    assert list(view.visible_steps()) == [0, 1, 2]
    assert [view.unit_text(t, -1, 0) for t in range(3)] == ["4", "12", "32"]
    assert [view.unit_text(t, 0, 1) for t in range(3)] == ["2", "6", "16"]
    assert [view.input_text(t, 0) for t in range(3)] == ["1", "1", "2"]
    view.show_step(1)                       # later copies are faded and blank until fed
    assert [view.unit_text(t, -1, 0) for t in range(3)] == ["4", "", ""]
    assert view.input_text(2, 0) == "2"     # the inputs to come are known already
    view.show_step(2, 0.0)                  # the copy being computed starts blank…
    assert view.unit_text(1, 0, 0) == "" and view.unit_text(0, -1, 0) == "4"
    view.show_step(2, 0.6)                  # …its hidden values arrive before its outputs
    assert view.unit_text(1, 0, 0) == "6"


def test_clicking_a_unit_of_an_earlier_step_asks_for_that_step(qtbot):
    view = open_view(qtbot, Session(load_scene("toy-rnn")))
    view.show_step(3)
    point = view.unit_point(0, -1, 1)       # y₂ of the first copy
    with qtbot.waitSignal(view.explain_at_requested, timeout=1000) as blocker:
        qtbot.mouseClick(view.canvas.viewport(), Qt.LeftButton, pos=view.canvas.mapFromScene(point))
    assert blocker.args == [0, -1, "y", 1, "forward"]
    point = view.unit_point(1, 0, 0)
    with qtbot.waitSignal(view.explain_at_requested, timeout=1000) as blocker:
        qtbot.mouseClick(view.canvas.viewport(), Qt.LeftButton, pos=view.canvas.mapFromScene(point))
    assert blocker.args == [1, 0, "a", 0, "forward"]
    assert "a₁ at step t = 2: 6" in view.tooltip_at(view.canvas.mapFromScene(point))


def test_w999_draws_a_bounded_window_that_follows_the_step(qtbot):
    session = Session(load_scene("w999"))
    assert session.steps == 1000
    view = open_view(qtbot, session)
    items = len(view.scene.items())
    assert len(view.visible_steps()) == WINDOW
    assert items < 40 * WINDOW              # a few dozen items per copy, never per step

    view.show_step(500)
    assert 499 in view.visible_steps() and 500 in view.visible_steps()   # the current step and the next
    assert view.unit_text(499, -1, 0) == "1"                            # w = 1 keeps the 1 forever
    assert view.unit_text(500, -1, 0) == ""                              # not fed yet
    assert view.unit_text(100, -1, 0) == ""                              # outside the window
    view.show_step(1000)
    assert view.visible_steps()[-1] == 999
    assert len(view.scene.items()) == items                              # refilled, not re-created

    view.set_window_start(0)                # the scroll bar moves the window without changing the step
    assert list(view.visible_steps()) == list(range(WINDOW))
    assert view.unit_text(0, -1, 0) == "1" and view.step == 1000

    session.set_weight("layers.0.W_a", (0, 0), 1.01)   # the outputs grow as 1.01^(t−1)
    view.show_step(1000)
    assert view.unit_text(999, -1, 0) == format_value(1.01 ** 999)


def test_bidirectional_and_deep_networks(qtbot):
    net = Network.build(3, [{"kind": "gru", "hidden_size": 3, "bidirectional": True},
                            {"kind": "lstm", "hidden_size": 2}], head={"output_size": 2, "activation": "softmax"})
    project = load_scene("toy-rnn").copy()
    project.network = net
    project.inputs = np.random.default_rng(0).normal(size=(12, 3))
    session = Session(project)
    view = open_view(qtbot, session)
    view.show_step(12)
    trace = session.trace
    assert view.visible_steps()[-1] == 11
    for t in view.visible_steps():
        assert view.unit_text(t, 0, 2, "reverse") == format_value(
            float(trace.layers[0].records["reverse"]["a"][t, 0, 2]))
        assert view.unit_text(t, -1, 0) == format_value(float(trace.outputs[t, 0, 0]))
    view.set_dark(True)
    view.retranslate()
    view.set_zoom(1.5)


def test_a_project_without_inputs_draws_an_empty_copy(qtbot):
    project = load_scene("toy-rnn").copy()
    project.inputs = None
    view = open_view(qtbot, Session(project))
    view.show_step(0)
    assert list(view.visible_steps()) == [] and view.unit_text(0, -1, 0) == ""
