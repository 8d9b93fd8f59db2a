"""Writers for exported frames: GIF, MP4 (H.264), a folder of PNG frames, one PNG picture.

Frames come in as (height, width, 3) uint8 RGB arrays; nothing here imports Qt. Every writer writes
beside its target (a hidden ``.NAME.partial…`` file or folder) and renames it into place only when
:meth:`FrameWriter.commit` is called, so a cancelled or failed export leaves nothing behind.

The encoding runs on a worker thread while the caller renders the next frame (two cores: one
draws, one compresses).
"""
from __future__ import annotations

import os
import queue
import secrets
import shutil
import tempfile
import threading
from pathlib import Path

import numpy as np

from simulator.errors import UserInputError

#: GIF delays are whole centiseconds and viewers slow down delays below 2 cs, so 50 fps is the limit.
GIF_MAX_FPS = 50
FRAME_NAME = "frame_{:05d}.png"
FORMATS = {".gif": "gif", ".mp4": "mp4", ".png": "png", ".svg": "svg"}


def output_format(path: str | os.PathLike) -> str:
    """gif, mp4, png, svg, or frames (a folder: a name ending in / or with no suffix, or an existing folder)."""
    text = os.fspath(path)
    target = Path(text)
    if text.endswith(("/", os.sep)) or target.is_dir() or not target.suffix:
        return "frames"
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise UserInputError(f"{target.name}: unknown file type {suffix}; use .gif, .mp4, .png, .svg "
                             "or a folder name ending in / for PNG frames")
    return FORMATS[suffix]


def check_writable_parent(target: Path) -> None:
    parent = target.parent
    if parent.exists() and not parent.is_dir():
        raise UserInputError(f"{parent} is a file, not a folder")
    if not parent.is_dir():
        raise UserInputError(f"the folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UserInputError(f"the folder {parent} is not writable")


def _partial_file(target: Path) -> Path:
    """A new empty file beside ``target`` with the same suffix (ffmpeg picks the container from it),
    created with the user's usual permissions (not mkstemp's 0600: the result is renamed into place)."""
    for _ in range(100):
        partial = target.parent / f".{target.stem}.partial-{secrets.token_hex(4)}{target.suffix}"
        try:
            with open(partial, "xb"):
                return partial
        except FileExistsError:
            continue
    raise UserInputError(f"cannot create a temporary file in {target.parent}")


def _partial_folder(target: Path) -> Path:
    partial = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    umask = os.umask(0o022)
    os.umask(umask)
    partial.chmod(0o777 & ~umask)
    return partial


class FrameWriter:
    """Write frames with :meth:`write`, then :meth:`commit` (rename into place) or :meth:`abort`."""

    def __init__(self, target: str | os.PathLike, size: tuple[int, int], fps: float):
        self.target = Path(target)
        self.size = (int(size[0]), int(size[1]))
        self.fps = float(fps)
        self.frames_written = 0
        self._queue: queue.Queue = queue.Queue(maxsize=4)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=f"export-{type(self).__name__}", daemon=True)
        self._started = False
        self._finished = False

    # -- the caller's side -------------------------------------------------------------------------
    def write(self, frame: np.ndarray) -> None:
        if frame.shape != (self.size[1], self.size[0], 3) or frame.dtype != np.uint8:
            raise ValueError(f"a frame must be ({self.size[1]}, {self.size[0]}, 3) uint8, not "
                             f"{frame.shape} {frame.dtype}")
        self._raise_worker_error()
        if not self._started:
            self._started = True
            self._thread.start()
        self._put(frame)
        self.frames_written += 1

    def commit(self) -> Path:
        """Finish encoding and move the result into place; returns the target path."""
        try:
            self._finish()
            self._raise_worker_error()
            self._close()
            self._move_into_place()
        except BaseException:
            self._discard()
            raise
        return self.target

    def abort(self) -> None:
        """Stop and leave nothing behind (safe to call more than once)."""
        try:
            self._finish()
            self._close()
        except Exception:
            pass
        self._discard()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.abort()
        return False

    # -- the worker's side -------------------------------------------------------------------------
    def _put(self, item) -> None:
        while True:
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                self._raise_worker_error()

    def _finish(self) -> None:
        if self._started and not self._finished:
            self._finished = True
            if self._thread.is_alive():
                self._put(None)
            self._thread.join()
        self._finished = True

    def _run(self) -> None:
        while True:
            frame = self._queue.get()
            if frame is None:
                return
            if self._error is not None:
                continue   # keep draining so the caller never blocks
            try:
                self._encode(frame)
            except BaseException as error:  # noqa: BLE001 - handed to the caller's thread
                self._error = error

    def _raise_worker_error(self) -> None:
        if self._error is not None:
            raise self._error

    # -- per format ----------------------------------------------------------------------------------
    def _encode(self, frame: np.ndarray) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        """Flush and close the partial output (the worker has stopped)."""

    def _move_into_place(self) -> None:
        raise NotImplementedError

    def _discard(self) -> None:
        raise NotImplementedError


