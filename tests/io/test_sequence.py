"""The input-sequence parser: inline text, .npy/.csv/.txt files, words, and the inverse formatter."""
from __future__ import annotations

import os
import pickle
import tempfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from simulator.errors import SequenceError, UserInputError
from simulator.io.sequence import (
    MAX_FEATURES,
    MAX_STEPS,
    format_inline,
    load_array_file,
    parse_inline,
    parse_sequence,
    tokenize_text,
)

MINUS = "\u2212"
LECTURE = "(1,0,0),(3,1,0),(2,0,0),(4,1,0),(2,0,0),(1,0,1),(3,−1,0),(6,1,0),(1,0,1)"


def _error(fn, *args, **kwargs) -> str:
    with pytest.raises(SequenceError) as info:
        fn(*args, **kwargs)
    message = str(info.value)
    assert "\n" not in message and "\r" not in message
    return message


# ----------------------------------------------------------------------------------------------
# parse_inline: accepted forms
# ----------------------------------------------------------------------------------------------


def test_plain_form():
    x = parse_inline("1,1; 1,1; 2,2")
    assert x.dtype == np.float64
    np.testing.assert_array_equal(x, [[1, 1], [1, 1], [2, 2]])


def test_lecture_form_with_unicode_minus():
    assert MINUS in LECTURE
    x = parse_inline(LECTURE)
    assert x.shape == (9, 3)
    np.testing.assert_array_equal(x[6], [3, -1, 0])
    np.testing.assert_array_equal(x[:, 0], [1, 3, 2, 4, 2, 1, 3, 6, 1])
    assert (x[:, 1] == -1).sum() == 1


@pytest.mark.parametrize(
    "text",
    [
        "[1,1][1,1][2,2]",
        "[1,1],[1,1],[2,2]",
        "[1, 1]; [1, 1]; [2, 2]",
        "(1,1)(1,1)(2,2)",
        "[[1,1],[1,1],[2,2]]",
        " [1,1]\n[1,1]\n[2,2]\n",
        "1,1\n1,1\n2,2\n",
        "1,1;\n1,1;\n2,2;",
        "1,1; 1,1; 2,2;",
        "\t1 , 1 ;1,1;  2 ,2  ",
    ],
)
def test_equivalent_forms(text):
    np.testing.assert_array_equal(parse_inline(text), [[1, 1], [1, 1], [2, 2]])


def test_numbers():
    x = parse_inline("1e3, -2.5E-2, +.5; 3., 1e+2, −7.25; 0, -0, 12")
    np.testing.assert_array_equal(x, [[1000, -0.025, 0.5], [3, 100, -7.25], [0, 0, 12]])
    assert np.signbit(x[1, 2]) and np.signbit(x[2, 1])


def test_single_value_and_single_feature_steps():
    np.testing.assert_array_equal(parse_inline("5"), [[5]])
    np.testing.assert_array_equal(parse_inline("1; 2; 3"), [[1], [2], [3]])


def test_input_size_ok():
    assert parse_inline("1,2,3; 4,5,6", input_size=3).shape == (2, 3)


def test_limit_values_accepted():
    np.testing.assert_array_equal(parse_inline("1e12, -1e12"), [[1e12, -1e12]])


# ----------------------------------------------------------------------------------------------
# parse_inline: errors say where
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ("1,1;;2,2", "step 2 is empty"),
        ("1,1;;", "step 2 is empty"),
        (";1,1", "step 1 is empty"),
        ("[1,1][][2,2]", "step 2 is empty"),
        ("[1,1],,[2,2]", "step 2 is empty"),
        ("1,1; 1,abc", "step 2, feature 2: 'abc' is not a number"),
        ("1,2; 3,4; 5,6,abc", "step 3 has 3 features, expected 2 (like step 1)"),
        ("1,1; 1,1; 2", "step 3 has 1 feature, expected 2 (like step 1)"),
        ("1,,2", "step 1, feature 2 is empty"),
        ("1,2,", "step 1, feature 3 is empty"),
        ("1,2; 3,nan", "step 2, feature 2: 'nan' is not finite"),
        ("1,inf", "step 1, feature 2: 'inf' is not finite"),
        ("-Infinity", "step 1, feature 1: '-Infinity' is not finite"),
        ("1; 2e12", "step 2, feature 1: '2e12' is too large"),
        ("1e999", "step 1, feature 1: '1e999' is too large"),
        ("1 2, 3", "step 1, feature 1: '1 2' is not a number"),
        ("1_000", "'1_000' is not a number"),
        ("0x10", "'0x10' is not a number"),
        ("[1,1]; 2,2", "after step 1: '2' is outside brackets"),
        ("[1,1)", "step 1: '[' is closed by ')'"),
        ("[1,1][2,2", "step 2: '[' is never closed"),
        ("1,1]", "unexpected ']'"),
        ("[1,[2,3]][4]", "step 1"),
    ],
)
def test_inline_errors(text, expected):
    message = _error(parse_inline, text)
    assert expected in message


