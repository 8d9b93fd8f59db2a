"""Writes resources/scenes/vanishing.json and irnn.json (run from the repository root).

usage: python make_adding_scenes.py [measured.json]   (the irnn benchmark's results, for the description)
"""
import json, sys
from simulator.io.project_file import save_project
from simulator.model.project import Project
from simulator.model.training import adding_task, network_for_task

HEAD = {"activation": "linear", "output_size": 1, "use_bias": True}


def runs(H, lrs, titles):
    specs = {
        "tanh": [{"kind": "elman", "hidden_size": H, "activation": "tanh"}],
        "irnn": [{"kind": "irnn", "hidden_size": H}],
        "lstm": [{"kind": "lstm", "hidden_size": H, "forget_bias": 1.0}],
        "gru": [{"kind": "gru", "hidden_size": H}],
    }
    out = []
    for name in ("tanh", "irnn", "lstm", "gru"):
        run = {"name": name, "title": titles[name], "network": {"layers": specs[name], "head": HEAD}}
        if name in lrs:
            run["lr"] = lrs[name]
        out.append(run)
    return out


TITLES = {
    "tanh": {"en": "tanh RNN", "zh": "tanh RNN"},
    "irnn": {"en": "IRNN (ReLU, identity start)", "zh": "IRNN（ReLU，单位矩阵初始化）"},
    "lstm": {"en": "LSTM (forget-gate bias 1)", "zh": "LSTM（遗忘门偏置为 1）"},
    "gru": {"en": "GRU", "zh": "GRU"},
}


def scene(name, T, train, test, H, steps, lrs, order, views, title, description, steps_hint, extra):
    task = adding_task(T, train, test, 0)
    network = network_for_task(task, [{"kind": "elman", "hidden_size": H, "activation": "tanh"}], HEAD, seed=0)
    training = {
        "task": {"name": "adding", "T": T, "train": train, "test": test},
        "config": {"optimizer": "adam", "lr": 0.001, "steps": steps, "batch_size": 32, "clip_mode": "norm",
                   "clip_threshold": 1.0, "seed": 0},
        "runs": runs(H, lrs, TITLES),
        "test_every": 50,
    }
    training.update(extra)
    project = Project(name=name, title=title, description=description, network=network,
                      inputs=task.data.x[:, 0], settings={"order": order, "views": views, "steps_hint": steps_hint,
                                                          "training": training},
                      metadata={"source": "the adding problem (Hochreiter & Schmidhuber 1997) as used by Le, Jaitly "
                                          "& Hinton (2015), A simple way to initialize recurrent networks of "
                                          "rectified linear units; the lecture's vanishing-gradient discussion"})
    save_project(f"resources/scenes/{name}.json", project)


measured = json.load(open(sys.argv[1])) if len(sys.argv) > 1 else None

# -- vanishing ------------------------------------------------------------------------------------------
scene(
    "vanishing", T=30, train=1000, test=200, H=16, steps=1000, lrs={"lstm": 0.01, "gru": 0.01}, order=130,
    views=["training", "gradients"],
    title={"en": "Vanishing gradients: how far back does the loss reach?",
           "zh": "梯度消失：误差能往回影响多远？"},
    description={
        "en": ("Four networks of 16 units learn the same adding problem (30 steps: add the two marked numbers, "
               "answer at the last step). For every update the heatmap shows |∂L/∂a^t|, how much the loss at "
               "the end still depends on the memory at step t. In the tanh RNN it shrinks by a factor of about "
               "10^5 over the 30 steps at the start, and 10^9 or more later, so the first half of the sequence "
               "teaches it almost nothing and it stays near the 0.167 of always answering 1. The IRNN "
               "(ReLU, recurrent weights starting as the identity) passes the gradient back undiminished. The "
               "LSTM and the GRU start with vanishing gradients too, but as they learn to keep their memory the "
               "gradient reaches back to the first steps and the loss falls (Adam; learning rate 0.001 for tanh "
               "RNN and IRNN, 0.01 for LSTM and GRU; gradient norm clipped to 1). With seed 0 the test MSE after "
               "the 1000 updates is 0.155 for the tanh RNN, 0.145 for the IRNN (its gradient flows, but it learns "
               "more slowly: see the irnn scene), 0.002 for the LSTM and 0.0002 for the GRU."),
        "zh": ("四个各有 16 个单元的网络学习同一个加法问题（30 步：把两个做了标记的数相加，在最后一步给出答案）。"
               "热图显示每次更新时的 |∂L/∂a^t|，即最后的误差还有多依赖第 t 步的记忆。tanh RNN 中，它在 30 步里"
               "一开始就缩小约 10^5 倍，之后缩小 10^9 倍甚至更多，所以序列的前半段几乎教不了它什么，它的误差停在"
               "一直回答 1 的 0.167 附近。IRNN（ReLU，循环权重初始为单位矩阵）把梯度原样传回去。LSTM 和 GRU 一开始"
               "梯度也会消失，但随着它们学会保留记忆，梯度一直传到最前面几步，误差随之下降（Adam；tanh RNN 和 IRNN "
               "的学习率为 0.001，LSTM 和 GRU 为 0.01；梯度范数裁剪到 1）。种子为 0 时，1000 次更新后的测试均方误差："
               "tanh RNN 为 0.155，IRNN 为 0.145（梯度能传回去，但学得较慢，见 irnn 场景），LSTM 为 0.002，GRU 为 0.0002。"),
    },
    steps_hint={"en": "Train all four and compare the heatmaps of |∂L/∂a^t|: left is the first step, right the last.",
                "zh": "训练这四个网络，比较 |∂L/∂a^t| 的热图：左边是第一步，右边是最后一步。"},
    extra={},
)

