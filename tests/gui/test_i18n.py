"""简体中文: the shipped translation is complete and compiled, and the workbench relabels live.

The .ts file is parsed as XML; the sources are scanned with ``ast`` for every ``self.tr("…")`` and
``QCoreApplication.translate("Context", "…")`` so a new string without a translation fails here.
"""
from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QSettings, QTranslator  # noqa: E402

from simulator.gui import i18n  # noqa: E402
from simulator.paths import resources_dir  # noqa: E402

GUI_DIR = Path(__file__).resolve().parents[2] / "simulator" / "gui"
TS_PATH = resources_dir() / "i18n" / "rnn_simulator_zh_CN.ts"
QT_APPLICATIONS = {"QCoreApplication", "QApplication", "QGuiApplication"}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
ACCELERATOR = re.compile(r"&[^&\s]")
#: names and words the Chinese lecture notes keep in English
KEPT_AS_THE_LECTURE_WRITES = {"memory", "memory (Jordan)", "LSTM", "GRU", "IRNN", "SCRN", "Jordan", "Clockwork RNN",
                              "Peephole", "Home / End"}


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """Whatever a test switches to, the next test starts in English."""
    yield
    i18n.install_language("en")


def ts_messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS_PATH).getroot()
    return [(context.findtext("name") or "", message.findtext("source"), message)
            for context in root.iter("context") for message in context.iter("message")]


# -- the sources ---------------------------------------------------------------------------------
def translation_calls(path: Path):
    """(kind, enclosing class, Call node) for every tr(…) and Qt translate(…) call in a file."""
    calls = []

    def visit(node, cls):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func = child.func
                if isinstance(func, ast.Attribute) and func.attr == "tr":
                    on_self = isinstance(func.value, ast.Name) and func.value.id == "self"
                    calls.append(("self.tr" if on_self else "tr on another object", cls, child))
                elif isinstance(func, ast.Name) and func.id == "tr":
                    calls.append(("tr", cls, child))      # an alias of self.tr
                elif (isinstance(func, ast.Attribute) and func.attr == "translate"
                      and isinstance(func.value, ast.Name) and func.value.id in QT_APPLICATIONS) or (
                        isinstance(func, ast.Name) and func.id == "translate"):
                    calls.append(("translate", cls, child))
            visit(child, cls)

    visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return calls


def source_messages() -> tuple[set[tuple[str, str]], list[str]]:
    """The (context, text) pairs Qt will look up at run time, and the calls that break the rules.

    PySide's ``self.tr`` looks the text up under the class names of the object's type, so a call
    written in class C is found under context C, which is also where lupdate files it."""
    def literal(node):
        return isinstance(node, ast.Constant) and isinstance(node.value, str)

    messages, problems = set(), []
    for path in sorted(GUI_DIR.rglob("*.py")):
        for kind, cls, call in translation_calls(path):
            where = f"{path.relative_to(GUI_DIR.parent.parent)}:{call.lineno}: {ast.unparse(call)[:70]}"
            if kind == "translate":
                if len(call.args) < 2 or not literal(call.args[0]) or not literal(call.args[1]):
                    problems.append(f"{where} — context and text must be string literals")
                else:
                    messages.add((call.args[0].value, call.args[1].value))
            elif not call.args or not literal(call.args[0]):
                problems.append(f"{where} — tr() takes a string literal (no f-string, no variable)")
            elif kind == "tr on another object" or cls is None:
                problems.append(f"{where} — call self.tr inside a class, or QCoreApplication.translate")
            else:
                messages.add((cls, call.args[0].value))
    return messages, problems


def test_tr_and_translate_get_string_literals_only():
    messages, problems = source_messages()
    assert not problems, "\n".join(problems)
    assert len(messages) > 300          # the scan really found the GUI's texts


def test_every_gui_text_has_a_finished_translation_under_its_context():
    messages, _ = source_messages()
    finished = {(context, source) for context, source, message in ts_messages()
                if message.find("translation").get("type") is None and (message.find("translation").text or "")}
    missing = sorted(messages - finished)
    assert not missing, ("texts without a Chinese translation (run pyside6-lupdate and translate them, see "
                         "resources/i18n/README.md):\n" + "\n".join(f"  {c}: {s!r}" for c, s in missing))


# -- the translation file --------------------------------------------------------------------------
def test_every_message_in_the_ts_file_is_translated_and_keeps_its_placeholders():
    messages = ts_messages()
    assert len(messages) > 300
    for context, source, message in messages:
        translation = message.find("translation")
        label = f"{context}: {source!r}"
        assert translation.get("type") is None, f"{label} is {translation.get('type')}"
        assert translation.text and translation.text.strip(), f"{label} has no translation"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation.text)), label
        if ACCELERATOR.search(source):   # a menu or label with a key: Chinese writes "文件(&F)"
            assert len(ACCELERATOR.findall(translation.text)) == 1, label
        if re.search(r"[A-Za-z]{3,}", PLACEHOLDER.sub("", source)) and source not in KEPT_AS_THE_LECTURE_WRITES:
            assert re.search(r"[\u4e00-\u9fff]", translation.text), f"{label} is not in Chinese"


