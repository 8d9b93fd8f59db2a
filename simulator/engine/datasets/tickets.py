"""A ticket-booking corpus for slot filling, generated from templates.

Every word of a sentence gets one slot label (no BIO tags): ``other``, ``destination``, ``departure``
(the place of departure), ``arrival_time`` or ``departure_time``. The point of the lecture is in the
labels: the same "Taipei" is a destination after "arrive" and a place of departure after "leave", and
the same "November 2nd" is an arrival time or a departure time for the same reason.

A template is a pattern of literal words (always ``other``) and placeholders::

    {arrive} {destination} on {arrival_date}

Placeholders and what fills them:

* ``{arrive}`` / ``{leave}`` — a phrase that makes the next city the destination ("arrive", "fly to",
  …) or the place of departure ("leave", "depart from", …); its words are ``other``.
* ``{destination}`` / ``{departure}`` — a city; every word of it ("Hong Kong") gets the slot.
* ``{arrival_date}`` / ``{departure_date}`` — a date: "November 2nd", "Nov. 2", "the 2nd of November" …
* ``{arrival_clock}`` / ``{departure_clock}`` — a time of day: "3 pm", "15:30", "noon" …
* ``{arrival_when}`` / ``{departure_when}`` — a whole time phrase: "on Nov. 2 at 3 pm", "in the
  morning", "tomorrow"; its prepositions (on, at, in …) are ``other``, as "on" is in the lecture.

Words keep their casing ("Taipei", "Nov."); the encoders lowercase them.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from simulator.errors import UserInputError

SLOTS = ("other", "destination", "departure", "arrival_time", "departure_time")
SLOT_INDEX = {slot: position for position, slot in enumerate(SLOTS)}

# The template id of a sentence that no template made (typed in by a user).
NO_TEMPLATE = -1

CITIES = (
    "Taipei", "Kaohsiung", "Tainan", "Taichung", "Hsinchu", "Keelung", "Hualien", "Taitung",
    "Tokyo", "Osaka", "Kyoto", "Seoul", "Busan", "Hong Kong", "Shanghai", "Beijing", "Singapore",
    "Bangkok", "Manila", "Hanoi", "Kuala Lumpur", "Sydney", "London", "Paris", "Berlin", "Rome",
    "New York", "Los Angeles", "San Francisco", "Vancouver",
)
#: Cities the corpus never uses: a test of how a network labels a word it has never seen (with letter
#: trigrams it still has a vector of its own; with 1-of-N alone it is "<other>").
UNSEEN_CITIES = ("Chiayi", "Nagoya", "Yilan")
ARRIVE_PHRASES = ("arrive", "arrive in", "arrive at", "get to", "go to", "fly to", "travel to", "reach", "land in")
LEAVE_PHRASES = ("leave", "leave from", "depart from", "fly out of", "fly from", "set off from", "get out of")

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTH_ABBREVIATIONS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec.")
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_PARTS = ("morning", "afternoon", "evening")

# In a time phrase these words only introduce the time, so they are "other" (as "on" is in the lecture).
TIME_PREPOSITIONS = frozenset({"on", "at", "in", "by", "before", "after", "around"})


# ---- sentences --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """A tokenised sentence and the slot of each word; ``template_id`` is NO_TEMPLATE if typed in."""

    words: tuple[str, ...]
    slots: tuple[str, ...]
    template_id: int = NO_TEMPLATE

    def __post_init__(self) -> None:
        for field_name in ("words", "slots"):
            value = getattr(self, field_name)
            if isinstance(value, str) or not isinstance(value, Sequence):
                raise UserInputError(f"the sentence's {field_name} must be a list of words, not {value!r}")
            # Frozen, so normalise lists to tuples the only way a frozen dataclass allows.
            object.__setattr__(self, field_name, tuple(value))
        for word in self.words:
            if not isinstance(word, str) or not word or any(character.isspace() for character in word):
                raise UserInputError(f"the sentence's word {word!r} must be non-empty text without spaces")
        for slot in self.slots:
            if slot not in SLOT_INDEX:
                raise UserInputError(f"{slot!r} is not a slot; the slots are {', '.join(SLOTS)}")
        if len(self.words) != len(self.slots):
            raise UserInputError(f"the sentence has {len(self.words)} words but {len(self.slots)} slot labels")
        template_id = self.template_id
        if isinstance(template_id, bool) or not isinstance(template_id, (int, np.integer)) or template_id < NO_TEMPLATE:
            raise UserInputError(f"the template id must be a whole number ≥ {NO_TEMPLATE}, not {template_id!r}")
        object.__setattr__(self, "template_id", int(template_id))

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def __len__(self) -> int:
        return len(self.words)


def tokenize(text: str) -> list[str]:
    """Split typed text into words, keeping their casing.

    Commas, question and exclamation marks are dropped; a full stop is dropped from the last word
    unless it belongs to a month abbreviation ("Nov.").
    """
    words = [word.strip(",;:?!\"") for word in text.split()]
    words = [word for word in words if word]
    if words and words[-1].endswith(".") and words[-1] not in MONTH_ABBREVIATIONS:
        words[-1] = words[-1].rstrip(".")
        if not words[-1]:
            words.pop()
    return words


def slot_ids(sentence: Sentence) -> np.ndarray:
    """The index into SLOTS of each word's slot, shape (T,), int64."""
    return np.array([SLOT_INDEX[slot] for slot in sentence.slots], dtype=np.int64)


