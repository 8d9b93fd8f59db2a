"""The Slots tab as a student uses it: the lecture's sentence, a typed one, another model, stepping,
unknown words, the F1 table, bad input, theme and language (pytest-qt, headless)."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QPointF, Qt

from simulator.gui.style import DARK, LIGHT
from simulator.gui.views import slot_view
from simulator.gui.views.slot_view import SlotView
from simulator.model import slot_filling
from tests.gui.keys import press  # noqa: E402

ARRIVE = "arrive Taipei on November 2nd"
LEAVE = "leave Taipei on November 2nd"
RECURRENT = ("elman", "jordan", "bidirectional", "lstm", "gru")


@pytest.fixture
def make_window(open_window):
    return lambda scene=slot_filling.SCENE, language="en": open_window(scene, language)


def slots_of(window) -> SlotView:
    return window.view("slots")


def read_all(window):
    window.session.last()


def test_the_scene_opens_on_the_slots_tab_with_the_lecture_sentence(make_window):
    window = make_window()
    view = window.tabs.currentWidget()
    assert isinstance(view, SlotView) and view.is_applicable()
    assert view.current_choice() == (slot_filling.DEFAULT_MODEL, slot_filling.DEFAULT_ENCODING)
    assert view.sentence.text() == window.session.project.text
    view.set_sentence_text(ARRIVE)
    read_all(window)
    assert view.words() == ["arrive", "Taipei", "on", "November", "2nd"]
    assert view.shown_slots() == ["other", "destination", "other", "arrival_time", "arrival_time"]
    # The bars are the network's softmax outputs, the memory strip its hidden state at that step.
    labelling = slot_filling.label(window.session.project, ARRIVE)
    trace = window.session.trace
    for t in range(5):
        np.testing.assert_allclose(view.shown_probabilities(t), labelling.probabilities[t])
        np.testing.assert_allclose(view.shown_probabilities(t), trace.outputs[t, 0])
        assert view.shown_probabilities(t).sum() == pytest.approx(1.0)
        np.testing.assert_allclose(view.shown_memory(t), trace.layers[0].output[t, 0])
    # Hovering explains: the word how it was encoded, the bars every probability.
    view.canvas.grab()                           # paint: the hover regions are what was drawn
    column = view._columns[1].rect
    tips = [view._tooltip_at(QPointF(column.center().x(), y)) for y in range(0, view.canvas.height(), 4)]
    assert any(tip.startswith("“Taipei” — step t = 2") and "1-of-N: its own dimension “taipei”" in tip
               for tip in tips)
    assert any(tip.startswith("Taipei: destination (") for tip in tips)
    assert any(tip.startswith("P(slot) for “Taipei”:") and "departure place:" in tip for tip in tips)


def test_typing_leave_makes_taipei_the_departure_place_undoably(make_window):
    window = make_window()
    view = slots_of(window)
    view.set_sentence_text(ARRIVE)
    read_all(window)
    assert view.shown_slots()[1] == "destination"
    before = window.undo_stack.count()

    view.set_sentence_text(LEAVE)
    read_all(window)
    assert window.session.project.text == LEAVE
    assert window.undo_stack.count() == before + 1 and window.session.dirty
    assert view.words() == ["leave", "Taipei", "on", "November", "2nd"]
    assert view.shown_slots() == ["other", "departure", "other", "departure_time", "departure_time"]
    # The sequence editor's sentence box follows (one session path for both boxes).
    assert window.sequence_editor.sentence_text() == LEAVE
    assert window.autosave()                     # a text project stays savable

    window.undo_stack.undo()
    read_all(window)
    assert window.session.project.text == ARRIVE and view.sentence.text() == ARRIVE
    assert view.shown_slots()[1] == "destination"


def test_the_feed_forward_model_gives_taipei_one_slot_whatever_the_verb(make_window):
    window = make_window()
    view = slots_of(window)
    view.set_sentence_text(ARRIVE)
    view.choose_model("feedforward")
    assert slot_filling.model_of(window.session.project) == ("feedforward", slot_filling.DEFAULT_ENCODING)
    assert window.session.project.text == ARRIVE            # the typed sentence is kept
    assert window.tabs.currentWidget() is view              # and the student stays on this tab
    assert "no memory" in view.note_text()
    read_all(window)
    after_arrive = view.shown_slots()[1]
    view.set_sentence_text(LEAVE)
    read_all(window)
    after_leave = view.shown_slots()[1]
    assert after_arrive == after_leave
    assert view.shown_probabilities(1) is not None

    # Every recurrent model tells the two apart.
    for model in RECURRENT:
        view.choose_model(model)
        assert view.current_choice() == (model, slot_filling.DEFAULT_ENCODING)
        view.set_sentence_text(ARRIVE)
        read_all(window)
        assert view.shown_slots()[1] == "destination", model
        view.set_sentence_text(LEAVE)
        read_all(window)
        assert view.shown_slots()[1] == "departure", model
    assert "Bidirectional" not in view.note_text()
    view.choose_model("bidirectional")
    assert "need the whole sentence" in view.note_text()

    # Switching models is undoable: back to the feed-forward network object it was.
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert slot_filling.model_of(window.session.project) == (slot_filling.DEFAULT_MODEL,
                                                             slot_filling.DEFAULT_ENCODING)
    assert view.current_choice() == (slot_filling.DEFAULT_MODEL, slot_filling.DEFAULT_ENCODING)


def test_stepping_shows_the_slots_of_the_first_k_words_only(qtbot, make_window):
    window = make_window()
    view = slots_of(window)
    view.set_sentence_text("i would like to arrive Taipei on November 2nd")
    window.session.first()
    assert view.shown_slots() == [None] * 9
    assert "Nothing read yet" in view.note_text()
    full = slot_filling.label(window.session.project, window.session.project.text)
    for k in range(1, 10):
        press(qtbot, window, Qt.Key_Right)
        assert window.session.step == k
        shown = view.shown_slots()
        assert shown[:k] == full.slots[:k]
        assert shown[k:] == [None] * (9 - k)
        assert view.shown_memory(k - 1) is not None
        if k < 9:
            assert view.shown_memory(k) is None and view.shown_probabilities(k) is None
    assert full.slots[5] == "destination"
    assert "All 9 words read" in view.note_text()
    press(qtbot, window, Qt.Key_Left, times=3)
    assert view.shown_slots()[6:] == [None] * 3 and view.words_read() == 6


def test_an_unseen_city_goes_to_other_with_one_hot_and_the_view_says_so(make_window):
    window = make_window()
    view = slots_of(window)
    view.choose_model("lstm", "one_hot")
    assert slot_filling.model_of(window.session.project) == ("lstm", "one_hot")
    view.set_sentence_text("arrive Gandalf on November 2nd")
    read_all(window)
    assert view.unknown_words() == ["Gandalf"]
    [line] = view.unknown_explanations()
    assert line.startswith("Gandalf is not in the vocabulary") and "went to “other”" in line
    assert "“<other>” dimension" in line

    # With letter trigrams the same word is described by its trigrams instead.
    view.choose_model("lstm", "hashing")
    read_all(window)
    encoding = slot_filling.label(window.session.project, "Gandalf").encodings[0]
    if not encoding.known:
        [line] = view.unknown_explanations()
        assert all(gram in line for gram, _ in encoding.trigrams)
    tip = view._word_tooltip(view._columns[1])
    assert "letter trigrams: gan" in tip


def test_the_f1_table_fills_in_from_a_worker_with_the_evaluate_numbers(qtbot, make_window):
    slot_view._F1_CACHE.clear()
    window = make_window()
    view = slots_of(window)
    # The window answers at once; the table says it is computing.
    assert not view.f1_ready()
    assert view.f1_status.isVisibleTo(view) and view.f1_status.text().startswith("computing…")
    qtbot.waitUntil(view.f1_ready, timeout=180_000)
    assert not view.f1_status.isVisibleTo(view)
    encoding = slot_filling.DEFAULT_ENCODING
    for model in slot_filling.MODELS:
        expected = slot_filling.evaluate(slot_filling.load_model(model, encoding))
        for slot in slot_view.SCORED_SLOTS:
            assert view.f1_cell(model, slot) == f"{expected['slots'][slot]['f1']:.3f}", (model, slot)
        assert view.f1_cell(model, "overall") == f"{expected['overall']['f1']:.3f}"
    scores = view.f1_scores()
    # The feed-forward row shows where it fails: its city cells are coloured as worse than the LSTM's.
    for city in ("destination", "departure"):
        assert scores["feedforward"]["slots"][city]["f1"] < scores["lstm"]["slots"][city]["f1"]
        bad, good = view.f1_cell_colour("feedforward", city), view.f1_cell_colour("lstm", city)
        assert bad != good and bad.red() - bad.green() > good.red() - good.green()
    assert "feed-forward" in view.f1_note.text()

    # Another encoding: its own table, computed once, then cached.
    view.choose_model("lstm", "one_hot")
    qtbot.waitUntil(view.f1_ready, timeout=180_000)
    expected = slot_filling.evaluate(slot_filling.load_model("gru", "one_hot"))
    assert view.f1_cell("gru", "overall") == f"{expected['overall']['f1']:.3f}"
    view.choose_model("lstm", encoding)
    assert view.f1_ready()


def test_bad_input_keeps_the_old_sentence_with_an_inline_message(make_window):
    window = make_window()
    view = slots_of(window)
    view.set_sentence_text(ARRIVE)
    read_all(window)
    count = window.undo_stack.count()
    for bad in ("", "   ", "?! ,"):
        view.set_sentence_text(bad)
        assert view.message_text().startswith("The sentence was not changed:"), bad
        assert view.message_label.isVisibleTo(view)
        assert window.session.project.text == ARRIVE
        assert view.words() == ["arrive", "Taipei", "on", "November", "2nd"]
        assert window.undo_stack.count() == count
    assert view.sentence.toolTip() == view.message_text()
    view.set_sentence_text(LEAVE)
    assert view.message_text() == "" and not view.message_label.isVisibleTo(view)
    assert window.session.project.text == LEAVE


def test_other_scenes_get_a_note_and_a_way_to_the_slot_scene(make_window):
    window = make_window("toy-rnn")
    view = window.show_view("slots")
    assert not view.is_applicable()
    assert "5 softmax outputs" in view.not_applicable_text()
    assert view.words() == [] and view.shown_slots() == []
    view.open_scene_button.click()
    assert window.session.project.name == slot_filling.SCENE
    assert view.is_applicable() and window.tabs.currentWidget() is view
    # a text scene whose network is not a slot filler
    window.open_scene("encodings")
    assert not view.is_applicable() and "5 softmax outputs" in view.not_applicable_text()


def test_theme_and_language_relabel_the_view(make_window):
    window = make_window()
    view = slots_of(window)
    read_all(window)
    view.canvas.repaint()
    image = view.canvas.grab().toImage()
    assert image.pixelColor(2, 2) == LIGHT.background
    light_cell = view.f1_cell_colour("lstm", "overall") if view.f1_ready() else None

    window.apply_theme(True)
    image = view.canvas.grab().toImage()
    assert image.pixelColor(2, 2) == DARK.background
    if light_cell is not None:
        assert view.f1_cell_colour("lstm", "overall") != light_cell

    assert view.f1_table.horizontalHeaderItem(0).text() == "destination"
    assert view.encoding_combo.currentText() == slot_filling.ENCODING_TITLES["both"]["en"]
    window.set_language("zh_CN")
    index = window._tab_names.index("slots")
    assert window.tabs.tabText(index) == QCoreApplication.translate("MainWindow", "Slots")
    assert view.encoding_combo.currentText() == slot_filling.ENCODING_TITLES["both"]["zh"]
    assert view.model_combo.itemText(0) == slot_filling.MODEL_TITLES["feedforward"]["zh"]
    assert view.f1_table.horizontalHeaderItem(0).text() == QCoreApplication.translate("SlotView", "destination")
    assert view.slot_title("arrival_time") == QCoreApplication.translate("SlotView", "arrival time")
    window.set_language("en")
    assert view.encoding_combo.currentText() == slot_filling.ENCODING_TITLES["both"]["en"]
    assert view.f1_table.horizontalHeaderItem(0).text() == "destination"
    window.set_zoom(1.5)
    assert view.sentence.font().pointSizeF() == pytest.approx(slot_view.BASE_POINT_SIZE * 1.5)


def test_words_are_the_steps_the_other_views_show(make_window):
    window = make_window()
    view = slots_of(window)
    view.set_sentence_text("Leave (Taipei), on November 2nd!")
    read_all(window)
    assert view.words() == ["Leave", "Taipei", "on", "November", "2nd"]
    assert len(view.words()) == window.session.steps
    assert view.unknown_words() == []
    assert view.shown_slots()[1] == "departure"
    np.testing.assert_allclose(view.shown_probabilities(1), window.session.trace.outputs[1, 0])


def test_any_text_scene_with_five_softmax_outputs_gets_the_view(make_window):
    from simulator.engine.network import Network

    window = make_window("encodings")
    view = window.show_view("slots")
    assert not view.is_applicable()
    size = window.session.network.input_size
    network = Network.build(size, [{"kind": "elman", "hidden_size": 3}], {"output_size": 5, "activation": "softmax"})
    network.init_params(np.random.default_rng(0))
    window.session.set_network(network)
    assert view.is_applicable()
    read_all(window)
    assert view.words() == window.session.project.text.split()
    assert view.current_choice() == (None, None)          # not one of the pre-trained models
    assert view.model_combo.currentText() == "" and view.model_combo.placeholderText()
    assert "Gandalf" in view.unknown_words()
    assert any("went to “other”" in line for line in view.unknown_explanations())
    np.testing.assert_allclose(view.shown_probabilities(0), window.session.trace.outputs[0, 0])
    # Picking a model loads it (with the default encoding) and keeps the sentence.
    text = window.session.project.text
    view.choose_model("gru")
    assert slot_filling.model_of(window.session.project) == ("gru", slot_filling.DEFAULT_ENCODING)
    assert window.session.project.text == text and view.words() == text.split()


def test_use_these_weights_of_another_models_run_makes_it_the_projects_network(make_window, qtbot):
    """The Training tab trains the six models side by side; "Use these weights" on the GRU run while
    the project holds the LSTM puts that GRU, with its trained weights, in the project (one undo step),
    and the Slots tab names it."""
    window = make_window()
    training = window.view("training")
    training.step_once()
    qtbot.waitUntil(lambda: all(len(run.session.history) >= 1 for run in training.lab.runs), timeout=60_000)
    qtbot.waitUntil(lambda: training.lab.state != "running", timeout=60_000)
    keys = [run.key for run in training.lab.runs]
    assert keys == list(slot_filling.MODELS)
    training.apply_run_combo.setCurrentIndex(keys.index("gru"))
    before = window.session.network
    gru_run = training.lab.runs[keys.index("gru")]
    trained = {key: value.copy() for key, value in gru_run.current_params().items()}
    assert any(not np.array_equal(trained[key], gru_run.start_params[key]) for key in trained)   # it learnt
    assert training.apply_weights()
    network = window.session.network
    assert network.layers[0].cell.kind == "gru"
    for key, value in trained.items():
        np.testing.assert_array_equal(network.params[key], value)
    assert slot_filling.model_of(window.session.project)[0] == "gru"
    view = slots_of(window)
    assert view.model_combo.currentData() == "gru"
    window.undo_stack.undo()
    assert window.session.network is before
    assert slot_filling.model_of(window.session.project)[0] == "lstm"
    assert view.model_combo.currentData() == "lstm"


def test_a_finished_workers_late_results_do_not_fill_another_encodings_table(qtbot, make_window):
    """The worker of one encoding has ended but its results still wait in the event queue when the
    student picks another encoding: the new table gets that encoding's numbers, not the old one's."""
    slot_view._F1_CACHE.clear()
    window = make_window()
    view = slots_of(window)
    assert view._worker is not None and view._worker_encoding == "both"
    assert view._worker.wait(180_000)          # done; its rows and "finished" not delivered yet
    view.choose_model("lstm", "hashing")
    qtbot.waitUntil(lambda: "hashing" in slot_view._F1_CACHE and not view._worker.is_running, timeout=180_000)
    qtbot.wait(50)
    expected = slot_filling.evaluate(slot_filling.load_model("feedforward", "hashing"))["overall"]["f1"]
    other = slot_filling.evaluate(slot_filling.load_model("feedforward", "both"))["overall"]["f1"]
    assert f"{expected:.3f}" != f"{other:.3f}"
    assert slot_view._F1_CACHE["hashing"]["feedforward"]["overall"]["f1"] == pytest.approx(expected)
    assert view.f1_cell("feedforward", "overall") == f"{expected:.3f}"



def test_a_network_built_in_the_builder_is_not_called_the_pre_trained_model(make_window):
    """The student builds a GRU in place of the scene's LSTM: the Slots tab must not call it the LSTM,
    and picking the LSTM then brings the pre-trained LSTM back (one undo step)."""
    from simulator.engine.network import Network
    from simulator.gui.commands import SetNetworkCommand

    window = make_window()
    view = slots_of(window)
    lstm = window.session.network
    network = Network.build(lstm.input_size, [{"kind": "gru", "hidden_size": 4}],
                            {"output_size": 5, "activation": "softmax"})
    network.init_params(np.random.default_rng(0))
    window.undo_stack.push(SetNetworkCommand(window.session, network))      # what the builder does
    assert view.is_applicable() and view.current_choice() == (None, None)
    assert "▶" not in view.f1_table.verticalHeaderItem(list(slot_filling.MODELS).index("lstm")).text()
    count = window.undo_stack.count()
    view.choose_model("lstm", "both")
    assert window.session.network.layers[0].cell.kind == "lstm"
    np.testing.assert_array_equal(window.session.network.params["head.W"], lstm.params["head.W"])
    assert view.current_choice() == ("lstm", "both") and window.undo_stack.count() == count + 1


@pytest.mark.parametrize("block", ["lstm", ["lstm", "both"], 3])
def test_picking_a_model_in_a_project_with_a_malformed_slot_filling_block(make_window, tmp_path, block):
    """A hand-edited project file whose settings["slot_filling"] is not an object: picking a model
    loads it (no traceback), and undo gives the file's block back as it was."""
    from simulator.io.project_file import save_project

    project = slot_filling.load_model("lstm", "both")
    project.settings["slot_filling"] = block
    path = tmp_path / "odd.json"
    save_project(path, project)
    window = make_window()
    window.open_file(str(path))
    view = window.show_view("slots")
    assert view.is_applicable() and view.current_choice() == (None, None)
    view.choose_model("gru", "one_hot")
    assert slot_filling.model_of(window.session.project) == ("gru", "one_hot")
    assert window.session.network.layers[0].cell.kind == "gru"
    window.undo_stack.undo()
    assert window.session.project.settings["slot_filling"] == block
    assert window.session.network.layers[0].cell.kind == "lstm"