def test_the_compiled_qm_file_holds_exactly_the_ts_translations(qapp):
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path("zh_CN")))
    for context, source, message in ts_messages():
        assert translator.translate(context, source) == message.find("translation").text, (context, source)


def test_install_language_switches_translations_on_and_off(qapp):
    assert i18n.install_language("zh_CN") is True
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert QCoreApplication.translate("Commands", "Change the network") == "修改网络"
    assert i18n.install_language("en") is True
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert i18n.install_language("xx") is False


# -- the live switch ---------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path):
    from simulator.gui.main_window import MainWindow

    window = MainWindow(language="en", settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat),
                        data_dir=tmp_path)
    qtbot.addWidget(window)
    window.animator.set_duration(0)
    yield window
    window.session._set_dirty(False)    # no "save changes?" dialog while tearing down


def shown_texts(window) -> dict:
    """What the widgets show now, read back from them."""
    network, cell = window.view("network"), window.view("cell")
    unrolled, heatmap = window.view("unrolled"), window.view("heatmap")
    player = window.player
    return {
        "menus": [menu.title() for menu in (window.menu_file, window.menu_edit, window.menu_view,
                                            window.menu_scenes, window.menu_help)],
        "docks": [dock.windowTitle() for dock in (window.builder_dock, window.sequence_dock, window.explain_dock)],
        "tabs": [window.tabs.tabText(i) for i in range(window.tabs.count())],
        "player": [player.label_text(), player._speed_label.text(), player._duration_label.text(),
                   player._duration.suffix()],
        "status": window.status.text(),
        "builder": window.builder.summary_text(),
        "sequence": [window.sequence_editor._add_button.text(), window.sequence_editor._inline_label.text()],
        "network": [item.text() for item, _caption, _tip in network._captions],
        "unrolled": [label.text() for label in unrolled._labels if isinstance(label.data(1), tuple)],
        "cell": cell.current().message_text(),
        "heatmap": [re.findall(r">([^<>]+)</span>", row.label.text)[-1] for row in heatmap._rows],   # the words
    }


ENGLISH = {
    "menus": ["&File", "&Edit", "&View", "&Scenes", "&Help"],
    "docks": ["Network builder", "Input sequence", "Why this number?"],
    "tabs": ["Network", "Cell", "Unrolled", "Heatmaps", "Training", "Loss surface", "Slots"],
    "player": ["step 2 / 3", "&Speed", "&Animation", " ms"],
    "status": "Step 2 of 3",
    "builder": "Simple RNN (Elman), 1 layer × 2 units: 14 parameters",
    "sequence": ["+ Step", "&Inline:"],
    "network": ["x · input", "memory", "a · layer 1: Elman (linear)", "y · output (linear)"],
    "unrolled": ["m⁰", "x  input", "layer 1", "y  output"],
    "cell": "This network has no LSTM layer. Choose LSTM in the builder to see its cell.",
    "heatmap": ["hidden output", "output"],
}
CHINESE = {
    "menus": ["文件(&F)", "编辑(&E)", "视图(&V)", "场景(&S)", "帮助(&H)"],
    "docks": ["网络构建器", "输入序列", "这个数怎么来的？"],
    "tabs": ["网络", "单元", "按时间展开", "热力图", "训练", "损失曲面", "槽位"],
    "player": ["第 2 / 3 步", "速度(&S)", "动画(&A)", " 毫秒"],
    "status": "第 2 步，共 3 步",
    "builder": "简单 RNN（Elman），1 层 × 2 个神经元：14 个参数",
    "sequence": ["+ 一步", "单行(&I)："],
    "network": ["x · 输入", "memory", "a · 第 1 层：Elman (linear)", "y · 输出（linear）"],
    "unrolled": ["m⁰", "x  输入", "第 1 层", "y  输出"],
    "cell": "这个网络没有 LSTM 层。在网络构建器里选择 LSTM 才能看到它的单元。",
    "heatmap": ["隐藏层输出", "输出"],
}


def test_switching_to_chinese_relabels_every_part_live_and_back(window):
    window.session.go(2)
    assert shown_texts(window) == ENGLISH

    window.set_language("zh_CN")
    assert window.language == "zh_CN" and window.language_actions["zh_CN"].isChecked()
    assert shown_texts(window) == CHINESE

    window.set_language("en")
    assert shown_texts(window) == ENGLISH
    assert window.settings.value("language") == "en"


def test_the_lstm_cell_view_speaks_chinese_through_its_base_class(window):
    """Texts written in the shared base class of the LSTM and GRU views are found from the subclass."""
    window.open_scene("lstm-lecture")
    window.session.go(6)
    lstm = window.show_view("cell").current()
    english = lstm.tooltip_for("z_f")
    assert english.endswith("\nClick to see the arithmetic with the numbers.")

    window.set_language("zh_CN")
    assert lstm.tooltip_for("z_f") == ("z_f：操控遗忘门的信号。通过 f 决定 memory 保留多少。\n"
                                       "点击查看用实际数值的计算过程。")
    assert lstm.layer_combo.toolTip() == "显示哪一层的单元"
    window.set_language("en")
    assert lstm.tooltip_for("z_f") == english
