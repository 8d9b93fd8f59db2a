"""The workbench as a student uses it: keys, clicks, edits, undo, save and reopen (pytest-qt, headless)."""
import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from tests.gui.keys import press  # noqa: E402



@pytest.fixture
def make_window(open_window):
    return lambda scene="toy-rnn", **kwargs: open_window(scene, **kwargs)


def outputs_shown(window, step):
    """The output neurons' labels in the network view and the unrolled view at a step."""
    network = window.view("network")
    unrolled = window.view("unrolled")
    shown = [network.unit_text(-1, i) for i in range(2)]
    shown_unrolled = [unrolled.unit_text(step - 1, -1, i) for i in range(2)]
    return shown, shown_unrolled


def test_toy_rnn_three_right_arrows_show_4_12_32(qtbot, make_window):
    window = make_window("toy-rnn")
    assert window.session.step == 0
    seen = []
    for step in (1, 2, 3):
        press(qtbot, window, Qt.Key_Right)
        assert window.session.step == step
        seen.append(outputs_shown(window, step))
    assert [s[0] for s in seen] == [["4", "4"], ["12", "12"], ["32", "32"]]
    assert [s[1] for s in seen] == [["4", "4"], ["12", "12"], ["32", "32"]]
    assert window.view("network").memory_text(0, 0) == "16"
    press(qtbot, window, Qt.Key_Left)
    assert window.session.step == 2 and window.view("network").unit_text(-1, 0) == "12"
    press(qtbot, window, Qt.Key_Home)
    assert window.session.step == 0
    press(qtbot, window, Qt.Key_End)
    assert window.session.step == 3

    # Swap the first and third inputs in the sequence table: the outputs change.
    editor = window.sequence_editor
    editor.set_cell_text(0, 0, "2")
    editor.set_cell_text(0, 1, "2")
    editor.set_cell_text(2, 0, "1")
    editor.set_cell_text(2, 1, "1")
    np.testing.assert_array_equal(window.session.project.inputs, [[2, 2], [1, 1], [1, 1]])
    window.session.go(3)
    assert [window.view("network").unit_text(-1, i) for i in range(2)] == ["44", "44"]
    window.session.go(1)
    assert window.view("network").unit_text(-1, 0) == "8"


def test_lstm_lecture_step_6_output_is_7_and_output_gate_open(qtbot, make_window):
    window = make_window("lstm-lecture")
    assert window.tabs.currentWidget() is window.views["cell"]       # the scene opens on the cell view
    press(qtbot, window, Qt.Key_Right, times=6)
    assert window.session.step == 6
    cell = window.view("cell").lstm
    assert cell.output_text() == "7"
    assert cell.gate_value("f_o") == pytest.approx(1.0, abs=1e-3)
    assert window.view("network").unit_text(0, 0) == "7"
    # the explanation panel writes the memory's arithmetic
    window.show_explanation(0, "c", 0, "forward")
    assert "c′ = g(z)·f(z_i) + c·f(z_f)" in window.explain_panel.text()
    assert window.explain_panel.text().endswith("= 7")


def test_explanation_of_a_hidden_unit_matches_the_lecture(qtbot, make_window):
    window = make_window("toy-rnn")
    window.session.go(2)
    network = window.view("network")
    network.explain_requested.emit(0, "a", 0, "forward")     # what a click on a₁ sends
    assert window.explain_panel.text() == "a₁ = 1·x₁ + 1·x₂ + 1·m₁ + 1·m₂ = 1 + 1 + 2 + 2 = 6"


def test_weight_edit_undo_save_and_reopen(qtbot, make_window, tmp_path):
    window = make_window("toy-rnn")
    window.session.go(3)
    before = window.session.trace.outputs.copy()
    network = window.view("network")
    # Edit W_a[0, 1] through the in-place editor, as a click on the edge opens it.
    edge = next(e for e in network.edge_items() if e.key == "layers.0.W_a" and tuple(e.index) == (0, 1))
    editor = network.open_weight_editor(edge)
    editor.line_edit.setText("0.5")
    qtbot.keyClick(editor.line_edit, Qt.Key_Return)
    assert window.session.network.params["layers.0.W_a"][0, 1] == 0.5
    after = window.session.trace.outputs.copy()
    assert not np.array_equal(before, after)
    assert network.unit_text(-1, 0) != "32"
    assert window.isWindowModified()

    window.undo_stack.undo()
    np.testing.assert_array_equal(window.session.trace.outputs, before)
    assert network.unit_text(-1, 0) == "32"
    assert not window.isWindowModified()
    window.undo_stack.redo()
    np.testing.assert_array_equal(window.session.trace.outputs, after)

    path = tmp_path / "edited.json"
    assert window.save_to(path)
    assert not window.isWindowModified()
    assert "edited.json" in window.windowTitle()
    reopened = make_window("w999")
    assert reopened.open_file(path)
    for key, value in window.session.network.params.items():
        np.testing.assert_array_equal(reopened.session.network.params[key], value)
    np.testing.assert_array_equal(reopened.session.project.inputs, window.session.project.inputs)
    reopened.session.go(3)
    np.testing.assert_array_equal(reopened.session.trace.outputs, after)
    assert str(path.resolve()) in reopened.recent_files()


