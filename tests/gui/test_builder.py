"""The network builder panel: what it reads from the session, what it builds, what it refuses."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from simulator.engine.encoding import OneHotEncoding  # noqa: E402
from simulator.engine.network import Network  # noqa: E402
from simulator.gui.panels.builder import BuilderPanel  # noqa: E402
from simulator.model.project import Project  # noqa: E402
from simulator.model.scenes import load_scene  # noqa: E402
from simulator.model.session import Session  # noqa: E402


def make_panel(qtbot, scene: str, apply: bool = False):
    """A panel on a fresh session of ``scene``; with ``apply`` its edits go into the session the way
    the main window applies them (keeping what fits of the old weights)."""
    session = Session(load_scene(scene))
    panel = BuilderPanel(session)
    qtbot.addWidget(panel)
    emitted: list[Network] = []
    panel.network_edit_requested.connect(emitted.append)
    if apply:
        panel.network_edit_requested.connect(
            lambda net: session.set_network(net, keep_weights_from=session.network))
    return panel, session, emitted


def layer_count(network: Network, k: int = 0) -> int:
    """Parameters of layer k alone (both directions), read from the network's own shapes."""
    prefix = f"layers.{k}."
    return sum(int(np.prod(s)) for key, s in network.param_shapes().items() if key.startswith(prefix))


def test_reading_the_session_emits_nothing_and_shows_its_numbers(qtbot):
    panel, _, emitted = make_panel(qtbot, "toy-rnn")
    panel.refresh()
    assert emitted == []
    assert panel.kind_combo.currentData() == "elman"
    assert (panel.layers_spin.value(), panel.units_spin.value(), panel.input_spin.value()) == (1, 2, 2)
    assert panel.activation_combo.currentData() == "linear"
    assert panel.head_activation_combo.currentData() == "linear"
    assert not panel.head_bias_check.isChecked()
    assert panel.summary_text() == "Simple RNN (Elman), 1 layer × 2 units: 14 parameters"
    # One layer of 2 units on 2 inputs: 2·(2+2+1) = 10; LSTM 4·10 = 40; GRU 3·2·(2+2+2) = 36.
    assert "simple RNN 10 · LSTM 40 (4×) · GRU 36" in panel.comparison_text()
    assert "24 of 32" in panel.comparison_text()
    assert panel.message_text() == ""


def test_switching_to_lstm_builds_four_times_the_parameters_and_gru_three_quarters(qtbot):
    panel, session, emitted = make_panel(qtbot, "toy-rnn")
    elman_layer = layer_count(session.network)
    assert elman_layer == 10                        # W_x 2×2, W_a 2×2, b 2

    panel.set_kind("lstm")
    assert len(emitted) == 1
    lstm = emitted[0]
    layer = lstm.config()["layers"][0]
    assert layer["kind"] == "lstm" and layer["hidden_size"] == 2
    assert lstm.dtype == session.network.dtype
    assert layer_count(lstm) == 40 == 4 * elman_layer
    assert lstm.parameter_count() == 44             # + the output layer's 2×2 weights, no bias
    assert panel.summary_text() == ("LSTM, 1 layer × 2 units, 4× the parameters of a simple RNN of the "
                                    "same width: 44 parameters")

    panel.set_kind("gru")
    gru = emitted[-1]
    assert gru.config()["layers"][0]["kind"] == "gru"
    shapes = gru.param_shapes()
    gru_weights = int(np.prod(shapes["layers.0.W_x"]) + np.prod(shapes["layers.0.W_a"]))
    lstm_shapes = lstm.param_shapes()
    lstm_weights = int(np.prod(lstm_shapes["layers.0.W_x"]) + np.prod(lstm_shapes["layers.0.W_a"]))
    assert (gru_weights, lstm_weights) == (24, 32)
    assert gru_weights * 4 == lstm_weights * 3      # the lecture's "⅓ fewer": 3 blocks of rows, not 4
    # PyTorch's GRU has two bias vectors (3H each): 24 + 12 = 36, not 30.
    assert layer_count(gru) == 36


def test_two_bidirectional_layers(qtbot):
    panel, _, emitted = make_panel(qtbot, "toy-rnn")
    panel.set_layers(2)              # a spin box: waits for the debounce …
    assert emitted == []
    panel.set_bidirectional(True)    # … a check box applies at once, with the pending layer count
    assert len(emitted) == 1
    net = emitted[0]
    config = net.config()
    assert [(l["kind"], l["hidden_size"], l["bidirectional"]) for l in config["layers"]] == [
        ("elman", 2, True), ("elman", 2, True)]
    shapes = net.param_shapes()
    assert shapes["layers.1.W_x"] == (2, 4)          # layer 2 reads both directions of layer 1
    assert shapes["layers.1.reverse.W_a"] == (2, 2)
    assert shapes["head.W"] == (2, 4)
    assert panel.summary_text() == "Simple RNN (Elman), 2 bidirectional layers × 2 units: 56 parameters"
    assert net.parameter_count() == 56               # 2·10 + 2·(2·(4+2+1)) + 2·4 (no head bias)


