"""The training panel: live training in a worker, plots that hold the session's history, Pause/Reset
that answer at once, explosion shown (banner, roll back exactly), a window that stays responsive."""
from __future__ import annotations

import math
import time

import numpy as np
import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("pyqtgraph")

from PySide6.QtCore import Qt, QTimer  # noqa: E402

from simulator.engine.network import Network  # noqa: E402
from simulator.engine.training import TrainingData  # noqa: E402
from simulator.gui.training.lab import TrainingLab, initialise  # noqa: E402
from simulator.gui.training.panel import TrainingView  # noqa: E402
from simulator.gui.training.worker import GeneratorWorker  # noqa: E402
from simulator.model.project import Project  # noqa: E402
from simulator.model.session import Session  # noqa: E402

training = pytest.importorskip("simulator.model.training")

WAIT_MS = 15_000


# -- set-ups -------------------------------------------------------------------------------------------
def echo_task(steps=8, sequences=16, seed=0):
    """Output the previous input (a small regression task that needs memory)."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(steps, sequences, 1))
    targets = np.concatenate([np.zeros((1, sequences, 1)), x[:-1]], axis=0)
    return training.TrainingTask("echo", "repeat the previous input", TrainingData(x, targets), None, "mse")


def exploding_task(steps=200):
    """The lecture's a^t = 3·a^{t−1} + x^t, a pulse at t = 1, targets 0: the loss is about 1e189 and
    its gradient 1e192 — the first update overflows the weights' next loss."""
    x = np.zeros((steps, 1, 1))
    x[0] = 1.0
    return training.TrainingTask("explode", "w = 3", TrainingData(x, np.zeros((steps, 1, 1))), None, "mse")


def linear_rnn(w=0.5, seed=1):
    net = Network.build(1, [{"kind": "elman", "hidden_size": 1, "activation": "linear"}],
                        {"activation": "identity"}, seed=seed)
    net.set_params({"layers.0.W_x": [[1.0]], "layers.0.W_a": [[w]], "layers.0.b": [0.0]})
    return net


def make_view(qtbot, network, task, **config):
    session = Session(Project(name="training-test", network=network, inputs=np.zeros((3, network.input_size))))
    view = TrainingView(session)
    qtbot.addWidget(view)
    view.lab.use_task(task)
    if "steps" in config:
        view.lab.choose(steps=config.pop("steps"))
    if config:
        view.lab.set_config(**config)
    view.resize(1100, 700)
    return view


@pytest.fixture
def stop_training():
    """Every lab made in a test is stopped afterwards: no worker thread outlives the test."""
    views = []
    yield views.append
    for view in views:
        view.shutdown()
        assert view.lab.worker is None


def history(view, run=0):
    return view.lab.runs[run].session.history


def wait_state(qtbot, view, *states):
    qtbot.waitUntil(lambda: view.lab.state in states, timeout=WAIT_MS)


# -- the worker on its own -----------------------------------------------------------------------------
def test_worker_pauses_resumes_counts_and_aborts(qtbot):
    received = []
    worker = GeneratorWorker(lambda: iter(range(10**9)))
    worker.yielded.connect(received.append)
    with qtbot.waitSignal(worker.pause_changed, timeout=WAIT_MS) as paused:
        worker.start(paused=True)
    assert paused.args == [True] and received == []
    worker.resume(5)                                 # five items, then paused again
    qtbot.waitUntil(lambda: len(received) == 5, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: worker.is_paused, timeout=WAIT_MS)
    with qtbot.assertNotEmitted(worker.yielded, wait=100):
        pass
    worker.resume()
    qtbot.waitUntil(lambda: len(received) > 100, timeout=WAIT_MS)
    with qtbot.waitSignal(worker.finished, timeout=WAIT_MS):
        worker.abort()
    assert worker.wait(1000) and not worker.is_running
    assert received == list(range(len(received)))   # in order, none lost, none twice


