"""The LSTM and GRU cell views show the numbers of the Trace: the lecture's worked LSTM example, a
stacked LSTM's layers and cells, a GRU's coupled gates, and a clear message when there is no such cell."""
import math

import pytest
from PySide6.QtCore import Qt

from simulator.engine.network import Network
from simulator.gui.style import DARK, LIGHT
from simulator.gui.views.cell_view import GruCellView, LstmCellView, pretty_number
from simulator.model.explain import explain
from simulator.model.scenes import load_scene
from simulator.model.session import Session


def make_view(qtbot, cls, session, shown=False):
    view = cls(session)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    if shown:
        view.show()
        qtbot.waitExposed(view)
    return view


def session_with(network):
    project = load_scene("lstm-lecture")     # a fresh copy of the scene: 9 steps of 3 inputs
    project.network = network
    return Session(project)


@pytest.fixture
def lecture(qtbot):
    session = Session(load_scene("lstm-lecture"))
    return session, make_view(qtbot, LstmCellView, session)


def snapshot(view):
    return (view.memory_value(), {g: view.gate_value(g) for g in ("f_i", "f_f", "f_o")}, view.output_text(),
            view.formula_lines())


def test_step_0_shows_the_initial_memory_and_closed_valves(lecture):
    _, view = lecture
    view.show_step(0)
    assert view.memory_value() == 0.0
    assert [view.gate_value(g) for g in ("f_i", "f_f", "f_o")] == [0.0, 0.0, 0.0]
    assert view.output_text() == "–"
    assert view.formula_lines()[0] == "c = 0"


def test_step_2_stores_3_behind_a_closed_output_gate(lecture):
    _, view = lecture
    view.show_step(2)
    assert view.memory_value() == pytest.approx(3.0, abs=1e-3)
    assert view.gate_value("f_i") == pytest.approx(1.0, abs=1e-9)
    assert view.gate_value("f_o") < 1e-3
    assert view.output_text() == "0"            # a = 3·4.54×10⁻⁵, shown as the lecture's 0
    assert view.formula_lines()[1] == "a = h(c′)·f(z_o) = 3·4.54×10⁻⁵ = 0.0001362 ≈ 0"


def test_step_6_lets_7_out_with_the_formula_in_numbers(lecture):
    _, view = lecture
    view.show_step(6)
    assert view.output_text() == "7"
    assert view.gate_value("f_o") > 0.999
    assert view.memory_value() == pytest.approx(7.0, abs=1e-3)
    c_line, a_line = view.formula_lines()
    assert c_line == "c′ = g(z)·f(z_i) + c·f(z_f) = 1·4.54×10⁻⁵ + 7·1 = 4.54×10⁻⁵ + 6.999 = 7"
    assert a_line == "a = h(c′)·f(z_o) = 7·1 = 7"


def test_step_7_forgets_and_stepping_back_restores_step_6_exactly(lecture):
    _, view = lecture
    view.show_step(6)
    at_six = snapshot(view)
    view.show_step(7)
    assert view.gate_value("f_f") < 1e-3          # the forget gate closed: the memory is erased
    assert view.memory_value() == pytest.approx(0.0, abs=1e-3)
    assert view.output_text() == "0"
    view.show_step(6, 0.0)                         # going back is instant, whatever progress is asked
    assert view.progress == 1.0
    assert snapshot(view) == at_six


def test_the_animation_turns_valves_then_fills_the_tank_then_shows_a(lecture):
    _, view = lecture
    view.show_step(1)
    view.show_step(2, 0.0)
    assert view.memory_value() == pytest.approx(4.54e-5, rel=1e-2)     # still the old memory c
    view.show_step(2, 0.6)
    assert 0.5 < view.memory_value() < 2.5                             # filling from 0 towards 3
    assert view.gate_value("f_i") == pytest.approx(1.0)                # the opening once settled
    view.show_step(5)
    view.show_step(6, 0.6)
    assert view.output_text() == "0"                                    # a of step 5 until 0.75
    view.show_step(6, 1.0)
    assert view.output_text() == "7"


def test_units_and_layers_of_a_stacked_lstm_show_their_own_trace_entries(qtbot):
    network = Network.build(3, [{"kind": "lstm", "hidden_size": 3}, {"kind": "lstm", "hidden_size": 3}],
                            {"output_size": 1, "activation": "linear"}, seed=7)
    session = session_with(network)
    view = make_view(qtbot, LstmCellView, session)
    view.show_step(4)
    seen = set()
    for layer in (0, 1):
        view.set_layer(layer)
        rec = session.trace.layers[layer].records["forward"]
        for unit in (2, 0, 1):
            view.set_unit(unit)
            assert view.current_layer() == (layer, "forward") and view.current_unit() == unit
            assert view.unit_combo.currentText() == f"cell {unit + 1} of 3"
            assert view.memory_value() == rec["c"][3, 0, unit]
            for gate in ("f_i", "f_f", "f_o"):
                assert view.gate_value(gate) == rec[gate][3, 0, unit]
            expected = pretty_number(" ".join(explain(network, session.trace, 3, layer, "a", unit).lines))
            assert view.formula_lines()[1].split(" ≈ ")[0] == expected
            seen.add(round(view.memory_value(), 12))
    assert len(seen) == 6                     # six different cells, six different memories
    assert view.layer_combo.isVisibleTo(view) and view.unit_combo.isVisibleTo(view)
    with pytest.raises(ValueError):
        view.set_unit(3)


