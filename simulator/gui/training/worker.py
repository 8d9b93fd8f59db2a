"""Long work as a generator run in a thread, yielding immutable snapshots (superqt's ``thread_worker``).

The generator does the work between two yields; the worker checks its flags there, so Pause, Resume,
One more item and Abort answer at the next yield — one training update or one level of a loss
surface, milliseconds on the lecture's networks. Between yields the worker thread owns the
generator's objects; while it is paused (blocked on a condition, not spinning) or finished, the GUI
thread may touch them.

A generator may also yield ``None`` inside a long item (between the updates of several runs): a
breathing point where the worker lets a busy GUI thread go first; it is not delivered or counted.

Two ways of delivering items:

- ``coalesce=False`` (default): every item is emitted through ``yielded`` in order.
- ``coalesce=True``: the worker keeps only the latest item and emits it again only after the GUI has
  taken the previous one (:meth:`take`), so a generator that yields 100 000 items a second cannot
  flood the GUI's event queue; the GUI sees the newest item at its own pace. Training uses this: the
  full history lives in the training session, the snapshot says only "this is where we are".

Signals are emitted from the worker thread; receivers in the GUI thread get them queued, in order.
No widget is ever touched here.
"""
from __future__ import annotations

import threading
import time
import traceback
from typing import Callable, Iterator

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot


class _Thread(QThread):
    """A thread that runs one function (no event loop: the generator loop is the whole run).

    Every started thread is kept in ``_alive`` until it has ended, so Python can never destroy a
    QThread that still runs (Qt aborts the program then) — not even when a worker was dropped or a
    stop() gave up waiting for a long item."""

    _alive: set = set()

    def __init__(self, body: Callable[[], None], parent=None):
        super().__init__(parent)
        self._body = body
        self.finished.connect(self._forget)

    def start(self, *args):
        _Thread._alive.add(self)
        super().start(*args)

    def run(self):
        self._body()

    @Slot()
    def _forget(self):
        self.wait()                      # finished is sent just before run() returns: let it return
        _Thread._alive.discard(self)


