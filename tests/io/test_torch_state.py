"""PyTorch state_dict interop: the same weights give PyTorch's outputs, final states and gradients.

Tests that need torch take the ``torch`` fixture (skipped cleanly without it); the file-format tests
need numpy only.
"""
import itertools
import pickle

import numpy as np
import pytest

from simulator.engine.network import Network
from simulator.errors import ProjectFileError, UserInputError
from simulator.io.torch_state import (
    grads_like_torch,
    load_state_npz,
    network_from_npz,
    network_from_state_dict,
    run_like_torch,
    save_state_npz,
    state_dict_from_network,
    torch_cell_of,
)

T, D, H, B = 5, 3, 4, 3
CELLS = ("rnn_tanh", "rnn_relu", "lstm", "gru")
CLOSE = {"rtol": 1e-9, "atol": 1e-12}


@pytest.fixture(scope="module")
def torch():
    return pytest.importorskip("torch")


def make_module(torch, cell, num_layers=1, bidirectional=False, seed=0, **extra):
    torch.manual_seed(seed)
    if cell.startswith("rnn_"):
        module = torch.nn.RNN(D, H, num_layers=num_layers, bidirectional=bidirectional,
                              nonlinearity=cell[len("rnn_"):], **extra)
    else:
        module = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell](
            D, H, num_layers=num_layers, bidirectional=bidirectional, **extra)
    return module.double()


def save_module(module, path):
    np.savez(path, **{k: v.detach().numpy() for k, v in module.state_dict().items()})
    return path


def torch_outputs(torch, module, cell, x):
    """h, h_n, c_n (None unless LSTM) and the input tensor (with requires_grad)."""
    x_t = torch.tensor(x, requires_grad=True)
    h, final = module(x_t)
    h_n, c_n = final if cell == "lstm" else (final, None)
    return h, h_n, c_n, x_t


def plain(tensor):
    return tensor.detach().numpy()


# -- PyTorch → our network: outputs and gradients ----------------------------------------------------

CASES = [(cell, layers, bi) for cell, layers, bi in itertools.product(CELLS, (1, 2), (False, True))]


@pytest.mark.parametrize("cell,num_layers,bidirectional", CASES,
                         ids=[f"{c}-{n}layer-{'bi' if b else 'uni'}" for c, n, b in CASES])
def test_imported_network_matches_torch_outputs_and_gradients(torch, tmp_path, cell, num_layers, bidirectional):
    module = make_module(torch, cell, num_layers, bidirectional, seed=num_layers + 10 * bidirectional)
    net = network_from_state_dict(load_state_npz(save_module(module, tmp_path / "state.npz")), cell)
    assert torch_cell_of(net) == cell
    assert len(net.layers) == num_layers and net.layers[0].bidirectional == bidirectional
    assert net.dtype == np.float64 and net.head.activation == "identity"

    rng = np.random.default_rng(4)
    x = rng.normal(size=(T, B, D))
    h, h_n, c_n, x_t = torch_outputs(torch, module, cell, x)
    ours = run_like_torch(net, x)
    np.testing.assert_allclose(ours["h"], plain(h), **CLOSE)
    np.testing.assert_allclose(ours["h_n"], plain(h_n), **CLOSE)
    if cell == "lstm":
        np.testing.assert_allclose(ours["c_n"], plain(c_n), **CLOSE)
    else:
        assert "c_n" not in ours

    R = rng.normal(size=ours["h"].shape)
    loss = (h * torch.tensor(R)).sum()
    loss.backward()
    result = grads_like_torch(net, x, R)
    assert result["loss"] == pytest.approx(loss.item(), rel=1e-12)
    named = dict(module.named_parameters())
    assert set(result["grads"]) == set(named)
    for key, parameter in named.items():
        np.testing.assert_allclose(result["grads"][key], plain(parameter.grad), **CLOSE, err_msg=key)
    np.testing.assert_allclose(result["grad_inputs"], plain(x_t.grad), **CLOSE)