def test_worker_reports_an_error_instead_of_dying(qtbot):
    def broken():
        yield 1
        raise ValueError("bad number")

    worker = GeneratorWorker(broken)
    with qtbot.waitSignal(worker.errored, timeout=WAIT_MS) as error:
        worker.start()
    assert "ValueError: bad number" in error.args[0]
    assert worker.wait(1000)


# -- training --------------------------------------------------------------------------------------------
def test_live_plots_hold_the_session_history(qtbot, stop_training):
    view = make_view(qtbot, Network.build(1, [{"kind": "elman", "hidden_size": 4}], {"activation": "identity"},
                                          seed=3), echo_task(), lr=0.05, steps=40)
    stop_training(view)
    assert view.lab.state == "idle" and view.status.text()
    view.start()
    wait_state(qtbot, view, "finished")
    snapshots = list(history(view))
    assert [s.update for s in snapshots] == list(range(1, 41))
    assert snapshots[-1].loss < snapshots[0].loss                  # it learnt something
    qtbot.waitUntil(lambda: len(view.plots.curve_data(0, "loss")[0]) == 40, timeout=WAIT_MS)
    x, y = view.plots.curve_data(0, "loss")
    np.testing.assert_array_equal(x, [s.update for s in snapshots])
    np.testing.assert_allclose(y, [s.loss for s in snapshots], rtol=1e-12)
    _, norms = view.plots.curve_data(0, "norm_before")
    np.testing.assert_allclose(norms, [s.norm_before for s in snapshots], rtol=1e-12)
    for key in snapshots[0].per_group_norms:
        _, group = view.plots.curve_data(0, f"group:{key}")
        np.testing.assert_allclose(group, [s.per_group_norms[key] for s in snapshots], rtol=1e-12)
    assert "update 40 of 40" in view.status.text()
    # the same run from the same start by the Qt-free session gives the same numbers (repeatable)
    twin = training.TrainingSession(view.lab.runs[0].session.network, echo_task(),
                                    view.lab.runs[0].session.config)
    twin.network.set_params(view.lab.runs[0].start_params)
    assert [s.loss for s in twin.run()] == [s.loss for s in snapshots]


def test_clipping_is_drawn_with_its_threshold_and_a_marker_per_clipped_update(qtbot, stop_training):
    view = make_view(qtbot, linear_rnn(w=0.9), echo_task(steps=12), lr=0.02, steps=15, clip_mode="norm",
                     clip_threshold=0.5)
    stop_training(view)
    view.start()
    wait_state(qtbot, view, "finished")
    view.plots.refresh()
    snapshots = history(view)
    clipped = [s for s in snapshots if s.clipped]
    assert clipped, "the threshold is low enough that some updates are clipped"
    assert all(s.norm_after <= 0.5 * (1 + 1e-9) for s in snapshots)
    x, y = view.plots.curve_data(0, "clip_markers")
    np.testing.assert_array_equal(x, [s.update for s in clipped])
    np.testing.assert_allclose(y, [s.norm_before for s in clipped], rtol=1e-9)
    assert view.plots.threshold_value(0) == pytest.approx(0.5)


def test_pause_stops_updates_at_once_and_one_update_does_exactly_one(qtbot, stop_training):
    view = make_view(qtbot, linear_rnn(), echo_task(), lr=0.01, steps=10**7)
    stop_training(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=1000)
    qtbot.keyClick(view, Qt.Key.Key_F5)                             # Start, from the keyboard
    wait_state(qtbot, view, "running")
    qtbot.waitUntil(lambda: len(history(view)) >= 20, timeout=WAIT_MS)
    worker = view.lab.worker
    with qtbot.waitSignal(worker.pause_changed, timeout=WAIT_MS, check_params_cb=lambda paused: paused):
        view.pause()
    assert view.lab.state == "paused" and not view.pause_button.isEnabled()
    count = len(history(view))
    with qtbot.assertNotEmitted(worker.yielded, wait=150):
        pass
    assert len(history(view)) == count                              # nothing after the acknowledgement
    view.step_once()
    qtbot.waitUntil(lambda: len(history(view)) == count + 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: worker.is_paused, timeout=WAIT_MS)
    with qtbot.assertNotEmitted(worker.yielded, wait=100):
        pass
    assert len(history(view)) == count + 1
    view.start()                                                    # and it goes on
    qtbot.waitUntil(lambda: len(history(view)) > count + 10, timeout=WAIT_MS)


