# Simplified-Chinese translations for simulator/gui/presentation.py (contexts: FormulaBand, Presentation).
T = {
    # FormulaBand
    "Esc leaves · B blanks · D dark · Ctrl+= / Ctrl+− type size":
        "Esc 退出 · B 黑屏 · D 深色 · Ctrl+= / Ctrl+− 字号",
    "The keys of presentation mode; a clicker's Page Down / Page Up step":
        "演示模式的按键；翻页笔的 Page Down / Page Up 逐步前进 / 后退",
    "No inputs": "没有输入",
    "step {step} / {steps}": "第 {step} / {steps} 步",
    "nothing fed yet: press → to feed x¹": "尚未输入：按 → 输入 x¹",
    # Presentation
    "&Presentation Mode": "演示模式(&P)",
    "Full screen for a projector with the step's formula large; Esc leaves":
        "全屏投影，大字显示当前一步的公式；按 Esc 退出",
    "Presentation mode (Esc leaves)": "演示模式（按 Esc 退出）",
    "Page Down / Page Up": "Page Down / Page Up 键",
    "Presenting: next / previous step (a clicker)": "演示时：下一步 / 上一步（翻页笔）",
    "Presenting: blank the screen; B again shows it": "演示时：黑屏；再按 B 恢复显示",
    "Presenting: dark or light theme": "演示时：深色或浅色主题",
    "Presenting: larger / smaller type": "演示时：放大 / 缩小字号",
}
