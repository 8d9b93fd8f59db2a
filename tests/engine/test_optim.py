"""Optimisers and clipping: the same numbers as PyTorch on the same weights and gradients."""
import json
import math
import warnings

import numpy as np
import pytest

from simulator.engine.optim import (
    Adam, ClipReport, Momentum, RMSProp, SGD, clip, clip_by_norm, clip_by_value, global_norm,
    make_optimizer,
)
from simulator.errors import UserInputError

SHAPES = {"layers.0.W_x": (3, 2), "layers.0.b": (3,), "head.W": (2, 3)}


def random_params(seed=0):
    rng = np.random.default_rng(seed)
    return {key: rng.normal(size=shape) for key, shape in SHAPES.items()}


def gradient_sequence(steps=5, seed=1):
    """Gradients of changing size and sign, so that running averages and bias corrections matter."""
    rng = np.random.default_rng(seed)
    return [{key: rng.normal(scale=10.0 ** (k - 2), size=shape) for key, shape in SHAPES.items()}
            for k in range(steps)]


OPTIMIZER_CASES = [
    ("sgd", 0.1, {}),
    ("momentum", 0.05, {"momentum": 0.9}),
    ("momentum", 0.05, {"momentum": 0.7, "nesterov": True}),
    ("rmsprop", 0.01, {"decay": 0.9, "eps": 1e-8}),
    ("rmsprop", 0.02, {"decay": 0.5, "eps": 1e-3}),
    ("adam", 0.01, {}),
    ("adam", 0.03, {"beta1": 0.8, "beta2": 0.99, "eps": 1e-6}),
]

CASE_IDS = ["-".join([name] + [f"{k}={v}" for k, v in options.items()]) for name, _, options in OPTIMIZER_CASES]


def torch_optimizer(torch, name, lr, options, tensors):
    if name == "sgd":
        return torch.optim.SGD(tensors, lr=lr)
    if name == "momentum":
        return torch.optim.SGD(tensors, lr=lr, momentum=options["momentum"],
                               nesterov=options.get("nesterov", False))
    if name == "rmsprop":
        return torch.optim.RMSprop(tensors, lr=lr, alpha=options["decay"], eps=options["eps"])
    return torch.optim.Adam(tensors, lr=lr, betas=(options.get("beta1", 0.9), options.get("beta2", 0.999)),
                            eps=options.get("eps", 1e-8))


@pytest.mark.parametrize("name, lr, options", OPTIMIZER_CASES, ids=CASE_IDS)
def test_optimizer_matches_torch_for_five_steps(name, lr, options):
    torch = pytest.importorskip("torch")
    params = random_params()
    tensors = {key: torch.tensor(value.copy(), dtype=torch.float64, requires_grad=True)
               for key, value in params.items()}
    ours = make_optimizer(name, lr, **options)
    theirs = torch_optimizer(torch, name, lr, options, list(tensors.values()))
    for k, grads in enumerate(gradient_sequence()):
        ours.step(params, grads)
        for key, tensor in tensors.items():
            tensor.grad = torch.tensor(grads[key], dtype=torch.float64)
        theirs.step()
        for key, tensor in tensors.items():
            np.testing.assert_allclose(params[key], tensor.detach().numpy(), rtol=0, atol=1e-12,
                                       err_msg=f"{name} step {k + 1} {key}")
    assert ours.steps == 5


def test_sgd_update_is_exactly_lr_times_gradient():
    params = {"w": np.array([1.0, -2.0, 0.5])}
    SGD(0.25).step(params, {"w": np.array([4.0, 4.0, -2.0])})
    np.testing.assert_array_equal(params["w"], [0.0, -3.0, 1.0])


def test_momentum_first_step_uses_the_gradient_then_accumulates():
    # b1 = g1 = 1, b2 = 0.5·1 + 2 = 2.5; θ = 0 − 0.1·1 − 0.1·2.5 = −0.35
    params = {"w": np.array([0.0])}
    opt = Momentum(0.1, momentum=0.5)
    opt.step(params, {"w": np.array([1.0])})
    opt.step(params, {"w": np.array([2.0])})
    np.testing.assert_allclose(params["w"], [-0.35], rtol=0, atol=1e-15)
    np.testing.assert_allclose(opt.state_dict()["buffers"]["velocity"]["w"], [2.5], rtol=0, atol=1e-15)


