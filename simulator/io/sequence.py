"""Input sequences: parse what the user types or points at into a float64 array.

Used by the CLI (``--inputs "1,1; 1,1; 2,2"`` or ``--inputs data.csv``) and by the GUI's sequence
editor. Every problem with the input raises :class:`~simulator.errors.SequenceError` with a one-line
message that says where the problem is; no other exception escapes for bad input. (Passing a wrong
*type* or a wrong ``input_size`` is a programming error and raises ``TypeError``/``ValueError``.)

Inline syntax (:func:`parse_inline`)::

    1,1; 1,1; 2,2            steps separated by ";" or newlines, features by ","
    [1,1][1,1][2,2]          the lecture's bracket forms: [..] or (..) groups, optionally
    [1,1],[1,1],[2,2]        separated by "," or ";" and optionally wrapped in one outer pair
    (1,0,0)(3,−1,0)          ("−", U+2212, is a minus sign)

Files (:func:`load_array_file`): ``.npy`` (never unpickled), ``.csv``/``.txt`` (comma, semicolon,
tab or whitespace separated; an optional header row, blank lines and ``#`` comment lines are
skipped). ``.npz`` archives are refused.
"""
from __future__ import annotations

import csv
import io
import math
import os
import re
import stat
import unicodedata
from typing import Union

import numpy as np

from simulator.errors import SequenceError

__all__ = [
    "MAX_STEPS",
    "MAX_FEATURES",
    "MAX_BATCH",
    "MAX_VALUES",
    "MAX_ABS_VALUE",
    "MAX_FILE_BYTES",
    "MAX_WORDS",
    "parse_inline",
    "load_array_file",
    "parse_sequence",
    "tokenize_text",
    "format_inline",
]

MAX_STEPS = 100_000
MAX_FEATURES = 4096
MAX_BATCH = 4096
MAX_VALUES = 25_000_000  # 200 MB of float64; bounds memory for text input too
MAX_ABS_VALUE = 1e12
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_WORDS = 1000

FILE_SUFFIXES = (".npy", ".npz", ".csv", ".txt")

PathLike = Union[str, "os.PathLike[str]"]

# Minus signs that come out of PDFs and word processors: U+2212 (the lecture's), figure dash,
# en dash, small and full-width hyphen-minus.
_MINUS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\ufe63": "-", "\uff0d": "-"})
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.ASCII | re.IGNORECASE)
_BRACKET = re.compile(r"[\[\]()]")
_STOP = re.compile(r"[\[\]();,]")
_OPEN_TO_CLOSE = {"[": "]", "(": ")"}


class _BadNumber(Exception):
    """Internal: why a token is not an acceptable number (the caller adds where)."""


def _quote(token: str, limit: int = 40) -> str:
    """A short, printable, quoted rendering of user text for an error message."""
    if len(token) > limit:
        token = token[:limit] + "…"
    return repr(token)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _number(token: str) -> float:
    """Parse one already-stripped token; raise :class:`_BadNumber` with the reason."""
    if not token:
        raise _BadNumber("is empty")
    norm = token.translate(_MINUS)
    if _NUMBER.fullmatch(norm):
        value = float(norm)
        if not math.isfinite(value) or abs(value) > MAX_ABS_VALUE:
            raise _BadNumber(f"{_quote(token)} is too large (the limit is ±{MAX_ABS_VALUE:g})")
        return value
    if _NON_FINITE.fullmatch(norm):
        raise _BadNumber(f"{_quote(token)} is not finite")
    raise _BadNumber(f"{_quote(token)} is not a number")


def _check_input_size(input_size: int | None) -> None:
    if input_size is None:
        return
    if isinstance(input_size, bool) or not isinstance(input_size, (int, np.integer)) or input_size < 1:
        raise ValueError(f"input_size must be a positive integer or None, got {input_size!r}")


# --------------------------------------------------------------------------------------------
# Inline text
# --------------------------------------------------------------------------------------------


def _split_plain(text: str) -> list[str]:
    """Steps of the plain form: ";" and newlines separate, one trailing ";" per line is fine."""
    steps: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue  # blank lines are only layout
        pieces = line.split(";")
        if len(pieces) > 1 and not pieces[-1].strip():
            pieces.pop()  # a single trailing ";"
        for piece in pieces:
            if not piece.strip():
                raise SequenceError(f"step {len(steps) + 1} is empty")
            steps.append(piece)
            if len(steps) > MAX_STEPS:
                raise SequenceError(f"too many steps: more than {MAX_STEPS} are not allowed")
    return steps


