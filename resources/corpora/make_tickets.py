"""Writes the ticket-booking corpus of the slot-filling scene: ``python resources/corpora/make_tickets.py``
(from the repository root or anywhere; the files land beside this script).

* ``tickets-train.jsonl`` — 2,560 sentences from 32 templates,
* ``tickets-test.jsonl`` — 640 sentences from the 8 other templates
  (:data:`simulator.engine.datasets.tickets.HELD_OUT_TEMPLATE_IDS` says why these: four arrive/leave
  twin pairs — "i need to …", "what flights …", "how can i …", "we will …" — each labelled correctly by
  reading left to right with the rule the training templates teach; the lecture's two templates and
  the time-first templates 16/17 stay in training).

One JSON object per line: ``{"words": [...], "slots": [...], "template_id": n}``. The corpus is
:func:`~simulator.engine.datasets.tickets.generate_corpus` with ``SENTENCES`` sentences and ``SEED``
(every template used exactly 80 times), split by template. The same seed always gives the same bytes;
a test regenerates the corpus in memory and compares it with the shipped files.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from simulator.engine.datasets import tickets  # noqa: E402

SEED = 2024
SENTENCES = 80 * len(tickets.TEMPLATES)  # 3,200: 2,560 to train on, 640 to test on
TRAIN_FILE = "tickets-train.jsonl"
TEST_FILE = "tickets-test.jsonl"


def build() -> tuple[list[tickets.Sentence], list[tickets.Sentence]]:
    """The shipped (train, test) split, made from scratch."""
    sentences = tickets.generate_corpus(SENTENCES, SEED)
    return tickets.train_test_split_by_template(sentences, test_template_ids=tickets.HELD_OUT_TEMPLATE_IDS)


def texts() -> dict[str, str]:
    """File name → the exact text written to it."""
    train, test = build()
    return {TRAIN_FILE: tickets.jsonl_text(train), TEST_FILE: tickets.jsonl_text(test)}


def main() -> None:
    train, test = build()
    tickets.write_jsonl(HERE / TRAIN_FILE, train)
    tickets.write_jsonl(HERE / TEST_FILE, test)
    print(f"wrote {HERE / TRAIN_FILE} ({len(train)} sentences) and {HERE / TEST_FILE} ({len(test)} sentences)")


if __name__ == "__main__":
    main()
