# Simplified-Chinese translations for the start page (context "StartPage") and the scene panel
# (context "ScenePanel"). Scene titles/explanations live in the scene files themselves ({"en", "zh"}).
T = {
    # StartPage
    "Words and memory": "词向量与记忆",
    "Elman, Jordan, deep and bidirectional": "Elman、Jordan、深层与双向网络",
    "LSTM and GRU": "LSTM 与 GRU",
    "More ways to remember": "更多的记忆方式",
    "Why training is hard, and the fixes": "训练为什么难，以及解决办法",
    "All scenes": "全部场景",
    "Scenes of the lecture": "课程中的场景",
    "Each scene is a figure or a claim of the lecture notes, with its network, inputs and suggested steps. "
    "Click one to open it; press → to step.":
        "每个场景对应课程讲义中的一幅图或一个结论，带有网络、输入和建议的操作步骤。点击打开场景；按 → 逐步前进。",
    "Close": "关闭",
    "&All Scenes…": "全部场景(&A)…",
    "Show every scene of the lecture with a picture and one line": "列出课程的全部场景，每个附一张缩略图和一句说明",
    # ScenePanel
    "Your own network: press → to feed the inputs one step at a time and click any value to see how it was computed.":
        "你自己的网络：按 → 每次输入一步，点击任意数值即可看到它的计算过程。",
    "Try this": "试一试",
    "About this scene": "关于这个场景",
}
