"""Heatmaps over time: the images hold the Trace's values, the marker follows the step."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("pytestqt")
pg = pytest.importorskip("pyqtgraph")

from PySide6.QtCore import QPointF, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from simulator.engine.network import Network  # noqa: E402
from simulator.gui.views.heatmap_view import HeatmapView  # noqa: E402
from simulator.model.project import Project  # noqa: E402
from simulator.model.scenes import load_scene  # noqa: E402
from simulator.model.session import Session  # noqa: E402

pg.setConfigOptions(imageAxisOrder="row-major")

LECTURE_MEMORY = [0, 3, 3, 7, 7, 7, 0, 6, 6]
LECTURE_OUTPUT = [0, 0, 0, 0, 0, 7, 0, 0, 6]


def make_view(qtbot, session) -> HeatmapView:
    view = HeatmapView(session)
    qtbot.addWidget(view)
    return view


def row(view, key):
    return next(r for r in view._rows if r.key == key)


@pytest.fixture
def lecture(qtbot):
    session = Session(load_scene("lstm-lecture"))
    return session, make_view(qtbot, session)


def test_lstm_lecture_rows_hold_the_trace(lecture):
    session, view = lecture
    assert view.quantities() == ["a", "c", "f_i", "f_f", "f_o", "y"]
    records = session.trace.layers[0].records["forward"]
    for quantity in ("c", "f_o", "f_i", "f_f", "a"):
        data = view.image_data(quantity)
        assert data.shape == (1, 9)
        np.testing.assert_allclose(data[0], records[quantity][:, 0, 0])
        # What the ImageItem draws is the same array (not a stale or rescaled copy).
        np.testing.assert_allclose(row(view, quantity).image.image, data)
    np.testing.assert_allclose(view.image_data("c")[0], LECTURE_MEMORY, atol=1e-3)
    np.testing.assert_allclose(view.image_data("y")[0], LECTURE_OUTPUT, atol=1e-3)
    # Gates are on 0 … 1; values on a scale symmetric around 0 reaching the largest |value|.
    assert tuple(view.levels("f_o")) == (0.0, 1.0)
    low, high = view.levels("c")
    assert high == pytest.approx(7.0, abs=1e-3) and low == -high


def test_cells_are_labelled_with_the_lecture_numbers(lecture):
    _, view = lecture
    def texts(key):
        return [text.toPlainText() for text in row(view, key).values[0]]
    assert texts("c") == ["0", "3", "3", "7", "7", "7", "0", "6", "6"]
    assert texts("y") == ["0", "0", "0", "0", "0", "7", "0", "0", "6"]
    assert texts("f_f") == ["1", "1", "1", "1", "1", "1", "0", "1", "1"]


def test_marker_follows_the_step_and_dims_the_rest(lecture):
    _, view = lecture
    assert view.marker_position() == 0.0
    view.show_step(6)
    assert view.marker_position() == 6.0
    for r in view._rows:
        assert r.line.value() == 6.0
        veil = r.veil.rect()
        assert (veil.left(), veil.right()) == (6.0, 9.0)     # t = 7 … 9 not fed yet
    lines = {id(r.line) for r in view._rows}
    view.show_step(7, 0.5)                                  # halfway through feeding x⁷
    assert view.marker_position() == 6.5
    view.show_step(7, 1.0)
    assert view.marker_position() == 7.0
    view.show_step(3, 0.25)                                 # a jump back slides back too
    assert view.marker_position() == 6.0
    view.show_step(3)
    assert view.marker_position() == 3.0
    assert {id(r.line) for r in view._rows} == lines        # moved, never re-created


def test_cell_tooltip_names_symbol_step_and_value(lecture):
    _, view = lecture
    assert view._describe_cell(row(view, "c"), 0, 5) == "c′ (memory), unit 1, t = 6: 7"
    assert "forget gate" in row(view, "f_f").label.toolTip()


def test_clicking_a_fed_cell_asks_why(lecture, qtbot):
    _, view = lecture
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    view.show_step(6)
    c_row = row(view, "c")
    # Wait for the layout to settle: the cells' screen positions depend on it.
    qtbot.waitUntil(lambda: c_row.plot.getViewBox().viewRect().width() == 9, timeout=2000)
    QApplication.processEvents()

    def click(column):
        scene_pos = c_row.image.mapToScene(QPointF(column + 0.5, 0.5))
        viewport = view._graphics.viewport()
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=view._graphics.mapFromScene(scene_pos))

    with qtbot.waitSignal(view.explain_at_requested) as blocker:
        click(3)                                   # c′ at t = 4
    assert blocker.args == [3, 0, "c", 0, "forward"]
    with qtbot.assertNotEmitted(view.explain_at_requested):
        click(7)                                   # t = 8 is not fed yet
    assert view.request_explanation("y", 0, 5)


def test_new_numbers_update_the_same_items(lecture):
    session, view = lecture
    image = row(view, "c").image
    x = session.inputs().copy()
    x[1, 0] = 5.0                      # offer 5 instead of 3 at t = 2
    session.set_inputs(x)
    assert row(view, "c").image is image
    np.testing.assert_allclose(view.image_data("c")[0, :4], [0, 5, 5, 9], atol=1e-3)
    np.testing.assert_allclose(image.image[0, :4], [0, 5, 5, 9], atol=1e-3)
    assert view.levels("c")[1] == pytest.approx(9.0, abs=1e-3)


def test_w999_builds_with_a_thousand_steps(qtbot):
    session = Session(load_scene("w999"))
    view = make_view(qtbot, session)
    assert view.quantities() == ["a", "y"]
    assert view.image_data("a").shape == (1, 1000)
    assert row(view, "y").image.image.shape == (1, 1000)
    assert row(view, "y").image.width() == 1000
    session.set_weight("layers.0.W_a", (0, 0), 1.01)
    assert view.image_data("y")[0, -1] == pytest.approx(1.01 ** 999)    # ≈ 20751.6
    assert view.levels("y")[1] == pytest.approx(20751.6, rel=1e-4)
    view.show_step(1000)
    assert view.marker_position() == 1000.0
    view.resize(1000, 300)
    view.show()
    qtbot.waitExposed(view)
    view.grab()   # paints 1000 columns without trouble


def test_non_finite_values_are_shown_not_raised(qtbot):
    session = Session(load_scene("w999"))
    view = make_view(qtbot, session)
    assert not row(view, "a").nan_fill.isVisible()
    session.set_weight("layers.0.W_a", (0, 0), 1e200)     # 1, 1e200, then ∞ from t = 3
    data = view.image_data("a")[0]
    assert data[1] == 1e200 and np.isinf(data[2])
    shown = row(view, "a").image.image[0]
    assert np.isfinite(shown[:2]).all() and np.isnan(shown[2:]).all()   # ∞ shows through as "not finite"
    assert view.levels("a") == (-1e200, 1e200)
    session.set_weight("layers.0.W_a", (0, 0), np.inf)    # ∞ · 0 = NaN from t = 1
    assert np.isnan(view.image_data("a")[0, 0])
    assert row(view, "a").nan_fill.isVisible()
    assert view._describe_cell(row(view, "a"), 0, 0).endswith("NaN")
    view.resize(800, 300)
    view.show()
    qtbot.waitExposed(view)
    view.grab()


def test_two_layer_lstm_and_gru_rows(qtbot):
    net = Network.build(input_size=3, layers=[{"kind": "lstm", "hidden_size": 4},
                                              {"kind": "gru", "hidden_size": 3, "bidirectional": True}],
                        head={"output_size": 2, "activation": "softmax"}, seed=3)
    x = np.random.default_rng(0).normal(size=(12, 3))
    session = Session(Project(name="deep", network=net, inputs=x))
    view = make_view(qtbot, session)
    assert view.quantities() == [
        "layers.0.a", "layers.0.c", "layers.0.f_i", "layers.0.f_f", "layers.0.f_o",
        "layers.1.a", "layers.1.r", "layers.1.z",
        "layers.1.reverse.a", "layers.1.reverse.r", "layers.1.reverse.z", "y"]
    trace = session.trace
    np.testing.assert_allclose(view.image_data("layers.0.c"), trace.layers[0].records["forward"]["c"][:, 0].T)
    np.testing.assert_allclose(view.image_data("layers.1.reverse.z"),
                               trace.layers[1].records["reverse"]["z"][:, 0].T)
    np.testing.assert_allclose(view.image_data("y"), trace.outputs[:, 0].T)
    assert view.image_data("layers.0.f_f").shape == (4, 12)
    # Back to one layer: the rows are rebuilt with the short names.
    session.set_network(Network.build(input_size=3, layers=[{"kind": "elman", "hidden_size": 2}],
                                      head={"output_size": 2}, seed=1))
    assert view.quantities() == ["a", "y"]


def test_without_inputs_there_is_nothing_to_show(qtbot):
    net = Network.build(input_size=2, layers=[{"kind": "elman", "hidden_size": 2}], head={"output_size": 1})
    session = Session(Project(name="empty", network=net))
    view = make_view(qtbot, session)
    assert view.quantities() == [] and view.marker_position() == 0.0
    view.show_step(0)
    session.set_inputs(np.ones((4, 2)))
    assert view.quantities() == ["a", "y"] and view.image_data("a").shape == (2, 4)


def test_theme_zoom_and_language_keep_the_step(lecture):
    _, view = lecture
    view.show_step(6)
    view.set_dark(True)
    view.set_zoom(1.5)
    view.retranslate()
    assert view.marker_position() == 6.0
    np.testing.assert_allclose(view.image_data("c")[0], LECTURE_MEMORY, atol=1e-3)
