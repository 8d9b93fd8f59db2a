"""The lecture's sequences, the adding problem and the ticket-booking corpus."""
from __future__ import annotations

import json
import os
from collections import Counter

import numpy as np
import pytest

from simulator.engine.datasets import adding, lecture, tickets
from simulator.engine.datasets.tickets import (
    ARRIVE_SENTENCE,
    CITIES,
    LEAVE_SENTENCE,
    SLOTS,
    TEMPLATES,
    Sentence,
    Template,
    build_vocabulary,
    generate_corpus,
    read_jsonl,
    slot_ids,
    slot_reference_vectors,
    slot_values,
    tokenize,
    train_test_split_by_template,
    write_jsonl,
)
from simulator.engine.encoding import OneHotEncoding
from simulator.errors import UserInputError


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# ---- lecture ------------------------------------------------------------------------------------------


def test_toy_rnn_sequences():
    np.testing.assert_array_equal(lecture.toy_rnn_inputs(), [[1, 1], [1, 1], [2, 2]])
    np.testing.assert_array_equal(lecture.toy_rnn_expected_outputs(), [[4, 4], [12, 12], [32, 32]])
    np.testing.assert_array_equal(lecture.toy_rnn_expected_hidden(), [[2, 2], [6, 6], [16, 16]])
    assert lecture.toy_rnn_inputs().dtype == np.float64


def test_toy_rnn_expected_values_follow_from_all_weights_one():
    ones = np.ones((2, 2))
    memory = np.zeros(2)
    hidden, outputs = [], []
    for x in lecture.toy_rnn_inputs():
        memory = ones @ x + ones @ memory  # linear hidden units: a^t = W x^t + W_h a^(t-1)
        hidden.append(memory)
        outputs.append(ones @ memory)
    np.testing.assert_array_equal(hidden, lecture.toy_rnn_expected_hidden())
    np.testing.assert_array_equal(outputs, lecture.toy_rnn_expected_outputs())


def test_functions_hand_out_fresh_arrays():
    first = lecture.toy_rnn_inputs()
    first[0, 0] = 99.0
    assert lecture.toy_rnn_inputs()[0, 0] == 1.0
    memory = lecture.lstm_lecture_expected_memory()
    memory[:] = -1
    assert lecture.lstm_lecture_expected_memory()[1] == 3.0


def test_lstm_lecture_sequences():
    np.testing.assert_array_equal(
        lecture.lstm_lecture_inputs(),
        [[1, 0, 0], [3, 1, 0], [2, 0, 0], [4, 1, 0], [2, 0, 0], [1, 0, 1], [3, -1, 0], [6, 1, 0], [1, 0, 1]],
    )
    np.testing.assert_array_equal(lecture.lstm_lecture_expected_memory(), [0, 3, 3, 7, 7, 7, 0, 6, 6])
    np.testing.assert_array_equal(lecture.lstm_lecture_expected_outputs(), [0, 0, 0, 0, 0, 7, 0, 0, 6])


def test_lstm_lecture_expected_values_follow_from_the_lecture_weights():
    c = 0.0
    memory, outputs = [], []
    for x1, x2, x3 in lecture.lstm_lecture_inputs():
        z, z_i, z_f, z_o = x1, 100 * x2 - 10, 100 * x2 + 10, 100 * x3 - 10
        c = z * _sigmoid(z_i) + c * _sigmoid(z_f)  # g and h are linear
        memory.append(c)
        outputs.append(c * _sigmoid(z_o))
    # Sigmoid(-10) is 4.5e-5, not 0, so the lecture's round numbers hold to about 1e-3.
    np.testing.assert_allclose(memory, lecture.lstm_lecture_expected_memory(), atol=2e-3)
    np.testing.assert_allclose(outputs, lecture.lstm_lecture_expected_outputs(), atol=2e-3)


def test_w999_inputs():
    inputs = lecture.w999_inputs()
    assert inputs.shape == (1000, 1)
    assert inputs[0, 0] == 1.0 and inputs.sum() == 1.0
    np.testing.assert_array_equal(lecture.w999_inputs(4), [[1], [0], [0], [0]])
    for bad in (0, -3, 2.5, True):
        with pytest.raises(UserInputError):
            lecture.w999_inputs(bad)


