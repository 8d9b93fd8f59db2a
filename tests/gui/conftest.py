import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch):
    """A modal message box would block a headless test for ever: answer each one at once and keep
    what it said (tests that care replace these with their own answers)."""
    shown = []

    def answer(default):
        def show(*args, **kwargs):
            shown.append(args[2] if len(args) > 2 else kwargs.get("text", ""))
            return default
        return show

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.Discard))
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, answer(QMessageBox.Ok))
    monkeypatch.setattr(QMessageBox, "about", answer(None))
    return shown


@pytest.fixture(autouse=True, scope="module")
def nothing_left_behind(qapp):
    """After each module: objects waiting for deleteLater are deleted and garbage collected, so that
    PySide's clean-up at exit finds no wrapper of a C++ object (a worker thread's, say) that is gone."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