class GeneratorWorker(QObject):
    """Runs ``factory()`` — a generator — in its own thread; see the module docstring.

    ``start(paused=False)``, ``pause()``, ``resume(count=None)`` (``count`` items, then pause again),
    ``abort()``, ``wait(ms)``. ``min_interval`` (seconds) spaces the items out, for watching a fast
    computation live; 0 runs flat out.
    """

    yielded = Signal(object)
    #: the worker has stopped at a yield and waits (True) / runs again (False); emitted from the thread
    pause_changed = Signal(bool)
    finished = Signal()
    errored = Signal(str)

    def __init__(self, factory: Callable[[], Iterator], coalesce: bool = False, min_interval: float = 0.0,
                 parent=None):
        super().__init__(parent)
        self._factory = factory
        self._coalesce = coalesce
        self._condition = threading.Condition()
        self._paused = False
        self._aborted = False
        self._budget: int | None = None          # items left before pausing again (resume(count))
        self._min_interval = float(min_interval)
        self._latest = None
        self._has_latest = False
        self._delivered = True                   # coalescing: the GUI took the last emitted item
        self._thread: _Thread | None = None
        self._running = False
        self._items = 0
        self._holds = 0                          # hold(): the GUI is drawing, wait before the next item
        self._gui_busy = False                   # yield_to(): the GUI thread is awake, let it run first
        self._dispatcher = None
        #: the longest the worker defers to a busy GUI thread before it computes one item anyway
        self.max_deference = 0.02

    # -- control (GUI thread) --------------------------------------------------------------------
    def start(self, paused: bool = False) -> None:
        if self._thread is not None:
            raise RuntimeError("a GeneratorWorker runs once; make a new one")
        self._paused = paused
        self._running = True
        self._thread = _Thread(self._run)
        self._thread.start()

    def pause(self) -> None:
        with self._condition:
            self._paused = True
            self._budget = None
            self._condition.notify_all()

    def resume(self, count: int | None = None) -> None:
        """Run on; with ``count``, run exactly that many more items and pause again."""
        with self._condition:
            self._paused = False
            self._budget = None if count is None else max(0, int(count))
            self._condition.notify_all()

    def abort(self) -> None:
        with self._condition:
            self._aborted = True
            self._condition.notify_all()

    def hold(self) -> None:
        """Wait before the next item until :meth:`release` (the GUI thread is drawing: it gets the
        interpreter to itself instead of fighting the worker for the GIL at every Python call).
        Not a pause: nothing is announced, and the item being computed is finished first."""
        with self._condition:
            self._holds += 1

    def release(self) -> None:
        with self._condition:
            self._holds = max(0, self._holds - 1)
            self._condition.notify_all()

    def yield_to(self, dispatcher) -> None:
        """Let the thread of ``dispatcher`` (a QAbstractEventDispatcher, the GUI thread's) go first:
        while it is awake (handling events, painting) the worker waits before its next item — at most
        ``max_deference`` seconds, so a GUI that never sleeps slows the work down but cannot stop it —
        and runs while it sleeps. Python threads share one interpreter lock: without this a worker
        doing many tiny steps makes every Python call of a redraw wait for the lock."""
        self._dispatcher = dispatcher
        dispatcher.awake.connect(self._on_gui_awake, Qt.ConnectionType.DirectConnection)
        dispatcher.aboutToBlock.connect(self._on_gui_idle, Qt.ConnectionType.DirectConnection)

    def _disconnect_dispatcher(self) -> None:
        dispatcher, self._dispatcher = self._dispatcher, None
        if dispatcher is not None:
            try:
                dispatcher.awake.disconnect(self._on_gui_awake)
                dispatcher.aboutToBlock.disconnect(self._on_gui_idle)
            except (RuntimeError, TypeError):
                pass

    def _on_gui_awake(self) -> None:
        self._gui_busy = True

    def _on_gui_idle(self) -> None:
        if self._gui_busy:
            with self._condition:
                self._gui_busy = False
                self._condition.notify_all()

    def set_min_interval(self, seconds: float) -> None:
        with self._condition:
            self._min_interval = max(0.0, float(seconds))
            self._condition.notify_all()

    def wait(self, ms: int = 10_000) -> bool:
        """Block until the thread has ended (True) or ``ms`` passed (False)."""
        return True if self._thread is None else bool(self._thread.wait(int(ms)))

    def stop(self, ms: int = 10_000) -> bool:
        """Abort and wait: what a view does before it goes away, so no thread outlives it."""
        self._disconnect_dispatcher()
        self.abort()
        return self.wait(ms)

    def take(self):
        """The newest item (coalescing mode) and permission to send the next one; None if none waits."""
        with self._condition:
            item = self._latest if self._has_latest else None
            self._latest, self._has_latest = None, False
            self._delivered = True
            self._condition.notify_all()
            return item

    # -- state -----------------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        """True from start() until the generator is done (or aborted) — paused counts as running."""
        return self._running

    @property
    def is_paused(self) -> bool:
        return self._paused

    @property
    def items(self) -> int:
        """How many items the generator has yielded so far."""
        return self._items

    # -- the thread --------------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            generator = iter(self._factory())
            while True:
                if not self._wait_for_permission():
                    break
                started = time.perf_counter()
                try:
                    item = next(generator)
                    while item is None:         # a breathing point inside a long item: GUI first
                        self._defer_to_gui()
                        item = next(generator)
                except StopIteration:
                    break
                self._items += 1
                self._deliver(item)
                if not self._space_out(started):
                    break
                # Hand the GIL over if the GUI thread waits for it. Without this a generator of tiny
                # items (a one-unit RNN: 40 µs an update) keeps it for the interpreter's whole switch
                # interval (5 ms) every time the GUI thread wants it back — and a redraw wants it back
                # hundreds of times — so the window would answer in seconds, not milliseconds.
                time.sleep(0)
        except Exception as error:  # noqa: BLE001 - a bug in the work must reach the GUI, not kill Python
            self.errored.emit(f"{type(error).__name__}: {error}\n{traceback.format_exc(limit=6)}")
        finally:
            self._running = False
            self.finished.emit()

    def _wait_for_permission(self) -> bool:
        """Block while paused; False when aborted. Counts down a resume(count) budget."""
        announced = deferred = False
        with self._condition:
            while True:
                if self._aborted:
                    return False
                if self._budget == 0:
                    self._paused, self._budget = True, None
                if not self._paused and not self._holds:
                    if self._gui_busy and not deferred:
                        deferred = True         # let the GUI thread finish what it is doing first
                        self._condition.wait(self.max_deference)
                        continue
                    break
                if not self._paused:            # held by the GUI while it draws: no announcement
                    self._condition.wait()
                    continue
                if not announced:
                    announced = True
                    self.pause_changed.emit(True)
                self._condition.wait()
            if self._budget is not None:
                self._budget -= 1
        if announced:
            self.pause_changed.emit(False)
        return True

    def _defer_to_gui(self) -> None:
        """At a breathing point (the generator yielded None): wait while the GUI draws (hold) or is
        awake (yield_to, bounded by max_deference); pauses and budgets only count at real items."""
        deferred = False
        with self._condition:
            while not self._aborted:
                if self._holds:
                    self._condition.wait()
                elif self._gui_busy and not deferred:
                    deferred = True
                    self._condition.wait(self.max_deference)
                else:
                    break
        time.sleep(0)

    def _deliver(self, item) -> None:
        if not self._coalesce:
            self.yielded.emit(item)
            return
        with self._condition:
            self._latest, self._has_latest = item, True
            if not self._delivered:
                return                   # the GUI has not taken the last one yet: it will find this one
            self._delivered = False
        self.yielded.emit(item)

    def _space_out(self, started: float) -> bool:
        """Wait out ``min_interval`` since the item was started (pause and abort cut it short)."""
        with self._condition:
            while not self._aborted and self._min_interval > 0:
                left = started + self._min_interval - time.perf_counter()
                if left <= 0 or self._paused:
                    break
                self._condition.wait(left)
            return not self._aborted