def test_w999_expected_numbers():
    assert lecture.w999_expected_last_output(1.0) == 1.0
    assert lecture.w999_expected_last_output(1.01) == pytest.approx(20751.6, abs=0.1)
    assert lecture.w999_expected_last_output(0.99) == pytest.approx(4.36e-5, rel=1e-3)
    assert lecture.w999_expected_last_output(0.01) == pytest.approx(0.0, abs=1e-300)
    assert lecture.w999_expected_last_output(10.0) == np.inf


def test_w999_expected_matches_running_the_unit():
    w = 1.01
    y = 0.0
    for x in lecture.w999_inputs()[:, 0]:
        y = x + w * y
    assert y == pytest.approx(lecture.w999_expected_last_output(w), rel=1e-9)


# ---- adding problem -----------------------------------------------------------------------------------


def test_adding_problem_shapes_and_values():
    x, y = adding.adding_problem(n_sequences=50, T=20, seed=3)
    assert x.shape == (20, 50, 2) and y.shape == (50, 1)
    assert x.dtype == np.float64 and y.dtype == np.float64
    values, markers = x[..., 0], x[..., 1]
    assert values.min() >= 0.0 and values.max() < 1.0
    assert set(np.unique(markers)) == {0.0, 1.0}
    np.testing.assert_array_equal(markers.sum(axis=0), np.full(50, 2.0))
    np.testing.assert_array_equal(markers[:10].sum(axis=0), np.ones(50))  # one mark in the first half
    np.testing.assert_array_equal(markers[10:].sum(axis=0), np.ones(50))  # one in the second
    np.testing.assert_allclose(y[:, 0], (values * markers).sum(axis=0), rtol=0, atol=1e-15)


def test_adding_problem_odd_and_shortest_lengths():
    x, _ = adding.adding_problem(200, T=5, seed=0)
    markers = x[..., 1]
    np.testing.assert_array_equal(markers[:2].sum(axis=0), np.ones(200))
    np.testing.assert_array_equal(markers[2:].sum(axis=0), np.ones(200))
    x, y = adding.adding_problem(7, T=2, seed=0)
    np.testing.assert_array_equal(x[..., 1], np.ones((2, 7)))
    np.testing.assert_allclose(y[:, 0], x[0, :, 0] + x[1, :, 0])


def test_adding_problem_is_reproducible():
    x1, y1 = adding.adding_problem(30, 12, seed=7)
    x2, y2 = adding.adding_problem(30, 12, seed=7)
    x3, _ = adding.adding_problem(30, 12, seed=8)
    np.testing.assert_array_equal(x1, x2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(x1, x3)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((0, 10, 0), "sequences"),
        ((True, 10, 0), "sequences"),
        ((5, 1, 0), "T"),
        ((5, 10.0, 0), "T"),
        ((5, 10, -1), "seed"),
    ],
)
def test_adding_problem_rejects_bad_arguments(arguments, message):
    with pytest.raises(UserInputError, match=message):
        adding.adding_problem(*arguments)


def test_answering_one_scores_the_baseline_mse():
    assert adding.ADDING_BASELINE_MSE == pytest.approx(0.1667, abs=1e-4)
    _, y = adding.adding_problem(n_sequences=20000, T=10, seed=0)
    empirical = float(np.mean((y - 1.0) ** 2))
    assert abs(empirical - adding.ADDING_BASELINE_MSE) < 0.01


# ---- ticket corpus ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus():
    return generate_corpus(1200, seed=0)


def test_the_lecture_sentences():
    assert ARRIVE_SENTENCE.words == ("arrive", "Taipei", "on", "November", "2nd")
    assert ARRIVE_SENTENCE.slots == ("other", "destination", "other", "arrival_time", "arrival_time")
    assert LEAVE_SENTENCE.words == ("leave", "Taipei", "on", "November", "2nd")
    assert LEAVE_SENTENCE.slots == ("other", "departure", "other", "departure_time", "departure_time")
    assert (ARRIVE_SENTENCE.template_id, LEAVE_SENTENCE.template_id) == (0, 1)
    assert ARRIVE_SENTENCE.text == "arrive Taipei on November 2nd"


