"""`python main.py train`: the same numbers as a TrainingSession, divergence reported (exit 0), bad input
refused in one line (exit 2)."""
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.cli import plain
from simulator.io.project_file import save_project
from simulator.model.scenes import load_scene
from simulator.model.training import session_for_project

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "train", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, env=env, timeout=120)


def train_json(*args):
    result = run(*args, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def spikes(losses):
    """Updates (0-based) whose loss rose to at least 10× the one before."""
    return [k for k in range(1, len(losses)) if losses[k] > losses[k - 1] and losses[k] >= 10 * losses[k - 1]]


def session_result(scene, **overrides):
    session = session_for_project(load_scene(scene), **overrides)
    for _ in session.run():
        pass
    return plain(session.result_dict())


def test_cli_json_equals_the_sessions_result_for_the_cliff_runs():
    out = train_json("--scene", "cliff", "--run", "unclipped")
    assert out == session_result("cliff", run="unclipped")
    assert set(out) == {"losses", "norms_before", "norms_after", "clipped", "test_losses", "updates", "ended",
                        "message", "final_loss", "final_test_loss"}
    assert out["ended"] == "budget" and out["updates"] == len(out["losses"]) == 60
    assert spikes(out["losses"]) == [23]
    clipped = train_json("--scene", "cliff", "--run", "clipped")
    assert clipped == session_result("cliff", run="clipped")
    assert spikes(clipped["losses"]) == []
    assert all(after <= 1.0 + 1e-12 for after in clipped["norms_after"])


def test_cli_overrides_give_the_same_numbers_as_the_session_with_minibatches_and_a_test_split():
    args = dict(run="gru", steps=12, lr=0.003, seed=7, clip=0.5, clip_mode="value", optimizer="rmsprop")
    out = train_json("--scene", "vanishing", "--run", "gru", "--steps", 12, "--lr", 0.003, "--seed", 7,
                     "--clip", 0.5, "--clip-mode", "value", "--optimizer", "rmsprop")
    assert out == session_result("vanishing", **args)
    assert len(out["losses"]) == 12 and out["final_test_loss"] is not None
    assert out["test_losses"] == [None] * 12                      # the scene tests every 50 updates


def test_a_diverging_run_is_a_result_with_nan_written_as_a_string():
    out = train_json("--scene", "w999", "--run", "unclipped")
    assert out["ended"] == "diverged" and out["updates"] == 1
    assert out["losses"][0] == 0.25 and out["losses"][1] == "NaN"
    assert out["message"] == "loss became NaN at update 2; gradient norm before it 1.41e3"
    assert out == session_result("w999", run="unclipped")
    text = run("--scene", "w999", "--run", "unclipped")
    assert text.returncode == 0 and "diverged: loss became NaN at update 2" in text.stdout


def test_text_summary_for_a_project_file(tmp_path):
    project = load_scene("cliff")
    path = tmp_path / "mine.json"
    save_project(path, project)
    result = run("--project", path, "--run", "clipped", "--steps", 20)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("cliff (run clipped): one sequence of 15 steps")
    assert lines[1] == "sgd, learning rate 1, clipping by norm at 1, seed 0"
    assert lines[2].startswith("20 updates: loss 2.2378 at the first")
    assert lines[-1] == "ended: budget used"
    final = float(lines[3].split()[-1])
    assert math.isclose(final, session_result("cliff", run="clipped", steps=20)["final_loss"], rel_tol=1e-5,
                        abs_tol=1e-30)


@pytest.mark.parametrize("args, message", [
    (["--scene", "nope"], "there is no scene 'nope'"),
    (["--scene", "toy-rnn"], "toy-rnn has no training settings"),
    (["--scene", "cliff", "--lr", "0"], "the learning rate must be positive"),
    (["--scene", "cliff", "--lr", "-1"], "the learning rate must be positive"),
    (["--scene", "cliff", "--run", "sideways"], "cliff has no training run 'sideways'"),
    (["--scene", "cliff", "--clip", "-2"], "clipping threshold must be positive"),
    (["--scene", "cliff", "--steps", "-3"], "number of updates must be a whole number"),
    (["--scene", "cliff", "--optimizer", "lbfgs"], "invalid choice"),
    ([], "train needs --scene NAME or --project FILE"),
])
def test_bad_input_is_one_line_and_exit_2(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