def slot_reference_vectors(sentence: Sentence) -> np.ndarray:
    """The lecture's reference vectors: one row per word, 1 at its slot, shape (T, len(SLOTS))."""
    references = np.zeros((len(sentence.slots), len(SLOTS)))
    references[np.arange(len(sentence.slots)), slot_ids(sentence)] = 1.0
    return references


def slot_values(sentence: Sentence) -> list[tuple[str, str]]:
    """The filled slots as (slot, words joined), in reading order, e.g. ("destination", "Hong Kong")."""
    values: list[tuple[str, str]] = []
    previous = "other"
    for word, slot in zip(sentence.words, sentence.slots):
        if slot != "other" and slot == previous:
            values[-1] = (slot, f"{values[-1][1]} {word}")
        elif slot != "other":
            values.append((slot, word))
        previous = slot
    return values


# ---- templates --------------------------------------------------------------------------------------


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _pick(rng: np.random.Generator, choices: Sequence[str]) -> str:
    return choices[int(rng.integers(len(choices)))]


def date_phrases(month: int, day: int) -> tuple[str, ...]:
    """Every way the corpus writes a date; ``month`` counts from 1 (11 → "November 2nd", "Nov. 2", …)."""
    name, abbreviation = MONTHS[month - 1], MONTH_ABBREVIATIONS[month - 1]
    return (
        f"{name} {_ordinal(day)}",  # November 2nd
        f"{abbreviation} {day}",  # Nov. 2
        f"the {_ordinal(day)} of {name}",  # the 2nd of November
        f"{name} {day}",  # November 2
        f"{day} {name}",  # 2 November
    )


def _random_date(rng: np.random.Generator) -> str:
    month = int(rng.integers(1, 13))
    day = int(rng.integers(1, DAYS_IN_MONTH[month - 1] + 1))
    return _pick(rng, date_phrases(month, day))


def _random_clock(rng: np.random.Generator) -> str:
    hour = int(rng.integers(24))
    minute = _pick(rng, ("00", "15", "30", "45"))
    hour_12 = hour % 12 or 12
    half_of_day = "am" if hour < 12 else "pm"
    forms = (
        f"{hour_12} {half_of_day}",  # 3 pm
        f"{hour_12}:{minute} {half_of_day}",  # 3:30 pm
        f"{hour:02d}:{minute}",  # 15:30
        f"{hour_12} o'clock",
        _pick(rng, ("noon", "midnight")),
    )
    return _pick(rng, forms)


