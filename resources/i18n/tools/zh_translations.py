# 简体中文 for RNN Simulator, in the lecture's words (循环神经网络, memory, 输入门/遗忘门/输出门, 隐藏层,
# 输出层, 时间点, 权重, 偏置 …). Symbols (x, a, y, z, z_i, z_f, z_o, c′, f, g, h, W_x, W_a) stay as they are.
T = {
    # ---------------------------------------------------------------- BuilderPanel
    "1 bidirectional layer": "1 个双向层",
    "1 layer": "1 层",
    "1 parameter": "1 个参数",
    "1 unit": "1 个神经元",
    "1, 2, 4, 8": "1, 2, 4, 8",
    "1–16 units draw best.": "1–16 个时画得最清楚。",
    "A ReLU simple RNN whose memory weights start as the identity: the memory a^{t−1} is first copied unchanged.":
        "用 ReLU 的简单 RNN，memory 的权重初始化为单位矩阵：memory 里的 a^{t−1} 一开始被原样复制。",
    "A clock period is a number of steps: at least 1.": "时钟周期是步数：至少为 1。",
    "Activation σ": "激活函数 σ",
    "Activation σ_y": "激活函数 σ_y",
    "Add a bias b": "加上偏置 b",
    "Bias": "偏置",
    "Bidirectional": "双向",
    "Cell type": "单元类型",
    "Clock period of each module, fastest first: a module with period T updates only at steps t with t mod T = 0 "
    "and keeps its value otherwise. Each module needs at least one unit.":
        "每个模块的时钟周期，最快的在前：周期为 T 的模块只在满足 t mod T = 0 的时间点 t 更新，其余时间点保持原值。"
        "每个模块至少需要一个神经元。",
    "Clock periods": "时钟周期",
    "Clockwork RNN": "Clockwork RNN",
    "Clockwork options": "Clockwork 选项",
    "Context units": "上下文单元",
    "Decay α": "衰减 α",
    "Direction": "方向",
    "Each layer also reads the sequence backwards, so y^t sees the whole sequence; the layer's output is twice as "
    "wide.":
        "每一层也从句尾往回读序列，所以 y^t 看过整个序列；该层的输出宽度加倍。",
    "Feed-forward (no memory)": "前馈神经网络（没有 memory）",
    "Fixed by the scene's word encoding: one input per dimension of the encoded word.":
        "由场景的词汇编码决定：编码后词向量的每个维度对应一个输入。",
    "Forget-gate bias": "遗忘门偏置",
    "GRU": "GRU",
    "Gates f": "门函数 f",
    "Hidden units per layer (the width H). The views draw 1–16 units best.":
        "每层的隐藏层神经元数（宽度 H）。视图在 1–16 个神经元时画得最清楚。",
    "How many numbers each input vector x^t has.": "每个输入向量 x^t 有几个数。",
    "How many outputs y^t the Jordan layer has: they are what its memory stores.":
        "Jordan 层的输出 y^t 有几个：它们就是 memory 里保存的值。",
    "How many outputs y^t. With no output layer (identity) y^t = a^t, so it equals the top layer's width.":
        "输出 y^t 有几个。没有输出层（恒等）时 y^t = a^t，所以它等于最上面一层的宽度。",
    "How many recurrent layers are stacked; each layer has its own memory.":
        "叠加几个循环层；每一层都有自己的 memory。",
    "IRNN": "IRNN",
    "IRNN options": "IRNN 选项",
    "Identity scale": "单位矩阵倍数",
    "Input g": "输入函数 g",
    "Input size": "输入维度",
    "Jordan": "Jordan",
    "Jordan options": "Jordan 选项",
    "LSTM": "LSTM",
    "LSTM options": "LSTM 选项",
    "Layers": "层数",
    "List the periods from the fastest module to the slowest (smallest first).":
        "按从最快到最慢的模块列出周期（小的在前）。",
    "Memory a^{t−1} split into modules with clock periods: a slow module updates rarely and keeps its value in "
    "between.":
        "memory a^{t−1} 分成若干有时钟周期的模块：慢的模块很少更新，其间保持原值。",
    "Memory holds the hidden outputs a^{t−1} of the previous step; they are added to the next input's weighted sum.":
        "memory 保存上一个时间点隐藏层的输出 a^{t−1}；它们被加到下一个输入的加权和里。",
    "Memory holds the network's output y^{t−1} (which has a target), not the hidden outputs.":
        "memory 保存整个网络的输出 y^{t−1}（它有学习目标），而不是隐藏层的输出。",
    "Memory is a cell c: an input gate lets a new value in, a forget gate keeps or erases it, an output gate lets "
    "it out.":
        "memory 是一个记忆单元 c：输入门让新的值进来，遗忘门决定保留还是洗掉它，输出门让它出去。",
    "Memory is the hidden output a^{t−1}; one update gate decides both what to forget and what to let in (2 gates, "
    "not 3).":
        "memory 就是隐藏层输出 a^{t−1}；一个更新门同时决定忘掉什么、放进什么（2 个门，而不是 3 个）。",
    "No memory: the same input always gives the same output.": "没有 memory：相同的输入总是得到相同的输出。",
    "One layer of {width} on {inputs} inputs: simple RNN {simple} · LSTM {lstm} ({ratio}×) · GRU {gru}. With 2 "
    "gates instead of 3 the GRU has ¾ of the LSTM's weights: {gru_w} of {lstm_w}.":
        "{inputs} 个输入上的一层 {width}：简单 RNN {simple} · LSTM {lstm}（{ratio}×）· GRU {gru}。"
        "GRU 只有 2 个门而不是 3 个，所以权重只有 LSTM 的 ¾：{gru_w} / {lstm_w}。",
    "Output h": "输出函数 h",
    "Output layer": "输出层",
    "Output size": "输出维度",
    "Output σ_y": "输出 σ_y",
    "Peephole": "Peephole",
    "Peephole: the memory c^{t−1} also feeds z, z_i, z_f and z_o.":
        "Peephole：memory 里的 c^{t−1} 也输入到 z、z_i、z_f 和 z_o。",
    "Recurrence": "循环连接",
    "Recurrence: the previous hidden output a^{t−1} also feeds z, z_i, z_f and z_o (the full LSTM). Off: they see "
    "only the input x^t, as in the lecture's worked example.":
        "循环连接：上一个时间点隐藏层的输出 a^{t−1} 也输入到 z、z_i、z_f 和 z_o（完整的 LSTM）。"
        "关闭时它们只看输入 x^t，和课堂上的计算例子一样。",
    "Recurrent layers": "循环层",
    "SCRN": "SCRN",
    "SCRN options": "SCRN 选项",
    "Simple RNN (Elman)": "简单 RNN（Elman）",
    "Slow context units s: their memory fades by a fixed α each step instead of through learned weights.":
        "慢速上下文单元 s：它们的 memory 每一步按固定的 α 衰减，而不是通过学出来的权重。",
    "Starting bias of the forget-gate signal z_f for new cells: a large value makes f(z_f) ≈ 1, so the cell "
    "remembers by default. Weights that already exist are kept.":
        "新单元的遗忘门信号 z_f 的初始偏置：取较大的值会让 f(z_f) ≈ 1，单元默认就会记住。已有的权重保持不变。",
    "The layers differ ({kinds}). The form shows layer 1; a field you change is set on every layer.":
        "各层不一样（{kinds}）。表单显示第 1 层；你修改的字段会应用到每一层。",
    "The memory weights W_a start as this number times the identity matrix (new cells only; weights that already "
    "exist are kept).":
        "memory 的权重 W_a 初始化为这个数乘以单位矩阵（只用于新单元；已有的权重保持不变）。",
    "This network": "这个网络",
    "Two memories: the hidden outputs a^{t−1} and slow context units s that fade by a fixed α each step.":
        "两种 memory：隐藏层的输出 a^{t−1}，以及每一步按固定的 α 衰减的慢速上下文单元 s。",
    "Units per layer": "每层神经元数",
    "Whether the output layer adds a bias b to W a^t.": "输出层是否在 W a^t 上加偏置 b。",
    "With no output layer (identity) y^t = a^t: the output size is the top layer's width, {width}, not {size}. "
    "Choose an output activation to get {size} outputs.":
        "没有输出层（恒等）时 y^t = a^t：输出维度等于最上面一层的宽度 {width}，而不是 {size}。"
        "选择一个输出激活函数才能得到 {size} 个输出。",
    "Write whole numbers separated by commas, e.g. 1, 2, 4, 8.": "请写用逗号分隔的整数，例如 1, 2, 4, 8。",
    "aᵗ⁻¹ into the gates": "aᵗ⁻¹ 输入到门",
    "cᵗ⁻¹ into the gates": "cᵗ⁻¹ 输入到门",
    "f: the gate function, applied to z_i, z_f and z_o; sigmoid keeps each gate between 0 (closed) and 1 (open).":
        "f：门函数，作用在 z_i、z_f 和 z_o 上；sigmoid 让每个门的值在 0（关闭）和 1（打开）之间。",
    "g: applied to z, the value to store: c′ = g(z)·f(z_i) + c·f(z_f).":
        "g：作用在 z（要存入的值）上：c′ = g(z)·f(z_i) + c·f(z_f)。",
    "h: applied to the memory before the output gate: a = h(c′)·f(z_o).":
        "h：在输出门之前作用在 memory 上：a = h(c′)·f(z_o)。",
    "none (identity)": "无（恒等）",
    "{count} parameters": "{count} 个参数",
    "{layers} bidirectional layers": "{layers} 个双向层",
    "{layers} layers": "{layers} 层",
    "{low}–{high} units": "{low}–{high} 个神经元",
    "{modules} clock modules need at least {modules} units; layer {layer} has {units}. Add units or remove periods.":
        "{modules} 个时钟模块至少需要 {modules} 个神经元；第 {layer} 层只有 {units} 个。请增加神经元或删掉一些周期。",
    "{name}, {layers} × {width}": "{name}，{layers} × {width}",
    "{architecture}, {ratio}: {total}": "{architecture}，{ratio}：{total}",
    "{architecture}: {total}": "{architecture}：{total}",
    "{ratio}× the parameters of a simple RNN of the same width": "参数量是同样宽度的简单 RNN 的 {ratio} 倍",
    "{units} units": "{units} 个神经元",
    "α: how much of the context s^{t−1} is kept each step: s^t = (1 − α)·B x^t + α·s^{t−1}. Close to 1 remembers "
    "longer.":
        "α：每一步保留多少上下文 s^{t−1}：s^t = (1 − α)·B x^t + α·s^{t−1}。越接近 1 记得越久。",
    "σ: the function applied to each unit's weighted sum: a^t = σ(W_x x^t + W_a a^{t−1} + b).":
        "σ：作用在每个神经元加权和上的激活函数：a^t = σ(W_x x^t + W_a a^{t−1} + b)。",
    "σ: the function applied to each unit's weighted sum: a^t = σ(W_x x^t + b).":
        "σ：作用在每个神经元加权和上的激活函数：a^t = σ(W_x x^t + b)。",
    "σ: the function of the candidate n = σ(W x^t + r·(W a^{t−1})).":
        "σ：候选值的激活函数 n = σ(W x^t + r·(W a^{t−1}))。",
    "σ_y of the output layer y^t = σ_y(W a^t + b); identity means no output layer: y^t = a^t.":
        "输出层的 σ_y：y^t = σ_y(W a^t + b)；恒等表示没有输出层：y^t = a^t。",
    "σ_y: the function of the Jordan layer's output y^t = σ_y(W_y a^t + b_y).":
        "σ_y：Jordan 层输出的激活函数 y^t = σ_y(W_y a^t + b_y)。",

    # ---------------------------------------------------------------- Commands (undo stack)
    "Change the network": "修改网络",
    "Edit the input sequence": "编辑输入序列",
    "Edit the sentence": "编辑句子",
    "Set {name} from {old} to {new}": "把 {name} 从 {old} 改为 {new}",

    # ---------------------------------------------------------------- ExplainPanel
    "Click a neuron, a memory box or a gate to see its arithmetic with the actual numbers.":
        "点击一个神经元、一个 memory 方块或一个门，就能看到它用实际数值的计算过程。",
    "Click any value in a view to see how it was computed": "点击视图中的任意数值，看看它是怎么算出来的",
    "Nothing has been fed yet: press → to feed x¹.": "还没有输入任何值：按 → 输入 x¹。",
    "This value cannot be explained for the current network.": "对当前网络无法解释这个数值。",
    "Why is this number what it is?": "这个数为什么是这样？",
    "{symbol} at step t = {t}": "时间点 t = {t} 的 {symbol}",

    # ---------------------------------------------------------------- GruCellView
    "1 − z: how much of the candidate n goes in — the other side of the update gate.":
        "1 − z：候选值 n 放进来多少——更新门的另一面。",
    "Nothing fed yet: the memory holds its initial value. Press → to feed x¹.":
        "还没有输入：memory 保存的是初始值。按 → 输入 x¹。",
    "Out with the old, in with the new: z keeps the old memory and 1 − z lets the candidate in, so forgetting and "
    "storing are one gate.":
        "旧的不去，新的不来：z 保留旧的 memory，1 − z 让候选值进来，所以遗忘和存入由同一个门决定。",
    "The candidate's sum before tanh: the input part plus r·(the memory part).":
        "候选值在 tanh 之前的加权和：输入部分加上 r·(memory 部分)。",
    "This network has no GRU layer. Choose GRU in the builder to see its cell.":
        "这个网络没有 GRU 层。在网络构建器里选择 GRU 才能看到它的单元。",
    "a: the memory, which is also the cell's output. After the step a′ = (1 − z)·n + z·a.":
        "a：memory，也是这个单元的输出。这一步之后 a′ = (1 − z)·n + z·a。",
    "keeps": "保留",
    "lets in": "放进",
    "n: the candidate, tanh of the input part plus r times the memory part.":
        "n：候选值，输入部分加上 r 乘以 memory 部分，再通过 tanh。",
    "r: the reset gate. 1 lets the candidate see the old memory, 0 hides it.":
        "r：重置门。1 让候选值看到旧的 memory，0 把它挡住。",
    "the candidate: the reset gate r sets how much of the old memory it sees": "候选值：重置门 r 决定它能看到多少旧的 memory",
    "z: the update gate. z keeps the old memory while 1 − z lets the candidate in: one gate is both the forget and "
    "the input gate.":
        "z：更新门。z 保留旧的 memory，1 − z 让候选值进来：一个门同时是遗忘门和输入门。",

    # ---------------------------------------------------------------- HeatmapView
    "1 where a module's clock ticks at step t, 0 where it keeps its value":
        "模块的时钟在时间点 t 走一下时为 1，保持原值时为 0",
    "Colour scale: {low} … {high}": "颜色刻度：{low} … {high}",
    "Colours: 0 (closed) … 1 (open).": "颜色：0（关闭）… 1（打开）。",
    "Colours: blue negative, orange positive; the scale is symmetric around 0.":
        "颜色：蓝色为负，橙色为正；刻度以 0 为中心对称。",
    "Feed an input sequence to see the values over time": "输入一个序列，就能看到数值随时间的变化",
    "a^t: the hidden layer's output at step t, stored to memory for the next step":
        "a^t：隐藏层在时间点 t 的输出，存到 memory 里供下一个时间点使用",
    "clock ticks": "时钟走动",
    "c′: the memory cell after step t, c′ = g(z)·f(z_i) + c·f(z_f)":
        "c′：时间点 t 之后记忆单元的值，c′ = g(z)·f(z_i) + c·f(z_f)",
    "f(z_f): the forget gate; 1 keeps the memory, 0 forgets it": "f(z_f)：遗忘门；1 保留 memory，0 把它忘掉",
    "f(z_i): the input gate; 1 lets the new value g(z) into the memory, 0 keeps it out":
        "f(z_i)：输入门；1 让新的值 g(z) 进入 memory，0 把它挡在外面",
    "f(z_o): the output gate; 1 lets h(c′) out as a, 0 holds it back": "f(z_o)：输出门；1 让 h(c′) 作为 a 输出，0 把它拦住",
    "forget gate": "遗忘门",
    "hidden output": "隐藏层输出",
    "input gate": "输入门",
    "layer {n}": "第 {n} 层",
    "memory": "memory",
    "memory (Jordan)": "memory（Jordan）",
    "output": "输出",
    "output gate": "输出门",
    "r: the reset gate; 0 makes the candidate ignore the previous hidden output": "r：重置门；0 让候选值忽略上一个隐藏层输出",
    "reset gate": "重置门",
    "s^t: the slowly changing context units": "s^t：变化缓慢的上下文单元",
    "slow context": "慢速上下文",
    "t (step)": "t（时间点）",
    "t: the time step; column t shows the values after the input x^t was fed": "t：时间点；第 t 列显示输入 x^t 之后的数值",
    "the previous output y^(t−1), kept as memory (Jordan network)": "上一个输出 y^(t−1)，作为 memory 保存（Jordan Network）",
    "units of the layer, numbered from 1": "这一层的神经元，从 1 开始编号",
    "update gate": "更新门",
    "y^t: the network's output at step t": "y^t：网络在时间点 t 的输出",
    "z: the update gate; 1 keeps the previous hidden output, 0 takes the candidate": "z：更新门；1 保留上一个隐藏层输出，0 采用候选值",
    "{name} ({words}), unit {unit}, t = {t}: {value}": "{name}（{words}），神经元 {unit}，t = {t}：{value}",

    # ---------------------------------------------------------------- LstmCellView
    "This network has no LSTM layer. Choose LSTM in the builder to see its cell.":
        "这个网络没有 LSTM 层。在网络构建器里选择 LSTM 才能看到它的单元。",
    "a = h(c′)·f(z_o): the cell's output, what the rest of the network sees.": "a = h(c′)·f(z_o)：单元的输出，网络其余部分看到的值。",
    "c: the memory cell. Before the step it holds c; after it, c′ = g(z)·f(z_i) + c·f(z_f).":
        "c：记忆单元。这一步之前存的是 c；之后是 c′ = g(z)·f(z_i) + c·f(z_f)。",
    "f(z_f): the forget gate. 1 keeps the memory, 0 erases it — the opposite of what its name suggests.":
        "f(z_f)：遗忘门。1 保留 memory，0 把它洗掉——跟我们直觉的想法是相反的。",
    "f(z_i): the input gate. 1 lets g(z) into the memory, 0 keeps it out.": "f(z_i)：输入门。1 让 g(z) 进入 memory，0 把它挡在外面。",
    "f(z_o): the output gate. 1 lets h(c′) out as a, 0 lets nothing out.": "f(z_o)：输出门。1 让 h(c′) 作为 a 输出，0 什么都不让出去。",
    "g(z): z through the input activation g — what goes into the memory when the input gate is fully open.":
        "g(z)：z 通过输入激活函数 g——输入门完全打开时进入 memory 的值。",
    "h(c′): the new memory through the output activation h.": "h(c′)：新的 memory 通过输出激活函数 h。",
    "new memory = what the input gate lets in + what the forget gate keeps": "新的 memory = 输入门放进来的 + 遗忘门保留的",
    "output = the new memory through h, let out by the output gate": "输出 = 新的 memory 通过 h，再由输出门放出去",
    "z: the value offered to the memory (the cell's input), a weighted sum of the inputs.":
        "z：想要存到 memory 里的值（单元的输入），是输入的加权和。",
    "z_f: the forget gate's signal. Through f it sets how much of the memory is kept.":
        "z_f：操控遗忘门的信号。通过 f 决定 memory 保留多少。",
    "z_i: the input gate's signal. Through f (a sigmoid) it opens or closes the input gate.":
        "z_i：操控输入门的信号。通过 f（sigmoid）打开或关闭输入门。",
    "z_o: the output gate's signal. Through f it opens or closes the output gate.":
        "z_o：操控输出门的信号。通过 f 打开或关闭输出门。",

    # ---------------------------------------------------------------- MainWindow
    "&About RNN Simulator": "关于 RNN Simulator(&A)",
    "&Dark": "深色(&D)",
    "&Edit": "编辑(&E)",
    "&Export…": "导出(&E)…",
    "&File": "文件(&F)",
    "&Help": "帮助(&H)",
    "&Import PyTorch Weights…": "导入 PyTorch 权重(&I)…",
    "&Keyboard Shortcuts": "键盘快捷键(&K)",
    "&Language": "语言(&L)",
    "&Light": "浅色(&L)",
    "&New": "新建(&N)",
    "&Open…": "打开(&O)…",
    "&Panels": "面板(&P)",
    "&Quit": "退出(&Q)",
    "&Redo": "重做(&R)",
    "&Reset Zoom": "重置缩放(&R)",
    "&Save": "保存(&S)",
    "&Scenes": "场景(&S)",
    "&Theme": "主题(&T)",
    "&Undo": "撤消(&U)",
    "&View": "视图(&V)",
    "<b>RNN Simulator</b> {version}<br>The recurrent networks of the lecture — Elman, Jordan, LSTM, GRU and more — "
    "step by step.":
        "<b>RNN Simulator</b> {version}<br>一步一步地看课堂上的循环神经网络——Elman、Jordan、LSTM、GRU 等等。",
    "A weight must be a finite number": "权重必须是有限的数",
    "About RNN Simulator": "关于 RNN Simulator",
    "Cannot export": "无法导出",
    "Cannot import the weights": "无法导入权重",
    "Cannot open the file": "无法打开文件",
    "Cannot recover": "无法恢复",
    "Cannot save": "无法保存",
    "Cell": "单元",
    "Close RNN Simulator": "关闭 RNN Simulator",
    "Could not write {path}": "无法写入 {path}",
    "Dark text on a light background": "浅色背景上的深色文字",
    "Edit Weight &Matrix…": "编辑权重矩阵(&M)…",
    "Edit a weight matrix": "编辑权重矩阵",
    "Edit a whole weight matrix or bias vector": "编辑整个权重矩阵或偏置向量",
    "Edit weight matrix": "编辑权重矩阵",
    "Edit {name}": "编辑 {name}",
    "Export the current view": "导出当前视图",
    "Feed the next input (one step)": "输入下一个值（前进一步）",
    "First / last step": "第一步 / 最后一步",
    "Heatmaps": "热力图",
    "Hidden values, memory and gates against time": "隐藏层的值、memory 和门随时间的变化",
    "Home / End": "Home / End",
    "Import PyTorch weights": "导入 PyTorch 权重",
    "Import {name}": "导入 {name}",
    "Input sequence": "输入序列",
    "Inside one LSTM or GRU cell: gates as valves, the memory as a tank": "一个 LSTM 或 GRU 单元的内部：门是阀门，memory 是水箱",
    "Keyboard shortcuts": "键盘快捷键",
    "Language": "语言",
    "Larger numbers and labels": "更大的数字和标签",
    "Light text on a dark background": "深色背景上的浅色文字",
    "List the keys": "列出按键",
    "Load an nn.RNN, nn.LSTM or nn.GRU state_dict saved with numpy.savez":
        "载入用 numpy.savez 保存的 nn.RNN、nn.LSTM 或 nn.GRU 的 state_dict",
    "Network": "网络",
    "Network builder": "网络构建器",
    "No inputs": "没有输入",
    "One step back": "后退一步",
    "Open &Recent": "最近打开(&R)",
    "Open a project": "打开项目",
    "Open a project file": "打开项目文件",
    "Open project": "打开项目",
    "PNG image (*.png)": "PNG 图像 (*.png)",
    "Parameter:": "参数：",
    "PyTorch state_dict saved with numpy.savez (*.npz)": "用 numpy.savez 保存的 PyTorch state_dict (*.npz)",
    "RNN Simulator did not close normally last time. Restore the unsaved project?":
        "RNN Simulator 上次没有正常关闭。要恢复未保存的项目吗？",
    "RNN Simulator projects (*.json)": "RNN Simulator 项目 (*.json)",
    "RNN Simulator projects (*.json);;All files (*)": "RNN Simulator 项目 (*.json);;所有文件 (*)",
    "Recover unsaved work?": "恢复未保存的工作？",
    "Redo": "重做",
    "Reset &Memory to Zero": "将 memory 清零(&M)",
    "Save": "保存",
    "Save &As…": "另存为(&A)…",
    "Save a picture of the current view": "把当前视图保存为图片",
    "Save project": "保存项目",
    "Save the project": "保存项目",
    "Save the project under a new name": "用新名字保存项目",
    "Saved {path}": "已保存 {path}",
    "Scene": "场景",
    "Set the initial memory values to 0": "把 memory 的初始值设为 0",
    "Smaller numbers and labels": "更小的数字和标签",
    "Start a new network (a simple RNN of the lecture)": "新建一个网络（课堂上的简单 RNN）",
    "Step {step} of {steps}": "第 {step} 步，共 {steps} 步",
    "The default size": "默认大小",
    "The network with its current values; click a value to see its arithmetic": "网络及其当前的值；点击一个值可以看到它的计算过程",
    "The project has unsaved changes. Save them first?": "项目有未保存的修改。要先保存吗？",
    "The same network used once per step, weights shared": "同一个网络在每个时间点用一次，权重共享",
    "The translation file for {language} is missing; staying in English.": "缺少 {language} 的翻译文件；继续使用英文。",
    "Undo": "撤消",
    "Unrolled": "按时间展开",
    "Unsaved changes": "未保存的修改",
    "Which module saved these weights?": "这些权重是哪个模块保存的？",
    "Why this number?": "这个数怎么来的？",
    "Zoom &In": "放大(&I)",
    "Zoom &Out": "缩小(&O)",
    "Zoom in / out / reset": "放大 / 缩小 / 重置",
    "some values overflowed (shown as ∞ or NaN)": "有些值溢出了（显示为 ∞ 或 NaN）",
    "←": "←",
    "→ or Space": "→ 或空格",

    # ---------------------------------------------------------------- MatrixEditor (number parsing)
    "A weight must be a finite number, not {text}.": "权重必须是有限的数，不能是 {text}。",
    "Type a number, for example 1 or −0.5.": "请输入一个数，例如 1 或 −0.5。",
    "“{text}” is not a number.": "“{text}”不是一个数。",

    # ---------------------------------------------------------------- MatrixEditorDialog
    "1 on the diagonal, 0 elsewhere (square matrices only)": "对角线为 1，其余为 0（仅限方阵）",
    "Edit {key}": "编辑 {key}",
    "Identity": "单位矩阵",
    "Set all to…": "全部设为…",
    "Set every entry to 0": "把每个元素设为 0",
    "Value for every entry:": "每个元素的值：",
    "Zero": "全零",
    "{key}: a vector of {n} biases, one per row.": "{key}：{n} 个偏置组成的向量，每行一个。",
    "{key}: {rows} × {cols} weights. Row = the unit that receives, column = the unit it reads from.":
        "{key}：{rows} × {cols} 个权重。行 = 接收的神经元，列 = 它读取的神经元。",
    "{reason} The entry keeps its value {old}.": "{reason} 该元素保持原值 {old}。",

    # ---------------------------------------------------------------- NetworkView
    "(thicker = larger |w|)": "（越粗 = |w| 越大）",
    "A Jordan layer stores its output y, not its hidden a": "Jordan 层保存它的输出 y，而不是隐藏层的 a",
    "A layer without memory: the same input always gives the same output": "没有 memory 的层：相同的输入总是得到相同的输出",
    "Change {name}…": "修改 {name}…",
    "Click a unit: why this number? Click a weight or a bias (b): change it.":
        "点击神经元：这个数怎么来的？点击权重或偏置 (b)：修改它。",
    "Click to change it; right-click to edit the whole matrix": "点击修改；右键编辑整个矩阵",
    "Click to change it; right-click to edit the whole vector": "点击修改；右键编辑整个向量",
    "Click: why is it this number?": "点击：这个数怎么来的？",
    "Context units s change slowly: s = (1 − α)·B x + α·s of the last step":
        "上下文单元 s 变化缓慢：s = (1 − α)·B x + α·（上一步的 s）",
    "Copy: after the step, {source} is stored in the memory box {target}": "复制：这一步之后，{source} 被存到 memory 方块 {target} 里",
    "Edit matrix {key}…": "编辑矩阵 {key}…",
    "Enter ↵ sets it · Esc cancels": "Enter ↵ 确定 · Esc 取消",
    "Fixed, not learned: {target} keeps α = {alpha} of its last value": "固定的，不是学出来的：{target} 保留上一个值的 α = {alpha}",
    "GRU cell {n}: its output a′ = (1 − z)·n + z·a": "GRU 单元 {n}：它的输出 a′ = (1 − z)·n + z·a",
    "GRU cells: each has the signals r (reset), z (update) and n (candidate)": "GRU 单元：每个都有信号 r（重置）、z（更新）和 n（候选值）",
    "Hidden units: each adds up its weighted inputs and its weighted memory": "隐藏层神经元：每个都把加权的输入和加权的 memory 加起来",
    "Jordan output": "Jordan 输出",
    "Jordan output {n}: y is copied to memory after the step": "Jordan 输出 {n}：这一步之后 y 被复制到 memory",
    "LSTM cell {n}: its output a = h(c′)·f(z_o)": "LSTM 单元 {n}：它的输出 a = h(c′)·f(z_o)",
    "LSTM cells: each has four input signals z, z_i, z_f, z_o and a memory cell c":
        "LSTM 单元：每个都有 4 个输入信号 z、z_i、z_f、z_o 和一个记忆单元 c",
    "No output layer: {target} = {source}": "没有输出层：{target} = {source}",
    "The cell reads its memory {source}: c′ = g(z)·f(z_i) + c·f(z_f)": "单元读取它的 memory {source}：c′ = g(z)·f(z_i) + c·f(z_f)",
    "The input vector x fed at this step, one box per number": "这一步输入的向量 x，每个数一个方块",
    "The network's output y at this step": "网络在这一步的输出 y",
    "Why is {symbol} this number?": "{symbol} 为什么是这个数？",
    "a · layer {n}: {kind}": "a · 第 {n} 层：{kind}",
    "after step {t}: {value}": "第 {t} 步之后：{value}",
    "at step {t}: {value}": "第 {t} 步：{value}",
    "cell input": "单元输入",
    "context": "上下文",
    "copied to memory": "复制到 memory",
    "forward pass": "正向",
    "gate signal": "门信号",
    "hidden": "隐藏层",
    "hidden unit {n}'s output a (copied to memory after the step)": "隐藏层神经元 {n} 的输出 a（这一步之后复制到 memory）",
    "initial value: {value}": "初始值：{value}",
    "input": "输入",
    "input number {n}": "第 {n} 个输入",
    "its clock ticks every {period} steps; dashed: it keeps its value": "它的时钟每 {period} 步走一下；虚线：保持原值",
    "memory cell c": "记忆单元 c",
    "memory: context s": "memory：上下文 s",
    "memory: holds a{n} of the last step; read at the next step": "memory：保存上一步的 a{n}；在下一步被读取",
    "memory: holds the output y{n} of the last step (Jordan)": "memory：保存上一步的输出 y{n}（Jordan）",
    "n: the candidate value proposed for the memory": "n：为 memory 提出的候选值",
    "negative weight": "负权重",
    "output number {n}": "第 {n} 个输出",
    "positive weight": "正权重",
    "r: the reset gate; r = 0 ignores the memory when proposing n": "r：重置门；r = 0 时提出 n 会忽略 memory",
    "reverse pass (reads the sequence from the end)": "反向（从句尾开始读序列）",
    "s · layer {n}: slow context, α = {alpha}": "s · 第 {n} 层：慢速上下文，α = {alpha}",
    "slow context s{n} kept for the next step": "为下一步保存的慢速上下文 s{n}",
    "slow context unit {n}: s = (1 − α)·B x + α·s": "慢速上下文单元 {n}：s = (1 − α)·B x + α·s",
    "the LSTM's memory cell: c′ = g(z)·f(z_i) + c·f(z_f) is kept for the next step":
        "LSTM 的记忆单元：c′ = g(z)·f(z_i) + c·f(z_f) 保存到下一步",
    "x · input": "x · 输入",
    "y · layer {n}: Jordan output": "y · 第 {n} 层：Jordan 输出",
    "y · output ({activation})": "y · 输出（{activation}）",
    "z: the cell input; g(z) is what may be stored": "z：单元的输入；g(z) 是可能被存入的值",
    "z: the update gate; z = 1 keeps the old memory, z = 0 takes n": "z：更新门；z = 1 保留旧的 memory，z = 0 采用 n",
    "z_f: the forget gate's signal; f(z_f) = 1 keeps the memory, 0 forgets it": "z_f：操控遗忘门的信号；f(z_f) = 1 保留 memory，0 把它忘掉",
    "z_i: the input gate's signal; f(z_i) = 1 lets g(z) into the memory": "z_i：操控输入门的信号；f(z_i) = 1 让 g(z) 进入 memory",
    "z_o: the output gate's signal; f(z_o) = 1 lets h(c′) out": "z_o：操控输出门的信号；f(z_o) = 1 让 h(c′) 输出",
    "{key}, flat index {index}": "{key}，展平索引 {index}",
    "{title}: the bias of {role} {symbol}, added to its weighted sum": "{title}：{role} {symbol} 的偏置，加到它的加权和上",
    "→ forward, ← reverse": "→ 正向，← 反向",

    # ---------------------------------------------------------------- PlayerBar
    " ms": " 毫秒",
    " steps/s": " 步/秒",
    "&Animation": "动画(&A)",
    "&Speed": "速度(&S)",
    "Back": "后退",
    "Back one step (← or Page Up)": "后退一步（← 或 Page Up）",
    "Feed the next input x^t: one step forward (→, Space or Page Down)": "输入下一个 x^t：前进一步（→、空格或 Page Down）",
    "First step": "第一步",
    "First: back to the start, nothing fed yet (Home)": "第一步：回到开头，还没有输入任何值（Home）",
    "How long the values take to move to a step's numbers (0 = jump)": "数值变到这一步的结果所用的时间（0 = 直接跳过去）",
    "Last step": "最后一步",
    "Last: feed every input (End)": "最后一步：输入所有的值（End）",
    "Nothing fed yet: the memory holds its initial values": "还没有输入：memory 保存的是初始值",
    "Pause": "暂停",
    "Pause (P)": "暂停（P）",
    "Play": "播放",
    "Play / pause": "播放 / 暂停",
    "Play: one step after another (P)": "播放：一步接一步（P）",
    "Step": "前进",
    "Step back": "后退一步",
    "Step forward": "前进一步",
    "Steps per second while playing": "播放时每秒的步数",
    "Timeline: how many inputs have been fed. Drag to go to a step.": "时间轴：已经输入了多少个值。拖动可以跳到某一步。",
    "instant": "立即",
    "step 0000 / 0000": "第 0000 / 0000 步",
    "step {step} / {steps}": "第 {step} / {steps} 步",
    "t = {t}: the inputs x¹ … x^{t} have been fed": "t = {t}：已经输入了 x¹ … x^{t}",

    # ---------------------------------------------------------------- SequenceEditor
    "&Inline:": "单行(&I)：",
    "&Sentence:": "句子(&S)：",
    "(and {n} more problems)": "（还有 {n} 个问题）",
    "({n} cells need fixing)": "（有 {n} 个格子需要修正）",
    "+ Step": "+ 一步",
    "1, 1; 1, 1; 2, 2": "1, 1; 1, 1; 2, 2",
    "A sequence has at most {n} steps": "一个序列最多有 {n} 步",
    "A sequence needs at least one step: the last step was not removed": "序列至少需要一步：最后一步没有被删除",
    "Add a step of zeros after the selected step": "在选中的一步之后加一个全零的步",
    "Input feature {n} of every step": "每一步的第 {n} 个输入特征",
    "Move the selected steps one place earlier": "把选中的步往前移一位",
    "Move the selected steps one place later": "把选中的步往后移一位",
    "Nothing was pasted: a sequence has at most {n} steps": "没有粘贴任何内容：一个序列最多有 {n} 步",
    "Nothing was pasted: the values reach column {cols} from {feature}, but the network has {n} inputs per step":
        "没有粘贴任何内容：从 {feature} 开始的值到了第 {cols} 列，但网络每一步只有 {n} 个输入",
    "Nothing was pasted: {where}: {problem}": "没有粘贴任何内容：{where}：{problem}",
    "Paste": "粘贴",
    "Paste cells copied from a spreadsheet (Ctrl+V) at the selected cell; the table grows as needed":
        "把从电子表格复制的格子粘贴到选中的格子（Ctrl+V）；表格会按需要扩大",
    "Remove the selected steps": "删除选中的步",
    "Select the steps to remove first": "请先选中要删除的步",
    "Step {step}, {feature}": "第 {step} 步，{feature}",
    "The clipboard holds no values to paste": "剪贴板里没有可粘贴的值",
    "The input fed at step t = {t}": "在时间点 t = {t} 输入的值",
    "The sentence was not changed: {reason}": "句子没有修改：{reason}",
    "The sequence was not changed: {reason}": "序列没有修改：{reason}",
    "The whole sequence on one line: steps separated by ';', features by ','. Press Enter to apply.":
        "整个序列写在一行：步之间用 ';' 分隔，特征之间用 ','。按 Enter 应用。",
    "The word encoding cannot be used: {reason}": "无法使用词汇编码：{reason}",
    "Type a sentence and press Enter: each word becomes one step x^t": "输入一个句子并按 Enter：每个词汇成为一步 x^t",
    "Which dimensions of x^t are set for this word": "这个词汇在 x^t 中设为 1 的维度",
    "cannot be encoded: {reason}": "无法编码：{reason}",
    "encoded as": "编码为",
    "the cell is empty": "格子是空的",
    "word": "词汇",
    "word {n}: {reason}": "第 {n} 个词汇：{reason}",
    "{dimension}  ({name}: not in the vocabulary)": "{dimension}  （{name}：不在词典里）",
    "{text} is not a number": "{text} 不是一个数",
    "{text} is not finite": "{text} 不是有限的数",
    "{text} is too large (the limit is ±{limit:g})": "{text} 太大了（上限是 ±{limit:g}）",
    "{where}: {problem} — the old value {old} was kept": "{where}：{problem}——保留了原值 {old}",
    "↑": "↑",
    "↓": "↓",
    "− Step": "− 一步",

    # ---------------------------------------------------------------- UnrolledView
    "The same network at every step:": "每个时间点都是同一个网络：",
    "W output weights": "W 输出层权重",
    "W_a memory weights (to the next step)": "W_a memory 权重（到下一个时间点）",
    "W_x input weights": "W_x 输入权重",
    "faded: not fed yet": "淡色：还没有输入",
    "t = {t}": "t = {t}",
    "x  input": "x  输入",
    "y  output": "y  输出",
    "{symbol} at step t = {t}: not fed yet": "时间点 t = {t} 的 {symbol}：还没有输入",
    "{symbol} at step t = {t}: {value}": "时间点 t = {t} 的 {symbol}：{value}",

    # ---------------------------------------------------------------- _GatedCellView
    "A layer has one memory cell per unit: which one to show": "每个神经元有一个记忆单元：显示哪一个",
    "Click to see the arithmetic with the numbers.": "点击查看用实际数值的计算过程。",
    "Step {0} of {1}": "第 {0} 步，共 {1} 步",
    "Which layer's cells to show": "显示哪一层的单元",
    "backward": "反向",
    "cell {0} of {1}": "单元 {0} / {1}",
    "closed": "关闭",
    "closed: erases c": "关闭：洗掉 c",
    "forward": "正向",
    "layer {0}": "第 {0} 层",
    "open": "打开",
    "open: keeps c": "打开：保留 c",
    "partly open": "部分打开",
    "partly open: keeps part": "部分打开：保留一部分",
}

# The same English word can need different Chinese in different places.
BY_CONTEXT = {
    ("NetworkView", "output"): "输出层",
    ("NetworkView", "hidden"): "隐藏层",
    ("NetworkView", "memory"): "memory",
    ("MatrixEditor", "layer {n}"): "第 {n} 层",
}


def _load_more() -> None:
    """Each file in zh_more/ adds the translations of one area of the GUI (a dict T)."""
    import runpy
    from pathlib import Path

    for path in sorted((Path(__file__).resolve().parent / "zh_more").glob("*.py")):
        for source, text in runpy.run_path(str(path))["T"].items():
            if T.setdefault(source, text) != text:
                BY_CONTEXT.setdefault(("?", source), text)   # same English, another Chinese: keep the first


_load_more()


def translation(context: str, source: str) -> str:
    return BY_CONTEXT.get((context, source), T[source])
