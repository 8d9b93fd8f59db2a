"""The main window: views in the middle, builder / sequence / explanation as docks, the player below.

Views are created when their tab is first shown (the first paint needs only the network view), and
all of them are driven by one StepAnimator. Every edit goes through the undo stack.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QInputDialog, QLabel, QMainWindow,
                               QMessageBox, QStackedWidget, QTabWidget, QVBoxLayout, QWidget)

from simulator.errors import UserInputError
from simulator.model.session import Session

from . import i18n
from .animation import StepAnimator
from .commands import SetInputsCommand, SetNetworkCommand, SetTextCommand, set_weight_command
from .panels.explain_panel import ExplainPanel
from .views.base import StepView

MAX_RECENT = 8
AUTOSAVE_INTERVAL_MS = 30_000


class CellTab(StepView):
    """The LSTM cell view or the GRU cell view, whichever fits the network."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        from .views.cell_view import GruCellView, LstmCellView

        self.lstm = LstmCellView(session)
        self.gru = GruCellView(session)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.lstm)
        self.stack.addWidget(self.gru)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        for view in (self.lstm, self.gru):
            view.explain_requested.connect(self.explain_requested)
            view.weight_edit_requested.connect(self.weight_edit_requested)
        self.rebuild()

    def current(self) -> StepView:
        return self.stack.currentWidget()

    def rebuild(self):
        kinds = [layer.cell.kind for layer in self.session.network.layers]
        self.stack.setCurrentWidget(self.gru if "gru" in kinds and "lstm" not in kinds else self.lstm)
        self.current().rebuild()

    def show_step(self, step, progress=1.0):
        super().show_step(step, progress)
        self.current().show_step(step, progress)

    def retranslate(self):
        self.lstm.retranslate()
        self.gru.retranslate()

    def set_dark(self, dark):
        self.lstm.set_dark(dark)
        self.gru.set_dark(dark)

    def set_zoom(self, factor):
        for view in (self.lstm, self.gru):
            if hasattr(view, "set_zoom"):
                view.set_zoom(factor)


def _network_view(session):
    from .views.network_view import NetworkView
    return NetworkView(session)


def _unrolled_view(session):
    from .views.unrolled_view import UnrolledView
    return UnrolledView(session)


def _heatmap_view(session):
    from .views.heatmap_view import HeatmapView
    return HeatmapView(session)


def _training_view(session):
    from .training.panel import TrainingView
    return TrainingView(session)


def _surface_view(session):
    from .views.surface_view import SurfaceView
    return SurfaceView(session)


def _slot_view(session):
    from .views.slot_view import SlotView
    return SlotView(session)


VIEW_FACTORIES = {"network": _network_view, "cell": CellTab, "unrolled": _unrolled_view,
                  "heatmap": _heatmap_view, "training": _training_view, "surface": _surface_view,
                  "slots": _slot_view}