def test_input_size_mismatch():
    assert _error(parse_inline, "1,2; 3,4", input_size=3) == "step 1: expected 3 features per step, got 2"


def test_too_many_steps_and_features():
    assert "too many steps" in _error(parse_inline, ";".join(["1"] * (MAX_STEPS + 1)))
    assert f"at most {MAX_FEATURES}" in _error(parse_inline, ",".join(["1"] * (MAX_FEATURES + 1)))
    assert parse_inline(",".join(["1"] * MAX_FEATURES)).shape == (1, MAX_FEATURES)


def test_errors_are_user_input_errors():
    with pytest.raises(UserInputError):
        parse_inline("x")
    with pytest.raises(ValueError):  # SequenceError is a ValueError too
        parse_inline("x")


def test_programming_errors_are_not_sequence_errors():
    with pytest.raises(TypeError):
        parse_inline(b"1,2")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        parse_inline("1", input_size=0)


# ----------------------------------------------------------------------------------------------
# format_inline
# ----------------------------------------------------------------------------------------------


def test_format_inline():
    assert format_inline(np.array([[1.0, 1.0], [1.0, 1.0], [2.0, 2.0]])) == "1, 1; 1, 1; 2, 2"
    assert format_inline(np.array([[0.1, -2.5], [1e-7, -0.0]])) == "0.1, -2.5; 1e-07, -0"
    assert format_inline(np.array([1.0, 2.0])) == "1; 2"
    assert format_inline(np.array([[3, -1, 0]])) == "3, -1, 0"


def _bits_equal(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and bool((a.view(np.uint64) == b.view(np.uint64)).all())


@settings(max_examples=200, deadline=None)
@given(
    hnp.arrays(
        np.float64,
        hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=8),
        elements=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False),
    )
)
def test_format_parse_round_trip_is_exact(x):
    text = format_inline(x)
    y = parse_inline(text)
    assert y.dtype == np.float64
    assert _bits_equal(x, y), text


# ----------------------------------------------------------------------------------------------
# Property: arbitrary text gives an array or a one-line SequenceError
# ----------------------------------------------------------------------------------------------

_NEAR_VALID = st.text(alphabet="0123456789.,;[]() \n\t-+eE" + MINUS + "naif", max_size=60)


def _check_parse_result(text):
    try:
        x = parse_inline(text)
    except SequenceError as exc:
        message = str(exc)
        assert message and "\n" not in message and "\r" not in message
        assert len(message.splitlines()) == 1
        return
    assert isinstance(x, np.ndarray) and x.dtype == np.float64 and x.ndim == 2
    assert x.shape[0] >= 1 and x.shape[1] >= 1
    assert np.isfinite(x).all() and (np.abs(x) <= 1e12).all()


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parse_inline_arbitrary_text(text):
    _check_parse_result(text)


@settings(max_examples=200, deadline=None)
@given(_NEAR_VALID)
def test_parse_inline_near_valid_text(text):
    _check_parse_result(text)


# ----------------------------------------------------------------------------------------------
# Files
# ----------------------------------------------------------------------------------------------


def _write(path, content):
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as fh:
        fh.write(content)
    return str(path)


def test_npy_2d_and_dtypes(tmp_path):
    p = tmp_path / "x.npy"
    np.save(p, np.array([[1, 2], [3, 4]], dtype=np.int32))
    x = load_array_file(p)
    assert x.dtype == np.float64
    np.testing.assert_array_equal(x, [[1, 2], [3, 4]])
    np.save(p, np.array([[True, False]]))
    np.testing.assert_array_equal(load_array_file(p), [[1.0, 0.0]])
    np.save(p, np.array([1.5, 2.5], dtype=">f4"))  # 1-D: steps of one feature
    np.testing.assert_array_equal(load_array_file(p), [[1.5], [2.5]])


