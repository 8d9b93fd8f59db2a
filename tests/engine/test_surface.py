"""Loss surfaces: the batched grid equals a plain loop over points, and the edges behave."""
import warnings

import numpy as np
import pytest

from simulator.engine import losses
from simulator.engine.network import Network
from simulator.engine.surface import (DirectionAxes, ParamAxis, loss_surface, loss_surface_progressive,
                                      trajectory_coordinates)
from simulator.errors import UserInputError


def loop_surface(net, x, targets, loss, axes, alpha, beta, mask=None):
    """The reference: network.forward once per grid point, with the parameters set for that point."""
    out = np.empty((len(beta), len(alpha)))
    for i, b in enumerate(beta):
        for j, a in enumerate(alpha):
            if isinstance(axes, DirectionAxes):
                params = {k: axes.origin[k] + a * axes.first[k] + b * axes.second[k] for k in axes.origin}
            else:
                params = {k: v.copy() for k, v in net.params.items()}
                params[axes[0].key][axes[0].index] = a
                params[axes[1].key][axes[1].index] = b
            trace = net.forward(x, params=params)
            out[i, j] = losses.evaluate(net, trace, targets, loss, mask)[0]
    return out


def small_problem(kind, seed=0, head="linear"):
    """A two-layer network (the varied cell under a small LSTM) with random data and a ragged mask."""
    rng = np.random.default_rng(seed)
    output = {"output_size": 3, "activation": head}
    net = Network.build(3, [{"kind": kind, "hidden_size": 3}, {"kind": "lstm", "hidden_size": 2}], output,
                        seed=seed)
    x = rng.normal(size=(5, 2, 3))
    if head == "softmax":
        targets, loss = rng.integers(0, 3, size=(5, 2)), "ce"
    else:
        targets, loss = rng.normal(size=(5, 2, 3)), "mse"
    mask = np.array([[1, 0], [0, 0], [1, 1], [0, 1], [1, 1]], dtype=float)
    return net, x, targets, loss, mask


RECURRENT = {"elman": "W_a", "lstm": "W_a", "gru": "W_a"}
BIAS = {"elman": "b", "lstm": "b", "gru": "b_x"}


def axes_for(kind, net, which):
    if which == "directions":
        return DirectionAxes.random(net, seed=3, biases="weights")
    return (ParamAxis(f"layers.0.{RECURRENT[kind]}", (4 if kind != "elman" else 1, 2)),
            ParamAxis(f"layers.0.{BIAS[kind]}", (2,)))


