# Texts of the main window added with the training lab and the export dialog.
T = {
    "Export the animation as GIF, MP4 or PNG frames, or a picture of a view":
        "把动画导出为 GIF、MP4 或 PNG 帧，或导出一个视图的图片",
    "Training": "训练",
    "Loss surface": "损失曲面",
    "Train the network live: loss, gradient norms, clipping, explosion": "实时训练网络：损失、梯度范数、裁剪、梯度爆炸",
    "The loss over two weights around the current ones, with the training's path":
        "当前权重附近两个权重上的损失，以及训练走过的路径",
    "Network builder panel": "网络构建器面板",
    "Input sequence panel": "输入序列面板",
    "“Why this number?” panel": "“这个数怎么来的？”面板",
    "“About this scene” panel": "“关于这个场景”面板",
    "3-D view needs OpenGL; showing the 2-D map ({reason})": "三维视图需要 OpenGL；改为显示二维图（{reason}）",
    "PyOpenGL is not installed": "没有安装 PyOpenGL",
    "no OpenGL context": "没有 OpenGL 上下文",
    "the {platform} platform has none": "{platform} 平台没有 OpenGL",
    "The length of the gradient before clipping (thick) and after (thin); a triangle marks every update that was clipped":
        "梯度在裁剪前（粗线）和裁剪后（细线）的长度；三角形标出每次被裁剪的更新",
    "━━ before clipping   ── after   ▼ clipped update   ┈┈ threshold": "━━ 裁剪前   ── 裁剪后   ▼ 被裁剪的更新   ┈┈ 阈值",
    "always answering 1: MSE 0.167": "总是回答 1：MSE 0.167",
    "Use the trained weights": "使用训练得到的权重",
    "Use the trained network ({run})": "使用训练得到的网络（{run}）",
}