def test_adam_first_step_moves_each_weight_by_lr():
    # With bias correction the first Adam step is lr · g/(|g| + eps') ≈ lr · sign(g).
    params = {"w": np.array([0.0, 0.0, 0.0])}
    Adam(0.01, eps=0.0).step(params, {"w": np.array([3.0, -0.002, 7e5])})
    np.testing.assert_allclose(params["w"], [-0.01, 0.01, -0.01], rtol=1e-12)


@pytest.mark.parametrize("name, lr, options", OPTIMIZER_CASES[1:], ids=CASE_IDS[1:])
def test_state_dict_round_trip_continues_the_same_run(name, lr, options):
    grads = gradient_sequence()
    straight = random_params()
    opt = make_optimizer(name, lr, **options)
    for g in grads:
        opt.step(straight, g)

    params = random_params()
    first = make_optimizer(name, lr, **options)
    for g in grads[:2]:
        first.step(params, g)
    resumed = {key: value.copy() for key, value in params.items()}
    saved = first.state_dict()
    first.step(params, grads[2])                      # later steps must not leak into the saved copy
    # Through JSON, as a saved training session will go: arrays become lists.
    as_json = json.loads(json.dumps(saved, default=lambda a: a.tolist()))
    second = make_optimizer(name, 1.0, **options)      # hyperparameters come from the saved state
    second.load_state_dict(as_json)
    assert second.lr == lr and second.steps == 2
    for g in grads[2:]:
        second.step(resumed, g)
    for key in straight:
        np.testing.assert_array_equal(resumed[key], straight[key])


def test_state_dict_holds_plain_arrays_and_numbers():
    params = random_params()
    opt = Adam(0.01, beta1=0.8)
    opt.step(params, gradient_sequence(1)[0])
    state = opt.state_dict()
    assert state["name"] == "adam" and state["step"] == 1
    assert state["hyper"] == {"lr": 0.01, "beta1": 0.8, "beta2": 0.999, "eps": 1e-8}
    assert set(state["buffers"]) == {"m", "v"}
    for buffer in state["buffers"].values():
        assert set(buffer) == set(SHAPES)
        assert all(type(v) is np.ndarray for v in buffer.values())
    with pytest.raises(UserInputError, match="for 'adam', not 'rmsprop'"):
        RMSProp(0.1).load_state_dict(state)


def test_float32_parameters_stay_float32():
    params = {key: value.astype(np.float32) for key, value in random_params().items()}
    grads = {key: value.astype(np.float32) for key, value in gradient_sequence(1)[0].items()}
    for name in ("sgd", "momentum", "rmsprop", "adam"):
        make_optimizer(name, 0.01).step(params, grads)
    assert all(value.dtype == np.float32 for value in params.values())


def test_exploded_gradients_give_non_finite_weights_silently():
    params = {"w": np.array([1.0, 2.0])}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Adam(0.1).step(params, {"w": np.array([np.inf, np.nan])})
    assert not np.any(np.isfinite(params["w"]))


@pytest.mark.parametrize("name, lr, options, message", [
    ("adamw", 0.1, {}, "unknown optimiser 'adamw'; choose one of sgd, momentum, rmsprop, adam"),
    ("sgd", 0.0, {}, "the learning rate must be positive, not 0.0"),
    ("adam", -0.01, {}, "the learning rate must be positive"),
    ("adam", float("nan"), {}, "the learning rate must be a finite number"),
    ("rmsprop", float("inf"), {}, "the learning rate must be a finite number"),
    ("momentum", "fast", {}, "the learning rate must be a number, not 'fast'"),
    ("adam", 0.1, {"momentum": 0.9}, "the adam optimiser has no option 'momentum'; it takes beta1, beta2, eps"),
    ("sgd", 0.1, {"momentum": 0.9}, "the sgd optimiser has no option 'momentum'; it takes only the learning rate"),
    ("adam", 0.1, {"beta1": 1.0}, r"the beta1 must lie in \[0, 1\), not 1.0"),
    ("momentum", 0.1, {"momentum": 0.0, "nesterov": True}, "Nesterov momentum needs a momentum above 0"),
    ("rmsprop", 0.1, {"eps": -1e-8}, "the eps must not be negative"),
])
def test_make_optimizer_rejects_bad_settings_clearly(name, lr, options, message):
    with pytest.raises(ValueError, match=message):
        make_optimizer(name, lr, **options)