def test_the_lecture_sentences_are_made_of_what_the_generator_draws_from():
    assert TEMPLATES[ARRIVE_SENTENCE.template_id].pattern == "{arrive} {destination} on {arrival_date}"
    assert TEMPLATES[LEAVE_SENTENCE.template_id].pattern == "{leave} {departure} on {departure_date}"
    assert "arrive" in tickets.ARRIVE_PHRASES and "leave" in tickets.LEAVE_PHRASES
    assert "Taipei" in CITIES
    assert tickets.date_phrases(11, 2) == (
        "November 2nd",
        "Nov. 2",
        "the 2nd of November",
        "November 2",
        "2 November",
    )
    # Every sentence template 0 makes is "<arrive phrase> <city> on <date>", like the lecture's.
    all_dates = {
        phrase
        for month, days in enumerate(tickets.DAYS_IN_MONTH, start=1)
        for day in range(1, days + 1)
        for phrase in tickets.date_phrases(month, day)
    }
    possible = {
        f"{verb} {city} on {date}" for verb in tickets.ARRIVE_PHRASES for city in CITIES for date in all_dates
    }
    assert ARRIVE_SENTENCE.text in possible
    for sentence in generate_corpus(40, seed=5, templates=[TEMPLATES[0]]):
        assert sentence.text in possible


def test_same_seed_same_corpus_other_seed_other_corpus(corpus):
    assert generate_corpus(1200, seed=0) == corpus
    assert generate_corpus(1200, seed=1) != corpus
    assert generate_corpus(0, seed=0) == []


def test_every_word_has_a_known_slot(corpus):
    for sentence in corpus:
        assert len(sentence.words) == len(sentence.slots) > 0
        assert set(sentence.slots) <= set(SLOTS)
        assert 0 <= sentence.template_id < len(TEMPLATES)
    assert SLOTS[0] == "other"
    assert set(SLOTS) == {slot for sentence in corpus for slot in sentence.slots}


def test_the_word_before_a_city_decides_its_slot(corpus):
    # The lecture's point, checked on every generated sentence.
    departure_cues = {"leave", "from", "of", "leaving"}  # leave X, depart from X, fly out of X
    destination_cues = {"arrive", "to", "in", "at", "reach", "for"}  # arrive X, go to X, land in X
    for sentence in corpus:
        for position, slot in enumerate(sentence.slots):
            starts_a_city = slot in ("destination", "departure") and sentence.slots[position - 1] != slot
            if not starts_a_city:
                continue
            cue = sentence.words[position - 1]
            expected = "departure" if cue in departure_cues else "destination" if cue in destination_cues else None
            assert expected == slot, sentence.text


