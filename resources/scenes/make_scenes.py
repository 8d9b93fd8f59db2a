"""Rebuild the lecture scenes of issue 5 from hand-chosen weights: ``python resources/scenes/make_scenes.py``.

Each function below builds one scene and says, next to every weight, why it has that value. The
numbers a scene promises (``settings["expected"]``) are written here as literals worked out by hand
and checked against a forward pass before anything is written, so a wrong weight stops the script
instead of shipping a scene that contradicts its own explanation.

The files are written with :func:`simulator.io.project_file.save_project`, whose output is
deterministic: running this script twice gives byte-identical files. It rebuilds only the scenes in
``SCENES`` (toy-rnn, lstm-lecture, w999 and the training scenes have their own sources).
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from simulator.engine.encoding import OneHotEncoding, TrigramHashing  # noqa: E402
from simulator.engine.network import Network  # noqa: E402
from simulator.io.project_file import save_project  # noqa: E402
from simulator.io.sequence import tokenize_text  # noqa: E402
from simulator.model.project import Project  # noqa: E402

SCENES = ("encodings", "feedforward-fails", "elman", "jordan", "deep-rnn", "bidirectional", "lstm-neurons",
          "lstm-full", "gru", "clockwork", "scrn")

SOURCE = "lecture notes: RNN (循环神经网络)"
BIG = 10.0  # a gate signal of ±10 gives f(z) = σ(±10) = 0.99995 or 0.00005: open or shut


def text(en: str, zh: str) -> dict[str, str]:
    return {"en": en, "zh": zh}


def network(input_size, layers, head=None) -> Network:
    return Network.build(input_size, layers, head or {"activation": "identity"}, seed=0)


def project(name, title, line, net, settings, inputs=None, text_=None, encoding=None, figure="") -> Project:
    return Project(name=name, title=title, description=line, network=net, inputs=inputs, text=text_,
                   encoding=encoding, settings=settings,
                   metadata={"source": SOURCE + (f": {figure}" if figure else ""),
                             "generator": "resources/scenes/make_scenes.py"})


def forward(p: Project):
    x = p.inputs
    if x is None:
        x = OneHotEncoding(p.encoding["vocabulary"], other=p.encoding["other"]).encode_sentence(
            tokenize_text(p.text))
    return p.network.forward(np.asarray(x, dtype=float))


def check(actual, expected, what: str, atol: float = 1e-9) -> None:
    if not np.allclose(np.asarray(actual, dtype=float), np.asarray(expected, dtype=float), atol=atol, rtol=0):
        raise AssertionError(f"{what}: the network gives {np.round(actual, 6).tolist()}, "
                             f"the scene promises {expected}")


# == words as vectors ===================================================================================

def encodings() -> Project:
    vocabulary = ["apple", "bag", "cat", "dog", "elephant"]   # the lecture's 1-of-N example
    encoding = OneHotEncoding(vocabulary, other=True)
    sentence = "apple Gandalf cat Sauron dog"
    # A feed-forward layer whose weights are the identity and whose activation is linear: its output is
    # exactly the input vector, so the heatmap shows each word's 1-of-N vector, "<other>" included.
    net = network(encoding.size, [{"kind": "feedforward", "hidden_size": encoding.size, "activation": "linear"}])
    net.set_params({"layers.0.W_x": np.eye(encoding.size), "layers.0.b": np.zeros(encoding.size)})
    hashing = TrigramHashing()  # the lecture's 26 × 26 × 26 letter trigrams
    expected = {
        "dimensions": encoding.dimension_names,
        "sentence": sentence.split(),
        "hot_dimension": ["apple", "<other>", "cat", "<other>", "dog"],
        "other_words": ["Gandalf", "Sauron"],
        "trigram_hashing": {"word": "apple", "trigrams": ["app", "ppl", "ple"], "ones": 3,
                            "dimensions": hashing.size},
    }
    outputs = forward(p := project(
        "encodings",
        text("Words as vectors: 1-of-N, \"other\" and letter trigrams",
             "把词变成向量：1-of-N、“other”维度与字母三元组"),
        text("1-of-N vectors for apple … elephant; Gandalf and Sauron land in \"other\"; apple → app, ppl, ple.",
             "apple … elephant 的 1-of-N 向量；Gandalf 和 Sauron 归入“other”；apple → app、ppl、ple。"),
        net,
        {
            "order": 20,
            "views": ["heatmap", "network"],
            "explanation": text(
                "A network reads numbers, so every word must first become a vector. In 1-of-N encoding "
                "the vector has one dimension per word of the vocabulary and exactly one of them is 1. "
                "A word the vocabulary does not know, like Gandalf or Sauron, would have no vector, so we "
                "add one more dimension, \"other\", for all unknown words. Word hashing avoids unknown "
                "words altogether: \"apple\" sets the dimensions of its letter trigrams app, ppl and ple.",
                "网络只能读数字，所以每个词都要先变成向量。1-of-N 编码里，词典中每个词占一个维度，"
                "一个词的向量只有它自己的那一维是 1。词典里没有的词（比如 Gandalf、Sauron）本来没有向量，"
                "所以再加一个“other”维度，所有新词都归到这里。字母三元组（word hashing）则不会遇到新词："
                "“apple”把 app、ppl、ple 三个维度设为 1。"),
            "steps_hint": text(
                "Press → word by word and watch which row of the heatmap lights up; Gandalf and Sauron "
                "both light \"<other>\". Type your own sentence in the input panel.",
                "按 → 逐词输入，看热力图中哪一行亮起；Gandalf 和 Sauron 都点亮“<other>”。"
                "也可以在输入面板里输入自己的句子。"),
            "expected": expected,
        },
        text_=sentence, encoding=encoding.to_spec(), figure="1-of-N encoding, dimension for \"other\", word hashing"))
    hot = [expected["dimensions"][i] for i in np.argmax(outputs.outputs[:, 0], axis=1)]
    assert hot == expected["hot_dimension"], hot
    assert hashing.trigrams_of("apple") == expected["trigram_hashing"]["trigrams"]
    return p


# == slot filling without memory ========================================================================

SLOT_VOCABULARY = ["arrive", "leave", "Taipei", "on", "November", "2nd"]
SLOTS = ["other", "destination", "place of departure", "time"]


def feedforward_fails() -> Project:
    encoding = OneHotEncoding(SLOT_VOCABULARY, other=True)
    D, S = encoding.size, len(SLOTS)
    # Hidden unit k stands for slot k; each word votes for the slot it usually fills. Taipei can only
    # vote for one slot (here destination): a network without memory cannot see the word before it.
    word_slot = {"arrive": "other", "leave": "other", "taipei": "destination", "on": "other",
                 "november": "time", "2nd": "time", "<other>": "other"}
    W_x = np.zeros((S, D))
    for word, slot in word_slot.items():
        W_x[SLOTS.index(slot), encoding.dimension_names.index(word)] = 1.0
    net = network(D, [{"kind": "feedforward", "hidden_size": S, "activation": "linear"}],
                  {"output_size": S, "activation": "softmax", "use_bias": False})
    # softmax of 3·(one-hot): the chosen slot gets e³/(e³ + 3) = 0.870 of the probability
    net.set_params({"layers.0.W_x": W_x, "layers.0.b": np.zeros(S), "head.W": 3.0 * np.eye(S)})
    sentences = ["arrive Taipei on November 2nd", "leave Taipei on November 2nd"]
    p = project(
        "feedforward-fails",
        text("Slot filling without memory: a feed-forward network fails",
             "没有记忆的槽填充：前馈网络做不到"),
        text("\"arrive Taipei …\" and \"leave Taipei …\": Taipei gets the same output in both sentences.",
             "“arrive Taipei …”与“leave Taipei …”：两句中 Taipei 的输出完全相同。"),
        net,
        {
            "order": 25,
            "views": ["network", "heatmap"],
            "explanation": text(
                "A ticket system must tell the destination from the place of departure. A feed-forward "
                "network looks at one word at a time and nothing else, so \"Taipei\" gives the same "
                "vector and therefore the same slot probabilities after \"arrive\" and after \"leave\". "
                "To tell the two apart the network needs a memory of the words before.",
                "订票系统要分清目的地和出发地。前馈网络每次只看一个词，别的什么都不看，"
                "所以无论前面是“arrive”还是“leave”，“Taipei”的输入向量相同，输出的槽位概率也相同。"
                "要区分这两种情况，网络需要记住前面的词。"),
            "steps_hint": text(
                "Step to \"Taipei\" (step 2) and note its outputs; then change the first word to \"leave\" "
                "in the input panel: the outputs for Taipei do not change.",
                "走到“Taipei”（第 2 步），记下它的输出；再在输入面板里把第一个词改成“leave”："
                "Taipei 的输出没有任何变化。"),
            "expected": {"sentences": sentences, "slots": SLOTS, "taipei_step": 2,
                         "taipei_slot": "destination", "taipei_probability": 0.8700,
                         "same_output_for_taipei": True},
            "alternatives": [{"text": sentences[1], "note": text(
                "The same sentence with \"leave\": Taipei should now be the place of departure, "
                "but the output for Taipei is exactly the same.",
                "把第一个词换成“leave”：Taipei 这时应当是出发地，但它的输出和原来一模一样。")}],
        },
        text_=sentences[0], encoding=encoding.to_spec(), figure="slot filling with a feed-forward network")
    y = [forward(Project(name="x", network=net, text=s, encoding=encoding.to_spec())).outputs[1, 0]
         for s in sentences]
    assert np.array_equal(y[0], y[1])
    check(y[0][1], 0.8700, "P(destination | Taipei)", atol=5e-5)
    return p


# == Elman and Jordan ===================================================================================

# Both scenes use the same weights and inputs, so the only difference is what the memory stores.
MEMORY_INPUTS = [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0], [1.0, 1.0]]
W_IN = np.eye(2)                              # x_k feeds hidden unit k
W_MEMORY = 0.5 * np.eye(2)                    # each unit adds half of what its memory holds
W_OUT = np.array([[1.0, 1.0], [1.0, -1.0]])   # y = (a1 + a2, a1 − a2): the output differs from a


def elman() -> Project:
    net = network(2, [{"kind": "elman", "hidden_size": 2, "activation": "linear"}],
                  {"output_size": 2, "activation": "linear", "use_bias": False})
    net.set_params({"layers.0.W_x": W_IN, "layers.0.W_a": W_MEMORY, "layers.0.b": np.zeros(2), "head.W": W_OUT})
    # a^t = x^t + ½ a^{t−1}:  (1, 0), (½, 1), (¼, ½), (1⅛, 1¼);   y^t = (a1 + a2, a1 − a2)
    hidden = [[1, 0], [0.5, 1], [0.25, 0.5], [1.125, 1.25]]
    outputs = [[1, 1], [1.5, -0.5], [0.75, -0.25], [2.375, -0.125]]
    p = project(
        "elman",
        text("Elman network: the memory stores the hidden output a", "Elman 网络：memory 存的是隐藏层输出 a"),
        text("2 inputs, 2 hidden units, 2 outputs; the memory holds a^{t−1}, the hidden layer's output.",
             "2 个输入、2 个隐藏单元、2 个输出；memory 存的是隐藏层的输出 a^{t−1}。"),
        net,
        {
            "order": 30,
            "views": ["network", "unrolled", "heatmap"],
            "explanation": text(
                "In an Elman network the hidden layer's output a^t is copied into the memory, and at the "
                "next step the hidden layer reads it back next to the new input. Here each hidden unit "
                "adds half of its remembered value, so an input fades by half at every step. The output "
                "layer (a1 + a2, a1 − a2) is not what gets stored.",
                "Elman 网络把隐藏层的输出 a^t 存进 memory，下一个时间点隐藏层连同新的输入一起读回它。"
                "这里每个隐藏单元加上它记住的值的一半，所以一个输入每过一步就减半。"
                "输出层算出的 (a1 + a2, a1 − a2) 不会被存起来。"),
            "steps_hint": text(
                "Press → and compare the memory boxes with the hidden values of the step before: they are "
                "equal. Then open the jordan scene with the same inputs.",
                "按 → 逐步前进，把 memory 中的值和上一步的隐藏层输出比较：两者相同。"
                "再打开 jordan 场景，输入完全一样。"),
            "expected": {"memory_holds": "a", "hidden": hidden, "outputs": outputs,
                         "memory": [[0, 0]] + hidden[:-1]},
        },
        inputs=MEMORY_INPUTS, figure="Elman network")
    trace = forward(p)
    check(trace.layers[0].quantity("a")[:, 0], hidden, "elman a")
    check(trace.outputs[:, 0], outputs, "elman y")
    return p


def jordan() -> Project:
    net = network(2, [{"kind": "jordan", "hidden_size": 2, "output_size": 2, "activation": "linear",
                       "output_activation": "linear"}])
    net.set_params({"layers.0.W_x": W_IN, "layers.0.W_m": W_MEMORY, "layers.0.b": np.zeros(2),
                    "layers.0.W_y": W_OUT, "layers.0.b_y": np.zeros(2)})
    # a^t = x^t + ½ y^{t−1},  y^t = (a1 + a2, a1 − a2):
    # a = (1, 0), (½, 1½), (1, −½), (1¼, 1¾);  y = (1, 1), (2, −1), (½, 1½), (3, −½)
    hidden = [[1, 0], [0.5, 1.5], [1, -0.5], [1.25, 1.75]]
    outputs = [[1, 1], [2, -1], [0.5, 1.5], [3, -0.5]]
    p = project(
        "jordan",
        text("Jordan network: the memory stores the network's output y", "Jordan 网络：memory 存的是整个网络的输出 y"),
        text("The same weights and inputs as the Elman scene, but the memory holds y^{t−1}.",
             "权重和输入与 Elman 场景相同，但 memory 存的是 y^{t−1}。"),
        net,
        {
            "order": 35,
            "views": ["network", "unrolled", "heatmap"],
            "explanation": text(
                "A Jordan network stores the output of the whole network, y^t, instead of the hidden "
                "layer's a^t. The weights and inputs are those of the Elman scene, so every difference "
                "you see comes from what is remembered. Because y has a target during training, it is "
                "easier to know what the memory holds than with a hidden a.",
                "Jordan 网络存的是整个网络的输出 y^t，而不是隐藏层的 a^t。这里的权重和输入与 Elman 场景相同，"
                "所以看到的所有差别都来自记住的东西不同。训练时 y 有学习目标，"
                "因此比起隐藏层的 a，更容易知道 memory 里存的是什么。"),
            "steps_hint": text(
                "Press → and compare the memory with the outputs y of the step before; from step 2 on the "
                "hidden values differ from the Elman scene.",
                "按 → 前进，把 memory 和上一步的输出 y 比较；从第 2 步起，隐藏层的值与 Elman 场景不同了。"),
            "expected": {"memory_holds": "y", "hidden": hidden, "outputs": outputs,
                         "memory": [[0, 0]] + outputs[:-1]},
        },
        inputs=MEMORY_INPUTS, figure="Jordan network")
    trace = forward(p)
    check(trace.layers[0].quantity("a")[:, 0], hidden, "jordan a")
    check(trace.outputs[:, 0], outputs, "jordan y")
    return p


def deep_rnn() -> Project:
    net = network(2, [{"kind": "elman", "hidden_size": 2, "activation": "linear"},
                      {"kind": "elman", "hidden_size": 2, "activation": "linear"}],
                  {"output_size": 2, "activation": "linear", "use_bias": False})
    net.set_params({
        "layers.0.W_x": W_IN, "layers.0.W_a": W_MEMORY, "layers.0.b": np.zeros(2),   # as in the elman scene
        "layers.1.W_x": W_OUT, "layers.1.W_a": W_MEMORY, "layers.1.b": np.zeros(2),  # mixes the units
        "head.W": np.eye(2),                                                          # y = second layer's a
    })
    first = [[1, 0], [0.5, 1], [0.25, 0.5], [1.125, 1.25]]
    # second layer: b^t = (a1 + a2, a1 − a2) + ½ b^{t−1}
    second = [[1, 1], [2, 0], [1.75, -0.25], [3.25, -0.25]]
    p = project(
        "deep-rnn",
        text("Deep RNN: stacked layers, each with its own memory", "深层 RNN：叠加的隐藏层各有自己的 memory"),
        text("Two Elman layers on top of each other; each layer stores its own output for the next step.",
             "两个 Elman 层叠在一起；每一层都把自己的输出存起来，供下一个时间点使用。"),
        net,
        {
            "order": 40,
            "views": ["network", "unrolled", "heatmap"],
            "explanation": text(
                "A recurrent network can be made deep by stacking hidden layers. Every layer keeps its "
                "own memory: at the next step the first layer reads back its own output, and the second "
                "layer reads back its own output together with what the first layer sends up now.",
                "循环网络可以叠加隐藏层变得很深。每一层都有自己的 memory：下一个时间点，"
                "第一层读回自己的输出，第二层则读回自己的输出，同时接收第一层此刻送上来的值。"),
            "steps_hint": text(
                "Press → and look at the two memory rows in the unrolled view: each one carries the "
                "output of its own layer from the step before.",
                "按 → 前进，看展开视图中的两行 memory：每一行都带着本层上一步的输出。"),
            "expected": {"layers": [{"memory_holds": "a of layer 1", "hidden": first},
                                    {"memory_holds": "a of layer 2", "hidden": second}],
                         "outputs": second},
        },
        inputs=MEMORY_INPUTS, figure="deep RNN: several hidden layers, each with memory")
    trace = forward(p)
    check(trace.layers[0].quantity("a")[:, 0], first, "deep-rnn layer 1")
    check(trace.layers[1].quantity("a")[:, 0], second, "deep-rnn layer 2")
    return p


def bidirectional() -> Project:
    net = network(1, [{"kind": "elman", "hidden_size": 1, "activation": "linear", "bidirectional": True}],
                  {"output_size": 1, "activation": "linear", "use_bias": False})
    # forward: a^t = x^t + ½ a^{t−1};  backward: b^t = x^t + ½ b^{t+1};  y^t = a^t + b^t
    net.set_params({"layers.0.W_x": [[1.0]], "layers.0.W_a": [[0.5]], "layers.0.b": [0.0],
                    "layers.0.reverse.W_x": [[1.0]], "layers.0.reverse.W_a": [[0.5]],
                    "layers.0.reverse.b": [0.0], "head.W": [[1.0, 1.0]]})
    inputs = [[1.0], [0.0], [0.0], [2.0]]
    forward_a = [1, 0.5, 0.25, 2.125]
    backward_a = [1.25, 0.5, 1, 2]
    outputs = [2.25, 1, 1.25, 4.125]
    p = project(
        "bidirectional",
        text("Bidirectional RNN: y^t sees the whole sentence", "双向 RNN：y^t 看到整个句子"),
        text("A forward and a backward RNN joined at one output layer: the last input changes the first output.",
             "正向和反向两个 RNN 接到同一个输出层：最后一个输入会改变第一个输出。"),
        net,
        {
            "order": 45,
            "views": ["unrolled", "network", "heatmap"],
            "explanation": text(
                "One RNN reads the sentence from the first word to the last, a second one from the last "
                "to the first, and one output layer reads both hidden layers. So y^1 already depends on "
                "the last input: the output at every step has seen the whole sentence. Here each RNN "
                "keeps half of its memory, and y^t is the sum of the two.",
                "一个 RNN 从句首读到句尾，另一个从句尾读到句首，同一个输出层同时读两个隐藏层。"
                "所以 y^1 已经取决于最后一个输入：每个时间点的输出都看过了整个句子。"
                "这里每个 RNN 保留一半的 memory，y^t 是两者之和。"),
            "steps_hint": text(
                "Note y^1, then change the last input from 2 to 0 in the input panel: y^1 drops from "
                "2.25 to 2. A forward-only RNN could not do that.",
                "记下 y^1，然后在输入面板里把最后一个输入从 2 改成 0：y^1 从 2.25 变为 2。"
                "只有正向的 RNN 做不到这一点。"),
            "expected": {"forward": forward_a, "backward": backward_a, "outputs": outputs,
                         "first_output_if_last_input_is_0": 2.0},
        },
        inputs=inputs, figure="bidirectional RNN")
    trace = forward(p)
    check(trace.layers[0].quantity("a")[:, 0, 0], forward_a, "forward a")
    check(trace.layers[0].quantity("a", "reverse")[:, 0, 0], backward_a, "backward a")
    check(trace.outputs[:, 0, 0], outputs, "bidirectional y")
    return p


# == LSTM and GRU =======================================================================================

def lstm_neurons() -> Project:
    # Two LSTM cells reading x1, x2 as in the figure; no recurrence (the figure's simple version).
    net = network(2, [{"kind": "lstm", "hidden_size": 2, "g": "linear", "h": "linear", "recurrence": False}])
    # Rows, in the lecture's order: z (2 rows), z_i (2), z_f (2), z_o (2); columns x1, x2.
    W_x = np.array([
        [1, 0], [1, 0],          # z: both cells would store x1
        [0, 2 * BIG], [0, 0],    # z_i: cell 1 writes only when x2 = 1; cell 2 always writes (bias)
        [0, -2 * BIG], [0, 0],   # z_f: cell 1 forgets exactly when it writes; cell 2 always forgets
        [0, 0], [0, 2 * BIG],    # z_o: cell 1 always lets out; cell 2 only when x2 = 1
    ], dtype=float)
    b = np.array([0, 0, -BIG, BIG, BIG, -BIG, BIG, -BIG], dtype=float)
    net.set_params({"layers.0.W_x": W_x, "layers.0.b": b})
    inputs = [[3.0, 1.0], [5.0, 0.0], [2.0, 0.0], [4.0, 1.0], [1.0, 0.0]]
    memory = [[3, 3], [3, 5], [3, 2], [4, 4], [4, 1]]
    outputs = [[3, 3], [3, 0], [3, 0], [4, 4], [4, 0]]
    plain = Network.build(2, [{"kind": "feedforward", "hidden_size": 2}])
    counts = {"lstm_layer": net.parameter_count(), "plain_layer": plain.parameter_count(),
              "lstm_per_cell": net.parameter_count() // 2, "plain_per_neuron": plain.parameter_count() // 2,
              "ratio": 4}
    assert counts == {"lstm_layer": 24, "plain_layer": 6, "lstm_per_cell": 12, "plain_per_neuron": 3,
                      "ratio": 4}, counts
    p = project(
        "lstm-neurons",
        text("LSTM cells as neurons: four inputs each", "把 LSTM 单元当作神经元：每个有 4 个输入"),
        text("A layer of two LSTM cells on x1, x2: 24 parameters, 4× the 6 of a plain layer of two neurons.",
             "由两个 LSTM 单元组成的一层，读 x1、x2：24 个参数，是同宽普通层（6 个）的 4 倍。"),
        net,
        {
            "order": 75,
            "views": ["network", "cell", "heatmap"],
            "explanation": text(
                "Think of each LSTM cell as one neuron of a layer. An ordinary neuron takes one weighted "
                "sum of the inputs; an LSTM cell takes four different ones: z (the value to store) and the "
                "signals z_i, z_f, z_o of its three gates. So a layer of 2 cells on 2 inputs has "
                "4 × (2·2 weights + 2 biases) = 24 parameters where a plain layer of 2 neurons has 6.",
                "把每个 LSTM 单元看成一层中的一个神经元。普通神经元对输入只做一组加权求和；LSTM 单元要四组："
                "z（要存的值）以及三个门的信号 z_i、z_f、z_o。所以读 2 个输入、有 2 个单元的一层共有 "
                "4 × (2·2 个权重 + 2 个偏置) = 24 个参数，而 2 个普通神经元只有 6 个。"),
            "steps_hint": text(
                "Press → and watch the two cells: cell 1 keeps x1 until x2 = 1 tells it to store a new one; "
                "cell 2 always stores x1 but lets it out only when x2 = 1.",
                "按 → 前进，观察两个单元：单元 1 一直保留 x1，直到 x2 = 1 时才换成新值；"
                "单元 2 每步都存 x1，但只在 x2 = 1 时输出。"),
            "expected": {"parameters": counts, "memory": memory, "outputs": outputs},
        },
        inputs=inputs, figure="LSTM cells as neurons, 4 inputs and 1 output each")
    trace = forward(p)
    check(trace.layers[0].quantity("c")[:, 0], memory, "lstm-neurons c", atol=1e-3)
    check(trace.outputs[:, 0], outputs, "lstm-neurons a", atol=1e-3)
    return p


def lstm_full() -> Project:
    layer = {"kind": "lstm", "hidden_size": 2, "recurrence": True, "peephole": True}
    net = Network.build(2, [layer, layer], {"output_size": 2, "activation": "linear", "use_bias": True}, seed=7)
    # Not hand-set: PyTorch's uniform(−1/√H, 1/√H) start from seed 7, the weights an untrained network
    # has. What the scene shows is the wiring (x, a^{t−1} and c^{t−1} all feed the four z), not a task.
    net.params = {key: np.round(value, 2) for key, value in net.params.items()}  # short numbers to read
    inputs = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [-1.0, 0.5], [0.0, 0.0], [0.5, -1.0]]
    per_layer = [4 * 2 * (2 + 2 + 2 + 1), 4 * 2 * (2 + 2 + 2 + 1)]
    p = project(
        "lstm-full",
        text("The full LSTM: recurrence, peephole and several layers", "完整的 LSTM：循环连接、peephole 与多层"),
        text("Two LSTM layers whose gates read x^t, the output a^{t−1} and, through the peephole, the memory c^{t−1}.",
             "两层 LSTM，门同时读 x^t、上一步的输出 a^{t−1}，以及通过 peephole 读 memory c^{t−1}。"),
        net,
        {
            "order": 80,
            "views": ["cell", "unrolled", "heatmap"],
            "explanation": text(
                "The real LSTM feeds more than x^t into its four signals z, z_i, z_f and z_o: the cell's "
                "output a^{t−1} from the step before comes back in, and the peephole also brings in the "
                "memory value c^{t−1}. x, a and c are joined and multiplied by four different matrices. "
                "LSTMs are usually stacked: here the second layer reads the first layer's a^t.",
                "真正的 LSTM 算四个信号 z、z_i、z_f、z_o 时不只看 x^t：上一步的输出 a^{t−1} 会接回来，"
                "peephole 还把 memory 中的 c^{t−1} 拉进来。x、a、c 拼在一起，分别乘上四个不同的矩阵。"
                "LSTM 通常不止一层：这里第二层读第一层的 a^t。"),
            "steps_hint": text(
                "Click z_i in the cell view and read its sum: three parts, from x^t, from a^{t−1} and "
                "from c^{t−1}. Set a W_c weight to 0 and see how little or much the peephole mattered.",
                "在单元视图里点击 z_i，看它的求和：来自 x^t、a^{t−1}、c^{t−1} 三部分。"
                "把某个 W_c 权重设为 0，看 peephole 的作用有多大。"),
            "expected": {"gates_read": ["x", "a_prev", "c_prev"], "layers": 2,
                         "parameters_per_layer": per_layer, "parameters": sum(per_layer) + 2 * 2 + 2},
        },
        inputs=inputs, figure="LSTM with the output fed back, peephole, multiple layers")
    assert net.parameter_count() == sum(per_layer) + 6
    return p


def gru() -> Project:
    net = network(2, [{"kind": "gru", "hidden_size": 2, "activation": "linear"}],
                  {"output_size": 2, "activation": "linear", "use_bias": False})
    # Rows r (2), z (2), n (2). The update gate z couples "forget" and "input": a = (1 − z)·n + z·a_prev.
    W_x = np.array([
        [0, 0], [0, 0],              # r: reset gate not used (its bias keeps it open, r = 1)
        [0, -2 * BIG], [0, 0],       # z, unit 1: z ≈ 0 (write, forget the old value) exactly when x2 = 1
        [1, 0], [1, 0],              # n: the new value is x1
    ], dtype=float)
    b_x = np.array([BIG, BIG, BIG, -BIG, 0, 0], dtype=float)  # unit 1 keeps unless x2 = 1; unit 2 always writes
    net.set_params({"layers.0.W_x": W_x, "layers.0.W_a": np.zeros((6, 2)), "layers.0.b_x": b_x,
                    "layers.0.b_a": np.zeros(6), "head.W": np.eye(2)})
    inputs = [[3.0, 1.0], [5.0, 0.0], [2.0, 0.0], [4.0, 1.0], [1.0, 0.0]]
    memory = [[3, 3], [3, 5], [3, 2], [4, 4], [4, 1]]
    gru_counts = {"W_x": 12, "W_a": 12, "b_x": 6, "b_a": 6}
    lstm_counts = {"W_x": 16, "W_a": 16, "b": 8}
    lstm = Network.build(2, [{"kind": "lstm", "hidden_size": 2}])
    assert {k.split(".")[-1]: int(np.prod(s)) for k, s in net.param_shapes().items() if k.startswith("layers.")} \
        == gru_counts
    assert {k.split(".")[-1]: int(np.prod(s)) for k, s in lstm.param_shapes().items()} == lstm_counts
    p = project(
        "gru",
        text("GRU: two gates, input and forget coupled", "GRU：两个门，输入门与遗忘门联动"),
        text("Writing a new value forgets the old one; 3 weight blocks instead of the LSTM's 4.",
             "写入新值就会忘掉旧值；权重块只有 3 组，LSTM 有 4 组。"),
        net,
        {
            "order": 85,
            "views": ["cell", "network", "heatmap"],
            "explanation": text(
                "The GRU links the input gate to the forget gate: its update gate z decides both, as "
                "a = (1 − z)·n + z·a^{t−1}. Old goes out exactly as much as new comes in. With the reset "
                "gate r it needs 3 blocks of weights where the LSTM needs 4, so for the same sizes it "
                "has ¾ of the LSTM's weights (the lecture's \"⅓ fewer\" compares LSTM to GRU: 4 is ⅓ "
                "more than 3). With our two bias vectors, a layer of 2 units on 2 inputs has 36 "
                "parameters against the LSTM's 40.",
                "GRU 把输入门和遗忘门连动起来：更新门 z 同时决定两者，a = (1 − z)·n + z·a^{t−1}，"
                "旧的不去，新的不来。加上重置门 r，它只需要 3 组权重，LSTM 需要 4 组，所以同样大小时权重是 "
                "LSTM 的 ¾（课程说的“少 1/3”是拿 LSTM 比 GRU：4 比 3 多 1/3）。"
                "算上两组偏置，读 2 个输入、有 2 个单元的一层，GRU 有 36 个参数，LSTM 有 40 个。"),
            "steps_hint": text(
                "Press → and watch unit 1: when x2 = 1 the update gate z closes, the old value is "
                "washed out and x1 goes in; otherwise z stays open and the memory is kept.",
                "按 → 前进，看单元 1：x2 = 1 时更新门 z 关闭，旧值被洗掉，存入 x1；否则 z 保持打开，记忆保留。"),
            "expected": {
                "memory": memory,
                "gru_layer_parameters": gru_counts, "gru_layer_total": 36,
                "lstm_layer_parameters": lstm_counts, "lstm_layer_total": 40,
                "gru_weights_without_biases": 24, "lstm_weights_without_biases": 32,
                "weight_ratio": 0.75, "gate_blocks": {"gru": 3, "lstm": 4},
            },
        },
        inputs=inputs, figure="GRU")
    trace = forward(p)
    check(trace.layers[0].quantity("a")[:, 0], memory, "gru a", atol=1e-3)
    return p


# == more ways to remember ==============================================================================

def clockwork() -> Project:
    net = network(1, [{"kind": "clockwork", "hidden_size": 3, "activation": "linear", "periods": [1, 2, 4]}])
    # Every module copies the input when its clock ticks (W_x = 1) and reads no memory (W_a = 0), so
    # the value a module holds says exactly when it last updated.
    net.set_params({"layers.0.W_x": np.ones((3, 1)), "layers.0.W_a": np.zeros((3, 3)), "layers.0.b": np.zeros(3)})
    inputs = [[float(t)] for t in range(1, 9)]
    # steps 1…8 (t = 0…7): a module of period T updates when t mod T = 0
    hidden = [[1, 1, 1], [2, 1, 1], [3, 3, 1], [4, 3, 1], [5, 5, 5], [6, 5, 5], [7, 7, 5], [8, 7, 5]]
    p = project(
        "clockwork",
        text("Clockwork RNN: modules that tick at different speeds", "Clockwork RNN：以不同速度走的模块"),
        text("Three modules with periods 1, 2 and 4 steps: a module changes only when its clock ticks.",
             "三个模块的周期分别是 1、2、4 步：模块只在自己的时钟走到时才更新。"),
        net,
        {
            "order": 96,
            "views": ["heatmap", "unrolled", "network"],
            "explanation": text(
                "The Clockwork RNN (Koutník et al., 2014) splits the hidden layer into modules with their "
                "own clock. A module of period T updates only at the steps where its clock ticks and "
                "otherwise keeps its value untouched, so slow modules carry information across many steps "
                "with nothing that could shrink it. Here each module simply copies the input when it ticks.",
                "Clockwork RNN（Koutník 等，2014）把隐藏层分成各有时钟的模块。周期为 T 的模块只在时钟走到的那一步更新，"
                "其余时候原样保留，所以慢模块能把信息带过很多步而不会变小。这里每个模块在时钟走到时就复制当前输入。"),
            "steps_hint": text(
                "Press → through the 8 inputs 1…8 and read the heatmap: the fast module follows every "
                "input, the period-2 module holds 1, 3, 5, 7 and the period-4 module holds 1 and then 5.",
                "按 → 依次输入 1…8，看热力图：快模块每步都跟着输入变，周期 2 的模块依次保持 1、3、5、7，"
                "周期 4 的模块先保持 1，之后是 5。"),
            "expected": {"periods": [1, 2, 4], "hidden": hidden,
                         "rule": "module of period T updates at step t (1-based) when (t − 1) mod T = 0"},
        },
        inputs=inputs, figure="Clockwork RNN")
    check(forward(p).layers[0].quantity("a")[:, 0], hidden, "clockwork a")
    return p


def scrn() -> Project:
    alpha = 0.8
    net = network(1, [{"kind": "scrn", "hidden_size": 2, "context_size": 1, "alpha": alpha,
                       "activation": "linear"}])
    # s^t = (1 − α)·x^t + α·s^{t−1}: the slow context; hidden unit 1 echoes x, unit 2 reads 5·s.
    net.set_params({"layers.0.B": [[1.0]], "layers.0.A": [[1.0], [0.0]], "layers.0.P": [[0.0], [5.0]],
                    "layers.0.R": np.zeros((2, 2)), "layers.0.b": np.zeros(2)})
    inputs = [[1.0], [0.0], [0.0], [0.0], [0.0], [0.0]]
    context = [0.2 * alpha ** k for k in range(6)]   # 0.2, 0.16, 0.128, …: × α at every step
    p = project(
        "scrn",
        text("SCRN: a slow context that fades by α", "SCRN：按 α 慢慢衰减的上下文"),
        text("A structurally constrained RNN: the context unit keeps α = 0.8 of itself at every step.",
             "结构约束循环网络（SCRN）：上下文单元每一步保留自身的 α = 0.8。"),
        net,
        {
            "order": 98,
            "views": ["heatmap", "network", "unrolled"],
            "explanation": text(
                "The structurally constrained RNN (Mikolov et al., 2014) adds slow context units s next to "
                "the usual hidden units. Their recurrence is fixed, not learned: s^t = (1 − α)·B x^t + "
                "α·s^{t−1}, so a context unit fades by the same factor α at every step and remembers "
                "much longer than a hidden unit does. Here a single 1 enters at step 1 and the context "
                "then shrinks by 0.8 per step.",
                "结构约束循环网络（Mikolov 等，2014）在普通隐藏单元旁边加入慢变的上下文单元 s。它们的循环权重是固定的，"
                "不参与学习：s^t = (1 − α)·B x^t + α·s^{t−1}，所以上下文每一步都按同一个因子 α 衰减，"
                "比隐藏单元记得久得多。这里第 1 步输入一个 1，之后上下文每步乘以 0.8。"),
            "steps_hint": text(
                "Press → and follow s: 0.2, 0.16, 0.128, … Hidden unit 1 forgets the 1 at once; "
                "unit 2, which reads 5·s, fades slowly. Try α = 0.95 in the builder.",
                "按 → 前进，跟着 s 看：0.2、0.16、0.128……隐藏单元 1 立刻忘掉了那个 1；"
                "读 5·s 的单元 2 慢慢衰减。在构建器里试试 α = 0.95。"),
            "expected": {"alpha": alpha, "context": context, "decay_per_step": alpha},
        },
        inputs=inputs, figure="SCRN (structurally constrained recurrent network)")
    check(forward(p).layers[0].quantity("s")[:, 0, 0], context, "scrn s")
    return p


BUILDERS = {"encodings": encodings, "feedforward-fails": feedforward_fails, "elman": elman, "jordan": jordan,
            "deep-rnn": deep_rnn, "bidirectional": bidirectional, "lstm-neurons": lstm_neurons,
            "lstm-full": lstm_full, "gru": gru, "clockwork": clockwork, "scrn": scrn}
assert tuple(BUILDERS) == SCENES


def build_all() -> dict[str, Project]:
    return {name: builder() for name, builder in BUILDERS.items()}


def main(folder: Path | None = None) -> list[Path]:
    folder = Path(folder) if folder else Path(__file__).resolve().parent
    written = []
    for name, scene in build_all().items():
        path = folder / f"{name}.json"
        save_project(path, scene)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else None):
        print(path)