def test_make_optimizer_builds_each_kind():
    assert isinstance(make_optimizer(" Adam ", 0.01), Adam)
    assert isinstance(make_optimizer("sgd", 1), SGD)
    opt = make_optimizer("momentum", 0.1, momentum=0.5, nesterov=True)
    assert (opt.lr, opt.momentum, opt.nesterov) == (0.1, 0.5, True)
    opt = make_optimizer("rmsprop", 0.1, decay=0.95)
    assert (opt.decay, opt.eps) == (0.95, 1e-8)


# -- clipping ----------------------------------------------------------------------------------------
def big_gradients():
    return {"a": np.array([[3.0, -4.0], [0.0, 12.0]]), "b": np.array([84.0])}    # global norm 85


def test_global_norm_known_value():
    assert global_norm(big_gradients()) == 85.0
    assert global_norm({"a": np.array([3.0, 4.0]), "b": np.array([12.0])}) == 13.0
    assert global_norm({}) == 0.0


def test_global_norm_of_huge_finite_gradients_is_finite():
    # Squaring 1e200 overflows; the norm of an exploding gradient must still be a number to show.
    grads = {"a": np.array([3e200, 4e200]), "b": np.array([0.0])}
    np.testing.assert_allclose(global_norm(grads), 5e200, rtol=1e-15)


def test_clip_by_norm_rescales_to_the_threshold_keeping_direction():
    grads = big_gradients()
    original = {k: v.copy() for k, v in grads.items()}
    report = clip_by_norm(grads, 1.0)
    assert isinstance(report, ClipReport)
    assert report.clipped and report.norm_before == 85.0
    assert abs(report.norm_after - 1.0) <= 1e-12
    assert abs(global_norm(report.grads) - 1.0) <= 1e-12
    for key in grads:
        np.testing.assert_allclose(report.grads[key], original[key] / 85.0, rtol=1e-15, atol=0)
        np.testing.assert_array_equal(grads[key], original[key])          # input untouched
        assert report.grads[key] is not grads[key]
    assert report.per_group_norms == {"a": 13.0, "b": 84.0}


def test_clip_by_norm_leaves_small_gradients_alone():
    grads = {"a": np.array([0.3, -0.4])}
    report = clip_by_norm(grads, 1.0)
    assert not report.clipped
    assert report.norm_before == report.norm_after == 0.5
    np.testing.assert_array_equal(report.grads["a"], [0.3, -0.4])
    assert report.grads["a"] is not grads["a"]


def test_clip_by_norm_matches_torch_clip_grad_norm():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(5)
    for threshold in (1.0, 15.0, 1e3):
        grads = {key: rng.normal(scale=20.0, size=shape) for key, shape in SHAPES.items()}
        tensors = [torch.zeros(shape, dtype=torch.float64, requires_grad=True) for shape in SHAPES.values()]
        for tensor, g in zip(tensors, grads.values()):
            tensor.grad = torch.tensor(g)
        total = float(torch.nn.utils.clip_grad_norm_(tensors, threshold))
        report = clip_by_norm(grads, threshold, eps=1e-6)        # PyTorch's eps, reproduced exactly
        assert abs(report.norm_before - total) <= 1e-12 * total
        for tensor, key in zip(tensors, grads):
            np.testing.assert_allclose(report.grads[key], tensor.grad.numpy(), rtol=1e-14, atol=1e-12)
        # Without eps the clipped norm is the threshold itself; PyTorch is short by a factor norm/(norm+1e-6).
        exact = clip_by_norm(grads, threshold)
        if exact.clipped:
            for tensor, key in zip(tensors, grads):
                np.testing.assert_allclose(tensor.grad.numpy(), exact.grads[key] * total / (total + 1e-6),
                                           rtol=1e-14, atol=1e-12)


