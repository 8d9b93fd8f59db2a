"""Presentation mode (F5) as a lecturer uses it with a clicker: keys, blanking, leaving, and no clipped
text at 1920×1080 and 1280×720 (pytest-qt, headless).

Offscreen, full screen is only a window state (the "screen" is 800 px wide), so the tests check the
mode's own flag and the chrome's visibility, and resize the window to the projector's size.
Set RNN_SIM_SCREENSHOTS=DIR to keep the screenshots (docs/screenshots holds the committed ones).
"""
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDoubleSpinBox

from simulator.gui.main_window import MainWindow
from simulator.gui.presentation import SMALLEST_TEXT_PX_AT_1080, FormulaBand
from simulator.model.scenes import load_scene
from simulator.model.session import Session


@pytest.fixture
def make_window(open_window):
    def make(scene="lstm-lecture"):
        window = open_window(scene, active=True)
        assert window.presentation is not None      # the main window installs presentation mode
        return window
    return make


def key(qtbot, window, k, times=1, modifier=Qt.NoModifier):
    """A key as the system delivers it: to the widget with the focus (the window if none has it)."""
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget() or window, k, modifier)


def chrome_visible(window) -> dict:
    return {"builder": window.builder_dock.isVisible(), "sequence": window.sequence_dock.isVisible(),
            "explain": window.explain_dock.isVisible(), "menu": window.menuBar().isVisible(),
            "status": window.statusBar().isVisible(), "player": window.player.isVisible(),
            "tabs": window.tabs.tabBar().isVisible()}


def test_f5_enters_with_the_editing_chrome_hidden(qtbot, make_window):
    window = make_window()
    assert all(chrome_visible(window).values())
    key(qtbot, window, Qt.Key_F5)
    presentation = window.presentation
    assert presentation.active and window.act_presentation.isChecked()
    assert window.windowState() & Qt.WindowFullScreen
    assert not any(chrome_visible(window).values())
    assert presentation.band.isVisible()
    assert presentation.band.status.text().startswith("step 0 / 9")
    # Before x¹ the rules without numbers.
    assert presentation.band.formula_text() == "c′ = g(z)·f(z_i) + c·f(z_f)\na = h(c′)·f(z_o)"
    assert presentation.action in window.menu_view.actions()
    # The keys' hint shows until the first key, and fits beside the status at 1920×1080.
    window.resize(1920, 1080)
    band = presentation.band
    qtbot.waitUntil(lambda: band.hint.isVisible() and band.hint.x() > band.status.x())
    assert_no_clipped_text(band)
    key(qtbot, window, Qt.Key_Right)
    assert not band.hint.isVisible()


def test_clicker_keys_step_whatever_has_the_focus(qtbot, make_window):
    window = make_window()
    key(qtbot, window, Qt.Key_F5)
    band = window.presentation.band
    key(qtbot, window, Qt.Key_PageDown, times=6)
    assert window.session.step == 6
    assert "= 7" in band.formulas[0].text() and band.formulas[0].text().endswith("= 7")
    assert band.formulas[1].text() == "a = h(c′)·f(z_o) = 7·1 = 7"
    assert band.status.text() == "step 6 / 9   ·   x⁶ = (1, 0, 1)"
    key(qtbot, window, Qt.Key_PageUp)
    assert window.session.step == 5
    assert band.status.text() == "step 5 / 9   ·   x⁵ = (2, 0, 0)"
    # A spin box would keep ← and → for itself in the workbench; while presenting they step.
    spin = window.player.findChild(QDoubleSpinBox, "playerSpeed")
    qtbot.keyClick(spin, Qt.Key_Right)
    assert window.session.step == 6
    qtbot.keyClick(window.view("cell"), Qt.Key_Space)
    assert window.session.step == 7
    qtbot.keyClick(band.formulas[0], Qt.Key_Left)
    assert window.session.step == 6
    key(qtbot, window, Qt.Key_End)
    assert window.session.step == 9 and band.formulas[0].text().endswith("= 6")
    key(qtbot, window, Qt.Key_Home)
    assert window.session.step == 0


