"""Animation export: real files decoded back (GIF, MP4, PNG frames, PNG/SVG pictures), the virtual
clock, byte-identical repeats, and nothing left behind after a cancel or a failure (headless)."""
import numpy as np
import imageio.v3 as iio
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from simulator.errors import UserInputError
from simulator.export import ExportCancelled, VirtualClock, export_animation, export_still
from simulator.export.frames import bundled_font_family
from simulator.model.scenes import load_scene
from simulator.model.session import Session

SMALL = (320, 180)


@pytest.fixture
def session(qapp):
    return Session(load_scene("lstm-lecture"))


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch):
    shown = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: shown.append(a[2] if len(a) > 2 else "") or QMessageBox.Ok)
    return shown


def changes(frames) -> list[int]:
    """Indices i where frame i+1 differs from frame i."""
    return [i for i in range(len(frames) - 1) if not np.array_equal(frames[i], frames[i + 1])]


# -- the virtual clock ------------------------------------------------------------------------------

def test_clock_spreads_the_animation_over_the_step_by_default():
    clock = VirtualClock(1, 2, fps=5, seconds_per_step=1.0)
    assert clock.frame_count == 10
    assert list(clock) == [(1, 0.0), (1, 0.25), (1, 0.5), (1, 0.75), (1, 1.0),
                           (2, 0.0), (2, 0.25), (2, 0.5), (2, 0.75), (2, 1.0)]


def test_clock_holds_the_settled_picture_after_the_animation():
    clock = VirtualClock(3, 3, fps=10, seconds_per_step=1.0, animation_seconds=0.5)
    assert [p for _, p in clock] == [0.0, 0.25, 0.5, 0.75, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]
    assert [p for _, p in VirtualClock(0, 1, fps=4, seconds_per_step=0.5, animation_seconds=0)] == [1.0] * 4


@pytest.mark.parametrize("kwargs", [dict(fps=0), dict(fps=-3), dict(seconds_per_step=0),
                                    dict(animation_seconds=-1), dict(first=4, last=2)])
def test_clock_rejects_bad_settings(kwargs):
    settings = dict(first=1, last=2, fps=10, seconds_per_step=1.0) | kwargs
    with pytest.raises(UserInputError):
        VirtualClock(**settings)


# -- GIF and MP4 at 1280×720 -------------------------------------------------------------------------

FPS, ANIMATED = 10, 5          # 10 frames per step: progress 0, .25, .5, .75, 1 then 5 settled frames


def expected_change_points(steps: int) -> tuple[set[int], list[int]]:
    """Frame i+1 may differ from frame i only inside a step's animation (i = 0..3 of the step) and must
    differ at the step boundaries (the last frame of a step → the first of the next)."""
    animated = {k * FPS + i for k in range(steps) for i in range(ANIMATED - 1)}
    boundaries = [k * FPS + FPS - 1 for k in range(steps - 1)]
    return animated, boundaries


def test_gif_and_mp4_at_1280x720_decode_to_the_frames_and_change_at_step_boundaries(session, tmp_path):
    settings = dict(size=(1280, 720), fps=FPS, steps=(1, 3), seconds_per_step=1.0, animation_seconds=0.5)
    gif = export_animation(session, "cell", tmp_path / "lstm.gif", **settings)
    mp4 = export_animation(session, "cell", tmp_path / "lstm.mp4", **settings)
    reference = export_animation(session, "cell", tmp_path / "frames/", **settings)
    animated, boundaries = expected_change_points(3)

    frames = iio.imread(gif, index=None)
    assert frames.shape == (30, 720, 1280, 3)
    changed = changes(frames)
    assert set(boundaries) <= set(changed)
    assert set(changed) <= animated | set(boundaries)
    for k in range(3):   # the settled tail of each step holds still
        tail = frames[k * FPS + ANIMATED - 1:(k + 1) * FPS]
        assert all(np.array_equal(tail[0], f) for f in tail[1:])
    # The GIF shows what was rendered (256 colours per changed region: nearly exact).
    pngs = sorted(reference.iterdir())
    assert len(pngs) == 30
    for index in (0, 12, 29):
        exact = iio.imread(pngs[index]).astype(int)
        assert np.abs(frames[index].astype(int) - exact).mean() < 1.0

    video = np.stack(list(iio.imiter(mp4)))      # imageio-ffmpeg decodes
    assert video.shape == (30, 720, 1280, 3)     # steps × seconds_per_step × fps, H.264 at full size
    step = lambda i: np.abs(video[i].astype(int) - video[i + 1].astype(int)).mean()   # noqa: E731
    holding = [step(k * FPS + i) for k in range(3) for i in range(ANIMATED, FPS - 1)]
    at_boundaries = [step(i) for i in boundaries]
    assert max(holding) < 0.5                      # lossy, but a still picture stays (nearly) still
    assert min(at_boundaries) > 4 * max(max(holding), 0.05)
    assert np.abs(video[29].astype(int) - iio.imread(pngs[29]).astype(int)).mean() < 3.0