def test_malformed_sequence_cell_is_rejected_with_a_reason(qtbot, make_window):
    window = make_window("toy-rnn")
    editor = window.sequence_editor
    editor.set_cell_text(1, 0, "abc")
    np.testing.assert_array_equal(window.session.project.inputs, [[1, 1], [1, 1], [2, 2]])
    message = editor.message_text()
    assert "Step 2" in message and "not a number" in message and "kept" in message
    assert window.undo_stack.count() == 0


def test_architecture_change_is_undoable_and_keeps_weights(qtbot, make_window):
    window = make_window("toy-rnn")
    old_W_x = window.session.network.params["layers.0.W_x"].copy()
    window.builder.set_units(3)
    window.builder.flush()
    assert window.session.network.layers[0].cell.hidden_size == 3
    np.testing.assert_array_equal(window.session.network.params["layers.0.W_x"][:2], old_W_x)
    window.builder.set_kind("lstm")
    window.builder.flush()
    assert window.session.network.layers[0].cell.kind == "lstm"
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.session.network.layers[0].cell.hidden_size == 2
    window.session.go(3)
    assert window.view("network").unit_text(-1, 0) == "32"


def test_unsaved_changes_ask_before_closing(qtbot, make_window, monkeypatch):
    window = make_window("toy-rnn")
    window.edit_weight("head.W", 0, 2.0)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or QMessageBox.Cancel)
    assert not window.close()
    assert asked and window.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.Discard)
    assert window.close()


def test_autosave_is_offered_back_after_a_crash(qtbot, make_window):
    window = make_window("toy-rnn")
    window.edit_weight("layers.0.W_a", 3, -1.5)
    assert window.autosave()
    assert window.autosave_path().is_file()
    # A crash: the window goes away without closeEvent, the autosave stays. The next start offers it.
    second = make_window("w999")
    assert second.offer_autosave_recovery(accept=True)
    assert second.session.network.params["layers.0.W_a"][1, 1] == -1.5
    assert second.isWindowModified()


def test_a_corrupt_file_leaves_the_open_project_intact(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window("lstm-lecture")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "rnn-simulator-project", "version": 1, "name": "x"}))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: warnings.append(args[2]))
    assert not window.open_file(bad, ask=False)
    assert warnings and "bad.json" in warnings[0]
    assert window.session.project.name == "lstm-lecture"


def test_import_pytorch_weights_replaces_the_network_undoably(qtbot, make_window, tmp_path):
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    module = torch.nn.GRU(2, 3).double()
    path = tmp_path / "gru.npz"
    np.savez(path, **{k: v.detach().numpy() for k, v in module.state_dict().items()})
    window = make_window("toy-rnn")
    assert window.import_torch(path, cell="gru")
    assert window.session.network.layers[0].cell.kind == "gru"
    x = torch.tensor(window.session.project.inputs[:, None, :])
    expected = module(x)[0].detach().numpy()[:, 0]
    np.testing.assert_allclose(window.session.trace.outputs[:, 0], expected, rtol=1e-12)
    window.undo_stack.undo()
    assert window.session.network.layers[0].cell.kind == "elman"


def test_theme_and_zoom_are_remembered(qtbot, make_window, tmp_path):
    window = make_window("toy-rnn")
    window.apply_theme(True)
    window.set_zoom(1.3)
    assert window.settings.value("theme") == "dark"
    assert float(window.settings.value("zoom")) == pytest.approx(1.3)


def test_every_scene_opens_from_the_menu_and_steps_to_the_end(qtbot, make_window):
    window = make_window("toy-rnn")
    names = [a.data() for a in window.menu_scenes.actions() if a.data()]
    assert set(names) >= {"toy-rnn", "lstm-lecture", "w999"}
    for name in names:
        action = next(a for a in window.menu_scenes.actions() if a.data() == name)
        action.trigger()
        assert window.session.project.name == name
        window.session.last()
        for name in ("network", "cell", "unrolled", "heatmap"):
            window.view(name)
        window.session.first()


def test_use_these_weights_from_the_training_tab_is_one_undoable_edit(qtbot, make_window):
    window = make_window("cliff")
    training = window.view("training")
    before = {k: v.copy() for k, v in window.session.network.params.items()}
    trained = {k: v + 0.25 for k, v in before.items()}
    training.params_apply_requested.emit(trained)
    for key in trained:
        np.testing.assert_array_equal(window.session.network.params[key], trained[key])
    window.undo_stack.undo()
    for key in before:
        np.testing.assert_array_equal(window.session.network.params[key], before[key])


def test_closing_the_window_stops_the_training_workers(qtbot, make_window):
    window = make_window("cliff")
    training = window.view("training")
    stopped = []
    original = training.shutdown
    training.shutdown = lambda: (stopped.append(True), original())
    window.session._set_dirty(False)
    assert window.close()
    assert stopped == [True]
