"""The start page (a thumbnail and one line per scene, clicking opens it) and the scene panel."""
import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt
from PySide6.QtGui import QColor

from simulator.gui.main_window import MainWindow
from simulator.gui.panels.scene_panel import ScenePanel
from simulator.gui.start_page import (LIGHT_BACKGROUND, SETTINGS_KEY, StartPage,
                                      render_thumbnail)
from simulator.model.scenes import list_scenes, load_scene
from simulator.model.session import Session

SCENES = [info.name for info in list_scenes()]


@pytest.fixture
def window(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    settings.setValue(SETTINGS_KEY, True)        # not the first start (those tests make their own)
    win = MainWindow(language="en", settings=settings, data_dir=tmp_path, scene="toy-rnn")
    qtbot.addWidget(win)
    win.animator.set_duration(0)
    win.resize(1280, 800)
    yield win
    win.session._set_dirty(False)


def _distinct_colours(pixmap, step=4):
    image = pixmap.toImage()
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


@pytest.mark.parametrize("name", SCENES)
def test_every_scene_thumbnail_renders(qtbot, name):
    project = load_scene(name)
    pixmap = render_thumbnail(project, trace=Session(project).trace)
    assert not pixmap.isNull() and pixmap.width() > 100
    colours = _distinct_colours(pixmap)
    assert QColor(LIGHT_BACKGROUND).rgb() in colours
    assert len(colours) > 10   # boxes, dots, the output strip: much more than the background


def test_start_page_lists_every_scene_in_lecture_order_with_one_line(qtbot):
    page = StartPage("en")
    qtbot.addWidget(page)
    assert list(page.cards) == SCENES
    card = page.cards["elman"]
    assert card.title.text() == "Elman network: the memory stores the hidden output a"
    assert card.line.text().startswith("2 inputs, 2 hidden units, 2 outputs")
    assert len(_distinct_colours(card.pixmap())) > 10
    groups = [label.text() for label, _ in page.group_labels]
    assert groups[:3] == ["Words and memory", "Elman, Jordan, deep and bidirectional", "LSTM and GRU"]
    # the toy RNN's long description is cut to its first sentence
    assert page.cards["toy-rnn"].line.text().endswith("every weight is 1, there are no biases and the memory "
                                                      "starts at 0.")


def test_clicking_a_card_opens_that_scene(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    page = window.start_page()
    qtbot.waitExposed(page)
    for name in ("gru", "bidirectional", "encodings"):
        page = window.start_page()
        card = page.cards[name]
        qtbot.mouseClick(card, Qt.LeftButton, pos=QPoint(20, 20))
        assert window.session.project.name == name
        assert not page.isVisible()
    assert window.session.steps == 5   # the encodings sentence has five words
    window.session.last()
    window.session.first()


def test_all_scenes_action_is_in_the_scenes_menu_with_its_shortcut(qtbot, window):
    action = window.act_all_scenes           # the main window installs the start page
    assert action.shortcut().toString() == "Ctrl+Shift+N"
    assert window.menu_scenes.actions()[0] is action
    window.retranslate()                      # rebuilds the Scenes menu from the files …
    window.menu_scenes.aboutToShow.emit()     # … and the action goes back on top when it opens
    assert window.menu_scenes.actions()[0] is action
    assert action.text() == "&All Scenes…"
    action.trigger()
    assert window._start_page_hook.page.isVisible()


def first_start_window(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "first.ini"), QSettings.IniFormat)     # no start_page/shown yet
    win = MainWindow(language="en", settings=settings, data_dir=tmp_path, scene="toy-rnn")
    qtbot.addWidget(win)
    win.animator.set_duration(0)
    return win


def test_start_page_opens_on_the_first_start_only(qtbot, tmp_path):
    window = first_start_window(qtbot, tmp_path)
    window.show()
    qtbot.waitUntil(lambda: window._start_page_hook.page is not None and window._start_page_hook.page.isVisible())
    assert window.settings.value(SETTINGS_KEY) in (True, "true")
    window._start_page_hook.page.close()
    again = MainWindow(language="en", settings=window.settings, data_dir=tmp_path, scene="toy-rnn")
    qtbot.addWidget(again)
    QCoreApplication.processEvents()  # a zero-time timer, had one been started, runs here
    assert again._start_page_hook.page is None


def test_scene_panel_shows_the_explanation_in_the_ui_language(qtbot, window):
    dock = window.scene_dock                 # the main window installs the scene panel
    window.open_scene("gru")
    panel = window.scene_panel
    title, explanation, steps = panel.texts()
    assert title == "GRU: two gates, input and forget coupled"
    assert explanation.startswith("The GRU links the input gate to the forget gate")
    assert "36" in explanation and "40" in explanation
    assert steps.startswith("Press → and watch unit 1")
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: panel.texts()[0] == "GRU：两个门，输入门与遗忘门联动")
    assert panel.texts()[1].startswith("GRU 把输入门和遗忘门连动起来")
    assert panel.texts()[2].startswith("按 → 前进")
    window.open_scene("elman")
    assert panel.texts()[0] == "Elman 网络：memory 存的是隐藏层输出 a"
    window.set_language("en")
    qtbot.waitUntil(lambda: panel.texts()[0] == "Elman network: the memory stores the hidden output a")
    assert dock.widget() is panel