def test_b_blanks_the_screen_and_b_or_a_step_key_shows_it_again(qtbot, make_window):
    window = make_window()
    key(qtbot, window, Qt.Key_F5)
    key(qtbot, window, Qt.Key_PageDown, times=2)
    blank = window.presentation.blank
    key(qtbot, window, Qt.Key_B)
    assert blank.isVisible() and window.presentation.blanked
    assert blank.geometry() == window.rect()
    shown = window.grab().toImage()
    assert {shown.pixelColor(x, y).name() for x in (5, shown.width() // 2, shown.width() - 5)
            for y in (5, shown.height() // 2, shown.height() - 5)} == {"#000000"}
    key(qtbot, window, Qt.Key_B)
    assert not blank.isVisible()
    key(qtbot, window, Qt.Key_B)
    key(qtbot, window, Qt.Key_PageDown)   # the first press only shows the screen again
    assert not blank.isVisible() and window.session.step == 2
    key(qtbot, window, Qt.Key_PageDown)
    assert window.session.step == 3


def test_esc_restores_docks_menus_geometry_zoom_and_theme(qtbot, make_window):
    window = make_window()
    window.set_zoom(0.9)
    window.explain_dock.hide()            # a dock the user had closed stays closed
    cell = window.view("cell")
    before = chrome_visible(window)
    geometry = window.geometry()
    key(qtbot, window, Qt.Key_F5)
    window.resize(1920, 1080)
    key(qtbot, window, Qt.Key_D)          # dark theme while presenting
    assert window.dark and window.presentation.band.dark
    key(qtbot, window, Qt.Key_Equal, modifier=Qt.ControlModifier)
    assert window.presentation.zoom == pytest.approx(1.15)
    key(qtbot, window, Qt.Key_Escape)
    assert not window.presentation.active and not window.act_presentation.isChecked()
    assert chrome_visible(window) == before and not before["explain"]
    assert window.windowState() == Qt.WindowNoState and window.geometry() == geometry
    assert window.zoom == pytest.approx(0.9) and window.settings.value("zoom", type=float) == pytest.approx(0.9)
    assert cell.current()._zoom == pytest.approx(0.9)
    assert not window.dark and window.settings.value("theme") == "light"
    assert not window.presentation.band.isVisible()
    # Outside presentation mode the keys are the workbench's again: D does nothing, → steps once.
    step = window.session.step
    key(qtbot, window, Qt.Key_D)
    assert not window.dark and window.session.step == step


def test_type_scales_with_the_projector_and_with_ctrl_plus_minus(qtbot, make_window):
    window = make_window()
    key(qtbot, window, Qt.Key_F5)
    window.resize(1920, 1080)
    band = window.presentation.band
    key(qtbot, window, Qt.Key_PageDown, times=6)
    smallest = min(label.font().pixelSize() for label in (band.status, band.hint, *band.formulas))
    assert smallest >= SMALLEST_TEXT_PX_AT_1080
    # The cell view's smallest type is zoom × 11 pt: at least as large as the band's.
    assert window.view("cell").current()._zoom * 11 * window.logicalDpiY() / 72 >= SMALLEST_TEXT_PX_AT_1080
    size = band.formulas[1].font().pixelSize()
    key(qtbot, window, Qt.Key_Equal, modifier=Qt.ControlModifier)
    assert band.formulas[1].font().pixelSize() > size
    key(qtbot, window, Qt.Key_Minus, modifier=Qt.ControlModifier, times=2)
    assert band.formulas[1].font().pixelSize() < size
    key(qtbot, window, Qt.Key_0, modifier=Qt.ControlModifier)
    assert band.formulas[1].font().pixelSize() == size


def test_closing_while_presenting_saves_the_workbench_layout(qtbot, make_window):
    window = make_window()
    key(qtbot, window, Qt.Key_F5)
    key(qtbot, window, Qt.Key_D)
    window.close()
    assert not window.presentation.active
    assert window.settings.value("theme") == "light"
    fresh = MainWindow(language="en", settings=window.settings, data_dir=window.data_dir, scene="lstm-lecture")
    qtbot.addWidget(fresh)
    fresh.show()
    qtbot.waitExposed(fresh)
    assert fresh.builder_dock.isVisible() and fresh.explain_dock.isVisible() and fresh.menuBar().isVisible()


def assert_no_clipped_text(band, formulas=2):
    labels = [band.status, band.hint, *band.formulas]
    shown = [label for label in labels if label.isVisible()]
    assert band.status in shown and len([f for f in band.formulas if f.isVisible()]) == formulas
    for label in shown:
        room = label.contentsRect()
        if label.wordWrap():
            assert label.heightForWidth(room.width()) <= room.height(), label.text()
        else:
            assert label.fontMetrics().horizontalAdvance(label.text()) <= room.width(), label.text()
            assert label.fontMetrics().height() <= room.height(), label.text()
        # and the label lies inside the band, the band inside the window
        assert band.rect().contains(QRect(label.mapTo(band, label.rect().topLeft()), label.size()))
    assert band.height() >= band.minimumSizeHint().height()
    assert band.mapTo(band.window(), band.rect().bottomRight()).y() < band.window().height()


@pytest.mark.parametrize("size, dark", [((1920, 1080), False), ((1280, 720), False), ((1280, 720), True)])
def test_no_clipped_text_at_projector_sizes(qtbot, make_window, tmp_path, size, dark):
    window = make_window()
    key(qtbot, window, Qt.Key_F5)
    window.resize(*size)
    if dark:
        key(qtbot, window, Qt.Key_D)
    key(qtbot, window, Qt.Key_PageDown, times=6)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    band = window.presentation.band
    assert band.formulas[0].text() == "c′ = g(z)·f(z_i) + c·f(z_f) = 1·4.54×10⁻⁵ + 7·1 = 4.54×10⁻⁵ + 6.999 = 7"
    assert_no_clipped_text(band)
    out = Path(os.environ.get("RNN_SIM_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    name = f"presentation-{'dark-' if dark else ''}{size[0]}x{size[1]}.png"
    image = window.grab()
    assert (image.width(), image.height()) == size
    assert image.save(str(out / name))


@pytest.mark.parametrize("width, px, full", [(1400, 36, True), (1000, 24, True), (600, 36, False)])
def test_a_long_formula_shrinks_then_drops_its_middle_line_rather_than_clip(qtbot, width, px, full):
    session = Session(load_scene("lstm-lecture"))
    session.go(6)
    band = FormulaBand(session)
    qtbot.addWidget(band)
    band.set_smallest_px(20)
    band.resize(width, 300)
    band.show()
    qtbot.waitExposed(band)
    band.refresh()
    band.layout().activate()
    first = "c′ = g(z)·f(z_i) + c·f(z_f) = " + ("1·4.54×10⁻⁵ + 7·1 = 4.54×10⁻⁵ + 6.999 = 7" if full else "7")
    assert [label.text() for label in band.formulas] == [first, "a = h(c′)·f(z_o) = 7·1 = 7"]
    assert {label.font().pixelSize() for label in band.formulas} == {px}   # one size for all lines
    assert_no_clipped_text(band)


def test_other_networks_show_the_hidden_sum_and_the_output_sum(qtbot, make_window):
    window = make_window("toy-rnn")
    key(qtbot, window, Qt.Key_F5)
    window.resize(1920, 1080)
    key(qtbot, window, Qt.Key_Right, times=3)
    assert window.presentation.band.formula_text() == ("a₁ = 1·x₁ + 1·x₂ + 1·m₁ + 1·m₂ = 2 + 2 + 6 + 6 = 16\n"
                                                       "y₁ = 1·a₁ + 1·a₂ = 16 + 16 = 32")
    assert window.presentation.band.status.text() == "step 3 / 3   ·   x³ = (2, 2)"


def test_slot_filling_shows_each_words_answer(qtbot, make_window):
    """For the slot-filling models the band gives the step's answer, the lecture's point, instead of
    a hidden unit's sum: Taipei after "arrive" is the destination."""
    window = make_window("slot-filling")
    key(qtbot, window, Qt.Key_F5)
    window.resize(1920, 1080)
    key(qtbot, window, Qt.Key_Right, times=2)
    probabilities = window.session.trace.outputs[1, 0]
    text = window.presentation.band.formula_text()
    assert text.startswith("y² = softmax(W·a² + b):  destination ")
    assert f"destination {100 * probabilities.max():.1f} %" in text
    assert window.presentation.band.status.text() == "step 2 / 5   ·   x² = “Taipei”"
    assert_no_clipped_text(window.presentation.band, formulas=1)


class _Chinese(QTranslator):
    """A stand-in for the shipped .qm: a few of this module's strings in Chinese."""
    TEXTS = {("FormulaBand", "step {step} / {steps}"): "第 {step} / {steps} 步",
             ("Presentation", "&Presentation Mode"): "演示模式(&P)"}

    def isEmpty(self):
        return False

    def translate(self, context, source, disambiguation=None, n=-1):
        return self.TEXTS.get((context, source), "")


def test_a_language_switch_relabels_the_band_and_the_action_live(qtbot, make_window):
    window = make_window()
    key(qtbot, window, Qt.Key_F5)
    key(qtbot, window, Qt.Key_PageDown, times=2)
    translator = _Chinese()
    QApplication.instance().installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: window.presentation.band.status.text().startswith("第 2 / 9 步"))
        assert window.act_presentation.text() == "演示模式(&P)"
    finally:
        QApplication.instance().removeTranslator(translator)
    qtbot.waitUntil(lambda: window.presentation.band.status.text().startswith("step 2 / 9"))
    assert window.act_presentation.text() == "&Presentation Mode"