def test_f1_column_titles_break_at_a_space_when_the_columns_are_narrow(make_window, qtbot):
    window = make_window()
    view = slots_of(window)
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: view.f1_table.horizontalHeaderItem(1).text() == view.slot_title("departure"))
    window.resize(900, 800)      # docks and all: the table's columns get well under 120 px
    qtbot.waitUntil(lambda: view.f1_table.horizontalHeaderItem(1).text() == "departure\nplace")
    header = view.f1_table.horizontalHeader()
    assert header.sectionSize(1) >= header.fontMetrics().horizontalAdvance("departure")
    # the table grew by the second header line: every model's row is still inside it
    rows = sum(view.f1_table.rowHeight(r) for r in range(view.f1_table.rowCount()))
    assert view.f1_table.height() >= header.height() + rows


def test_weights_not_as_shipped_get_their_own_f1_line(make_window, qtbot):
    """After an edit (or a training run's weights) the table's row is no longer the project's network:
    a line under the table scores the project's own weights on the test split, in a worker; back to
    the shipped weights, the line goes."""
    window = make_window()
    view = slots_of(window)
    assert not view.own_f1_label.isVisible()
    other = slot_filling.SLOTS.index("other")
    bias = float(window.session.network.params["head.b"][other])
    window.edit_weight("head.b", other, bias + 25.0)      # a strong pull towards "other"
    assert view.own_f1_label.isVisible()
    qtbot.waitUntil(lambda: view.own_f1() is not None, timeout=60_000)
    expected = slot_filling.evaluate(window.session.project)
    assert view.own_f1()["overall"]["f1"] == pytest.approx(expected["overall"]["f1"], abs=1e-12)
    assert expected["overall"]["f1"] < 0.9            # the pull costs something, and the line says so
    assert f"{expected['overall']['f1']:.3f}" in view.own_f1_label.text()
    window.undo_stack.undo()
    assert not view.own_f1_label.isVisible() and view.own_f1() is None
