"""Turning words into input vectors x^t, the three ways the lecture shows.

* :class:`OneHotEncoding` — 1-of-N over a vocabulary, plus a last "other" dimension that every unknown
  word lands in (the lecture's "Gandalf" and "Sauron").
* :class:`TrigramHashing` — letter-trigram word hashing: "apple" sets the dimensions "app", "ppl" and
  "ple" to 1, so a new word still gets a vector of its own.
* :class:`CombinedEncoding` — both side by side in one vector.

Every encoding has ``size``, ``dimension_names``, ``encode(word)``, ``encode_sentence(words)`` and
``to_spec()``; :func:`encoding_from_spec` rebuilds one from that plain dict, which is how a project
file stores it (JSON: only lists, strings, booleans and null).
"""
from __future__ import annotations

import string
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import product
from typing import Any

import numpy as np

from simulator.errors import UserInputError

OTHER_WORD = "<other>"
OTHER_TRIGRAM = "<other-trigram>"
BOUNDARY_MARK = "#"

# The lecture's hashing has one dimension per trigram of the 26 lowercase letters (26 × 26 × 26).
LECTURE_ALPHABET = string.ascii_lowercase


def _check_word(word: Any) -> str:
    if not isinstance(word, str):
        raise UserInputError(f"a word must be text, not {type(word).__name__} {word!r}")
    if word == "" or word.isspace():
        raise UserInputError("an empty word cannot be encoded")
    if any(character.isspace() for character in word):
        raise UserInputError(f"the word {word!r} contains a space; give one word at a time")
    return word


def _sentence_words(words: Sequence[str] | str) -> list[str]:
    # A plain string would otherwise be iterated letter by letter: treat it as a sentence instead.
    if isinstance(words, str):
        return words.split()
    return list(words)


def letter_trigrams(word: str, boundary: bool = False) -> list[str]:
    """The letter trigrams of ``word`` in reading order, repeats included.

    ``letter_trigrams("apple") == ["app", "ppl", "ple"]``. With ``boundary`` the word is first wrapped
    in "#", so the start and the end of a word get trigrams of their own:
    ``letter_trigrams("apple", boundary=True) == ["#ap", "app", "ppl", "ple", "le#"]``.

    A word shorter than three letters has no trigram. With ``boundary`` its padded form still has one
    ("a" → "#a#", "to" → "#to", "to#"); without ``boundary`` the whole word is used as its single
    "trigram" ("to" → ["to"]) so that short words do not all vanish into the same empty vector.
    The letters are used as given: lowercasing is the encoder's job.
    """
    word = _check_word(word)
    letters = f"{BOUNDARY_MARK}{word}{BOUNDARY_MARK}" if boundary else word
    if len(letters) < 3:
        return [letters]
    return [letters[start : start + 3] for start in range(len(letters) - 2)]


@lru_cache(maxsize=2)
def _all_lecture_trigrams(boundary: bool) -> tuple[str, ...]:
    """Every unit :func:`letter_trigrams` can produce from a word made of the letters a–z, sorted."""
    letters = LECTURE_ALPHABET
    units = {"".join(triple) for triple in product(letters, repeat=3)}
    if boundary:
        units.update(BOUNDARY_MARK + a + b for a, b in product(letters, repeat=2))  # start of a word
        units.update(a + b + BOUNDARY_MARK for a, b in product(letters, repeat=2))  # end of a word
        units.update(BOUNDARY_MARK + a + BOUNDARY_MARK for a in letters)  # a one-letter word
    else:
        units.update("".join(pair) for pair in product(letters, repeat=2))  # two-letter words
        units.update(letters)  # one-letter words
    return tuple(sorted(units))