def test_npy_3d_only_when_allowed(tmp_path):
    p = tmp_path / "batch.npy"
    data = np.arange(24, dtype=np.float32).reshape(4, 2, 3)
    np.save(p, data)
    assert "3 dimensions" in _error(load_array_file, p)
    x = load_array_file(p, allow_3d=True)
    assert x.shape == (4, 2, 3) and x.dtype == np.float64
    np.testing.assert_array_equal(x, data)
    assert "expected 4 features per step, got 3" in _error(load_array_file, p, input_size=4, allow_3d=True)


@pytest.mark.parametrize(
    "array, expected",
    [
        (np.array([[1 + 2j]]), "complex"),
        (np.array([["a", "b"]]), "text"),
        (np.array([[1.0, np.nan]]), "step 1, feature 2: value nan is not finite"),
        (np.array([[1.0], [np.inf]]), "step 2, feature 1: value inf is not finite"),
        (np.array([[1e13]]), "too large"),
        (np.array([[2**64 - 1]], dtype=np.uint64), "too large"),
        (np.float64(3.0), "single number"),
        (np.zeros((0, 3)), "no steps"),
        (np.zeros((3, 0)), "no features"),
        (np.zeros((2, 2, 2, 2)), "4 dimensions"),
        (np.zeros((1, MAX_FEATURES + 1)), f"at most {MAX_FEATURES}"),
        (np.zeros(1, dtype=[("a", "f8"), ("b", "i4")]), "expected a numeric array"),
        (np.array(["2020-01-01"], dtype="datetime64[D]"), "expected a numeric array"),
    ],
)
def test_npy_refusals(tmp_path, array, expected):
    p = tmp_path / "bad.npy"
    np.save(p, array)
    message = _error(load_array_file, p)
    assert expected in message
    assert str(p) in message


def test_npy_input_size(tmp_path):
    p = tmp_path / "x.npy"
    np.save(p, np.zeros((5, 2)))
    assert _error(load_array_file, p, input_size=3) == f"file {p}: expected 3 features per step, got 2"


def test_npz_refused(tmp_path):
    p = tmp_path / "x.npz"
    np.savez(p, a=np.zeros((2, 2)))
    assert ".npz" in _error(load_array_file, p)
    # the same archive under a .npy name is refused as well
    renamed = tmp_path / "x.npy"
    os.replace(p, renamed)
    assert "npz" in _error(load_array_file, renamed)


def test_truncated_and_corrupt_npy(tmp_path):
    p = tmp_path / "x.npy"
    np.save(p, np.zeros((10, 3)))
    data = p.read_bytes()
    _write(p, data[:-8])
    assert "truncated" in _error(load_array_file, p)
    _write(p, data[:20])
    assert "not a valid .npy file" in _error(load_array_file, p)
    _write(p, b"\x93NUMPY\x01\x00\x10\x00{'descr': 5}   \n")
    assert "not a valid .npy file" in _error(load_array_file, p)
    _write(p, b"hello")
    assert "not a .npy file" in _error(load_array_file, p)


