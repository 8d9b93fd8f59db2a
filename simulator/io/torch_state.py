"""PyTorch interop without PyTorch: nn.RNN / nn.LSTM / nn.GRU state_dicts as ``.npz`` files.

The file format is what one line of PyTorch writes::

    numpy.savez(path, **{k: v.detach().numpy() for k, v in module.state_dict().items()})

and what one line reads back (``module.load_state_dict({k: torch.from_numpy(v) for k, v in
numpy.load(path).items()})``). This module never imports torch and never unpickles anything.

How PyTorch's parameters map onto our cells
-------------------------------------------
- ``nn.RNN(nonlinearity="tanh"|"relu")`` → our ``elman`` cell with that activation; our single bias is
  ``b = bias_ih + bias_hh``.
- ``nn.LSTM`` (gate rows i, f, g, o) → our ``lstm`` cell (rows [z, z_i, z_f, z_o] = [g, i, f, o]) with
  recurrence on, no peephole, sigmoid gates and g = h = tanh; ``b = bias_ih + bias_hh``, reordered.
- ``nn.GRU`` → our ``gru`` cell, which already uses PyTorch's equations and gate order r, z, n:
  ``b_x = bias_ih``, ``b_a = bias_hh`` (they cannot be merged: bias_hh_n sits inside r·(…)).

Our networks return the top layer's hidden states (an identity head), as the PyTorch modules do.

On export, RNN and LSTM biases are written as ``bias_ih = b`` and ``bias_hh = 0``: PyTorch only ever
uses their sum, so the outputs are identical, but the original split of an imported file is not kept.
A module built with ``bias=False`` has no bias keys; such a file imports with zero biases, and an
exported file always has bias keys (load it into a module with ``bias=True``).
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import numpy as np

from ..engine.network import Network
from ..errors import ProjectFileError, UserInputError
from .atomic import write_atomically

#: Our cell names for the PyTorch modules, and how many stacked rows (gates) each has per unit.
TORCH_CELLS = ("rnn_tanh", "rnn_relu", "lstm", "gru")
GATE_COUNT = {"rnn_tanh": 1, "rnn_relu": 1, "lstm": 4, "gru": 3}
MODULE_NAME = {"rnn_tanh": "nn.RNN (tanh)", "rnn_relu": "nn.RNN (relu)", "lstm": "nn.LSTM", "gru": "nn.GRU"}

# PyTorch stacks LSTM rows as i, f, g, o; the lecture (and our cell) as z, z_i, z_f, z_o = g, i, f, o.
_LSTM_TORCH_BLOCKS_FOR_OURS = (2, 0, 1, 3)     # our block k is PyTorch's block _[k]
_LSTM_OUR_BLOCKS_FOR_TORCH = (1, 2, 0, 3)      # PyTorch's block k is our block _[k]

# Layer numbers as PyTorch writes them: "l10" but never "l010", which would alias "l10".
_PARAMETER_KEY = re.compile(r"^(weight|bias)_(ih|hh)_l(0|[1-9]\d*)(_reverse)?$")
_PROJECTION_KEY = re.compile(r"^weight_hr_l(0|[1-9]\d*)(_reverse)?$")
_ALLOWED_KINDS = "fiu"   # float, signed and unsigned integers: plain numbers, nothing else
#: Refuse archives that would unpack to more than this (a compressed "zip bomb" is a few KB on disk).
MAX_UNPACKED_BYTES = 1 << 30


# -- files ----------------------------------------------------------------------------------------

def load_state_npz(path) -> dict[str, np.ndarray]:
    """Read a state_dict saved with ``numpy.savez`` as float64 arrays, refusing anything else.

    Non-finite weights are accepted (a diverged model must still be viewable); key names must look
    like nn.RNN/LSTM/GRU parameters (``weight_hr_*`` from ``proj_size`` is left for
    :func:`network_from_state_dict` to explain).
    """
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise ProjectFileError(f"{name}: cannot be read: " + ("it is not a regular file" if path.exists()
                                                                else "no such file"))
    if not zipfile.is_zipfile(path):
        raise ProjectFileError(f"{name}: cannot be read: not an .npz archive (save with numpy.savez)")
    arrays: dict[str, np.ndarray] = {}
    key = None
    try:
        with np.load(path, allow_pickle=False) as archive:
            if not isinstance(archive, np.lib.npyio.NpzFile):
                raise ProjectFileError(f"{name}: cannot be read: not an .npz archive (save with numpy.savez)")
            if sum(info.file_size for info in archive.zip.infolist()) > MAX_UNPACKED_BYTES:
                raise ProjectFileError(f"{name}: the archive unpacks to more than "
                                       f"{MAX_UNPACKED_BYTES >> 20} MB; not a recurrent layer's state_dict")
            for key in archive.files:
                _check_key_name(name, key)
                arrays[key] = _plain_numbers(name, key, archive[key])
    except ProjectFileError:
        raise
    # A damaged or hostile archive makes zipfile/zlib/numpy raise almost anything (BadZipFile,
    # EOFError, ValueError for pickled data or a bad header, MemoryError for an absurd shape, …);
    # all of them mean the same thing to the user: this file cannot be read.
    except Exception as error:   # noqa: BLE001
        where = f", array {key!r}" if key is not None else ""
        reason = " ".join(str(error).split()) or type(error).__name__
        if "pickle" in reason.lower() or "object arrays" in reason.lower():
            # numpy's own message suggests switching pickles on; for a file from elsewhere that is the
            # one thing never to do, so say what it is instead.
            reason = "it holds pickled Python objects, which are never loaded because that could run code"
        raise ProjectFileError(f"{name}{where}: cannot be read: {reason}") from None
    if not arrays:
        raise ProjectFileError(f"{name}: the archive holds no arrays")
    return arrays


def _check_key_name(file_name: str, key: str) -> None:
    if _PARAMETER_KEY.match(key) or _PROJECTION_KEY.match(key):
        return
    hint = ""
    if re.search(r"(weight|bias)_(ih|hh)_l\d+", key):
        hint = " (save the RNN module's own state_dict, without a prefix)"
    raise ProjectFileError(f"{file_name}: unexpected key {key!r}: not an nn.RNN/LSTM/GRU parameter{hint}")


def _plain_numbers(file_name: str, key: str, value) -> np.ndarray:
    if not isinstance(value, np.ndarray) or value.dtype.kind not in _ALLOWED_KINDS:
        dtype = getattr(value, "dtype", type(value).__name__)
        raise ProjectFileError(f"{file_name}: array {key!r} holds {dtype} values, not plain numbers")
    return value.astype(np.float64)


def save_state_npz(path, arrays: dict[str, np.ndarray]) -> None:
    """Write a state_dict with ``numpy.savez``, atomically: a temporary file in the same folder, flushed
    to disk, then renamed over ``path`` (used as given; numpy would otherwise append ``.npz``). If
    anything fails, an existing file is untouched and the temporary file is removed."""
    path = Path(path)
    plain = {}
    for key, value in arrays.items():
        value = np.asarray(value)
        if not (_PARAMETER_KEY.match(key) or _PROJECTION_KEY.match(key)):
            raise UserInputError(f"cannot save {key!r}: not an nn.RNN/LSTM/GRU parameter name")
        if value.dtype.kind not in _ALLOWED_KINDS:
            raise UserInputError(f"cannot save {key!r}: it holds {value.dtype} values, not plain numbers")
        plain[key] = value
    write_atomically(path, lambda stream: np.savez(stream, **plain))


def network_from_npz(path, cell: str) -> Network:
    """:func:`load_state_npz` then :func:`network_from_state_dict`, every message naming the file."""
    arrays = load_state_npz(path)
    try:
        return network_from_state_dict(arrays, cell)
    except ProjectFileError as error:
        raise ProjectFileError(f"{path}: {error}") from None


# -- state_dict → Network ----------------------------------------------------------------------------

def network_from_state_dict(arrays: dict[str, np.ndarray], cell: str) -> Network:
    """Build the float64 network that computes what the PyTorch module with these parameters computes.

    The number of layers and the bidirectionality come from the keys, the sizes from the shapes.
    Every inconsistency is a :class:`ProjectFileError` that names the key.
    """
    if cell not in TORCH_CELLS:
        raise UserInputError(f"unknown PyTorch cell {cell!r}; choose one of {', '.join(TORCH_CELLS)}")
    gates, module = GATE_COUNT[cell], MODULE_NAME[cell]
    parsed: dict[tuple[int, bool, str], np.ndarray] = {}
    for key, value in arrays.items():
        if _PROJECTION_KEY.match(key):
            raise ProjectFileError(f"{key}: proj_size is not supported (an LSTM with projected hidden states)")
        match = _PARAMETER_KEY.match(key)
        if not match:
            raise ProjectFileError(f"{key}: unexpected key, not an {module} parameter")
        kind, side, layer, reverse = match.groups()
        parsed[(int(layer), reverse is not None, f"{kind}_{side}")] = np.asarray(value, dtype=np.float64)
    if not parsed:
        raise ProjectFileError(f"no {module} parameters (missing key weight_ih_l0)")

    num_layers = max(layer for layer, _, _ in parsed) + 1
    bidirectional = any(reverse for _, reverse, _ in parsed)
    has_bias = any(name.startswith("bias") for _, _, name in parsed)
    directions = (False, True) if bidirectional else (False,)
    needed = ("weight_ih", "weight_hh") + (("bias_ih", "bias_hh") if has_bias else ())
    for layer in range(num_layers):
        for reverse in directions:
            for name in needed:
                if (layer, reverse, name) not in parsed:
                    raise ProjectFileError(f"missing key {_torch_key(name, layer, reverse)}")

    hidden_weights = parsed[(0, False, "weight_hh")]
    if (hidden_weights.ndim != 2 or hidden_weights.shape[1] < 1
            or hidden_weights.shape[0] != gates * hidden_weights.shape[1]):
        raise ProjectFileError(
            f"weight_hh_l0 has shape {hidden_weights.shape}; {module} needs ({gates}·H, H)"
            + (" — is this the right kind of module?" if hidden_weights.ndim == 2 else ""))
    hidden = hidden_weights.shape[1]
    input_weights = parsed[(0, False, "weight_ih")]
    if input_weights.ndim != 2 or input_weights.shape[0] != gates * hidden or input_weights.shape[1] < 1:
        raise ProjectFileError(f"weight_ih_l0 has shape {input_weights.shape}, "
                               f"expected ({gates * hidden}, input size) for {module} with hidden size {hidden}")
    input_size = input_weights.shape[1]
    width = hidden * len(directions)
    for (layer, reverse, name), value in parsed.items():
        expected = {"weight_ih": (gates * hidden, input_size if layer == 0 else width),
                    "weight_hh": (gates * hidden, hidden),
                    "bias_ih": (gates * hidden,), "bias_hh": (gates * hidden,)}[name]
        if value.shape != expected:
            raise ProjectFileError(f"{_torch_key(name, layer, reverse)} has shape {value.shape}, expected "
                                   f"{expected} for {module} with hidden size {hidden}")

    options = _cell_options(cell)
    net = Network.build(input_size, [{**options, "hidden_size": hidden, "bidirectional": bidirectional}
                                     for _ in range(num_layers)],
                        head={"activation": "identity"}, dtype=np.float64)
    params = {}
    zeros = np.zeros(gates * hidden)
    for layer in range(num_layers):
        for reverse in directions:
            prefix = _our_prefix(layer, reverse)
            get = lambda name: parsed.get((layer, reverse, name), zeros)  # noqa: E731 (bias=False → 0)
            if cell == "gru":
                params.update({f"{prefix}.W_x": get("weight_ih"), f"{prefix}.W_a": get("weight_hh"),
                               f"{prefix}.b_x": get("bias_ih"), f"{prefix}.b_a": get("bias_hh")})
                continue
            reorder = _lstm_to_ours if cell == "lstm" else (lambda v: v)
            params.update({f"{prefix}.W_x": reorder(get("weight_ih")), f"{prefix}.W_a": reorder(get("weight_hh")),
                           f"{prefix}.b": reorder(get("bias_ih") + get("bias_hh"))})
    net.set_params(params)
    return net


def _cell_options(cell: str) -> dict:
    if cell == "lstm":
        return {"kind": "lstm", "gate": "sigmoid", "g": "tanh", "h": "tanh", "recurrence": True,
                "peephole": False}
    if cell == "gru":
        return {"kind": "gru"}
    return {"kind": "elman", "activation": "tanh" if cell == "rnn_tanh" else "relu"}


def _torch_key(name: str, layer: int, reverse: bool) -> str:
    return f"{name}_l{layer}" + ("_reverse" if reverse else "")


def _our_prefix(layer: int, reverse: bool) -> str:
    return f"layers.{layer}" + (".reverse" if reverse else "")


def _reorder_blocks(value: np.ndarray, blocks: tuple[int, ...]) -> np.ndarray:
    parts = np.split(np.asarray(value), len(blocks), axis=0)
    return np.concatenate([parts[k] for k in blocks], axis=0)


def _lstm_to_ours(value: np.ndarray) -> np.ndarray:
    return _reorder_blocks(value, _LSTM_TORCH_BLOCKS_FOR_OURS)


def _lstm_to_torch(value: np.ndarray) -> np.ndarray:
    return _reorder_blocks(value, _LSTM_OUR_BLOCKS_FOR_TORCH)


# -- Network → state_dict ----------------------------------------------------------------------------

def torch_cell_of(net: Network) -> str:
    """The PyTorch cell ("rnn_tanh", "rnn_relu", "lstm", "gru") this network is equivalent to, or a
    :class:`UserInputError` naming the first layer or option PyTorch cannot represent."""
    if not net.layers:
        raise UserInputError("the network has no recurrent layer to export")
    if net.head.activation != "identity":
        raise UserInputError(f"the output layer ({net.head.activation}) has no place in an nn.RNN/LSTM/GRU "
                             "state_dict; remove it (output = hidden states) to export")
    first = net.layers[0].cell
    found = None
    for number, layer in enumerate(net.layers, start=1):
        for _, cell in layer.directions():
            this = _torch_cell_of_cell(cell, number)
            if found is not None and this != found:
                raise UserInputError(f"layer {number} is {MODULE_NAME[this]} but layer 1 is {MODULE_NAME[found]}; "
                                     "PyTorch stacks layers of one kind only")
            found = this
            if cell.hidden_size != first.hidden_size:
                raise UserInputError(f"layer {number} has {cell.hidden_size} units but layer 1 has "
                                     f"{first.hidden_size}; PyTorch stacks layers of equal size only")
        if layer.bidirectional != net.layers[0].bidirectional:
            which = "layer 1" if net.layers[0].bidirectional else f"layer {number}"
            raise UserInputError(f"only {which} of layers 1 and {number} is bidirectional; PyTorch makes every "
                                 "layer bidirectional or none")
    return found


def _torch_cell_of_cell(cell, number: int) -> str:
    where = f"layer {number}"
    if cell.kind in ("elman", "irnn"):
        if cell.activation not in ("tanh", "relu"):
            raise UserInputError(f"{where}: nn.RNN supports tanh or relu only, not {cell.activation}")
        return f"rnn_{cell.activation}"
    if cell.kind == "lstm":
        if cell.peephole:
            raise UserInputError(f"{where}: a peephole LSTM has no nn.LSTM equivalent")
        if not cell.recurrence:
            raise UserInputError(f"{where}: an LSTM without recurrence (a^(t−1) → gates) has no nn.LSTM equivalent")
        if cell.gate != "sigmoid":
            raise UserInputError(f"{where}: nn.LSTM gates are sigmoid, not {cell.gate}")
        if cell.g != "tanh" or cell.h != "tanh":
            raise UserInputError(f"{where}: nn.LSTM uses g = h = tanh, not g = {cell.g}, h = {cell.h}")
        return "lstm"
    if cell.kind == "gru":
        if cell.activation != "tanh":
            raise UserInputError(f"{where}: nn.GRU's candidate uses tanh, not {cell.activation}")
        return "gru"
    raise UserInputError(f"{where}: {cell.title} has no PyTorch equivalent (only Elman, LSTM and GRU)")


def state_dict_from_network(net: Network) -> dict[str, np.ndarray]:
    """PyTorch's state_dict (same keys, order and gate order) for a compatible network.

    RNN/LSTM biases are exported as ``bias_ih = b``, ``bias_hh = 0`` (PyTorch only uses the sum).
    PyTorch starts from zero states, so a network with a non-zero initial memory is refused.
    """
    cell = torch_cell_of(net)
    for key, value in net.memory.items():
        if np.any(value != 0):
            number = int(key.split(".")[1]) + 1
            raise UserInputError(f"layer {number}: the initial memory {key} is not zero; a PyTorch state_dict "
                                 "cannot hold it (PyTorch starts from h0 = 0)")
    arrays = {}
    for layer_index, layer in enumerate(net.layers):
        for direction, cell_obj in layer.directions():
            reverse = direction == "reverse"
            prefix = _our_prefix(layer_index, reverse)
            key = lambda name: _torch_key(name, layer_index, reverse)  # noqa: E731
            p = {name: net.params[f"{prefix}.{name}"] for name in cell_obj.param_shapes()}
            if cell == "gru":
                arrays[key("weight_ih")], arrays[key("weight_hh")] = p["W_x"].copy(), p["W_a"].copy()
                arrays[key("bias_ih")], arrays[key("bias_hh")] = p["b_x"].copy(), p["b_a"].copy()
                continue
            reorder = _lstm_to_torch if cell == "lstm" else np.copy
            arrays[key("weight_ih")] = reorder(p["W_x"])
            arrays[key("weight_hh")] = reorder(p["W_a"])
            arrays[key("bias_ih")] = reorder(p["b"])
            arrays[key("bias_hh")] = np.zeros_like(p["b"])
    return arrays


# -- running like PyTorch ----------------------------------------------------------------------------

def _zero_memory(net: Network) -> dict[str, np.ndarray]:
    return {key: np.zeros_like(value) for key, value in net.memory.items()}


def _batched_input(net: Network, x) -> tuple[np.ndarray, bool]:
    x = np.asarray(x, dtype=net.dtype)
    if x.ndim not in (2, 3) or x.shape[-1] != net.input_size:
        raise UserInputError(f"inputs must be (steps, {net.input_size}) or (steps, batch, {net.input_size}) "
                             f"as for batch_first=False, not {x.shape}")
    return (x[:, None, :], True) if x.ndim == 2 else (x, False)


def run_like_torch(net: Network, x) -> dict[str, np.ndarray]:
    """What ``module(x)`` returns with zero initial states and ``batch_first=False``.

    ``x`` is (T, B, D), or (T, D) for PyTorch's unbatched input. Returns ``{"h": output (T, [B,]
    directions·H), "h_n": ((layers·directions), [B,] H)}`` plus ``"c_n"`` for an LSTM. h_n is ordered
    l0, l0_reverse, l1, …; the reverse direction's entry is its state after reading t = 0.
    """
    cell = torch_cell_of(net)
    xs, unbatched = _batched_input(net, x)
    trace = net.forward(xs, memory=_zero_memory(net))
    state_names = ("a", "c") if cell == "lstm" else ("a",)
    finals = {name: np.stack([trace.final_state[f"{_our_prefix(k, d == 'reverse')}.{name}"]
                              for k, layer in enumerate(net.layers) for d, _ in layer.directions()])
              for name in state_names}
    result = {"h": trace.outputs, "h_n": finals["a"]}
    if cell == "lstm":
        result["c_n"] = finals["c"]
    if unbatched:
        result = {"h": result["h"][:, 0], **{k: v[:, 0] for k, v in result.items() if k != "h"}}
    return result


def grads_like_torch(net: Network, x, R) -> dict:
    """Gradients of L = Σ R⊙h (h the module's output) as PyTorch's ``loss.backward()`` leaves them.

    Returns ``{"loss": L, "grads": {state_dict key: ∂L/∂parameter}, "grad_inputs": ∂L/∂x}``. For
    RNN/LSTM, ``bias_ih`` and ``bias_hh`` both get the gradient of our single bias b (PyTorch adds them).
    """
    cell = torch_cell_of(net)
    xs, unbatched = _batched_input(net, x)
    trace = net.forward(xs, memory=_zero_memory(net))
    R = np.asarray(R, dtype=net.dtype)
    T, _, width = trace.outputs.shape
    expected_shape = (T, width) if unbatched else trace.outputs.shape
    if R.shape != expected_shape:
        raise UserInputError(f"R must have the shape of the output h {expected_shape}, not {R.shape}")
    d_h = R[:, None, :] if unbatched else R
    with np.errstate(all="ignore"):
        loss = float(np.sum(d_h * trace.outputs))
    ours, d_x = net.backward(trace, d_y=d_h)
    grads = {}
    for layer_index, layer in enumerate(net.layers):
        for direction, _ in layer.directions():
            reverse = direction == "reverse"
            prefix = _our_prefix(layer_index, reverse)
            key = lambda name: _torch_key(name, layer_index, reverse)  # noqa: E731
            if cell == "gru":
                grads[key("weight_ih")], grads[key("weight_hh")] = ours[f"{prefix}.W_x"], ours[f"{prefix}.W_a"]
                grads[key("bias_ih")], grads[key("bias_hh")] = ours[f"{prefix}.b_x"], ours[f"{prefix}.b_a"]
                continue
            reorder = _lstm_to_torch if cell == "lstm" else np.copy
            grads[key("weight_ih")] = reorder(ours[f"{prefix}.W_x"])
            grads[key("weight_hh")] = reorder(ours[f"{prefix}.W_a"])
            grads[key("bias_ih")] = reorder(ours[f"{prefix}.b"])
            grads[key("bias_hh")] = grads[key("bias_ih")].copy()
    return {"loss": loss, "grads": grads, "grad_inputs": d_x[:, 0] if unbatched else d_x}