def _random_when(rng: np.random.Generator) -> str:
    # Weighted towards dates: they are the lecture's example and the hardest to tell apart.
    form = int(rng.integers(10))
    if form <= 2:
        return f"on {_random_date(rng)}"
    if form == 3:
        return f"on {_random_date(rng)} at {_random_clock(rng)}"
    if form == 4:
        return f"at {_random_clock(rng)}"
    if form == 5:
        return f"{_pick(rng, ('by', 'before', 'after', 'around'))} {_random_clock(rng)}"
    if form == 6:
        return f"in the {_pick(rng, DAY_PARTS)}"
    if form == 7:
        return f"{_pick(rng, ('on', 'next', 'this'))} {_pick(rng, WEEKDAYS)}"
    return _pick(rng, ("tomorrow", "tonight", "today", "tomorrow morning", "tomorrow evening"))


@dataclass(frozen=True)
class _Placeholder:
    slot: str
    sample: Callable[[np.random.Generator], str]
    prepositions_are_other: bool = False


PLACEHOLDERS: dict[str, _Placeholder] = {
    "arrive": _Placeholder("other", lambda rng: _pick(rng, ARRIVE_PHRASES)),
    "leave": _Placeholder("other", lambda rng: _pick(rng, LEAVE_PHRASES)),
    "destination": _Placeholder("destination", lambda rng: _pick(rng, CITIES)),
    "departure": _Placeholder("departure", lambda rng: _pick(rng, CITIES)),
    "arrival_date": _Placeholder("arrival_time", _random_date),
    "departure_date": _Placeholder("departure_time", _random_date),
    "arrival_clock": _Placeholder("arrival_time", _random_clock),
    "departure_clock": _Placeholder("departure_time", _random_clock),
    "arrival_when": _Placeholder("arrival_time", _random_when, prepositions_are_other=True),
    "departure_when": _Placeholder("departure_time", _random_when, prepositions_are_other=True),
}


@dataclass(frozen=True)
class Template:
    """A sentence pattern; ``fill`` renders it with given words, ``sample`` with random ones."""

    template_id: int
    pattern: str

    def __post_init__(self) -> None:
        if isinstance(self.template_id, bool) or not isinstance(self.template_id, int) or self.template_id < 0:
            raise UserInputError(f"a template id must be a whole number ≥ 0, not {self.template_id!r}")
        if not isinstance(self.pattern, str) or not self.pattern.split():
            raise UserInputError(f"template {self.template_id} is empty")
        for token in self.pattern.split():
            name = self._placeholder_name(token)
            if name is None and ("{" in token or "}" in token):
                raise UserInputError(
                    f"template {self.template_id}: {token!r} is not a placeholder like {{destination}}"
                )
            if name is not None and name not in PLACEHOLDERS:
                known = ", ".join(PLACEHOLDERS)
                raise UserInputError(f"template {self.template_id}: unknown placeholder {{{name}}}; known: {known}")

    @staticmethod
    def _placeholder_name(token: str) -> str | None:
        if len(token) > 2 and token.startswith("{") and token.endswith("}"):
            return token[1:-1]
        return None

    @property
    def placeholders(self) -> list[str]:
        """The placeholder names of the pattern, each once, in order of first appearance."""
        names = (self._placeholder_name(token) for token in self.pattern.split())
        return list(dict.fromkeys(name for name in names if name is not None))

    def fill(self, **values: str) -> Sentence:
        """The sentence with each placeholder replaced by the given words, slots labelled."""
        missing = [name for name in self.placeholders if name not in values]
        extra = [name for name in values if name not in self.placeholders]
        if missing or extra:
            problem = f"needs a value for {{{missing[0]}}}" if missing else f"has no placeholder {{{extra[0]}}}"
            raise UserInputError(f"template {self.template_id} {problem}")
        words: list[str] = []
        slots: list[str] = []
        for token in self.pattern.split():
            name = self._placeholder_name(token)
            if name is None:
                words.append(token)
                slots.append("other")
                continue
            placeholder = PLACEHOLDERS[name]
            value = values[name]
            filler = value.split() if isinstance(value, str) else []
            if not filler:
                raise UserInputError(f"template {self.template_id}: the value for {{{name}}} must be non-empty text")
            for word in filler:
                is_preposition = placeholder.prepositions_are_other and word.lower() in TIME_PREPOSITIONS
                words.append(word)
                slots.append("other" if is_preposition else placeholder.slot)
        return Sentence(tuple(words), tuple(slots), self.template_id)

    def sample(self, rng: np.random.Generator) -> Sentence:
        """The sentence with random fillers; the destination and the departure are different cities."""
        names = self.placeholders
        values: dict[str, str] = {}
        if "destination" in names and "departure" in names:
            destination, departure = rng.choice(len(CITIES), size=2, replace=False)
            values = {"destination": CITIES[destination], "departure": CITIES[departure]}
        for name in names:
            if name not in values:
                values[name] = PLACEHOLDERS[name].sample(rng)
        return self.fill(**values)


