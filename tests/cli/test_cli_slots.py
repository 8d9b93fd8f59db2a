"""`python main.py evaluate | simulate | train` on the slot-filling scene: real numbers from the shipped
models, and one clear `error:` line (exit 2) for a bad model or encoding name."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from simulator.cli import main
from simulator.model import slot_filling as sf

ROOT = Path(__file__).resolve().parents[2]


def run_cli(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *args):
    code, out, err = run_cli(capsys, *args, "--json")
    assert code == 0 and err == "", err
    return json.loads(out)


def test_evaluate_prints_a_table_per_encoding_with_every_model(capsys):
    code, out, err = run_cli(capsys, "evaluate", "--scene", "slot-filling")
    assert code == 0 and err == ""
    assert out.startswith("CoNLL chunk F1 on the test split: 640 sentences, 5580 words, templates 6, 7, 14, 15, "
                          "35, 36, 38, 39 (never trained on)")
    for title in ("1-of-N + other (one_hot)", "letter trigrams (hashing)", "1-of-N + trigrams (both)"):
        assert f"encoding: {title}" in out
    assert out.count("Feed-forward (no memory)") == 3 and out.count("Bidirectional (Elman)") == 3
    header = next(line for line in out.splitlines() if line.startswith("model"))
    assert header.split() == ["model", "destination", "departure", "arrival_time", "departure_time", "overall",
                              "P", "R", "word", "acc."]
    lstm_both = [line for line in out.splitlines() if line.startswith("LSTM ")][-1]
    assert lstm_both.split()[1:] == ["1.000"] * 8          # 4 slots, overall, P, R, word accuracy


def test_evaluate_json_for_one_model_and_for_all(capsys):
    result = run_json(capsys, "evaluate", "--scene", "slot-filling", "--model", "feedforward", "--encoding", "one_hot")
    assert (result["split"], result["sentences"], result["words"]) == ("test", 640, 5580)
    assert result["templates"] == [6, 7, 14, 15, 35, 36, 38, 39]
    (row,) = result["results"]
    assert (row["model"], row["encoding"]) == ("feedforward", "one_hot")
    assert set(row["slots"]) == {"destination", "departure", "arrival_time", "departure_time"}
    assert round(row["overall"]["f1"], 3) == 0.357 and row["word_errors"]["other"] == 0
    assert set(row["overall"]) >= {"precision", "recall", "f1", "support"}
    everything = run_json(capsys, "evaluate", "--scene", "slot-filling")
    assert [(r["model"], r["encoding"]) for r in everything["results"]] == [
        (m, e) for e in sf.ENCODINGS for m in sf.MODELS]
    for r in everything["results"]:
        assert r == json.loads(json.dumps(sf.evaluate_all(r["encoding"], [r["model"]])[r["model"]])) | {
            "model": r["model"], "encoding": r["encoding"]}
        if r["model"] != "feedforward":
            assert r["overall"]["f1"] >= 0.95


def test_evaluate_a_saved_project(capsys, tmp_path):
    path = tmp_path / "gru.json"
    from simulator.io.project_file import save_project

    save_project(path, sf.load_model("gru", "hashing"))
    result = run_json(capsys, "evaluate", "--project", path)
    (row,) = result["results"]
    assert (row["model"], row["encoding"]) == ("gru", "hashing")
    assert row["overall"] == sf.evaluate_all("hashing", ["gru"])["gru"]["overall"]


@pytest.mark.parametrize("args, message", [
    (("--model", "rnn"), "error: there is no slot-filling model 'rnn'; the models are feedforward, elman, "
                         "jordan, bidirectional, lstm, gru"),
    (("--encoding", "word2vec"), "error: there is no word encoding 'word2vec'; the encodings are one_hot, "
                                 "hashing, both"),
])
def test_bad_model_or_encoding_names_are_one_error_line(capsys, args, message):
    for command in ("evaluate", "simulate"):
        code, out, err = run_cli(capsys, command, "--scene", "slot-filling", *args)
        assert code == 2 and out == ""
        assert err == message + "\n"


def test_evaluate_and_model_options_elsewhere_are_refused(capsys):
    code, _, err = run_cli(capsys, "evaluate", "--scene", "toy-rnn")
    assert code == 2 and err.startswith("error: evaluate works on --scene slot-filling") and err.count("\n") == 1
    code, _, err = run_cli(capsys, "evaluate")
    assert code == 2 and "evaluate needs --scene slot-filling or --project FILE" in err
    code, _, err = run_cli(capsys, "simulate", "--scene", "toy-rnn", "--model", "lstm")
    assert code == 2 and err == "error: --model and --encoding choose a pre-trained model of --scene slot-filling\n"


def test_simulate_json_gives_every_words_slot(capsys):
    result = run_json(capsys, "simulate", "--scene", "slot-filling", "--inputs", "leave Taipei on November 2nd")
    assert result["words"] == ["leave", "Taipei", "on", "November", "2nd"]
    assert result["slots"] == ["other", "departure", "other", "departure_time", "departure_time"]
    assert (result["model"], result["encoding"], result["scene"]) == ("lstm", "both", "slot-filling")
    assert result["slot_names"] == list(sf.SLOTS)
    probabilities = np.array(result["probabilities"])
    assert probabilities.shape == (5, 5)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0)
    np.testing.assert_array_equal(probabilities, np.array(result["outputs"]))   # the normal simulate JSON too
    assert len(result["steps"]) == 5 and result["finite"] is True
    assert result["word_encodings"][1] == {"word": "Taipei", "known": True, "one_hot": "taipei",
                                           "trigrams": [["tai", True], ["aip", True], ["ipe", True], ["pei", True]]}


def test_simulate_feedforward_and_the_lectures_own_sentence(capsys):
    ff = run_json(capsys, "simulate", "--scene", "slot-filling", "--inputs", "leave Taipei on November 2nd",
                  "--model", "feedforward", "--encoding", "hashing")
    assert ff["slots"][1] == "destination" and (ff["model"], ff["encoding"]) == ("feedforward", "hashing")
    own = run_json(capsys, "simulate", "--scene", "slot-filling", "--model", "jordan")
    assert own["words"] == ["arrive", "Taipei", "on", "November", "2nd"]
    assert own["slots"] == ["other", "destination", "other", "arrival_time", "arrival_time"]


def test_simulate_text_prints_word_slot_lines_and_unknown_words(capsys):
    code, out, err = run_cli(capsys, "simulate", "--scene", "slot-filling", "--model", "elman", "--encoding",
                             "one_hot", "--inputs", "i would like to arrive Chiayi on Nov. 2")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "slot-filling: Elman, 1-of-N + other"
    assert lines[6].startswith("Chiayi  → ") and lines[6].endswith("(unknown word: 1-of-N <other>)")
    assert lines[8].startswith("Nov.    → arrival_time")
    code, out, _ = run_cli(capsys, "simulate", "--scene", "slot-filling", "--encoding", "hashing",
                           "--inputs", "leave Chiayi on November 2nd")
    assert code == 0
    chiayi = out.splitlines()[2]
    assert chiayi.startswith("Chiayi    → departure ")
    assert chiayi.endswith("(unknown word: trigrams chi? hia? iay? ayi?)")


def test_train_options_for_saving_and_encodings_are_checked(capsys, tmp_path):
    code, _, err = run_cli(capsys, "train", "--scene", "slot-filling", "--run", "elman", "--digits", "6")
    assert code == 2 and err == "error: --digits rounds the weights written by --save; give --save FILE too\n"
    code, _, err = run_cli(capsys, "train", "--scene", "cliff", "--encoding", "both")
    assert code == 2 and "only a slots task on a shipped corpus has a choice of word encoding" in err
    code, _, err = run_cli(capsys, "train", "--scene", "slot-filling", "--encoding", "bpe")
    assert code == 2 and "invalid choice: 'bpe'" in err
    # a short run saves a project that labels sentences and evaluates
    out = tmp_path / "short.json"
    code, text, err = run_cli(capsys, "train", "--scene", "slot-filling", "--run", "gru", "--encoding", "hashing",
                              "--steps", "20", "--save", out)
    assert code == 0 and err == "" and text.endswith(f"wrote {out}\n")
    from simulator.io.project_file import load_project

    saved = load_project(out)
    assert sf.model_of(saved) == ("gru", "hashing") and saved.encoding == sf.build_encoding("hashing").to_spec()
    assert saved.metadata["training"]["updates"] == 20 and saved.network.layers[0].cell.kind == "gru"
    assert len(sf.label(saved, "leave Taipei").slots) == 2



def test_a_bad_digits_is_refused_before_any_training(capsys, tmp_path, monkeypatch):
    from simulator.model import training

    def no_training(*args, **kwargs):
        raise AssertionError("trained before checking --digits")

    monkeypatch.setattr(training, "session_for_project", no_training)
    for digits in ("0", "18"):
        code, _, err = run_cli(capsys, "train", "--scene", "slot-filling", "--run", "elman",
                               "--save", tmp_path / "x.json", "--digits", digits)
        assert code == 2 and err == f"error: the number of significant digits must be from 1 to 17, not {digits}\n"
    assert not (tmp_path / "x.json").exists()


def test_training_the_scenes_own_network_in_another_encoding_says_that_encoding(capsys, tmp_path):
    """Without --run the scene's own network (the LSTM) is trained; in --encoding one_hot the saved
    project must say one_hot, not the scene's "both", or it is labelled and listed as the wrong model."""
    out = tmp_path / "own.json"
    code, _, err = run_cli(capsys, "train", "--scene", "slot-filling", "--encoding", "one_hot", "--steps", "2",
                           "--save", out)
    assert code == 0 and err == ""
    from simulator.io.project_file import load_project

    saved = load_project(out)
    assert saved.encoding == sf.build_encoding("one_hot").to_spec()
    assert sf.model_of(saved) == ("lstm", "one_hot")
    code, text, _ = run_cli(capsys, "simulate", "--project", out, "--inputs", "leave Taipei")
    assert code == 0 and text.splitlines()[0] == "slot-filling: LSTM, 1-of-N + other"
    assert run_json(capsys, "evaluate", "--project", out)["results"][0]["encoding"] == "one_hot"

def test_a_real_process_evaluates_one_model():
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "evaluate", "--scene", "slot-filling",
                             "--model", "bidirectional", "--encoding", "both", "--json"],
                            cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0 and result.stderr == ""
    (row,) = json.loads(result.stdout)["results"]
    assert row["model"] == "bidirectional" and row["overall"]["f1"] >= 0.95