# -- irnn -------------------------------------------------------------------------------------------------
if measured:
    m = measured["test_mse"]
    n = measured["updates"]
    en_result = (f"With seed 0, after {n} updates the test MSE is {m['tanh']:.3f} for the tanh RNN (it stays near "
                 f"the baseline), {m['irnn']:.3f} for the IRNN, {m['lstm']:.3f} for the LSTM and {m['gru']:.4f} "
                 f"for the GRU.")
    zh_result = (f"种子为 0 时，{n} 次更新之后的测试均方误差：tanh RNN 为 {m['tanh']:.3f}（停在基线附近），IRNN 为 "
                 f"{m['irnn']:.3f}，LSTM 为 {m['lstm']:.3f}，GRU 为 {m['gru']:.4f}。")
    extra = {"measured": measured}
else:
    en_result = zh_result = ""
    extra = {}
scene(
    "irnn", T=50, train=2000, test=500, H=32, steps=3000, lrs={}, order=140, views=["training"],
    title={"en": "IRNN on the adding problem: a small replication of Le, Jaitly & Hinton (2015)",
           "zh": "IRNN 与加法问题：Le、Jaitly 和 Hinton（2015）的小型复现"},
    description={
        "en": ("Each sequence has 50 steps of two numbers: a random value and a marker that is 1 at exactly two "
               "steps, one in each half. The answer at the last step is the sum of the two marked values, so the "
               "network has to carry a number across up to 49 steps. Always answering 1 gives a mean squared "
               "error of 1/6 ≈ 0.167, the line every learning curve is measured against. A tanh RNN, an IRNN "
               "(ReLU units with the recurrent weights starting as the identity), an LSTM and a GRU, 32 units "
               "each, train with the same settings: Adam, learning rate 0.001, minibatches of 32 from 2000 "
               "sequences, gradient norm clipped to 1; the test MSE is measured on 500 other sequences. "
               + en_result + " Le et al. trained far longer on longer sequences; the sequence length T can be "
               "changed in the task settings."),
        "zh": ("每个序列有 50 步，每步两个数：一个随机值和一个标记，标记恰好在两步为 1，前后两半各一步。最后一步的答案"
               "是两个被标记的值之和，所以网络要把一个数带过最多 49 步。一直回答 1 的均方误差为 1/6 ≈ 0.167，每条学习"
               "曲线都以这条线为参照。tanh RNN、IRNN（ReLU 单元，循环权重初始为单位矩阵）、LSTM 和 GRU 各有 32 个单元，"
               "用同样的设置训练：Adam，学习率 0.001，每批 32 个序列（共 2000 个），梯度范数裁剪到 1；测试均方误差在另外"
               "500 个序列上计算。" + zh_result + "Le 等人用更长的序列训练了长得多的时间；序列长度 T 可以在任务设置中修改。"),
    },
    steps_hint={"en": "Train the four networks and compare their test MSE with the 0.167 line.",
                "zh": "训练这四个网络，把它们的测试均方误差与 0.167 那条线比较。"},
    extra=extra,
)
