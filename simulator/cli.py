"""Headless commands: `python main.py scenes | simulate | grad | validate | convert | train | evaluate | export`.

No display is needed: nothing here imports Qt (commands that render set QT_QPA_PLATFORM=offscreen
before any Qt import). Exit status 0 on success; 2 with a one-line message on stderr for bad input.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import Any

import numpy as np

from simulator.errors import UserInputError

COMMANDS = ("scenes", "simulate", "grad", "validate", "convert", "export", "train", "evaluate")
TORCH_CELLS = ("rnn_tanh", "rnn_relu", "lstm", "gru")


def wants_cli(argv: list[str]) -> bool:
    return bool(argv) and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version"))


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit status 2."""

    def error(self, message: str):
        raise UserInputError(f"{self.prog}: {message} (see --help)")


# -- output helpers -------------------------------------------------------------------------------

def plain(value: Any) -> Any:
    """numpy values → JSON values; non-finite floats become the strings "NaN", "Infinity", "-Infinity"
    (bare NaN is not JSON), the same convention as the project file."""
    if isinstance(value, np.ndarray):
        return plain(value.tolist())
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (np.floating, float)):
        value = float(value)
        if math.isfinite(value):
            return value
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(plain(value), ensure_ascii=False, allow_nan=False))
    sys.stdout.write("\n")


def fmt(values) -> str:
    arr = np.atleast_1d(np.asarray(values, dtype=float))
    return "[" + ", ".join(f"{v:.6g}" for v in arr.ravel()) + "]"


# -- commands ---------------------------------------------------------------------------------------

def cmd_scenes(args) -> int:
    from simulator.model.scenes import list_scenes

    scenes = list_scenes()
    if args.json:
        print_json([{"name": s.name, "title": s.title, "description": s.description} for s in scenes])
        return 0
    width = max(len(s.name) for s in scenes)
    for s in scenes:
        print(f"{s.name:<{width}}  {s.title.get('en', '')}")
    return 0


def _project_from_args(args):
    from simulator.io.project_file import load_project
    from simulator.model.scenes import load_scene

    if getattr(args, "project", None):
        return load_project(args.project)
    return load_scene(args.scene)


def _scene_inputs(project, spec: str | None) -> np.ndarray:
    """The scene's own inputs, or those the user gave (numbers, a file, or text for text scenes)."""
    from simulator.io.sequence import parse_sequence, tokenize_text

    size = project.network.input_size
    if spec is None:
        if project.inputs is not None:
            return np.asarray(project.inputs, dtype=float)
        if project.text is not None:
            spec = project.text
        else:
            raise UserInputError(f"scene {project.name} has no inputs; give some with --inputs")
    if project.encoding is not None and not _looks_numeric(spec):
        from simulator.engine.encoding import encoding_from_spec

        encoding = encoding_from_spec(project.encoding)
        return encoding.encode_sentence(tokenize_text(spec))
    return parse_sequence(spec, input_size=size)


def _looks_numeric(spec: str) -> bool:
    text = spec.strip()
    return bool(text) and (Path(text).suffix.lower() in (".npy", ".csv", ".txt")
                           or all(ch in "0123456789.,;+-−eE()[] \t\n" for ch in text))


def _torch_inputs(path: str) -> np.ndarray:
    from simulator.io.sequence import parse_sequence

    x = parse_sequence(path, allow_3d=True)
    if x.ndim not in (2, 3):
        raise UserInputError("--inputs must be (T, D) or (T, B, D)")
    return x


def _torch_network(args):
    from simulator.io.torch_state import load_state_npz, network_from_state_dict

    if not args.cell:
        raise UserInputError("--torch needs --cell rnn_tanh|rnn_relu|lstm|gru")
    return network_from_state_dict(load_state_npz(args.torch), args.cell)


def _check_torch_input(net, x):
    if x.shape[-1] != net.input_size:
        raise UserInputError(f"--inputs has {x.shape[-1]} features per step; the model expects {net.input_size}")