def test_gru_gates_are_the_traces_z_and_r(qtbot):
    network = Network.build(3, [{"kind": "gru", "hidden_size": 2}], {"output_size": 1, "activation": "linear"},
                            seed=3)
    session = session_with(network)
    view = make_view(qtbot, GruCellView, session)
    rec = session.trace.layers[0].records["forward"]
    view.show_step(3)
    for unit in (0, 1):
        view.set_unit(unit)
        assert view.gate_value("z") == rec["z"][2, 0, unit]
        assert view.gate_value("r") == rec["r"][2, 0, unit]
        assert view.gate_value("1 − z") == pytest.approx(1.0 - rec["z"][2, 0, unit])
        assert view.memory_value() == rec["a"][2, 0, unit]
        z, n, a_prev = (float(rec[q][2, 0, unit]) for q in ("z", "n", "a_prev"))
        assert (1 - z) * n + z * a_prev == pytest.approx(view.memory_value())
        assert view.formula_lines()[0].startswith("a′ = (1 − z)·n + z·a = (1 − ")
    view.show_step(2)
    view.show_step(3, 0.6)                      # between the old memory and the new
    old, new = float(rec["a"][1, 0, 1]), float(rec["a"][2, 0, 1])
    assert min(old, new) < view.memory_value() < max(old, new)


def test_a_network_without_the_cell_shows_a_message_and_no_cell(qtbot):
    toy = Session(load_scene("toy-rnn"))
    lstm = make_view(qtbot, LstmCellView, toy, shown=True)
    lstm.show_step(2)
    assert lstm.message_text() == ("This network has no LSTM layer. Choose LSTM in the builder to see its cell.")
    assert lstm.message.isVisible() and not lstm.canvas.isVisible()
    assert math.isnan(lstm.memory_value())
    gru = make_view(qtbot, GruCellView, Session(load_scene("lstm-lecture")))
    gru.retranslate()
    assert gru.message_text() == "This network has no GRU layer. Choose GRU in the builder to see its cell."
    # choosing LSTM in the builder brings the cell back
    toy.set_network(Network.build(2, [{"kind": "lstm", "hidden_size": 2}], {"output_size": 2}), toy.network)
    lstm.rebuild()
    lstm.show_step(1)
    assert lstm.message_text() == ""
    assert lstm.memory_value() == toy.trace.layers[0].records["forward"]["c"][0, 0, 0]


def test_clicking_a_symbol_asks_for_its_explanation(qtbot, lecture):
    session, _ = lecture
    view = make_view(qtbot, LstmCellView, session, shown=True)
    view.show_step(2)
    for quantity in ("f_f", "z_i", "c", "a", "g_z"):
        rect = view.symbol_rect(quantity)
        with qtbot.waitSignal(view.explain_requested) as blocker:
            qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=rect.center())
        assert blocker.args == [0, quantity, 0, "forward"]


def test_clicking_the_gru_update_gate_names_z_of_the_chosen_cell(qtbot):
    network = Network.build(3, [{"kind": "gru", "hidden_size": 2}], {"output_size": 1}, seed=3)
    view = make_view(qtbot, GruCellView, session_with(network), shown=True)
    view.show_step(3)
    view.set_unit(1)
    for symbol, quantity in (("z", "z"), ("1 − z", "z"), ("r", "r"), ("n", "n"), ("a", "a")):
        with qtbot.waitSignal(view.explain_requested) as blocker:
            qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=view.symbol_rect(symbol).center())
        assert blocker.args == [0, quantity, 1, "forward"]


def test_every_symbol_has_a_tooltip_in_words(qtbot, lecture):
    _, view = lecture
    view.show_step(6)
    view.canvas.grab()
    symbols = view.drawn_symbols()
    assert {"z", "z_i", "z_f", "z_o", "f_i", "f_f", "f_o", "g_z", "h_c", "c", "a"} <= set(symbols)
    for quantity in symbols:
        assert len(view.tooltip_for(quantity).split()) >= 8
    assert "1 keeps the memory, 0 erases it" in view.tooltip_for("f_f")


def test_zoom_enlarges_the_labels_and_dark_paints_dark(lecture):
    _, view = lecture
    view.show_step(6)
    view.canvas.grab()
    height = view.symbol_rect("z").height()
    view.set_zoom(2.0)                          # text at least 22 pt: the 20 px label grows to 30 px
    view.canvas.grab()
    assert view.symbol_rect("z").height() > 1.25 * height
    corner = view.canvas.grab().toImage().pixelColor(2, 2)
    assert corner == LIGHT.background
    view.set_dark(True)
    assert view.canvas.grab().toImage().pixelColor(2, 2) == DARK.background