@pytest.mark.parametrize("cell", CELLS)
def test_unbatched_input_like_torch(torch, tmp_path, cell):
    module = make_module(torch, cell, num_layers=2, bidirectional=True, seed=7)
    net = network_from_state_dict(load_state_npz(save_module(module, tmp_path / "s.npz")), cell)
    rng = np.random.default_rng(8)
    x = rng.normal(size=(T, D))
    h, h_n, c_n, x_t = torch_outputs(torch, module, cell, x)
    ours = run_like_torch(net, x)
    assert ours["h"].shape == (T, 2 * H) and ours["h_n"].shape == (4, H)
    np.testing.assert_allclose(ours["h"], plain(h), **CLOSE)
    np.testing.assert_allclose(ours["h_n"], plain(h_n), **CLOSE)
    if cell == "lstm":
        np.testing.assert_allclose(ours["c_n"], plain(c_n), **CLOSE)
    R = rng.normal(size=(T, 2 * H))
    (h * torch.tensor(R)).sum().backward()
    result = grads_like_torch(net, x, R)
    assert result["grad_inputs"].shape == (T, D)
    np.testing.assert_allclose(result["grad_inputs"], plain(x_t.grad), **CLOSE)
    for key, parameter in module.named_parameters():
        np.testing.assert_allclose(result["grads"][key], plain(parameter.grad), **CLOSE, err_msg=key)


@pytest.mark.parametrize("cell", ["rnn_tanh", "lstm", "gru"])
def test_module_without_bias_imports_with_zero_biases(torch, tmp_path, cell):
    module = make_module(torch, cell, num_layers=2, bias=False, seed=3)
    net = network_from_state_dict(load_state_npz(save_module(module, tmp_path / "s.npz")), cell)
    assert all(not np.any(v) for k, v in net.params.items() if ".b" in k)
    x = np.random.default_rng(0).normal(size=(T, B, D))
    np.testing.assert_allclose(run_like_torch(net, x)["h"], plain(module(torch.tensor(x))[0]), **CLOSE)


def test_lstm_gate_order_is_mapped_to_the_lectures_rows(tmp_path):
    """PyTorch's rows i, f, g, o become our [z, z_i, z_f, z_o] = [g, i, f, o]; b = bias_ih + bias_hh."""
    blocks = {gate: np.full((H, D), value) for value, gate in enumerate("ifgo", start=1)}
    arrays = {"weight_ih_l0": np.concatenate([blocks[g] for g in "ifgo"]),
              "weight_hh_l0": np.zeros((4 * H, H)),
              "bias_ih_l0": np.repeat([1.0, 2.0, 3.0, 4.0], H),
              "bias_hh_l0": np.repeat([10.0, 20.0, 30.0, 40.0], H)}
    net = network_from_state_dict(arrays, "lstm")
    W_x, b = net.params["layers.0.W_x"], net.params["layers.0.b"]
    np.testing.assert_array_equal(W_x[:, 0], np.repeat([3.0, 1.0, 2.0, 4.0], H))
    np.testing.assert_array_equal(b, np.repeat([33.0, 11.0, 22.0, 44.0], H))
    exported = state_dict_from_network(net)
    np.testing.assert_array_equal(exported["weight_ih_l0"], arrays["weight_ih_l0"])
    np.testing.assert_array_equal(exported["bias_ih_l0"], arrays["bias_ih_l0"] + arrays["bias_hh_l0"])
    np.testing.assert_array_equal(exported["bias_hh_l0"], np.zeros(4 * H))


def test_gru_biases_stay_separate():
    rng = np.random.default_rng(1)
    arrays = {"weight_ih_l0": rng.normal(size=(3 * H, D)), "weight_hh_l0": rng.normal(size=(3 * H, H)),
              "bias_ih_l0": rng.normal(size=3 * H), "bias_hh_l0": rng.normal(size=3 * H)}
    net = network_from_state_dict(arrays, "gru")
    np.testing.assert_array_equal(net.params["layers.0.b_x"], arrays["bias_ih_l0"])
    np.testing.assert_array_equal(net.params["layers.0.b_a"], arrays["bias_hh_l0"])
    exported = state_dict_from_network(net)
    for key, value in arrays.items():
        np.testing.assert_array_equal(exported[key], value)