def _matching_close(s: str, start: int) -> int:
    """Index of the bracket closing the one at ``start`` (nesting allowed), or -1."""
    depth = 0
    for m in _BRACKET.finditer(s, start):
        if m.group() in _OPEN_TO_CLOSE:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.start()
    return -1


def _where(steps: list[str]) -> str:
    return f"after step {len(steps)}" if steps else "before step 1"


def _split_bracketed(text: str) -> list[str]:
    """Steps of the bracket forms "[1,1][2,2]", "[1,1],[2,2]", "(1,0)(2,0)", "[[1,1],[2,2]]"."""
    s = text.strip()
    lead = len(text) - len(text.lstrip())
    depth = 0
    for m in _BRACKET.finditer(s):
        if m.group() in _OPEN_TO_CLOSE:
            depth += 1
        elif depth == 0:
            raise SequenceError(
                f"unexpected {m.group()!r} at character {lead + m.start() + 1}: there is no opening bracket for it"
            )
        else:
            depth -= 1
    # One outer pair wrapping everything, as in "[[1,1],[2,2]]", is dropped.
    if s and s[0] in _OPEN_TO_CLOSE and _matching_close(s, 0) == len(s) - 1:
        inner = s[1:-1]
        if s[-1] == _OPEN_TO_CLOSE[s[0]] and _BRACKET.search(inner):
            s = inner
    steps: list[str] = []
    after_group = False  # one "," or ";" may follow a group
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c.isspace():
            i += 1
        elif c in _OPEN_TO_CLOSE:
            m = _BRACKET.search(s, i + 1)
            step_no = len(steps) + 1
            if m is None:
                raise SequenceError(f"step {step_no}: {c!r} is never closed")
            if m.group() in _OPEN_TO_CLOSE:
                raise SequenceError(
                    f"step {step_no}: brackets are nested too deeply "
                    "(write steps as [1,2][3,4] or [[1,2],[3,4]])"
                )
            if m.group() != _OPEN_TO_CLOSE[c]:
                raise SequenceError(f"step {step_no}: {c!r} is closed by {m.group()!r}")
            body = s[i + 1 : m.start()]
            if not body.strip():
                raise SequenceError(f"step {step_no} is empty")
            steps.append(body)
            if len(steps) > MAX_STEPS:
                raise SequenceError(f"too many steps: more than {MAX_STEPS} are not allowed")
            after_group = True
            i = m.end()
        elif c in ",;":
            if not after_group:
                raise SequenceError(f"step {len(steps) + 1} is empty")
            after_group = False
            i += 1
        elif c in "])":
            raise SequenceError(f"{_where(steps)}: unexpected {c!r} without a matching opening bracket")
        else:
            m = _STOP.search(s, i)
            end = m.start() if m else n
            raise SequenceError(
                f"{_where(steps)}: {_quote(s[i:end].strip())} is outside brackets "
                "(write every step in brackets, or none)"
            )
    if not steps:
        raise SequenceError("the input has no steps")
    return steps


