"""Writes resources/scenes/cliff.json (run from the repository root)."""
import numpy as np
from simulator.engine.network import Network
from simulator.io.project_file import save_project
from simulator.model.project import Project

T = 15
W0, B0 = 0.7, -2.4
net = Network.build(1, [{"kind": "elman", "hidden_size": 1, "activation": "tanh"}], {"activation": "identity"})
net.set_params({"layers.0.W_x": [[1.0]], "layers.0.W_a": [[W0]], "layers.0.b": [B0]})
net.memory["layers.0.a"][:] = 1.0
project = Project(
    name="cliff",
    title={"en": "The cliff: a loss surface with plains and a wall, and why clipping helps",
           "zh": "悬崖：有平原也有峭壁的误差曲面，以及梯度裁剪为何有效"},
    description={
        "en": ("One tanh unit with recurrent weight w and bias b, the model behind the error-surface figure of "
               "Pascanu, Mikolov & Bengio (2013): its memory starts at 1, the input stays silent, and after "
               f"{T} steps the output should be 0.5. Over (w, b) the loss is made of flat plains (the memory "
               "settles at +1 or −1 whatever w and b are) joined by walls where it switches from one to the "
               "other. Gradient descent with learning rate 1 starts at w = 0.7, b = −2.4 on the high plain. "
               "Unclipped, it slides down, overshoots onto the low plain, reaches the foot of the wall and "
               "meets a gradient of about 5 there: one update throws it to w ≈ −0.7, b ≈ −5, back on the "
               "high plain, and the loss jumps from 0.015 to 2.25 (about 150×) and stays, because the plain "
               "is flat. With the gradient norm clipped to 1 the same start and learning rate walk down "
               "into the valley and the loss falls to practically 0 within 20 updates."),
        "zh": ("一个 tanh 单元，循环权重为 w，偏置为 b，这正是 Pascanu、Mikolov 和 Bengio（2013）误差曲面图背后的"
               f"模型：记忆的初始值为 1，输入始终为 0，经过 {T} 步后输出应为 0.5。在 (w, b) 平面上，误差由平坦的"
               "平原（无论 w、b 取何值，记忆都会停在 +1 或 −1）和连接它们的峭壁组成，峭壁处记忆从一个值突然切换到"
               "另一个值。梯度下降的学习率为 1，从高处平原上的 w = 0.7、b = −2.4 出发。不裁剪时，它滑下来，冲到低处"
               "的平原上，走到峭壁脚下，在那里遇到约为 5 的梯度：一次更新就把它抛到 w ≈ −0.7、b ≈ −5，重新落回高处"
               "的平原，误差从 0.015 猛增到 2.25（约 150 倍），并且停在那里，因为平原是平的。把梯度范数裁剪到 1，"
               "同样的起点和学习率会一步步走进山谷，20 次更新之内误差就降到几乎为 0。"),
    },
    network=net,
    inputs=np.zeros((T, 1)),
    settings={
        "order": 110,
        "views": ["training", "surface"],
        "steps_hint": {
            "en": "Train the unclipped run and watch the loss curve and the point on the surface, then the "
                  "clipped run from the same start; try other clipping thresholds and learning rates.",
            "zh": "先训练不裁剪的那一次，观察误差曲线和曲面上的点；再从同一起点训练裁剪的那一次；"
                  "也可以试试其他裁剪阈值和学习率。",
        },
        "surface": {
            "axes": [{"key": "layers.0.W_a", "index": [0, 0], "range": [-1.5, 3.5], "label": "w"},
                     {"key": "layers.0.b", "index": [0], "range": [-5.5, 1.5], "label": "b"}],
            "grid": [101, 101],
            "log_scale": True,
            "start": [W0, B0],
        },
        "training": {
            "task": {"name": "cliff", "target": 0.5},
            "config": {"optimizer": "sgd", "lr": 1.0, "steps": 60, "clip_mode": "none", "clip_threshold": 1.0,
                       "seed": 0},
            "runs": [
                {"name": "unclipped", "clip_mode": "none",
                 "title": {"en": "without clipping", "zh": "不裁剪"}},
                {"name": "clipped", "clip_mode": "norm", "clip_threshold": 1.0,
                 "title": {"en": "gradient norm clipped to 1", "zh": "梯度范数裁剪到 1"}},
            ],
        },
    },
    metadata={"source": "Pascanu, Mikolov & Bengio (2013), On the difficulty of training recurrent neural "
                        "networks, the single-unit error surface; the lecture's figure of the RNN loss "
                        "surface with its cliffs and gradient clipping"},
)
save_project("resources/scenes/cliff.json", project)