@pytest.mark.parametrize("which", ["params", "directions"])
@pytest.mark.parametrize("kind", ["elman", "lstm", "gru"])
@pytest.mark.parametrize("head", ["linear", "softmax"])
def test_batched_surface_equals_loop_over_points(kind, which, head):
    net, x, targets, loss, mask = small_problem(kind, head=head)
    axes = axes_for(kind, net, which)
    results = {method: loss_surface(net, x, targets, loss, axes, grid=(4, 3), span=1.5, mask=mask,
                                    method=method, chunk_points=5)
               for method in ("fast", "generic")}
    expected = loop_surface(net, x, targets, loss, axes, results["fast"].alpha, results["fast"].beta, mask)
    assert results["fast"].loss.shape == (3, 4)
    assert np.ptp(expected) > 1e-3                               # the plane really changes the loss
    np.testing.assert_allclose(results["generic"].loss, expected, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(results["fast"].loss, expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("layers,first,second", [
    ([{"kind": "gru", "hidden_size": 2, "bidirectional": True}], ("layers.0.reverse.W_a", (5, 1)),
     ("layers.0.b_a", (4,))),
    ([{"kind": "feedforward", "hidden_size": 3, "activation": "sigmoid"},
      {"kind": "irnn", "hidden_size": 2}], ("layers.1.W_x", (1, 2)), ("layers.0.W_x", (0, 1))),
    ([{"kind": "lstm", "hidden_size": 2, "recurrence": False, "peephole": True}], ("layers.0.W_c", (6, 1)),
     ("head.W", (1, 0))),
    ([{"kind": "elman", "hidden_size": 2, "activation": "relu"}], ("layers.0.W_a", (0, 0)),
     ("layers.0.W_a", (1, 1))),
])
def test_fast_path_on_stacks_bidirectional_and_options(layers, first, second):
    rng = np.random.default_rng(1)
    net = Network.build(2, layers, {"output_size": 2, "activation": "sigmoid"}, seed=4)
    x, targets = rng.normal(size=(6, 3, 2)), rng.normal(size=(6, 3, 2))
    mask = (rng.random((6, 3)) < 0.5).astype(float)           # only some steps enter the loss
    for axes in ((ParamAxis(*first), ParamAxis(*second)), DirectionAxes.random(net, seed=5)):
        fast = loss_surface(net, x, targets, "mse", axes, grid=3, span=0.8, mask=mask, method="fast")
        expected = loop_surface(net, x, targets, "mse", axes, fast.alpha, fast.beta, mask)
        np.testing.assert_allclose(fast.loss, expected, rtol=1e-12, atol=1e-12)


def test_cells_without_a_fast_path_use_the_generic_one():
    rng = np.random.default_rng(2)
    net = Network.build(2, [{"kind": "jordan", "hidden_size": 3, "output_size": 2},
                            {"kind": "clockwork", "hidden_size": 4, "periods": [1, 2]}],
                        {"output_size": 2, "activation": "linear"})
    x, targets = rng.normal(size=(4, 2, 2)), rng.normal(size=(4, 2, 2))
    axes = (ParamAxis("layers.0.W_m", (1, 1)), ParamAxis("layers.1.W_a", (0, 3)))
    result = loss_surface(net, x, targets, "mse", axes, grid=3, span=0.5)
    assert result.metadata["method"] == "generic"
    expected = loop_surface(net, x, targets, "mse", axes, result.alpha, result.beta)
    np.testing.assert_allclose(result.loss, expected, rtol=1e-12)
    with pytest.raises(UserInputError):
        loss_surface(net, x, targets, "mse", axes, grid=3, method="fast")


@pytest.mark.parametrize("which", ["params", "directions"])
def test_centre_is_the_loss_at_the_current_weights(which):
    net, x, targets, loss, mask = small_problem("lstm", seed=3, head="softmax")
    if which == "directions":
        axes = DirectionAxes.random(net, seed=0)
    else:
        w, b = net.params["layers.0.W_a"][5, 1], net.params["head.b"][2]
        axes = (ParamAxis("layers.0.W_a", (5, 1), np.array([w - 1.0, w, w + 0.5])),
                ParamAxis("head.b", 2, np.array([b - 2.0, b - 1.0, b])))
    result = loss_surface(net, x, targets, loss, axes, grid=5, span=0.4, mask=mask)
    i = int(np.flatnonzero(result.beta == result.center[1])[0])
    j = int(np.flatnonzero(result.alpha == result.center[0])[0])
    expected, _, _ = net.loss_and_gradients(x, targets, loss, mask=mask)
    assert result.loss[i, j] == pytest.approx(expected, rel=1e-12)


def single_unit(activation, T, a0):
    net = Network.build(1, [{"kind": "elman", "hidden_size": 1, "activation": activation}], {"activation": "identity"})
    net.memory["layers.0.a"][:] = a0
    x = np.zeros((T, 1, 1))
    mask = np.zeros((T, 1))
    mask[-1] = 1.0
    return net, x, mask


def test_overflow_is_marked_non_finite_without_warnings():
    T = 400
    net, x, mask = single_unit("linear", T, a0=1.0)
    w, b = np.linspace(0.0, 3.0, 31), np.linspace(-1.0, 1.0, 5)
    axes = (ParamAxis("layers.0.W_a", (0, 0), w), ParamAxis("layers.0.b", 0, b))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = loss_surface(net, x, np.zeros((T, 1, 1)), "mse", axes, mask=mask)
    # a^T of a^t = w·a^{t−1} + b, by the same recurrence in plain numpy; the loss is (a^T)²
    a = np.ones((len(b), len(w)))
    with np.errstate(all="ignore"):
        for _ in range(T):
            a = w[None, :] * a + b[:, None]
        expected = a * a
    np.testing.assert_array_equal(result.finite_mask, np.isfinite(expected))
    assert not result.finite_mask[:, w > 2.5].any() and result.finite_mask[:, w < 2.4].all()
    np.testing.assert_allclose(result.loss[result.finite_mask], expected[result.finite_mask], rtol=1e-12)


def test_single_unit_tanh_rnn_of_pascanu_et_al():
    T = 1000
    net, x, mask = single_unit("tanh", T, a0=0.5)
    w, b = np.linspace(-1.0, 5.0, 16), np.linspace(-3.0, 3.0, 12)
    axes = (ParamAxis("layers.0.W_a", (0, 0), w), ParamAxis("layers.0.b", (0,), b))
    result = loss_surface(net, x, np.full((T, 1, 1), 0.7), "mse", axes, mask=mask)
    a = np.full((len(b), len(w)), 0.5)
    for _ in range(T):
        a = np.tanh(w[None, :] * a + b[:, None])
    np.testing.assert_allclose(result.loss, (a - 0.7) ** 2, rtol=1e-12, atol=1e-15)
    assert result.alpha_label == "layers.0.W_a[0, 0]" and "bias" in result.metadata["beta_axis"]


def test_progressive_goes_from_coarse_to_the_requested_grid():
    net, x, targets, loss, mask = small_problem("gru", seed=4)
    axes = DirectionAxes.random(net, seed=1)
    levels = list(loss_surface_progressive(net, x, targets, loss, axes, grid=(65, 40), span=0.5, mask=mask,
                                           first=8))
    shapes = [r.shape for r in levels]
    assert shapes[0][1] == 9 and shapes[-1] == (40, 65)           # 9 = 8 rounded to an even stride of 65
    assert all(a[0] <= b[0] and a[1] <= b[1] and a != b for a, b in zip(shapes, shapes[1:]))
    assert [r.final for r in levels] == [False] * (len(levels) - 1) + [True]
    final = levels[-1]
    for coarse in levels[:-1]:                                    # every level is a subset of the final grid
        rows = np.searchsorted(final.beta, coarse.beta)
        cols = np.searchsorted(final.alpha, coarse.alpha)
        np.testing.assert_array_equal(coarse.loss, final.loss[np.ix_(rows, cols)])
    assert sum(r.metadata["points_computed"] for r in levels) == 40 * 65    # no point computed twice
    direct = loss_surface(net, x, targets, loss, axes, grid=(65, 40), span=0.5, mask=mask)
    np.testing.assert_allclose(final.loss, direct.loss, rtol=1e-13)


def test_chunks_threads_and_float32_agree():
    net, x, targets, loss, mask = small_problem("lstm", seed=5)
    axes = DirectionAxes.random(net, seed=2)
    reference = loss_surface(net, x, targets, loss, axes, grid=9, mask=mask, workers=1, chunk_points=10_000)
    for chunk, workers in ((1, 1), (7, 2), (None, 2)):
        other = loss_surface(net, x, targets, loss, axes, grid=9, mask=mask, workers=workers, chunk_points=chunk)
        np.testing.assert_allclose(other.loss, reference.loss, rtol=1e-13)
    single = loss_surface(net, x, targets, loss, axes, grid=9, mask=mask, dtype=np.float32)
    assert single.metadata["dtype"] == "float32"
    np.testing.assert_allclose(single.loss, reference.loss, rtol=1e-4)


def test_blocked_weight_products_agree(monkeypatch):
    # Wide products are cut into column blocks (to keep the BLAS single-threaded); force small blocks.
    from simulator.engine import surface
    net, x, targets, loss, mask = small_problem("lstm", seed=6)
    axes = DirectionAxes.random(net, seed=4)
    whole = loss_surface(net, x, targets, loss, axes, grid=17, mask=mask, workers=1, chunk_points=10_000)
    monkeypatch.setattr(surface, "_BLAS_SINGLE_THREAD_WORK", 1)
    blocked = loss_surface(net, x, targets, loss, axes, grid=17, mask=mask, workers=1, chunk_points=10_000)
    np.testing.assert_allclose(blocked.loss, whole.loss, rtol=1e-13)


def test_a_single_unbatched_sequence():
    net, x, targets, loss, mask = small_problem("gru", seed=7)
    axes = DirectionAxes.random(net, seed=0)
    batched = loss_surface(net, x[:, :1], targets[:, :1], loss, axes, grid=3)
    single = loss_surface(net, x[:, 0], targets[:, 0], loss, axes, grid=3)
    np.testing.assert_array_equal(single.loss, batched.loss)


def test_token_id_inputs():
    # one-hot words given as token ids (the slot-filling scene) reach the cells as ids, not vectors
    rng = np.random.default_rng(8)
    net = Network.build(6, [{"kind": "gru", "hidden_size": 3}], {"output_size": 4, "activation": "softmax"})
    ids, classes = rng.integers(0, 6, size=(5, 2)), rng.integers(0, 4, size=(5, 2))
    axes = (ParamAxis("layers.0.W_x", (4, int(ids[0, 0]))), ParamAxis("layers.0.W_a", (1, 2)))
    for method in ("fast", "generic"):
        result = loss_surface(net, ids, classes, "ce", axes, grid=3, method=method)
        expected = loop_surface(net, ids, classes, "ce", axes, result.alpha, result.beta)
        np.testing.assert_allclose(result.loss, expected, rtol=1e-12)


def test_random_directions_are_row_normalised_and_reproducible():
    net = Network.build(3, [{"kind": "lstm", "hidden_size": 4}, {"kind": "gru", "hidden_size": 2}],
                        {"output_size": 2, "activation": "softmax"}, seed=7)
    axes = DirectionAxes.random(net, seed=11)
    for direction in (axes.first, axes.second):
        for key, w in net.params.items():
            d = direction[key]
            if w.ndim == 2:
                np.testing.assert_allclose(np.linalg.norm(d, axis=1), np.linalg.norm(w, axis=1), rtol=1e-9)
            else:
                assert not d.any()                                 # biases stay fixed by default
    assert not np.allclose(axes.first["layers.0.W_a"], axes.second["layers.0.W_a"])
    again = DirectionAxes.random(net, seed=11)
    other = DirectionAxes.random(net, seed=12)
    for key in net.params:
        np.testing.assert_array_equal(again.first[key], axes.first[key])
        np.testing.assert_array_equal(again.second[key], axes.second[key])
    assert not np.array_equal(other.first["head.W"], axes.first["head.W"])
    with_biases = DirectionAxes.random(net, seed=11, biases="weights")
    np.testing.assert_array_equal(with_biases.first["head.b"], net.params["head.b"])


def test_trajectory_coordinates():
    net = Network.build(2, [{"kind": "elman", "hidden_size": 3}], {"output_size": 1, "activation": "linear"})
    axes = DirectionAxes.random(net, seed=0)
    on_plane = {k: axes.origin[k] + 0.3 * axes.first[k] - 0.7 * axes.second[k] for k in axes.origin}
    alpha, beta = trajectory_coordinates(axes, [net.params, on_plane])
    np.testing.assert_allclose(alpha, [0.0, 0.3], atol=1e-12)
    np.testing.assert_allclose(beta, [0.0, -0.7], atol=1e-12)

    path = [{k: v + step for k, v in net.params.items()} for step in (0.0, 0.1)]
    pair = (ParamAxis("layers.0.W_a", (2, 1)), ParamAxis("head.b", 0))
    alpha, beta = trajectory_coordinates(pair, path)
    w, b = net.params["layers.0.W_a"][2, 1], net.params["head.b"][0]
    np.testing.assert_allclose(alpha, [w, w + 0.1])
    np.testing.assert_allclose(beta, [b, b + 0.1])


def test_bad_axes_are_user_errors():
    net, x, targets, loss, mask = small_problem("elman")
    with pytest.raises(UserInputError, match="no parameter"):
        loss_surface(net, x, targets, loss, (ParamAxis("layers.0.W_q", (0, 0)), ParamAxis("head.b", 0)))
    with pytest.raises(UserInputError, match="not one of its entries"):
        loss_surface(net, x, targets, loss, (ParamAxis("layers.0.W_a", (3, 0)), ParamAxis("head.b", 0)))
    with pytest.raises(UserInputError, match="two different"):
        loss_surface(net, x, targets, loss, (ParamAxis("head.b", 1), ParamAxis("head.b", (1,))))
    other = Network.build(3, [{"kind": "gru", "hidden_size": 3}], {"output_size": 3, "activation": "linear"})
    with pytest.raises(UserInputError, match="different network"):
        loss_surface(net, x, targets, loss, DirectionAxes.random(other))


def test_network_forward_broadcasts_over_a_grid_of_weights():
    """Network.forward on weights with a leading grid axis equals a loop over the grid points."""
    from simulator.engine.network import Network

    rng = np.random.default_rng(8)
    for kind in ("elman", "lstm", "gru", "jordan", "clockwork", "scrn"):
        extra = {"output_size": 2} if kind == "jordan" else {}
        net = Network.build(2, [{"kind": kind, "hidden_size": 3, "bidirectional": True, **extra},
                                {"kind": kind, "hidden_size": 2, **extra}],
                            {"output_size": 1, "activation": "linear"})
        x = rng.normal(size=(4, 2, 2))
        key = next(k for k in net.params if k.startswith("layers.0."))     # W_x, or SCRN's B
        grid = net.params[key][None] + rng.normal(scale=0.3, size=(5,) + net.params[key].shape)
        batched = net.forward(x, params={**net.params, key: grid}).outputs      # (T, G, B, O)
        for g in range(5):
            single = net.forward(x, params={**net.params, key: grid[g]}).outputs
            np.testing.assert_allclose(batched[:, g], single, rtol=1e-12, atol=1e-14, err_msg=kind)