def test_nan_weights_load_and_run_without_warnings(tmp_path):
    rng = np.random.default_rng(2)
    arrays = {"weight_ih_l0": rng.normal(size=(H, D)), "weight_hh_l0": rng.normal(size=(H, H)),
              "bias_ih_l0": np.full(H, np.nan), "bias_hh_l0": np.full(H, np.inf)}
    path = tmp_path / "nan.npz"
    np.savez(path, **arrays)
    net = network_from_state_dict(load_state_npz(path), "rnn_tanh")
    result = run_like_torch(net, rng.normal(size=(T, B, D)))
    assert np.all(np.isnan(result["h"]))
    grads = grads_like_torch(net, rng.normal(size=(T, B, D)), np.ones((T, B, H)))
    assert np.isnan(grads["loss"])


# -- our network → PyTorch ------------------------------------------------------------------------------

EXPORTABLE = {
    "rnn_tanh": {"kind": "elman", "activation": "tanh"},
    "rnn_relu": {"kind": "elman", "activation": "relu"},
    "lstm": {"kind": "lstm"},
    "gru": {"kind": "gru"},
}


@pytest.mark.parametrize("cell", CELLS)
def test_round_trip_our_network_into_torch(torch, tmp_path, cell):
    net = Network.build(D, [{**EXPORTABLE[cell], "hidden_size": H, "bidirectional": True}] * 2,
                        head={"activation": "identity"}, seed=5)
    assert torch_cell_of(net) == cell
    path = tmp_path / "exported.npz"
    save_state_npz(path, state_dict_from_network(net))
    assert [p.name for p in tmp_path.iterdir()] == ["exported.npz"]      # no temporary file left behind

    module = make_module(torch, cell, num_layers=2, bidirectional=True, seed=99)
    with np.load(path) as stored:
        assert list(stored.files) == list(module.state_dict())             # PyTorch's key order
        module.load_state_dict({k: torch.from_numpy(stored[k]) for k in stored.files}, strict=True)
    x = np.random.default_rng(6).normal(size=(T, B, D))
    h, h_n, c_n, _ = torch_outputs(torch, module, cell, x)
    ours = run_like_torch(net, x)
    np.testing.assert_allclose(plain(h), ours["h"], **CLOSE)
    np.testing.assert_allclose(plain(h_n), ours["h_n"], **CLOSE)
    if cell == "lstm":
        np.testing.assert_allclose(plain(c_n), ours["c_n"], **CLOSE)
    # …and our own import of the exported file computes the same as the network we started from.
    again = network_from_state_dict(load_state_npz(path), cell)
    np.testing.assert_allclose(run_like_torch(again, x)["h"], ours["h"], **CLOSE)


def test_run_like_torch_ignores_initial_memory_but_export_refuses_it():
    net = Network.build(D, [{"kind": "gru", "hidden_size": H}], head={"activation": "identity"})
    x = np.random.default_rng(0).normal(size=(T, B, D))
    before = run_like_torch(net, x)["h"]
    net.memory["layers.0.a"] = np.ones(H)
    np.testing.assert_array_equal(run_like_torch(net, x)["h"], before)
    with pytest.raises(UserInputError, match="initial memory"):
        state_dict_from_network(net)