def test_reset_clears_and_the_run_repeats_exactly(qtbot, stop_training):
    view = make_view(qtbot, linear_rnn(), echo_task(), lr=0.02, steps=25)
    stop_training(view)
    run = view.lab.runs[0]
    start = {k: v.copy() for k, v in run.session.network.params.items()}
    view.start()
    wait_state(qtbot, view, "finished")
    first = [s.loss for s in history(view)]
    view.reset()
    assert view.lab.state == "idle" and history(view) == []
    assert len(view.plots.curve_data(0, "loss")[0]) == 0
    for key, value in start.items():
        np.testing.assert_array_equal(view.lab.runs[0].session.network.params[key], value)
    view.start()
    wait_state(qtbot, view, "finished")
    assert [s.loss for s in history(view)] == first


def test_a_blow_up_pauses_shows_the_message_and_roll_back_restores_exactly(qtbot, stop_training):
    view = make_view(qtbot, linear_rnn(w=3.0), exploding_task(), lr=0.1, steps=50)
    stop_training(view)
    view.show()
    view.start()
    wait_state(qtbot, view, "diverged")
    snapshots = list(history(view))
    bad = snapshots[-1]
    assert not bad.finite and all(s.finite for s in snapshots[:-1])
    assert bad.message and f"update {bad.update}" in bad.message
    qtbot.waitUntil(lambda: view.banner.isVisible(), timeout=WAIT_MS)
    assert bad.message in view.banner_label.text()
    assert view.rollback_button.isVisible() and view.rollback_button.isEnabled()
    # the numbers that led there stay on the plots, and a line marks the blow-up
    view.plots.refresh()
    x, y = view.plots.curve_data(0, "loss")
    np.testing.assert_array_equal(x, [s.update for s in snapshots])
    np.testing.assert_allclose(y[:-1], [s.loss for s in snapshots[:-1]], rtol=1e-12)
    assert view.plots.event_lines(0) == [bad.update]
    last_finite = {k: v.copy() for k, v in bad.params.items()}      # the weights before the bad update
    qtbot.mouseClick(view.rollback_button, Qt.MouseButton.LeftButton)
    assert not view.banner.isVisible()
    assert not view.lab.runs[0].session.diverged
    for key, value in last_finite.items():
        np.testing.assert_array_equal(view.lab.runs[0].session.network.params[key], value)
    assert [s.update for s in history(view)] == [s.update for s in snapshots[:-1]]
    view.plots.refresh()
    assert view.plots.event_lines(0) == [bad.update]                # marked "rolled back here"


def test_theme_zoom_and_language_switches_keep_the_curves(qtbot, stop_training):
    view = make_view(qtbot, linear_rnn(), echo_task(), lr=0.01, steps=12)
    stop_training(view)
    view.start()
    wait_state(qtbot, view, "finished")
    losses = [s.loss for s in history(view)]
    for change in (lambda: view.set_dark(True), lambda: view.set_zoom(1.6), view.retranslate,
                   lambda: view.plots.set_log(False)):
        change()
        np.testing.assert_allclose(view.plots.curve_data(0, "loss")[1], losses, rtol=1e-12)
    assert "update 12 of 12" in view.status.text()


def test_use_these_weights_sends_the_trained_weights(qtbot, stop_training):
    view = make_view(qtbot, linear_rnn(), echo_task(), lr=0.01, steps=10)
    stop_training(view)
    assert not view.apply_button.isEnabled()
    view.start()
    wait_state(qtbot, view, "finished")
    assert view.apply_button.isEnabled()
    with qtbot.waitSignal(view.params_apply_requested, timeout=WAIT_MS) as sent:
        view.apply_button.click()
    params = sent.args[0]
    for key, value in history(view)[-1].params.items():
        np.testing.assert_array_equal(params[key], value)
    assert params["layers.0.W_a"] is not history(view)[-1].params["layers.0.W_a"]     # a copy