def test_clip_by_value_bounds_every_component_and_keeps_the_others():
    grads = {"a": np.array([[16.0, -15.0], [-40.0, 2.5]]), "b": np.array([14.999, -0.1])}
    report = clip_by_value(grads, 15.0)
    np.testing.assert_array_equal(report.grads["a"], [[15.0, -15.0], [-15.0, 2.5]])
    np.testing.assert_array_equal(report.grads["b"], [14.999, -0.1])
    assert report.clipped
    assert report.norm_before == pytest.approx(math.sqrt(16**2 + 15**2 + 40**2 + 2.5**2 + 14.999**2 + 0.01),
                                               rel=1e-15)
    assert report.norm_after == pytest.approx(math.sqrt(3 * 15**2 + 2.5**2 + 14.999**2 + 0.01), rel=1e-15)
    assert report.per_group_norms["a"] == pytest.approx(math.sqrt(16**2 + 15**2 + 40**2 + 2.5**2), rel=1e-15)
    np.testing.assert_array_equal(grads["a"], [[16.0, -15.0], [-40.0, 2.5]])     # input untouched
    assert not clip_by_value({"a": np.array([15.0, -15.0])}, 15.0).clipped


def test_clip_by_value_matches_torch_clip_grad_value():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(6)
    grads = {key: rng.normal(scale=20.0, size=shape) for key, shape in SHAPES.items()}
    tensors = [torch.zeros(shape, dtype=torch.float64, requires_grad=True) for shape in SHAPES.values()]
    for tensor, g in zip(tensors, grads.values()):
        tensor.grad = torch.tensor(g)
    torch.nn.utils.clip_grad_value_(tensors, 15.0)
    report = clip_by_value(grads, 15.0)
    for tensor, key in zip(tensors, grads):
        np.testing.assert_array_equal(report.grads[key], tensor.grad.numpy())


def test_non_finite_gradients_are_reported_not_raised():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        inf_grads = {"a": np.array([1.0, np.inf]), "b": np.array([2.0])}
        nan_grads = {"a": np.array([1.0, np.nan]), "b": np.array([np.inf])}
        by_norm = clip_by_norm(inf_grads, 1.0)
        assert by_norm.norm_before == math.inf and not by_norm.clipped
        np.testing.assert_array_equal(by_norm.grads["a"], [1.0, np.inf])
        assert by_norm.per_group_norms == {"a": math.inf, "b": 2.0}
        assert math.isnan(clip_by_norm(nan_grads, 1.0).norm_before)
        assert math.isnan(global_norm(nan_grads))
        by_value = clip_by_value(inf_grads, 15.0)
        assert by_value.norm_before == math.inf and by_value.clipped
        np.testing.assert_array_equal(by_value.grads["a"], [1.0, 15.0])
        assert by_value.norm_after == pytest.approx(math.sqrt(1 + 225 + 4), rel=1e-15)
        assert math.isnan(clip(nan_grads, "value", 15.0).grads["a"][1])


def test_clip_dispatches_on_mode_and_checks_settings():
    grads = big_gradients()
    none = clip(grads, "none", 1.0)
    assert not none.clipped and none.norm_after == 85.0
    np.testing.assert_array_equal(none.grads["b"], [84.0])
    assert clip(grads, "norm", 17.0).norm_after == pytest.approx(17.0, abs=1e-12)
    np.testing.assert_array_equal(clip(grads, "value", 10.0).grads["b"], [10.0])
    assert clip(grads).norm_after == 85.0                 # default: no clipping
    with pytest.raises(ValueError, match="unknown clipping mode 'max'; choose one of none, value, norm"):
        clip(grads, "max", 1.0)
    for bad in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="clipping threshold"):
            clip(grads, "norm", bad)
        with pytest.raises(ValueError, match="clipping threshold"):
            clip_by_value(grads, bad)