@pytest.mark.parametrize("layers,head,message", [
    ([{"kind": "lstm", "peephole": True}], None, "layer 1: a peephole LSTM has no nn.LSTM equivalent"),
    ([{"kind": "lstm"}, {"kind": "lstm", "recurrence": False}], None, "layer 2: an LSTM without recurrence"),
    ([{"kind": "lstm", "g": "linear", "h": "linear"}], None, "g = h = tanh"),
    ([{"kind": "lstm", "gate": "tanh"}], None, "gates are sigmoid"),
    ([{"kind": "elman", "activation": "sigmoid"}], None, "tanh or relu only"),
    ([{"kind": "gru", "activation": "relu"}], None, "candidate uses tanh"),
    ([{"kind": "jordan", "output_size": 2}], None, "layer 1: .*no PyTorch equivalent"),
    ([{"kind": "elman"}, {"kind": "lstm"}], None, "layer 2 is nn.LSTM but layer 1 is nn.RNN"),
    ([{"kind": "elman", "activation": "tanh"}, {"kind": "elman", "activation": "relu"}], None, "layer 2 is nn.RNN"),
    ([{"kind": "gru"}, {"kind": "gru", "hidden_size": 5}], None, "layer 2 has 5 units but layer 1 has 4"),
    ([{"kind": "gru", "bidirectional": True}, {"kind": "gru"}], None, "bidirectional"),
    ([{"kind": "gru"}], {"output_size": 2, "activation": "softmax"}, "output layer \\(softmax\\)"),
])
def test_export_explains_what_torch_cannot_represent(layers, head, message):
    net = Network.build(D, [{"hidden_size": H, **spec} for spec in layers], head=head or {"activation": "identity"})
    with pytest.raises(UserInputError, match=message):
        state_dict_from_network(net)
    with pytest.raises(UserInputError, match=message):
        run_like_torch(net, np.zeros((T, D)))


def test_save_refuses_what_is_not_a_state_dict_and_reports_unwritable_folders(tmp_path):
    with pytest.raises(UserInputError, match="'weight_ih_l0'.*not plain numbers"):
        save_state_npz(tmp_path / "x.npz", {"weight_ih_l0": np.array([{"a": 1}], dtype=object)})
    with pytest.raises(UserInputError, match="'file': not an nn.RNN/LSTM/GRU parameter name"):
        save_state_npz(tmp_path / "x.npz", {"file": np.zeros(2)})
    with pytest.raises(ProjectFileError, match="could not be saved"):
        save_state_npz(tmp_path / "no" / "such" / "folder.npz", {"weight_ih_l0": np.zeros(2)})
    assert list(tmp_path.iterdir()) == []


def test_save_replaces_an_existing_file_keeping_its_permissions(tmp_path):
    path = tmp_path / "model.weights"            # any name: numpy must not append ".npz"
    path.write_bytes(b"old")
    path.chmod(0o640)
    save_state_npz(path, {"weight_ih_l0": np.arange(6.0).reshape(2, 3)})
    assert [p.name for p in tmp_path.iterdir()] == ["model.weights"]
    assert path.stat().st_mode & 0o777 == 0o640
    np.testing.assert_array_equal(load_state_npz(path)["weight_ih_l0"], np.arange(6.0).reshape(2, 3))


def test_network_from_npz_names_file_and_key(tmp_path):
    arrays = valid_arrays("gru", layers=1)
    np.savez(tmp_path / "gru.npz", **arrays)
    net = network_from_npz(tmp_path / "gru.npz", "gru")
    np.testing.assert_array_equal(net.params["layers.0.W_a"], arrays["weight_hh_l0"])
    arrays.pop("bias_hh_l0")
    np.savez(tmp_path / "gru.npz", **arrays)
    assert_one_line_error(lambda: network_from_npz(tmp_path / "gru.npz", "gru"), "gru.npz: missing key bias_hh_l0")


# -- malformed files: always a one-line ProjectFileError ---------------------------------------------