def parse_inline(text: str, input_size: int | None = None) -> np.ndarray:
    """Parse typed steps into a float64 array of shape (T, D).

    Steps are separated by ";" or newlines (one trailing ";" is fine), features by ",". The
    bracket forms "[1,1][2,2]", "[1,1],[2,2]", "(1,0,0)(3,1,0)" and "[[1,1],[2,2]]" are accepted too.
    Numbers may be ints, decimals or exponents with "+", "-" or "−" (U+2212). Raises
    :class:`SequenceError` for anything else, naming the step and feature.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_inline expects a str, got {type(text).__name__}")
    _check_input_size(input_size)
    if not text.strip():
        raise SequenceError("the input sequence is empty")
    if _BRACKET.search(text):
        steps = _split_bracketed(text)
    else:
        steps = _split_plain(text)
    if not steps:
        raise SequenceError("the input sequence is empty")

    values: list[float] = []
    width = None
    for t, step in enumerate(steps, start=1):
        fields = step.split(",")
        d = len(fields)
        if d > MAX_FEATURES:
            raise SequenceError(f"step {t} has {d} features; at most {MAX_FEATURES} are allowed")
        if input_size is not None and d != input_size:
            raise SequenceError(f"step {t}: expected {input_size} features per step, got {d}")
        if width is None:
            width = d
        elif d != width:
            raise SequenceError(f"step {t} has {_plural(d, 'feature')}, expected {width} (like step 1)")
        if len(values) + d > MAX_VALUES:
            raise SequenceError(f"too many values: more than {MAX_VALUES} are not allowed")
        for f, field in enumerate(fields, start=1):
            token = field.strip()
            try:
                values.append(_number(token))
            except _BadNumber as exc:
                if not token:
                    raise SequenceError(f"step {t}, feature {f} is empty") from None
                hint = " (separate features with ',')" if len(token.split()) > 1 else ""
                raise SequenceError(f"step {t}, feature {f}: {exc}{hint}") from None
    assert width is not None
    return np.array(values, dtype=np.float64).reshape(len(steps), width)


def _format_number(v: float) -> str:
    if v == 0.0:
        return "-0" if math.copysign(1.0, v) < 0 else "0"
    if math.isfinite(v) and v.is_integer() and abs(v) < 1e16:
        return str(int(v))
    return repr(v)


def format_inline(x: np.ndarray) -> str:
    """The inverse of :func:`parse_inline`: ``[[1, 1], [2.5, 2]]`` -> ``"1, 1; 2.5, 2"``.

    Uses the shortest repr that round-trips, so ``parse_inline(format_inline(x))`` equals ``x``
    bit for bit for every array that :func:`parse_inline` could have produced (finite, |v| <= 1e12).
    A 1-D array is a sequence of one-feature steps.
    """
    a = np.asarray(x, dtype=np.float64)
    if a.ndim == 1:
        a = a.reshape(-1, 1)
    if a.ndim != 2:
        raise ValueError(f"format_inline expects a (T, D) array, got shape {a.shape}")
    if a.shape[0] == 0:
        return ""
    if a.shape[1] == 0:
        raise ValueError("format_inline cannot write steps with no features")
    return "; ".join(", ".join(_format_number(float(v)) for v in row) for row in a)


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------


def _open_checked(path: PathLike) -> tuple[str, int]:
    """Return (display name, size) of a readable regular file, or raise SequenceError."""
    try:
        fspath = os.fspath(path)
    except TypeError:
        raise TypeError(f"expected a file path, got {type(path).__name__}") from None
    if isinstance(fspath, bytes):
        fspath = os.fsdecode(fspath)
    name = fspath
    try:
        st = os.stat(fspath)
    except FileNotFoundError:
        raise SequenceError(f"file {name}: not found") from None
    except PermissionError:
        raise SequenceError(f"file {name}: permission denied") from None
    except ValueError:  # embedded NUL
        raise SequenceError(f"file {_quote(name)}: not a valid file name") from None
    except OSError as exc:
        raise SequenceError(f"file {_quote(name)}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise SequenceError(f"file {name}: is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise SequenceError(f"file {name}: is not a regular file")
    if st.st_size > MAX_FILE_BYTES:
        raise SequenceError(
            f"file {name}: is {st.st_size / 1024 / 1024:.0f} MB; files over "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB are refused"
        )
    return fspath, st.st_size


def _read_bytes(fspath: str, name: str) -> bytes:
    try:
        with open(fspath, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        raise SequenceError(f"file {name}: permission denied") from None
    except OSError as exc:
        raise SequenceError(f"file {name}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise SequenceError(f"file {name}: files over {MAX_FILE_BYTES // (1024 * 1024)} MB are refused")
    return data


def _location(index: tuple[int, ...]) -> str:
    if len(index) == 3:
        t, b, f = index
        return f"step {t + 1}, batch {b + 1}, feature {f + 1}"
    t, f = index
    return f"step {t + 1}, feature {f + 1}"


def _check_shape(shape: tuple[int, ...], name: str, input_size: int | None, allow_3d: bool) -> None:
    ndim = len(shape)
    if ndim == 0:
        raise SequenceError(f"file {name}: holds a single number, not a sequence")
    if ndim == 3 and not allow_3d:
        raise SequenceError(
            f"file {name}: has 3 dimensions {tuple(shape)}; a (T, D) sequence is expected here"
        )
    if ndim > 3:
        raise SequenceError(
            f"file {name}: has {ndim} dimensions {tuple(shape)}; expected (T, D)"
            + (" or (T, B, D)" if allow_3d else "")
        )
    if shape[0] == 0:
        raise SequenceError(f"file {name}: contains no steps")
    if shape[0] > MAX_STEPS:
        raise SequenceError(f"file {name}: has {shape[0]} steps; at most {MAX_STEPS} are allowed")
    d = shape[-1] if ndim >= 2 else 1
    if d == 0:
        raise SequenceError(f"file {name}: has no features")
    if d > MAX_FEATURES:
        raise SequenceError(f"file {name}: has {d} features; at most {MAX_FEATURES} are allowed")
    if ndim == 3:
        if shape[1] == 0:
            raise SequenceError(f"file {name}: has an empty batch dimension")
        if shape[1] > MAX_BATCH:
            raise SequenceError(f"file {name}: has a batch of {shape[1]}; at most {MAX_BATCH} are allowed")
    if math.prod(shape) > MAX_VALUES:
        raise SequenceError(f"file {name}: has {math.prod(shape)} values; at most {MAX_VALUES} are allowed")
    if input_size is not None and d != input_size:
        raise SequenceError(f"file {name}: expected {input_size} features per step, got {d}")


def _check_dtype(dtype: np.dtype, name: str) -> None:
    if dtype.hasobject:
        raise SequenceError(
            f"file {name}: holds Python objects (pickled data); refusing to load it — "
            "save a numeric array instead"
        )
    kind = dtype.kind
    if kind == "c":
        raise SequenceError(f"file {name}: holds complex numbers; only real numbers are supported")
    if kind in "US":
        raise SequenceError(f"file {name}: holds text ({dtype}), not numbers")
    if kind not in "biuf" or dtype.names is not None or dtype.subdtype is not None:
        raise SequenceError(f"file {name}: holds {dtype} data; expected a numeric array")


def _finalize(arr: np.ndarray, name: str) -> np.ndarray:
    """Convert to float64, check finiteness and magnitude, and make 1-D into (T, 1)."""
    orig = np.asarray(arr)
    if orig.ndim == 1:
        orig = orig.reshape(-1, 1)
    with np.errstate(all="ignore"):
        a = orig.astype(np.float64)  # a longdouble beyond float64 becomes inf here
        orig_finite = np.isfinite(orig)
    if not orig_finite.all():
        idx = tuple(int(i) for i in np.argwhere(~orig_finite)[0])
        raise SequenceError(f"file {name}: {_location(idx)}: value {float(a[idx])!r} is not finite")
    big = ~np.isfinite(a) | (np.abs(a) > MAX_ABS_VALUE)
    if big.any():
        idx = tuple(int(i) for i in np.argwhere(big)[0])
        raise SequenceError(
            f"file {name}: {_location(idx)}: value {_quote(str(orig[idx]), 30)[1:-1]} is too large "
            f"(the limit is ±{MAX_ABS_VALUE:g})"
        )
    return np.ascontiguousarray(a)


def _load_npy(fspath: str, name: str, size: int, input_size: int | None, allow_3d: bool) -> np.ndarray:
    fmt = np.lib.format
    try:
        with open(fspath, "rb") as fh:
            prefix = fh.read(len(fmt.MAGIC_PREFIX))
            if prefix[:1] == b"\x80":
                raise SequenceError(f"file {name}: is a Python pickle, not a .npy array; refusing to load it")
            if prefix[:4] == b"PK\x03\x04":
                raise SequenceError(
                    f"file {name}: is an .npz/zip archive; sequences must be a single array (.npy or .csv)"
                )
            if prefix != fmt.MAGIC_PREFIX:
                raise SequenceError(f"file {name}: is not a .npy file (it does not start with the NumPy header)")
            fh.seek(0)
            version = fmt.read_magic(fh)
            if version == (1, 0):
                shape, fortran, dtype = fmt.read_array_header_1_0(fh)
            elif version == (2, 0):
                shape, fortran, dtype = fmt.read_array_header_2_0(fh)
            else:
                raise SequenceError(f"file {name}: .npy format version {version} is not supported")
            header_end = fh.tell()
    except SequenceError:
        raise
    except PermissionError:
        raise SequenceError(f"file {name}: permission denied") from None
    except Exception as exc:  # corrupt header: ValueError, EOFError, SyntaxError, ...
        raise SequenceError(f"file {name}: is not a valid .npy file ({_short(exc)})") from None

    # Everything below is decided from the header alone: nothing is unpickled or allocated yet.
    _check_dtype(dtype, name)
    shape = tuple(int(s) for s in shape)
    if any(s < 0 for s in shape):
        raise SequenceError(f"file {name}: is not a valid .npy file (negative shape {shape})")
    _check_shape(shape, name, input_size, allow_3d)
    needed = header_end + math.prod(shape) * dtype.itemsize
    if size < needed:
        raise SequenceError(
            f"file {name}: is truncated ({size} bytes, the header promises {needed})"
        )
    try:
        arr = np.load(fspath, allow_pickle=False)
    except PermissionError:
        raise SequenceError(f"file {name}: permission denied") from None
    except Exception as exc:
        raise SequenceError(f"file {name}: is not a valid .npy file ({_short(exc)})") from None
    if not isinstance(arr, np.ndarray):  # pragma: no cover - magic checked above
        raise SequenceError(f"file {name}: is not a single .npy array")
    _check_dtype(arr.dtype, name)
    _check_shape(arr.shape, name, input_size, allow_3d)
    return _finalize(arr, name)


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 120 else text[:120] + "…"


def _decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SequenceError(
            f"file {name}: is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None
    if "\x00" in text:
        raise SequenceError(f"file {name}: contains NUL bytes; is it a binary file?")
    return text


def _pick_delimiter(lines: list[str]) -> str | None:
    data = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if any(";" in ln for ln in data):
        return ";"
    if any("," in ln for ln in data):
        return ","
    if any("\t" in ln for ln in data):
        return "\t"
    return None  # whitespace


def _rows(text: str, delimiter: str | None, name: str):
    """Yield (line number, fields) for non-blank, non-comment rows."""
    if delimiter is None:
        for lineno, line in enumerate(text.splitlines(), start=1):
            stripped = line.strip()
            if stripped and not stripped.startswith("#"):
                yield lineno, stripped.split()
        return
    # csv wants "\n"-terminated lines; splitlines() also breaks on \x1c, \x85, \u2028 etc.
    lines = text.splitlines()
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    try:
        for fields in reader:
            lineno = reader.line_num
            if not fields or all(not f.strip() for f in fields):
                continue
            if fields[0].lstrip().startswith("#"):
                continue
            yield lineno, fields
    except csv.Error as exc:
        raise SequenceError(f"file {name}: row {reader.line_num}: {_short(exc)}") from None


def _is_header(fields: list[str]) -> bool:
    for field in fields:
        token = field.strip()
        if _NUMBER.fullmatch(token.translate(_MINUS)) or _NON_FINITE.fullmatch(token.translate(_MINUS)):
            return False
    return True


def _load_text(data: bytes, name: str, input_size: int | None) -> np.ndarray:
    text = _decode(data, name)
    delimiter = _pick_delimiter(text.splitlines())
    values: list[float] = []
    width = None
    first_row = None
    n_rows = 0
    first = True
    for lineno, fields in _rows(text, delimiter, name):
        if first:
            first = False
            if _is_header(fields):
                continue
        fields = [f.strip() for f in fields]
        d = len(fields)
        if d > MAX_FEATURES:
            raise SequenceError(f"file {name}: row {lineno} has {d} values; at most {MAX_FEATURES} are allowed")
        if input_size is not None and d != input_size:
            raise SequenceError(f"file {name}: row {lineno}: expected {input_size} features per step, got {d}")
        if width is None:
            width, first_row = d, lineno
        elif d != width:
            raise SequenceError(
                f"file {name}: row {lineno} has {_plural(d, 'value')}, expected {width} (like row {first_row})"
            )
        n_rows += 1
        if n_rows > MAX_STEPS:
            raise SequenceError(f"file {name}: has more than {MAX_STEPS} rows (steps); that is the limit")
        if len(values) + d > MAX_VALUES:
            raise SequenceError(f"file {name}: has more than {MAX_VALUES} values; that is the limit")
        for col, token in enumerate(fields, start=1):
            try:
                values.append(_number(token))
            except _BadNumber as exc:
                if not token:
                    raise SequenceError(f"file {name}: row {lineno}, column {col} is empty") from None
                hint = ""
                if delimiter == ";" and re.fullmatch(r"[+-]?\d+,\d+", token):
                    hint = " (use '.' as the decimal point)"
                elif len(token.split()) > 1:
                    hint = f" (values are separated by {delimiter!r})" if delimiter else ""
                raise SequenceError(f"file {name}: row {lineno}, column {col}: {exc}{hint}") from None
    if width is None:
        raise SequenceError(f"file {name}: contains no numbers")
    return np.array(values, dtype=np.float64).reshape(n_rows, width)


def load_array_file(path: PathLike, input_size: int | None = None, allow_3d: bool = False) -> np.ndarray:
    """Load a sequence from ``.npy`` or ``.csv``/``.txt``; float64 (T, D), or (T, B, D) if ``allow_3d``.

    ``.npy`` files are read with ``allow_pickle=False`` after their header has been checked
    (object arrays are refused before any data is read). A 1-D array is T steps of one feature.
    ``.npz`` archives are refused. Text files may be comma, semicolon, tab or whitespace separated;
    a first row of non-numbers (a header), blank lines and lines starting with ``#`` are skipped.
    Files larger than 200 MB are refused. Every problem raises :class:`SequenceError` naming the file.
    """
    _check_input_size(input_size)
    fspath, size = _open_checked(path)
    name = fspath
    suffix = os.path.splitext(fspath)[1].lower()
    if suffix == ".npz":
        raise SequenceError(
            f"file {name}: .npz archives hold several arrays and are not accepted as a sequence; "
            "save one array with np.save (.npy) or as .csv"
        )
    if suffix == ".npy":
        return _load_npy(fspath, name, size, input_size, allow_3d)
    data = _read_bytes(fspath, name)
    # Whatever the name says, binary NumPy files are read as such.
    if data.startswith(np.lib.format.MAGIC_PREFIX):
        return _load_npy(fspath, name, size, input_size, allow_3d)
    if data.startswith(b"PK\x03\x04"):
        raise SequenceError(
            f"file {name}: is a zip/.npz archive; sequences must be a single array (.npy or .csv)"
        )
    return _load_text(data, name, input_size)


def parse_sequence(spec: str, input_size: int | None = None, allow_3d: bool = False) -> np.ndarray:
    """A file name (existing, or ending in .npy/.npz/.csv/.txt) is loaded; anything else is inline text."""
    if isinstance(spec, os.PathLike):
        return load_array_file(spec, input_size=input_size, allow_3d=allow_3d)
    if not isinstance(spec, str):
        raise TypeError(f"parse_sequence expects a str, got {type(spec).__name__}")
    candidate = spec.strip()
    if candidate:
        expanded = os.path.expanduser(candidate)
        if os.path.isfile(expanded) or candidate.lower().endswith(FILE_SUFFIXES):
            return load_array_file(expanded, input_size=input_size, allow_3d=allow_3d)
    return parse_inline(spec, input_size=input_size)


# --------------------------------------------------------------------------------------------
# Words (text scenes, e.g. slot filling)
# --------------------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    mr mrs ms dr prof st jr sr mt ft ave blvd rd
    etc vs approx inc ltd co corp dept est min hr hrs sec
    """.split()
)
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # "U.S", "a.m", "e.g" (before the last ".")
_LEADING_EXTRA = set("\"'¿¡*_")
_TRAILING_EXTRA = set("\"',;:!?…*_")


