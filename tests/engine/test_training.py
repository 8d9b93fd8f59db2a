"""The training step: learning, exact repeatability, truncation, clipping, and explosion handled as data."""
import math
import re
import warnings

import numpy as np
import pytest

from simulator.engine.network import Network
from simulator.engine.optim import clip_by_norm, global_norm, make_optimizer
from simulator.engine.training import (
    Trainer, TrainingConfig, TrainingData, TrainingDiverged, UpdateReport,
)
from simulator.errors import UserInputError


# -- fixtures --------------------------------------------------------------------------------------------
def echo_task(sequences=32, steps=6, seed=0):
    """Output the previous input bit (0 at the first step): the smallest task that needs memory."""
    rng = np.random.default_rng(seed)
    bits = rng.integers(0, 2, size=(steps, sequences))
    targets = np.vstack([np.zeros((1, sequences), dtype=int), bits[:-1]])
    return TrainingData(np.eye(2)[bits], targets)


def elman(seed=1):
    return Network.build(2, [{"kind": "elman", "hidden_size": 4}], {"output_size": 2, "activation": "softmax"},
                         seed=seed)


def exploding_setup(clip_mode="none", optimizer="sgd", steps=200):
    """The lecture's single-unit linear RNN a^t = w·a^{t−1} + x^t with w = 3, a pulse at t = 1 and
    200 steps: a^t = 3^{t−1}, so the MSE loss towards 0 is about 1e189 and its gradient 1e192."""
    net = Network.build(1, [{"kind": "elman", "hidden_size": 1, "activation": "linear"}], {"activation": "identity"})
    net.set_params({"layers.0.W_x": [[1.0]], "layers.0.W_a": [[3.0]], "layers.0.b": [0.0]})
    x = np.zeros((steps, 1, 1))
    x[0] = 1.0
    config = TrainingConfig(loss="mse", optimizer=optimizer, lr=0.1, clip_mode=clip_mode, clip_threshold=1.0)
    return net, Trainer(net, TrainingData(x, np.zeros((steps, 1, 1))), config)