_PATTERNS = (
    # 0 and 1 produce the lecture's two sentences; they stay in training (see the split below).
    "{arrive} {destination} on {arrival_date}",
    "{leave} {departure} on {departure_date}",
    "i would like to {arrive} {destination} on {arrival_date}",
    "i would like to {leave} {departure} on {departure_date}",
    "i want to {arrive} {destination} {arrival_when}",
    "i want to {leave} {departure} {departure_when}",
    "i need to {arrive} {destination} {arrival_when}",
    "i need to {leave} {departure} {departure_when}",
    "i have to {arrive} {destination} by {arrival_clock}",
    "i have to {leave} {departure} before {departure_clock}",
    "please help me {arrive} {destination} {arrival_when}",
    "please help me {leave} {departure} {departure_when}",
    "can i {arrive} {destination} {arrival_when}",
    "can i {leave} {departure} {departure_when}",
    "what flights {arrive} {destination} {arrival_when}",
    "what flights {leave} {departure} {departure_when}",
    # The time comes first: only a bidirectional network can tell arrival from departure here.
    "{arrival_when} i want to {arrive} {destination}",
    "{departure_when} i want to {leave} {departure}",
    "i want to fly from {departure} to {destination} on {departure_date}",
    "i want to {leave} {departure} and {arrive} {destination} {arrival_when}",
    "i want to {leave} {departure} {departure_when} and {arrive} {destination} {arrival_when}",
    "book a ticket from {departure} to {destination} {departure_when}",
    "a ticket from {departure} to {destination} for {departure_date} please",
    "show me flights from {departure} to {destination} that arrive {arrival_when}",
    "show me flights from {departure} to {destination} that leave {departure_when}",
    "i would like to {leave} {departure} for {destination} {departure_when}",
    "i would like to {arrive} {destination} from {departure} {arrival_when}",
    "is there a train to {destination} that gets there {arrival_when}",
    "is there a train from {departure} that leaves {departure_when}",
    "i need a flight to {destination} leaving {departure} at {departure_clock}",
    "i need a flight to {destination} arriving {arrival_when}",
    "my flight should {arrive} {destination} at {arrival_clock}",
    "my flight should {leave} {departure} at {departure_clock}",
    "one ticket to {destination} please",
    "one ticket from {departure} please",
    "how can i {arrive} {destination} {arrival_when}",
    "how can i {leave} {departure} {departure_when}",
    "i plan to {leave} {departure} on {departure_date} and {arrive} {destination} on {arrival_date}",
    "we will {arrive} {destination} {arrival_when}",
    "we will {leave} {departure} {departure_when}",
)
TEMPLATES: tuple[Template, ...] = tuple(Template(position, pattern) for position, pattern in enumerate(_PATTERNS))
LECTURE_ARRIVE_TEMPLATE = TEMPLATES[0]
LECTURE_LEAVE_TEMPLATE = TEMPLATES[1]
LECTURE_TEMPLATE_IDS = (LECTURE_ARRIVE_TEMPLATE.template_id, LECTURE_LEAVE_TEMPLATE.template_id)

#: The templates of the shipped test split (resources/corpora/tickets-test.jsonl), chosen by hand:
#: "i need to …" (6, 7), "what flights …" (14, 15), "how can i …" (35, 36) and "we will …" (38, 39),
#: each an arrive/leave twin pair. Every one can be labelled reading left to right with the rule the
#: training templates teach — the verb before the city decides its slot, the latest verb decides the
#: slot of a time. They are held out in pairs so that the words before the verb never give the answer
#: away: with only "how can i leave" held out, "how can i" would come in training only before "arrive",
#: and small networks did learn "how can i … → arrival" (test F1 as low as 0.84). Kept in training: the
#: lecture's two templates (0, 1); 16/17, whose time comes before the verb (only a network that also
#: reads right to left can label those times, so they would measure the direction of reading, not the
#: rule); and 19 ("leave X and fly to Y on DATE", an arrival date), which contradicts 18 ("fly from X
#: to Y on DATE", a departure date) — held out, it measured that convention (the Elman and LSTM
#: networks tried called its arrival times departure times), not the rule.
HELD_OUT_TEMPLATE_IDS = (6, 7, 14, 15, 35, 36, 38, 39)

