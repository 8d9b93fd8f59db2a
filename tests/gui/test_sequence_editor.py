"""The sequence editor: shows the session's inputs, asks for edits as whole arrays, refuses bad values."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from simulator.engine.encoding import OneHotEncoding, TrigramHashing  # noqa: E402
from simulator.engine.network import Network  # noqa: E402
from simulator.gui.panels.sequence_editor import SequenceEditor  # noqa: E402
from simulator.model.project import Project  # noqa: E402
from simulator.model.scenes import load_scene  # noqa: E402
from simulator.model.session import Session  # noqa: E402

TOY_INPUTS = np.array([[1.0, 1.0], [1.0, 1.0], [2.0, 2.0]])


@pytest.fixture
def toy(qtbot):
    session = Session(load_scene("toy-rnn"))
    editor = SequenceEditor(session)
    qtbot.addWidget(editor)
    return session, editor


def applied(session, editor):
    """Do what the main window does: apply each request to the session (without the undo stack)."""
    editor.inputs_edit_requested.connect(session.set_inputs)


def table(editor):
    return [[editor.cell_text(r, c) for c in range(editor._table.columnCount())]
            for r in range(editor._table.rowCount())]


def test_shows_the_toy_inputs(toy):
    _, editor = toy
    assert table(editor) == [["1", "1"], ["1", "1"], ["2", "2"]]
    assert editor._table.horizontalHeaderItem(0).text() == "x₁"
    assert editor._table.verticalHeaderItem(2).text() == "x³"
    assert editor.inline_text() == "1, 1; 1, 1; 2, 2"
    assert editor.message_text() == ""


def test_invalid_cell_is_marked_and_nothing_is_emitted(toy, qtbot):
    session, editor = toy
    with qtbot.assertNotEmitted(editor.inputs_edit_requested):
        editor.set_cell_text(1, 0, "abc")
    assert session.project.inputs[1, 0] == 1.0
    message = editor.message_text()
    assert "Step 2" in message and "x₁" in message
    assert "'abc' is not a number" in message and "old value 1 was kept" in message
    assert editor._message_label.isVisible() or not editor.isVisible()
    item = editor._table.item(1, 0)
    assert item.text() == "abc"                      # marked in place, not silently replaced
    assert item.background().color().red() > item.background().color().blue()
    assert "not a number" in item.toolTip()
    np.testing.assert_array_equal(session.project.inputs, TOY_INPUTS)


@pytest.mark.parametrize("typed, reason", [("nan", "not finite"), ("-inf", "not finite"),
                                           ("1e400", "too large"), ("", "empty")])
def test_non_finite_and_empty_values_are_refused(toy, qtbot, typed, reason):
    session, editor = toy
    with qtbot.assertNotEmitted(editor.inputs_edit_requested):
        editor.set_cell_text(0, 1, typed)
    assert reason in editor.message_text()
    np.testing.assert_array_equal(session.project.inputs, TOY_INPUTS)


def test_valid_edit_emits_the_whole_array(toy, qtbot):
    session, editor = toy
    with qtbot.waitSignal(editor.inputs_edit_requested) as blocker:
        editor.set_cell_text(1, 0, "5")
    np.testing.assert_array_equal(blocker.args[0], [[1, 1], [5, 1], [2, 2]])
    # The editor did not touch the session itself.
    np.testing.assert_array_equal(session.project.inputs, TOY_INPUTS)


def test_lecture_minus_sign_is_read(toy, qtbot):
    _, editor = toy
    with qtbot.waitSignal(editor.inputs_edit_requested) as blocker:
        editor.set_cell_text(2, 1, "−1.5")
    assert blocker.args[0][2, 1] == -1.5


def test_fixing_an_invalid_cell_clears_the_mark(toy, qtbot):
    session, editor = toy
    applied(session, editor)
    editor.set_cell_text(0, 0, "x")
    editor.set_cell_text(2, 1, "7")          # another edit keeps the pending mark
    assert session.project.inputs[2, 1] == 7
    assert editor.cell_text(0, 0) == "x" and "Step 1" in editor.message_text()
    editor.set_cell_text(0, 0, "3")
    assert editor.message_text() == ""
    np.testing.assert_array_equal(session.project.inputs, [[3, 1], [1, 1], [2, 7]])
    assert editor.cell_text(0, 0) == "3"
    assert session.trace.outputs[0, 0, 0] == pytest.approx(8.0)   # (3 + 1) · 2 hidden units · 1


def test_refresh_follows_the_session_without_emitting(toy, qtbot):
    session, editor = toy
    with qtbot.assertNotEmitted(editor.inputs_edit_requested):
        session.set_inputs(np.array([[2.0, 0.5], [0.0, -1.0]]))
    assert table(editor) == [["2", "0.5"], ["0", "-1"]]
    assert editor.inline_text() == "2, 0.5; 0, -1"


def test_paste_block_at_origin(toy, qtbot):
    _, editor = toy
    with qtbot.waitSignal(editor.inputs_edit_requested) as blocker:
        editor.paste_text("1\t2\n3\t4\n", 0, 0)
    np.testing.assert_array_equal(blocker.args[0], [[1, 2], [3, 4], [2, 2]])


def test_paste_grows_the_table(toy, qtbot):
    _, editor = toy
    with qtbot.waitSignal(editor.inputs_edit_requested) as blocker:
        editor.paste_text("7\t8\n9\t10", 2, 0)
    np.testing.assert_array_equal(blocker.args[0], [[1, 1], [1, 1], [7, 8], [9, 10]])


def test_paste_from_the_clipboard_with_ctrl_v(toy, qtbot):
    _, editor = toy
    editor.show()
    qtbot.waitExposed(editor)
    editor._table.setCurrentCell(1, 1)
    editor._table.setFocus()
    QGuiApplication.clipboard().setText("6\n-2")
    with qtbot.waitSignal(editor.inputs_edit_requested) as blocker:
        qtbot.keyClick(editor._table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(blocker.args[0], [[1, 1], [1, 6], [2, -2]])


def test_paste_one_value_fills_the_selection(toy, qtbot):
    _, editor = toy
    editor.select_rows([0, 2])
    with qtbot.waitSignal(editor.inputs_edit_requested) as blocker:
        editor.paste_text("0")
    np.testing.assert_array_equal(blocker.args[0], [[0, 0], [1, 1], [0, 0]])


def test_paste_with_a_bad_value_pastes_nothing(toy, qtbot):
    session, editor = toy
    with qtbot.assertNotEmitted(editor.inputs_edit_requested):
        editor.paste_text("1\t2\n3\toops", 0, 0)
    assert "Nothing was pasted" in editor.message_text()
    assert "Step 2, x₂" in editor.message_text() and "'oops' is not a number" in editor.message_text()
    assert editor.cell_text(1, 1) == "oops"          # marked where it would have gone
    np.testing.assert_array_equal(session.project.inputs, TOY_INPUTS)


def test_paste_wider_than_the_network_is_refused(toy, qtbot):
    _, editor = toy
    with qtbot.assertNotEmitted(editor.inputs_edit_requested):
        editor.paste_text("1\t2\t3", 0, 0)
    assert "2 inputs per step" in editor.message_text()


def test_add_remove_and_move_steps(toy, qtbot):
    session, editor = toy
    applied(session, editor)
    editor.select_rows([0])
    with qtbot.waitSignal(editor.inputs_edit_requested) as blocker:
        editor.add_step()
    np.testing.assert_array_equal(blocker.args[0], [[1, 1], [0, 0], [1, 1], [2, 2]])
    assert editor.selected_rows() == [1]

    editor.select_rows([3])
    with qtbot.waitSignal(editor.inputs_edit_requested) as blocker:
        editor.move_steps(-1)
    np.testing.assert_array_equal(blocker.args[0], [[1, 1], [0, 0], [2, 2], [1, 1]])
    assert editor.selected_rows() == [2]
    with qtbot.waitSignal(editor.inputs_edit_requested) as blocker:
        editor._up_button.click()
    np.testing.assert_array_equal(blocker.args[0], [[1, 1], [2, 2], [0, 0], [1, 1]])
    with qtbot.waitSignal(editor.inputs_edit_requested) as blocker:
        editor._down_button.click()
    np.testing.assert_array_equal(blocker.args[0], [[1, 1], [0, 0], [2, 2], [1, 1]])

    editor.select_rows([1, 3])
    with qtbot.waitSignal(editor.inputs_edit_requested) as blocker:
        editor._remove_button.click()
    np.testing.assert_array_equal(blocker.args[0], [[1, 1], [2, 2]])
    # Reordering changes the outputs: the network remembers.
    np.testing.assert_allclose(session.trace.outputs[:, 0], [[4, 4], [16, 16]])


def test_the_last_step_cannot_be_removed(qtbot):
    project = load_scene("toy-rnn")
    project.inputs = project.inputs[:1]
    session = Session(project)
    editor = SequenceEditor(session)
    qtbot.addWidget(editor)
    with qtbot.assertNotEmitted(editor.inputs_edit_requested):
        editor.remove_steps([0])
    assert "at least one step" in editor.message_text()


def test_inline_field_round_trip(toy, qtbot):
    session, editor = toy
    applied(session, editor)
    with qtbot.waitSignal(editor.inputs_edit_requested) as blocker:
        editor.set_inline_text("[2,2][1,1][1,1]")
    np.testing.assert_array_equal(blocker.args[0], [[2, 2], [1, 1], [1, 1]])
    assert editor.inline_text() == "2, 2; 1, 1; 1, 1"
    assert table(editor) == [["2", "2"], ["1", "1"], ["1", "1"]]
    np.testing.assert_allclose(session.trace.outputs[:, 0], [[8, 8], [20, 20], [44, 44]])
    # A table edit shows up in the inline field.
    editor.set_cell_text(0, 0, "0.25")
    assert editor.inline_text() == "0.25, 2; 1, 1; 1, 1"


def test_inline_field_refuses_bad_text(toy, qtbot):
    session, editor = toy
    with qtbot.assertNotEmitted(editor.inputs_edit_requested):
        editor.set_inline_text("1, 1; 1")
    assert "step 2" in editor.message_text() and "not changed" in editor.message_text()
    assert editor.inline_text() == "1, 1; 1"          # left for the user to fix
    np.testing.assert_array_equal(session.project.inputs, TOY_INPUTS)


def test_current_step_row_is_highlighted(toy):
    session, editor = toy
    assert editor.highlighted_row() == -1
    session.go(2)
    assert editor.highlighted_row() == 1
    background = editor._table.item(1, 0).background()
    assert background.style() != Qt.BrushStyle.NoBrush
    assert editor._table.item(0, 0).background().style() == Qt.BrushStyle.NoBrush


def test_long_sequence_w999(qtbot):
    session = Session(load_scene("w999"))
    editor = SequenceEditor(session)
    qtbot.addWidget(editor)
    assert editor._table.rowCount() == 1000
    assert editor.cell_text(0, 0) == "1" and editor.cell_text(999, 0) == "0"
    session.last()
    assert editor.highlighted_row() == 999


def _text_project() -> Project:
    encoding = OneHotEncoding(["arrive", "leave", "taipei", "on", "november", "2nd"])
    network = Network.build(input_size=encoding.size, layers=[{"kind": "elman", "hidden_size": 3}],
                            head={"output_size": 2}, seed=0)
    return Project(name="tickets", network=network, text="arrive Taipei on November 2nd",
                   encoding=encoding.to_spec())


def test_text_scene_shows_the_words_and_their_encoding(qtbot):
    session = Session(_text_project())
    editor = SequenceEditor(session)
    qtbot.addWidget(editor)
    assert editor._pages.currentIndex() == 1
    assert editor.sentence_text() == "arrive Taipei on November 2nd"
    assert editor.word_rows() == [("arrive", "x₁ = 1  (arrive)"), ("Taipei", "x₃ = 1  (taipei)"),
                                  ("on", "x₄ = 1  (on)"), ("November", "x₅ = 1  (november)"),
                                  ("2nd", "x₆ = 1  (2nd)")]
    with qtbot.waitSignal(editor.text_edit_requested) as blocker:
        editor.set_sentence_text("leave Gandalf on November 2nd")
    assert blocker.args == ["leave Gandalf on November 2nd"]
    # The editor shows the session's text until the main window applies the edit.
    session.project.text = "leave Gandalf"
    session.trace_changed.emit()
    assert editor.word_rows()[1][0] == "Gandalf"
    assert editor.word_rows()[1][1] == "x₇ = 1  (<other>: not in the vocabulary)"


def test_trigram_hashing_shows_the_trigrams(qtbot):
    encoding = TrigramHashing(words=["apple", "taipei"])
    network = Network.build(input_size=encoding.size, layers=[{"kind": "elman", "hidden_size": 2}],
                            head={"output_size": 2}, seed=0)
    session = Session(Project(name="hashing", network=network, text="apple apply",
                              encoding=encoding.to_spec()))
    editor = SequenceEditor(session)
    qtbot.addWidget(editor)
    assert editor.word_rows() == [("apple", "app, ppl, ple"), ("apply", "app, ppl, ply → <other-trigram>")]


def test_text_scene_refuses_empty_sentence(qtbot):
    session = Session(_text_project())
    editor = SequenceEditor(session)
    qtbot.addWidget(editor)
    with qtbot.assertNotEmitted(editor.text_edit_requested):
        editor.set_sentence_text(" ?! ")
    assert "not changed" in editor.message_text() and "punctuation" in editor.message_text()


def test_new_architecture_changes_the_columns(toy):
    session, editor = toy
    session.set_network(Network.build(input_size=3, layers=[{"kind": "elman", "hidden_size": 2}],
                                      head={"output_size": 2}, seed=0))
    assert table(editor) == [["1", "1", "0"], ["1", "1", "0"], ["2", "2", "0"]]
    assert editor._table.horizontalHeaderItem(2).text() == "x₃"
    assert editor.inline_text() == "1, 1, 0; 1, 1, 0; 2, 2, 0"


def test_unknown_word_without_an_other_dimension_is_refused(qtbot):
    encoding = OneHotEncoding(["arrive", "taipei"], other=False)
    network = Network.build(input_size=encoding.size, layers=[{"kind": "elman", "hidden_size": 2}],
                            head={"output_size": 2}, seed=0)
    session = Session(Project(name="closed", network=network, text="arrive taipei",
                              encoding=encoding.to_spec()))
    editor = SequenceEditor(session)
    qtbot.addWidget(editor)
    with qtbot.assertNotEmitted(editor.text_edit_requested):
        editor.set_sentence_text("arrive Gandalf")
    assert "word 2" in editor.message_text() and "Gandalf" in editor.message_text()
    assert editor.sentence_text() == "arrive Gandalf"     # left for the user to fix
