"""File → Export… (Ctrl+E): a view or the whole window as GIF, MP4, PNG frames, or one PNG/SVG picture.

``install_export(window)`` points the window's existing Export action at this dialog. The dialog calls
:func:`simulator.export.export_animation` — the same code as ``python main.py export`` — and shows its
progress with a Cancel button; a cancelled or failed export leaves no file.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QProgressBar, QPushButton, QSpinBox,
                               QVBoxLayout)

from simulator.errors import UserInputError

SIZE_PRESETS = [(1280, 720), (1920, 1080)]
FORMAT_SUFFIX = {"gif": ".gif", "mp4": ".mp4", "frames": "", "png": ".png", "svg": ".svg"}


class ExportDialog(QDialog):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.session = window.session
        self._cancel_requested = False
        self._running = False
        self.written: Path | None = None

        self.what = QComboBox()
        self.format = QComboBox()
        self.size_preset = QComboBox()
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box in (self.width_box, self.height_box):
            box.setRange(16, 7680)
        self.width_box.setValue(1280)
        self.height_box.setValue(720)
        self.fps = QSpinBox()
        self.fps.setRange(1, 60)
        self.fps.setValue(30)
        self.first_step, self.last_step = QSpinBox(), QSpinBox()
        total = int(self.session.steps)
        for box in (self.first_step, self.last_step):
            box.setRange(0, total)
        self.first_step.setValue(min(1, total))
        self.last_step.setValue(total)
        self.seconds_per_step = QDoubleSpinBox()
        self.seconds_per_step.setRange(0.1, 60.0)
        self.seconds_per_step.setSingleStep(0.5)
        self.seconds_per_step.setValue(1.0)
        self.animation_seconds = QDoubleSpinBox()
        self.animation_seconds.setRange(0.0, 60.0)
        self.animation_seconds.setSingleStep(0.1)
        self.animation_seconds.setValue(min(1.0, window.animator.duration_ms / 1000.0))
        self.path_edit = QLineEdit()
        self.browse = QPushButton()
        self.summary = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)

        size_row = QHBoxLayout()
        size_row.addWidget(self.size_preset, 1)
        size_row.addWidget(self.width_box)
        self.times = QLabel("×")
        size_row.addWidget(self.times)
        size_row.addWidget(self.height_box)
        steps_row = QHBoxLayout()
        steps_row.addWidget(self.first_step)
        self.to_label = QLabel()
        steps_row.addWidget(self.to_label)
        steps_row.addWidget(self.last_step)
        steps_row.addStretch(1)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse)

        self.form = QFormLayout()
        self.labels = {name: QLabel() for name in ("what", "format", "size", "fps", "steps", "seconds",
                                                   "animation", "file")}
        for name, field in (("what", self.what), ("format", self.format), ("size", size_row), ("fps", self.fps),
                            ("steps", steps_row), ("seconds", self.seconds_per_step),
                            ("animation", self.animation_seconds), ("file", path_row)):
            buddy = {"size": self.size_preset, "steps": self.first_step, "file": self.path_edit}.get(name, field)
            self.labels[name].setBuddy(buddy)
            self.form.addRow(self.labels[name], field)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("", QDialogButtonBox.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.RejectRole)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self._close_or_cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

        self.retranslate()
        current = window.tabs.currentWidget()
        names = [name for name, view in window.views.items() if view is current]
        if names:
            self.what.setCurrentIndex(self.what.findData(names[0]))
        self.path_edit.setText(str(Path(window._last_dir()) / f"{self.session.project.name}.gif"))
        for signal in (self.format.currentIndexChanged, self.size_preset.currentIndexChanged,
                       self.fps.valueChanged, self.first_step.valueChanged, self.last_step.valueChanged,
                       self.seconds_per_step.valueChanged, self.animation_seconds.valueChanged):
            signal.connect(self._update)
        self.format.currentIndexChanged.connect(self._follow_format)
        self.browse.clicked.connect(self._browse)
        self._update()

    # -- texts -------------------------------------------------------------------------------------
    def retranslate(self):
        self.setWindowTitle(self.tr("Export"))
        texts = {"what": self.tr("&What:"), "format": self.tr("&Format:"), "size": self.tr("&Size:"),
                 "fps": self.tr("Frame &rate:"), "steps": self.tr("S&teps:"), "seconds": self.tr("Seco&nds per step:"),
                 "animation": self.tr("&Animation per step:"), "file": self.tr("Sa&ve to:")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        self._fill(self.what, [("network", self.tr("Network view")), ("cell", self.tr("Cell view")),
                               ("unrolled", self.tr("Unrolled view")), ("heatmap", self.tr("Heatmaps")),
                               ("builder", self.tr("Network builder panel")),
                               ("sequence", self.tr("Input sequence panel")),
                               ("explanation", self.tr("“Why this number?” panel")),
                               ("scene", self.tr("“About this scene” panel")),
                               ("window", self.tr("The whole window"))])
        self._fill(self.format, [("gif", self.tr("GIF animation")), ("mp4", self.tr("MP4 video (H.264)")),
                                 ("frames", self.tr("PNG frames (a folder)")),
                                 ("png", self.tr("One picture (PNG) of the last step")),
                                 ("svg", self.tr("One picture (SVG) of the last step"))])
        self._fill(self.size_preset, [(size, f"{size[0]} × {size[1]}") for size in SIZE_PRESETS]
                   + [("custom", self.tr("Custom"))])
        self.fps.setSuffix(self.tr(" frames/s"))
        self.seconds_per_step.setSuffix(self.tr(" s"))
        self.animation_seconds.setSuffix(self.tr(" s"))
        self.animation_seconds.setToolTip(self.tr("How long the values take to move at each step; the rest of "
                                                  "the step holds still"))
        self.first_step.setToolTip(self.tr("Step 0 is before the first input; step t shows the values after x^t"))
        self.to_label.setText(self.tr("to"))
        self.browse.setText(self.tr("&Browse…"))
        self.export_button.setText(self.tr("&Export"))
        self.close_button.setText(self.tr("Cancel") if self._running else self.tr("Close"))
        if hasattr(self, "summary"):
            self._update()

    @staticmethod
    def _fill(combo: QComboBox, items):
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def changeEvent(self, event):
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- settings ------------------------------------------------------------------------------------
    def kind(self) -> str:
        return self.format.currentData()

    def size(self) -> tuple[int, int]:
        preset = self.size_preset.currentData()
        return (self.width_box.value(), self.height_box.value()) if preset == "custom" else tuple(preset)

    def steps(self) -> tuple[int, int]:
        return self.first_step.value(), self.last_step.value()

    def _update(self, *_):
        custom = self.size_preset.currentData() == "custom"
        self.width_box.setEnabled(custom and not self._running)
        self.height_box.setEnabled(custom and not self._running)
        still = self.kind() in ("png", "svg")
        for widget in (self.fps, self.first_step, self.seconds_per_step, self.animation_seconds):
            widget.setEnabled(not still and not self._running)
        if still:
            self.summary.setText(self.tr("One picture of step {step}").format(step=self.last_step.value()))
            return
        from simulator.export import VirtualClock

        first, last = self.steps()
        if first > last:
            self.summary.setText(self.tr("The first step comes after the last one"))
            return
        clock = VirtualClock(first, last, self.fps.value(), self.seconds_per_step.value(),
                             self.animation_seconds.value())
        self.summary.setText(self.tr("{frames} frames, {seconds:.1f} s").format(
            frames=clock.frame_count, seconds=clock.frame_count / clock.fps))

    def _follow_format(self, *_):
        """Keep the file name's ending in step with the chosen format."""
        text = self.path_edit.text().strip()
        if not text:
            return
        path = Path(text.rstrip("/"))
        base = path.with_suffix("") if path.suffix.lower() in (".gif", ".mp4", ".png", ".svg") else path
        if self.kind() == "frames":
            self.path_edit.setText(str(base) + "/")
        else:
            self.path_edit.setText(str(base) + FORMAT_SUFFIX[self.kind()])

    def _browse(self):
        if self.kind() == "frames":
            path = QFileDialog.getExistingDirectory(self, self.tr("A folder for the PNG frames"),
                                                    str(Path(self.path_edit.text()).parent))
            if path:
                self.path_edit.setText(path.rstrip("/") + "/")
            return
        filters = {"gif": self.tr("GIF animation (*.gif)"), "mp4": self.tr("MP4 video (*.mp4)"),
                   "png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG drawing (*.svg)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path_edit.text(),
                                              filters[self.kind()])
        if path:
            suffix = FORMAT_SUFFIX[self.kind()]
            self.path_edit.setText(path if path.lower().endswith(suffix) else path + suffix)

    # -- running -----------------------------------------------------------------------------------
    def _close_or_cancel(self):
        if self._running:
            self._cancel_requested = True
        else:
            self.reject()

    def reject(self):
        if self._running:
            self._cancel_requested = True
            return
        super().reject()

    def _set_running(self, running: bool):
        self._running = running
        for widget in (self.what, self.format, self.size_preset, self.last_step, self.path_edit, self.browse,
                       self.export_button):
            widget.setEnabled(not running)
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))
        self._update()

    def _on_progress(self, done: int, total: int):
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        QCoreApplication.processEvents()   # let Cancel be clicked; frames do not depend on it

    def start_export(self) -> bool:
        """Export with the dialog's settings; True when a file was written."""
        from simulator.export import ExportCancelled, export_animation, export_still, output_format

        target = self.path_edit.text().strip()
        if not target:
            QMessageBox.warning(self, self.tr("Cannot export"), self.tr("Choose where to save the export"))
            return False
        if self.kind() == "frames" and not target.endswith("/"):
            target += "/"
        view = self.what.currentData()
        self._cancel_requested = False
        self._set_running(True)
        try:
            if output_format(target) != self.kind():
                raise UserInputError(self.tr("The file name {name} does not fit the format {format}").format(
                    name=Path(target).name, format=self.format.currentText()))
            if self.kind() in ("png", "svg"):
                path = export_still(self.window, view, target, size=self.size(), step=self.last_step.value())
            else:
                path = export_animation(self.window, view, target, size=self.size(), fps=self.fps.value(),
                                        steps=self.steps(), seconds_per_step=self.seconds_per_step.value(),
                                        animation_seconds=self.animation_seconds.value(),
                                        progress=self._on_progress, cancelled=lambda: self._cancel_requested)
        except ExportCancelled:
            self._set_running(False)
            self.progress.setValue(0)
            self.summary.setText(self.tr("Cancelled; nothing was written"))
            return False
        except (UserInputError, OSError, ValueError) as error:
            self._set_running(False)
            QMessageBox.critical(self, self.tr("Cannot export"), str(error))
            return False
        except BaseException:
            self._set_running(False)
            raise
        self._set_running(False)
        self.written = Path(path)
        self.window.statusBar().showMessage(self.tr("Exported {path}").format(path=path), 8000)
        self.accept()
        return True


class _ExportInstaller(QObject):
    """Keeps the Export action's texts right after a language switch (the window relabels it first)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched, event):
        if watched is self.window and event.type() == QEvent.LanguageChange:
            QTimer.singleShot(0, self.retranslate)   # after the window's own retranslate()
        return False

    def retranslate(self):
        action = self.window.act_export
        tip = QCoreApplication.translate("ExportDialog", "Export a view as a GIF, an MP4 video, PNG frames "
                                                         "or one PNG/SVG picture")
        action.setText(QCoreApplication.translate("ExportDialog", "&Export…"))
        action.setStatusTip(tip)
        action.setToolTip(tip)


def open_export_dialog(window) -> ExportDialog:
    dialog = ExportDialog(window)
    dialog.open()
    return dialog


def install_export(window) -> None:
    """Make File → Export… (Ctrl+E) open the export dialog instead of the window's PNG snapshot."""
    action = window.act_export
    try:
        action.triggered.disconnect(window.export_dialog)
    except (RuntimeError, TypeError):
        pass
    action.triggered.connect(lambda _checked=False: open_export_dialog(window))
    window._export_installer = _ExportInstaller(window)