ARRIVE_SENTENCE = LECTURE_ARRIVE_TEMPLATE.fill(arrive="arrive", destination="Taipei", arrival_date="November 2nd")
LEAVE_SENTENCE = LECTURE_LEAVE_TEMPLATE.fill(leave="leave", departure="Taipei", departure_date="November 2nd")


def _whole_number(value: Any, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise UserInputError(f"{name} must be a whole number of at least {minimum}, not {value!r}")
    return int(value)


def _as_templates(templates: Iterable[Template | str] | None) -> list[Template]:
    if templates is None:
        return list(TEMPLATES)
    chosen = [
        template if isinstance(template, Template) else Template(position, template)
        for position, template in enumerate(templates)
    ]
    if not chosen:
        raise UserInputError("at least one template is needed to generate a corpus")
    ids = [template.template_id for template in chosen]
    duplicates = sorted(template_id for template_id, count in Counter(ids).items() if count > 1)
    if duplicates:
        raise UserInputError(f"the template id {duplicates[0]} is used by more than one template")
    return chosen


def generate_corpus(n_sentences: int, seed: int, templates: Iterable[Template | str] | None = None) -> list[Sentence]:
    """``n_sentences`` labelled sentences, the same for the same seed.

    ``templates`` defaults to TEMPLATES; a plain pattern string gets its position in the list as id.
    The templates are used evenly (their counts differ by at most one) in a shuffled order, so a
    split by template has a predictable size.
    """
    n_sentences = _whole_number(n_sentences, "the number of sentences", 0)
    seed = _whole_number(seed, "the seed", 0)
    chosen = _as_templates(templates)
    rng = np.random.default_rng(seed)
    sentences: list[Sentence] = []
    while len(sentences) < n_sentences:
        # One shuffled round of all templates at a time keeps their counts even.
        for position in rng.permutation(len(chosen))[: n_sentences - len(sentences)]:
            sentences.append(chosen[position].sample(rng))
    return sentences


def train_test_split_by_template(
    sentences: Sequence[Sentence],
    test_fraction: float = 0.2,
    seed: int = 0,
    test_template_ids: Iterable[int] | None = None,
    always_train_template_ids: Iterable[int] = LECTURE_TEMPLATE_IDS,
) -> tuple[list[Sentence], list[Sentence]]:
    """Split into (train, test) so that no template has sentences on both sides.

    Holding out whole templates measures whether a network learnt the rule (the word before the city
    decides its slot) rather than the sentence shapes. Either give ``test_template_ids`` or let
    ``round(test_fraction × number of templates)`` of them be drawn with ``seed``, never one of
    ``always_train_template_ids`` (by default the lecture's two, so its sentences are trained on).
    Both lists keep the order of ``sentences``.
    """
    present = sorted({sentence.template_id for sentence in sentences})
    if len(present) < 2:
        raise UserInputError("splitting by template needs sentences from at least two templates")
    if test_template_ids is not None:
        held_out = {int(template_id) for template_id in test_template_ids}
        absent = sorted(held_out - set(present))
        if absent:
            raise UserInputError(f"template {absent[0]} has no sentence in the corpus")
        if not held_out or held_out == set(present):
            raise UserInputError("the test templates must be some, but not all, of the corpus's templates")
    else:
        if isinstance(test_fraction, bool) or not isinstance(test_fraction, (int, float)) or not 0 < test_fraction < 1:
            raise UserInputError(f"the test fraction must be between 0 and 1, not {test_fraction!r}")
        seed = _whole_number(seed, "the seed", 0)
        keep = set(always_train_template_ids)
        candidates = [template_id for template_id in present if template_id not in keep]
        n_test = max(1, round(test_fraction * len(present)))
        if n_test > len(candidates) or n_test >= len(present):
            raise UserInputError(f"a test fraction of {test_fraction} leaves no template for one of the splits")
        rng = np.random.default_rng(seed)
        held_out = {int(template_id) for template_id in rng.choice(candidates, size=n_test, replace=False)}
    train = [sentence for sentence in sentences if sentence.template_id not in held_out]
    test = [sentence for sentence in sentences if sentence.template_id in held_out]
    return train, test


def build_vocabulary(sentences: Iterable[Sentence], min_count: int = 1, lowercase: bool = True) -> list[str]:
    """The words seen at least ``min_count`` times, sorted alphabetically (easy to find in a list).

    Lowercased by default, as the encoders do; rarer words are left to the "<other>" dimension.
    """
    min_count = _whole_number(min_count, "the minimum count", 1)
    counts = Counter(word.lower() if lowercase else word for sentence in sentences for word in sentence.words)
    return sorted(word for word, count in counts.items() if count >= min_count)


# ---- JSON lines files -------------------------------------------------------------------------------

_JSONL_FIELDS = ("words", "slots", "template_id")


def jsonl_text(sentences: Iterable[Sentence]) -> str:
    """The text :func:`write_jsonl` writes: one JSON object per line, each line ending in "\\n"."""
    return "".join(
        json.dumps(
            {"words": list(sentence.words), "slots": list(sentence.slots), "template_id": sentence.template_id},
            ensure_ascii=False,
        )
        + "\n"
        for sentence in sentences
    )


def write_jsonl(path: str | os.PathLike, sentences: Iterable[Sentence]) -> None:
    """Write one JSON object per line; an interrupted write never leaves a half-written file behind."""
    target = Path(path)
    text = jsonl_text(sentences)
    temporary_name = None
    try:
        # The temporary file sits in the target's folder so that os.replace is a same-disk rename.
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="\n", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp",
            delete=False,
        ) as handle:
            temporary_name = handle.name
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        # A temporary file is private (0600); a corpus is readable by everyone, like any shipped file.
        os.chmod(temporary_name, 0o644)
        os.replace(temporary_name, target)
    except OSError as error:
        if temporary_name is not None and os.path.exists(temporary_name):
            os.remove(temporary_name)
        raise UserInputError(f"cannot write {target}: {error.strerror or error}") from None