def valid_arrays(cell="lstm", layers=2, bidirectional=False):
    rng = np.random.default_rng(0)
    gates = {"rnn_tanh": 1, "rnn_relu": 1, "lstm": 4, "gru": 3}[cell]
    arrays = {}
    for k in range(layers):
        for suffix in ("", "_reverse") if bidirectional else ("",):
            inputs = D if k == 0 else H * (2 if bidirectional else 1)
            arrays[f"weight_ih_l{k}{suffix}"] = rng.normal(size=(gates * H, inputs))
            arrays[f"weight_hh_l{k}{suffix}"] = rng.normal(size=(gates * H, H))
            arrays[f"bias_ih_l{k}{suffix}"] = rng.normal(size=gates * H)
            arrays[f"bias_hh_l{k}{suffix}"] = rng.normal(size=gates * H)
    return arrays


def assert_one_line_error(call, *match):
    with pytest.raises(ProjectFileError) as caught:
        call()
    text = str(caught.value)
    assert "\n" not in text
    for fragment in match:
        assert fragment in text, text
    return text


def test_valid_file_loads_as_float64_in_key_order(tmp_path):
    arrays = valid_arrays("gru", bidirectional=True)
    arrays["bias_hh_l1"] = arrays["bias_hh_l1"].astype(np.float32)
    np.savez(tmp_path / "ok.npz", **arrays)
    loaded = load_state_npz(tmp_path / "ok.npz")
    assert list(loaded) == list(arrays)
    assert all(v.dtype == np.float64 for v in loaded.values())
    np.testing.assert_array_equal(loaded["weight_hh_l1_reverse"], arrays["weight_hh_l1_reverse"])


def test_every_truncation_of_a_valid_file_is_a_project_file_error(tmp_path):
    np.savez(tmp_path / "ok.npz", **valid_arrays("rnn_tanh", layers=1))
    data = (tmp_path / "ok.npz").read_bytes()
    broken = tmp_path / "broken.npz"
    for length in list(range(0, 64)) + list(range(64, len(data), 23)):
        broken.write_bytes(data[:length])
        assert_one_line_error(lambda: load_state_npz(broken), "broken.npz")


def test_corrupted_bytes_are_a_project_file_error(tmp_path):
    np.savez(tmp_path / "ok.npz", **valid_arrays("rnn_tanh", layers=1))
    data = bytearray((tmp_path / "ok.npz").read_bytes())
    rng = np.random.default_rng(0)
    broken = tmp_path / "broken.npz"
    for position in rng.integers(0, len(data), size=60):
        flipped = bytearray(data)
        flipped[position] ^= 0xFF
        broken.write_bytes(bytes(flipped))
        try:
            arrays = load_state_npz(broken)
        except ProjectFileError:
            continue
        # a flipped byte inside the numbers themselves is undetectable and fine: it is still a model
        network_from_state_dict(arrays, "rnn_tanh")


UNPICKLED = []


def _record_unpickling():
    UNPICKLED.append(True)
    return 0.0


class Payload:
    """Unpickling this calls _record_unpickling: a harmless stand-in for code a hostile file would run."""

    def __reduce__(self):
        return _record_unpickling, ()


def test_pickled_object_array_is_refused_without_unpickling(tmp_path):
    path = tmp_path / "hostile.npz"
    payload = np.empty(2, dtype=object)
    payload[:] = [Payload(), Payload()]
    np.savez(path, weight_hh_l0=np.zeros((4, 4)), weight_ih_l0=payload)
    text = assert_one_line_error(lambda: load_state_npz(path), "hostile.npz", "'weight_ih_l0'", "pickled")
    assert "allow_pickle" not in text
    assert UNPICKLED == []


