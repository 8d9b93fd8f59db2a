"""Word encodings: 1-of-N with "other", letter-trigram hashing, both combined, and their specs."""
from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.engine.encoding import (
    CombinedEncoding,
    OneHotEncoding,
    TrigramHashing,
    encoding_from_spec,
    letter_trigrams,
)
from simulator.errors import UserInputError

LECTURE_WORDS = ["arrive", "Taipei", "on", "November", "2nd"]


# ---- letter trigrams ----------------------------------------------------------------------------------


def test_apple_gives_the_lecture_trigrams():
    assert letter_trigrams("apple") == ["app", "ppl", "ple"]


def test_boundary_wraps_the_word_in_hashes():
    assert letter_trigrams("apple", boundary=True) == ["#ap", "app", "ppl", "ple", "le#"]


def test_repeated_trigrams_are_listed_each_time():
    assert letter_trigrams("banana") == ["ban", "ana", "nan", "ana"]


@pytest.mark.parametrize(
    ("word", "boundary", "expected"),
    [
        ("a", False, ["a"]),
        ("to", False, ["to"]),
        ("abc", False, ["abc"]),
        ("a", True, ["#a#"]),
        ("to", True, ["#to", "to#"]),
    ],
)
def test_short_words(word, boundary, expected):
    assert letter_trigrams(word, boundary=boundary) == expected


def test_letter_trigrams_keep_the_casing():
    assert letter_trigrams("Taipei") == ["Tai", "aip", "ipe", "pei"]


@pytest.mark.parametrize("bad", ["", "   ", "two words", 7])
def test_letter_trigrams_reject_a_non_word(bad):
    with pytest.raises(UserInputError):
        letter_trigrams(bad)


@settings(max_examples=60, deadline=None)
@given(word=st.text(alphabet="abcdefghij", min_size=1, max_size=12), boundary=st.booleans())
def test_trigrams_overlap_and_cover_the_word(word, boundary):
    trigrams = letter_trigrams(word, boundary=boundary)
    padded = f"#{word}#" if boundary else word
    if len(padded) < 3:
        assert trigrams == [padded]
        return
    assert len(trigrams) == len(padded) - 2
    # Gluing the first letter of each trigram to the last trigram spells the (padded) word again.
    assert "".join(trigram[0] for trigram in trigrams) + trigrams[-1][1:] == padded


# ---- 1-of-N -------------------------------------------------------------------------------------------


def test_one_hot_dimensions_are_the_lowercased_vocabulary_then_other():
    encoding = OneHotEncoding(LECTURE_WORDS)
    assert encoding.size == 6
    assert encoding.dimension_names == ["arrive", "taipei", "on", "november", "2nd", "<other>"]
    assert encoding.other_index == 5


def test_one_hot_vectors():
    encoding = OneHotEncoding(LECTURE_WORDS)
    np.testing.assert_array_equal(encoding.encode("Taipei"), [0, 1, 0, 0, 0, 0])
    np.testing.assert_array_equal(encoding.encode("TAIPEI"), [0, 1, 0, 0, 0, 0])
    np.testing.assert_array_equal(encoding.encode("2nd"), [0, 0, 0, 0, 1, 0])
    assert encoding.encode("on").dtype == np.float64


def test_unknown_words_all_go_to_other():
    encoding = OneHotEncoding(LECTURE_WORDS)
    np.testing.assert_array_equal(encoding.encode("Gandalf"), [0, 0, 0, 0, 0, 1])
    np.testing.assert_array_equal(encoding.encode("Sauron"), [0, 0, 0, 0, 0, 1])
    assert encoding.index("Sauron") == 5
    assert not encoding.is_known("Gandalf")
    assert encoding.is_known("november")


def test_one_hot_sentence():
    encoding = OneHotEncoding(LECTURE_WORDS)
    expected = [
        [1, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 1],
        [0, 0, 1, 0, 0, 0],
    ]
    np.testing.assert_array_equal(encoding.encode_sentence(["arrive", "Gandalf", "on"]), expected)
    np.testing.assert_array_equal(encoding.encode_sentence("arrive Gandalf on"), expected)
    assert encoding.encode_sentence([]).shape == (0, 6)


def test_without_other_an_unknown_word_is_an_error_naming_it():
    encoding = OneHotEncoding(LECTURE_WORDS, other=False)
    assert encoding.size == 5
    assert encoding.dimension_names[-1] == "2nd"
    assert encoding.other_index is None
    with pytest.raises(UserInputError, match="Gandalf"):
        encoding.encode("Gandalf")


def test_case_sensitive_vocabulary():
    encoding = OneHotEncoding(["Taipei", "taipei"], lowercase=False)
    np.testing.assert_array_equal(encoding.encode("Taipei"), [1, 0, 0])
    np.testing.assert_array_equal(encoding.encode("taipei"), [0, 1, 0])
    np.testing.assert_array_equal(encoding.encode("TAIPEI"), [0, 0, 1])


