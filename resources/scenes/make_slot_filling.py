"""Writes resources/scenes/slot-filling.json: ``python resources/scenes/make_slot_filling.py``.

The lecture's motivating example made real: "arrive Taipei on November 2nd". The scene's training
settings name six runs — feed-forward (no memory), Elman, Jordan, bidirectional Elman, LSTM and GRU,
16 hidden units each, a softmax over the 5 slots — trained on the shipped ticket-booking corpus
(``resources/corpora``) in one of three word encodings. The pre-trained models are made from these
settings by ``resources/models/slot-filling/make_models.py``.

The scene's own network is the default model (LSTM, 1-of-N + trigrams) taken from
``resources/models/slot-filling/lstm-both.json``; when that file does not exist yet the network is the
LSTM run's untrained start (seed 0), and make_models.py writes the scene again once it has trained the
models. The training never reads the scene's weights, so the order does not change any result.
Deterministic: running this script twice gives byte-identical files.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from simulator.engine.datasets.tickets import ARRIVE_SENTENCE, SLOTS  # noqa: E402
from simulator.engine.network import Network  # noqa: E402
from simulator.io.project_file import load_project, save_project  # noqa: E402
from simulator.model import slot_filling  # noqa: E402
from simulator.model.project import Project  # noqa: E402

HIDDEN = 16
HEAD = {"activation": "softmax", "output_size": len(SLOTS), "use_bias": True}
LAYERS = {
    "feedforward": [{"kind": "feedforward", "hidden_size": HIDDEN, "activation": "tanh"}],
    "elman": [{"kind": "elman", "hidden_size": HIDDEN, "activation": "tanh"}],
    # the memory holds the Jordan layer's own output y^{t−1}: 5 numbers, one per slot, which the softmax
    # head turns into the slot probabilities (a softmax output in the memory trained far worse: its
    # gradient vanishes where one slot wins, test F1 0.42–0.69 against 0.98–1.0 with a linear one)
    "jordan": [{"kind": "jordan", "hidden_size": HIDDEN, "activation": "tanh", "output_size": len(SLOTS),
                "output_activation": "linear"}],
    "bidirectional": [{"kind": "elman", "hidden_size": HIDDEN, "activation": "tanh", "bidirectional": True}],
    "lstm": [{"kind": "lstm", "hidden_size": HIDDEN, "forget_bias": 1.0}],
    "gru": [{"kind": "gru", "hidden_size": HIDDEN}],
}
#: per-run changes of the shared training config
RUN_CONFIG = {
    "feedforward": {},
    "elman": {},
    "jordan": {},
    "bidirectional": {},
    "lstm": {},
    "gru": {},
}
CONFIG = {"optimizer": "adam", "lr": 0.01, "batch_size": 32, "steps": 3000, "seed": 0,
          "clip_mode": "norm", "clip_threshold": 5.0}
TASK = {"name": "slots", "corpus": "tickets", "encoding": slot_filling.DEFAULT_ENCODING,
        "min_count": slot_filling.MIN_COUNT, "unknown_rate": 0.2}
DESCRIPTIONS = {
    "feedforward": {"en": "no memory: each word is labelled on its own, so 'Taipei' gets one slot whatever "
                          "came before",
                    "zh": "没有记忆：每个词单独标注，所以无论前面是什么，“Taipei”都只会得到同一个槽位"},
    "elman": {"en": "the memory holds the hidden output a^{t−1}", "zh": "记忆保存隐藏层输出 a^{t−1}"},
    "jordan": {"en": "the memory holds the output y^{t−1}", "zh": "记忆保存输出 y^{t−1}"},
    "bidirectional": {"en": "two Elman layers, one reading forward and one backward; each word sees the "
                            "whole sentence",
                      "zh": "两个 Elman 层，一个正向读、一个反向读；每个词都能看到整个句子"},
    "lstm": {"en": "memory cell with input, forget and output gates", "zh": "带输入门、遗忘门和输出门的记忆单元"},
    "gru": {"en": "gated recurrent unit: update and reset gates", "zh": "门控循环单元：更新门和重置门"},
}


def runs() -> list[dict]:
    return [{"name": model, "title": dict(slot_filling.MODEL_TITLES[model]), "description": DESCRIPTIONS[model],
             "network": {"layers": LAYERS[model], "head": HEAD}, **RUN_CONFIG[model]}
            for model in slot_filling.MODELS]


def settings() -> dict:
    return {
        "order": 150,
        "views": ["slots", "training", "network"],
        "steps_hint": {
            "en": "Type a sentence — try \"leave Taipei on November 2nd\" — and step through it word by word; "
                  "switch the model (feed-forward gives Taipei the same slot after arrive and leave) and the "
                  "word encoding (an unseen city like Chiayi is \"<other>\" in 1-of-N; with letter trigrams the "
                  "networks still give it its slot from the words around it), and compare the F1 table.",
            "zh": "输入一个句子——试试 \"leave Taipei on November 2nd\"——然后逐词单步查看；切换模型（前馈网络在 "
                  "arrive 和 leave 之后给 Taipei 的槽位相同）和词编码（没见过的城市，例如 Chiayi，在 1-of-N 中"
                  "是 \"<other>\"；用字母三元组时，网络仍能根据它前后的词给出槽位），再比较 F1 表。",
        },
        "slot_filling": {"model": slot_filling.DEFAULT_MODEL, "encoding": slot_filling.DEFAULT_ENCODING},
        "training": {"task": TASK, "config": CONFIG, "runs": runs(), "test_every": 100},
    }


def network() -> Network:
    """The default model's trained network if it exists, else the LSTM run's untrained start."""
    path = slot_filling.model_path(slot_filling.DEFAULT_MODEL, slot_filling.DEFAULT_ENCODING)
    if path.is_file():
        return load_project(path).network
    encoding = slot_filling.build_encoding(slot_filling.DEFAULT_ENCODING)
    return Network.build(encoding.size, LAYERS[slot_filling.DEFAULT_MODEL], HEAD, seed=0)


def build() -> Project:
    encoding = slot_filling.build_encoding(slot_filling.DEFAULT_ENCODING)
    return Project(
        name=slot_filling.SCENE,
        title={"en": "Slot filling: arrive Taipei on November 2nd", "zh": "槽位填充：arrive Taipei on November 2nd"},
        description={
            "en": ("The lecture's motivating example made real. A ticket-booking system must find in \"i would "
                   "like to arrive Taipei on November 2nd\" the destination (Taipei) and the arrival time "
                   "(November 2nd), and in \"leave Taipei on November 2nd\" the place and time of departure. "
                   "Every word gets one of five slots: other, destination, departure, arrival_time or "
                   "departure_time. The same word Taipei needs a different slot depending on the word before "
                   "it, so a network without memory cannot do it; Elman, Jordan, bidirectional, LSTM and GRU "
                   "networks can. Six small networks (16 hidden units) were trained on 2,560 generated "
                   "sentences from 32 templates and are tested on 640 sentences from 8 other templates, with "
                   "words encoded as 1-of-N with an \"other\" dimension, as letter trigrams, or both."),
            "zh": ("把课程开头的例子变成现实。订票系统要从 \"i would like to arrive Taipei on November 2nd\" 中找出"
                   "目的地（Taipei）和到达时间（November 2nd），从 \"leave Taipei on November 2nd\" 中找出出发地"
                   "和出发时间。每个词得到五个槽位之一：其他、目的地、出发地、到达时间、出发时间。同一个词 Taipei "
                   "要根据前面的词得到不同的槽位，所以没有记忆的网络做不到；Elman、Jordan、双向、LSTM 和 GRU 网络"
                   "可以。六个小网络（16 个隐藏单元）在 32 个模板生成的 2,560 个句子上训练，在另外 8 个模板的 640 "
                   "个句子上测试；词的编码可以是带“其他”维度的 1-of-N、字母三元组，或两者结合。"),
        },
        network=network(),
        text=ARRIVE_SENTENCE.text,
        encoding=encoding.to_spec(),
        settings=settings(),
        metadata={"source": "the lecture's slot-filling example (\"arrive Taipei on November 2nd\"); corpus "
                            "resources/corpora/make_tickets.py; models resources/models/slot-filling/make_models.py"},
    )


def main() -> None:
    path = ROOT / "resources" / "scenes" / f"{slot_filling.SCENE}.json"
    save_project(path, build())
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