def test_the_window_answers_while_training(qtbot, stop_training):
    view = make_view(qtbot, Network.build(1, [{"kind": "lstm", "hidden_size": 8}], {"activation": "identity"},
                                          seed=0), echo_task(steps=30, sequences=32), lr=0.01, steps=10**7)
    stop_training(view)
    view.show()
    qtbot.waitExposed(view)
    view.start()
    wait_state(qtbot, view, "running")
    # after the first redraw, which makes the plot items once (a one-off cost, not a stall in training)
    qtbot.waitUntil(lambda: len(view.lab.runs[0].curves.updates) > 0, timeout=WAIT_MS)
    gaps, last = [], [time.perf_counter()]

    def ping():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(ping)
    timer.start()
    qtbot.waitUntil(lambda: len(gaps) >= 60, timeout=WAIT_MS)
    timer.stop()
    assert len(history(view)) > 0 and view.lab.state == "running"
    assert max(gaps) < 0.2, f"the event loop stalled for {max(gaps) * 1000:.0f} ms while training"


def test_settings_change_between_updates_and_the_initialisations(qtbot, stop_training):
    net = Network.build(1, [{"kind": "lstm", "hidden_size": 3}], {"activation": "identity"}, seed=0)
    view = make_view(qtbot, net, echo_task(), lr=0.01, steps=10**7)
    stop_training(view)
    view.step_once()
    qtbot.waitUntil(lambda: len(history(view)) == 1, timeout=WAIT_MS)
    view.lr_spin.setValue(0.25)                                     # a live setting: the run goes on
    view.clip_combo.setCurrentIndex(2)
    view.clip_combo.activated.emit(2)
    config = view.lab.runs[0].session.config
    assert config.lr == 0.25 and config.clip_mode == "norm" and config.clip_threshold == 15.0
    assert len(history(view)) == 1
    # initialisation: a forget-gate bias of 1 on the LSTM's z_f rows only
    copy = Network.build(**net.config(), seed=0)
    assert initialise(copy, "forget_bias", seed=4) == ""
    bias = copy.params["layers.0.b"]
    np.testing.assert_array_equal(bias[6:9], 1.0)
    assert "no Elman or IRNN" in initialise(copy, "identity", seed=4)
    elman = Network.build(2, [{"kind": "elman", "hidden_size": 3}], {"activation": "identity"}, seed=0)
    initialise(elman, "identity", seed=4)
    np.testing.assert_array_equal(elman.params["layers.0.W_a"], np.eye(3))
    view.init_combo.setCurrentIndex(3)
    view.init_combo.activated.emit(3)                               # a new start: the runs begin again
    assert history(view) == [] and view.lab.choices["init"] == "forget_bias"
    np.testing.assert_array_equal(view.lab.runs[0].session.network.params["layers.0.b"][6:9], 1.0)


def test_a_sequence_file_becomes_the_task(qtbot, stop_training, tmp_path):
    path = tmp_path / "echo.csv"
    path.write_text("seq,x,y\n0,1,0\n0,0.5,1\n0,-1,0.5\n1,2,0\n1,1,2\n", encoding="utf-8")
    session = Session(Project(name="csv-test", network=linear_rnn(), inputs=np.zeros((2, 1))))
    view = TrainingView(session)
    qtbot.addWidget(view)
    stop_training(view)
    view.load_csv(str(path))
    task = view.lab.task
    assert task.name == "csv" and task.data.x.shape == (3, 2, 1)
    np.testing.assert_array_equal(task.data.x[:, 0, 0], [1, 0.5, -1])
    np.testing.assert_array_equal(task.data.mask, [[1, 1], [1, 1], [1, 0]])      # the shorter one is padded
    assert view.task_combo.currentData() == "csv" and "echo.csv" in view.task_description.text()
    assert view.loss_combo.isEnabled()                              # a file leaves the loss to the user
    view.step_once()
    qtbot.waitUntil(lambda: len(history(view)) == 1, timeout=WAIT_MS)
    bad = tmp_path / "bad.csv"
    bad.write_text("1,2,3,4\n", encoding="utf-8")
    view.load_csv(str(bad))                                         # 4 columns for 1 input + 1 target
    assert view.lab.runs == [] and "4 columns" in view.note.text()
    assert not view.start_button.isEnabled()


