"""The loss-surface view: the heatmap holds ``loss_surface``'s numbers, overflow is flagged, the paths
lie at their ``trajectory_coordinates``, the 3-D view degrades to a note, and the w999 power view."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("pyqtgraph")

from simulator.engine.network import Network  # noqa: E402
from simulator.engine.surface import DirectionAxes, ParamAxis, loss_surface, trajectory_coordinates  # noqa: E402
from simulator.engine.training import TrainingData  # noqa: E402
from simulator.gui.views.surface_view import SurfaceView, contour_segments, power_value_text  # noqa: E402
from simulator.model.project import Project  # noqa: E402
from simulator.model.scenes import load_scene  # noqa: E402
from simulator.model.session import Session  # noqa: E402

training = pytest.importorskip("simulator.model.training")

WAIT_MS = 15_000


def pulse_task(steps=40, target=0.0):
    """A 1 at t = 1, then zeros; the target at every step is ``target`` (MSE)."""
    x = np.zeros((steps, 1, 1))
    x[0] = 1.0
    return training.TrainingTask("pulse", "a pulse", TrainingData(x, np.full((steps, 1, 1), target)), None, "mse")


def linear_rnn(w=0.8):
    net = Network.build(1, [{"kind": "elman", "hidden_size": 1, "activation": "linear"}],
                        {"activation": "identity"}, seed=1)
    net.set_params({"layers.0.W_x": [[1.0]], "layers.0.W_a": [[w]], "layers.0.b": [0.1]})
    return net


@pytest.fixture
def surface_view(qtbot):
    views = []

    def make(network, task, **config):
        session = Session(Project(name="surface-test", network=network, inputs=np.zeros((2, 1))))
        view = SurfaceView(session)
        qtbot.addWidget(view)
        views.append(view)
        view.lab.use_task(task)
        if "steps" in config:
            view.lab.choose(steps=config.pop("steps"))
        if config:
            view.lab.set_config(**config)
        view.resize(1000, 700)
        return view

    yield make
    for view in views:
        view.shutdown()
        assert view.surface._worker is None and view.lab.worker is None


def wait_final(qtbot, view):
    panel = view.surface
    qtbot.waitUntil(lambda: panel.result is not None and panel.result.final and not panel.is_computing(),
                    timeout=WAIT_MS)
    return panel.result


def choose_weights(view, first: str, second: str, span: float):
    panel = view.surface
    panel.axes_combo.setCurrentIndex(panel.axes_combo.findData(panel.AXES_WEIGHTS))
    panel.alpha_combo.setCurrentText(first)
    panel.beta_combo.setCurrentText(second)
    panel.span_spin.setValue(span)
    panel.grid_combo.setCurrentIndex(0)                             # 33 × 33
    panel._settings_changed()


def test_the_heatmap_holds_loss_surface_numbers(qtbot, surface_view):
    view = surface_view(linear_rnn(), pulse_task(target=0.5))
    assert view.mode == "surface"
    choose_weights(view, "layers.0.W_a[0, 0]", "layers.0.b[0]", span=0.5)
    result = wait_final(qtbot, view)
    network = view.lab.runs[0].session.network
    task = view.lab.task
    axes = (ParamAxis("layers.0.W_a", (0, 0)), ParamAxis("layers.0.b", (0,)))
    expected = loss_surface(network, task.data.x, task.data.targets, "mse", axes, grid=33, span=0.5)
    np.testing.assert_allclose(result.alpha, expected.alpha)
    np.testing.assert_allclose(result.beta, expected.beta)
    np.testing.assert_allclose(result.loss, expected.loss, rtol=1e-12)
    assert result.center == pytest.approx((0.8, 0.1))
    # what the ImageItem draws: log₁₀ of the loss (the default), then the loss itself
    np.testing.assert_allclose(view.surface.image.image, np.log10(expected.loss), rtol=1e-12)
    view.surface.log_check.setChecked(False)
    np.testing.assert_allclose(view.surface.image.image, expected.loss, rtol=1e-12)
    # the image covers the cells around the grid points, the cross marks the centre
    rect = view.surface.image.mapRectToParent(view.surface.image.boundingRect())
    step = expected.alpha[1] - expected.alpha[0]
    assert rect.left() == pytest.approx(expected.alpha[0] - step / 2)
    assert rect.width() == pytest.approx(step * 33)
    x, y = view.surface.centre_marker.getData()
    assert (x[0], y[0]) == pytest.approx((0.8, 0.1))
    assert not view.surface.non_finite_fill.isVisible()


def test_overflow_cells_are_flagged_and_named_in_the_legend(qtbot, surface_view):
    # a^t = w^(t−1) for 400 steps: the loss overflows to inf for w ≳ 5.9
    view = surface_view(linear_rnn(w=3.0), pulse_task(steps=400))
    choose_weights(view, "layers.0.W_a[0, 0]", "layers.0.b[0]", span=4.0)
    result = wait_final(qtbot, view)
    network = view.lab.runs[0].session.network
    task = view.lab.task
    axes = (ParamAxis("layers.0.W_a", (0, 0)), ParamAxis("layers.0.b", (0,)))
    expected = loss_surface(network, task.data.x, task.data.targets, "mse", axes, grid=33, span=4.0)
    bad = ~np.isfinite(expected.loss)
    assert bad.any() and not bad.all()
    np.testing.assert_array_equal(~result.finite_mask, bad)
    image = view.surface.image.image
    assert np.isnan(image[bad]).all() and np.isfinite(image[~bad]).all()
    assert view.surface.non_finite_fill.isVisible() and view.surface.non_finite_hatch.isVisible()
    labels = [label.text for _, label in view.surface.legend.items]
    assert "overflow / NaN" in labels
    assert f"{int(bad.sum())} of {bad.size} points overflow" in view.surface.status.text()


def test_paths_lie_at_their_trajectory_coordinates(qtbot, surface_view):
    view = surface_view(linear_rnn(), pulse_task(target=0.5), lr=0.002, steps=12)
    choose_weights(view, "layers.0.W_a[0, 0]", "layers.0.b[0]", span=0.5)
    wait_final(qtbot, view)
    view.lab.start()
    qtbot.waitUntil(lambda: view.lab.state == "finished", timeout=WAIT_MS)
    result = wait_final(qtbot, view)                                # recomputed around the new weights
    run = view.lab.runs[0]
    params = [run.start_params] + [s.params for s in run.session.history]
    axes = (ParamAxis("layers.0.W_a", (0, 0)), ParamAxis("layers.0.b", (0,)))
    expected_a, expected_b = trajectory_coordinates(axes, params)
    alpha, beta = view.surface.trajectory(0)
    np.testing.assert_allclose(alpha, expected_a)
    np.testing.assert_allclose(beta, expected_b)
    x, y = view.surface.paths[0].getData()
    np.testing.assert_allclose(x, expected_a)
    np.testing.assert_allclose(y, expected_b)
    ends = view.surface.ends[0].getData()
    assert (ends[0][0], ends[1][0]) == pytest.approx((expected_a[-1], expected_b[-1]))
    assert result.center == pytest.approx((expected_a[-1], expected_b[-1]))   # centred on the trained weights


def test_random_directions_project_the_path_onto_a_fixed_plane(qtbot, surface_view):
    net = Network.build(1, [{"kind": "elman", "hidden_size": 3}], {"output_size": 1, "activation": "identity"},
                        seed=2)
    view = surface_view(net, pulse_task(steps=10, target=0.3), lr=0.05, steps=6)
    panel = view.surface
    panel.axes_combo.setCurrentIndex(panel.axes_combo.findData(panel.AXES_DIRECTIONS))
    panel.seed_spin.setValue(5)
    panel.grid_combo.setCurrentIndex(0)
    panel._settings_changed(new_plane=True)
    result = wait_final(qtbot, view)
    network = view.lab.runs[0].session.network
    axes = DirectionAxes.random(network, seed=5)
    task = view.lab.task
    expected = loss_surface(network, task.data.x, task.data.targets, "mse", axes, grid=33, span=1.0)
    np.testing.assert_allclose(result.loss, expected.loss, rtol=1e-10)
    view.lab.start()
    qtbot.waitUntil(lambda: view.lab.state == "finished", timeout=WAIT_MS)
    run = view.lab.runs[0]
    expected_a, expected_b = trajectory_coordinates(axes, [run.start_params] + [s.params for s in run.session.history])
    alpha, beta = panel.trajectory(0)
    np.testing.assert_allclose(alpha, expected_a, atol=1e-12)
    np.testing.assert_allclose(beta, expected_b, atol=1e-12)
    assert panel.result is result                                   # a fixed plane: not recomputed


def test_contours_lie_on_the_level():
    # a cone: the contour at level r is the circle of radius r around the apex (up to the linear
    # interpolation along the cell edges, exact at the endpoints' edges for a cone)
    i, j = np.meshgrid(np.arange(41.0), np.arange(31.0), indexing="ij")
    cone = np.hypot(i - 20, j - 14)
    for level in (3.0, 7.5, 12.0):
        x, y = contour_segments(cone, level)
        assert len(x) > 0 and len(x) % 2 == 0                          # endpoint pairs
        np.testing.assert_allclose(np.hypot(x - 20, y - 14), level, atol=0.03)
    # a saddle cell is split, never joined across: 4 crossings give 2 segments
    x, y = contour_segments(np.array([[1.0, 0.0], [0.0, 1.0]]), 0.5)
    assert len(x) == 4
    assert contour_segments(np.zeros((3, 3)), 1.0)[0].size == 0


def test_theme_zoom_and_language_switches_keep_the_numbers(qtbot, surface_view):
    view = surface_view(linear_rnn(), pulse_task(target=0.5))
    result = wait_final(qtbot, view)
    before = view.surface.image.image.copy()
    view.set_dark(True)
    view.set_zoom(1.5)
    view.retranslate()
    np.testing.assert_array_equal(view.surface.image.image, before)
    assert view.surface.result is result


def test_three_d_falls_back_to_the_map_with_a_note(qtbot, surface_view):
    view = surface_view(linear_rnn(), pulse_task())
    wait_final(qtbot, view)
    view.surface.three_d_check.setChecked(True)
    assert "3-D view needs OpenGL; showing the 2-D map" in view.surface.note_text()
    assert view.surface.pages.currentWidget() is view.surface.graphics
    view.surface.three_d_check.setChecked(False)
    assert view.surface.note_text() == ""


def test_cliff_overlays_both_runs_from_the_same_start(qtbot):
    from simulator.model.scenes import scene_names

    if "cliff" not in scene_names():
        pytest.skip("the cliff scene is not there yet")
    session = Session(load_scene("cliff"))
    view = SurfaceView(session)
    qtbot.addWidget(view)
    try:
        wait_final(qtbot, view)
        runs = view.lab.runs
        assert len(runs) >= 2 and len(view.surface.paths) == len(runs)
        for run in runs[1:]:
            for key, value in run.start_params.items():
                np.testing.assert_array_equal(value, runs[0].start_params[key])
        view.lab.step_once()
        qtbot.waitUntil(lambda: all(len(run.session.history) >= 1 for run in runs), timeout=WAIT_MS)
        view.surface._redraw_paths()
        for index in range(len(runs)):
            x, _ = view.surface.paths[index].getData()
            assert len(x) == len(runs[index].session.history) + 1
    finally:
        view.shutdown()


# -- w999 ------------------------------------------------------------------------------------------------
@pytest.fixture
def power(qtbot):
    session = Session(load_scene("w999"))
    view = SurfaceView(session)
    qtbot.addWidget(view)
    yield session, view
    view.shutdown()


def test_w999_shows_the_power_and_the_lecture_numbers(power):
    session, view = power
    assert view.mode == "power"
    page = view.power
    expected = {e["w"]: e["last_output"] for e in session.project.settings["expected"]}
    page.set_w(1.01)
    assert "20751.6" in page.readout_text()
    for w, value in expected.items():
        page.set_w(w)
        assert power_value_text(value) in page.readout_text()
        assert page.outputs_for(np.array([w]))[0] == pytest.approx(value, rel=1e-12, abs=0)
    assert [b.text() for b in page.point_buttons] == ["w = 0.01", "w = 0.99", "w = 1", "w = 1.01"]
    # the gradient beside it: ∂y¹⁰⁰⁰/∂w = 999·w⁹⁹⁸ by BPTT
    assert page.gradient_at(1.01) == pytest.approx(999 * 1.01 ** 998, rel=1e-9)
    assert page.gradient_at(0.99) == pytest.approx(999 * 0.99 ** 998, rel=1e-9)
    # the slider moves w in steps of 0.001 and the readout follows
    page.slider.setValue(990)
    assert page.w() == 0.99 and power_value_text(expected[0.99]) in page.readout_text()
    # 0.01^999 underflows to exactly 0: said in words
    assert "0.01" in page.underflow_note.text()


def test_use_this_w_asks_for_an_undoable_weight_edit(qtbot, power):
    _, view = power
    view.power.set_w(1.01)
    with qtbot.waitSignal(view.weight_edit_requested, timeout=WAIT_MS) as edit:
        view.power.use_button.click()
    assert edit.args == ["layers.0.W_a", 0, 1.01]


def test_the_power_curve_is_the_network_s_output(power):
    session, view = power
    page = view.power
    ws = page._curve_w
    finite = (page._curve_y > 0) & np.isfinite(page._curve_y)
    with np.errstate(under="ignore"):
        exact = ws[finite] ** 999
    np.testing.assert_allclose(page._curve_y[finite], exact, rtol=1e-9)
    x, y = page.value_curve.getOriginalDataset()
    np.testing.assert_array_equal(x, ws)
    assert np.isnan(y[~finite]).all()