@pytest.mark.parametrize(
    ("vocabulary", "message"),
    [
        (["Taipei", "taipei"], "taipei"),
        (["on", ""], "empty"),
        (["on", "New York"], "New York"),
        (["on", "<other>"], "<other>"),
        (["on", 3], "3"),
    ],
)
def test_bad_vocabularies(vocabulary, message):
    with pytest.raises(UserInputError, match=message):
        OneHotEncoding(vocabulary)


# ---- trigram hashing ----------------------------------------------------------------------------------


def test_hashing_built_from_words_has_their_sorted_trigrams():
    hashing = TrigramHashing(["apple", "Apply"])
    assert hashing.dimension_names == ["app", "ple", "ply", "ppl", "<other-trigram>"]
    np.testing.assert_array_equal(hashing.encode("apple"), [1, 1, 0, 1, 0])
    np.testing.assert_array_equal(hashing.encode("APPLY"), [1, 0, 1, 1, 0])


def test_a_repeated_trigram_is_still_one():
    hashing = TrigramHashing(["banana"])
    assert hashing.dimension_names == ["ana", "ban", "nan", "<other-trigram>"]
    np.testing.assert_array_equal(hashing.encode("banana"), [1, 1, 1, 0])


def test_other_trigram_counts_the_different_unknown_trigrams():
    hashing = TrigramHashing(["apple"])  # app, ple, ppl
    # gan, and, nda, dal, alf: five trigrams the hashing has never seen.
    np.testing.assert_array_equal(hashing.encode("Gandalf"), [0, 0, 0, 5])
    # ban, ana, nan: three different ones, although "ana" occurs twice.
    np.testing.assert_array_equal(hashing.encode("banana"), [0, 0, 0, 3])
    # app and ppl are known, "ply" is not.
    np.testing.assert_array_equal(hashing.encode("apply"), [1, 0, 1, 1])
    assert hashing.is_known("apple") and not hashing.is_known("apply")


def test_explain_lists_each_trigram_once_with_its_dimension():
    hashing = TrigramHashing(["apple"])
    assert hashing.explain("apple") == [("app", 0), ("ppl", 2), ("ple", 1)]
    assert hashing.explain("papaya") == [("pap", 3), ("apa", 3), ("pay", 3), ("aya", 3)]
    assert TrigramHashing(["banana"]).explain("banana") == [("ban", 1), ("ana", 0), ("nan", 2)]


def test_hashing_with_boundary_built_from_words():
    hashing = TrigramHashing(["to", "a"], boundary=True)
    assert hashing.dimension_names == ["#a#", "#to", "to#", "<other-trigram>"]
    np.testing.assert_array_equal(hashing.encode("to"), [0, 1, 1, 0])
    # "#t" + "o" + "p#": "#to" is known, "top" and "op#" are not.
    np.testing.assert_array_equal(hashing.encode("top"), [0, 1, 0, 2])


def test_hashing_with_given_trigrams_keeps_their_order():
    hashing = TrigramHashing(trigrams=["ppl", "APP"])
    assert hashing.dimension_names == ["ppl", "app", "<other-trigram>"]
    np.testing.assert_array_equal(hashing.encode("apple"), [1, 1, 1])


def test_the_lecture_alphabet_is_the_default():
    hashing = TrigramHashing()
    # 26 × 26 × 26 trigrams, plus two- and one-letter words, plus "<other-trigram>".
    assert hashing.size == 26**3 + 26**2 + 26 + 1
    assert TrigramHashing(boundary=True).size == 26**3 + 2 * 26**2 + 26 + 1
    vector = hashing.encode("Apple")
    assert vector.sum() == 3
    assert sorted(hashing.dimension_names[i] for i in np.flatnonzero(vector)) == ["app", "ple", "ppl"]
    # Every plain English word is known; a letter outside a–z is not.
    assert hashing.is_known("Gandalf") and hashing.is_known("to") and hashing.is_known("i")
    assert [name for name, _ in hashing.explain("café")] == ["caf", "afé"]
    assert hashing.explain("café")[1][1] == hashing.other_index


def test_words_and_trigrams_together_are_refused():
    with pytest.raises(UserInputError, match="not both"):
        TrigramHashing(["apple"], trigrams=["app"])


@pytest.mark.parametrize(("trigrams", "message"), [(["app", "app"], "twice"), (["appl"], "appl"), ([""], "trigram")])
def test_bad_trigram_lists(trigrams, message):
    with pytest.raises(UserInputError, match=message):
        TrigramHashing(trigrams=trigrams)


# ---- combined -----------------------------------------------------------------------------------------