class _FileWriter(FrameWriter):
    def __init__(self, target, size, fps):
        super().__init__(target, size, fps)
        check_writable_parent(self.target)
        if self.target.is_dir():
            raise UserInputError(f"{self.target} is a folder")
        self.partial = _partial_file(self.target)

    def _move_into_place(self) -> None:
        os.replace(self.partial, self.target)

    def _discard(self) -> None:
        self.partial.unlink(missing_ok=True)


class GifWriter(_FileWriter):
    """An animated GIF that loops for ever, every frame kept (frame i of the file is frame i of the export).

    Pillow's own multi-frame writer merges identical consecutive frames into one longer frame; here a
    frame that repeats the previous one is written as a 1×1 transparent frame instead (the picture
    stays, the frame count and timing stay). A frame that changes part of the picture is written as the
    changed rectangle only, with its own 256-colour palette (median cut), so the common case — a few
    numbers and a valve moving — costs little.
    """

    def __init__(self, target, size, fps):
        if fps > GIF_MAX_FPS:
            raise UserInputError(f"a GIF plays at most {GIF_MAX_FPS} frames per second, not {fps:g}")
        super().__init__(target, size, fps)
        self._file = open(self.partial, "wb")
        self._previous: np.ndarray | None = None
        self._index = 0

    def _delay_ms(self) -> int:
        """Whole centiseconds that add up to the exact play time (30 fps: 3, 3, 4, 3, 3, 4 … cs)."""
        i = self._index
        centiseconds = round((i + 1) * 100 / self.fps) - round(i * 100 / self.fps)
        return max(2, centiseconds) * 10

    def _encode(self, frame: np.ndarray) -> None:
        from PIL import GifImagePlugin, Image

        delay = self._delay_ms()
        if self._previous is None:
            picture = _quantize(frame)
            header, _ = GifImagePlugin.getheader(picture, info={"loop": 0, "duration": delay})
            chunks = header + GifImagePlugin.getdata(picture, (0, 0), duration=delay, disposal=1, interlace=0)
        else:
            box = _changed_box(self._previous, frame)
            if box is None:
                still = Image.new("P", (1, 1), 0)
                still.putpalette([0, 0, 0])
                chunks = GifImagePlugin.getdata(still, (0, 0), duration=delay, disposal=1, transparency=0,
                                                include_color_table=True, interlace=0)
            else:
                top, bottom, left, right = box
                picture = _quantize(frame[top:bottom, left:right])
                chunks = GifImagePlugin.getdata(picture, (left, top), duration=delay, disposal=1,
                                                include_color_table=True, interlace=0)
        for chunk in chunks:
            self._file.write(chunk)
        self._previous = frame
        self._index += 1

    def _close(self) -> None:
        if not self._file.closed:
            if self._index:
                self._file.write(b";")   # the GIF trailer
            self._file.close()
        if self._index == 0:
            raise UserInputError("no frames to write")

    def _discard(self) -> None:
        if not self._file.closed:
            self._file.close()
        super()._discard()


