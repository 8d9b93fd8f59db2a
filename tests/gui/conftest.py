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


@pytest.fixture
def open_window(qtbot, tmp_path):
    """``open_window(scene, language="en", active=False, **kwargs)``: a shown 1280×800 MainWindow on a
    scene, with its own settings file, no start page and instant animations. At the end its views'
    workers are stopped and it closes without a "save changes?" question."""
    from PySide6.QtCore import QSettings

    from simulator.gui.main_window import MainWindow

    windows = []

    def make(scene, language="en", active=False, **kwargs):
        settings = QSettings(str(tmp_path / f"settings{len(windows)}.ini"), QSettings.IniFormat)
        settings.setValue("start_page/shown", True)     # not the first start: no start page on top
        window = MainWindow(language=language, settings=settings, data_dir=tmp_path / "data", scene=scene,
                            **kwargs)
        qtbot.addWidget(window)
        window.animator.set_duration(0)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        if active:
            window.activateWindow()   # window shortcuts (F5) need the active window
            qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.session._set_dirty(False)
        for view in window.views.values():
            if hasattr(view, "shutdown"):
                view.shutdown()