class Encoding(ABC):
    """What the network and the views need from any word encoding."""

    @property
    @abstractmethod
    def dimension_names(self) -> list[str]:
        """One readable name per dimension of the encoded vector, in order."""

    @abstractmethod
    def encode(self, word: str) -> np.ndarray:
        """The vector x for one word, shape ``(size,)``, float64."""

    @abstractmethod
    def to_spec(self) -> dict[str, Any]:
        """A plain, JSON-ready dict that :func:`encoding_from_spec` turns back into an equal encoding."""

    @property
    def size(self) -> int:
        return len(self.dimension_names)

    def encode_sentence(self, words: Sequence[str] | str) -> np.ndarray:
        """The inputs x^1 … x^T of a sentence, shape ``(T, size)``; a string is split on whitespace."""
        rows = [self.encode(word) for word in _sentence_words(words)]
        if not rows:
            return np.zeros((0, self.size))
        return np.stack(rows)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Encoding):
            return NotImplemented
        return self.to_spec() == other.to_spec()

    def __hash__(self) -> int:
        return hash(repr(self.to_spec()))


class OneHotEncoding(Encoding):
    """1-of-N encoding: one dimension per vocabulary word, plus "<other>" (last) for unknown words.

    With ``other=False`` there is no "<other>" dimension and an unknown word is an error.
    With ``lowercase`` (the default) "Taipei" and "taipei" are the same word.
    """

    def __init__(self, vocabulary: Iterable[str], other: bool = True, lowercase: bool = True):
        self.other = bool(other)
        self.lowercase = bool(lowercase)
        words: list[str] = []
        index_of: dict[str, int] = {}
        for entry in vocabulary:
            word = self._normalise(entry)
            if word in index_of:
                raise UserInputError(f"the vocabulary lists the word {word!r} twice")
            if self.other and word == OTHER_WORD:
                raise UserInputError(f"{OTHER_WORD!r} is the name of the unknown-word dimension, not a word")
            index_of[word] = len(words)
            words.append(word)
        self.vocabulary: tuple[str, ...] = tuple(words)
        self._index_of = index_of

    def _normalise(self, word: Any) -> str:
        word = _check_word(word)
        return word.lower() if self.lowercase else word

    @property
    def size(self) -> int:
        return len(self.vocabulary) + (1 if self.other else 0)

    @property
    def other_index(self) -> int | None:
        """The index of the "<other>" dimension, or None without one."""
        return len(self.vocabulary) if self.other else None

    @property
    def dimension_names(self) -> list[str]:
        return list(self.vocabulary) + ([OTHER_WORD] if self.other else [])

    def is_known(self, word: str) -> bool:
        return self._normalise(word) in self._index_of

    def index(self, word: str) -> int:
        """The dimension that is 1 for ``word``: its vocabulary position, or "<other>" if unknown."""
        normalised = self._normalise(word)
        if normalised in self._index_of:
            return self._index_of[normalised]
        if not self.other:
            raise UserInputError(f"the word {word!r} is not in the vocabulary and there is no 'other' dimension")
        return len(self.vocabulary)

    def encode(self, word: str) -> np.ndarray:
        vector = np.zeros(self.size)
        vector[self.index(word)] = 1.0
        return vector

    def to_spec(self) -> dict[str, Any]:
        return {
            "kind": "one_hot",
            "vocabulary": list(self.vocabulary),
            "other": self.other,
            "lowercase": self.lowercase,
        }

    def __repr__(self) -> str:
        return f"OneHotEncoding({len(self.vocabulary)} words, other={self.other}, lowercase={self.lowercase})"