def cmd_simulate(args) -> int:
    if args.torch:
        from simulator.io.torch_state import run_like_torch

        net = _torch_network(args)
        if not args.inputs:
            raise UserInputError("--torch needs --inputs X.npy with shape (T, B, D) or (T, D)")
        x = _torch_inputs(args.inputs)
        _check_torch_input(net, x)
        result = run_like_torch(net, x)
        if args.json:
            print_json(result)
        else:
            for key, value in result.items():
                print(f"{key}: shape {tuple(np.shape(value))}\n{np.array2string(np.asarray(value), precision=6)}")
        return 0

    if not (args.scene or args.project):
        raise UserInputError("simulate needs --scene NAME, --project FILE or --torch FILE.npz")
    project = _slot_model_from_args(args) or _project_from_args(args)
    if _is_slot_filling(project):
        return _simulate_slots(project, args)
    x = _scene_inputs(project, args.inputs)
    trace = project.network.forward(x)
    if args.json:
        result = trace.to_json_dict(b=0)
        result["scene"] = project.name
        print_json(result)
        return 0
    print(f"{project.name}: {project.title.get('en', '')}")
    for t in range(trace.steps):
        memory = "  ".join(f"{key.split('.', 2)[-1]}={fmt(v[t, 0])}"
                           for key, v in _memory_after(trace).items())
        print(f"t={t + 1:>3}  x={fmt(trace.inputs[t, 0])}  {memory}  y={fmt(trace.outputs[t, 0])}")
    if not trace.finite:
        print("note: some numbers overflowed or became NaN (shown as inf/nan)")
    return 0


def _slot_model_from_args(args):
    """For ``--scene slot-filling``: the pre-trained model ``--model``/``--encoding`` names (the defaults
    for the one not given). None for any other scene; --model/--encoding elsewhere is an error."""
    from simulator.model import slot_filling

    model, encoding = getattr(args, "model", None), getattr(args, "encoding", None)
    if args.scene == slot_filling.SCENE and not args.project:
        if model is not None:
            slot_filling.check_model(model)
        if encoding is not None:
            slot_filling.check_encoding(encoding)
        return slot_filling.load_model(model or slot_filling.DEFAULT_MODEL, encoding or slot_filling.DEFAULT_ENCODING)
    if model is not None or encoding is not None:
        raise UserInputError(f"--model and --encoding choose a pre-trained model of --scene {slot_filling.SCENE}")
    return None


def _is_slot_filling(project) -> bool:
    from simulator.model import slot_filling

    return project.name == slot_filling.SCENE or slot_filling.model_of(project) != (None, None)


def _simulate_slots(project, args) -> int:
    """A slot-filling network on a sentence: the usual trace plus each word's slot and probabilities."""
    from simulator.model import slot_filling

    text = args.inputs if args.inputs is not None else project.text
    if text is None:
        raise UserInputError(f"{project.name} has no sentence; give one with --inputs")
    labelling = slot_filling.label(project, text)
    model, encoding = slot_filling.model_of(project)
    if args.json:
        result = labelling.trace.to_json_dict(b=0)
        result.update({
            "scene": project.name, "model": model, "encoding": encoding,
            "slot_names": list(slot_filling.SLOTS), "words": labelling.words, "slots": labelling.slots,
            "probabilities": labelling.probabilities,
            "word_encodings": [{"word": e.word, "known": e.known, "one_hot": e.one_hot,
                                "trigrams": None if e.trigrams is None else [list(t) for t in e.trigrams]}
                               for e in labelling.encodings]})
        print_json(result)
        return 0
    title = (f"{slot_filling.MODEL_TITLES[model]['en']}, {slot_filling.ENCODING_TITLES[encoding]['en']}"
             if model else project.title.get("en", ""))
    print(f"{project.name}: {title}")
    width = max(len(word) for word in labelling.words)
    for t, (word, slot, encoded) in enumerate(zip(labelling.words, labelling.slots, labelling.encodings)):
        probability = labelling.probabilities[t, slot_filling.SLOTS.index(slot)]
        note = "" if encoded.known else f"   (unknown word: {_unknown_note(encoded)})"
        print(f"{word:<{width}}  → {slot:<14} p={probability:.3f}{note}")
    return 0


