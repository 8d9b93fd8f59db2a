<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>BuilderPanel</name>
        <message>
            <location filename="../../simulator/gui/panels/builder.py" line="+353" />
            <source>This network</source>
            <translation>这个网络</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Recurrent layers</source>
            <translation>循环层</translation>
        </message>
        <message>
            <location line="+1" />
            <source>LSTM options</source>
            <translation>LSTM 选项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Jordan options</source>
            <translation>Jordan 选项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clockwork options</source>
            <translation>Clockwork 选项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SCRN options</source>
            <translation>SCRN 选项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>IRNN options</source>
            <translation>IRNN 选项</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Output layer</source>
            <translation>输出层</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Simple RNN (Elman)</source>
            <translation>简单 RNN（Elman）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Jordan</source>
            <translation>Jordan</translation>
        </message>
        <message>
            <location line="+0" />
            <source>LSTM</source>
            <translation>LSTM</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GRU</source>
            <translation>GRU</translation>
        </message>
        <message>
            <location line="+0" />
            <source>IRNN</source>
            <translation>IRNN</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Clockwork RNN</source>
            <translation>Clockwork RNN</translation>
        </message>
        <message>
            <location line="+1" />
            <source>SCRN</source>
            <translation>SCRN</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Feed-forward (no memory)</source>
            <translation>前馈神经网络（没有 memory）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Memory holds the hidden outputs a^{t−1} of the previous step; they are added to the next input's weighted sum.</source>
            <translation>memory 保存上一个时间点隐藏层的输出 a^{t−1}；它们被加到下一个输入的加权和里。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Memory holds the network's output y^{t−1} (which has a target), not the hidden outputs.</source>
            <translation>memory 保存整个网络的输出 y^{t−1}（它有学习目标），而不是隐藏层的输出。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Memory is a cell c: an input gate lets a new value in, a forget gate keeps or erases it, an output gate lets it out.</source>
            <translation>memory 是一个记忆单元 c：输入门让新的值进来，遗忘门决定保留还是洗掉它，输出门让它出去。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Memory is the hidden output a^{t−1}; one update gate decides both what to forget and what to let in (2 gates, not 3).</source>
            <translation>memory 就是隐藏层输出 a^{t−1}；一个更新门同时决定忘掉什么、放进什么（2 个门，而不是 3 个）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A ReLU simple RNN whose memory weights start as the identity: the memory a^{t−1} is first copied unchanged.</source>
            <translation>用 ReLU 的简单 RNN，memory 的权重初始化为单位矩阵：memory 里的 a^{t−1} 一开始被原样复制。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Memory a^{t−1} split into modules with clock periods: a slow module updates rarely and keeps its value in between.</source>
            <translation>memory a^{t−1} 分成若干有时钟周期的模块：慢的模块很少更新，其间保持原值。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Two memories: the hidden outputs a^{t−1} and slow context units s that fade by a fixed α each step.</source>
            <translation>两种 memory：隐藏层的输出 a^{t−1}，以及每一步按固定的 α 衰减的慢速上下文单元 s。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No memory: the same input always gives the same output.</source>
            <translation>没有 memory：相同的输入总是得到相同的输出。</translation>
        </message>
        <message>
            <location line="+6" />
            <source>none (identity)</source>
            <translation>无（恒等）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Cell type</source>
            <translation>单元类型</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Layers</source>
            <translation>层数</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Units per layer</source>
            <translation>每层神经元数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Direction</source>
            <translation>方向</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Input size</source>
            <translation>输入维度</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Activation σ</source>
            <translation>激活函数 σ</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Recurrence</source>
            <translation>循环连接</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Peephole</source>
            <translation>Peephole</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Gates f</source>
            <translation>门函数 f</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Input g</source>
            <translation>输入函数 g</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Output h</source>
            <translation>输出函数 h</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Forget-gate bias</source>
            <translation>遗忘门偏置</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+3" />
            <source>Output size</source>
            <translation>输出维度</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Output σ_y</source>
            <translation>输出 σ_y</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clock periods</source>
            <translation>时钟周期</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Context units</source>
            <translation>上下文单元</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Decay α</source>
            <translation>衰减 α</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Identity scale</source>
            <translation>单位矩阵倍数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Activation σ_y</source>
            <translation>激活函数 σ_y</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bias</source>
            <translation>偏置</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Bidirectional</source>
            <translation>双向</translation>
        </message>
        <message>
            <location line="+1" />
            <source>aᵗ⁻¹ into the gates</source>
            <translation>aᵗ⁻¹ 输入到门</translation>
        </message>
        <message>
            <location line="+1" />
            <source>cᵗ⁻¹ into the gates</source>
            <translation>cᵗ⁻¹ 输入到门</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add a bias b</source>
            <translation>加上偏置 b</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1–16 units draw best.</source>
            <translation>1–16 个时画得最清楚。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1, 2, 4, 8</source>
            <translation>1, 2, 4, 8</translation>
        </message>
        <message>
            <location line="+3" />
            <source>How many recurrent layers are stacked; each layer has its own memory.</source>
            <translation>叠加几个循环层；每一层都有自己的 memory。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hidden units per layer (the width H). The views draw 1–16 units best.</source>
            <translation>每层的隐藏层神经元数（宽度 H）。视图在 1–16 个神经元时画得最清楚。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Each layer also reads the sequence backwards, so y^t sees the whole sequence; the layer's output is twice as wide.</source>
            <translation>每一层也从句尾往回读序列，所以 y^t 看过整个序列；该层的输出宽度加倍。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Recurrence: the previous hidden output a^{t−1} also feeds z, z_i, z_f and z_o (the full LSTM). Off: they see only the input x^t, as in the lecture's worked example.</source>
            <translation>循环连接：上一个时间点隐藏层的输出 a^{t−1} 也输入到 z、z_i、z_f 和 z_o（完整的 LSTM）。关闭时它们只看输入 x^t，和课堂上的计算例子一样。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Peephole: the memory c^{t−1} also feeds z, z_i, z_f and z_o.</source>
            <translation>Peephole：memory 里的 c^{t−1} 也输入到 z、z_i、z_f 和 z_o。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>f: the gate function, applied to z_i, z_f and z_o; sigmoid keeps each gate between 0 (closed) and 1 (open).</source>
            <translation>f：门函数，作用在 z_i、z_f 和 z_o 上；sigmoid 让每个门的值在 0（关闭）和 1（打开）之间。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>g: applied to z, the value to store: c′ = g(z)·f(z_i) + c·f(z_f).</source>
            <translation>g：作用在 z（要存入的值）上：c′ = g(z)·f(z_i) + c·f(z_f)。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>h: applied to the memory before the output gate: a = h(c′)·f(z_o).</source>
            <translation>h：在输出门之前作用在 memory 上：a = h(c′)·f(z_o)。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Starting bias of the forget-gate signal z_f for new cells: a large value makes f(z_f) ≈ 1, so the cell remembers by default. Weights that already exist are kept.</source>
            <translation>新单元的遗忘门信号 z_f 的初始偏置：取较大的值会让 f(z_f) ≈ 1，单元默认就会记住。已有的权重保持不变。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>How many outputs y^t the Jordan layer has: they are what its memory stores.</source>
            <translation>Jordan 层的输出 y^t 有几个：它们就是 memory 里保存的值。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>σ_y: the function of the Jordan layer's output y^t = σ_y(W_y a^t + b_y).</source>
            <translation>σ_y：Jordan 层输出的激活函数 y^t = σ_y(W_y a^t + b_y)。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Clock period of each module, fastest first: a module with period T updates only at steps t with t mod T = 0 and keeps its value otherwise. Each module needs at least one unit.</source>
            <translation>每个模块的时钟周期，最快的在前：周期为 T 的模块只在满足 t mod T = 0 的时间点 t 更新，其余时间点保持原值。每个模块至少需要一个神经元。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Slow context units s: their memory fades by a fixed α each step instead of through learned weights.</source>
            <translation>慢速上下文单元 s：它们的 memory 每一步按固定的 α 衰减，而不是通过学出来的权重。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>α: how much of the context s^{t−1} is kept each step: s^t = (1 − α)·B x^t + α·s^{t−1}. Close to 1 remembers longer.</source>
            <translation>α：每一步保留多少上下文 s^{t−1}：s^t = (1 − α)·B x^t + α·s^{t−1}。越接近 1 记得越久。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The memory weights W_a start as this number times the identity matrix (new cells only; weights that already exist are kept).</source>
            <translation>memory 的权重 W_a 初始化为这个数乘以单位矩阵（只用于新单元；已有的权重保持不变）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>σ_y of the output layer y^t = σ_y(W a^t + b); identity means no output layer: y^t = a^t.</source>
            <translation>输出层的 σ_y：y^t = σ_y(W a^t + b)；恒等表示没有输出层：y^t = a^t。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>How many outputs y^t. With no output layer (identity) y^t = a^t, so it equals the top layer's width.</source>
            <translation>输出 y^t 有几个。没有输出层（恒等）时 y^t = a^t，所以它等于最上面一层的宽度。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Whether the output layer adds a bias b to W a^t.</source>
            <translation>输出层是否在 W a^t 上加偏置 b。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Fixed by the scene's word encoding: one input per dimension of the encoded word.</source>
            <translation>由场景的词汇编码决定：编码后词向量的每个维度对应一个输入。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>How many numbers each input vector x^t has.</source>
            <translation>每个输入向量 x^t 有几个数。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>σ: the function of the candidate n = σ(W x^t + r·(W a^{t−1})).</source>
            <translation>σ：候选值的激活函数 n = σ(W x^t + r·(W a^{t−1}))。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>σ: the function applied to each unit's weighted sum: a^t = σ(W_x x^t + b).</source>
            <translation>σ：作用在每个神经元加权和上的激活函数：a^t = σ(W_x x^t + b)。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>σ: the function applied to each unit's weighted sum: a^t = σ(W_x x^t + W_a a^{t−1} + b).</source>
            <translation>σ：作用在每个神经元加权和上的激活函数：a^t = σ(W_x x^t + W_a a^{t−1} + b)。</translation>
        </message>
        <message>
            <location line="+69" />
            <source>The layers differ ({kinds}). The form shows layer 1; a field you change is set on every layer.</source>
            <translation>各层不一样（{kinds}）。表单显示第 1 层；你修改的字段会应用到每一层。</translation>
        </message>
        <message>
            <location line="+179" />
            <source>Write whole numbers separated by commas, e.g. 1, 2, 4, 8.</source>
            <translation>请写用逗号分隔的整数，例如 1, 2, 4, 8。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A clock period is a number of steps: at least 1.</source>
            <translation>时钟周期是步数：至少为 1。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>List the periods from the fastest module to the slowest (smallest first).</source>
            <translation>按从最快到最慢的模块列出周期（小的在前）。</translation>
        </message>
        <message>
            <location line="+12" />
            <source>{modules} clock modules need at least {modules} units; layer {layer} has {units}. Add units or remove periods.</source>
            <translation>{modules} 个时钟模块至少需要 {modules} 个神经元；第 {layer} 层只有 {units} 个。请增加神经元或删掉一些周期。</translation>
        </message>
        <message>
            <location line="+8" />
            <source>With no output layer (identity) y^t = a^t: the output size is the top layer's width, {width}, not {size}. Choose an output activation to get {size} outputs.</source>
            <translation>没有输出层（恒等）时 y^t = a^t：输出维度等于最上面一层的宽度 {width}，而不是 {size}。选择一个输出激活函数才能得到 {size} 个输出。</translation>
        </message>
        <message>
            <location line="+55" />
            <source>1 bidirectional layer</source>
            <translation>1 个双向层</translation>
        </message>
        <message>
            <location line="+0" />
            <source>1 layer</source>
            <translation>1 层</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{layers} bidirectional layers</source>
            <translation>{layers} 个双向层</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{layers} layers</source>
            <translation>{layers} 层</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1 unit</source>
            <translation>1 个神经元</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{units} units</source>
            <translation>{units} 个神经元</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{low}–{high} units</source>
            <translation>{low}–{high} 个神经元</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{name}, {layers} × {width}</source>
            <translation>{name}，{layers} × {width}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>1 parameter</source>
            <translation>1 个参数</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{count} parameters</source>
            <translation>{count} 个参数</translation>
        </message>
        <message>
            <location line="+11" />
            <source>{ratio}× the parameters of a simple RNN of the same width</source>
            <translation>参数量是同样宽度的简单 RNN 的 {ratio} 倍</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{architecture}, {ratio}: {total}</source>
            <translation>{architecture}，{ratio}：{total}</translation>
        </message>
        <message>
            <location line="+0" />
            <source>{architecture}: {total}</source>
            <translation>{architecture}：{total}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>One layer of {width} on {inputs} inputs: simple RNN {simple} · LSTM {lstm} ({ratio}×) · GRU {gru}. With 2 gates instead of 3 the GRU has ¾ of the LSTM's weights: {gru_w} of {lstm_w}.</source>
            <translation>{inputs} 个输入上的一层 {width}：简单 RNN {simple} · LSTM {lstm}（{ratio}×）· GRU {gru}。GRU 只有 2 个门而不是 3 个，所以权重只有 LSTM 的 ¾：{gru_w} / {lstm_w}。</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <location filename="../../simulator/gui/commands.py" line="+36" />
            <source>Set {name} from {old} to {new}</source>
            <translation>把 {name} 从 {old} 改为 {new}</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Edit the input sequence</source>
            <translation>编辑输入序列</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Edit the sentence</source>
            <translation>编辑句子</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Change the network</source>
            <translation>修改网络</translation>
        </message>
    </context>
    <context>
        <name>ExplainPanel</name>
        <message>
            <location filename="../../simulator/gui/panels/explain_panel.py" line="+39" />
            <source>Click any value in a view to see how it was computed</source>
            <translation>点击视图中的任意数值，看看它是怎么算出来的</translation>
        </message>
        <message>
            <location line="+17" />
            <location line="+7" />
            <source>Why is this number what it is?</source>
            <translation>这个数为什么是这样？</translation>
        </message>
        <message>
            <location line="-6" />
            <source>Click a neuron, a memory box or a gate to see its arithmetic with the actual numbers.</source>
            <translation>点击一个神经元、一个 memory 方块或一个门，就能看到它用实际数值的计算过程。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Nothing has been fed yet: press → to feed x¹.</source>
            <translation>还没有输入任何值：按 → 输入 x¹。</translation>
        </message>
        <message>
            <location line="+7" />
            <source>This value cannot be explained for the current network.</source>
            <translation>对当前网络无法解释这个数值。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{symbol} at step t = {t}</source>
            <translation>时间点 t = {t} 的 {symbol}</translation>
        </message>
    </context>
    <context>
        <name>GruCellView</name>
        <message>
            <location filename="../../simulator/gui/views/cell_view.py" line="+1043" />
            <source>This network has no GRU layer. Choose GRU in the builder to see its cell.</source>
            <translation>这个网络没有 GRU 层。在网络构建器里选择 GRU 才能看到它的单元。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>r: the reset gate. 1 lets the candidate see the old memory, 0 hides it.</source>
            <translation>r：重置门。1 让候选值看到旧的 memory，0 把它挡住。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>z: the update gate. z keeps the old memory while 1 − z lets the candidate in: one gate is both the forget and the input gate.</source>
            <translation>z：更新门。z 保留旧的 memory，1 − z 让候选值进来：一个门同时是遗忘门和输入门。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>1 − z: how much of the candidate n goes in — the other side of the update gate.</source>
            <translation>1 − z：候选值 n 放进来多少——更新门的另一面。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>n: the candidate, tanh of the input part plus r times the memory part.</source>
            <translation>n：候选值，输入部分加上 r 乘以 memory 部分，再通过 tanh。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The candidate's sum before tanh: the input part plus r·(the memory part).</source>
            <translation>候选值在 tanh 之前的加权和：输入部分加上 r·(memory 部分)。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a: the memory, which is also the cell's output. After the step a′ = (1 − z)·n + z·a.</source>
            <translation>a：memory，也是这个单元的输出。这一步之后 a′ = (1 − z)·n + z·a。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Out with the old, in with the new: z keeps the old memory and 1 − z lets the candidate in, so forgetting and storing are one gate.</source>
            <translation>旧的不去，新的不来：z 保留旧的 memory，1 − z 让候选值进来，所以遗忘和存入由同一个门决定。</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Nothing fed yet: the memory holds its initial value. Press → to feed x¹.</source>
            <translation>还没有输入：memory 保存的是初始值。按 → 输入 x¹。</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+45" />
            <source>the candidate: the reset gate r sets how much of the old memory it sees</source>
            <translation>候选值：重置门 r 决定它能看到多少旧的 memory</translation>
        </message>
        <message>
            <location line="+66" />
            <source>keeps</source>
            <translation>保留</translation>
        </message>
        <message>
            <location line="+1" />
            <source>lets in</source>
            <translation>放进</translation>
        </message>
    </context>
    <context>
        <name>HeatmapView</name>
        <message>
            <location filename="../../simulator/gui/views/heatmap_view.py" line="+65" />
            <source>hidden output</source>
            <translation>隐藏层输出</translation>
        </message>
        <message>
            <location line="+0" />
            <source>memory</source>
            <translation>memory</translation>
        </message>
        <message>
            <location line="+1" />
            <source>input gate</source>
            <translation>输入门</translation>
        </message>
        <message>
            <location line="+0" />
            <source>forget gate</source>
            <translation>遗忘门</translation>
        </message>
        <message>
            <location line="+1" />
            <source>output gate</source>
            <translation>输出门</translation>
        </message>
        <message>
            <location line="+0" />
            <source>reset gate</source>
            <translation>重置门</translation>
        </message>
        <message>
            <location line="+1" />
            <source>update gate</source>
            <translation>更新门</translation>
        </message>
        <message>
            <location line="+0" />
            <source>output</source>
            <translation>输出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>slow context</source>
            <translation>慢速上下文</translation>
        </message>
        <message>
            <location line="+0" />
            <source>memory (Jordan)</source>
            <translation>memory（Jordan）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>clock ticks</source>
            <translation>时钟走动</translation>
        </message>
        <message>
            <location line="+9" />
            <source>a^t: the hidden layer's output at step t, stored to memory for the next step</source>
            <translation>a^t：隐藏层在时间点 t 的输出，存到 memory 里供下一个时间点使用</translation>
        </message>
        <message>
            <location line="+2" />
            <source>c′: the memory cell after step t, c′ = g(z)·f(z_i) + c·f(z_f)</source>
            <translation>c′：时间点 t 之后记忆单元的值，c′ = g(z)·f(z_i) + c·f(z_f)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>f(z_i): the input gate; 1 lets the new value g(z) into the memory, 0 keeps it out</source>
            <translation>f(z_i)：输入门；1 让新的值 g(z) 进入 memory，0 把它挡在外面</translation>
        </message>
        <message>
            <location line="+2" />
            <source>f(z_f): the forget gate; 1 keeps the memory, 0 forgets it</source>
            <translation>f(z_f)：遗忘门；1 保留 memory，0 把它忘掉</translation>
        </message>
        <message>
            <location line="+1" />
            <source>f(z_o): the output gate; 1 lets h(c′) out as a, 0 holds it back</source>
            <translation>f(z_o)：输出门；1 让 h(c′) 作为 a 输出，0 把它拦住</translation>
        </message>
        <message>
            <location line="+1" />
            <source>r: the reset gate; 0 makes the candidate ignore the previous hidden output</source>
            <translation>r：重置门；0 让候选值忽略上一个隐藏层输出</translation>
        </message>
        <message>
            <location line="+2" />
            <source>z: the update gate; 1 keeps the previous hidden output, 0 takes the candidate</source>
            <translation>z：更新门；1 保留上一个隐藏层输出，0 采用候选值</translation>
        </message>
        <message>
            <location line="+2" />
            <source>y^t: the network's output at step t</source>
            <translation>y^t：网络在时间点 t 的输出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>s^t: the slowly changing context units</source>
            <translation>s^t：变化缓慢的上下文单元</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the previous output y^(t−1), kept as memory (Jordan network)</source>
            <translation>上一个输出 y^(t−1)，作为 memory 保存（Jordan Network）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1 where a module's clock ticks at step t, 0 where it keeps its value</source>
            <translation>模块的时钟在时间点 t 走一下时为 1，保持原值时为 0</translation>
        </message>
        <message>
            <location line="+229" />
            <source>Feed an input sequence to see the values over time</source>
            <translation>输入一个序列，就能看到数值随时间的变化</translation>
        </message>
        <message>
            <location line="+42" />
            <source>t (step)</source>
            <translation>t（时间点）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>t: the time step; column t shows the values after the input x^t was fed</source>
            <translation>t：时间点；第 t 列显示输入 x^t 之后的数值</translation>
        </message>
        <message>
            <location line="+108" />
            <source>layer {n}</source>
            <translation>第 {n} 层</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Colours: 0 (closed) … 1 (open).</source>
            <translation>颜色：0（关闭）… 1（打开）。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Colours: blue negative, orange positive; the scale is symmetric around 0.</source>
            <translation>颜色：蓝色为负，橙色为正；刻度以 0 为中心对称。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>units of the layer, numbered from 1</source>
            <translation>这一层的神经元，从 1 开始编号</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Colour scale: {low} … {high}</source>
            <translation>颜色刻度：{low} … {high}</translation>
        </message>
        <message>
            <location line="+25" />
            <source>{name} ({words}), unit {unit}, t = {t}: {value}</source>
            <translation>{name}（{words}），神经元 {unit}，t = {t}：{value}</translation>
        </message>
    </context>
    <context>
        <name>LstmCellView</name>
        <message>
            <location filename="../../simulator/gui/views/cell_view.py" line="-338" />
            <source>This network has no LSTM layer. Choose LSTM in the builder to see its cell.</source>
            <translation>这个网络没有 LSTM 层。在网络构建器里选择 LSTM 才能看到它的单元。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>z: the value offered to the memory (the cell's input), a weighted sum of the inputs.</source>
            <translation>z：想要存到 memory 里的值（单元的输入），是输入的加权和。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>g(z): z through the input activation g — what goes into the memory when the input gate is fully open.</source>
            <translation>g(z)：z 通过输入激活函数 g——输入门完全打开时进入 memory 的值。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>z_i: the input gate's signal. Through f (a sigmoid) it opens or closes the input gate.</source>
            <translation>z_i：操控输入门的信号。通过 f（sigmoid）打开或关闭输入门。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>f(z_i): the input gate. 1 lets g(z) into the memory, 0 keeps it out.</source>
            <translation>f(z_i)：输入门。1 让 g(z) 进入 memory，0 把它挡在外面。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>z_f: the forget gate's signal. Through f it sets how much of the memory is kept.</source>
            <translation>z_f：操控遗忘门的信号。通过 f 决定 memory 保留多少。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>f(z_f): the forget gate. 1 keeps the memory, 0 erases it — the opposite of what its name suggests.</source>
            <translation>f(z_f)：遗忘门。1 保留 memory，0 把它洗掉——跟我们直觉的想法是相反的。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>z_o: the output gate's signal. Through f it opens or closes the output gate.</source>
            <translation>z_o：操控输出门的信号。通过 f 打开或关闭输出门。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>f(z_o): the output gate. 1 lets h(c′) out as a, 0 lets nothing out.</source>
            <translation>f(z_o)：输出门。1 让 h(c′) 作为 a 输出，0 什么都不让出去。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>c: the memory cell. Before the step it holds c; after it, c′ = g(z)·f(z_i) + c·f(z_f).</source>
            <translation>c：记忆单元。这一步之前存的是 c；之后是 c′ = g(z)·f(z_i) + c·f(z_f)。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>h(c′): the new memory through the output activation h.</source>
            <translation>h(c′)：新的 memory 通过输出激活函数 h。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a = h(c′)·f(z_o): the cell's output, what the rest of the network sees.</source>
            <translation>a = h(c′)·f(z_o)：单元的输出，网络其余部分看到的值。</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Nothing fed yet: the memory holds its initial value. Press → to feed x¹.</source>
            <translation>还没有输入：memory 保存的是初始值。按 → 输入 x¹。</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+45" />
            <source>new memory = what the input gate lets in + what the forget gate keeps</source>
            <translation>新的 memory = 输入门放进来的 + 遗忘门保留的</translation>
        </message>
        <message>
            <location line="-43" />
            <location line="+46" />
            <source>output = the new memory through h, let out by the output gate</source>
            <translation>输出 = 新的 memory 通过 h，再由输出门放出去</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../simulator/gui/main_window.py" line="-374" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The translation file for {language} is missing; staying in English.</source>
            <translation>缺少 {language} 的翻译文件；继续使用英文。</translation>
        </message>
        <message>
            <location line="+105" />
            <source>No inputs</source>
            <translation>没有输入</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Step {step} of {steps}</source>
            <translation>第 {step} 步，共 {steps} 步</translation>
        </message>
        <message>
            <location line="+2" />
            <source>some values overflowed (shown as ∞ or NaN)</source>
            <translation>有些值溢出了（显示为 ∞ 或 NaN）</translation>
        </message>
        <message>
            <location line="+9" />
            <source>A weight must be a finite number</source>
            <translation>权重必须是有限的数</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Edit {name}</source>
            <translation>编辑 {name}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Edit weight matrix</source>
            <translation>编辑权重矩阵</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Parameter:</source>
            <translation>参数：</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Unsaved changes</source>
            <translation>未保存的修改</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The project has unsaved changes. Save them first?</source>
            <translation>项目有未保存的修改。要先保存吗？</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Scene</source>
            <translation>场景</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Open project</source>
            <translation>打开项目</translation>
        </message>
        <message>
            <location line="+1" />
            <source>RNN Simulator projects (*.json);;All files (*)</source>
            <translation>RNN Simulator 项目 (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Cannot open the file</source>
            <translation>无法打开文件</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Save project</source>
            <translation>保存项目</translation>
        </message>
        <message>
            <location line="+1" />
            <source>RNN Simulator projects (*.json)</source>
            <translation>RNN Simulator 项目 (*.json)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Cannot save</source>
            <translation>无法保存</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+14" />
            <source>Import PyTorch weights</source>
            <translation>导入 PyTorch 权重</translation>
        </message>
        <message>
            <location line="-13" />
            <source>PyTorch state_dict saved with numpy.savez (*.npz)</source>
            <translation>用 numpy.savez 保存的 PyTorch state_dict (*.npz)</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Which module saved these weights?</source>
            <translation>这些权重是哪个模块保存的？</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Cannot import the weights</source>
            <translation>无法导入权重</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Import {name}</source>
            <translation>导入 {name}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Export the current view</source>
            <translation>导出当前视图</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cannot export</source>
            <translation>无法导出</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Could not write {path}</source>
            <translation>无法写入 {path}</translation>
        </message>
        <message>
            <location line="+52" />
            <source>Recover unsaved work?</source>
            <translation>恢复未保存的工作？</translation>
        </message>
        <message>
            <location line="+1" />
            <source>RNN Simulator did not close normally last time. Restore the unsaved project?</source>
            <translation>RNN Simulator 上次没有正常关闭。要恢复未保存的项目吗？</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Cannot recover</source>
            <translation>无法恢复</translation>
        </message>
        <message>
            <location line="+15" />
            <source>→ or Space</source>
            <translation>→ 或空格</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location line="+5" />
            <source>About RNN Simulator</source>
            <translation>关于 RNN Simulator</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&lt;b&gt;RNN Simulator&lt;/b&gt; {version}&lt;br&gt;The recurrent networks of the lecture — Elman, Jordan, LSTM, GRU and more — step by step.</source>
            <translation>&lt;b&gt;RNN Simulator&lt;/b&gt; {version}&lt;br&gt;一步一步地看课堂上的循环神经网络——Elman、Jordan、LSTM、GRU 等等。</translation>
        </message>
        <message>
            <location filename="../../simulator/gui/main_window.py" line="+301" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Panels</source>
            <translation>面板(&amp;P)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Scenes</source>
            <translation>场景(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;New</source>
            <translation>新建(&amp;N)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Start a new network (a simple RNN of the lecture)</source>
            <translation>新建一个网络（课堂上的简单 RNN）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Open…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Open a project file</source>
            <translation>打开项目文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Save the project</source>
            <translation>保存项目</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save &amp;As…</source>
            <translation>另存为(&amp;A)…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Save the project under a new name</source>
            <translation>用新名字保存项目</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Import PyTorch Weights…</source>
            <translation>导入 PyTorch 权重(&amp;I)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Load an nn.RNN, nn.LSTM or nn.GRU state_dict saved with numpy.savez</source>
            <translation>载入用 numpy.savez 保存的 nn.RNN、nn.LSTM 或 nn.GRU 的 state_dict</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Export…</source>
            <translation>导出(&amp;E)…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Save a picture of the current view</source>
            <translation>把当前视图保存为图片</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Close RNN Simulator</source>
            <translation>关闭 RNN Simulator</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit Weight &amp;Matrix…</source>
            <translation>编辑权重矩阵(&amp;M)…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Edit a whole weight matrix or bias vector</source>
            <translation>编辑整个权重矩阵或偏置向量</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reset &amp;Memory to Zero</source>
            <translation>将 memory 清零(&amp;M)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Set the initial memory values to 0</source>
            <translation>把 memory 的初始值设为 0</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zoom &amp;In</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Larger numbers and labels</source>
            <translation>更大的数字和标签</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zoom &amp;Out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Smaller numbers and labels</source>
            <translation>更小的数字和标签</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reset Zoom</source>
            <translation>重置缩放(&amp;R)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The default size</source>
            <translation>默认大小</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Light</source>
            <translation>浅色(&amp;L)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Dark text on a light background</source>
            <translation>浅色背景上的深色文字</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Dark</source>
            <translation>深色(&amp;D)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Light text on a dark background</source>
            <translation>深色背景上的浅色文字</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Keyboard Shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>List the keys</source>
            <translation>列出按键</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About RNN Simulator</source>
            <translation>关于 RNN Simulator(&amp;A)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Undo</source>
            <translation>撤消(&amp;U)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Network builder</source>
            <translation>网络构建器</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Input sequence</source>
            <translation>输入序列</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why this number?</source>
            <translation>这个数怎么来的？</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Network</source>
            <translation>网络</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cell</source>
            <translation>单元</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Unrolled</source>
            <translation>按时间展开</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Heatmaps</source>
            <translation>热力图</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The network with its current values; click a value to see its arithmetic</source>
            <translation>网络及其当前的值；点击一个值可以看到它的计算过程</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Inside one LSTM or GRU cell: gates as valves, the memory as a tank</source>
            <translation>一个 LSTM 或 GRU 单元的内部：门是阀门，memory 是水箱</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The same network used once per step, weights shared</source>
            <translation>同一个网络在每个时间点用一次，权重共享</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hidden values, memory and gates against time</source>
            <translation>隐藏层的值、memory 和门随时间的变化</translation>
        </message>
        <message>
            <location line="+376" />
            <source>Feed the next input (one step)</source>
            <translation>输入下一个值（前进一步）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>←</source>
            <translation>←</translation>
        </message>
        <message>
            <location line="+0" />
            <source>One step back</source>
            <translation>后退一步</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Home / End</source>
            <translation>Home / End</translation>
        </message>
        <message>
            <location line="+0" />
            <source>First / last step</source>
            <translation>第一步 / 最后一步</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Undo</source>
            <translation>撤消</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open a project</source>
            <translation>打开项目</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit a weight matrix</source>
            <translation>编辑权重矩阵</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zoom in / out / reset</source>
            <translation>放大 / 缩小 / 重置</translation>
        </message>
    </context>
    <context>
        <name>MatrixEditor</name>
        <message>
            <location filename="../../simulator/gui/panels/matrix_editor.py" line="+39" />
            <source>Type a number, for example 1 or −0.5.</source>
            <translation>请输入一个数，例如 1 或 −0.5。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>“{text}” is not a number.</source>
            <translation>“{text}”不是一个数。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>A weight must be a finite number, not {text}.</source>
            <translation>权重必须是有限的数，不能是 {text}。</translation>
        </message>
        <message>
            <location line="+32" />
            <source>layer {n}</source>
            <translation>第 {n} 层</translation>
        </message>
    </context>
    <context>
        <name>MatrixEditorDialog</name>
        <message>
            <location line="+136" />
            <location line="+59" />
            <source>Set all to…</source>
            <translation>全部设为…</translation>
        </message>
        <message>
            <location line="-59" />
            <source>Value for every entry:</source>
            <translation>每个元素的值：</translation>
        </message>
        <message>
            <location line="+36" />
            <source>{reason} The entry keeps its value {old}.</source>
            <translation>{reason} 该元素保持原值 {old}。</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Edit {key}</source>
            <translation>编辑 {key}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{key}: a vector of {n} biases, one per row.</source>
            <translation>{key}：{n} 个偏置组成的向量，每行一个。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{key}: {rows} × {cols} weights. Row = the unit that receives, column = the unit it reads from.</source>
            <translation>{key}：{rows} × {cols} 个权重。行 = 接收的神经元，列 = 它读取的神经元。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Identity</source>
            <translation>单位矩阵</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1 on the diagonal, 0 elsewhere (square matrices only)</source>
            <translation>对角线为 1，其余为 0（仅限方阵）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zero</source>
            <translation>全零</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set every entry to 0</source>
            <translation>把每个元素设为 0</translation>
        </message>
    </context>
    <context>
        <name>NetworkView</name>
        <message>
            <location filename="../../simulator/gui/views/network_view.py" line="+440" />
            <source>x · input</source>
            <translation>x · 输入</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The input vector x fed at this step, one box per number</source>
            <translation>这一步输入的向量 x，每个数一个方块</translation>
        </message>
        <message>
            <location line="+25" />
            <source>y · output ({activation})</source>
            <translation>y · 输出（{activation}）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The network's output y at this step</source>
            <translation>网络在这一步的输出 y</translation>
        </message>
        <message>
            <location line="+22" />
            <source>a · layer {n}: {kind}</source>
            <translation>a · 第 {n} 层：{kind}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>→ forward, ← reverse</source>
            <translation>→ 正向，← 反向</translation>
        </message>
        <message>
            <location line="+5" />
            <source>LSTM cells: each has four input signals z, z_i, z_f, z_o and a memory cell c</source>
            <translation>LSTM 单元：每个都有 4 个输入信号 z、z_i、z_f、z_o 和一个记忆单元 c</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GRU cells: each has the signals r (reset), z (update) and n (candidate)</source>
            <translation>GRU 单元：每个都有信号 r（重置）、z（更新）和 n（候选值）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A layer without memory: the same input always gives the same output</source>
            <translation>没有 memory 的层：相同的输入总是得到相同的输出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Hidden units: each adds up its weighted inputs and its weighted memory</source>
            <translation>隐藏层神经元：每个都把加权的输入和加权的 memory 加起来</translation>
        </message>
        <message>
            <location line="+4" />
            <source>s · layer {n}: slow context, α = {alpha}</source>
            <translation>s · 第 {n} 层：慢速上下文，α = {alpha}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Context units s change slowly: s = (1 − α)·B x + α·s of the last step</source>
            <translation>上下文单元 s 变化缓慢：s = (1 − α)·B x + α·（上一步的 s）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>y · layer {n}: Jordan output</source>
            <translation>y · 第 {n} 层：Jordan 输出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A Jordan layer stores its output y, not its hidden a</source>
            <translation>Jordan 层保存它的输出 y，而不是隐藏层的 a</translation>
        </message>
        <message>
            <location line="+7" />
            <source>memory cell c</source>
            <translation>记忆单元 c</translation>
        </message>
        <message>
            <location line="+0" />
            <source>memory: context s</source>
            <translation>memory：上下文 s</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+497" />
            <location line="+322" />
            <source>memory</source>
            <translation>memory</translation>
        </message>
        <message>
            <location line="-328" />
            <source>positive weight</source>
            <translation>正权重</translation>
        </message>
        <message>
            <location line="+1" />
            <source>negative weight</source>
            <translation>负权重</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(thicker = larger |w|)</source>
            <translation>（越粗 = |w| 越大）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>copied to memory</source>
            <translation>复制到 memory</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+331" />
            <source>hidden</source>
            <translation>隐藏层</translation>
        </message>
        <message>
            <location line="-330" />
            <location line="+321" />
            <source>output</source>
            <translation>输出层</translation>
        </message>
        <message>
            <location line="-319" />
            <source>Click a unit: why this number? Click a weight or a bias (b): change it.</source>
            <translation>点击神经元：这个数怎么来的？点击权重或偏置 (b)：修改它。</translation>
        </message>
        <message>
            <location line="+259" />
            <location line="+196" />
            <source>Enter ↵ sets it · Esc cancels</source>
            <translation>Enter ↵ 确定 · Esc 取消</translation>
        </message>
        <message>
            <location line="-167" />
            <source>Change {name}…</source>
            <translation>修改 {name}…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Edit matrix {key}…</source>
            <translation>编辑矩阵 {key}…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Why is {symbol} this number?</source>
            <translation>{symbol} 为什么是这个数？</translation>
        </message>
        <message>
            <location line="+22" />
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <location line="+6" />
            <source>gate signal</source>
            <translation>门信号</translation>
        </message>
        <message>
            <location line="+0" />
            <source>cell input</source>
            <translation>单元输入</translation>
        </message>
        <message>
            <location line="+2" />
            <source>context</source>
            <translation>上下文</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Jordan output</source>
            <translation>Jordan 输出</translation>
        </message>
        <message>
            <location line="+7" />
            <source>input number {n}</source>
            <translation>第 {n} 个输入</translation>
        </message>
        <message>
            <location line="+2" />
            <source>output number {n}</source>
            <translation>第 {n} 个输出</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the LSTM's memory cell: c′ = g(z)·f(z_i) + c·f(z_f) is kept for the next step</source>
            <translation>LSTM 的记忆单元：c′ = g(z)·f(z_i) + c·f(z_f) 保存到下一步</translation>
        </message>
        <message>
            <location line="+1" />
            <source>slow context s{n} kept for the next step</source>
            <translation>为下一步保存的慢速上下文 s{n}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>memory: holds the output y{n} of the last step (Jordan)</source>
            <translation>memory：保存上一步的输出 y{n}（Jordan）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>memory: holds a{n} of the last step; read at the next step</source>
            <translation>memory：保存上一步的 a{n}；在下一步被读取</translation>
        </message>
        <message>
            <location line="+4" />
            <source>z: the cell input; g(z) is what may be stored</source>
            <translation>z：单元的输入；g(z) 是可能被存入的值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>z_i: the input gate's signal; f(z_i) = 1 lets g(z) into the memory</source>
            <translation>z_i：操控输入门的信号；f(z_i) = 1 让 g(z) 进入 memory</translation>
        </message>
        <message>
            <location line="+1" />
            <source>z_f: the forget gate's signal; f(z_f) = 1 keeps the memory, 0 forgets it</source>
            <translation>z_f：操控遗忘门的信号；f(z_f) = 1 保留 memory，0 把它忘掉</translation>
        </message>
        <message>
            <location line="+1" />
            <source>z_o: the output gate's signal; f(z_o) = 1 lets h(c′) out</source>
            <translation>z_o：操控输出门的信号；f(z_o) = 1 让 h(c′) 输出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>r: the reset gate; r = 0 ignores the memory when proposing n</source>
            <translation>r：重置门；r = 0 时提出 n 会忽略 memory</translation>
        </message>
        <message>
            <location line="+1" />
            <source>z: the update gate; z = 1 keeps the old memory, z = 0 takes n</source>
            <translation>z：更新门；z = 1 保留旧的 memory，z = 0 采用 n</translation>
        </message>
        <message>
            <location line="+1" />
            <source>n: the candidate value proposed for the memory</source>
            <translation>n：为 memory 提出的候选值</translation>
        </message>
        <message>
            <location line="+3" />
            <source>LSTM cell {n}: its output a = h(c′)·f(z_o)</source>
            <translation>LSTM 单元 {n}：它的输出 a = h(c′)·f(z_o)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>GRU cell {n}: its output a′ = (1 − z)·n + z·a</source>
            <translation>GRU 单元 {n}：它的输出 a′ = (1 − z)·n + z·a</translation>
        </message>
        <message>
            <location line="+2" />
            <source>slow context unit {n}: s = (1 − α)·B x + α·s</source>
            <translation>慢速上下文单元 {n}：s = (1 − α)·B x + α·s</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Jordan output {n}: y is copied to memory after the step</source>
            <translation>Jordan 输出 {n}：这一步之后 y 被复制到 memory</translation>
        </message>
        <message>
            <location line="+1" />
            <source>hidden unit {n}'s output a (copied to memory after the step)</source>
            <translation>隐藏层神经元 {n} 的输出 a（这一步之后复制到 memory）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>its clock ticks every {period} steps; dashed: it keeps its value</source>
            <translation>它的时钟每 {period} 步走一下；虚线：保持原值</translation>
        </message>
        <message>
            <location line="+12" />
            <source>reverse pass (reads the sequence from the end)</source>
            <translation>反向（从句尾开始读序列）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>forward pass</source>
            <translation>正向</translation>
        </message>
        <message>
            <location line="+3" />
            <source>initial value: {value}</source>
            <translation>初始值：{value}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>after step {t}: {value}</source>
            <translation>第 {t} 步之后：{value}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>at step {t}: {value}</source>
            <translation>第 {t} 步：{value}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Click: why is it this number?</source>
            <translation>点击：这个数怎么来的？</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+6" />
            <source>{key}, flat index {index}</source>
            <translation>{key}，展平索引 {index}</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Click to change it; right-click to edit the whole matrix</source>
            <translation>点击修改；右键编辑整个矩阵</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{title}: the bias of {role} {symbol}, added to its weighted sum</source>
            <translation>{title}：{role} {symbol} 的偏置，加到它的加权和上</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Click to change it; right-click to edit the whole vector</source>
            <translation>点击修改；右键编辑整个向量</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Copy: after the step, {source} is stored in the memory box {target}</source>
            <translation>复制：这一步之后，{source} 被存到 memory 方块 {target} 里</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The cell reads its memory {source}: c′ = g(z)·f(z_i) + c·f(z_f)</source>
            <translation>单元读取它的 memory {source}：c′ = g(z)·f(z_i) + c·f(z_f)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Fixed, not learned: {target} keeps α = {alpha} of its last value</source>
            <translation>固定的，不是学出来的：{target} 保留上一个值的 α = {alpha}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No output layer: {target} = {source}</source>
            <translation>没有输出层：{target} = {source}</translation>
        </message>
    </context>
    <context>
        <name>PlayerBar</name>
        <message>
            <location filename="../../simulator/gui/panels/player.py" line="+214" />
            <source>First: back to the start, nothing fed yet (Home)</source>
            <translation>第一步：回到开头，还没有输入任何值（Home）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Back one step (← or Page Up)</source>
            <translation>后退一步（← 或 Page Up）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Feed the next input x^t: one step forward (→, Space or Page Down)</source>
            <translation>输入下一个 x^t：前进一步（→、空格或 Page Down）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Last: feed every input (End)</source>
            <translation>最后一步：输入所有的值（End）</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+12" />
            <source>First step</source>
            <translation>第一步</translation>
        </message>
        <message>
            <location line="-11" />
            <source>Back</source>
            <translation>后退</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Step</source>
            <translation>前进</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+10" />
            <source>Last step</source>
            <translation>最后一步</translation>
        </message>
        <message>
            <location line="-9" />
            <source>Timeline: how many inputs have been fed. Drag to go to a step.</source>
            <translation>时间轴：已经输入了多少个值。拖动可以跳到某一步。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Speed</source>
            <translation>速度(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source> steps/s</source>
            <translation> 步/秒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Steps per second while playing</source>
            <translation>播放时每秒的步数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Animation</source>
            <translation>动画(&amp;A)</translation>
        </message>
        <message>
            <location line="+1" />
            <source> ms</source>
            <translation> 毫秒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>instant</source>
            <translation>立即</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How long the values take to move to a step's numbers (0 = jump)</source>
            <translation>数值变到这一步的结果所用的时间（0 = 直接跳过去）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Step forward</source>
            <translation>前进一步</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Step back</source>
            <translation>后退一步</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Play / pause</source>
            <translation>播放 / 暂停</translation>
        </message>
        <message>
            <location line="+21" />
            <source>step 0000 / 0000</source>
            <translation>第 0000 / 0000 步</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Pause (P)</source>
            <translation>暂停（P）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Play: one step after another (P)</source>
            <translation>播放：一步接一步（P）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location line="+44" />
            <source>step {step} / {steps}</source>
            <translation>第 {step} / {steps} 步</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Nothing fed yet: the memory holds its initial values</source>
            <translation>还没有输入：memory 保存的是初始值</translation>
        </message>
        <message>
            <location line="+2" />
            <source>t = {t}: the inputs x¹ … x^{t} have been fed</source>
            <translation>t = {t}：已经输入了 x¹ … x^{t}</translation>
        </message>
    </context>
    <context>
        <name>SequenceEditor</name>
        <message>
            <location filename="../../simulator/gui/panels/sequence_editor.py" line="+228" />
            <source>+ Step</source>
            <translation>+ 一步</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add a step of zeros after the selected step</source>
            <translation>在选中的一步之后加一个全零的步</translation>
        </message>
        <message>
            <location line="+1" />
            <source>− Step</source>
            <translation>− 一步</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove the selected steps</source>
            <translation>删除选中的步</translation>
        </message>
        <message>
            <location line="+1" />
            <source>↑</source>
            <translation>↑</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Move the selected steps one place earlier</source>
            <translation>把选中的步往前移一位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>↓</source>
            <translation>↓</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Move the selected steps one place later</source>
            <translation>把选中的步往后移一位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Paste</source>
            <translation>粘贴</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Paste cells copied from a spreadsheet (Ctrl+V) at the selected cell; the table grows as needed</source>
            <translation>把从电子表格复制的格子粘贴到选中的格子（Ctrl+V）；表格会按需要扩大</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Inline:</source>
            <translation>单行(&amp;I)：</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The whole sequence on one line: steps separated by ';', features by ','. Press Enter to apply.</source>
            <translation>整个序列写在一行：步之间用 ';' 分隔，特征之间用 ','。按 Enter 应用。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>1, 1; 1, 1; 2, 2</source>
            <translation>1, 1; 1, 1; 2, 2</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Sentence:</source>
            <translation>句子(&amp;S)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Type a sentence and press Enter: each word becomes one step x^t</source>
            <translation>输入一个句子并按 Enter：每个词汇成为一步 x^t</translation>
        </message>
        <message>
            <location line="+1" />
            <source>word</source>
            <translation>词汇</translation>
        </message>
        <message>
            <location line="+0" />
            <source>encoded as</source>
            <translation>编码为</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Which dimensions of x^t are set for this word</source>
            <translation>这个词汇在 x^t 中设为 1 的维度</translation>
        </message>
        <message>
            <location line="+104" />
            <source>Input feature {n} of every step</source>
            <translation>每一步的第 {n} 个输入特征</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+366" />
            <source>The input fed at step t = {t}</source>
            <translation>在时间点 t = {t} 输入的值</translation>
        </message>
        <message>
            <location line="-299" />
            <source>({n} cells need fixing)</source>
            <translation>（有 {n} 个格子需要修正）</translation>
        </message>
        <message>
            <location line="+24" />
            <source>the cell is empty</source>
            <translation>格子是空的</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{text} is not finite</source>
            <translation>{text} 不是有限的数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{text} is too large (the limit is ±{limit:g})</source>
            <translation>{text} 太大了（上限是 ±{limit:g}）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{text} is not a number</source>
            <translation>{text} 不是一个数</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Step {step}, {feature}</source>
            <translation>第 {step} 步，{feature}</translation>
        </message>
        <message>
            <location line="+30" />
            <location line="+160" />
            <source>{where}: {problem} — the old value {old} was kept</source>
            <translation>{where}：{problem}——保留了原值 {old}</translation>
        </message>
        <message>
            <location line="-102" />
            <source>A sequence has at most {n} steps</source>
            <translation>一个序列最多有 {n} 步</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Select the steps to remove first</source>
            <translation>请先选中要删除的步</translation>
        </message>
        <message>
            <location line="+4" />
            <source>A sequence needs at least one step: the last step was not removed</source>
            <translation>序列至少需要一步：最后一步没有被删除</translation>
        </message>
        <message>
            <location line="+47" />
            <source>The clipboard holds no values to paste</source>
            <translation>剪贴板里没有可粘贴的值</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Nothing was pasted: the values reach column {cols} from {feature}, but the network has {n} inputs per step</source>
            <translation>没有粘贴任何内容：从 {feature} 开始的值到了第 {cols} 列，但网络每一步只有 {n} 个输入</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Nothing was pasted: a sequence has at most {n} steps</source>
            <translation>没有粘贴任何内容：一个序列最多有 {n} 步</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Nothing was pasted: {where}: {problem}</source>
            <translation>没有粘贴任何内容：{where}：{problem}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(and {n} more problems)</source>
            <translation>（还有 {n} 个问题）</translation>
        </message>
        <message>
            <location line="+38" />
            <source>The sequence was not changed: {reason}</source>
            <translation>序列没有修改：{reason}</translation>
        </message>
        <message>
            <location line="+22" />
            <source>The word encoding cannot be used: {reason}</source>
            <translation>无法使用词汇编码：{reason}</translation>
        </message>
        <message>
            <location line="+41" />
            <source>cannot be encoded: {reason}</source>
            <translation>无法编码：{reason}</translation>
        </message>
        <message>
            <location line="+7" />
            <source>{dimension}  ({name}: not in the vocabulary)</source>
            <translation>{dimension}  （{name}：不在词典里）</translation>
        </message>
        <message>
            <location line="+48" />
            <source>word {n}: {reason}</source>
            <translation>第 {n} 个词汇：{reason}</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The sentence was not changed: {reason}</source>
            <translation>句子没有修改：{reason}</translation>
        </message>
    </context>
    <context>
        <name>UnrolledView</name>
        <message>
            <location filename="../../simulator/gui/views/unrolled_view.py" line="+423" />
            <source>x  input</source>
            <translation>x  输入</translation>
        </message>
        <message>
            <location line="+2" />
            <source>y  output</source>
            <translation>y  输出</translation>
        </message>
        <message>
            <location line="+2" />
            <source>layer {n}</source>
            <translation>第 {n} 层</translation>
        </message>
        <message>
            <location line="+84" />
            <source>The same network at every step:</source>
            <translation>每个时间点都是同一个网络：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>W_x input weights</source>
            <translation>W_x 输入权重</translation>
        </message>
        <message>
            <location line="+1" />
            <source>W_a memory weights (to the next step)</source>
            <translation>W_a memory 权重（到下一个时间点）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>W output weights</source>
            <translation>W 输出层权重</translation>
        </message>
        <message>
            <location line="+1" />
            <source>faded: not fed yet</source>
            <translation>淡色：还没有输入</translation>
        </message>
        <message>
            <location line="+106" />
            <source>t = {t}</source>
            <translation>t = {t}</translation>
        </message>
        <message>
            <location line="+108" />
            <source>{symbol} at step t = {t}: not fed yet</source>
            <translation>时间点 t = {t} 的 {symbol}：还没有输入</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{symbol} at step t = {t}: {value}</source>
            <translation>时间点 t = {t} 的 {symbol}：{value}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Click: why is it this number?</source>
            <translation>点击：这个数怎么来的？</translation>
        </message>
    </context>
    <context>
        <name>_GatedCellView</name>
        <message>
            <location filename="../../simulator/gui/views/cell_view.py" line="-502" />
            <source>Step {0} of {1}</source>
            <translation>第 {0} 步，共 {1} 步</translation>
        </message>
        <message>
            <location line="+9" />
            <source>open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location line="+2" />
            <source>closed</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+1" />
            <source>partly open</source>
            <translation>部分打开</translation>
        </message>
        <message>
            <location line="+5" />
            <source>open: keeps c</source>
            <translation>打开：保留 c</translation>
        </message>
        <message>
            <location line="+2" />
            <source>closed: erases c</source>
            <translation>关闭：洗掉 c</translation>
        </message>
        <message>
            <location line="+1" />
            <source>partly open: keeps part</source>
            <translation>部分打开：保留一部分</translation>
        </message>
        <message>
            <location line="+9" />
            <source>layer {0}</source>
            <translation>第 {0} 层</translation>
        </message>
        <message>
            <location line="+2" />
            <source>backward</source>
            <translation>反向</translation>
        </message>
        <message>
            <location line="+2" />
            <source>forward</source>
            <translation>正向</translation>
        </message>
        <message>
            <location line="+8" />
            <source>cell {0} of {1}</source>
            <translation>单元 {0} / {1}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Which layer's cells to show</source>
            <translation>显示哪一层的单元</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A layer has one memory cell per unit: which one to show</source>
            <translation>每个神经元有一个记忆单元：显示哪一个</translation>
        </message>
        <message>
            <location line="+44" />
            <source>Click to see the arithmetic with the numbers.</source>
            <translation>点击查看用实际数值的计算过程。</translation>
        </message>
    </context>
</TS>
