"""English and 简体中文: the language is switched live by (un)installing a QTranslator.

The source strings are English; `resources/i18n/rnn_simulator_zh_CN.qm` is compiled from the `.ts`
file beside it (`pyside6-lupdate` extracts, `pyside6-lrelease` compiles; see the README).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from simulator.paths import resources_dir

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

#: fonts with the simplified forms of the Han characters, the first one installed wins
SIMPLIFIED_CHINESE_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei",
                            "PingFang SC"]

_installed: list[QTranslator] = []


def qm_path(language: str):
    return resources_dir() / "i18n" / f"rnn_simulator_{language}.qm"


def default_language() -> str:
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_language(language: str) -> bool:
    """Switch the application's language; returns False (and stays in English) if it cannot."""
    app = QCoreApplication.instance()
    _prefer_simplified_chinese_glyphs(app)
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    if language == "en" or language not in LANGUAGES:
        return language == "en"
    translator = QTranslator(app)
    path = qm_path(language)
    if not path.is_file() or not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    # Qt's own texts (the buttons of message boxes, file dialogs, "Undo %1"), when Qt ships them.
    qt_texts = QTranslator(app)
    if qt_texts.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_texts)
        _installed.append(qt_texts)
    return True


def _prefer_simplified_chinese_glyphs(app) -> None:
    """Name a Simplified Chinese font as the fallback of the application font, once.

    Otherwise Han characters come from whichever CJK font fontconfig lists first, often the Japanese
    one, whose 门 (in 输入门) and 值 are not the forms Chinese readers know. Latin text keeps its font.
    """
    from PySide6.QtGui import QFontInfo, QGuiApplication

    if not isinstance(app, QGuiApplication) or app.property("simplified_chinese_fallback"):
        return
    font = app.font()
    font.setFamilies([QFontInfo(font).family(), *SIMPLIFIED_CHINESE_FONTS])
    app.setFont(font)
    app.setProperty("simplified_chinese_fallback", True)


def scene_text(texts: dict, language: str) -> str:
    """A scene's title or description in the UI language ({"en": …, "zh": …})."""
    key = "zh" if language.startswith("zh") else "en"
    return texts.get(key) or texts.get("en") or ""
