# Texts of the main window added with the training lab and the export dialog.
T = {
    "Export the animation as GIF, MP4 or PNG frames, or a picture of a view":
        "把动画导出为 GIF、MP4 或 PNG 帧，或导出一个视图的图片",
    "Training": "训练",
    "Loss surface": "损失曲面",
    "Train the network live: loss, gradient norms, clipping, explosion": "实时训练网络：损失、梯度范数、裁剪、梯度爆炸",
    "The loss over two weights around the current ones, with the training's path":
        "当前权重附近两个权重上的损失，以及训练走过的路径",
}