class TrigramHashing(Encoding):
    """Letter-trigram word hashing: a 1 in the dimension of every trigram the word contains.

    The dimensions are, in this order of preference:

    * ``trigrams`` — exactly the trigrams given;
    * ``words`` — the trigrams of these words, sorted;
    * neither — every trigram of the letters a–z, the lecture's 26 × 26 × 26 (plus the units of
      words shorter than three letters, or the "#" boundary trigrams with ``boundary``).

    A final "<other-trigram>" dimension counts how many *different* trigrams of the word are not
    among the dimensions, so a word made only of unseen letters is still not the zero vector.
    Every known trigram is 1 if present, however often it occurs ("banana" has "ana" twice: still 1).
    """

    def __init__(
        self,
        words: Iterable[str] | None = None,
        *,
        trigrams: Iterable[str] | None = None,
        boundary: bool = False,
        lowercase: bool = True,
    ):
        if words is not None and trigrams is not None:
            raise UserInputError("give the hashing either words to take trigrams from or trigrams, not both")
        self.boundary = bool(boundary)
        self.lowercase = bool(lowercase)
        # Remembered so that to_spec() can say "the full alphabet" instead of listing 18 000 trigrams.
        self.uses_lecture_alphabet = words is None and trigrams is None
        if self.uses_lecture_alphabet:
            units: tuple[str, ...] = _all_lecture_trigrams(self.boundary)
        elif trigrams is not None:
            units = tuple(self._checked_trigrams(trigrams))
        else:
            found = {unit for word in words for unit in self.trigrams_of(word)}
            units = tuple(sorted(found))
        self.trigrams: tuple[str, ...] = units
        self._index_of = {unit: position for position, unit in enumerate(units)}

    def _checked_trigrams(self, trigrams: Iterable[str]) -> list[str]:
        checked: list[str] = []
        seen: set[str] = set()
        for entry in trigrams:
            if not isinstance(entry, str) or not 1 <= len(entry) <= 3 or any(c.isspace() for c in entry):
                raise UserInputError(f"{entry!r} is not a letter trigram (1 to 3 letters, no spaces)")
            unit = entry.lower() if self.lowercase else entry
            if unit in seen:
                raise UserInputError(f"the trigram {unit!r} is listed twice")
            seen.add(unit)
            checked.append(unit)
        return checked

    def trigrams_of(self, word: str) -> list[str]:
        """:func:`letter_trigrams` of the word after this encoder's lowercasing."""
        word = _check_word(word)
        return letter_trigrams(word.lower() if self.lowercase else word, boundary=self.boundary)

    @property
    def size(self) -> int:
        return len(self.trigrams) + 1

    @property
    def other_index(self) -> int:
        return len(self.trigrams)

    @property
    def dimension_names(self) -> list[str]:
        return list(self.trigrams) + [OTHER_TRIGRAM]

    def is_known(self, word: str) -> bool:
        """True if every trigram of the word has a dimension of its own."""
        return all(unit in self._index_of for unit in self.trigrams_of(word))

    def explain(self, word: str) -> list[tuple[str, int]]:
        """Each different trigram of the word, in reading order, with the dimension it sets.

        Unknown trigrams point at the "<other-trigram>" dimension; this is what the GUI shows to say
        how a word it has never seen was encoded.
        """
        unique = dict.fromkeys(self.trigrams_of(word))  # keeps the first occurrence's order
        return [(unit, self._index_of.get(unit, self.other_index)) for unit in unique]

    def encode(self, word: str) -> np.ndarray:
        vector = np.zeros(self.size)
        for _, dimension in self.explain(word):
            if dimension == self.other_index:
                vector[dimension] += 1.0
            else:
                vector[dimension] = 1.0
        return vector

    def to_spec(self) -> dict[str, Any]:
        return {
            "kind": "trigram_hashing",
            "trigrams": None if self.uses_lecture_alphabet else list(self.trigrams),
            "boundary": self.boundary,
            "lowercase": self.lowercase,
        }

    def __repr__(self) -> str:
        return f"TrigramHashing({len(self.trigrams)} trigrams, boundary={self.boundary}, lowercase={self.lowercase})"


class CombinedEncoding(Encoding):
    """A 1-of-N part followed by a trigram-hashing part, in one vector.

    Dimension names are prefixed with "word:" and "trigram:" because a word and a trigram can be
    spelled the same ("the", "app").
    """

    def __init__(self, one_hot: OneHotEncoding, hashing: TrigramHashing):
        if not isinstance(one_hot, OneHotEncoding) or not isinstance(hashing, TrigramHashing):
            raise TypeError("CombinedEncoding needs a OneHotEncoding and a TrigramHashing")
        self.one_hot = one_hot
        self.hashing = hashing

    @property
    def size(self) -> int:
        return self.one_hot.size + self.hashing.size

    @property
    def dimension_names(self) -> list[str]:
        return [f"word:{name}" for name in self.one_hot.dimension_names] + [
            f"trigram:{name}" for name in self.hashing.dimension_names
        ]

    def encode(self, word: str) -> np.ndarray:
        return np.concatenate([self.one_hot.encode(word), self.hashing.encode(word)])

    def to_spec(self) -> dict[str, Any]:
        return {"kind": "combined", "one_hot": self.one_hot.to_spec(), "hashing": self.hashing.to_spec()}

    def __repr__(self) -> str:
        return f"CombinedEncoding({self.one_hot!r}, {self.hashing!r})"