def _quantize(rgb: np.ndarray):
    """256 colours for a GIF frame: exact when the picture has no more (flat diagrams often have
    fewer), otherwise a median-cut palette."""
    from PIL import Image

    image = Image.fromarray(np.ascontiguousarray(rgb), "RGB")
    colours = image.getcolors(256)
    if colours is not None:
        palette = [c for _, c in colours]
        packed = (rgb[..., 0].astype(np.uint32) << 16) | (rgb[..., 1].astype(np.uint32) << 8) | rgb[..., 2]
        keys = np.array([(r << 16) | (g << 8) | b for r, g, b in palette], dtype=np.uint32)
        order = np.argsort(keys)
        indices = order[np.searchsorted(keys[order], packed)].astype(np.uint8)
        picture = Image.fromarray(indices, "P")
        picture.putpalette([v for c in palette for v in c])
        return picture
    return image.quantize(256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def _changed_box(previous: np.ndarray, frame: np.ndarray) -> tuple[int, int, int, int] | None:
    """(top, bottom, left, right) of the pixels that differ, or None when the frames are identical."""
    changed = np.any(previous != frame, axis=2)
    rows = np.flatnonzero(changed.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(changed[rows[0]:rows[-1] + 1].any(axis=0))
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


class Mp4Writer(_FileWriter):
    """H.264 in an MP4 (yuv420p, which every player plays: width and height must be even)."""

    def __init__(self, target, size, fps, crf: int = 18):
        if size[0] % 2 or size[1] % 2:
            raise UserInputError(f"an MP4 needs an even width and height, not {size[0]}×{size[1]}")
        super().__init__(target, size, fps)
        import imageio_ffmpeg

        self._encoder = imageio_ffmpeg.write_frames(
            str(self.partial), self.size, fps=self.fps, codec="libx264", pix_fmt_in="rgb24",
            pix_fmt_out="yuv420p", quality=None, macro_block_size=1, ffmpeg_log_level="error",
            output_params=["-crf", str(crf), "-preset", "veryfast", "-movflags", "+faststart"])
        self._open = False

    def _encode(self, frame: np.ndarray) -> None:
        if not self._open:
            self._encoder.send(None)   # starts ffmpeg
            self._open = True
        self._encoder.send(np.ascontiguousarray(frame))

    def _close(self) -> None:
        if self._open:
            self._open = False
            self._encoder.close()
        if self.frames_written == 0:
            raise UserInputError("no frames to write")

    def _discard(self) -> None:
        try:
            self._encoder.close()
        except Exception:
            pass
        super()._discard()


class PngFramesWriter(FrameWriter):
    """frame_00001.png, frame_00002.png, … in a folder. The folder may exist only if it is empty or holds
    nothing but frames of an earlier export (those are replaced)."""

    def __init__(self, target, size, fps):
        super().__init__(Path(os.fspath(target).rstrip("/" + os.sep) or "."), size, fps)
        check_writable_parent(self.target)
        if self.target.exists():
            if not self.target.is_dir():
                raise UserInputError(f"{self.target} is a file, not a folder")
            others = [p.name for p in self.target.iterdir() if not _is_frame_name(p.name)]
            if others:
                raise UserInputError(f"the folder {self.target} holds other files ({others[0]}, …); "
                                     "choose an empty or a new folder")
        self.partial = _partial_folder(self.target)
        self._index = 0

    def _encode(self, frame: np.ndarray) -> None:
        self._index += 1
        save_png(frame, self.partial / FRAME_NAME.format(self._index))

    def _close(self) -> None:
        if self._index == 0:
            raise UserInputError("no frames to write")

    def _move_into_place(self) -> None:
        old = None
        if self.target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.old-", dir=self.target.parent))
            os.replace(self.target, old / "frames")
        os.replace(self.partial, self.target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def _discard(self) -> None:
        shutil.rmtree(self.partial, ignore_errors=True)


def _is_frame_name(name: str) -> bool:
    return name.startswith("frame_") and name.endswith(".png") and name[6:-4].isdigit()


def save_png(frame: np.ndarray, path: str | os.PathLike) -> None:
    """A PNG with nothing but the pixels (no time stamp, no text), so equal frames give equal bytes."""
    from PIL import Image

    Image.fromarray(np.ascontiguousarray(frame), "RGB").save(path, format="PNG", compress_level=6)


def save_png_atomic(frame: np.ndarray, target: str | os.PathLike) -> Path:
    target = Path(target)
    check_writable_parent(target)
    partial = _partial_file(target)
    try:
        save_png(frame, partial)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def writer_for(target: str | os.PathLike, size: tuple[int, int], fps: float) -> FrameWriter:
    kind = output_format(target)
    if kind == "gif":
        return GifWriter(target, size, fps)
    if kind == "mp4":
        return Mp4Writer(target, size, fps)
    if kind == "frames":
        return PngFramesWriter(target, size, fps)
    raise UserInputError(f"{Path(target).name}: a {kind.upper()} file holds one picture, not an animation")
