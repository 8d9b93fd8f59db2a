"""The headless CLI, run as a user would: `python main.py …` in a subprocess with no display."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args, cwd=ROOT):
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=cwd,
                            capture_output=True, text=True, env=env, timeout=120)
    return result


def ok_json(*args):
    result = run(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_one_line_error(result):
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert result.stdout == ""


def test_scenes_lists_the_lecture_scenes():
    result = run("scenes")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert {"toy-rnn", "lstm-lecture", "w999"} <= set(names)


def test_simulate_toy_rnn_json_gives_the_lectures_numbers():
    out = ok_json("simulate", "--scene", "toy-rnn")
    assert out["outputs"] == [[4.0, 4.0], [12.0, 12.0], [32.0, 32.0]]
    assert [s["t"] for s in out["steps"]] == [1, 2, 3]
    assert [s["memory"]["layers.0.a"] for s in out["steps"]] == [[2.0, 2.0], [6.0, 6.0], [16.0, 16.0]]
    assert out["steps"][1]["input"] == [1.0, 1.0]


def test_simulate_inline_inputs_in_another_order_change_the_outputs():
    out = ok_json("simulate", "--scene", "toy-rnn", "--inputs", "2,2; 1,1; 1,1")
    assert out["outputs"] == [[8.0, 8.0], [20.0, 20.0], [44.0, 44.0]]


def test_simulate_inputs_from_npy_and_csv(tmp_path):
    np.save(tmp_path / "x.npy", np.array([[1.0, 1.0], [1.0, 1.0], [2.0, 2.0]]))
    (tmp_path / "x.csv").write_text("x1,x2\n1,1\n1,1\n2,2\n")
    for name in ("x.npy", "x.csv"):
        out = ok_json("simulate", "--scene", "toy-rnn", "--inputs", tmp_path / name)
        assert out["outputs"] == [[4.0, 4.0], [12.0, 12.0], [32.0, 32.0]]


def test_simulate_lstm_lecture_memory_gates_and_outputs():
    out = ok_json("simulate", "--scene", "lstm-lecture")
    memory = [s["memory"]["layers.0.c"][0] for s in out["steps"]]
    y = [row[0] for row in out["outputs"]]
    np.testing.assert_allclose(memory, [0, 3, 3, 7, 7, 7, 0, 6, 6], atol=1e-3)
    np.testing.assert_allclose(y, [0, 0, 0, 0, 0, 7, 0, 0, 6], atol=1e-3)
    step6 = out["steps"][5]
    assert step6["gates"]["layers.0.f_o"][0] > 0.999
    assert set(step6["layers"]["layers.0"]) >= {"z", "z_i", "z_f", "z_o", "c_prev", "c", "a"}


def test_simulate_w999_reaches_w_to_the_999():
    out = ok_json("simulate", "--scene", "w999")
    assert len(out["outputs"]) == 1000
    assert out["outputs"][-1][0] == pytest.approx(1.0)


def test_text_output_is_a_readable_table():
    result = run("simulate", "--scene", "toy-rnn")
    assert result.returncode == 0
    assert "y=[32, 32]" in result.stdout.splitlines()[-1]


@pytest.mark.parametrize("args", [
    ("simulate", "--scene", "no-such-scene"),
    ("simulate", "--scene", "toy-rnn", "--inputs", "1,1; 1"),
    ("simulate", "--scene", "toy-rnn", "--inputs", "1,1,1"),
    ("simulate", "--scene", "toy-rnn", "--inputs", "nan,1"),
    ("simulate", "--scene", "toy-rnn", "--inputs", "missing-file.npy"),
    ("simulate",),
    ("simulate", "--frobnicate"),
    ("nonsense-command",),
    ("validate", "missing.json"),
    ("validate", "weights.txt"),
    ("convert", "a.json", "b.json"),
    ("grad", "--scene", "toy-rnn"),
])
def test_bad_input_is_one_line_and_exit_2(args):
    result = run(*args)
    if args == ("nonsense-command",):
        # Not a command: the launcher treats it as the GUI's file argument only when the GUI exists;
        # either way no traceback may appear.
        assert "Traceback" not in result.stderr
        return
    assert_one_line_error(result)


def test_validate_and_convert_a_scene(tmp_path):
    from simulator.paths import scenes_dir

    result = run("validate", scenes_dir() / "toy-rnn.json")
    assert result.returncode == 0 and "toy-rnn" in result.stdout
    # lstm-lecture has linear g and h: PyTorch cannot represent it, and says why in one line.
    assert_one_line_error(run("convert", scenes_dir() / "lstm-lecture.json", tmp_path / "x.npz"))


def test_validate_rejects_a_corrupt_project(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "rnn-simulator-project", "version": 99}')
    result = run("validate", bad)
    assert_one_line_error(result)
    assert "newer" in result.stderr


def test_grad_on_a_scene_matches_finite_differences(tmp_path):
    R = np.array([[1.0, -2.0], [0.5, 0.0], [0.25, 1.0]])
    np.save(tmp_path / "R.npy", R)
    out = ok_json("grad", "--scene", "toy-rnn", "--loss-weights", tmp_path / "R.npy")
    # Linear toy network: L = Σ R⊙y is linear in each weight; check ∂L/∂W_a against differences.
    from simulator.model.scenes import load_scene

    project = load_scene("toy-rnn")
    net = project.network
    x = np.asarray(project.inputs)
    base = net.params["layers.0.W_a"].copy()
    expected = np.zeros_like(base)
    for idx in np.ndindex(base.shape):
        values = []
        for sign in (1, -1):
            net.params["layers.0.W_a"] = base.copy()
            net.params["layers.0.W_a"][idx] += sign * 1e-6
            values.append(float(np.sum(R * net.forward(x).outputs[:, 0])))
        expected[idx] = (values[0] - values[1]) / 2e-6
    np.testing.assert_allclose(out["grads"]["layers.0.W_a"], expected, rtol=1e-6)
    assert out["loss"] == pytest.approx(float(np.sum(R * np.array([[4, 4], [12, 12], [32, 32]]))))


# -- PyTorch models through the CLI -------------------------------------------------------------

torch = pytest.importorskip("torch")


def _save_module(tmp_path, module):
    path = tmp_path / "model.npz"
    np.savez(path, **{k: v.detach().numpy() for k, v in module.state_dict().items()})
    return path


@pytest.mark.parametrize("cell,layers,bidirectional", [
    ("rnn_tanh", 2, True), ("rnn_relu", 1, False), ("lstm", 2, True), ("gru", 1, True), ("gru", 2, False)])
def test_simulate_and_grad_of_a_pytorch_model_match_pytorch(tmp_path, cell, layers, bidirectional):
    torch.manual_seed(0)
    cls = {"rnn_tanh": torch.nn.RNN, "rnn_relu": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cell]
    extra = {"nonlinearity": "relu"} if cell == "rnn_relu" else {}
    module = cls(3, 4, num_layers=layers, bidirectional=bidirectional, **extra).double()
    path = _save_module(tmp_path, module)
    x = torch.randn(5, 2, 3, dtype=torch.float64, requires_grad=True)
    np.save(tmp_path / "x.npy", x.detach().numpy())
    out = ok_json("simulate", "--torch", path, "--cell", cell, "--inputs", tmp_path / "x.npy")
    result = module(x)
    h, state = result
    h_n, c_n = (state if cell == "lstm" else (state, None))
    np.testing.assert_allclose(out["h"], h.detach().numpy(), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(out["h_n"], h_n.detach().numpy(), rtol=1e-9, atol=1e-12)
    if cell == "lstm":
        np.testing.assert_allclose(out["c_n"], c_n.detach().numpy(), rtol=1e-9, atol=1e-12)
    else:
        assert "c_n" not in out

    R = torch.randn_like(h)
    np.save(tmp_path / "R.npy", R.numpy())
    (h * R).sum().backward()
    grads = ok_json("grad", "--torch", path, "--cell", cell, "--inputs", tmp_path / "x.npy",
                    "--loss-weights", tmp_path / "R.npy")
    for name, parameter in module.named_parameters():
        np.testing.assert_allclose(grads["grads"][name], parameter.grad.numpy(), rtol=1e-9, atol=1e-12,
                                   err_msg=name)
    np.testing.assert_allclose(grads["grad_inputs"], x.grad.numpy(), rtol=1e-9, atol=1e-12)


def test_convert_round_trip_between_npz_and_json(tmp_path):
    torch.manual_seed(1)
    module = torch.nn.LSTM(2, 3, num_layers=1).double()
    path = _save_module(tmp_path, module)
    assert run("validate", path).returncode == 0
    assert run("convert", path, tmp_path / "model.json").returncode == 0
    assert run("validate", tmp_path / "model.json").returncode == 0
    assert run("convert", tmp_path / "model.json", tmp_path / "back.npz").returncode == 0
    back = np.load(tmp_path / "back.npz", allow_pickle=False)
    reloaded = torch.nn.LSTM(2, 3, num_layers=1).double()
    reloaded.load_state_dict({k: torch.from_numpy(back[k]) for k in back.files})
    x = torch.randn(4, 1, 2, dtype=torch.float64)
    np.testing.assert_allclose(reloaded(x)[0].detach().numpy(), module(x)[0].detach().numpy(), rtol=1e-12)


def test_a_hostile_npz_is_refused_in_one_line(tmp_path):
    bad = tmp_path / "evil.npz"
    np.savez(bad, weight_ih_l0=np.array([object()], dtype=object))
    assert_one_line_error(run("simulate", "--torch", bad, "--cell", "rnn_tanh", "--inputs", "1,2,3"))
    (tmp_path / "trunc.npz").write_bytes(b"PK\x03\x04garbage")
    assert_one_line_error(run("validate", tmp_path / "trunc.npz"))