# ---- specs: how a project file stores an encoding ---------------------------------------------------

_SPEC_FIELDS = {
    "one_hot": {"kind", "vocabulary", "other", "lowercase"},
    "trigram_hashing": {"kind", "trigrams", "boundary", "lowercase"},
    "combined": {"kind", "one_hot", "hashing"},
}


def _field(spec: dict, name: str, where: str, kinds: tuple[type, ...], allow_none: bool = False) -> Any:
    if name not in spec:
        raise UserInputError(f"the encoding field '{where}{name}' is missing")
    value = spec[name]
    if value is None and allow_none:
        return None
    # bool is a subclass of int in Python; a boolean field must be a real true/false.
    if not isinstance(value, kinds) or (bool not in kinds and isinstance(value, bool)):
        expected = " or ".join(kind.__name__ for kind in kinds)
        raise UserInputError(f"the encoding field '{where}{name}' must be {expected}, not {type(value).__name__}")
    return value


def _string_list(spec: dict, name: str, where: str, allow_none: bool = False) -> list[str] | None:
    values = _field(spec, name, where, (list, tuple), allow_none=allow_none)
    if values is None:
        return None
    for position, value in enumerate(values):
        if not isinstance(value, str):
            raise UserInputError(f"the encoding field '{where}{name}' item {position} must be text, not {value!r}")
    return list(values)


def encoding_from_spec(spec: dict) -> Encoding:
    """Rebuild an encoding from the dict its ``to_spec()`` gave; a malformed spec names the bad field."""
    if not isinstance(spec, dict):
        raise UserInputError(f"the encoding spec must be an object, not {type(spec).__name__}")
    return _encoding_from_spec(spec, "")


def _encoding_from_spec(spec: dict, where: str) -> Encoding:
    # where is the path of this spec inside the outer one ("one_hot."), so messages name the real field.
    kind = _field(spec, "kind", where, (str,))
    if kind not in _SPEC_FIELDS:
        known = ", ".join(sorted(_SPEC_FIELDS))
        raise UserInputError(f"the encoding field '{where}kind' is {kind!r}; it must be one of {known}")
    unknown = sorted(set(spec) - _SPEC_FIELDS[kind])
    if unknown:
        raise UserInputError(f"the encoding field '{where}{unknown[0]}' is not known for a {kind} encoding")

    if kind == "one_hot":
        vocabulary = _string_list(spec, "vocabulary", where)
        other = _field(spec, "other", where, (bool,))
        lowercase = _field(spec, "lowercase", where, (bool,))
        try:
            return OneHotEncoding(vocabulary, other=other, lowercase=lowercase)
        except UserInputError as error:  # a bad word or a duplicate: say which field holds it
            raise UserInputError(f"the encoding field '{where}vocabulary': {error}") from None
    if kind == "trigram_hashing":
        trigrams = _string_list(spec, "trigrams", where, allow_none=True)
        boundary = _field(spec, "boundary", where, (bool,))
        lowercase = _field(spec, "lowercase", where, (bool,))
        try:
            return TrigramHashing(trigrams=trigrams, boundary=boundary, lowercase=lowercase)
        except UserInputError as error:
            raise UserInputError(f"the encoding field '{where}trigrams': {error}") from None
    one_hot = _encoding_from_spec(_field(spec, "one_hot", where, (dict,)), f"{where}one_hot.")
    hashing = _encoding_from_spec(_field(spec, "hashing", where, (dict,)), f"{where}hashing.")
    if not isinstance(one_hot, OneHotEncoding):
        raise UserInputError(f"the encoding field '{where}one_hot' must be a one_hot encoding")
    if not isinstance(hashing, TrigramHashing):
        raise UserInputError(f"the encoding field '{where}hashing' must be a trigram_hashing encoding")
    return CombinedEncoding(one_hot, hashing)
