"""Every cell and wrapper: BPTT gradients equal central finite differences (float64)."""
import numpy as np
import pytest

from simulator.engine.network import Network

CELLS = [
    {"kind": "elman", "activation": "tanh"},
    {"kind": "elman", "activation": "sigmoid"},
    {"kind": "elman", "activation": "linear"},
    {"kind": "irnn"},
    {"kind": "jordan", "output_size": 3, "activation": "tanh", "output_activation": "softmax"},
    {"kind": "jordan", "output_size": 2, "activation": "sigmoid", "output_activation": "tanh"},
    {"kind": "lstm"},
    {"kind": "lstm", "recurrence": False, "g": "linear", "h": "linear"},
    {"kind": "lstm", "peephole": True, "forget_bias": 1.0},
    {"kind": "gru"},
    {"kind": "clockwork", "periods": [1, 2, 4]},
    {"kind": "scrn", "context_size": 2, "alpha": 0.9},
    {"kind": "feedforward", "activation": "tanh"},
]


def _ids(spec):
    return "-".join(str(v) for v in spec.values())


def numeric_gradient(f, params, key, eps=1e-6):
    base = params[key]
    grad = np.zeros_like(base)
    for idx in np.ndindex(base.shape):
        saved = base[idx]
        base[idx] = saved + eps
        up = f()
        base[idx] = saved - eps
        down = f()
        base[idx] = saved
        grad[idx] = (up - down) / (2 * eps)
    return grad


def check_network(net, x, loss="weights", truncate=None, seed=1):
    rng = np.random.default_rng(seed)
    # Random weights away from zero so that every path matters; relu cells keep a margin from the kink.
    for key, value in net.params.items():
        net.params[key] = rng.normal(0, 0.7, size=value.shape)
    R = rng.normal(size=net.forward(x).outputs.shape)

    def total_loss():
        return float(np.sum(R * net.forward(x).outputs))

    trace = net.forward(x)
    grads, d_x = net.backward(trace, d_y=R, truncate=truncate)
    for key in net.params:
        expected = numeric_gradient(total_loss, net.params, key)
        np.testing.assert_allclose(grads[key], expected, rtol=1e-6, atol=1e-8, err_msg=key)
    # ∂L/∂x as well
    xs = net._as_batch(x).copy()
    holder = {"x": xs}
    expected_dx = numeric_gradient(lambda: float(np.sum(R * net.forward(holder["x"]).outputs)), holder, "x")
    np.testing.assert_allclose(d_x, expected_dx, rtol=1e-6, atol=1e-8, err_msg="d_x")


@pytest.mark.parametrize("spec", CELLS, ids=_ids)
def test_cell_gradients_match_finite_differences(spec):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(5, 2, 3))
    net = Network.build(3, [{**spec, "hidden_size": 4}], {"output_size": 2, "activation": "linear"})
    check_network(net, x)


@pytest.mark.parametrize("kind", ["elman", "lstm", "gru", "jordan", "scrn"])
def test_bidirectional_two_layer_gradients(kind):
    rng = np.random.default_rng(3)
    x = rng.normal(size=(4, 2, 2))
    extra = {"output_size": 2} if kind == "jordan" else {}
    net = Network.build(2, [{"kind": kind, "hidden_size": 3, "bidirectional": True, **extra},
                            {"kind": kind, "hidden_size": 2, **extra}],
                        {"output_size": 3, "activation": "tanh"})
    check_network(net, x)


def test_cross_entropy_and_mse_gradients():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(6, 3, 4))
    net = Network.build(4, [{"kind": "lstm", "hidden_size": 3}], {"output_size": 5, "activation": "softmax"})
    targets = rng.integers(0, 5, size=(6, 3))
    mask = np.ones((6, 3))
    mask[4:, 1] = 0  # a shorter second sequence
    _, grads, _ = net.loss_and_gradients(x, targets, "ce", mask=mask)
    f = lambda: net.loss_and_gradients(x, targets, "ce", mask=mask)[0]
    for key in net.params:
        np.testing.assert_allclose(grads[key], numeric_gradient(f, net.params, key), rtol=1e-6, atol=1e-9,
                                   err_msg=key)

    net = Network.build(4, [{"kind": "gru", "hidden_size": 3}], {"output_size": 2, "activation": "linear"})
    target = rng.normal(size=(6, 3, 2))
    _, grads, _ = net.loss_and_gradients(x, target, "mse")
    f = lambda: net.loss_and_gradients(x, target, "mse")[0]
    for key in net.params:
        np.testing.assert_allclose(grads[key], numeric_gradient(f, net.params, key), rtol=1e-6, atol=1e-9,
                                   err_msg=key)