def test_combined_concatenates_both_parts():
    combined = CombinedEncoding(OneHotEncoding(["apple", "on"]), TrigramHashing(["apple"]))
    assert combined.size == 3 + 4
    assert combined.dimension_names == [
        "word:apple",
        "word:on",
        "word:<other>",
        "trigram:app",
        "trigram:ple",
        "trigram:ppl",
        "trigram:<other-trigram>",
    ]
    np.testing.assert_array_equal(combined.encode("apple"), [1, 0, 0, 1, 1, 1, 0])
    np.testing.assert_array_equal(combined.encode("on"), [0, 1, 0, 0, 0, 0, 1])
    np.testing.assert_array_equal(
        combined.encode_sentence(["apple", "Sauron"]),
        [[1, 0, 0, 1, 1, 1, 0], [0, 0, 1, 0, 0, 0, 4]],  # sau, aur, uro, ron
    )


def test_combined_needs_the_right_parts():
    with pytest.raises(TypeError):
        CombinedEncoding(TrigramHashing(["apple"]), OneHotEncoding(["apple"]))


# ---- specs --------------------------------------------------------------------------------------------

ENCODINGS = [
    OneHotEncoding(LECTURE_WORDS),
    OneHotEncoding(["Taipei", "taipei"], other=False, lowercase=False),
    TrigramHashing(["apple", "banana"]),
    TrigramHashing(["to"], boundary=True, lowercase=False),
    TrigramHashing(trigrams=["zzz", "app"]),
    TrigramHashing(),
    TrigramHashing(boundary=True),
    CombinedEncoding(OneHotEncoding(LECTURE_WORDS), TrigramHashing(["apple"], boundary=True)),
]


@pytest.mark.parametrize("encoding", ENCODINGS, ids=repr)
def test_spec_round_trips_through_json(encoding):
    spec = encoding.to_spec()
    reloaded = encoding_from_spec(json.loads(json.dumps(spec)))
    assert reloaded.to_spec() == spec
    assert reloaded == encoding
    assert reloaded.dimension_names == encoding.dimension_names
    words = ["apple", "Taipei", "Gandalf", "to"]
    if isinstance(encoding, OneHotEncoding) and not encoding.other:
        words = list(encoding.vocabulary)  # without "other" only vocabulary words can be encoded
    for word in words:
        np.testing.assert_array_equal(reloaded.encode(word), encoding.encode(word))


def test_specs_are_plain_data():
    assert OneHotEncoding(["A", "b"]).to_spec() == {
        "kind": "one_hot",
        "vocabulary": ["a", "b"],
        "other": True,
        "lowercase": True,
    }
    assert TrigramHashing(["apple"]).to_spec() == {
        "kind": "trigram_hashing",
        "trigrams": ["app", "ple", "ppl"],
        "boundary": False,
        "lowercase": True,
    }
    # The full alphabet is stored as null, not as 18 000 trigrams.
    assert TrigramHashing().to_spec()["trigrams"] is None


GOOD_ONE_HOT = {"kind": "one_hot", "vocabulary": ["a"], "other": True, "lowercase": True}
GOOD_HASHING = {"kind": "trigram_hashing", "trigrams": ["app"], "boundary": False, "lowercase": True}


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        ({"vocabulary": ["a"], "other": True, "lowercase": True}, "'kind'"),
        ({**GOOD_ONE_HOT, "kind": "word2vec"}, "'kind'"),
        ({**GOOD_ONE_HOT, "kind": 3}, "'kind'"),
        ({k: v for k, v in GOOD_ONE_HOT.items() if k != "vocabulary"}, "'vocabulary'"),
        ({**GOOD_ONE_HOT, "vocabulary": "a b"}, "'vocabulary'"),
        ({**GOOD_ONE_HOT, "vocabulary": ["a", 1]}, "'vocabulary'"),
        ({**GOOD_ONE_HOT, "vocabulary": ["a", "A"]}, "'vocabulary'"),
        ({**GOOD_ONE_HOT, "other": "yes"}, "'other'"),
        ({**GOOD_ONE_HOT, "other": 1}, "'other'"),
        ({**GOOD_ONE_HOT, "lowercase": None}, "'lowercase'"),
        ({**GOOD_ONE_HOT, "colour": "red"}, "'colour'"),
        ({**GOOD_HASHING, "trigrams": ["apple"]}, "'trigrams'"),
        ({**GOOD_HASHING, "trigrams": 5}, "'trigrams'"),
        ({**GOOD_HASHING, "boundary": "false"}, "'boundary'"),
        ({"kind": "combined", "one_hot": GOOD_ONE_HOT}, "'hashing'"),
        ({"kind": "combined", "one_hot": GOOD_ONE_HOT, "hashing": []}, "'hashing'"),
        (
            {"kind": "combined", "one_hot": GOOD_ONE_HOT, "hashing": {**GOOD_HASHING, "boundary": 0}},
            "'hashing.boundary'",
        ),
        ({"kind": "combined", "one_hot": GOOD_HASHING, "hashing": GOOD_HASHING}, "'one_hot'"),
    ],
)
def test_malformed_specs_name_the_field(spec, field):
    with pytest.raises(UserInputError, match=field) as caught:
        encoding_from_spec(spec)
    assert "\n" not in str(caught.value)


def test_a_spec_must_be_an_object():
    with pytest.raises(UserInputError, match="object"):
        encoding_from_spec(["one_hot"])