# -- repeatable frames, pictures ---------------------------------------------------------------------

def test_two_exports_give_byte_identical_png_frames(session, tmp_path):
    settings = dict(size=SMALL, fps=4, steps=(2, 4), seconds_per_step=1.0)
    first = export_animation(session, "cell", tmp_path / "a/", **settings)
    session.last()          # the session's own step does not matter: the clock says which step to draw
    second = export_animation(session, "cell", tmp_path / "b/", **settings)
    names = sorted(p.name for p in first.iterdir())
    assert names == [f"frame_{i:05d}.png" for i in range(1, 13)]
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes()
    assert len(set((first / n).read_bytes() for n in names)) > 3    # and the frames are not all alike


def test_a_still_png_is_the_settled_last_frame_and_svg_is_a_drawing(session, tmp_path):
    frames = export_animation(session, "network", tmp_path / "f/", size=SMALL, fps=2, steps=(1, 3))
    still = export_still(session, "network", tmp_path / "net.png", size=SMALL, step=3)
    assert np.array_equal(iio.imread(still), iio.imread(frames / "frame_00006.png"))
    svg = export_still(session, "network", tmp_path / "net.svg", size=SMALL, step=3)
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and 'viewBox="0 0 320 180"' in text


def test_every_view_exports(session, tmp_path):
    for view in ("network", "cell", "unrolled", "heatmap"):
        path = export_animation(session, view, tmp_path / f"{view}.gif", size=SMALL, fps=2, steps=(0, 1))
        assert iio.imread(path, index=None).shape == (4, 180, 320, 3)


def test_exported_frames_use_the_bundled_font(session, tmp_path):
    from PySide6.QtWidgets import QApplication

    from simulator.gui.main_window import VIEW_FACTORIES

    seen = []

    def factory(s):
        seen.append(QApplication.font().family())
        return VIEW_FACTORIES["cell"](s)

    before = QApplication.font()
    export_animation(session, factory, tmp_path / "x.gif", size=SMALL, fps=1, steps=(1, 1))
    assert seen == [bundled_font_family()] == ["DejaVu Sans"]
    assert QApplication.font() == before          # the user's font is back


# -- nothing left behind -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["out.gif", "out.mp4", "out/"])
def test_cancel_after_three_frames_leaves_no_file(session, tmp_path, name):
    done = []
    with pytest.raises(ExportCancelled):
        export_animation(session, "cell", tmp_path / name, size=SMALL, fps=5, steps=(1, 3),
                         progress=lambda i, n: done.append((i, n)), cancelled=lambda: len(done) >= 3)
    assert done == [(1, 15), (2, 15), (3, 15)]
    assert list(tmp_path.iterdir()) == []


def test_a_failure_midway_leaves_no_file_and_keeps_an_earlier_export(session, tmp_path):
    from simulator.gui.main_window import VIEW_FACTORIES

    target = tmp_path / "lstm.gif"
    export_animation(session, "cell", target, size=SMALL, fps=1, steps=(1, 2))
    before = target.read_bytes()

    def broken(s):
        view = VIEW_FACTORIES["cell"](s)
        calls = []
        original = view.show_step

        def show_step(step, progress=1.0):
            calls.append(step)
            if len(calls) > 4:
                raise RuntimeError("the view broke")
            original(step, progress)
        view.show_step = show_step
        return view

    with pytest.raises(RuntimeError, match="the view broke"):
        export_animation(session, broken, target, size=SMALL, fps=5, steps=(1, 2))
    assert [p.name for p in tmp_path.iterdir()] == ["lstm.gif"]
    assert target.read_bytes() == before


@pytest.mark.parametrize("out, kwargs, message", [
    ("x.gif", dict(steps=(0, 99)), "not within 0:9"),
    ("x.gif", dict(size=(8, 8)), "outside"),
    ("x.avi", {}, "unknown file type"),
    ("x.gif", dict(fps=60), "at most 50"),
    ("x.mp4", dict(size=(321, 180)), "even"),
    ("missing/x.gif", {}, "does not exist"),
])
def test_bad_settings_are_one_line_errors_and_write_nothing(session, tmp_path, out, kwargs, message):
    settings = dict(size=SMALL, fps=5) | kwargs
    with pytest.raises(UserInputError, match=message):
        export_animation(session, "cell", tmp_path / out, **settings)
    assert list(tmp_path.iterdir()) == []