def test_typing_a_number_builds_once(qtbot):
    panel, _, emitted = make_panel(qtbot, "toy-rnn")
    panel.set_units(1)
    panel.set_units(16)              # "1" then "16" while typing
    assert emitted == []
    with qtbot.waitSignal(panel.network_edit_requested, timeout=3000):
        pass                         # the debounce timer fires by itself
    assert len(emitted) == 1
    assert emitted[0].config()["layers"][0]["hidden_size"] == 16
    panel.flush()                    # nothing left to apply
    assert len(emitted) == 1


def test_refresh_from_the_lstm_lecture_shows_its_options(qtbot):
    panel, _, emitted = make_panel(qtbot, "lstm-lecture")
    panel.refresh()
    assert emitted == []
    assert panel.kind_combo.currentData() == "lstm"
    assert panel.lstm_group.isVisibleTo(panel)
    assert not panel.jordan_group.isVisibleTo(panel) and not panel.clockwork_group.isVisibleTo(panel)
    assert not panel.recurrence_check.isChecked()
    assert not panel.peephole_check.isChecked()
    assert panel.gate_combo.currentData() == "sigmoid"
    assert panel.g_combo.currentData() == "linear"
    assert panel.h_combo.currentData() == "linear"
    assert panel.forget_bias_spin.value() == 0.0
    assert not panel.activation_combo.isVisibleTo(panel)      # an LSTM has f, g, h instead of σ
    assert panel.head_activation_combo.currentData() == "identity"
    assert not panel.head_bias_check.isEnabled()              # no output layer, no bias
    # Without recurrence the LSTM layer is W_x 4×3 + b 4 = 16 against a simple RNN's 1·(3+1+1) = 5.
    assert panel.summary_text() == ("LSTM, 1 layer × 1 unit, 3.2× the parameters of a simple RNN of the "
                                    "same width: 16 parameters")


def test_lstm_options_reach_the_network(qtbot):
    panel, _, emitted = make_panel(qtbot, "lstm-lecture")
    panel.set_option("recurrence", True)
    panel.set_option("peephole", True)
    panel.set_option("h", "tanh")
    layer = emitted[-1].config()["layers"][0]
    assert (layer["recurrence"], layer["peephole"], layer["g"], layer["h"]) == (True, True, "linear", "tanh")
    assert emitted[-1].param_shapes()["layers.0.W_c"] == (4, 1)


def test_an_invalid_clock_period_text_shows_a_message_and_emits_nothing(qtbot):
    panel, _, emitted = make_panel(qtbot, "toy-rnn")
    panel.set_kind("clockwork")
    assert emitted[-1].config()["layers"][0]["periods"] == [1, 2]     # the default for 2 units
    assert panel.clockwork_group.isVisibleTo(panel)
    count = len(emitted)

    panel.set_option("periods", "1, 2, x")
    panel.flush()
    assert len(emitted) == count
    assert panel.message_text() == "Write whole numbers separated by commas, e.g. 1, 2, 4, 8."
    assert panel.errors["periods"].isVisibleTo(panel)

    panel.set_option("periods", "4, 2")
    panel.flush()
    assert len(emitted) == count
    assert "fastest module to the slowest" in panel.message_text()

    panel.set_option("periods", "1, 2, 4, 8")      # more modules than the 2 units
    panel.flush()
    assert len(emitted) == count
    assert panel.message_text() == ("4 clock modules need at least 4 units; layer 1 has 2. Add units or "
                                    "remove periods.")

    panel.set_units(4)                             # now the periods fit: both edits apply together
    panel.flush()
    assert len(emitted) == count + 1
    layer = emitted[-1].config()["layers"][0]
    assert (layer["kind"], layer["hidden_size"], layer["periods"]) == ("clockwork", 4, [1, 2, 4, 8])
    assert panel.message_text() == ""
    assert not panel.errors["periods"].isVisibleTo(panel)


def test_an_identity_head_follows_the_width_and_refuses_another_size(qtbot):
    panel, _, emitted = make_panel(qtbot, "lstm-lecture")
    panel.set_units(3)
    panel.flush()
    head = emitted[-1].config()["head"]
    assert (head["activation"], head["output_size"]) == ("identity", 3)
    assert panel.head_output_spin.value() == 3

    count = len(emitted)
    panel.set_option("head_output_size", 2)
    panel.flush()
    assert len(emitted) == count
    assert panel.message_text() == ("With no output layer (identity) y^t = a^t: the output size is the top "
                                    "layer's width, 3, not 2. Choose an output activation to get 2 outputs.")

    panel.set_option("head_activation", "softmax")  # an output layer may have 2 outputs
    assert len(emitted) == count + 1
    head = emitted[-1].config()["head"]
    assert (head["activation"], head["output_size"]) == ("softmax", 2)
    assert emitted[-1].param_shapes()["head.W"] == (2, 3)
    assert panel.message_text() == ""