def exploding_gradient(steps=200, w=3):
    """Exact ∂L/∂(W_x, W_a, b) of L = Σ_t (a^t)² with a^t = w^{t−1} (W_x = 1, b = 0), in integers:
    ∂a^t/∂W_x = w^{t−1}, ∂a^t/∂w = (t−1)·w^{t−2}, ∂a^t/∂b = Σ_{k<t} w^k."""
    ts = range(1, steps + 1)
    d_wx = sum(2 * w ** (2 * t - 2) for t in ts)
    d_w = sum(2 * (t - 1) * w ** (2 * t - 3) for t in ts if t > 1)
    d_b = sum(2 * w ** (t - 1) * (w ** t - 1) // (w - 1) for t in ts)
    return float(d_wx), float(d_w), float(d_b)


def params_copy(net):
    return {key: value.copy() for key, value in net.params.items()}


def assert_params_equal(actual, expected):
    assert set(actual) == set(expected)
    for key in expected:
        np.testing.assert_array_equal(actual[key], expected[key], err_msg=key)


@pytest.fixture(autouse=True)
def no_numpy_warnings():
    """Explosion must never warn (pytest already errors on RuntimeWarning; this catches any warning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


# -- learning ------------------------------------------------------------------------------------------
def test_elman_learns_to_echo_the_previous_bit():
    net = elman()
    trainer = Trainer(net, echo_task(), TrainingConfig(loss="ce", optimizer="adam", lr=0.05, batch_size=8, seed=3))
    before = trainer.evaluate()
    reports = list(trainer.run(200))
    after = trainer.evaluate()
    assert len(reports) == 200 and all(r.finite for r in reports)
    assert [r.update for r in reports] == list(range(1, 201))
    assert after <= 0.5 * before, (before, after)
    assert after < 0.1                                  # it really solves it: ≈ 6·ln 2 = 4.2 at chance
    assert trainer.updates == 200 and len(trainer.history) == 200


def test_report_loss_is_the_loss_on_the_minibatch_the_seeded_rng_draws():
    data = echo_task()
    net = elman()
    reference = elman()
    trainer = Trainer(net, data, TrainingConfig(optimizer="sgd", lr=0.5, batch_size=5, seed=11))
    rng = np.random.default_rng(11)
    for _ in range(3):
        idx = np.sort(rng.choice(32, size=5, replace=False))
        reference.set_params(net.params)
        expected, grads, _ = reference.loss_and_gradients(data.x[:, idx], data.targets[:, idx], loss="ce")
        report = trainer.step()
        assert report.loss == expected
        assert report.norm_before == global_norm(grads)
        assert report.per_group_norms == pytest.approx({k: np.linalg.norm(g) for k, g in grads.items()}, rel=1e-14)
        for key in grads:
            np.testing.assert_allclose(net.params[key], reference.params[key] - 0.5 * grads[key], rtol=0, atol=1e-15)


def test_same_seed_same_history_different_seed_differs():
    def run(seed):
        trainer = Trainer(elman(), echo_task(), TrainingConfig(optimizer="momentum", lr=0.1, batch_size=4, seed=seed))
        list(trainer.run(30))
        return trainer

    first, second, other = run(7), run(7), run(8)
    np.testing.assert_array_equal(first.history.losses, second.history.losses)
    np.testing.assert_array_equal(first.history.norms_before, second.history.norms_before)
    assert_params_equal(first.network.params, second.network.params)
    assert not np.array_equal(first.history.losses, other.history.losses)


def test_reset_replays_the_run_exactly():
    net = elman()
    initial = params_copy(net)
    trainer = Trainer(net, echo_task(), TrainingConfig(optimizer="adam", lr=0.02, batch_size=4, seed=2))
    list(trainer.run(15))
    losses, final = list(trainer.history.losses), params_copy(net)
    trainer.reset()
    assert trainer.updates == 0 and len(trainer.history) == 0 and trainer.optimizer.steps == 0
    assert_params_equal(net.params, initial)
    list(trainer.run(15))
    np.testing.assert_array_equal(trainer.history.losses, losses)
    assert_params_equal(net.params, final)


def test_run_without_a_count_works_through_the_budget():
    trainer = Trainer(elman(), echo_task(), TrainingConfig(lr=0.1, steps=12))
    assert len(list(trainer.run(5))) == 5
    assert len(list(trainer.run())) == 7
    assert list(trainer.run()) == []
    assert trainer.updates == 12


def test_truncate_passes_through_to_bptt():
    data = echo_task(sequences=4, steps=8)
    reference = elman()
    _, grads_cut, _ = reference.loss_and_gradients(data.x, data.targets, loss="ce", truncate=2)
    _, grads_full, _ = reference.loss_and_gradients(data.x, data.targets, loss="ce")
    assert not np.allclose(grads_cut["layers.0.W_a"], grads_full["layers.0.W_a"])
    net = elman()
    trainer = Trainer(net, data, TrainingConfig(optimizer="sgd", lr=0.1, truncate=2))
    report = trainer.step()
    assert report.norm_before == global_norm(grads_cut)
    for key in grads_cut:
        np.testing.assert_allclose(net.params[key], reference.params[key] - 0.1 * grads_cut[key], rtol=0, atol=1e-15)


def test_norm_clipping_inside_the_trainer():
    data = echo_task(sequences=4)
    reference = elman()
    _, grads, _ = reference.loss_and_gradients(data.x, data.targets, loss="ce")
    threshold = 0.5 * global_norm(grads)
    net = elman()
    trainer = Trainer(net, data, TrainingConfig(optimizer="sgd", lr=0.3, clip_mode="norm", clip_threshold=threshold))
    report = trainer.step()
    assert report.clipped and report.norm_before == global_norm(grads)
    assert report.norm_after == pytest.approx(threshold, rel=1e-12)
    clipped = clip_by_norm(grads, threshold).grads
    for key in grads:
        np.testing.assert_allclose(net.params[key], reference.params[key] - 0.3 * clipped[key], rtol=0, atol=1e-15)
    assert trainer.history.clipped == [True]
    assert TrainingConfig().clip_threshold == 15.0                     # the lecture's threshold


def test_evaluate_returns_the_loss_without_updating():
    data = echo_task(sequences=3)
    net = elman()
    before = params_copy(net)
    trainer = Trainer(net, data, TrainingConfig())
    expected, _, _ = elman().loss_and_gradients(data.x, data.targets, loss="ce")
    assert trainer.evaluate() == expected
    assert trainer.evaluate(data.x, data.targets) == expected
    one, _, _ = elman().loss_and_gradients(data.x[:, 1], data.targets[:, 1], loss="ce")
    assert trainer.evaluate(data.x[:, 1], data.targets[:, 1]) == pytest.approx(one, rel=1e-15)
    mask = np.ones((6, 3))
    mask[3:] = 0
    masked, _, _ = elman().loss_and_gradients(data.x, data.targets, loss="ce", mask=mask)
    assert trainer.evaluate(data.x, data.targets, mask) == masked < expected
    assert_params_equal(net.params, before)
    assert trainer.updates == 0 and len(trainer.history) == 0


def test_changing_the_config_takes_effect_at_the_next_update():
    net = elman()
    trainer = Trainer(net, echo_task(sequences=4), TrainingConfig(optimizer="momentum", lr=0.1))
    trainer.step()
    velocity = trainer.optimizer.state_dict()["buffers"]["velocity"]
    trainer.config.lr = 0.01
    trainer.config.clip_mode = "value"
    trainer.config.clip_threshold = 1e-3
    before = params_copy(net)
    report = trainer.step()
    assert trainer.optimizer.lr == 0.01 and report.clipped
    # velocity = 0.9·v1 + g2 with every |g2| ≤ 1e-3 → the step is 0.01·velocity exactly
    for key in before:
        change = (before[key] - net.params[key]) / 0.01
        np.testing.assert_allclose(change, trainer.optimizer.state_dict()["buffers"]["velocity"][key],
                                   rtol=1e-10, atol=1e-15)
        assert np.all(np.abs(change - 0.9 * velocity[key]) <= 1e-3 + 1e-12)


# -- explosion -------------------------------------------------------------------------------------------
def test_explosion_is_reported_and_not_applied():
    net, trainer = exploding_setup()
    reports = list(trainer.run(10))                   # stops at the divergence
    assert [r.finite for r in reports] == [True, False]
    first, bad = reports
    assert first.loss == pytest.approx((9.0 ** 200 - 1) / 8, rel=1e-12)     # Σ_t (3^{t−1})²
    d_wx, d_w, d_b = exploding_gradient()
    assert first.per_group_norms == pytest.approx({"layers.0.W_x": d_wx, "layers.0.W_a": d_w, "layers.0.b": d_b},
                                                  rel=1e-12)
    assert first.norm_before == pytest.approx(math.hypot(d_wx, d_w, d_b), rel=1e-12)    # d_w² would overflow
    assert bad.update == 2 and not math.isfinite(bad.loss)
    assert re.fullmatch(r"loss became (NaN|infinite) at update 2; gradient norm before it 1\.17e192", bad.message)
    assert trainer.diverged and trainer.updates == 1
    assert all(np.all(np.isfinite(v)) for v in net.params.values())
    # the weights are those after update 1 (w ≈ 3 − 0.1·1.17e192), untouched by the bad update
    after_first = trainer.last_finite_params
    assert_params_equal(net.params, after_first)
    assert net.params["layers.0.W_a"][0, 0] == pytest.approx(3.0 - 0.1 * d_w, rel=1e-12)
    assert trainer.history.finite == [True, False]
    with pytest.raises(TrainingDiverged, match="training diverged at update 2; call rollback"):
        trainer.step()
    assert list(trainer.run(5)) == []


def test_rollback_restores_weights_and_optimizer_state_exactly():
    net, trainer = exploding_setup(optimizer="momentum")
    reports = list(trainer.run(10))
    assert [r.finite for r in reports] == [True, False]
    saved_params = {k: v.copy() for k, v in trainer.last_finite_params.items()}
    saved_optimizer = trainer.optimizer.state_dict()
    assert saved_optimizer["step"] == 1
    net.params["layers.0.W_a"][0, 0] = 123.0          # the user edits a weight after the explosion
    trainer.optimizer.load_state_dict(make_optimizer("momentum", 0.1).state_dict())   # and the state is lost
    assert trainer.rollback()
    assert not trainer.diverged and len(trainer.history) == 1
    assert_params_equal(net.params, saved_params)
    restored = trainer.optimizer.state_dict()
    assert restored["step"] == 1
    assert_params_equal(restored["buffers"]["velocity"], saved_optimizer["buffers"]["velocity"])
    assert not trainer.rollback()                     # nothing left to roll back


def overflow_setup():
    """Finite loss (≈ 1e300) and gradients (≈ 1e150) that a large learning rate turns into inf weights."""
    net = Network.build(2, [{"kind": "elman", "hidden_size": 4}], {"output_size": 2, "activation": "linear"}, seed=1)
    data = TrainingData(echo_task(sequences=8).x, np.full((6, 8, 2), 1e150))
    config = TrainingConfig(loss="mse", optimizer="momentum", lr=1e-200, batch_size=3, seed=5)
    return net, Trainer(net, data, config)


def test_update_that_would_overflow_the_weights_is_not_applied():
    net, trainer = overflow_setup()
    assert trainer.step().finite
    before, optimizer_before = params_copy(net), trainer.optimizer.state_dict()
    trainer.config.lr = 1e200                         # lr · gradient ≈ 1e350 overflows to ±inf
    report = trainer.step()
    assert math.isfinite(report.loss) and math.isfinite(report.norm_before)
    assert not report.finite and trainer.diverged
    assert re.fullmatch(r"update 2 would make layers\.0\.W_x infinite; gradient norm 1\.2e151", report.message)
    assert_params_equal(net.params, before)
    assert_params_equal(trainer.last_finite_params, before)
    # the velocity buffer had already been updated in place: it is put back too
    optimizer_after = trainer.optimizer.state_dict()
    assert optimizer_after["step"] == 1
    assert_params_equal(optimizer_after["buffers"]["velocity"], optimizer_before["buffers"]["velocity"])


def test_after_rollback_the_same_update_is_retried_on_the_same_minibatch():
    net, trainer = overflow_setup()
    trainer.step()
    trainer.config.lr = 1e200
    failed = trainer.step()
    assert trainer.rollback()
    trainer.config.lr = 1e-200
    retried = trainer.step()
    assert retried.finite and retried.update == 2 and trainer.updates == 2
    assert retried.loss == failed.loss and retried.norm_before == failed.norm_before   # same weights, same batch
    assert trainer.history.updates == [1, 2] and trainer.history.finite == [True, True]


def test_clipping_by_norm_keeps_the_exploding_rnn_finite():
    net, trainer = exploding_setup(clip_mode="norm")
    reports = []
    for _ in range(30):
        before = params_copy(net)
        reports.append(trainer.step())
        moved = math.sqrt(sum(float(np.sum((net.params[k] - before[k]) ** 2)) for k in before))
        # SGD moves the weights by lr · (clipped norm): exactly 0.1 while the gradient is above 1
        assert moved == pytest.approx(0.1 * reports[-1].norm_after, rel=1e-9)
        assert moved <= 0.1 + 1e-12
    assert all(r.finite for r in reports) and not trainer.diverged
    assert all(np.all(np.isfinite(v)) for v in net.params.values())
    assert all(r.clipped and abs(r.norm_after - 1.0) <= 1e-12 for r in reports)
    assert reports[-1].loss < 1e-180 * reports[0].loss        # w came down from 3 below 1
    assert net.params["layers.0.W_a"][0, 0] < 1.0


def test_infinite_gradient_with_finite_loss_is_named_by_parameter():
    net, trainer = exploding_setup(steps=322)       # loss 2.3e306 is finite; ∂L/∂w overflows
    report = trainer.step()
    assert report.loss == pytest.approx((9.0 ** 322 - 1) / 8, rel=1e-12)
    assert report.per_group_norms["layers.0.W_a"] == math.inf and report.norm_before == math.inf
    assert report.message == "gradient of layers.0.W_a became infinite at update 1; it was the first update"
    assert trainer.diverged and net.params["layers.0.W_a"][0, 0] == 3.0


def test_nan_loss_message_names_update_and_previous_norm():
    net = elman()
    trainer = Trainer(net, echo_task(sequences=2), TrainingConfig(lr=0.1))
    trainer.step()
    norm = trainer.history.norms_before[0]
    assert 1e-3 < norm < 1e3
    net.params["head.W"][0, 0] = np.inf               # softmax of inf logits → NaN everywhere
    report = trainer.step()
    assert not report.finite and math.isnan(report.loss)
    expected = f"gradient norm before it {norm:.3g}"
    assert report.message == f"loss became NaN at update 2; {expected}"


def test_first_update_divergence_says_so():
    net, trainer = exploding_setup()
    net.params["layers.0.W_a"][0, 0] = 40.0           # 40^199 overflows in the very first forward pass
    report = trainer.step()
    assert not report.finite
    assert re.fullmatch(r"loss became (NaN|infinite) at update 1; it was the first update", report.message)


# -- settings ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("changes, message", [
    ({"loss": "hinge"}, "unknown loss 'hinge'; choose one of ce, mse"),
    ({"optimizer": "lbfgs"}, "unknown optimiser 'lbfgs'"),
    ({"lr": 0}, "the learning rate must be positive"),
    ({"clip_mode": "both"}, "unknown clipping mode 'both'"),
    ({"clip_mode": "norm", "clip_threshold": -15}, "the clipping threshold must be positive"),
    ({"truncate": 0}, "the truncation window must be a whole number ≥ 1, not 0"),
    ({"batch_size": 2.5}, "the batch size must be a whole number ≥ 1, not 2.5"),
    ({"steps": -1}, "the number of updates must be a whole number ≥ 0"),
])
def test_bad_settings_are_refused_clearly(changes, message):
    with pytest.raises(UserInputError, match=re.escape(message)):
        Trainer(elman(), echo_task(sequences=2), TrainingConfig(**changes))


def test_config_round_trips_through_a_dict():
    config = TrainingConfig(loss="mse", optimizer="adam", lr=0.01, optimizer_options={"beta1": 0.8},
                            clip_mode="value", truncate=5, seed=4, batch_size=16, steps=300)
    assert TrainingConfig.from_dict(config.to_dict()) == config
    with pytest.raises(UserInputError, match="unknown training setting 'momentum'"):
        TrainingConfig.from_dict({"momentum": 0.9})


def test_training_data_shapes():
    single = TrainingData(np.zeros((5, 2)), np.zeros(5, dtype=int), mask=np.ones(5))
    assert single.x.shape == (5, 1, 2) and single.targets.shape == (5, 1) and single.mask.shape == (5, 1)
    many = TrainingData(np.zeros((5, 3, 2)), np.zeros((5, 3, 4)), mask=np.ones(5))
    assert many.mask.shape == (5, 3)
    with pytest.raises(UserInputError, match=r"training targets must be \(5, 3\) class indices"):
        TrainingData(np.zeros((5, 3, 2)), np.zeros((5, 2)))
    with pytest.raises(UserInputError, match=r"the training mask must be \(5, 3\)"):
        TrainingData(np.zeros((5, 3, 2)), np.zeros((5, 3)), mask=np.ones((4, 3)))
    with pytest.raises(UserInputError, match="cross-entropy needs a softmax output layer"):
        Trainer(exploding_setup()[0], TrainingData(np.zeros((3, 1)), np.zeros(3, dtype=int)), TrainingConfig())
    with pytest.raises(UserInputError, match="the network takes 2 inputs per step but the training data has 3"):
        Trainer(elman(), TrainingData(np.zeros((3, 3)), np.zeros(3, dtype=int)), TrainingConfig())


def test_update_report_is_frozen():
    report = Trainer(elman(), echo_task(sequences=2), TrainingConfig()).step()
    assert isinstance(report, UpdateReport) and report.message == ""
    with pytest.raises(AttributeError):
        report.loss = 0.0