def _unknown_note(encoded) -> str:
    parts = []
    if encoded.one_hot is not None:
        parts.append(f"1-of-N {encoded.one_hot}")
    if encoded.trigrams is not None:
        parts.append("trigrams " + " ".join(unit if known else f"{unit}?" for unit, known in encoded.trigrams))
    return "; ".join(parts)


def cmd_evaluate(args) -> int:
    """CoNLL chunk F1 per slot and overall on the test split, for the pre-trained slot-filling models
    (every model, or --model; every encoding, or --encoding) or a project file."""
    from simulator.model import slot_filling

    if args.project and (args.model or args.encoding):
        raise UserInputError("--model and --encoding choose pre-trained models; a --project is evaluated as it is")
    if args.project:
        from simulator.io.project_file import load_project

        project = load_project(args.project)
        model, encoding = slot_filling.model_of(project)
        rows = [(model or project.name, encoding, slot_filling.evaluate(project))]
    else:
        if args.scene != slot_filling.SCENE:
            raise UserInputError(f"evaluate works on --scene {slot_filling.SCENE} (or a --project trained on it), "
                                 f"not {args.scene!r}" if args.scene else
                                 f"evaluate needs --scene {slot_filling.SCENE} or --project FILE")
        models = [slot_filling.check_model(args.model)] if args.model else list(slot_filling.MODELS)
        encodings = [slot_filling.check_encoding(args.encoding)] if args.encoding else list(slot_filling.ENCODINGS)
        rows = [(model, encoding, result) for encoding in encodings
                for model, result in slot_filling.evaluate_all(encoding, models).items()]
    _, test = slot_filling.corpus()
    if args.json:
        print_json({"split": "test", "sentences": rows[0][2]["sentences"], "words": rows[0][2]["words"],
                    "templates": sorted({s.template_id for s in test}) if not args.project else None,
                    "results": [{"model": model, "encoding": encoding, **result} for model, encoding, result in rows]})
        return 0
    print(f"CoNLL chunk F1 on the test split: {rows[0][2]['sentences']} sentences, {rows[0][2]['words']} words"
          + ("" if args.project else f", templates {', '.join(map(str, sorted({s.template_id for s in test})))} "
                                     f"(never trained on)"))
    for encoding in dict.fromkeys(encoding for _, encoding, _ in rows):
        print()
        print(f"encoding: {slot_filling.ENCODING_TITLES[encoding]['en']} ({encoding})" if encoding else "encoding: the project's own")
        print(slot_filling.format_table({model: result for model, e, result in rows if e == encoding}))
    return 0


def _memory_after(trace) -> dict[str, np.ndarray]:
    out = {}
    for k, layer in enumerate(trace.layers):
        for direction, rec in layer.records.items():
            for state in layer.state_names:
                suffix = ".reverse" if direction == "reverse" else ""
                out[f"layers.{k}{suffix}.{state}"] = rec[state]
    return out


def cmd_grad(args) -> int:
    if not args.loss_weights:
        raise UserInputError("grad needs --loss-weights R.npy (the same shape as the output)")
    from simulator.io.sequence import parse_sequence

    if args.torch:
        from simulator.io.torch_state import grads_like_torch

        net = _torch_network(args)
        if not args.inputs:
            raise UserInputError("--torch needs --inputs X.npy")
        x = _torch_inputs(args.inputs)
        _check_torch_input(net, x)
        R = parse_sequence(args.loss_weights, allow_3d=True)
        result = grads_like_torch(net, x, R)
        print_json(result) if args.json else _print_grads(result)
        return 0
    if not (args.scene or args.project):
        raise UserInputError("grad needs --scene NAME, --project FILE or --torch FILE.npz")
    project = _project_from_args(args)
    net = project.network
    x = _scene_inputs(project, args.inputs)
    trace = net.forward(x)
    R = parse_sequence(args.loss_weights, allow_3d=True)
    if R.ndim == 2:
        R = R[:, None, :]
    if R.shape != trace.outputs.shape:
        raise UserInputError(f"--loss-weights must have the shape of the outputs {trace.outputs.shape[::2]}"
                             f" (steps, outputs), not {R.shape}")
    with np.errstate(all="ignore"):
        loss = float(np.sum(R * trace.outputs))
    grads, d_x = net.backward(trace, d_y=R)
    result = {"loss": loss, "grads": grads, "grad_inputs": d_x[:, 0] if np.ndim(x) == 2 else d_x}
    print_json(result) if args.json else _print_grads(result)
    return 0