def test_sigma_is_kept_across_kinds_except_where_it_defines_the_kind(qtbot):
    panel, _, emitted = make_panel(qtbot, "toy-rnn")
    panel.set_kind("gru")
    assert emitted[-1].config()["layers"][0]["activation"] == "linear"
    panel.set_kind("irnn")                          # an IRNN is a ReLU network
    assert emitted[-1].config()["layers"][0]["activation"] == "relu"
    panel.set_kind("elman")                         # back to what the elman layer had
    assert emitted[-1].config()["layers"][0]["activation"] == "linear"


def test_growing_units_keeps_the_old_weights_in_the_top_left_block(qtbot):
    panel, session, emitted = make_panel(qtbot, "toy-rnn", apply=True)
    old = {key: value.copy() for key, value in session.network.params.items()}
    panel.set_units(3)
    panel.flush()
    assert len(emitted) == 1
    params = session.network.params
    assert session.network is emitted[0]
    assert params["layers.0.W_x"].shape == (3, 2) and params["layers.0.W_a"].shape == (3, 3)
    np.testing.assert_array_equal(params["layers.0.W_x"][:2, :2], old["layers.0.W_x"])
    np.testing.assert_array_equal(params["layers.0.W_a"][:2, :2], old["layers.0.W_a"])
    np.testing.assert_array_equal(params["layers.0.b"][:2], old["layers.0.b"])
    np.testing.assert_array_equal(params["head.W"][:, :2], old["head.W"])
    np.testing.assert_array_equal(params["head.W"][:, :2], np.ones((2, 2)))
    # The new unit's weights come from the initialiser, not from the old matrix.
    assert not np.all(params["layers.0.W_a"][2] == 1.0)
    # The session told the panel: it shows the applied network, with nothing pending.
    assert panel.units_spin.value() == 3
    assert panel.summary_text() == "Simple RNN (Elman), 1 layer × 3 units: 24 parameters"
    assert len(emitted) == 1


def test_growing_an_lstm_keeps_each_gate_in_place(qtbot):
    panel, session, _ = make_panel(qtbot, "lstm-lecture", apply=True)
    old_W_x = session.network.params["layers.0.W_x"].copy()      # rows z, z_i, z_f, z_o (H = 1)
    old_b = session.network.params["layers.0.b"].copy()
    panel.set_units(2)
    panel.flush()
    W_x, b = session.network.params["layers.0.W_x"], session.network.params["layers.0.b"]
    assert W_x.shape == (8, 3)
    np.testing.assert_array_equal(W_x[[0, 2, 4, 6]], old_W_x)     # first row of each gate's block
    np.testing.assert_array_equal(b[[0, 2, 4, 6]], [0.0, -10.0, 10.0, -10.0])
    np.testing.assert_array_equal(b[[0, 2, 4, 6]], old_b)


def test_a_text_encoding_fixes_the_input_size(qtbot):
    encoding = OneHotEncoding(["arrive", "leave", "taipei"])
    net = Network.build(encoding.size, [{"kind": "elman", "hidden_size": 3}],
                        {"output_size": 2, "activation": "softmax"})
    project = Project(name="words", network=net, text="arrive taipei", encoding=encoding.to_spec())
    session = Session(project)
    panel = BuilderPanel(session)
    qtbot.addWidget(panel)
    assert panel.input_spin.value() == encoding.size
    assert not panel.input_spin.isEnabled()
    assert "word encoding" in panel.input_spin.toolTip()


def test_every_kind_builds_from_the_form(qtbot):
    panel, _, emitted = make_panel(qtbot, "toy-rnn")
    panel.set_units(4)
    panel.flush()
    for kind in ("jordan", "scrn", "feedforward", "clockwork", "irnn", "lstm", "gru", "elman"):
        panel.set_kind(kind)
        assert emitted[-1].config()["layers"][0]["kind"] == kind, panel.message_text()
        assert panel.message_text() == ""
    panel.set_kind("scrn")
    panel.set_option("context_size", 3)
    panel.set_option("alpha", 0.5)
    panel.flush()
    layer = emitted[-1].config()["layers"][0]
    assert (layer["context_size"], layer["alpha"]) == (3, 0.5)
    assert emitted[-1].param_shapes()["head.W"] == (2, 7)         # the head reads [a, s]: 4 + 3