def _is_abbreviation(word: str) -> bool:
    base = word[:-1]
    return bool(base) and (base.lower() in _ABBREVIATIONS or _DOTTED.fullmatch(base) is not None)


def _strip_word(word: str) -> str:
    start, end = 0, len(word)
    while start < end:
        c = word[start]
        if c in _LEADING_EXTRA or unicodedata.category(c) in ("Ps", "Pe", "Pi", "Pf") or c in "—–":
            start += 1
        else:
            break
    while end > start:
        c = word[end - 1]
        if c in _TRAILING_EXTRA or unicodedata.category(c) in ("Ps", "Pe", "Pi", "Pf") or c in "—–":
            end -= 1
        elif c == "." and not _is_abbreviation(word[start:end]):
            end -= 1
        else:
            break
    return word[start:end]


def tokenize_text(text: str) -> list[str]:
    """Split a sentence into words for a text scene.

    Words keep their inner punctuation ("2nd", "15:30", "don't", "U.S.") and known abbreviations
    keep their period ("Nov.", "Dr."); surrounding punctuation ("," "!" "?" quotes, brackets, a
    sentence-final ".") is stripped, and tokens that are only punctuation are dropped. Raises
    :class:`SequenceError` for empty text or more than 1000 words.
    """
    if not isinstance(text, str):
        raise TypeError(f"tokenize_text expects a str, got {type(text).__name__}")
    if not text.strip():
        raise SequenceError("the text is empty")
    words: list[str] = []
    for chunk in text.split():
        word = _strip_word(chunk)
        if word:
            words.append(word)
            if len(words) > MAX_WORDS:
                raise SequenceError(f"the text has more than {MAX_WORDS} words; that is the limit")
    if not words:
        raise SequenceError("the text has no words, only punctuation")
    return words