def _print_grads(result: dict) -> None:
    print(f"loss: {result['loss']:.10g}")
    for key, value in result["grads"].items():
        print(f"∂L/∂{key}: shape {tuple(np.shape(value))}\n{np.array2string(np.asarray(value), precision=6)}")
    print(f"∂L/∂x:\n{np.array2string(np.asarray(result['grad_inputs']), precision=6)}")


def _file_kind(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".npz":
        return "npz"
    if suffix == ".json":
        return "json"
    raise UserInputError(f"{path}: expected a project .json or a PyTorch state_dict .npz")


def infer_torch_cell(arrays: dict) -> str:
    """Which PyTorch module a state_dict came from, from the shape of weight_hh_l0 (rows = k·H)."""
    from simulator.errors import ProjectFileError

    w = arrays.get("weight_hh_l0")
    if w is None or np.ndim(w) != 2 or w.shape[1] == 0 or w.shape[0] % w.shape[1]:
        raise ProjectFileError("the .npz has no usable weight_hh_l0, so its cell type is unknown; give --cell")
    return {1: "rnn_tanh", 3: "gru", 4: "lstm"}.get(w.shape[0] // w.shape[1]) or "unknown"


def cmd_validate(args) -> int:
    if _file_kind(args.file) == "json":
        from simulator.io.project_file import validate_project_file

        for line in validate_project_file(args.file):
            print(line)
        return 0
    from simulator.io.torch_state import load_state_npz, network_from_state_dict

    arrays = load_state_npz(args.file)
    cell = args.cell or infer_torch_cell(arrays)
    net = network_from_state_dict(arrays, cell)
    directions = "bidirectional" if net.layers[0].bidirectional else "unidirectional"
    print(f"{args.file}: PyTorch {cell} state_dict, {len(net.layers)} layer(s), {directions}, "
          f"input size {net.input_size}, hidden size {net.layers[0].cell.hidden_size}, "
          f"{sum(v.size for v in arrays.values())} numbers")
    return 0


def cmd_convert(args) -> int:
    source, target = _file_kind(args.input), _file_kind(args.output)
    if source == target:
        raise UserInputError("convert goes between a project .json and a PyTorch .npz; both names end the same")
    if source == "json":
        from simulator.io.project_file import load_project
        from simulator.io.torch_state import save_state_npz, state_dict_from_network

        project = load_project(args.input)
        save_state_npz(args.output, state_dict_from_network(project.network))
    else:
        from simulator.io.project_file import save_project
        from simulator.io.torch_state import load_state_npz, network_from_state_dict
        from simulator.model.project import Project, slugify

        arrays = load_state_npz(args.input)
        cell = args.cell or infer_torch_cell(arrays)
        net = network_from_state_dict(arrays, cell)
        name = slugify(Path(args.output).stem)
        stem = Path(args.output).stem
        save_project(args.output, Project(name=name, title={"en": stem, "zh": stem},
                                          description={"en": f"Imported from {Path(args.input).name} ({cell})",
                                                       "zh": f"从 {Path(args.input).name} 导入（{cell}）"},
                                          network=net, inputs=None, text=None, encoding=None, settings={},
                                          metadata={"imported_from": Path(args.input).name, "torch_cell": cell}))
    print(f"wrote {args.output}")
    return 0


def cmd_train(args) -> int:
    """Train a scene's network with its training settings; divergence is a result (exit 0), not an error."""
    from simulator.model.training import run_names, session_for_project, training_settings

    if not (args.scene or args.project):
        raise UserInputError("train needs --scene NAME or --project FILE")
    project = _project_from_args(args)
    training_settings(project)             # a scene without training settings: one clear line
    if args.digits is not None and not args.save:
        raise UserInputError("--digits rounds the weights written by --save; give --save FILE too")
    if args.digits is not None:                # a bad --digits: say so now, not after the training
        from simulator.model.slot_filling import round_significant

        round_significant(np.zeros(0), args.digits)
    session = session_for_project(project, run=args.run_name, steps=args.steps, lr=args.lr, clip=args.clip,
                                  clip_mode=args.clip_mode, optimizer=args.optimizer, seed=args.seed,
                                  truncate=args.truncate, encoding=args.encoding)
    for _ in session.run():
        pass
    result = session.result_dict()
    if args.save:
        _save_trained(project, session, args, result)
    if args.json:
        print_json(result)
        return 0
    config = session.config
    clipping = ("no clipping" if config.clip_mode == "none"
                else f"clipping by {config.clip_mode} at {config.clip_threshold:g}")
    runs = run_names(project)
    run = f" (run {args.run_name})" if args.run_name else (f" (runs: {', '.join(runs)})" if runs else "")
    print(f"{project.name}{run}: {session.task.description}")
    print(f"{config.optimizer}, learning rate {config.lr:g}, {clipping}, seed {config.seed}")
    losses = result["losses"]
    if losses:
        norms = [v for v in result["norms_before"] if math.isfinite(v)]
        largest = f"{max(norms):.4g}" if norms else "not finite"
        print(f"{len(losses)} update{'s' if len(losses) != 1 else ''}: loss {losses[0]:.6g} at the first, "
              f"{losses[-1]:.6g} at the last; {sum(result['clipped'])} clipped; largest finite gradient "
              f"norm {largest}")
    final = f"final loss on the training data {result['final_loss']:.6g}"
    if result["final_test_loss"] is not None:
        final += f", on the test data {result['final_test_loss']:.6g}"
    print(final)
    print(f"diverged: {result['message']}" if result["ended"] == "diverged" else "ended: budget used")
    if args.save:
        print(f"wrote {args.save}")
    return 0


def _save_trained(project, session, args, result: dict) -> None:
    """Write the project with the trained weights (and the task's word encoding) to ``args.save``,
    atomically; ``--digits`` rounds every weight to that many significant digits. A slot-filling model
    also records which model and encoding it is."""
    from simulator.io.project_file import save_project
    from simulator.model import slot_filling
    from simulator.model.project import copy_network

    trained = project.copy()
    trained.network = copy_network(session.network)
    if args.digits is not None:
        trained.network.set_params({key: slot_filling.round_significant(value, args.digits)
                                    for key, value in trained.network.params.items()})
    spec = session.task.details.get("encoding")
    if spec is not None:
        trained.encoding = spec
    config = session.config
    record = {"run": args.run_name, "encoding": session.task.details.get("encoding_kind"), "seed": config.seed,
              "optimizer": config.optimizer, "lr": config.lr, "batch_size": config.batch_size,
              "updates": result["updates"], "ended": result["ended"],
              "final_loss": _rounded(result["final_loss"]), "final_test_loss": _rounded(result["final_test_loss"])}
    trained.metadata["training"] = {key: value for key, value in record.items() if value is not None}
    if project.name == slot_filling.SCENE and args.run_name in slot_filling.MODELS and record["encoding"]:
        slot_filling.mark_model(trained, args.run_name, record["encoding"])
    elif slot_filling.model_of(project)[0] is not None and record["encoding"]:
        # the project's own network, trained in the task's encoding (--encoding): say which it is now
        slot_filling.mark_model(trained, slot_filling.model_of(project)[0], record["encoding"])
    save_project(args.save, trained)


def _rounded(value: float | None) -> float | None:
    """A loss for the metadata: 6 significant digits, None if missing or not finite (JSON has no NaN)."""
    if value is None or not math.isfinite(value):
        return None
    return float(f"{value:.6g}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rnn-sim", description="RNN Simulator: headless commands. With no command the app opens.")
    from simulator import __version__

    parser.add_argument("--version", action="version", version=f"RNN Simulator {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("scenes", help="list the built-in scenes")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_scenes)

    def model_args(p):
        p.add_argument("--scene", help="a built-in scene (see `scenes`)")
        p.add_argument("--project", help="a project .json file")
        p.add_argument("--torch", metavar="FILE.npz", help="a PyTorch RNN/LSTM/GRU state_dict saved with numpy.savez")
        p.add_argument("--cell", choices=TORCH_CELLS, help="which PyTorch module the state_dict is from")
        p.add_argument("--inputs", metavar="SEQ",
                       help='inline numbers "1,1; 1,1; 2,2" (steps by ;, features by ,), a .npy/.csv file, '
                            "or text for text scenes")
        p.add_argument("--json", action="store_true", help="print every number as JSON")

    def slot_args(p):
        p.add_argument("--model", metavar="NAME", help="slot-filling model: " + ", ".join(
            ("feedforward", "elman", "jordan", "bidirectional", "lstm", "gru")) + " (default lstm)")
        p.add_argument("--encoding", metavar="ENC",
                       help="slot-filling word encoding: one_hot, hashing, both (default both)")

    p = sub.add_parser("simulate", help="run a scene, project or PyTorch model on a sequence")
    model_args(p)
    slot_args(p)
    p.set_defaults(run=cmd_simulate)

    p = sub.add_parser("grad", help="gradients of L = Σ R⊙y with respect to every weight and the input")
    model_args(p)
    p.add_argument("--loss-weights", metavar="R.npy", help="R, the same shape as the output")
    p.set_defaults(run=cmd_grad)

    p = sub.add_parser("validate", help="check a project .json or a PyTorch .npz and summarise it")
    p.add_argument("file")
    p.add_argument("--cell", choices=TORCH_CELLS, help="for an .npz: the PyTorch module (inferred if omitted)")
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser("convert", help="convert between a project .json and a PyTorch state_dict .npz")
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--cell", choices=TORCH_CELLS, help="for an .npz input: the PyTorch module (inferred if omitted)")
    p.set_defaults(run=cmd_convert)

    p = sub.add_parser("train", help="train a scene's network with its training settings; print the loss history")
    p.add_argument("--scene", help="a built-in scene with training settings (cliff, vanishing, irnn, …)")
    p.add_argument("--project", help="a project .json file with training settings")
    # dest differs from "run": that attribute holds the command function main() calls
    p.add_argument("--run", dest="run_name", metavar="NAME", help="one of the scene's named runs (e.g. unclipped, clipped)")
    p.add_argument("--steps", type=int, help="number of updates (default: the scene's budget)")
    p.add_argument("--lr", type=float, help="learning rate")
    p.add_argument("--clip", type=float, metavar="X", help="clipping threshold (switches norm clipping on if off)")
    p.add_argument("--clip-mode", choices=("none", "value", "norm"), help="clip each component or the global norm")
    p.add_argument("--optimizer", choices=("sgd", "momentum", "rmsprop", "adam"))
    p.add_argument("--seed", type=int, help="random seed (data, initialisation, minibatches)")
    p.add_argument("--truncate", type=int, metavar="K", help="truncated BPTT: back-propagate K steps")
    p.add_argument("--encoding", choices=("one_hot", "hashing", "both"),
                   help="word encoding of a slot-filling task: 1-of-N + other, letter trigrams, or both")
    p.add_argument("--save", metavar="FILE", help="write the project with the trained weights to FILE (.json)")
    p.add_argument("--digits", type=int, metavar="N",
                   help="with --save: round every weight to N significant digits (smaller files)")
    p.add_argument("--json", action="store_true", help="print the whole history as JSON")
    p.set_defaults(run=cmd_train)

    p = sub.add_parser("evaluate", help="slot-filling F1 (CoNLL chunks, per slot and overall) on the test split")
    p.add_argument("--scene", help="slot-filling")
    p.add_argument("--project", help="a project .json trained on the slot-filling corpus (e.g. by train --save)")
    p.add_argument("--model", metavar="NAME", help="one model (default: all six)")
    p.add_argument("--encoding", metavar="ENC", help="one word encoding: one_hot, hashing, both (default: all three)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_evaluate)

    from simulator.cli_export import register as register_export

    register_export(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit as done:  # --help / --version
            return int(done.code or 0)
        if not getattr(args, "command", None):
            parser.print_help()
            return 0
        return int(args.run(args) or 0)
    except UserInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `… | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (ValueError, OSError) as error:  # bad input that reached the engine or the file system
        print(f"error: {' '.join(str(error).split())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