def test_templates_are_used_evenly(corpus):
    counts = Counter(sentence.template_id for sentence in corpus)
    assert len(TEMPLATES) == 40
    assert set(counts.values()) == {1200 // 40}


def test_at_least_twenty_cities_appear(corpus):
    cities = {
        value
        for sentence in corpus
        for slot, value in slot_values(sentence)
        if slot in ("destination", "departure")
    }
    assert len(cities) >= 20
    assert cities <= set(CITIES)
    assert "Hong Kong" in cities and "New York" in cities


def test_multi_word_city_and_from_to_sentence():
    sentence = TEMPLATES[18].fill(departure="Tokyo", destination="Hong Kong", departure_date="Nov. 2")
    assert sentence.text == "i want to fly from Tokyo to Hong Kong on Nov. 2"
    assert sentence.slots == (
        "other", "other", "other", "other", "other", "departure", "other",
        "destination", "destination", "other", "departure_time", "departure_time",
    )  # fmt: skip
    assert slot_values(sentence) == [("departure", "Tokyo"), ("destination", "Hong Kong"), ("departure_time", "Nov. 2")]


def test_prepositions_in_time_phrases_are_other():
    sentence = TEMPLATES[4].fill(arrive="land in", destination="Seoul", arrival_when="on the 2nd of November at 3 pm")
    assert list(zip(sentence.words, sentence.slots))[3:] == [
        ("land", "other"),
        ("in", "other"),
        ("Seoul", "destination"),
        ("on", "other"),
        ("the", "arrival_time"),
        ("2nd", "arrival_time"),
        ("of", "arrival_time"),
        ("November", "arrival_time"),
        ("at", "other"),
        ("3", "arrival_time"),
        ("pm", "arrival_time"),
    ]


def test_destination_and_departure_are_different_cities(corpus):
    for sentence in corpus:
        values = dict(slot_values(sentence))
        if "destination" in values and "departure" in values:
            assert values["destination"] != values["departure"]


def test_custom_templates():
    sentences = generate_corpus(4, seed=0, templates=["{leave} {departure} now", "to {destination}"])
    assert Counter(sentence.template_id for sentence in sentences) == {0: 2, 1: 2}
    for sentence in sentences:
        if sentence.template_id == 0:
            assert sentence.words[-1] == "now" and sentence.slots[-1] == "other"
        else:
            assert sentence.words[0] == "to" and sentence.slots[1:] == ("destination",) * (len(sentence) - 1)
    with pytest.raises(UserInputError, match="cabin"):
        generate_corpus(3, seed=0, templates=["{arrive} {destination} in {cabin}"])
    with pytest.raises(UserInputError, match="placeholder"):
        generate_corpus(3, seed=0, templates=["{arrive {destination}"])
    with pytest.raises(UserInputError, match="id 0"):
        generate_corpus(3, seed=0, templates=[Template(0, "a {destination}"), Template(0, "b {destination}")])
    with pytest.raises(UserInputError, match="departure"):
        TEMPLATES[1].fill(leave="leave", departure_date="May 1")


def test_split_holds_out_whole_templates():
    corpus = generate_corpus(3000, seed=0)
    train, test = train_test_split_by_template(corpus, test_fraction=0.2, seed=0)
    assert len(train) >= 2000 and len(test) >= 500
    assert len(train) + len(test) == len(corpus)
    train_templates = {sentence.template_id for sentence in train}
    test_templates = {sentence.template_id for sentence in test}
    assert train_templates.isdisjoint(test_templates)
    assert len(test_templates) == 8
    assert set(tickets.LECTURE_TEMPLATE_IDS) <= train_templates
    assert train == [sentence for sentence in corpus if sentence.template_id in train_templates]  # order kept
    assert train_test_split_by_template(corpus, test_fraction=0.2, seed=0) == (train, test)
    assert train_test_split_by_template(corpus, test_fraction=0.2, seed=1) != (train, test)


def test_split_with_chosen_test_templates(corpus):
    train, test = train_test_split_by_template(corpus, test_template_ids=[3, 5])
    assert {sentence.template_id for sentence in test} == {3, 5}
    assert len(test) == 2 * 1200 // 40
    with pytest.raises(UserInputError, match="template 99"):
        train_test_split_by_template(corpus, test_template_ids=[99])
    with pytest.raises(UserInputError, match="fraction"):
        train_test_split_by_template(corpus, test_fraction=1.5)
    with pytest.raises(UserInputError, match="two templates"):
        train_test_split_by_template([ARRIVE_SENTENCE, ARRIVE_SENTENCE])


def test_build_vocabulary():
    sentences = [ARRIVE_SENTENCE, LEAVE_SENTENCE]
    assert build_vocabulary(sentences) == ["2nd", "arrive", "leave", "november", "on", "taipei"]
    assert build_vocabulary(sentences, min_count=2) == ["2nd", "november", "on", "taipei"]
    assert build_vocabulary(sentences, lowercase=False) == ["2nd", "November", "Taipei", "arrive", "leave", "on"]
    with pytest.raises(UserInputError):
        build_vocabulary(sentences, min_count=0)


def test_taipei_gets_the_same_vector_in_both_lecture_sentences():
    encoding = OneHotEncoding(build_vocabulary([ARRIVE_SENTENCE, LEAVE_SENTENCE]))
    arrive, leave = encoding.encode_sentence(ARRIVE_SENTENCE.words), encoding.encode_sentence(LEAVE_SENTENCE.words)
    np.testing.assert_array_equal(arrive[1:], leave[1:])  # a network without memory cannot tell them apart
    assert not np.array_equal(arrive[0], leave[0])


def test_slot_ids_and_reference_vectors():
    np.testing.assert_array_equal(slot_ids(ARRIVE_SENTENCE), [0, 1, 0, 3, 3])
    np.testing.assert_array_equal(slot_ids(LEAVE_SENTENCE), [0, 2, 0, 4, 4])
    assert slot_ids(ARRIVE_SENTENCE).dtype == np.int64
    np.testing.assert_array_equal(
        slot_reference_vectors(LEAVE_SENTENCE),
        [[1, 0, 0, 0, 0], [0, 0, 1, 0, 0], [1, 0, 0, 0, 0], [0, 0, 0, 0, 1], [0, 0, 0, 0, 1]],
    )


def test_tokenize():
    assert tokenize("I would like to arrive Taipei on Nov. 2.") == [
        "I", "would", "like", "to", "arrive", "Taipei", "on", "Nov.", "2",
    ]  # fmt: skip
    assert tokenize("leave  Taipei, please!") == ["leave", "Taipei", "please"]
    assert tokenize("arrive on Nov.") == ["arrive", "on", "Nov."]
    assert tokenize("  ") == []


@pytest.mark.parametrize(
    ("words", "slots", "template_id", "message"),
    [
        ("arrive Taipei", ("other", "destination"), 0, "words"),
        (("arrive", "Taipei"), ("other",), 0, "2 words but 1"),
        (("arrive", "Taipei"), ("other", "city"), 0, "'city' is not a slot"),
        (("arrive", ""), ("other", "other"), 0, "word"),
        (("arrive",), ("other",), -2, "template id"),
        (("arrive",), ("other",), "0", "template id"),
    ],
)
def test_sentence_validation(words, slots, template_id, message):
    with pytest.raises(UserInputError, match=message):
        Sentence(words, slots, template_id)


# ---- JSON lines ---------------------------------------------------------------------------------------


def test_jsonl_round_trip(tmp_path, corpus):
    path = tmp_path / "tickets.jsonl"
    typed = Sentence(("去", "台北"), ("other", "destination"))
    write_jsonl(path, [*corpus[:50], typed])
    assert read_jsonl(path) == [*corpus[:50], typed]
    assert os.listdir(tmp_path) == ["tickets.jsonl"]  # no temporary file left behind
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert json.loads(first_line) == {
        "words": list(corpus[0].words),
        "slots": list(corpus[0].slots),
        "template_id": corpus[0].template_id,
    }
    assert "台北" in path.read_text(encoding="utf-8")


def test_jsonl_overwrites_and_skips_blank_lines(tmp_path):
    path = tmp_path / "tickets.jsonl"
    write_jsonl(path, [ARRIVE_SENTENCE, LEAVE_SENTENCE])
    write_jsonl(path, [LEAVE_SENTENCE])
    assert read_jsonl(path) == [LEAVE_SENTENCE]
    path.write_text(path.read_text(encoding="utf-8") + "\n   \n", encoding="utf-8")
    assert read_jsonl(path) == [LEAVE_SENTENCE]


GOOD_LINE = json.dumps({"words": ["leave", "Taipei"], "slots": ["other", "departure"], "template_id": 1})


@pytest.mark.parametrize(
    ("bad_line", "reason"),
    [
        ('{"words": ["leave"], "slots": ["other"]', "not valid JSON"),
        ('["leave", "Taipei"]', "object"),
        ('{"words": ["leave"], "slots": ["other"]}', "'template_id' is missing"),
        ('{"words": ["leave"], "slots": ["other"], "template_id": 1, "x": 2}', "'x'"),
        ('{"words": "leave", "slots": ["other"], "template_id": 1}', "'words'"),
        ('{"words": ["leave"], "slots": ["origin"], "template_id": 1}', "origin"),
        ('{"words": ["leave", "Taipei"], "slots": ["other"], "template_id": 1}', "2 words but 1"),
        ('{"words": ["leave"], "slots": ["other"], "template_id": true}', "template id"),
        ('{"words": [7], "slots": ["other"], "template_id": 1}', "7"),
    ],
)
def test_a_corrupt_line_is_reported_with_its_number(tmp_path, bad_line, reason):
    path = tmp_path / "broken.jsonl"
    path.write_text(f"{GOOD_LINE}\n{GOOD_LINE}\n{bad_line}\n{GOOD_LINE}\n", encoding="utf-8")
    with pytest.raises(UserInputError, match="line 3") as caught:
        read_jsonl(path)
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)


def test_bad_bytes_and_missing_files(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(GOOD_LINE.encode() + b"\n\xff\xfe\n")
    with pytest.raises(UserInputError, match="line 2.*UTF-8"):
        read_jsonl(path)
    with pytest.raises(UserInputError, match="cannot read"):
        read_jsonl(tmp_path / "missing.jsonl")
    with pytest.raises(UserInputError, match="cannot write"):
        write_jsonl(tmp_path / "no-such-folder" / "out.jsonl", [ARRIVE_SENTENCE])