def _sentence_from_record(record: Any) -> Sentence:
    if not isinstance(record, dict):
        raise UserInputError(f"a line must be a JSON object, not {type(record).__name__}")
    for field_name in _JSONL_FIELDS:
        if field_name not in record:
            raise UserInputError(f"the field '{field_name}' is missing")
    unknown = sorted(set(record) - set(_JSONL_FIELDS))
    if unknown:
        raise UserInputError(f"the field '{unknown[0]}' is not known")
    for field_name in ("words", "slots"):
        if not isinstance(record[field_name], list):
            raise UserInputError(f"the field '{field_name}' must be a list")
    return Sentence(tuple(record["words"]), tuple(record["slots"]), record["template_id"])


def read_jsonl(path: str | os.PathLike) -> list[Sentence]:
    """Read a file written by :func:`write_jsonl`; blank lines are skipped, any bad line is an error."""
    source = Path(path)
    try:
        raw_lines = source.read_bytes().splitlines()
    except OSError as error:
        raise UserInputError(f"cannot read {source}: {error.strerror or error}") from None
    sentences: list[Sentence] = []
    for line_number, raw in enumerate(raw_lines, start=1):
        try:
            text = raw.decode("utf-8")
            if not text.strip():
                continue
            record = json.loads(text)
            sentences.append(_sentence_from_record(record))
        except UnicodeDecodeError:
            raise UserInputError(f"{source}, line {line_number}: not UTF-8 text") from None
        except (ValueError, RecursionError) as error:  # json errors and UserInputError are ValueErrors
            reason = f"not valid JSON ({error.msg})" if isinstance(error, json.JSONDecodeError) else str(error)
            raise UserInputError(f"{source}, line {line_number}: {reason}") from None
    return sentences
