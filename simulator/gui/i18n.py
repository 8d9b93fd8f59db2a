"""English and 简体中文: the language is switched live by (un)installing a QTranslator.

The source strings are English; `resources/i18n/rnn_simulator_zh_CN.qm` is compiled from the `.ts`
file beside it (`pyside6-lupdate` extracts, `pyside6-lrelease` compiles; see the README).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from simulator.paths import resources_dir

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

_installed: QTranslator | None = None


def qm_path(language: str):
    return resources_dir() / "i18n" / f"rnn_simulator_{language}.qm"


def default_language() -> str:
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_language(language: str) -> bool:
    """Switch the application's language; returns False (and stays in English) if it cannot."""
    global _installed
    app = QCoreApplication.instance()
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if language == "en" or language not in LANGUAGES:
        return language == "en"
    translator = QTranslator(app)
    path = qm_path(language)
    if not path.is_file() or not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    _installed = translator
    return True


def scene_text(texts: dict, language: str) -> str:
    """A scene's title or description in the UI language ({"en": …, "zh": …})."""
    key = "zh" if language.startswith("zh") else "en"
    return texts.get(key) or texts.get("en") or ""