def test_frames_folder_refuses_a_folder_with_other_files(session, tmp_path):
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "talk.pdf").write_bytes(b"%PDF")
    with pytest.raises(UserInputError, match="other files"):
        export_animation(session, "cell", tmp_path / "slides/", size=SMALL, fps=1, steps=(1, 1))
    assert [p.name for p in (tmp_path / "slides").iterdir()] == ["talk.pdf"]


# -- the dialog in the window --------------------------------------------------------------------------

@pytest.fixture
def window(qtbot, tmp_path):
    from simulator.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    settings.setValue("start_page/shown", True)
    window = MainWindow(language="en", settings=settings, data_dir=tmp_path / "data", scene="lstm-lecture")
    qtbot.addWidget(window)
    window.animator.set_duration(0)
    yield window
    window.session._set_dirty(False)


def test_ctrl_e_opens_the_export_dialog_and_it_writes_a_gif(window, qtbot, tmp_path):
    from simulator.gui.export_dialog import ExportDialog

    # the main window installs the export dialog on File → Export… (Ctrl+E)
    assert window.act_export.shortcut().toString() == "Ctrl+E"
    assert "GIF" in window.act_export.toolTip()
    window.show_view("cell")
    window.act_export.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert dialog.what.currentData() == "cell"         # the view on screen is the default
    assert (dialog.first_step.value(), dialog.last_step.value()) == (1, 9)
    dialog.size_preset.setCurrentIndex(dialog.size_preset.findData("custom"))   # custom size
    dialog.width_box.setValue(320)
    dialog.height_box.setValue(180)
    dialog.fps.setValue(4)
    dialog.first_step.setValue(2)
    dialog.last_step.setValue(3)
    dialog.animation_seconds.setValue(0.5)
    assert dialog.summary.text() == "8 frames, 2.0 s"
    dialog.path_edit.setText(str(tmp_path / "out.gif"))
    assert dialog.start_export()
    frames = iio.imread(tmp_path / "out.gif", index=None)
    assert frames.shape == (8, 180, 320, 3)
    assert changes(frames) == [0, 3, 4]    # animation 0→1 over frames 0–1, hold, next step
    assert "out.gif" in window.statusBar().currentMessage()


def test_cancel_in_the_dialog_leaves_no_file(window, qtbot, tmp_path):
    from simulator.gui.export_dialog import ExportDialog

    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(dialog.format.findData("mp4"))
    dialog.path_edit.setText(str(tmp_path / "talk.mp4"))
    dialog.size_preset.setCurrentIndex(dialog.size_preset.findData("custom"))
    dialog.width_box.setValue(320)
    dialog.height_box.setValue(180)
    dialog.fps.setValue(5)

    def click_cancel(value):
        if value == 3:
            assert dialog.close_button.text() == "Cancel"
            dialog.close_button.click()
    dialog.progress.valueChanged.connect(click_cancel)
    assert not dialog.start_export()
    assert dialog.summary.text() == "Cancelled; nothing was written"
    assert list(p.name for p in tmp_path.iterdir() if p.suffix == ".mp4" or "partial" in p.name) == []
    assert dialog.close_button.text() == "Close"


def test_the_format_choice_renames_the_target(window, qtbot, tmp_path):
    from simulator.gui.export_dialog import ExportDialog

    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "talk.gif"))
    dialog.format.setCurrentIndex(dialog.format.findData("frames"))
    assert dialog.path_edit.text() == str(tmp_path / "talk") + "/"
    dialog.format.setCurrentIndex(dialog.format.findData("svg"))
    assert dialog.path_edit.text() == str(tmp_path / "talk.svg")


@pytest.mark.parametrize("panel", ["builder", "sequence", "explanation", "scene"])
def test_a_panel_exports_as_a_picture(panel, qapp, tmp_path):
    from simulator.export import export_still
    from simulator.model.scenes import load_scene
    from simulator.model.session import Session

    import imageio.v3 as iio

    session = Session(load_scene("toy-rnn"))
    out = export_still(session, panel, tmp_path / f"{panel}.png", size=(400, 300))
    image = iio.imread(out)
    assert image.shape == (300, 400, 3)
    assert len(np.unique(image.reshape(-1, 3), axis=0)) > 5      # text and controls, not a blank page
