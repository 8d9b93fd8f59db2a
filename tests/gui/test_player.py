"""The player bar: transport buttons, timeline, play/pause and the window-wide keys."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QLineEdit, QMainWindow, QVBoxLayout, QWidget  # noqa: E402

from simulator.gui.panels.player import PlayerBar, _tick_interval, is_typing_widget  # noqa: E402
from simulator.gui.panels.sequence_editor import SequenceEditor  # noqa: E402
from simulator.model.scenes import load_scene  # noqa: E402
from simulator.model.session import Session  # noqa: E402


@pytest.fixture
def toy(qtbot):
    session = Session(load_scene("toy-rnn"))
    player = PlayerBar(session)
    qtbot.addWidget(player)
    return session, player


def test_step_button_three_times_reaches_the_end(toy, qtbot):
    session, player = toy
    assert player.label_text() == "step 0 / 3" and player.slider_value() == 0
    for expected in (1, 2, 3):
        qtbot.mouseClick(player._step_button, Qt.MouseButton.LeftButton)
        assert session.step == expected
    assert player.slider_value() == 3
    assert player.label_text().endswith("3 / 3")
    # The numbers the other views would show at that step: y³ = 32 for toy-rnn.
    np.testing.assert_allclose(session.trace.outputs[session.step - 1, 0], [32, 32])
    assert not player._step_button.isEnabled() and not player._last_button.isEnabled()

    qtbot.mouseClick(player._back_button, Qt.MouseButton.LeftButton)
    assert session.step == 2 and player.label_text() == "step 2 / 3"
    qtbot.mouseClick(player._first_button, Qt.MouseButton.LeftButton)
    assert session.step == 0 and player.slider_value() == 0
    assert not player._first_button.isEnabled() and not player._back_button.isEnabled()
    qtbot.mouseClick(player._last_button, Qt.MouseButton.LeftButton)
    assert session.step == 3


def test_timeline_moves_the_session_and_follows_it(toy):
    session, player = toy
    assert player._slider.maximum() == 3 and player._slider.tickInterval() == 1
    player._slider.setValue(2)                   # as a drag does
    assert session.step == 2 and player.label_text() == "step 2 / 3"
    session.go(1)                                # someone else moves the step
    assert player.slider_value() == 1 and player.label_text() == "step 1 / 3"


def test_timeline_range_follows_the_inputs(toy):
    session, player = toy
    session.set_inputs(np.ones((5, 2)))
    assert player._slider.maximum() == 5 and player.label_text() == "step 0 / 5"
    session.last()
    session.set_inputs(np.ones((2, 2)))          # shorter: the session clamps the step
    assert player.slider_value() == 2 and player.label_text() == "step 2 / 2"


def test_play_runs_to_the_end_and_stops(toy, qtbot):
    session, player = toy
    player.set_speed(50)
    seen = []
    session.step_changed.connect(seen.append)
    with qtbot.waitSignal(player.playing_changed) as started:
        qtbot.mouseClick(player._play_button, Qt.MouseButton.LeftButton)
    assert started.args == [True] and player.is_playing()
    qtbot.waitUntil(lambda: session.step == session.steps, timeout=3000)
    qtbot.waitUntil(lambda: not player.is_playing(), timeout=1000)
    assert seen == [1, 2, 3]                      # one step at a time, none skipped
    assert player.label_text() == "step 3 / 3"
    # ▶ at the end starts again from the beginning.
    player.play()
    assert session.step == 0 and player.is_playing()
    qtbot.waitUntil(lambda: session.step == 3 and not player.is_playing(), timeout=3000)


def test_pause_stops(qtbot):
    session = Session(load_scene("w999"))
    player = PlayerBar(session)
    qtbot.addWidget(player)
    player.set_speed(60)
    player.play()
    qtbot.waitUntil(lambda: session.step >= 3, timeout=3000)
    with qtbot.waitSignal(player.playing_changed) as stopped:
        qtbot.mouseClick(player._play_button, Qt.MouseButton.LeftButton)
    assert stopped.args == [False]
    paused_at = session.step
    assert not player.is_playing() and not player._timer.isActive()
    assert 3 <= paused_at < 1000
    # Nothing moves while paused: events are processed and the step stays.
    qtbot.wait(50)
    assert session.step == paused_at


def test_animation_duration_is_capped_while_playing(toy, qtbot):
    session, player = toy
    assert player.animation_duration() == 600
    with qtbot.waitSignal(player.animation_duration_changed) as changed:
        player.set_animation_duration(300)
    assert changed.args == [300]
    player.set_speed(8)                           # 125 ms per step
    with qtbot.waitSignal(player.animation_duration_changed) as changed:
        player.play()
    assert changed.args == [125]
    with qtbot.waitSignal(player.animation_duration_changed) as changed:
        player.pause()
    assert changed.args == [300]


def test_long_sequence_timeline_ticks():
    assert _tick_interval(9) == 1
    assert _tick_interval(1000) == 20
    assert 1000 / _tick_interval(1000) <= 60


@pytest.fixture
def window(qtbot):
    """A main window like the app's: a view, a line edit and the sequence table, with the keys."""
    session = Session(load_scene("toy-rnn"))
    window = QMainWindow()
    central = QWidget()
    layout = QVBoxLayout(central)
    view = QWidget()
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    view.setMinimumSize(200, 100)
    line = QLineEdit("weights")
    editor = SequenceEditor(session)
    player = PlayerBar(session)
    for widget in (view, line, editor, player):
        layout.addWidget(widget)
    window.setCentralWidget(central)
    qtbot.addWidget(window)
    actions = player.install_shortcuts(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    yield session, view, line, editor, actions
    del window  # qtbot holds widgets weakly: the fixture keeps the window alive until here


def focus(qtbot, widget):
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=1000)


def test_keys_step_when_a_view_has_the_focus(window, qtbot):
    session, view, _, _, actions = window
    assert set(actions) == {"step", "back", "first", "last", "play"}
    focus(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert session.step == 1
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert session.step == 2
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert session.step == 1
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert session.step == 3
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert session.step == 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown)     # a presentation clicker
    assert session.step == 1


def test_keys_are_left_to_a_line_edit(window, qtbot):
    session, _, line, _, _ = window
    focus(qtbot, line)
    line.setCursorPosition(0)
    qtbot.keyClick(line, Qt.Key.Key_Right)
    qtbot.keyClick(line, Qt.Key.Key_Space)
    qtbot.keyClick(line, Qt.Key.Key_End)
    assert session.step == 0
    assert line.text() == "w eights" and line.cursorPosition() == len("w eights")


def test_keys_are_left_to_the_sequence_table(window, qtbot):
    session, view, _, editor, _ = window
    table = editor._table
    table.setCurrentCell(0, 0)
    focus(qtbot, table)
    assert is_typing_widget(table)
    qtbot.keyClick(table, Qt.Key.Key_Right)       # moves to the next cell, does not step
    assert session.step == 0
    assert (table.currentRow(), table.currentColumn()) == (0, 1)
    # Typing into a cell: the editor is a line edit inside the table.
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(table.focusWidget(), QLineEdit) and table.focusWidget().hasFocus(),
                    timeout=1000)
    cell_editor = table.focusWidget()
    qtbot.keyClick(cell_editor, Qt.Key.Key_Left)
    qtbot.keyClick(cell_editor, Qt.Key.Key_Home)
    assert session.step == 0
    # Back in a view, the keys step again.
    focus(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert session.step == 1