@pytest.mark.parametrize("writer,fragment", [
    (lambda p: p.write_bytes(pickle.dumps({"weight_ih_l0": [1.0]})), "not an .npz archive"),
    (lambda p: np.save(p.open("wb"), np.zeros(3)), "not an .npz archive"),
    (lambda p: p.write_text("weight_ih_l0 = 1\n"), "not an .npz archive"),
    (lambda p: p.write_bytes(b""), "not an .npz archive"),
    (lambda p: np.savez(p), "holds no arrays"),
    (lambda p: np.savez(p, np.zeros(3)), "'arr_0'"),
    (lambda p: np.savez(p, **{"rnn.weight_ih_l0": np.zeros((4, 3))}), "without a prefix"),
    (lambda p: np.savez(p, weight_ih_l00=np.zeros((4, 3))), "'weight_ih_l00'"),
    (lambda p: np.savez(p, weight_ih_l0=np.zeros(2, dtype=complex)), "complex128"),
    (lambda p: np.savez(p, weight_ih_l0=np.array(["a", "b"])), "weight_ih_l0"),
    (lambda p: np.savez(p, weight_ih_l0=np.zeros(2, dtype=[("a", "f8")])), "weight_ih_l0"),
])
def test_files_that_are_not_plain_state_dicts(tmp_path, writer, fragment):
    path = tmp_path / "bad.npz"
    writer(path)
    assert_one_line_error(lambda: load_state_npz(path), "bad.npz", fragment)


def test_missing_file_and_folder(tmp_path):
    assert_one_line_error(lambda: load_state_npz(tmp_path / "absent.npz"), "absent.npz", "no such file")
    assert_one_line_error(lambda: load_state_npz(tmp_path), "not a regular file")


@pytest.mark.parametrize("edit,cell,fragment", [
    (lambda a: a.pop("weight_hh_l0"), "lstm", "missing key weight_hh_l0"),
    (lambda a: a.pop("bias_hh_l1"), "lstm", "missing key bias_hh_l1"),
    (lambda a: [a.pop(k) for k in list(a) if k.endswith("_l1")] and a.update(
        {k.replace("_l0", "_l2"): v for k, v in a.items()}), "lstm", "missing key weight_ih_l1"),
    (lambda a: a.update(weight_ih_l1=np.zeros((16, 5))), "lstm", "weight_ih_l1 has shape (16, 5), expected (16, 4)"),
    (lambda a: a.update(bias_ih_l0=np.zeros((16, 1))), "lstm", "bias_ih_l0 has shape (16, 1), expected (16,)"),
    (lambda a: a.update(weight_hh_l0=np.zeros(16)), "lstm", "weight_hh_l0 has shape (16,)"),
    (lambda a: a.update(weight_hh_l0=np.zeros((16, 3))), "lstm", "weight_hh_l0 has shape (16, 3)"),
    (lambda a: a.update(weight_ih_l0_reverse=a["weight_ih_l0"]), "lstm", "missing key weight_hh_l0_reverse"),
    (lambda a: a.update(weight_hr_l0=np.zeros((2, 4))), "lstm", "proj_size is not supported"),
    (lambda a: a.update(weight_hh_l0=np.zeros((0, 0))), "lstm", "weight_hh_l0 has shape (0, 0)"),
    (lambda a: a.update(weight_ih_l0=np.zeros((16, 0))), "lstm", "weight_ih_l0 has shape (16, 0)"),
    (lambda a: None, "gru", "weight_hh_l0 has shape (16, 4); nn.GRU needs (3·H, H)"),
    (lambda a: None, "rnn_tanh", "nn.RNN (tanh) needs (1·H, H)"),
])
def test_inconsistent_state_dicts_name_the_key(tmp_path, edit, cell, fragment):
    arrays = valid_arrays("lstm")
    edit(arrays)
    path = tmp_path / "state.npz"
    np.savez(path, **arrays)
    assert_one_line_error(lambda: network_from_state_dict(load_state_npz(path), cell), fragment)


def test_proj_size_module_is_refused(torch, tmp_path):
    module = make_module(torch, "lstm", num_layers=1, proj_size=2)
    path = save_module(module, tmp_path / "proj.npz")
    assert_one_line_error(lambda: network_from_state_dict(load_state_npz(path), "lstm"),
                          "weight_hr_l0", "proj_size is not supported")


def test_unknown_cell_name():
    with pytest.raises(UserInputError, match="unknown PyTorch cell"):
        network_from_state_dict(valid_arrays("lstm"), "transformer")
