"""Slot filling: "i would like to arrive Taipei on November 2nd", word by word.

The student types a sentence; under each word the view shows the slot the network gives it (a coloured
chip), the softmax output as one bar per slot, and the memory — the hidden output a^t of that step — as
a small heat strip. The player's step decides how far the sentence has been read: words after it are
greyed out, the current word is highlighted, so → reads the sentence word by word and the memory fills
in. Words the encoding does not know get a marker and a line saying how they were encoded (1-of-N: the
"<other>" dimension; letter trigrams: which trigrams, the unknown ones marked).

Below, a table of slot F1 on the test split for every pre-trained model of the current encoding,
computed in a worker thread and cached per encoding, so the feed-forward model's weak city slots show
next to the recurrent models.

The numbers come from ``simulator.model.slot_filling`` (``label`` for the sentence, ``evaluate`` for
the table); edits go out as signals — ``text_edit_requested`` (the same path as the sequence editor's
sentence box) and ``model_change_requested`` — which the main window turns into undo commands.
"""
from __future__ import annotations

import copy
import html
import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QTextDocument, QUndoCommand
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QScrollArea, QSizePolicy, QStackedWidget, QTableWidget,
                               QTableWidgetItem, QToolTip, QVBoxLayout, QWidget)

from simulator.errors import UserInputError
from simulator.gui.style import Palette, mix, palette, text_on, value_color
from simulator.gui.views.base import StepView

BASE_POINT_SIZE = 11.0
#: the slots in the order of the network's outputs (simulator.engine.datasets.tickets.SLOTS)
SLOT_ORDER = ("other", "destination", "departure", "arrival_time", "departure_time")
#: the slots the F1 table scores, in its column order (then "overall")
SCORED_SLOTS = ("destination", "departure", "arrival_time", "departure_time")
#: one colour per slot (Okabe–Ito, colour-blind safe): arriving warm, leaving cool, other grey
SLOT_COLOURS = {
    False: {"other": "#b4bac2", "destination": "#d55e00", "arrival_time": "#e69f00",
            "departure": "#0072b2", "departure_time": "#009e73"},
    True: {"other": "#5d636d", "destination": "#ff7a2e", "arrival_time": "#f0b429",
           "departure": "#4aa3e8", "departure_time": "#2fc497"},
}
MESSAGE_COLOR = {False: "#a31515", True: "#ff8a80"}
INVALID_BACKGROUND = {False: "#fbd5d2", True: "#6b2323"}
INVALID_FOREGROUND = {False: "#8b1111", True: "#ffd9d6"}
#: how much larger than the zoom the words may be drawn when the window is wide
MAX_FILL = 1.5
#: … and at most this share of the view's height
MAX_CANVAS_SHARE = 0.42
#: F1 cell colours: bad (≤ F1_FLOOR) … middling … good (1)
F1_COLOURS = {False: ("#f3b0aa", "#fde9a9", "#bfe6c9"), True: ("#7a2a2a", "#6a5a1c", "#1f5a3a")}
F1_FLOOR = 0.5
#: the recurrent models must reach this F1 (issue 6); the table's note compares against it
F1_TARGET = 0.95


# -- what is drawn -----------------------------------------------------------------------------------
@dataclass
class WordColumn:
    """One word of the sentence as the canvas draws it."""
    t: int                              # 1-based step
    word: str
    slot: str
    probabilities: np.ndarray           # (len(SLOT_ORDER),)
    hidden: np.ndarray                  # a^t, (H,)
    known: bool
    explanation: str                    # how the word was encoded, plain text (tooltip)
    rect: QRectF = field(default_factory=QRectF)


def _f1_colour(value: float, dark: bool) -> QColor:
    bad, middle, good = (QColor(c) for c in F1_COLOURS[dark])
    if not math.isfinite(value):
        return QColor(middle)
    t = max(0.0, min(1.0, (value - F1_FLOOR) / (1.0 - F1_FLOOR)))
    return mix(bad, middle, t / 0.6) if t < 0.6 else mix(middle, good, (t - 0.6) / 0.4)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SwitchSlotModelCommand(QUndoCommand):
    """Swap the slot-filling network (and its word encoding) for another pre-trained one, keeping the
    sentence. Undo gives back the previous network object, encoding and inputs exactly."""

    def __init__(self, session, model: str, encoding: str, language: str = "en"):
        from simulator.engine.encoding import encoding_from_spec
        from simulator.gui.i18n import scene_text
        from simulator.io.sequence import tokenize_text
        from simulator.model import slot_filling

        titles = (scene_text(slot_filling.MODEL_TITLES.get(model, {}), language) or model,
                  scene_text(slot_filling.ENCODING_TITLES.get(encoding, {}), language) or encoding)
        super().__init__(QCoreApplication.translate("Commands", "Use the pre-trained {model} ({encoding})").format(
            model=titles[0], encoding=titles[1]))
        self.session = session
        project = session.project
        loaded = slot_filling.load_model(model, encoding)
        text = project.text if (project.text or "").strip() else loaded.text
        encoding_from_spec(loaded.encoding).encode_sentence(tokenize_text(text))   # raises if it cannot be read
        settings = project.settings.get("slot_filling")
        inputs = None if project.inputs is None else np.array(project.inputs, copy=True)
        # kept as it was, whatever a hand-edited file put there (undo restores it exactly)
        self.old = (project.network, project.encoding, copy.deepcopy(settings), project.text, inputs)
        self.new = (loaded.network, loaded.encoding,
                    dict(loaded.settings.get("slot_filling") or {"model": model, "encoding": encoding}), text, None)

    def _apply(self, state) -> None:
        network, encoding, settings, text, inputs = state
        project = self.session.project
        project.encoding = encoding
        if settings is None:
            project.settings.pop("slot_filling", None)
        else:
            project.settings["slot_filling"] = copy.deepcopy(settings)
        # A text scene's words are encoded from its text; numbers only if it held numbers before.
        project.text = text
        project.inputs = None if inputs is None or text is not None else np.array(inputs, copy=True)
        self.session.set_network(network)

    def redo(self):
        self._apply(self.new)

    def undo(self):
        self._apply(self.old)


# -- the F1 table's worker ---------------------------------------------------------------------------
def _evaluate_models(encoding: str):
    """The worker's generator: (encoding, model, scores) for each pre-trained model, one at a time
    (so the table fills in row by row): ``slot_filling.evaluate_all(encoding)``, model by model."""
    from simulator.model import slot_filling

    for model in slot_filling.MODELS:
        yield encoding, model, slot_filling.evaluate_all(encoding, models=(model,))[model]


def _shipped_weights_equal(network, model: str, encoding: str) -> bool:
    """Whether ``network`` holds exactly the shipped weights of that pre-trained model."""
    try:
        shipped = _shipped_params(model, encoding)
    except Exception:  # noqa: BLE001 - a missing or broken model file: the weights are the project's own
        return False
    params = network.params
    return set(params) == set(shipped) and all(np.array_equal(params[key], shipped[key]) for key in shipped)


_SHIPPED_PARAMS: dict[tuple[str, str], dict] = {}


def _shipped_params(model: str, encoding: str) -> dict:
    from simulator.model import slot_filling

    if (model, encoding) not in _SHIPPED_PARAMS:
        _SHIPPED_PARAMS[(model, encoding)] = slot_filling.load_model(model, encoding).network.params
    return _SHIPPED_PARAMS[(model, encoding)]


def slot_title(slot: str) -> str:
    """A slot's name for people, in the UI language ("departure" → "departure place"); the Slots tab
    and the presentation band use the same words."""
    titles = {"other": QCoreApplication.translate("SlotView", "other"),
              "destination": QCoreApplication.translate("SlotView", "destination"),
              "departure": QCoreApplication.translate("SlotView", "departure place"),
              "arrival_time": QCoreApplication.translate("SlotView", "arrival time"),
              "departure_time": QCoreApplication.translate("SlotView", "departure time")}
    return titles.get(slot, slot)


#: F1 results per encoding, shared by every view (the shipped models do not change while the app runs)
_F1_CACHE: dict[str, dict[str, dict]] = {}


