"""Adds the training lab's settings to resources/scenes/w999.json (run from the repository root)."""
from simulator.io.project_file import load_project, save_project

path = "resources/scenes/w999.json"
project = load_project(path)
settings = project.settings
settings["curve"] = {
    "key": "layers.0.W_a", "index": [0, 0], "range": [0.0, 1.1], "view": [0.9, 1.05], "samples": 881,
    "marks": [1.0, 1.01, 0.99, 0.01], "log_y": True, "gradient": True,
    "label": {"en": "y^1000 = w^999 and its slope 999·w^998 against w",
              "zh": "y^1000 = w^999 及其斜率 999·w^998 随 w 的变化"},
}
settings["training"] = {
    "task": {"name": "cliff", "target": 0.5},
    "config": {"optimizer": "sgd", "lr": 0.01, "steps": 50, "clip_mode": "none", "clip_threshold": 1.0, "seed": 0},
    "runs": [
        {"name": "unclipped", "clip_mode": "none", "title": {"en": "without clipping", "zh": "不裁剪"}},
        {"name": "clipped", "clip_mode": "norm", "clip_threshold": 1.0,
         "title": {"en": "gradient norm clipped to 1", "zh": "梯度范数裁剪到 1"}},
    ],
    "note": {
        "en": ("Train all four weights so that y^1000 = 0.5, learning rate 0.01. At w = 1 the gradient is about "
               "1400, so the first unclipped update moves w to about −9, and w^999 overflows: the loss becomes "
               "NaN at update 2. With the gradient norm clipped to 1 the same learning rate brings the loss from "
               "0.25 to below 0.001 in 50 updates."),
        "zh": ("训练全部四个权重，使 y^1000 = 0.5，学习率 0.01。在 w = 1 处梯度约为 1400，所以不裁剪时第一次更新就把 "
               "w 推到约 −9，w^999 溢出：第 2 次更新时误差变成 NaN。把梯度范数裁剪到 1，同样的学习率在 50 次更新内"
               "把误差从 0.25 降到 0.001 以下。"),
    },
}
if "training" not in settings["views"]:
    settings["views"] = settings["views"] + ["training"]
save_project(path, project)