def test_the_lab_is_shared_per_app_session(qtbot):
    session = Session(Project(name="shared", network=linear_rnn(), inputs=np.zeros((2, 1))))
    assert TrainingLab.for_session(session) is TrainingLab.for_session(session)


# -- the lecture's scenes ----------------------------------------------------------------------------------
def scene_or_skip(name):
    from simulator.model.scenes import scene_names

    if name not in scene_names():
        pytest.skip(f"the {name} scene is not there yet")
    from simulator.model.scenes import load_scene

    return load_scene(name)


def test_cliff_trains_both_runs_and_the_unclipped_one_jumps(qtbot, stop_training):
    session = Session(scene_or_skip("cliff"))
    view = TrainingView(session)
    qtbot.addWidget(view)
    stop_training(view)
    names = [run.name for run in view.lab.runs]
    assert len(names) >= 2
    view.start()

    def ended():
        return view.lab.state in ("finished", "diverged")

    qtbot.waitUntil(ended, timeout=WAIT_MS)
    unclipped = next(run for run in view.lab.runs if run.session.config.clip_mode == "none")
    clipped = next(run for run in view.lab.runs if run.session.config.clip_mode != "none")
    losses = [s.loss for s in unclipped.session.history]
    spiked = any(not math.isfinite(b) or (math.isfinite(a) and b >= 10 * a) for a, b in zip(losses, losses[1:]))
    assert spiked or unclipped.session.diverged
    if view.lab.state == "diverged":
        assert view.banner.isVisible() and unclipped.name in view.banner_label.text()
        view.start()                                                # the clipped run goes on alone
        wait_state(qtbot, view, "finished", "diverged")
    assert all(s.finite for s in clipped.session.history)
    view.plots.refresh()
    for index, run in enumerate(view.lab.runs):                     # both curves overlaid
        x, _ = view.plots.curve_data(index, "loss")
        assert len(x) == len(run.session.history) > 0
        # |∂L/∂a^t| over t (columns) and training time (rows), log₁₀ colours
        rows = np.asarray([s.step_grad_norms for s in run.session.history])
        image = view.plots.heatmap_image(index)
        assert image.shape == rows.shape
        with np.errstate(divide="ignore"):
            expected = np.log10(rows)
        finite = np.isfinite(expected)
        np.testing.assert_allclose(image[finite], expected[finite], rtol=1e-12)


def test_vanishing_scene_draws_the_step_gradients(qtbot, stop_training):
    session = Session(scene_or_skip("vanishing"))
    view = TrainingView(session)
    qtbot.addWidget(view)
    stop_training(view)
    view.step_once()
    qtbot.waitUntil(lambda: all(len(run.session.history) >= 1 for run in view.lab.runs), timeout=WAIT_MS)
    view.step_once()
    # the panel shows what it has read from the histories (at most 30 times a second)
    qtbot.waitUntil(lambda: all(len(run.curves.updates) >= 2 for run in view.lab.runs), timeout=WAIT_MS)
    view.plots.refresh()
    assert [run.key for run in view.lab.runs] == ["tanh", "irnn", "lstm", "gru"]
    for index, run in enumerate(view.lab.runs):
        rows = [s.step_grad_norms for s in run.session.history]
        image = view.plots.heatmap_image(index)
        assert image is not None and image.shape == (len(rows), len(rows[0]))
        with np.errstate(divide="ignore"):
            expected = np.log10(np.abs(np.asarray(rows)))
        finite = np.isfinite(expected)
        np.testing.assert_allclose(image[finite], expected[finite], rtol=1e-12)