# -- the canvas --------------------------------------------------------------------------------------
class _Canvas(QWidget):
    """Paints the words of its view; hovering explains what is under the mouse."""

    def __init__(self, view: "SlotView"):
        super().__init__(view)
        self.view = view
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(self.view._needed_width(), self.view._needed_height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event):
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            self.view._paint(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.view._layout_columns(self.width())

    def event(self, event):
        if event.type() == QEvent.Type.ToolTip:
            text = self.view._tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)


class SlotView(StepView):
    """The "Slots" tab; see the module docstring."""

    #: the new sentence (the same signal as the sequence editor's: the main window makes it undoable)
    text_edit_requested = Signal(str)
    #: (model, encoding): use that pre-trained network, keeping the sentence
    model_change_requested = Signal(str, str)
    #: open a scene by name (the note on other scenes offers the slot-filling scene)
    scene_requested = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self._dark = False
        self._zoom = 1.0
        self._fill = 1.0                   # the canvas grows with a wide window (see _relayout)
        self._language = "en"
        self._message = ""
        self._label_problem = ""
        self._applicable = False
        self._why_not = ""
        self._labelling = None
        self._labelled = None              # (project id, text, network id, encoding) of _labelling
        self._columns: list[WordColumn] = []
        self._regions: list[tuple[QRectF, str]] = []
        self._geometry: dict = {}
        self._bidirectional = False
        self._feedforward = False
        self._jordan = False
        self._hidden_scale = 1.0
        self._worker = None
        self._worker_encoding: str | None = None
        self._f1_progress: dict[str, int] = {}
        self._partial: dict[str, dict] = {}
        self._f1_error = ""
        self._build()
        session.trace_changed.connect(self._on_trace_changed)
        self.destroyed.connect(lambda *_: session.trace_changed.disconnect(self._on_trace_changed))
        self.set_zoom(1.0)
        self.rebuild()

    # -- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.sentence_label = QLabel()
        self.sentence = QLineEdit()
        self.sentence.setObjectName("slotSentence")
        self.sentence.setClearButtonEnabled(True)
        self.sentence.returnPressed.connect(self._commit_sentence)
        self.sentence.textEdited.connect(lambda _text: self._clear_invalid())
        self.sentence_label.setBuddy(self.sentence)
        self.model_label = QLabel()
        self.model_combo = QComboBox()
        self.model_combo.setObjectName("slotModel")
        self.model_combo.activated.connect(lambda _index: self._on_model_chosen())
        self.encoding_label = QLabel()
        self.encoding_combo = QComboBox()
        self.encoding_combo.setObjectName("slotEncoding")
        self.encoding_combo.activated.connect(lambda _index: self._on_model_chosen())
        for label, combo in ((self.model_label, self.model_combo), (self.encoding_label, self.encoding_combo)):
            label.setBuddy(combo)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.step_label = QLabel()
        self.step_label.setObjectName("slotStep")
        self.step_label.setWordWrap(True)
        self.note_label = QLabel()
        self.note_label.setObjectName("slotNote")
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.RichText)

        sentence_row = QHBoxLayout()
        sentence_row.setContentsMargins(0, 0, 0, 0)
        sentence_row.addWidget(self.sentence_label)
        sentence_row.addWidget(self.sentence, 1)
        picker_row = QHBoxLayout()
        picker_row.setContentsMargins(0, 0, 0, 0)
        picker_row.addWidget(self.model_label)
        picker_row.addWidget(self.model_combo)
        picker_row.addSpacing(12)
        picker_row.addWidget(self.encoding_label)
        picker_row.addWidget(self.encoding_combo)
        picker_row.addSpacing(16)
        picker_row.addWidget(self.step_label, 1)

        self.message_label = QLabel()
        self.message_label.setObjectName("slotMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()


        self.canvas = _Canvas(self)
        self.canvas_scroll = QScrollArea()
        self.canvas_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.canvas_scroll.setWidgetResizable(True)
        self.canvas_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.canvas_scroll.setWidget(self.canvas)
        self.canvas_scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.unknown_label = QLabel()
        self.unknown_label.setObjectName("slotUnknown")
        self.unknown_label.setWordWrap(True)
        self.unknown_label.setTextFormat(Qt.TextFormat.RichText)

        self.f1_title = QLabel()
        self.f1_title.setObjectName("slotF1Title")
        self.f1_title.setWordWrap(True)
        self.f1_status = QLabel()
        self.f1_progress = QProgressBar()
        self.f1_progress.setTextVisible(False)
        self.f1_progress.setMaximumWidth(160)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.addWidget(self.f1_title, 1)
        status_row.addWidget(self.f1_status)
        status_row.addWidget(self.f1_progress)
        self.f1_table = QTableWidget(0, len(SCORED_SLOTS) + 1)
        self.f1_table.setObjectName("slotF1Table")
        self.f1_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.f1_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.f1_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.f1_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.f1_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.f1_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.f1_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.f1_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.f1_note = QLabel()
        self.f1_note.setObjectName("slotF1Note")
        self.f1_note.setWordWrap(True)
        # the F1 of the project's own weights, when they are not a pre-trained model's (trained or edited)
        self.own_f1_label = QLabel()
        self.own_f1_label.setObjectName("slotOwnF1")
        self.own_f1_label.setWordWrap(True)
        self.own_f1_label.setVisible(False)
        self._own_worker = None
        self._own_key = None          # what the shown (or coming) own score is of
        self._own_scores = None

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(sentence_row)
        layout.addLayout(picker_row)
        layout.addWidget(self.message_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.canvas_scroll)
        layout.addWidget(self.unknown_label)
        layout.addSpacing(6)
        layout.addLayout(status_row)
        layout.addWidget(self.f1_table)
        layout.addWidget(self.f1_note)
        layout.addWidget(self.own_f1_label)
        layout.addStretch(1)
        page_scroll = QScrollArea()
        page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        page_scroll.setWidgetResizable(True)
        page_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page_scroll.setWidget(page)

        self.not_applicable = QWidget()
        na_layout = QVBoxLayout(self.not_applicable)
        na_layout.setContentsMargins(24, 24, 24, 24)
        self.not_applicable_label = QLabel()
        self.not_applicable_label.setObjectName("slotNotApplicable")
        self.not_applicable_label.setWordWrap(True)
        self.not_applicable_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_scene_button = QPushButton()
        self.open_scene_button.clicked.connect(lambda _checked=False: self._request_scene())
        na_layout.addStretch(1)
        na_layout.addWidget(self.not_applicable_label)
        na_layout.addWidget(self.open_scene_button, 0, Qt.AlignmentFlag.AlignHCenter)
        na_layout.addStretch(2)

        self.stack = QStackedWidget()
        self.stack.addWidget(page_scroll)
        self.stack.addWidget(self.not_applicable)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    # -- what the session holds --------------------------------------------------------------------
    def _check_applicable(self) -> tuple[bool, str]:
        project = self.session.project
        if project is None:
            return False, self.tr("No project is open.")
        if project.encoding is None:
            return False, self.tr("This scene feeds numbers, not the words of a sentence.")
        head = project.network.head
        if head.activation != "softmax" or head.output_size != len(SLOT_ORDER):
            return False, self.tr("This scene's network does not have 5 softmax outputs, one per slot "
                                  "(it has {n} {activation} outputs).").format(n=head.output_size,
                                                                              activation=head.activation)
        return True, ""

    def _model_of(self) -> tuple[str | None, str | None]:
        from simulator.model import slot_filling

        try:
            return slot_filling.model_of(self.session.project)
        except Exception:  # noqa: BLE001 - a hand-made project may lack anything model_of looks at
            return None, None

    def rebuild(self) -> None:
        """A project was opened or the network changed: check the scene, relabel everything."""
        self._applicable, self._why_not = self._check_applicable()
        self.stack.setCurrentIndex(0 if self._applicable else 1)
        self._labelled = None
        self._sync_pickers()
        self._refresh()
        self.retranslate()
        self._ensure_f1()
        self._ensure_own_f1()

    def _on_trace_changed(self) -> None:
        applicable, why = self._check_applicable()
        if (applicable, why) != (self._applicable, self._why_not):
            self.rebuild()
            return
        self._refresh()
        self._ensure_own_f1()

    # -- the F1 of the project's own weights -------------------------------------------------------
    def _own_weights_key(self):
        """None if the network is a pre-trained model as shipped (its row of the table says it all), else
        a key that changes with every weight edit."""
        project = self.session.project
        if project is None or not self._applicable:
            return None
        model, encoding = self._model_of()
        if model is not None and _shipped_weights_equal(project.network, model, encoding):
            return None
        params = project.network.params
        return (id(project), id(project.network), repr(project.encoding),
                tuple((key, value.tobytes()) for key, value in sorted(params.items())))

    def _ensure_own_f1(self) -> None:
        """Score the project's own weights on the test split in a worker, once per set of weights."""
        if not self.isVisible():
            return
        key = self._own_weights_key()
        if key is None:
            self._stop_own_worker()
            self._own_key, self._own_scores = None, None
            self._show_own_f1()
            return
        if key == self._own_key:
            return
        from simulator.gui.training.worker import GeneratorWorker
        from simulator.model import slot_filling
        from simulator.model.project import Project, copy_network

        self._stop_own_worker()
        self._own_key, self._own_scores = key, None
        project = self.session.project
        snapshot = Project(name=project.name, network=copy_network(project.network), text=project.text,
                           encoding=dict(project.encoding))      # the GUI may edit the original meanwhile

        def score():
            yield key, slot_filling.evaluate(snapshot)

        self._own_worker = GeneratorWorker(score)
        self._own_worker.yielded.connect(self._on_own_f1)
        self._own_worker.errored.connect(self._on_own_f1_error)
        self._own_worker.start()
        self._show_own_f1()

    def _on_own_f1(self, item) -> None:
        key, scores = item
        if key == self._own_key:
            self._own_scores = scores
            self._show_own_f1()

    def _on_own_f1_error(self, message: str) -> None:
        self._own_scores = {"error": message.splitlines()[0] if message else ""}
        self._show_own_f1()

    def _stop_own_worker(self) -> None:
        worker, self._own_worker = self._own_worker, None
        if worker is not None:
            worker.stop()
            for signal, slot in ((worker.yielded, self._on_own_f1), (worker.errored, self._on_own_f1_error)):
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass

    def own_f1(self) -> dict | None:
        """The F1 scores of the project's own weights once computed (None if they are a pre-trained
        model's, or while computing)."""
        scores = self._own_scores
        return None if scores is None or "error" in scores else scores

    def _show_own_f1(self) -> None:
        if self._own_key is None:
            self.own_f1_label.setVisible(False)
            return
        self.own_f1_label.setVisible(True)
        scores = self._own_scores
        if scores is None:
            self.own_f1_label.setText(self.tr("<b>Your network</b> (weights not as shipped): computing its F1…"))
        elif "error" in scores:
            self.own_f1_label.setText(self.tr("<b>Your network</b>: its F1 could not be computed: {reason}").format(
                reason=html.escape(scores["error"])))
        else:
            parts = " · ".join(f"{self.slot_title(slot)} {float(scores['slots'][slot]['f1']):.3f}"
                               for slot in SCORED_SLOTS)
            self.own_f1_label.setText(self.tr("<b>Your network</b> (weights not as shipped): overall F1 "
                                              "<b>{overall:.3f}</b> — {parts}").format(
                overall=float(scores["overall"]["f1"]), parts=parts))

    def _label_key(self):
        project = self.session.project
        return (id(project), project.text, id(project.network), repr(project.encoding),
                tuple((key, value.tobytes()) for key, value in sorted(project.network.params.items())))

    def _refresh(self) -> None:
        """Label the project's sentence (if anything changed) and redraw."""
        project = self.session.project
        if not self._applicable:
            self._labelling, self._columns = None, []
            self._update_texts()
            self.canvas.update()
            return
        if not self.sentence.isModified():
            self.sentence.setText(project.text or "")
            self._set_invalid(None)
        key = self._label_key()
        if key != self._labelled:
            self._labelled = key
            self._labelling = None
            self._columns = []
            text = project.text or ""
            problem = ""
            if text.strip():
                try:
                    self._labelling = self._label(text)
                except UserInputError as error:
                    problem = self.tr("The sentence cannot be labelled: {reason}").format(reason=str(error))
            if problem or self._message == self._label_problem:
                self._message = problem
                self._show_message()
            self._label_problem = problem
            self._make_columns()
        self._sync_pickers()
        self._update_texts()
        self._relayout()

    def _make_columns(self) -> None:
        labelling = self._labelling
        network = self.session.network
        self._bidirectional = any(layer.bidirectional for layer in network.layers)
        self._feedforward = all(layer.cell.kind == "feedforward" for layer in network.layers)
        self._jordan = False
        if labelling is None:
            self._columns = []
            return
        top = labelling.trace.layers[-1]
        self._jordan = top.kind == "jordan"
        # a^t of the top layer (both directions of a bidirectional one); a Jordan layer's output is y^t,
        # its hidden a^t is in its records
        records = top.records.get("forward", {})
        source = records["a"] if self._jordan and "a" in records else top.output
        hidden = np.asarray(source)[:, 0, :]
        finite = hidden[np.isfinite(hidden)]
        self._hidden_scale = float(np.max(np.abs(finite))) if finite.size else 1.0
        if self._hidden_scale <= 0:
            self._hidden_scale = 1.0
        self._columns = [
            WordColumn(t=t + 1, word=word, slot=labelling.slots[t],
                       probabilities=np.asarray(labelling.probabilities[t], dtype=float),
                       hidden=hidden[t] if t < len(hidden) else np.zeros(0),
                       known=bool(labelling.encodings[t].known),
                       explanation=self._encoding_text(labelling.encodings[t]))
            for t, word in enumerate(labelling.words)]

    # -- stepping ----------------------------------------------------------------------------------
    def show_step(self, step: int, progress: float = 1.0) -> None:
        step = int(max(0, step))
        progress = 1.0 if not math.isfinite(progress) else max(0.0, min(1.0, float(progress)))
        if step < self.step:
            progress = 1.0
        self.step, self.progress = step, progress
        self._update_texts()
        self.canvas.update()
        self._scroll_to_current()

    def words_read(self) -> int:
        """How many words the network has read at the player's step."""
        return min(self.step, len(self._columns))

    def _scroll_to_current(self) -> None:
        k = self.words_read()
        if 1 <= k <= len(self._columns):
            rect = self._columns[k - 1].rect
            if not rect.isNull():
                self.canvas_scroll.ensureVisible(int(rect.center().x()), 10, int(rect.width() / 2) + 8, 0)

    # -- edits -------------------------------------------------------------------------------------
    def set_sentence_text(self, text: str) -> None:
        """Type a sentence into the box and press Enter (test hook)."""
        self.sentence.setText(text)
        self.sentence.setModified(True)
        self._commit_sentence()

    def _label(self, text: str):
        """Label ``text`` word by word, split into words as the session splits it for the other views
        (so word t here is step t there)."""
        from simulator.io.sequence import tokenize_text
        from simulator.model import slot_filling

        return slot_filling.label(self.session.project, tokenize_text(text))

    def _commit_sentence(self) -> None:
        project = self.session.project
        if project is None or not self._applicable:
            return
        text = self.sentence.text().strip()
        try:
            self._label(text)
        except UserInputError as error:
            self._reject(str(error))
            return
        self.sentence.setModified(False)
        self._set_invalid(None)
        self._message = ""
        self._show_message()
        if text != (project.text or "").strip():
            self.text_edit_requested.emit(text)

    def _reject(self, reason: str) -> None:
        self._message = self.tr("The sentence was not changed: {reason}").format(reason=reason)
        self._set_invalid(self._message)
        self._show_message()

    def _clear_invalid(self) -> None:
        if self._message:
            self._message = ""
            self._set_invalid(None)
            self._show_message()

    def _set_invalid(self, reason: str | None) -> None:
        field_ = self.sentence
        if reason is None:
            field_.setStyleSheet("")
            field_.setToolTip(self._sentence_tip())
        else:
            field_.setStyleSheet(f"QLineEdit {{ background: {INVALID_BACKGROUND[self._dark]}; "
                                 f"color: {INVALID_FOREGROUND[self._dark]}; }}")
            field_.setToolTip(reason)

    def _show_message(self) -> None:
        self.message_label.setText(f"⚠ {self._message}" if self._message else "")
        self.message_label.setVisible(bool(self._message))

    def message_text(self) -> str:
        """The problem shown under the sentence box ("" when there is none)."""
        return self._message

    def _on_model_chosen(self) -> None:
        from simulator.model import slot_filling

        # a project of its own (no pre-trained model yet): the other picker starts at its default
        model = self.model_combo.currentData() or slot_filling.DEFAULT_MODEL
        encoding = self.encoding_combo.currentData() or slot_filling.DEFAULT_ENCODING
        if (model, encoding) != self._model_of():
            self.model_change_requested.emit(model, encoding)
        self._ensure_f1()

    def choose_model(self, model: str | None = None, encoding: str | None = None) -> None:
        """Pick a model and/or an encoding in the pickers, as a click would (test hook)."""
        for combo, value in ((self.model_combo, model), (self.encoding_combo, encoding)):
            if value is not None:
                index = combo.findData(value)
                if index < 0:
                    raise ValueError(f"no choice {value!r}")
                combo.setCurrentIndex(index)
        self._on_model_chosen()

    def _request_scene(self) -> None:
        from simulator.model import slot_filling

        self.scene_requested.emit(slot_filling.SCENE)

    # -- pickers -----------------------------------------------------------------------------------
    def _titles(self, table: dict, key: str) -> str:
        titles = table.get(key) or {}
        return titles.get("zh" if self._language.startswith("zh") else "en") or titles.get("en") or key

    def _sync_pickers(self) -> None:
        from simulator.model import slot_filling

        model, encoding = self._model_of() if self._applicable else (None, None)
        for combo, keys, titles, value in (
                (self.model_combo, slot_filling.MODELS, slot_filling.MODEL_TITLES, model),
                (self.encoding_combo, slot_filling.ENCODINGS, slot_filling.ENCODING_TITLES, encoding)):
            combo.blockSignals(True)
            if combo.count() != len(keys):
                combo.clear()
                for key in keys:
                    combo.addItem(key, key)
            for index, key in enumerate(keys):
                combo.setItemText(index, self._titles(titles, key))
            combo.setCurrentIndex(combo.findData(value) if value is not None else -1)
            combo.blockSignals(False)

    def current_choice(self) -> tuple[str | None, str | None]:
        """(model, encoding) the pickers show."""
        return self.model_combo.currentData(), self.encoding_combo.currentData()

    # -- texts -------------------------------------------------------------------------------------
    def slot_title(self, slot: str) -> str:
        return slot_title(slot)

    def _sentence_tip(self) -> str:
        return self.tr("Type any sentence and press Enter: each word gets a slot (undo with Ctrl+Z)")

    def _encoding_text(self, encoding) -> str:
        """How one word was encoded, in a line (plain text)."""
        parts = []
        if encoding.one_hot is not None:
            if encoding.one_hot == "<other>":
                parts.append(self.tr("1-of-N: not in the vocabulary → the “<other>” dimension"))
            else:
                parts.append(self.tr("1-of-N: its own dimension “{word}”").format(word=encoding.one_hot))
        if encoding.trigrams is not None:
            shown = [gram if known else f"{gram}✗" for gram, known in encoding.trigrams]
            line = self.tr("letter trigrams: {trigrams}").format(trigrams=", ".join(shown))
            if not all(known for _, known in encoding.trigrams):
                line += " " + self.tr("(✗ = never seen in training: no dimension of its own)")
            parts.append(line)
        return "\n".join(parts)

    def _unknown_html(self, encoding) -> str:
        word = f"<b>{_html(encoding.word)}</b>"
        other = _html("<other>")
        one_hot_alone = encoding.one_hot is not None and encoding.trigrams is None
        if one_hot_alone:
            return self.tr("{word} is not in the vocabulary: with 1-of-N alone it went to “other” — the "
                           "“{other}” dimension that every unknown word shares (Gandalf and Sauron "
                           "too), so only the words around it can tell the network what it is.").format(word=word, other=other)
        grams = []
        for gram, known in encoding.trigrams or []:
            grams.append(_html(gram) if known else f"<u>{_html(gram)}</u>✗")
        trigrams = ", ".join(grams)
        some_known = any(known for _, known in encoding.trigrams or [])
        if encoding.one_hot == "<other>":
            if some_known:
                return self.tr("{word} is not in the vocabulary: its 1-of-N part is the “{other}” "
                               "dimension, but its letter trigrams {trigrams} still describe it (✗: never seen "
                               "in training).").format(word=word, trigrams=trigrams, other=other)
            return self.tr("{word} is not in the vocabulary, and none of its letter trigrams {trigrams} was seen "
                           "in training: it is “{other}” and “other trigram”, like any unknown word — only "
                           "the words around it tell the network what it is.").format(word=word, trigrams=trigrams,
                                                                                     other=other)
        if some_known:
            return self.tr("{word} has letter trigrams never seen in training (marked ✗: they share the “other "
                           "trigram” dimension); the known ones of {trigrams} still describe it.").format(
                word=word, trigrams=trigrams)
        return self.tr("None of the letter trigrams {trigrams} of {word} was seen in training: they all share the "
                       "“other trigram” dimension, so only the words around it tell the network what it is.").format(
            word=word, trigrams=trigrams)

    def unknown_explanations(self) -> list[str]:
        """The lines under the words about unknown words, as plain text (test hook)."""
        labelling = self._labelling
        if labelling is None:
            return []
        doc_lines = []
        for encoding in labelling.encodings:
            if not encoding.known:
                document = QTextDocument()
                document.setHtml(self._unknown_html(encoding))
                doc_lines.append(document.toPlainText())
        return doc_lines

    def _update_texts(self) -> None:
        """The note above the words and the lines about unknown words."""
        if not self._applicable:
            return
        pal = palette(self._dark)
        muted = pal.muted.name()
        notes = []
        n = len(self._columns)
        k = self.words_read()
        step = ""
        if n:
            if k == 0:
                step = self.tr("Nothing read yet: press → for the first word, End for all.")
            elif k < n:
                step = self.tr("Read {k} of {n} words: press → for the next one.").format(k=k, n=n)
            else:
                step = self.tr("All {n} words read.").format(n=n)
        self.step_label.setText(step)
        self.step_label.setStyleSheet(f"color: {muted};")
        if self._bidirectional:
            notes.append("<b>" + self.tr("Bidirectional network:") + "</b> " + self.tr(
                "each word's slot also uses the words after it (read backwards), so the outputs need the "
                "whole sentence, even those of the words shown first."))
        elif self._feedforward:
            notes.append("<b>" + self.tr("Feed-forward network:") + "</b> " + self.tr(
                "no memory — each word's slot depends on that word alone, so “Taipei” gets the same slot "
                "after “arrive” and after “leave”."))
        self.note_label.setText(f"<span style='color:{muted}'>" + "<br>".join(notes) + "</span>")
        self.note_label.setVisible(bool(notes))
        labelling = self._labelling
        lines = []
        if labelling is not None:
            marker = pal.input.name()
            for encoding in labelling.encodings:
                if not encoding.known:
                    lines.append(f"<span style='color:{marker}'>●</span> " + self._unknown_html(encoding))
        self.unknown_label.setText("<br>".join(lines))
        self.unknown_label.setVisible(bool(lines))

    def retranslate(self) -> None:
        window = self.window()
        language = getattr(window, "language", None)
        if isinstance(language, str):
            self._language = language
        self._applicable, self._why_not = self._check_applicable()
        self.sentence_label.setText(self.tr("&Sentence:"))
        self.sentence.setPlaceholderText(self.tr("i would like to arrive Taipei on November 2nd"))
        if not self._message:
            self.sentence.setToolTip(self._sentence_tip())
        self.model_label.setText(self.tr("&Model:"))
        self.model_combo.setToolTip(self.tr("Which pre-trained network labels the sentence"))
        self.model_combo.setPlaceholderText(self.tr("this project's network"))
        self.encoding_label.setText(self.tr("&Encoding:"))
        self.encoding_combo.setToolTip(self.tr("How each word becomes the input vector x^t"))
        self.encoding_combo.setPlaceholderText(self.tr("this project's encoding"))
        self.not_applicable_label.setText(
            self.tr("The Slots view shows how a network fills the slots of a ticket booking, word by word. It "
                    "needs a text scene whose network has 5 softmax outputs, one per slot (other, destination, "
                    "departure place, arrival time, departure time).") + "\n\n" + self._why_not)
        self.open_scene_button.setText(self.tr("Open the slot-filling scene"))
        self._sync_pickers()
        self._retranslate_f1()
        self._update_texts()
        self._show_message()
        self._relayout()

    # -- look --------------------------------------------------------------------------------------
    def set_dark(self, dark: bool) -> None:
        self._dark = bool(dark)
        self.message_label.setStyleSheet(f"color: {MESSAGE_COLOR[self._dark]};")
        if self._message:
            self._set_invalid(self._message)
        self._fill_f1_table()
        self._update_texts()
        self.canvas.update()

    def set_zoom(self, factor: float) -> None:
        """Scale the type (1 = 11 pt), for a projector."""
        self._zoom = max(0.5, min(4.0, float(factor))) if math.isfinite(factor) else 1.0
        font = QFont(self.font())
        font.setPointSizeF(BASE_POINT_SIZE * self._zoom)
        for widget in (self.sentence_label, self.sentence, self.model_label, self.model_combo, self.encoding_label,
                       self.encoding_combo, self.message_label, self.step_label, self.note_label, self.unknown_label,
                       self.f1_status,
                       self.f1_note, self.f1_table, self.not_applicable_label, self.open_scene_button):
            widget.setFont(font)
        title = QFont(font)
        title.setBold(True)
        self.f1_title.setFont(title)
        for header in (self.f1_table.horizontalHeader(), self.f1_table.verticalHeader()):
            header.setFont(font)
        self.f1_table.verticalHeader().setDefaultSectionSize(round(QFontMetricsF(font).height() * 1.5))
        self._fit_f1_table()
        self._relayout()

    @property
    def _cz(self) -> float:
        """The canvas's scale: the zoom, times up to MAX_FILL when the window has room to spare (a
        projector at 1920 pixels shows the words larger instead of leaving the space empty)."""
        return self._zoom * self._fill

    def _fonts(self) -> dict[str, QFont]:
        z = self._cz
        base = QFont(self.font())
        base.setPointSizeF(BASE_POINT_SIZE * z)
        word = QFont(base)
        word.setPointSizeF(12.5 * z)
        word.setBold(True)
        chip = QFont(base)
        chip.setPointSizeF(9.0 * z)
        small = QFont(base)
        small.setPointSizeF(9.0 * z)
        title = QFont(base)
        title.setPointSizeF(9.5 * z)
        return {"base": base, "word": word, "chip": chip, "small": small, "title": title}

    # -- geometry ----------------------------------------------------------------------------------
    def _row_titles(self) -> dict[str, tuple[str, str]]:
        """(title, second line) of each row, in the gutter on the left."""
        units = max((len(c.hidden) for c in self._columns), default=0)
        memory = (self.tr("hidden a<sup>t</sup>") if self._feedforward or self._jordan
                  else self.tr("memory a<sup>t</sup>"))
        return {"word": (self.tr("word"), ""), "slot": (self.tr("slot"), ""),
                "bars": (self.tr("P(slot)"), self.tr("softmax")),
                "memory": (memory, self.tr("{n} units").format(n=units) if units else "")}

    def _chip_lines(self, slot: str) -> list[str]:
        title = self.slot_title(slot)
        return title.split(" ", 1) if " " in title else [title]

    def _metrics(self) -> dict:
        z = self._cz
        fonts = self._fonts()
        fm = {name: QFontMetricsF(font) for name, font in fonts.items()}
        gutter = max(max(self._rich(title, fonts["title"]).idealWidth(), fm["small"].horizontalAdvance(second))
                     for title, second in self._row_titles().values()) + 14 * z
        chip_width = max(fm["chip"].horizontalAdvance(line) for slot in SLOT_ORDER
                         for line in self._chip_lines(slot)) + 10 * z
        hidden = max((len(c.hidden) for c in self._columns), default=0)
        return {"fonts": fonts, "fm": fm, "gutter": gutter, "chip_width": chip_width, "hidden": hidden,
                "pad": 10 * z, "legend_h": fm["chip"].height() + 10 * z, "t_h": fm["small"].height() + 2 * z,
                "word_h": fm["word"].height() + 10 * z, "chip_h": 2 * fm["chip"].height() + 10 * z,
                "bars_h": 72 * z, "gap": 6 * z, "min_cell": 9 * z, "max_column": 200 * z, "col_pad": 6 * z,
                "min_bars": 72 * z}

    def _column_minimums(self, m: dict) -> list[float]:
        z = self._cz
        floor = max(m["chip_width"], m["min_bars"]) + m["col_pad"]
        return [max(floor, m["fm"]["word"].horizontalAdvance(c.word) + m["col_pad"] + (26 * z if not c.known else 4 * z))
                for c in self._columns]

    def _memory_grid(self, m: dict, inner: float) -> tuple[int, int, float, float]:
        """(units per row, rows, cell width, cell height) of the memory strip ``inner`` wide."""
        units = m["hidden"]
        if units <= 0 or inner <= 0:
            return 0, 0, 0.0, 0.0
        per_row = max(1, min(units, int(inner // m["min_cell"])))
        rows = math.ceil(units / per_row)
        per_row = math.ceil(units / rows)       # balance the rows
        cell_w = inner / per_row
        cell_h = min(cell_w, 13 * self._cz)
        return per_row, rows, cell_w, cell_h

    def _needed_width(self) -> int:
        m = self._metrics()
        legend = self._legend_width(m) + 2 * m["pad"]
        words = 2 * m["pad"] + m["gutter"] + sum(self._column_minimums(m)) if self._columns else 0
        return int(math.ceil(max(legend, words)))

    def _needed_height(self) -> int:
        m = self._metrics()
        inner = self._geometry.get("memory_w")
        if inner is None:
            inner = min(self._column_minimums(m), default=0) - m["col_pad"]
        _, rows, _, cell_h = self._memory_grid(m, inner)
        memory_h = max(rows * cell_h, m["fm"]["title"].height() + m["fm"]["small"].height()) if rows else 0
        return int(math.ceil(m["pad"] + m["legend_h"] + m["gap"] + m["t_h"] + m["word_h"] + m["chip_h"]
                             + m["gap"] + m["bars_h"] + m["gap"] + memory_h + m["pad"]))

    def _legend_width(self, m: dict) -> float:
        fm = m["fm"]["chip"]
        swatch = fm.height()
        return (fm.horizontalAdvance(self.tr("Slots:")) + 10 * self._cz
                + sum(swatch + 6 * self._cz + fm.horizontalAdvance(self.slot_title(s)) + 16 * self._cz
                      for s in SLOT_ORDER))

    def _layout_columns(self, width: float) -> None:
        """Place the columns in a canvas ``width`` wide: each at least as wide as its word and chip need;
        the room left over widens the narrowest first (up to a comfortable maximum), so short words do
        not get needlessly wide columns while long ones fit."""
        m = self._metrics()
        n = len(self._columns)
        if not n:
            self._geometry = {}
            return
        minimums = self._column_minimums(m)
        room = width - 2 * m["pad"] - m["gutter"]
        if sum(minimums) >= room:
            widths = minimums
        else:
            # water-filling: one common width w for every column narrower than w
            level = room / n
            for _ in range(n):
                fixed = [w for w in minimums if w > level]
                level = (room - sum(fixed)) / max(1, n - len(fixed))
            level = min(level, m["max_column"])
            widths = [max(w, level) for w in minimums]
        x = m["pad"] + m["gutter"]
        top = m["pad"] + m["legend_h"] + m["gap"]
        for c, w in zip(self._columns, widths):
            c.rect = QRectF(x, top, w, 0)
            x += w
        memory_w = min(min(widths) - m["col_pad"], m["chip_width"] + 30 * self._cz)
        self._geometry = {"top": top, "memory_w": memory_w, "right": x}

    def _relayout(self) -> None:
        available = self.canvas_scroll.viewport().width()
        self._fill = 1.0
        if self._columns and available > 0:
            natural_width, natural_height = self._needed_width(), self._needed_height()
            # wider words where there is room — but the F1 table must still show below them
            by_height = MAX_CANVAS_SHARE * self.height() / max(1, natural_height)
            self._fill = max(1.0, min(MAX_FILL, 0.97 * available / max(1, natural_width), by_height))
        self._layout_columns(max(self.canvas.width(), available))
        height = self._needed_height()
        needed = self._needed_width()
        self.canvas.setMinimumWidth(needed)
        self.canvas.setFixedHeight(height)
        bar = self.canvas_scroll.horizontalScrollBar()
        extra = bar.sizeHint().height() if needed > self.canvas_scroll.viewport().width() else 0
        self.canvas_scroll.setFixedHeight(height + extra)
        self.canvas.updateGeometry()
        self.canvas.update()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._wrap_f1_header()
        self._relayout()

    # -- painting ----------------------------------------------------------------------------------
    def _slot_colour(self, slot: str) -> QColor:
        return QColor(SLOT_COLOURS[self._dark].get(slot, SLOT_COLOURS[self._dark]["other"]))

    def _paint(self, painter: QPainter, rect: QRectF) -> None:
        pal = palette(self._dark)
        painter.fillRect(rect, pal.background)
        self._regions = []
        if not self._applicable:
            return
        m = self._metrics()
        fonts, fm = m["fonts"], m["fm"]
        z = self._cz
        self._paint_legend(painter, m, pal)
        if not self._columns:
            painter.setFont(fonts["base"])
            painter.setPen(pal.muted)
            painter.drawText(QRectF(m["pad"], m["pad"] + m["legend_h"] + m["gap"], rect.width() - 2 * m["pad"],
                                    m["word_h"]), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.tr("Type a sentence above and press Enter."))
            return
        if not self._geometry:
            self._layout_columns(rect.width())
        g = self._geometry
        y_t = g["top"]
        y_word = y_t + m["t_h"]
        y_chip = y_word + m["word_h"]
        y_bars = y_chip + m["chip_h"] + m["gap"]
        y_memory = y_bars + m["bars_h"] + m["gap"]
        memory_w = g["memory_w"]
        per_row, rows, cell_w, cell_h = self._memory_grid(m, memory_w)
        memory_h = rows * cell_h
        bottom = y_memory + max(memory_h, 0)

        # Row titles in the gutter (a second, smaller line under some).
        titles = self._row_titles()
        for key, y, h in (("word", y_word, m["word_h"]), ("slot", y_chip, m["chip_h"]),
                          ("bars", y_bars, m["bars_h"]), ("memory", y_memory, max(memory_h, 1))):
            title, second = titles[key]
            box = QRectF(m["pad"], y, m["gutter"] - 10 * z, h)
            line_h = fm["title"].height() + (fm["small"].height() if second else 0)
            top = box.center().y() - line_h / 2 if key != "memory" else y
            self._draw_rich(painter, self._rich(title, fonts["title"], pal.muted),
                            QRectF(box.x(), top, box.width(), fm["title"].height()))
            painter.setPen(pal.muted)
            if second:
                painter.setFont(fonts["small"])
                painter.drawText(QRectF(box.x(), top + fm["title"].height(), box.width(), fm["small"].height()),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, second)

        k = self.words_read()
        for c in self._columns:
            x, column = c.rect.x(), c.rect.width()
            cx = x + column / 2
            inner = column - m["col_pad"]
            left = cx - inner / 2
            read = c.t <= k
            current = c.t == k
            alpha = self.progress if current else 1.0
            if current:
                band = QColor(pal.highlight)
                band.setAlpha(70 if not self._dark else 55)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(band)
                painter.drawRoundedRect(QRectF(x + 2 * z, y_t - 2 * z, column - 4 * z, bottom - y_t + 6 * z),
                                        8 * z, 8 * z)
            # t = …
            painter.setFont(fonts["small"])
            painter.setPen(pal.muted)
            painter.drawText(QRectF(x, y_t, column, m["t_h"]), Qt.AlignmentFlag.AlignCenter, f"t = {c.t}")
            # the word
            painter.setFont(fonts["word"])
            word_colour = QColor(pal.text if read else pal.muted)
            if not read:
                word_colour.setAlpha(150)
            painter.setPen(word_colour)
            text_w = fm["word"].horizontalAdvance(c.word)
            shift = 0.0 if c.known else -10 * z       # room for the "?" marker
            painter.drawText(QRectF(cx + shift - text_w / 2 - 2 * z, y_word, text_w + 4 * z, m["word_h"]),
                             Qt.AlignmentFlag.AlignCenter, c.word)
            self._regions.append((QRectF(cx + shift - text_w / 2 - 4 * z, y_word, text_w + 24 * z, m["word_h"]),
                                  self._word_tooltip(c)))
            if not c.known:
                self._paint_unknown_marker(painter, pal, m, cx + shift + text_w / 2, y_word, text_w)
            if not read:
                faint = QColor(pal.muted)
                faint.setAlpha(110)
                painter.setPen(QPen(faint, 1.0 * z, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(left, y_chip + 3 * z, inner, bottom - y_chip - 3 * z), 6 * z, 6 * z)
                painter.setFont(fonts["small"])
                painter.setPen(faint)
                painter.drawText(QRectF(left + 2 * z, y_bars, inner - 4 * z, m["bars_h"]),
                                 Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.tr("not read yet"))
                continue
            painter.save()
            painter.setOpacity(0.25 + 0.75 * alpha)
            self._paint_chip(painter, m, c, QRectF(left, y_chip + 3 * z, inner, m["chip_h"] - 6 * z))
            bars_w = min(inner, m["chip_width"] + 30 * z)
            self._paint_bars(painter, m, pal, c, QRectF(cx - bars_w / 2, y_bars, bars_w, m["bars_h"]))
            if rows:
                self._paint_memory(painter, m, pal, c, QRectF(cx - memory_w / 2, y_memory, memory_w, memory_h),
                                   per_row, cell_w, cell_h)
            painter.restore()

    @staticmethod
    def _rich(html: str, font: QFont, colour: QColor | None = None) -> QTextDocument:
        """A line of rich text (a<sup>t</sup>) in ``font``, measured without margins."""
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(font)
        style = f"color:{colour.name()};" if colour is not None else ""
        document.setHtml(f"<span style='{style}'>{html}</span>")
        return document

    @staticmethod
    def _draw_rich(painter: QPainter, document: QTextDocument, rect: QRectF) -> None:
        """Draw ``document`` right-aligned and vertically centred in ``rect``."""
        width, height = document.idealWidth(), document.size().height()
        painter.save()
        painter.translate(rect.right() - width, rect.center().y() - height / 2)
        document.drawContents(painter)
        painter.restore()

    def _paint_legend(self, painter: QPainter, m: dict, pal: Palette) -> None:
        z = self._cz
        font = m["fonts"]["chip"]
        fm = m["fm"]["chip"]
        painter.setFont(font)
        x = m["pad"]
        y = m["pad"]
        h = m["legend_h"]
        painter.setPen(pal.muted)
        label = self.tr("Slots:")
        painter.drawText(QRectF(x, y, fm.horizontalAdvance(label) + 2, h), Qt.AlignmentFlag.AlignVCenter, label)
        x += fm.horizontalAdvance(label) + 10 * z
        swatch = fm.height()
        for slot in SLOT_ORDER:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._slot_colour(slot))
            painter.drawRoundedRect(QRectF(x, y + (h - swatch) / 2, swatch, swatch), 3 * z, 3 * z)
            x += swatch + 6 * z
            title = self.slot_title(slot)
            painter.setPen(pal.text)
            painter.drawText(QRectF(x, y, fm.horizontalAdvance(title) + 2, h), Qt.AlignmentFlag.AlignVCenter, title)
            x += fm.horizontalAdvance(title) + 16 * z

    def _paint_unknown_marker(self, painter, pal, m, right, y_word, text_w) -> None:
        z = self._cz
        r = 7 * z
        centre = QPointF(right + r + 4 * z, y_word + 5 * z + r * 0.5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pal.input)
        painter.drawEllipse(centre, r, r)
        painter.setPen(text_on(pal.input))
        font = QFont(m["fonts"]["small"])
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, "?")
        # dotted underline under the word
        pen = QPen(pal.input, 2.0 * z, Qt.PenStyle.DotLine)
        painter.setPen(pen)
        baseline = y_word + m["word_h"] - 4 * z
        painter.drawLine(QPointF(right - text_w, baseline), QPointF(right, baseline))

    def _paint_chip(self, painter, m, c: WordColumn, rect: QRectF) -> None:
        z = self._cz
        colour = self._slot_colour(c.slot)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        width = min(rect.width(), m["chip_width"] + 8 * z)
        chip = QRectF(rect.center().x() - width / 2, rect.y(), width, rect.height())
        painter.drawRoundedRect(chip, rect.height() / 4, rect.height() / 4)
        painter.setPen(text_on(colour))
        painter.setFont(m["fonts"]["chip"])
        title = self.slot_title(c.slot)
        if m["fm"]["chip"].horizontalAdvance(title) > chip.width() - 10 * z:
            title = "\n".join(self._chip_lines(c.slot))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, title)
        p = float(c.probabilities[SLOT_ORDER.index(c.slot)]) if c.slot in SLOT_ORDER else float("nan")
        self._regions.append((chip, self.tr("{word}: {slot} ({p} sure)").format(
            word=c.word, slot=self.slot_title(c.slot), p=self._percent(p))))

    @staticmethod
    def _percent(p: float) -> str:
        if not math.isfinite(p):
            return "–"
        value = 100.0 * p
        if 99.5 <= value < 99.95 or 0 < value < 9.5:
            return f"{value:.1f}%"            # not "100%" for a network that is not quite sure
        return f"{value:.0f}%"

    def _paint_bars(self, painter, m, pal, c: WordColumn, rect: QRectF) -> None:
        z = self._cz
        fm = m["fm"]["small"]
        label_h = fm.height() + 2 * z
        tick_h = 4 * z                       # a slot-coloured mark under each bar: all five show at 0 %
        plot = QRectF(rect.x(), rect.y() + label_h, rect.width(), rect.height() - label_h - tick_h - 3 * z)
        count = len(SLOT_ORDER)
        pitch = plot.width() / count
        bar_w = pitch * 0.72
        grid = QColor(pal.muted)
        grid.setAlpha(70)
        painter.setPen(QPen(grid, 1.0 * z, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.right(), plot.top()))
        best = int(np.argmax(np.where(np.isfinite(c.probabilities), c.probabilities, -1.0)))
        for i, slot in enumerate(SLOT_ORDER):
            p = float(c.probabilities[i]) if i < len(c.probabilities) else float("nan")
            height = plot.height() * (max(0.0, min(1.0, p)) if math.isfinite(p) else 0.0)
            x = plot.x() + i * pitch + (pitch - bar_w) / 2
            bar = QRectF(x, plot.bottom() - height, bar_w, height)
            colour = self._slot_colour(slot)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(QRectF(x, plot.bottom() + 2 * z, bar_w, tick_h))
            if i != best:
                colour = mix(pal.background, colour, 0.75)
            painter.setBrush(colour)
            painter.drawRect(bar)
            if i == best:
                painter.setPen(QPen(pal.text, 1.2 * z))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(bar)
                painter.setFont(m["fonts"]["small"])
                text = self._percent(p)
                text_w = fm.horizontalAdvance(text) + 4 * z
                text_x = max(rect.left(), min(rect.right() - text_w, x + bar_w / 2 - text_w / 2))
                painter.setPen(pal.text)
                painter.drawText(QRectF(text_x, bar.top() - label_h, text_w, label_h),
                                 Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(QPen(pal.muted, 1.0 * z))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        lines = [f"{self.slot_title(slot)}: {self._percent(float(c.probabilities[i]))}"
                 for i, slot in enumerate(SLOT_ORDER) if i < len(c.probabilities)]
        self._regions.append((rect, self.tr("P(slot) for “{word}”:").format(word=c.word) + "\n" + "\n".join(lines)))

    def _paint_memory(self, painter, m, pal, c: WordColumn, rect: QRectF, per_row, cell_w, cell_h) -> None:
        z = self._cz
        painter.setPen(Qt.PenStyle.NoPen)
        for unit, value in enumerate(c.hidden):
            row, col = divmod(unit, per_row)
            painter.setBrush(value_color(float(value), self._hidden_scale, pal))
            painter.drawRect(QRectF(rect.x() + col * cell_w, rect.y() + row * cell_h, cell_w + 0.5, cell_h + 0.5))
        border = QColor(pal.muted)
        border.setAlpha(120)
        painter.setPen(QPen(border, 1.0 * z))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        units = len(c.hidden)
        finite = c.hidden[np.isfinite(c.hidden)]
        summary = (self.tr("aᵗ at t = {t}: {n} hidden values, from {low:.2f} to {high:.2f} (blue negative, "
                           "orange positive)").format(t=c.t, n=units, low=float(finite.min()),
                                                      high=float(finite.max()))
                   if finite.size else self.tr("aᵗ at t = {t}").format(t=c.t))
        if self._feedforward:
            summary += "\n" + self.tr("A feed-forward network keeps none of it for the next word.")
        elif self._jordan:
            summary += "\n" + self.tr("A Jordan network remembers its output yᵗ for the next word, not aᵗ.")
        self._regions.append((rect, summary))

    def _word_tooltip(self, c: WordColumn) -> str:
        head = self.tr("“{word}” — step t = {t}").format(word=c.word, t=c.t)
        if not c.known:
            head += "  ·  " + self.tr("not seen in training")
        return head + ("\n" + c.explanation if c.explanation else "")

    def _tooltip_at(self, pos: QPointF) -> str:
        for rect, text in reversed(self._regions):
            if rect.contains(pos):
                return text
        return ""

    # -- what is shown (test hooks) ----------------------------------------------------------------
    def words(self) -> list[str]:
        return [c.word for c in self._columns]

    def shown_slots(self) -> list[str | None]:
        """The slot each word's chip shows (None for words not read yet)."""
        k = self.words_read()
        return [c.slot if c.t <= k else None for c in self._columns]

    def shown_probabilities(self, index: int) -> np.ndarray | None:
        """The bars under word ``index`` (0-based), or None while it is not read yet."""
        c = self._columns[index]
        return None if c.t > self.words_read() else c.probabilities.copy()

    def shown_memory(self, index: int) -> np.ndarray | None:
        c = self._columns[index]
        return None if c.t > self.words_read() else c.hidden.copy()

    def unknown_words(self) -> list[str]:
        return [c.word for c in self._columns if not c.known]

    def note_text(self) -> str:
        document = QTextDocument()
        document.setHtml(self.step_label.text() + "<br>" + self.note_label.text())
        return document.toPlainText()

    def is_applicable(self) -> bool:
        return self._applicable

    def not_applicable_text(self) -> str:
        return self.not_applicable_label.text() if not self._applicable else ""

    # -- the F1 table ------------------------------------------------------------------------------
    def _table_encoding(self) -> str | None:
        if not self._applicable:
            return None
        _, encoding = self._model_of()
        return encoding or self.encoding_combo.currentData()

    def showEvent(self, event):
        super().showEvent(event)
        self._ensure_f1()
        self._ensure_own_f1()
        self._relayout()

    def _ensure_f1(self) -> None:
        """Start computing the table of the current encoding if it is not known yet (in a worker)."""
        encoding = self._table_encoding()
        self._fill_f1_table()
        if encoding is None or encoding in _F1_CACHE or not self.isVisible():
            return
        if self._worker is not None and self._worker.is_running:
            return                               # one at a time; _on_f1_finished starts the next
        from simulator.gui.training.worker import GeneratorWorker

        self._stop_worker()
        self._worker_encoding = encoding
        self._f1_progress[encoding] = 0
        self._partial = {}
        self._f1_error = ""
        self._worker = GeneratorWorker(lambda: _evaluate_models(encoding))
        self._worker.yielded.connect(self._on_f1_item)
        self._worker.finished.connect(self._on_f1_finished)
        self._worker.errored.connect(self._on_f1_error)
        self._worker.start()
        self._fill_f1_table()

    def _on_f1_item(self, item) -> None:
        encoding, model, scores = item
        if encoding != self._worker_encoding:
            return      # queued by a worker that ended before the current one started (another encoding)
        self._partial[model] = scores
        self._f1_progress[encoding] = len(self._partial)
        self._fill_f1_table()

    def _on_f1_finished(self) -> None:
        from simulator.model import slot_filling

        if self._worker is not None and self._worker.is_running:
            return      # a worker that ended before the current one started: its results were not kept
        encoding = self._worker_encoding
        if encoding is not None and set(self._partial) == set(slot_filling.MODELS):
            _F1_CACHE[encoding] = dict(self._partial)
        self._worker_encoding = None
        self._fill_f1_table()
        # (a new encoding may have been chosen meanwhile)
        if self._worker is not None and not self._worker.is_running:
            self._ensure_f1()

    def _on_f1_error(self, message: str) -> None:
        self._f1_error = message.splitlines()[0] if message else ""
        self._fill_f1_table()

    def _stop_worker(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()
            for signal, slot in ((worker.yielded, self._on_f1_item), (worker.finished, self._on_f1_finished),
                                 (worker.errored, self._on_f1_error)):
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):
                    pass

    def shutdown(self) -> None:
        """Stop the F1 workers (the main window calls this before it closes)."""
        self._stop_worker()
        self._stop_own_worker()

    def f1_ready(self) -> bool:
        encoding = self._table_encoding()
        return encoding is not None and encoding in _F1_CACHE

    def f1_scores(self) -> dict[str, dict]:
        """The table's source: {model: evaluate(...)} of the current encoding ({} while computing)."""
        encoding = self._table_encoding()
        return dict(_F1_CACHE.get(encoding, {})) if encoding else {}

    def f1_cell(self, model: str, column: str) -> str:
        """The text of a cell of the table: ``column`` is a slot name or "overall" (test hook)."""
        from simulator.model import slot_filling

        row = list(slot_filling.MODELS).index(model)
        col = [*SCORED_SLOTS, "overall"].index(column)
        item = self.f1_table.item(row, col)
        return item.text() if item is not None else ""

    def f1_cell_colour(self, model: str, column: str) -> QColor:
        from simulator.model import slot_filling

        row = list(slot_filling.MODELS).index(model)
        item = self.f1_table.item(row, [*SCORED_SLOTS, "overall"].index(column))
        return item.background().color()

    def _f1_header_labels(self) -> list[str]:
        """The column titles; on one line where the columns are wide enough, else broken at their
        spaces (a projector at 800 px, a narrow window) instead of cut off."""
        labels = [*(self.slot_title(s) for s in SCORED_SLOTS), self.tr("overall")]
        header = self.f1_table.horizontalHeader()
        metrics = header.fontMetrics()
        widths = [header.sectionSize(col) for col in range(self.f1_table.columnCount())]
        if widths and any(metrics.horizontalAdvance(label) + 16 > width for label, width in zip(labels, widths)):
            labels = [label.replace(" ", "\n", 1) for label in labels]
        return labels

    def _wrap_f1_header(self) -> None:
        labels = self._f1_header_labels()
        changed = False
        for col, label in enumerate(labels):
            item = self.f1_table.horizontalHeaderItem(col)
            if item is not None and item.text() != label:
                item.setText(label)
                changed = True
        if changed:
            self._fit_f1_table()          # one header line more or less

    def _retranslate_f1(self) -> None:
        self.f1_table.setHorizontalHeaderLabels(self._f1_header_labels())
        tip = self.tr("F1 of the whole slot values (CoNLL style: a chunk counts only if all its words are right), "
                      "on the test sentences, whose templates were never seen in training")
        for col in range(self.f1_table.columnCount()):
            item = self.f1_table.horizontalHeaderItem(col)
            if item is not None:
                item.setToolTip(tip)
        self._fill_f1_table()

    def _fill_f1_table(self) -> None:
        from simulator.model import slot_filling

        models = list(slot_filling.MODELS)
        encoding = self._table_encoding()
        if self.f1_table.rowCount() != len(models):
            self.f1_table.setRowCount(len(models))
        current_model, _ = self._model_of() if self._applicable else (None, None)
        scores = _F1_CACHE.get(encoding) if encoding else None
        computing = scores is None and encoding is not None and self._worker_encoding == encoding
        if scores is None and computing:
            scores = self._partial
        scores = scores or {}
        encoding_title = self._titles(slot_filling.ENCODING_TITLES, encoding) if encoding else ""
        self.f1_title.setText(self.tr("Slot F1 on the test split — pre-trained models, {encoding}").format(
            encoding=encoding_title) if encoding else self.tr("Slot F1 on the test split — pre-trained models"))
        self.f1_title.setToolTip(self.tr("The shipped weights of each model with this encoding, scored on the "
                                         "held-out test sentences (not the weights you may have edited)"))
        pal = palette(self._dark)
        for row, model in enumerate(models):
            header = QTableWidgetItem(("▶ " if model == current_model else "") + self._titles(
                slot_filling.MODEL_TITLES, model))
            font = QFont(self.f1_table.font())
            font.setBold(model == current_model)
            header.setFont(font)
            self.f1_table.setVerticalHeaderItem(row, header)
            result = scores.get(model)
            for col, key in enumerate([*SCORED_SLOTS, "overall"]):
                item = self.f1_table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.f1_table.setItem(row, col, item)
                item.setFont(font)
                if result is None:
                    item.setText("…" if computing else "")
                    item.setData(Qt.ItemDataRole.UserRole, None)
                    item.setBackground(QBrush(pal.background))
                    item.setForeground(QBrush(pal.muted))
                    item.setToolTip("")
                    continue
                entry = result["overall"] if key == "overall" else result["slots"][key]
                f1 = float(entry["f1"])
                item.setText(f"{f1:.3f}")
                item.setData(Qt.ItemDataRole.UserRole, f1)
                colour = _f1_colour(f1, self._dark)
                item.setBackground(QBrush(colour))
                item.setForeground(QBrush(text_on(colour)))
                item.setToolTip(self.tr("precision {p:.3f} · recall {r:.3f} · {n} slot values in the test split")
                                .format(p=float(entry["precision"]), r=float(entry["recall"]),
                                        n=int(entry["support"])))
        total = len(models)
        done = len(scores) if computing else total
        self.f1_status.setVisible(computing)
        self.f1_progress.setVisible(computing)
        self.f1_progress.setRange(0, total)
        self.f1_progress.setValue(done)
        self.f1_status.setText(self.tr("computing… {done} of {total} models").format(done=done, total=total))
        error = self._f1_error
        self.f1_note.setText(self._f1_note(_F1_CACHE.get(encoding) if encoding else None, error))
        self._fit_f1_table()

    def _f1_note(self, scores: dict | None, error: str) -> str:
        if error:
            return self.tr("The table could not be computed: {reason}").format(reason=error)
        if not scores or "feedforward" not in scores:
            return ""
        feedforward = [float(scores["feedforward"]["slots"][slot]["f1"]) for slot in SCORED_SLOTS]
        recurrent = [float(r["overall"]["f1"]) for m, r in scores.items() if m != "feedforward"]
        text = self.tr("Without memory the feed-forward network scores only {low:.2f}–{high:.2f} per slot: "
                       "whether a city or a date is about arriving or leaving depends on the verb before it.").format(
            low=min(feedforward), high=max(feedforward))
        if recurrent:
            text += " " + self.tr("The recurrent models reach {low:.3f}–{high:.3f} overall.").format(
                low=min(recurrent), high=max(recurrent))
        return text

    def _fit_f1_table(self) -> None:
        table = self.f1_table
        height = table.horizontalHeader().sizeHint().height() + sum(
            table.rowHeight(row) for row in range(table.rowCount())) + 2 * table.frameWidth() + 2
        table.setFixedHeight(height)