class MainWindow(QMainWindow):
    def __init__(self, language: str | None = None, settings: QSettings | None = None,
                 data_dir: str | Path | None = None, scene: str = "toy-rnn"):
        super().__init__()
        self.settings = settings or QSettings()
        self.data_dir = Path(data_dir) if data_dir else Path(
            QStandardPaths.writableLocation(QStandardPaths.AppDataLocation) or Path.home() / ".rnn-simulator")
        self.language = language or self.settings.value("language", i18n.default_language())
        i18n.install_language(self.language)
        self.dark = self.settings.value("theme", "light") == "dark"
        self.zoom = float(self.settings.value("zoom", 1.0))

        from simulator.model.scenes import load_scene

        self.session = Session(load_scene(scene))
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

        # Central: the views as tabs, created lazily, with the player below.
        self.views: dict[str, StepView] = {}
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._tab_names = list(VIEW_FACTORIES)
        for _ in self._tab_names:
            self.tabs.addTab(QWidget(), "")
        self.tabs.currentChanged.connect(self._ensure_tab)
        from .panels.player import PlayerBar

        self.player = PlayerBar(self.session)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.player)
        self.setCentralWidget(central)

        self.animator = StepAnimator(self.session, lambda: list(self.views.values()), self)
        self.player.animation_duration_changed.connect(self.animator.set_duration)
        self.animator.set_duration(int(self.settings.value("animation_ms", 600)))

        self._build_docks()
        self._build_actions()
        self._build_menus()
        self.player.install_shortcuts(self)
        from .panels.scene_panel import install_scene_panel
        from .start_page import install_start_page

        from .presentation import install_presentation

        install_scene_panel(self, Qt.LeftDockWidgetArea)
        self.tabifyDockWidget(self.builder_dock, self.scene_dock)   # "about this scene" first, builder a tab away
        self.scene_dock.raise_()
        install_start_page(self)
        install_presentation(self)
        from .export_dialog import install_export

        install_export(self)
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)

        self.session.project_changed.connect(self._on_project_changed)
        self.session.dirty_changed.connect(lambda _dirty: self._update_title())
        self.session.step_changed.connect(self._update_status)
        self.session.trace_changed.connect(self._update_status)

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

        self.resize(1280, 800)
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window_state")
        if not (isinstance(state, QByteArray) and self.restoreState(state)):
            # First start: a slim formula strip at the bottom, the builder above the sequence.
            self.resizeDocks([self.explain_dock], [96], Qt.Vertical)
            self.resizeDocks([self.builder_dock, self.sequence_dock], [430, 330], Qt.Vertical)
            self.resizeDocks([self.builder_dock], [330], Qt.Horizontal)
        self.apply_theme(self.dark)
        if self.zoom != 1.0:
            self.set_zoom(self.zoom)
        self._on_project_changed()
        self.retranslate()

    # -- building ------------------------------------------------------------------------------
    def _build_docks(self):
        from .panels.builder import BuilderPanel
        from .panels.sequence_editor import SequenceEditor

        self.builder = BuilderPanel(self.session)
        self.builder.network_edit_requested.connect(
            lambda net: self.undo_stack.push(SetNetworkCommand(self.session, net)))
        self.sequence_editor = SequenceEditor(self.session)
        self.sequence_editor.inputs_edit_requested.connect(self.edit_inputs)
        self.sequence_editor.text_edit_requested.connect(self.edit_text)
        self.explain_panel = ExplainPanel(self.session)

        self.builder_dock = self._dock("builder", self.builder, Qt.LeftDockWidgetArea)
        self.sequence_dock = self._dock("sequence", self.sequence_editor, Qt.LeftDockWidgetArea)
        self.explain_dock = self._dock("explain", self.explain_panel, Qt.BottomDockWidgetArea)

    def _dock(self, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                         | QDockWidget.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, slot, shortcut=None, checkable=False) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def _build_actions(self):
        S = QKeySequence
        self.act_new = self._action(self.new_project, S.New)
        self.act_open = self._action(self.open_dialog, S.Open)
        self.act_save = self._action(self.save, S.Save)
        self.act_save_as = self._action(self.save_as, S.SaveAs)
        self.act_import = self._action(self.import_torch_dialog, QKeySequence("Ctrl+I"))
        self.act_export = self._action(self.export_dialog, QKeySequence("Ctrl+E"))
        self.act_quit = self._action(self.close, S.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self)
        self.act_undo.setShortcut(S.Undo)
        self.act_redo = self.undo_stack.createRedoAction(self)
        self.act_redo.setShortcuts([S.Redo, QKeySequence("Ctrl+Y")])
        self.act_edit_matrix = self._action(self.edit_matrix_dialog, QKeySequence("Ctrl+M"))
        self.act_reset_memory = self._action(self.reset_memory)
        self.act_zoom_in = self._action(lambda: self.set_zoom(self.zoom * 1.15), S.ZoomIn)
        self.act_zoom_out = self._action(lambda: self.set_zoom(self.zoom / 1.15), S.ZoomOut)
        self.act_zoom_reset = self._action(lambda: self.set_zoom(1.0), QKeySequence("Ctrl+0"))
        self.theme_group = QActionGroup(self)
        self.act_light = self._action(lambda: self.apply_theme(False), checkable=True)
        self.act_dark = self._action(lambda: self.apply_theme(True), checkable=True)
        for action in (self.act_light, self.act_dark):
            self.theme_group.addAction(action)
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for code, name in i18n.LANGUAGES.items():
            action = self._action(lambda _checked=False, c=code: self.set_language(c), checkable=True)
            action.setText(name)  # a language's own name is never translated
            action.setChecked(code == self.language)
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.act_shortcuts = self._action(self.show_shortcuts, S.HelpContents)
        self.act_about = self._action(self.show_about)

    def _build_menus(self):
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_recent = self.menu_file.addMenu("")
        self.menu_file.insertAction(self.menu_recent.menuAction(), self.act_new)
        self.menu_file.insertAction(self.menu_recent.menuAction(), self.act_open)
        self.menu_file.addSeparator()
        for action in (self.act_save, self.act_save_as):
            self.menu_file.addAction(action)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_import)
        self.menu_file.addAction(self.act_export)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)

        self.menu_edit = bar.addMenu("")
        for action in (self.act_undo, self.act_redo):
            self.menu_edit.addAction(action)
        self.menu_edit.addSeparator()
        self.menu_edit.addAction(self.act_edit_matrix)
        self.menu_edit.addAction(self.act_reset_memory)

        self.menu_view = bar.addMenu("")
        self.menu_panels = self.menu_view.addMenu("")
        for dock in (self.builder_dock, self.sequence_dock, self.explain_dock):
            self.menu_panels.addAction(dock.toggleViewAction())
        self.menu_theme = self.menu_view.addMenu("")
        self.menu_theme.addAction(self.act_light)
        self.menu_theme.addAction(self.act_dark)
        self.menu_view.addSeparator()
        for action in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            self.menu_view.addAction(action)
        self.menu_view.addSeparator()
        self.menu_language = self.menu_view.addMenu("")
        for action in self.language_actions.values():
            self.menu_language.addAction(action)

        self.menu_scenes = bar.addMenu("")
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_shortcuts)
        self.menu_help.addAction(self.act_about)
        self._rebuild_scene_menu()
        self._rebuild_recent_menu()

    def _rebuild_scene_menu(self):
        from simulator.model.scenes import list_scenes

        self.menu_scenes.clear()
        if hasattr(self, "act_all_scenes"):      # the start page's "All Scenes…" stays on top
            self.menu_scenes.addAction(self.act_all_scenes)
            self.menu_scenes.addSeparator()
        for info in list_scenes():
            action = self.menu_scenes.addAction(i18n.scene_text(info.title, self.language))
            action.setToolTip(i18n.scene_text(info.description, self.language))
            action.setData(info.name)
            action.triggered.connect(lambda _checked=False, name=info.name: self.open_scene(name))

    def _rebuild_recent_menu(self):
        self.menu_recent.clear()
        recent = self.recent_files()
        for path in recent:
            action = self.menu_recent.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        self.menu_recent.setEnabled(bool(recent))

    # -- language, theme, zoom ------------------------------------------------------------------
    def retranslate(self):
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_recent.setTitle(self.tr("Open &Recent"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_panels.setTitle(self.tr("&Panels"))
        self.menu_theme.setTitle(self.tr("&Theme"))
        self.menu_language.setTitle(self.tr("&Language"))
        self.menu_scenes.setTitle(self.tr("&Scenes"))
        self.menu_help.setTitle(self.tr("&Help"))
        texts = {
            self.act_new: (self.tr("&New"), self.tr("Start a new network (a simple RNN of the lecture)")),
            self.act_open: (self.tr("&Open…"), self.tr("Open a project file")),
            self.act_save: (self.tr("&Save"), self.tr("Save the project")),
            self.act_save_as: (self.tr("Save &As…"), self.tr("Save the project under a new name")),
            self.act_import: (self.tr("&Import PyTorch Weights…"),
                              self.tr("Load an nn.RNN, nn.LSTM or nn.GRU state_dict saved with numpy.savez")),
            self.act_export: (self.tr("&Export…"),
                              self.tr("Export the animation as GIF, MP4 or PNG frames, or a picture of a view")),
            self.act_quit: (self.tr("&Quit"), self.tr("Close RNN Simulator")),
            self.act_edit_matrix: (self.tr("Edit Weight &Matrix…"), self.tr("Edit a whole weight matrix or bias vector")),
            self.act_reset_memory: (self.tr("Reset &Memory to Zero"), self.tr("Set the initial memory values to 0")),
            self.act_zoom_in: (self.tr("Zoom &In"), self.tr("Larger numbers and labels")),
            self.act_zoom_out: (self.tr("Zoom &Out"), self.tr("Smaller numbers and labels")),
            self.act_zoom_reset: (self.tr("&Reset Zoom"), self.tr("The default size")),
            self.act_light: (self.tr("&Light"), self.tr("Dark text on a light background")),
            self.act_dark: (self.tr("&Dark"), self.tr("Light text on a dark background")),
            self.act_shortcuts: (self.tr("&Keyboard Shortcuts"), self.tr("List the keys")),
            self.act_about: (self.tr("&About RNN Simulator"), ""),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setStatusTip(tip)
            action.setToolTip(tip or text.replace("&", ""))
        self.act_undo.setText(self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo"))
        self.builder_dock.setWindowTitle(self.tr("Network builder"))
        self.sequence_dock.setWindowTitle(self.tr("Input sequence"))
        self.explain_dock.setWindowTitle(self.tr("Why this number?"))
        self._retranslate_tabs()
        for widget in [*self.views.values(), self.builder, self.sequence_editor, self.explain_panel, self.player]:
            if hasattr(widget, "retranslate"):
                widget.retranslate()
        self._rebuild_scene_menu()
        self._update_title()
        self._update_status()

    def _retranslate_tabs(self):
        tab_titles = {"network": self.tr("Network"), "cell": self.tr("Cell"), "unrolled": self.tr("Unrolled"),
                      "heatmap": self.tr("Heatmaps"), "training": self.tr("Training"),
                      "surface": self.tr("Loss surface"), "slots": self.tr("Slots")}
        tab_tips = {"network": self.tr("The network with its current values; click a value to see its arithmetic"),
                    "cell": self.tr("Inside one LSTM or GRU cell: gates as valves, the memory as a tank"),
                    "unrolled": self.tr("The same network used once per step, weights shared"),
                    "heatmap": self.tr("Hidden values, memory and gates against time"),
                    "training": self.tr("Train the network live: loss, gradient norms, clipping, explosion"),
                    "surface": self.tr("The loss over two weights around the current ones, with the training's path"),
                    "slots": self.tr("Slot filling: each word of a sentence gets its slot, step by step, with the "
                                     "models' F1 table")}
        for index, name in enumerate(self._tab_names):
            self.tabs.setTabText(index, tab_titles[name])
            self.tabs.setTabToolTip(index, tab_tips[name])

    def set_language(self, language: str):
        if language not in i18n.LANGUAGES:
            return
        if not i18n.install_language(language) and language != "en":
            QMessageBox.warning(self, self.tr("Language"),
                                self.tr("The translation file for {language} is missing; staying in English.")
                                .format(language=i18n.LANGUAGES[language]))
            language = "en"
            i18n.install_language("en")
        self.language = language
        self.language_actions[language].setChecked(True)
        self.settings.setValue("language", language)
        self.retranslate()

    def apply_theme(self, dark: bool):
        self.dark = bool(dark)
        (self.act_dark if self.dark else self.act_light).setChecked(True)
        app = QApplication.instance()
        app.setStyle("Fusion")
        if self.dark:
            palette = QPalette()
            for role, color in ((QPalette.Window, "#1e2128"), (QPalette.WindowText, "#eceff4"),
                                (QPalette.Base, "#16181d"), (QPalette.AlternateBase, "#22262e"),
                                (QPalette.Text, "#eceff4"), (QPalette.Button, "#2a2e36"),
                                (QPalette.ButtonText, "#eceff4"), (QPalette.Highlight, "#5b9bff"),
                                (QPalette.HighlightedText, "#000000"), (QPalette.ToolTipBase, "#2a2e36"),
                                (QPalette.ToolTipText, "#eceff4"), (QPalette.PlaceholderText, "#9aa3ae")):
                palette.setColor(role, QColor(color))
            for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
                palette.setColor(QPalette.Disabled, role, QColor("#6b7280"))   # disabled must look disabled
            app.setPalette(palette)
        else:
            app.setPalette(app.style().standardPalette())
        for widget in [*self.views.values(), self.player, self.sequence_editor, self.builder]:
            if hasattr(widget, "set_dark"):
                widget.set_dark(self.dark)
        self.settings.setValue("theme", "dark" if self.dark else "light")

    def set_zoom(self, factor: float):
        self.zoom = float(min(4.0, max(0.5, factor)))
        for widget in [*self.views.values(), self.player, self.sequence_editor]:
            if hasattr(widget, "set_zoom"):
                widget.set_zoom(self.zoom)
        self.settings.setValue("zoom", self.zoom)

    # -- views ------------------------------------------------------------------------------------
    def _ensure_tab(self, index: int) -> StepView | None:
        if index < 0:
            return None
        name = self._tab_names[index]
        if name in self.views:
            return self.views[name]
        view = VIEW_FACTORIES[name](self.session)
        view.explain_requested.connect(self.show_explanation)
        view.weight_edit_requested.connect(self.edit_weight)
        if hasattr(view, "params_apply_requested"):      # the training lab's "Use these weights"
            view.params_apply_requested.connect(self.apply_trained_params)
        if hasattr(view, "network_apply_requested"):     # … of a run with an architecture of its own
            view.network_apply_requested.connect(self.apply_trained_network)
        if hasattr(view, "matrix_edit_requested"):
            view.matrix_edit_requested.connect(self.edit_matrix)
        if hasattr(view, "text_edit_requested"):          # the slot view's sentence box
            view.text_edit_requested.connect(self.edit_text)
        if hasattr(view, "model_change_requested"):
            view.model_change_requested.connect(self.switch_slot_model)
        if hasattr(view, "scene_requested"):
            view.scene_requested.connect(self.open_scene)
        if hasattr(view, "explain_at_requested"):
            view.explain_at_requested.connect(
                lambda t, layer, quantity, unit, direction: self.explain_panel.show_explanation(
                    layer, quantity, unit, direction, t))
        self.views[name] = view
        self.tabs.blockSignals(True)
        current = self.tabs.currentIndex()
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, view, "")
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        view.set_dark(self.dark)
        if hasattr(view, "set_zoom"):
            view.set_zoom(self.zoom)
        view.rebuild()
        view.show_step(self.session.step, 1.0)
        view.retranslate()
        self._retranslate_tabs()
        return view

    def view(self, name: str) -> StepView:
        """The view called ``name`` (created if needed), e.g. for tests and export."""
        return self._ensure_tab(self._tab_names.index(name))

    def show_view(self, name: str) -> StepView:
        view = self.view(name)
        self.tabs.setCurrentWidget(view)
        return view

    def show_explanation(self, layer: int, quantity: str, unit: int, direction: str):
        self.explain_panel.show_explanation(layer, quantity, unit, direction)
        self.explain_dock.show()
        self.explain_dock.raise_()

    def _on_project_changed(self):
        for view in self.views.values():
            view.rebuild()
            view.show_step(self.session.step, 1.0)
        # A newly opened project shows its scene's first view; an edit of the open one (a new
        # architecture, another slot-filling model, an undo) leaves the student where they are.
        opened = self.session.project is not getattr(self, "_project_shown", None)
        self._project_shown = self.session.project
        views = self.session.settings().get("views") if self.session.project else None
        first = self._first_view(views)
        if opened and first is not None and not getattr(self, "_keep_tab", False):
            self.show_view(first)
        else:
            self._ensure_tab(self.tabs.currentIndex())
        self._update_title()
        self._update_status()

    def _first_view(self, views) -> str | None:
        """The tab a newly opened project starts on: its scene's first view; a slot-filling model
        starts on the Slots tab even if its scene does not say so."""
        if isinstance(views, list) and views and views[0] in self._tab_names:
            if "slots" not in views and self._is_slot_project():
                return "slots"
            return views[0]
        return "slots" if self._is_slot_project() else None

    def _is_slot_project(self) -> bool:
        project = self.session.project
        if project is None or project.encoding is None:
            return False
        try:
            from simulator.model import slot_filling

            return slot_filling.model_of(project)[0] is not None
        except Exception:  # noqa: BLE001 - any project can be opened; only slot-filling ones count
            return False

    def _update_title(self):
        project = self.session.project
        name = Path(self.session.path).name if self.session.path else (
            i18n.scene_text(project.title, self.language) if project else "")
        self.setWindowTitle(f"{name}[*] — RNN Simulator")
        self.setWindowModified(self.session.dirty)

    def _update_status(self, *_):
        if self.session.trace is None:
            self.status.setText(self.tr("No inputs"))
            return
        message = self.tr("Step {step} of {steps}").format(step=self.session.step, steps=self.session.steps)
        if not self.session.trace.finite:
            message += "  ·  " + self.tr("some values overflowed (shown as ∞ or NaN)")
        self.status.setText(message)

    def _on_clean_changed(self, clean: bool):
        self.session._set_dirty(not clean)

    # -- edits ------------------------------------------------------------------------------------
    def edit_weight(self, key: str, flat_index: int, value: float):
        if not np.isfinite(value):
            self.statusBar().showMessage(self.tr("A weight must be a finite number"), 5000)
            return
        self.undo_stack.push(set_weight_command(self.session, key, flat_index, value))

    def edit_inputs(self, inputs):
        self.undo_stack.push(SetInputsCommand(self.session, inputs))

    def edit_text(self, text: str):
        from simulator.engine.encoding import encoding_from_spec
        from simulator.io.sequence import tokenize_text

        encoding = encoding_from_spec(self.session.project.encoding)
        try:
            command = SetTextCommand(self.session, text, lambda s: encoding.encode_sentence(tokenize_text(s)))
        except UserInputError as error:
            self.statusBar().showMessage(str(error), 8000)
            return
        self.undo_stack.push(command)

    def switch_slot_model(self, model: str, encoding: str):
        """Use another pre-trained slot-filling network (and word encoding), keeping the sentence."""
        from .views.slot_view import SwitchSlotModelCommand

        try:
            command = SwitchSlotModelCommand(self.session, model, encoding, self.language)
        except (UserInputError, OSError) as error:
            self.statusBar().showMessage(str(error), 8000)
            return
        self.undo_stack.push(command)

    def apply_trained_params(self, values: dict):
        from .commands import SetParamsCommand

        command = SetParamsCommand(self.session, values, self.tr("Use the trained weights"))
        if command.new:
            self.undo_stack.push(command)

    def apply_trained_network(self, network, run: str = ""):
        """A training run's own network (another architecture, e.g. the GRU run of the slot-filling
        or the vanishing scene) becomes the project's, weights and all: one undoable edit. A
        slot-filling project then names the run's model, so the Slots tab shows which it is."""
        from .commands import SetNetworkCommand

        command = SetNetworkCommand(self.session, network, carry_weights=False,
                                    text=self.tr("Use the trained network ({run})").format(run=run or "—"))
        settings = self.session.project.settings.get("slot_filling")
        if isinstance(settings, dict) and run:
            from simulator.model import slot_filling

            if run in slot_filling.MODELS:
                command.settings_change = (settings, dict(settings, model=run))
        self.undo_stack.push(command)

    def edit_matrix(self, key: str, values):
        from .commands import SetParameterCommand

        self.undo_stack.push(SetParameterCommand(self.session, key, values, self.tr("Edit {name}").format(name=key)))

    def edit_matrix_dialog(self):
        from .panels.matrix_editor import MatrixEditorDialog

        keys = list(self.session.network.params)
        if not keys:
            return
        key, ok = QInputDialog.getItem(self, self.tr("Edit weight matrix"), self.tr("Parameter:"), keys, 0, False)
        if not ok:
            return
        dialog = MatrixEditorDialog(self.session.network, key, parent=self, dark=self.dark)
        if dialog.exec():
            self.edit_matrix(key, dialog.values())

    def reset_memory(self):
        for key, value in self.session.network.memory.items():
            self.session.set_memory(key, np.zeros_like(value))

    # -- files ------------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes. True means: go ahead."""
        if not self.session.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The project has unsaved changes. Save them first?"),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def new_project(self):
        if not self.maybe_save():
            return
        from simulator.model.scenes import load_scene

        project = load_scene("toy-rnn")
        project.name = "untitled"
        project.title = {"en": "untitled", "zh": "未命名"}
        project.network.init_params(np.random.default_rng())
        self._open_project(project, None)

    def open_scene(self, name: str):
        if not self.maybe_save():
            return
        from simulator.model.scenes import load_scene

        try:
            project = load_scene(name)
        except UserInputError as error:
            QMessageBox.warning(self, self.tr("Scene"), str(error))
            return
        self._open_project(project, None)

    def _open_project(self, project, path):
        self.undo_stack.clear()
        self.session.open(project, path)
        self.undo_stack.setClean()

    def open_dialog(self):
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), self._last_dir(),
                                              self.tr("RNN Simulator projects (*.json);;All files (*)"))
        if path:
            self.open_file(path, ask=False)

    def open_file(self, path, ask: bool = True) -> bool:
        from simulator.io.project_file import load_project

        if ask and not self.maybe_save():
            return False
        try:
            project = load_project(path)
        except UserInputError as error:
            QMessageBox.warning(self, self.tr("Cannot open the file"), str(error))
            self._forget_recent(str(path))
            return False
        self._open_project(project, path)
        self._remember_recent(str(path))
        return True

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        suggested = str(Path(self._last_dir()) / f"{self.session.project.name}.json")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save project"), suggested,
                                              self.tr("RNN Simulator projects (*.json)"))
        if not path:
            return False
        if not path.endswith(".json"):
            path += ".json"
        return self.save_to(path)

    def save_to(self, path) -> bool:
        from simulator.io.project_file import save_project

        try:
            save_project(path, self.session.project)
        except (UserInputError, OSError) as error:
            QMessageBox.critical(self, self.tr("Cannot save"), str(error))
            return False
        self.session.mark_saved(path)
        self.undo_stack.setClean()
        self._remember_recent(str(path))
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 4000)
        return True

    def import_torch_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import PyTorch weights"), self._last_dir(),
                                              self.tr("PyTorch state_dict saved with numpy.savez (*.npz)"))
        if path:
            self.import_torch(path)

    def import_torch(self, path, cell: str | None = None) -> bool:
        from simulator.cli import TORCH_CELLS, infer_torch_cell
        from simulator.io.torch_state import load_state_npz, network_from_state_dict

        try:
            arrays = load_state_npz(path)
            guess = infer_torch_cell(arrays)
            if cell is None:
                options = list(TORCH_CELLS)
                cell, ok = QInputDialog.getItem(self, self.tr("Import PyTorch weights"),
                                                self.tr("Which module saved these weights?"), options,
                                                options.index(guess) if guess in options else 0, False)
                if not ok:
                    return False
            network = network_from_state_dict(arrays, cell)
        except UserInputError as error:
            QMessageBox.warning(self, self.tr("Cannot import the weights"), str(error))
            return False
        self.undo_stack.push(SetNetworkCommand(self.session, network, carry_weights=False,
                                               text=self.tr("Import {name}").format(name=Path(path).name)))
        return True

    def export_dialog(self):
        view = self.tabs.currentWidget()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the current view"),
                                              str(Path(self._last_dir()) / "view.png"),
                                              self.tr("PNG image (*.png)"))
        if path:
            self.animator.finish()
            if not view.grab().save(path):
                QMessageBox.critical(self, self.tr("Cannot export"), self.tr("Could not write {path}").format(path=path))

    def _last_dir(self) -> str:
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])][:MAX_RECENT]

    def _remember_recent(self, path: str):
        path = str(Path(path).resolve())
        recent = [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent_files", [path] + recent[:MAX_RECENT - 1])
        self._rebuild_recent_menu()

    def _forget_recent(self, path: str):
        resolved = str(Path(path).resolve())
        self.settings.setValue("recent_files", [p for p in self.recent_files() if p != resolved])
        self._rebuild_recent_menu()

    # -- autosave and crash recovery -------------------------------------------------------------
    def autosave_path(self) -> Path:
        return self.data_dir / "autosave" / "autosave.json"

    def autosave(self) -> bool:
        """Write the project beside the user's files while there are unsaved changes."""
        if not self.session.dirty:
            return False
        from simulator.io.project_file import save_project

        project = self.session.project.copy()
        project.metadata = dict(project.metadata)
        project.metadata["autosave_of"] = str(self.session.path) if self.session.path else ""
        try:
            self.autosave_path().parent.mkdir(parents=True, exist_ok=True)
            save_project(self.autosave_path(), project)
        except (OSError, UserInputError):
            return False
        return True

    def offer_autosave_recovery(self, accept: bool | None = None) -> bool:
        """After a crash the autosave is still there: offer it back (``accept`` answers for tests)."""
        path = self.autosave_path()
        if not path.is_file():
            return False
        from simulator.io.project_file import load_project

        if accept is None:
            answer = QMessageBox.question(
                self, self.tr("Recover unsaved work?"),
                self.tr("RNN Simulator did not close normally last time. Restore the unsaved project?"),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
            accept = answer == QMessageBox.Yes
        if not accept:
            path.unlink(missing_ok=True)
            return False
        try:
            project = load_project(path)
        except UserInputError as error:
            QMessageBox.warning(self, self.tr("Cannot recover"), str(error))
            path.unlink(missing_ok=True)
            return False
        original = project.metadata.pop("autosave_of", "") or None
        self._open_project(project, original)
        self.session._set_dirty(True)
        self._update_title()
        return True

    def _discard_autosave(self):
        self.autosave_path().unlink(missing_ok=True)

    # -- help ------------------------------------------------------------------------------------
    def shortcut_rows(self) -> list[tuple[str, str]]:
        return [(self.tr("→ or Space"), self.tr("Feed the next input (one step)")),
                (self.tr("←"), self.tr("One step back")),
                (self.tr("Home / End"), self.tr("First / last step")),
                (QKeySequence(QKeySequence.Undo).toString(), self.tr("Undo")),
                (QKeySequence(QKeySequence.Redo).toString(), self.tr("Redo")),
                (QKeySequence(QKeySequence.Open).toString(), self.tr("Open a project")),
                (QKeySequence(QKeySequence.Save).toString(), self.tr("Save")),
                ("Ctrl+M", self.tr("Edit a weight matrix")), ("Ctrl+I", self.tr("Import PyTorch weights")),
                ("Ctrl++ / Ctrl+− / Ctrl+0", self.tr("Zoom in / out / reset"))]

    def show_shortcuts(self):
        rows = "".join(f"<tr><td><b>{k}</b></td><td>&nbsp;&nbsp;{v}</td></tr>" for k, v in self.shortcut_rows())
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    def show_about(self):
        from simulator import __version__

        QMessageBox.about(self, self.tr("About RNN Simulator"),
                          self.tr("<b>RNN Simulator</b> {version}<br>The recurrent networks of the lecture — "
                                  "Elman, Jordan, LSTM, GRU and more — step by step.").format(version=__version__))

    # -- closing ---------------------------------------------------------------------------------
    def closeEvent(self, event):
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.setValue("animation_ms", self.animator.duration_ms)
        self.autosave_timer.stop()
        for view in self.views.values():       # the training lab's and the surface's worker threads
            if hasattr(view, "shutdown"):
                view.shutdown()
        self._discard_autosave()
        event.accept()