@pytest.mark.parametrize("scene", ["cliff", "vanishing"])
def test_the_plots_fit_the_width_they_get_on_a_1366_pixel_laptop(qtbot, stop_training, scene):
    """At 1366×768 the docks and the controls leave the plots about 640 px: every column, titles,
    keys and the heatmaps with their colour bar included, must fit in it rather than run off the
    window's right edge (long titles and keys wrap or yield their width)."""
    session = Session(scene_or_skip(scene))
    view = TrainingView(session)
    qtbot.addWidget(view)
    stop_training(view)
    view.step_once()
    qtbot.waitUntil(lambda: all(len(run.session.history) >= 1 for run in view.lab.runs), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: all(len(run.curves.updates) >= 1 for run in view.lab.runs), timeout=WAIT_MS)
    view.plots.refresh()
    if scene == "vanishing":
        assert all(view.plots.heatmap_image(index) is not None for index in range(len(view.lab.runs)))
    needed = view.plots.graphics.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()
    assert needed <= 640, f"the plots need {needed:.0f} px"
    for plot in (view.plots.loss_plot, view.plots.norm_plot, view.plots.group_plot):
        assert plot.titleLabel.effectiveSizeHint(Qt.SizeHint.MinimumSize).width() <= 120


def test_live_redraws_catch_the_heatmaps_up_after_a_quarter_second(qtbot, stop_training):
    """While training the heatmaps are redrawn at most every LIVE_HEATMAP_INTERVAL (they are the slow
    part of a redraw with four runs); a skipped redraw is made up by a timer, never lost."""
    from simulator.gui.training import plots as plots_module

    session = Session(scene_or_skip("vanishing"))
    view = TrainingView(session)
    qtbot.addWidget(view)
    stop_training(view)
    view.step_once()
    qtbot.waitUntil(lambda: all(len(run.curves.updates) >= 1 for run in view.lab.runs), timeout=WAIT_MS)
    view.plots.refresh()                                   # not live: everything now
    assert view.plots.heatmap_image(0).shape[0] == 1
    view.plots.refresh = lambda live=False: None           # the panel's own redraws wait for this test
    view.step_once()
    qtbot.waitUntil(lambda: all(len(run.curves.updates) >= 2 for run in view.lab.runs), timeout=WAIT_MS)
    del view.plots.refresh
    view.plots._heatmaps_drawn_at = plots_module.time.monotonic()     # as if drawn a moment ago
    view.plots.refresh(live=True)
    assert view.plots.heatmap_image(0).shape[0] == 1                  # the curves only, for now
    assert len(view.plots._items[0].loss.getData()[0]) == 2
    qtbot.waitUntil(lambda: view.plots.heatmap_image(0).shape[0] == 2,
                    timeout=int(3000 * plots_module.LIVE_HEATMAP_INTERVAL))


def test_a_gui_run_and_the_cli_give_identical_loss_histories(qtbot, stop_training, capsys):
    """The same scene, seed and settings: the Training tab and `python main.py train` agree number
    for number."""
    import json

    from simulator import cli

    session = Session(scene_or_skip("cliff"))
    view = TrainingView(session)
    qtbot.addWidget(view)
    stop_training(view)
    view.start()
    qtbot.waitUntil(lambda: view.lab.state in ("finished", "diverged"), timeout=WAIT_MS)
    if view.lab.state == "diverged":
        view.start()
        wait_state(qtbot, view, "finished", "diverged")
    gui = {"unclipped" if run.session.config.clip_mode == "none" else "clipped":
           [s.loss for s in run.session.history] for run in view.lab.runs}
    assert set(gui) == {"unclipped", "clipped"}
    for run_name, gui_losses in gui.items():
        capsys.readouterr()
        assert cli.main(["train", "--scene", "cliff", "--run", run_name, "--json"]) == 0
        result = json.loads(capsys.readouterr().out)
        assert len(gui_losses) > 10
        assert result["losses"] == gui_losses