class _Payload:
    """Unpickling this creates the marker file: proof that code ran."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_pickled_object_array_is_refused_and_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    raw = pickle.dumps(_Payload(str(marker)))
    # Control: the payload is live, unpickling it does create the marker.
    control = tmp_path / "control"
    pickle.loads(pickle.dumps(_Payload(str(control)))).close()
    assert control.exists()

    p = tmp_path / "objects.npy"
    np.save(p, np.array([_Payload(str(marker)), 1], dtype=object), allow_pickle=True)
    message = _error(load_array_file, p)
    assert "Python objects" in message and "refusing" in message
    assert _error(parse_sequence, str(p)) == message

    bare = _write(tmp_path / "bare.npy", raw)  # a plain pickle with a .npy name
    assert "pickle" in _error(load_array_file, bare)
    as_text = _write(tmp_path / "bare.csv", raw)
    _error(load_array_file, as_text)
    as_other = _write(tmp_path / "bare.dat", raw)
    _error(load_array_file, as_other)
    assert not marker.exists()


def test_csv_forms(tmp_path):
    expected = [[1, 2], [3, 4], [5, 6]]
    contents = [
        "1,2\n3,4\n5,6\n",
        "x, y\n1, 2\n\n3, 4\n5, 6",
        "a;b\r\n1;2\r\n3;4\r\n5;6\r\n",
        "1\t2\n3\t4\n5\t6\n",
        "# saved by np.savetxt\n1 2\n  3   4\n5 6 \n",
        "\ufeff1,2\n3,4\n5,6\n",  # BOM
        '"1","2"\n"3","4"\n"5","6"\n',
        "1,2\n3,−4\n5,6\n".replace("−4", "4"),
    ]
    for i, text in enumerate(contents):
        p = _write(tmp_path / f"f{i}.csv", text)
        np.testing.assert_array_equal(load_array_file(p), expected, err_msg=repr(text))
    p = _write(tmp_path / "m.txt", "1.5e-3 −2\n")
    np.testing.assert_array_equal(load_array_file(p), [[0.0015, -2]])


@pytest.mark.parametrize(
    "content, expected",
    [
        ("1,2\nfoo,bar\n", "row 2, column 1: 'foo' is not a number"),
        ("x,y\n1,2\n3\n", "row 3 has 1 value, expected 2 (like row 2)"),
        ("1,2\n3,4,\n", "row 2 has 3 values"),
        ("1,2,\n", "row 1, column 3 is empty"),
        ("1,2\n3,nan\n", "row 2, column 2: 'nan' is not finite"),
        ("1,2\n3,1e13\n", "row 2, column 2: '1e13' is too large"),
        ("1,5;2\n", "row 1, column 1: '1,5' is not a number (use '.' as the decimal point)"),
        ("", "no numbers"),
        ("x,y\n", "no numbers"),
        ("\n\n  \n", "no numbers"),
        (b"1,2\n\xff\xfe3,4\n", "not UTF-8"),
        (b"1,2\x00\n", "NUL"),
        ("1,2\n" + "x" * 200_000 + "\n", "row 2"),
    ],
)
def test_csv_errors(tmp_path, content, expected):
    p = _write(tmp_path / "bad.csv", content)
    message = _error(load_array_file, p)
    assert expected in message
    assert message.startswith(f"file {p}:")


def test_csv_input_size(tmp_path):
    p = _write(tmp_path / "x.csv", "1,2\n3,4\n")
    assert "row 1: expected 3 features per step, got 2" in _error(load_array_file, p, input_size=3)


def test_missing_directory_and_special_files(tmp_path):
    missing = tmp_path / "nope.csv"
    assert _error(load_array_file, missing) == f"file {missing}: not found"
    folder = tmp_path / "dir.csv"
    folder.mkdir()
    assert "is a directory" in _error(load_array_file, folder)
    assert "not a valid file name" in _error(load_array_file, "a\x00b.csv")
    if os.path.exists("/dev/null"):
        assert "not a regular file" in _error(load_array_file, "/dev/null")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path):
    p = tmp_path / "secret.csv"
    _write(p, "1,2\n")
    p.chmod(0)
    try:
        assert "permission denied" in _error(load_array_file, p)
    finally:
        p.chmod(0o600)


def test_huge_file_refused(tmp_path):
    p = tmp_path / "huge.csv"
    with open(p, "wb") as fh:
        fh.truncate(200 * 1024 * 1024 + 1)  # sparse: takes no disk space
    message = _error(load_array_file, p)
    assert "200 MB" in message and str(p) in message


# ----------------------------------------------------------------------------------------------
# Property: arbitrary bytes in a file give an array or a one-line SequenceError
# ----------------------------------------------------------------------------------------------


def _valid_npy_bytes() -> bytes:
    import io

    buf = io.BytesIO()
    np.save(buf, np.arange(12, dtype=np.float64).reshape(4, 3))
    return buf.getvalue()


_NPY = _valid_npy_bytes()


@st.composite
def _mutated_npy(draw):
    data = bytearray(_NPY)
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(data) - 1))
        data[i] = draw(st.integers(0, 255))
    cut = draw(st.integers(0, len(data)))
    return bytes(data[:cut]) + draw(st.binary(max_size=16))


_FILE_BYTES = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda s: s.encode("utf-8")),
    _NEAR_VALID.map(lambda s: s.encode("utf-8")),
    st.binary(max_size=120).map(lambda b: b"\x93NUMPY\x01\x00" + b),
    _mutated_npy(),
)


def _check_file_result(data: bytes, suffix: str, allow_3d: bool):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "input" + suffix)
        with open(path, "wb") as fh:
            fh.write(data)
        try:
            x = load_array_file(path, allow_3d=allow_3d)
        except SequenceError as exc:
            message = str(exc)
            assert message and "\n" not in message and "\r" not in message
            return
        assert isinstance(x, np.ndarray) and x.dtype == np.float64
        assert x.ndim == 2 or (allow_3d and x.ndim == 3)
        assert x.size >= 1 and np.isfinite(x).all() and (np.abs(x) <= 1e12).all()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_FILE_BYTES, st.sampled_from([".csv", ".txt"]))
def test_load_text_file_arbitrary_bytes(data, suffix):
    _check_file_result(data, suffix, allow_3d=False)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_FILE_BYTES, st.booleans())
def test_load_npy_file_arbitrary_bytes(data, allow_3d):
    _check_file_result(data, ".npy", allow_3d=allow_3d)


# ----------------------------------------------------------------------------------------------
# parse_sequence
# ----------------------------------------------------------------------------------------------


def test_parse_sequence_dispatch(tmp_path, monkeypatch):
    np.testing.assert_array_equal(parse_sequence("1,1; 1,1; 2,2"), [[1, 1], [1, 1], [2, 2]])
    np.testing.assert_array_equal(parse_sequence(LECTURE, input_size=3)[6], [3, -1, 0])
    p = tmp_path / "seq.npy"
    np.save(p, np.ones((3, 2)))
    np.testing.assert_array_equal(parse_sequence(str(p)), np.ones((3, 2)))
    np.testing.assert_array_equal(parse_sequence(p), np.ones((3, 2)))
    # an existing file without a known suffix is loaded too
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "inputs", "1 2\n3 4\n")
    np.testing.assert_array_equal(parse_sequence("inputs"), [[1, 2], [3, 4]])
    # a name with a file suffix that does not exist is a file error, not a parse error
    assert _error(parse_sequence, "missing.csv") == "file missing.csv: not found"
    assert "npz" in _error(parse_sequence, "missing.NPZ") or "not found" in _error(parse_sequence, "missing.NPZ")
    assert "expected 3 features per step, got 2" in _error(parse_sequence, str(p), input_size=3)


# ----------------------------------------------------------------------------------------------
# tokenize_text
# ----------------------------------------------------------------------------------------------


def test_tokenize_sentence():
    assert tokenize_text("Book a flight from Boston to Denver on Nov. 2nd at 15:30, please!") == [
        "Book", "a", "flight", "from", "Boston", "to", "Denver", "on", "Nov.", "2nd", "at", "15:30", "please",
    ]


def test_tokenize_punctuation():
    assert tokenize_text('"Hello," she said (quietly). Is it U.S. or e.g. Dr. Who?') == [
        "Hello", "she", "said", "quietly", "Is", "it", "U.S.", "or", "e.g.", "Dr.", "Who",
    ]
    assert tokenize_text("Wait... what?! don't -- stop.") == ["Wait", "what", "don't", "--", "stop"]
    assert tokenize_text("  leaving   at\t9:45\n") == ["leaving", "at", "9:45"]


def test_tokenize_errors():
    assert "empty" in _error(tokenize_text, "")
    assert "empty" in _error(tokenize_text, "   \n")
    assert "no words" in _error(tokenize_text, "!!! ... ?")
    assert "1000" in _error(tokenize_text, "word " * 1001)
    assert len(tokenize_text("word " * 1000)) == 1000


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_tokenize_arbitrary_text(text):
    try:
        words = tokenize_text(text)
    except SequenceError as exc:
        assert "\n" not in str(exc)
        return
    assert 1 <= len(words) <= 1000
    assert all(isinstance(w, str) and w and not any(c.isspace() for c in w) for w in words)