def test_scene_panel_renders_chinese_glyphs(qtbot):
    """The Chinese text is drawn with a CJK font: the rendered label is not a row of empty boxes."""
    from PySide6.QtGui import QFontDatabase

    if not any("CJK" in family for family in QFontDatabase.families()):
        pytest.skip("no CJK font installed (CI installs fonts-noto-cjk)")
    panel = ScenePanel(Session(load_scene("scrn")), "zh_CN")
    qtbot.addWidget(panel)
    panel.resize(420, 400)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.texts()[0] == "SCRN：按 α 慢慢衰减的上下文"
    image = panel.title.grab().toImage()
    assert len({image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(image.height())}) > 3


def test_scene_panel_without_a_scene_text_gives_a_hint(qtbot):
    project = load_scene("toy-rnn")
    project.settings = {}
    project.description = {}
    panel = ScenePanel(Session(project), "en")
    qtbot.addWidget(panel)
    assert panel.texts()[1].startswith("Your own network")
    assert not panel.steps.isVisibleTo(panel)


def test_the_first_start_page_does_not_take_the_keys_from_the_window(qtbot, tmp_path):
    from tests.gui.test_main_window import press

    window = first_start_window(qtbot, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._start_page_hook.page is not None)
    press(qtbot, window, Qt.Key_Right, times=2)
    assert window.session.step == 2


def test_scene_texts_show_exponents_as_superscripts():
    from simulator.gui.panels.scene_panel import readable

    assert readable("the stored a^{t−1} joins; y^1000 = w^999; x^t") == "the stored aᵗ⁻¹ joins; y¹⁰⁰⁰ = w⁹⁹⁹; xᵗ"
    assert readable("f^{abc}") == "f^{abc}"          # no superscript letters for these: left as written


def test_card_texts_are_whole_lines_ending_in_an_ellipsis(qtbot):
    """A card shows at most three lines of title and four of text, cut at a line and ended with "…"
    — never half a line hidden under the next label; Chinese without spaces wraps and cuts too."""
    from PySide6.QtGui import QFont, QFontMetrics

    from simulator.gui.start_page import fit_lines

    font = QFont()
    metrics = QFontMetrics(font)
    short = "A short line"
    assert fit_lines(short, font, 200, 2) == short
    long = " ".join(["gradient"] * 60)
    fitted = fit_lines(long, font, 200, 3)
    lines = fitted.split("\n")
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= 200 for line in lines)
    chinese = "梯度" * 80
    lines = fit_lines(chinese, font, 150, 4).split("\n")
    assert len(lines) == 4 and lines[-1].endswith("…")
    assert "".join(lines).replace("…", "") == chinese[:len("".join(lines)) - 1]