def test_cross_entropy_value_is_the_lectures_sum_over_steps():
    net = Network.build(2, [{"kind": "elman", "hidden_size": 2}], {"output_size": 3, "activation": "softmax"})
    x = np.array([[1.0, 0.0], [0.0, 1.0]])
    targets = np.array([2, 0])
    loss, _, trace = net.loss_and_gradients(x, targets, "ce")
    y = trace.outputs[:, 0]
    assert loss == pytest.approx(-np.log(y[0, 2]) - np.log(y[1, 0]), rel=1e-12)


def test_step_gradients_are_dL_da_for_every_t():
    """∂L/∂a^t stored in the trace equals finite differences of L w.r.t. an additive nudge of a^t."""
    rng = np.random.default_rng(7)
    net = Network.build(2, [{"kind": "elman", "hidden_size": 2, "activation": "linear"}],
                        {"output_size": 1, "activation": "linear"})
    x = rng.normal(size=(4, 1, 2))
    R = rng.normal(size=(4, 1, 1))
    trace = net.forward(x)
    net.backward(trace, d_y=R)
    d_a = trace.layers[0].step_grads["forward"]["a"]
    # For a linear Elman net, nudging a^t by e changes later a^s by W_a^{s−t} e: compute by unrolling.
    W_a, W_y = net.params["layers.0.W_a"], net.params["head.W"]
    for t in range(4):
        expected = sum(R[s, 0] @ W_y @ np.linalg.matrix_power(W_a, s - t) for s in range(t, 4))
        np.testing.assert_allclose(d_a[t, 0], expected, rtol=1e-10)


def test_truncated_bptt():
    rng = np.random.default_rng(2)
    net = Network.build(2, [{"kind": "lstm", "hidden_size": 2}], {"output_size": 1, "activation": "linear"})
    x = rng.normal(size=(6, 2, 2))
    R = rng.normal(size=(6, 2, 1))
    full, _ = net.backward(net.forward(x), d_y=R)
    long_window, _ = net.backward(net.forward(x), d_y=R, truncate=6)
    for key in full:
        np.testing.assert_array_equal(full[key], long_window[key])
    trace = net.forward(x)
    short, _ = net.backward(trace, d_y=R, truncate=2)
    assert not np.allclose(short["layers.0.W_a"], full["layers.0.W_a"])
    # With windows of 2, no gradient crosses from step 3 back to step 2 (0-based t = 2 → 1):
    # ∂L/∂a at t = 1 is just what the output at t = 1 sends down.
    direct = R[1] @ net.params["head.W"]
    np.testing.assert_allclose(trace.layers[0].step_grads["forward"]["a"][1], direct, rtol=1e-12)


@pytest.mark.parametrize("kind", ["elman", "lstm", "gru", "jordan", "scrn", "clockwork", "feedforward"])
def test_token_ids_give_the_same_numbers_as_dense_one_hot_inputs(kind):
    """One-hot words fed as token ids (a gather, a scatter-add) equal the dense one-hot products."""
    rng = np.random.default_rng(11)
    extra = {"output_size": 3} if kind == "jordan" else {}
    net = Network.build(7, [{"kind": kind, "hidden_size": 4, "bidirectional": kind in ("lstm", "gru"), **extra}],
                        {"output_size": 5, "activation": "softmax"})
    for key, value in net.params.items():
        net.params[key] = rng.normal(0, 0.5, size=value.shape)
    ids = rng.integers(0, 7, size=(6, 3))
    ids[0, 0] = 6
    dense = np.eye(7)[ids]
    targets = rng.integers(0, 5, size=(6, 3))
    loss_ids, grads_ids, trace_ids = net.loss_and_gradients(ids, targets, "ce")
    loss_dense, grads_dense, trace_dense = net.loss_and_gradients(dense, targets, "ce")
    assert loss_ids == pytest.approx(loss_dense, rel=1e-13)
    np.testing.assert_allclose(trace_ids.outputs, trace_dense.outputs, rtol=1e-13, atol=1e-15)
    np.testing.assert_array_equal(trace_ids.inputs, dense)
    for key in grads_dense:
        np.testing.assert_allclose(grads_ids[key], grads_dense[key], rtol=1e-12, atol=1e-14, err_msg=key)


def test_class_indices_and_reference_vectors_give_the_same_cross_entropy():
    rng = np.random.default_rng(4)
    net = Network.build(3, [{"kind": "gru", "hidden_size": 3}], {"output_size": 4, "activation": "softmax"})
    x = rng.normal(size=(5, 2, 3))
    classes = rng.integers(0, 4, size=(5, 2))
    loss_a, grads_a, _ = net.loss_and_gradients(x, classes, "ce")
    loss_b, grads_b, _ = net.loss_and_gradients(x, np.eye(4)[classes], "ce")
    assert loss_a == pytest.approx(loss_b, rel=1e-13)
    for key in grads_a:
        np.testing.assert_allclose(grads_a[key], grads_b[key], rtol=1e-12, atol=1e-15)
