"""Key presses as a student makes them: on the active window, into the view of the current tab."""


def press(qtbot, window, key, times=1):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    view = window.tabs.currentWidget()
    view.setFocus()
    qtbot.waitUntil(lambda: view.hasFocus() or view.isAncestorOf(window.focusWidget()), timeout=1000)
    for _ in range(times):
        qtbot.keyClick(window.focusWidget(), key)