class LatestOnly(QObject):
    """Calls ``redraw()`` when something new arrived — at most ``hz`` times a second, and rarer when a
    redraw is slow: the next one waits at least ``busy_factor`` times as long as the last one took,
    so drawing never takes more than about a third of the GUI thread's time (clicks and keys are
    answered in between). ``mark()`` on every arrival is cheap; one timer coalesces the redraws."""

    def __init__(self, redraw: Callable[[], None], hz: float = 30.0, parent=None, busy_factor: float = 2.0,
                 slowest_ms: int = 500):
        super().__init__(parent)
        self._redraw = redraw
        self._dirty = False
        self._fastest_ms = max(1, round(1000.0 / hz))
        self._slowest_ms = slowest_ms
        self._busy_factor = busy_factor
        self.last_duration = 0.0                 # seconds the last redraw took
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self._fastest_ms)
        self._timer.timeout.connect(self._tick)

    def mark(self) -> None:
        self._dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Redraw now if something is pending (e.g. when the work ended)."""
        if self._dirty:
            self._tick()

    def stop(self) -> None:
        self._timer.stop()

    def add_cost(self, seconds: float) -> None:
        """Work done after the redraw (the paint Qt does for it) counts towards its cost."""
        self.last_duration += seconds
        self._timer.setInterval(self._interval())

    def _interval(self) -> int:
        return max(self._fastest_ms, min(self._slowest_ms, round(1000 * self._busy_factor * self.last_duration)))

    @Slot()
    def _tick(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        started = time.perf_counter()
        self._redraw()
        self.last_duration = time.perf_counter() - started
        self._timer.setInterval(self._interval())
        if self._dirty and not self._timer.isActive():
            self._timer.start()
