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
            <location line="+22" />
            <source>Change the network</source>
            <translation>修改网络</translation>
        </message>
        <message>
            <location filename="../../simulator/gui/views/slot_view.py" line="+100" />
            <source>Use the pre-trained {model} ({encoding})</source>
            <translation>使用预训练的 {model}（{encoding}）</translation>
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
        <name>ExportDialog</name>
        <message>
            <location filename="../../simulator/gui/export_dialog.py" line="+117" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;What:</source>
            <translation>导出内容(&amp;W)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Format:</source>
            <translation>格式(&amp;F)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Size:</source>
            <translation>尺寸(&amp;S)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Frame &amp;rate:</source>
            <translation>帧率(&amp;R)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>S&amp;teps:</source>
            <translation>时间点(&amp;T)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Seco&amp;nds per step:</source>
            <translation>每步秒数(&amp;N)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Animation per step:</source>
            <translation>每步动画时长(&amp;A)：</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Sa&amp;ve to:</source>
            <translation>保存到(&amp;V)：</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Network view</source>
            <translation>网络视图</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cell view</source>
            <translation>单元视图</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unrolled view</source>
            <translation>展开视图</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Heatmaps</source>
            <translation>热力图</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Network builder panel</source>
            <translation>网络构建器面板</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Input sequence panel</source>
            <translation>输入序列面板</translation>
        </message>
        <message>
            <location line="+1" />
            <source>“Why this number?” panel</source>
            <translation>“这个数怎么来的？”面板</translation>
        </message>
        <message>
            <location line="+1" />
            <source>“About this scene” panel</source>
            <translation>“关于这个场景”面板</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The whole window</source>
            <translation>整个窗口</translation>
        </message>
        <message>
            <location line="+1" />
            <source>GIF animation</source>
            <translation>GIF 动画</translation>
        </message>
        <message>
            <location line="+0" />
            <source>MP4 video (H.264)</source>
            <translation>MP4 视频（H.264）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PNG frames (a folder)</source>
            <translation>PNG 帧（一个文件夹）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One picture (PNG) of the last step</source>
            <translation>最后一步的单张图片（PNG）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One picture (SVG) of the last step</source>
            <translation>最后一步的单张图片（SVG）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location line="+1" />
            <source> frames/s</source>
            <translation> 帧/秒</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How long the values take to move at each step; the rest of the step holds still</source>
            <translation>每一步中数值变化的动画时长；该步的其余时间画面保持不动</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Step 0 is before the first input; step t shows the values after x^t</source>
            <translation>第 0 步是输入第一个值之前；第 t 步显示输入 x^t 之后的值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+97" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location line="-97" />
            <location line="+97" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="-58" />
            <source>One picture of step {step}</source>
            <translation>第 {step} 步的单张图片</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The first step comes after the last one</source>
            <translation>起始步在结束步之后</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{frames} frames, {seconds:.1f} s</source>
            <translation>{frames} 帧，{seconds:.1f} 秒</translation>
        </message>
        <message>
            <location line="+17" />
            <source>A folder for the PNG frames</source>
            <translation>存放 PNG 帧的文件夹</translation>
        </message>
        <message>
            <location line="+5" />
            <source>GIF animation (*.gif)</source>
            <translation>GIF 动画 (*.gif)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>MP4 video (*.mp4)</source>
            <translation>MP4 视频 (*.mp4)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>PNG image (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SVG drawing (*.svg)</source>
            <translation>SVG 矢量图 (*.svg)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Export to</source>
            <translation>导出到</translation>
        </message>
        <message>
            <location line="+38" />
            <location line="+25" />
            <source>Cannot export</source>
            <translation>无法导出</translation>
        </message>
        <message>
            <location line="-25" />
            <source>Choose where to save the export</source>
            <translation>请选择导出文件的保存位置</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The file name {name} does not fit the format {format}</source>
            <translation>文件名 {name} 与格式 {format} 不符</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Cancelled; nothing was written</source>
            <translation>已取消；没有写入任何文件</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Exported {path}</source>
            <translation>已导出 {path}</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Export a view as a GIF, an MP4 video, PNG frames or one PNG/SVG picture</source>
            <translation>将视图导出为 GIF、MP4 视频、PNG 帧或单张 PNG/SVG 图片</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Export…</source>
            <translation>导出(&amp;E)…</translation>
        </message>
    </context>
    <context>
        <name>FormulaBand</name>
        <message>
            <location filename="../../simulator/gui/presentation.py" line="+194" />
            <source>Esc leaves · B blanks · D dark · Ctrl+= / Ctrl+− type size</source>
            <translation>Esc 退出 · B 黑屏 · D 深色 · Ctrl+= / Ctrl+− 字号</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The keys of presentation mode; a clicker's Page Down / Page Up step</source>
            <translation>演示模式的按键；翻页笔的 Page Down / Page Up 逐步前进 / 后退</translation>
        </message>
        <message>
            <location line="+28" />
            <source>No inputs</source>
            <translation>没有输入</translation>
        </message>
        <message>
            <location line="+2" />
            <source>step {step} / {steps}</source>
            <translation>第 {step} / {steps} 步</translation>
        </message>
        <message>
            <location line="+2" />
            <source>nothing fed yet: press → to feed x¹</source>
            <translation>尚未输入：按 → 输入 x¹</translation>
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
            <location filename="../../simulator/gui/views/heatmap_view.py" line="+66" />
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
            <location line="+41" />
            <source>t (step)</source>
            <translation>t（时间点）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>t: the time step; column t shows the values after the input x^t was fed</source>
            <translation>t：时间点；第 t 列显示输入 x^t 之后的数值</translation>
        </message>
        <message>
            <location line="+103" />
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
        <name>LossSurfacePanel</name>
        <message>
            <location filename="../../simulator/gui/views/surface_view.py" line="+456" />
            <location line="+553" />
            <source>the scene's two weights</source>
            <translation>场景的两个权重</translation>
        </message>
        <message>
            <location line="-552" />
            <location line="+553" />
            <source>two weights</source>
            <translation>两个权重</translation>
        </message>
        <message>
            <location line="-552" />
            <location line="+553" />
            <source>two random directions</source>
            <translation>两个随机方向</translation>
        </message>
        <message>
            <location line="-505" />
            <source>run “{name}”</source>
            <translation>运行“{name}”</translation>
        </message>
        <message>
            <location line="+0" />
            <source>the training</source>
            <translation>训练</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the project's weights</source>
            <translation>项目的权重</translation>
        </message>
        <message>
            <location line="+90" />
            <source>No loss to draw: {why}</source>
            <translation>没有可画的损失：{why}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>this scene has no training task; choose one in the Training tab</source>
            <translation>这个场景没有训练任务；请在“训练”页中选择一个</translation>
        </message>
        <message>
            <location line="+38" />
            <source>computing the surface…</source>
            <translation>正在计算曲面…</translation>
        </message>
        <message>
            <location line="+70" />
            <source>{n} × {m} points</source>
            <translation>{n} × {m} 个点</translation>
        </message>
        <message>
            <location line="+3" />
            <source>the loss on the first {used} of the {total} training sequences</source>
            <translation>在 {total} 个训练序列中前 {used} 个上的损失</translation>
        </message>
        <message>
            <location line="+3" />
            <source>(a first, coarse picture; finer ones follow)</source>
            <translation>（先是一张粗略的图，更精细的随后出现）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>{bad} of {points} points overflow (hatched)</source>
            <translation>{points} 个点中有 {bad} 个溢出（阴影线标出）</translation>
        </message>
        <message>
            <location line="+22" />
            <source>overflow / NaN</source>
            <translation>溢出 / NaN</translation>
        </message>
        <message>
            <location line="+2" />
            <source>log₁₀ loss</source>
            <translation>log₁₀ 损失</translation>
        </message>
        <message>
            <location line="+0" />
            <source>loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location line="+4" />
            <source>the weights it is centred on</source>
            <translation>作为中心的权重</translation>
        </message>
        <message>
            <location line="+50" />
            <source>training path</source>
            <translation>训练路径</translation>
        </message>
        <message>
            <location line="+96" />
            <source>3-D view needs OpenGL; showing the 2-D map ({reason})</source>
            <translation>三维视图需要 OpenGL；改为显示二维图（{reason}）</translation>
        </message>
        <message>
            <location line="+94" />
            <source>Plane:</source>
            <translation>平面：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Which plane of weights the loss is drawn over: two weights (every other weight stays as it is) or two random directions through all weights</source>
            <translation>在哪个权重平面上画损失：两个权重（其他权重保持不变），或穿过所有权重的两个随机方向</translation>
        </message>
        <message>
            <location line="+2" />
            <source>α: the weight along the horizontal axis</source>
            <translation>α：横轴上的权重</translation>
        </message>
        <message>
            <location line="+1" />
            <source>β: the weight along the vertical axis</source>
            <translation>β：纵轴上的权重</translation>
        </message>
        <message>
            <location line="+1" />
            <source>seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The random directions are drawn from this seed: the same seed, the same plane</source>
            <translation>随机方向由这个种子抽取：种子相同，平面就相同</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Centre here</source>
            <translation>以此为中心</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Draw new directions through the weights as they are now</source>
            <translation>经过当前的权重重新抽取方向</translation>
        </message>
        <message>
            <location line="+1" />
            <source>± span</source>
            <translation>± 范围</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How far the plane reaches on either side of the centre (in weight units, or in weight-sized steps for directions)</source>
            <translation>平面在中心两侧延伸多远（以权重为单位；对于方向，以与权重同样大小的步长为单位）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>points</source>
            <translation>点数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Resolution of the final picture (a coarse one comes first)</source>
            <translation>最终图像的分辨率（先画一张粗略的）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>around</source>
            <translation>中心</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Whose weights the surface is centred on (the other weights keep their values from there)</source>
            <translation>曲面以谁的权重为中心（其他权重沿用那里的值）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>log colours</source>
            <translation>对数着色</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Colour by log₁₀ of the loss, so plains and walls both show</source>
            <translation>按损失的 log₁₀ 着色，平地和陡壁都能看清</translation>
        </message>
        <message>
            <location line="+1" />
            <source>contours</source>
            <translation>等高线</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Lines of equal loss</source>
            <translation>等损失线</translation>
        </message>
        <message>
            <location line="+1" />
            <source>3-D</source>
            <translation>3-D</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The surface as a landscape with the paths on it (needs OpenGL)</source>
            <translation>把曲面画成地形，路径画在上面（需要 OpenGL）</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Loss over a plane of weights</source>
            <translation>权重平面上的损失</translation>
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
            <location filename="../../simulator/gui/main_window.py" line="+332" />
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
            <location line="+1" />
            <source>Export the animation as GIF, MP4 or PNG frames, or a picture of a view</source>
            <translation>把动画导出为 GIF、MP4 或 PNG 帧，或导出一个视图的图片</translation>
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
            <location line="+10" />
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
            <location line="+0" />
            <source>Training</source>
            <translation>训练</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Loss surface</source>
            <translation>损失曲面</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Slots</source>
            <translation>槽位</translation>
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
            <location line="+1" />
            <source>Train the network live: loss, gradient norms, clipping, explosion</source>
            <translation>实时训练网络：损失、梯度范数、裁剪、梯度爆炸</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The loss over two weights around the current ones, with the training's path</source>
            <translation>当前权重附近两个权重上的损失，以及训练走过的路径</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Slot filling: each word of a sentence gets its slot, step by step, with the models' F1 table</source>
            <translation>槽位填充：句子中的每个词逐步得到自己的槽位，并附有各模型的 F1 表</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The translation file for {language} is missing; staying in English.</source>
            <translation>缺少 {language} 的翻译文件；继续使用英文。</translation>
        </message>
        <message>
            <location line="+142" />
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
            <location line="+33" />
            <source>Use the trained weights</source>
            <translation>使用训练得到的权重</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Use the trained network ({run})</source>
            <translation>使用训练得到的网络（{run}）</translation>
        </message>
        <message>
            <location line="+12" />
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
            <location line="+104" />
            <source>Import PyTorch weights</source>
            <translation>导入 PyTorch 权重</translation>
        </message>
        <message>
            <location line="-117" />
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
            <location line="+14" />
            <source>→ or Space</source>
            <translation>→ 或空格</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Feed the next input (one step)</source>
            <translation>输入下一个值（前进一步）</translation>
        </message>
        <message>
            <location line="+1" />
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
        <message>
            <location line="+4" />
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
            <location filename="../../simulator/gui/views/network_view.py" line="+431" />
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
            <location line="+321" />
            <source>memory</source>
            <translation>memory</translation>
        </message>
        <message>
            <location line="-327" />
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
            <location line="+330" />
            <source>hidden</source>
            <translation>隐藏层</translation>
        </message>
        <message>
            <location line="-329" />
            <location line="+320" />
            <source>output</source>
            <translation>输出层</translation>
        </message>
        <message>
            <location line="-318" />
            <source>Click a unit: why this number? Click a weight or a bias (b): change it.</source>
            <translation>点击神经元：这个数怎么来的？点击权重或偏置 (b)：修改它。</translation>
        </message>
        <message>
            <location line="+258" />
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
        <name>PowerView</name>
        <message>
            <location filename="../../simulator/gui/views/surface_view.py" line="+288" />
            <source>w = {w}: w&lt;sup&gt;{e}&lt;/sup&gt; = {power} is smaller than the smallest number the computer stores (about 10⁻³²⁴), so the network outputs exactly 0.</source>
            <translation>w = {w}：w&lt;sup&gt;{e}&lt;/sup&gt; = {power} 比计算机能存储的最小数（约 10⁻³²⁴）还小，所以网络的输出恰好是 0。</translation>
        </message>
        <message>
            <location line="+54" />
            <source>A single linear unit with memory weight w is fed a 1 and then zeros: its last output is y&lt;sup&gt;{T}&lt;/sup&gt; = w&lt;sup&gt;{e}&lt;/sup&gt;. A tiny change of w changes it enormously.</source>
            <translation>一个 memory 权重为 w 的线性单元，先输入 1，之后都输入 0：它最后的输出是 y&lt;sup&gt;{T}&lt;/sup&gt; = w&lt;sup&gt;{e}&lt;/sup&gt;。w 的微小变化会让它变化极大。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>w</source>
            <translation>w</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>w: the memory (recurrent) weight of the unit</source>
            <translation>w：该单元的 memory（循环）权重</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use this w in the network</source>
            <translation>在网络中使用这个 w</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set the network's memory weight to this w (can be undone), so the other views show it</source>
            <translation>把网络的 memory 权重设为这个 w（可撤销），让其他视图也显示它</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The lecture's example w = {w:g}</source>
            <translation>讲义中的例子 w = {w:g}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The last output y&lt;sup&gt;{T}&lt;/sup&gt; = w&lt;sup&gt;{e}&lt;/sup&gt; (log scale)</source>
            <translation>最后的输出 y&lt;sup&gt;{T}&lt;/sup&gt; = w&lt;sup&gt;{e}&lt;/sup&gt;（对数刻度）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Its gradient |∂y&lt;sup&gt;{T}&lt;/sup&gt;/∂w| = {e}·w&lt;sup&gt;{f}&lt;/sup&gt; (log scale)</source>
            <translation>它的梯度 |∂y&lt;sup&gt;{T}&lt;/sup&gt;/∂w| = {e}·w&lt;sup&gt;{f}&lt;/sup&gt;（对数刻度）</translation>
        </message>
    </context>
    <context>
        <name>Presentation</name>
        <message>
            <location filename="../../simulator/gui/presentation.py" line="+149" />
            <source>&amp;Presentation Mode</source>
            <translation>演示模式(&amp;P)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Full screen for a projector with the step's formula large; Esc leaves</source>
            <translation>全屏投影，大字显示当前一步的公式；按 Esc 退出</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Presentation mode (Esc leaves)</source>
            <translation>演示模式（按 Esc 退出）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Page Down / Page Up</source>
            <translation>Page Down / Page Up 键</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Presenting: next / previous step (a clicker)</source>
            <translation>演示时：下一步 / 上一步（翻页笔）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Presenting: blank the screen; B again shows it</source>
            <translation>演示时：黑屏；再按 B 恢复显示</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Presenting: dark or light theme</source>
            <translation>演示时：深色或浅色主题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Presenting: larger / smaller type</source>
            <translation>演示时：放大 / 缩小字号</translation>
        </message>
    </context>
    <context>
        <name>ScenePanel</name>
        <message>
            <location filename="../../simulator/gui/panels/scene_panel.py" line="+100" />
            <source>Your own network: press → to feed the inputs one step at a time and click any value to see how it was computed.</source>
            <translation>你自己的网络：按 → 每次输入一步，点击任意数值即可看到它的计算过程。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Try this</source>
            <translation>试一试</translation>
        </message>
        <message>
            <location line="+24" />
            <location line="+25" />
            <source>About this scene</source>
            <translation>关于这个场景</translation>
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
        <name>SlotView</name>
        <message>
            <location filename="../../simulator/gui/views/slot_view.py" line="+68" />
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <location line="+1" />
            <source>destination</source>
            <translation>目的地</translation>
        </message>
        <message>
            <location line="+1" />
            <source>departure place</source>
            <translation>出发地</translation>
        </message>
        <message>
            <location line="+1" />
            <source>arrival time</source>
            <translation>到达时间</translation>
        </message>
        <message>
            <location line="+1" />
            <source>departure time</source>
            <translation>出发时间</translation>
        </message>
        <message>
            <location line="+233" />
            <source>No project is open.</source>
            <translation>没有打开的项目。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>This scene feeds numbers, not the words of a sentence.</source>
            <translation>这个场景输入的是数字，而不是句子中的词。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This scene's network does not have 5 softmax outputs, one per slot (it has {n} {activation} outputs).</source>
            <translation>这个场景的网络没有 5 个 softmax 输出（每个槽位一个）；它有 {n} 个 {activation} 输出。</translation>
        </message>
        <message>
            <location line="+110" />
            <source>&lt;b&gt;Your network&lt;/b&gt; (weights not as shipped): computing its F1…</source>
            <translation>&lt;b&gt;你的网络&lt;/b&gt;（权重已不是预训练的）：正在计算它的 F1…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&lt;b&gt;Your network&lt;/b&gt;: its F1 could not be computed: {reason}</source>
            <translation>&lt;b&gt;你的网络&lt;/b&gt;：无法计算它的 F1：{reason}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&lt;b&gt;Your network&lt;/b&gt; (weights not as shipped): overall F1 &lt;b&gt;{overall:.3f}&lt;/b&gt; — {parts}</source>
            <translation>&lt;b&gt;你的网络&lt;/b&gt;（权重已不是预训练的）：总体 F1 &lt;b&gt;{overall:.3f}&lt;/b&gt; —— {parts}</translation>
        </message>
        <message>
            <location line="+31" />
            <source>The sentence cannot be labelled: {reason}</source>
            <translation>无法标注这个句子：{reason}</translation>
        </message>
        <message>
            <location line="+93" />
            <source>The sentence was not changed: {reason}</source>
            <translation>句子没有修改：{reason}</translation>
        </message>
        <message>
            <location line="+84" />
            <source>Type any sentence and press Enter: each word gets a slot (undo with Ctrl+Z)</source>
            <translation>输入任意句子并按 Enter：每个词都会得到一个槽位（按 Ctrl+Z 撤销）</translation>
        </message>
        <message>
            <location line="+7" />
            <source>1-of-N: not in the vocabulary → the “&lt;other&gt;” dimension</source>
            <translation>1-of-N：不在词汇表中 → “&lt;other&gt;”维度</translation>
        </message>
        <message>
            <location line="+2" />
            <source>1-of-N: its own dimension “{word}”</source>
            <translation>1-of-N：它自己的维度“{word}”</translation>
        </message>
        <message>
            <location line="+3" />
            <source>letter trigrams: {trigrams}</source>
            <translation>字母三元组：{trigrams}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(✗ = never seen in training: no dimension of its own)</source>
            <translation>（✗ = 训练中没见过：没有自己的维度）</translation>
        </message>
        <message>
            <location line="+9" />
            <source>{word} is not in the vocabulary: with 1-of-N alone it went to “other” — the “{other}” dimension that every unknown word shares (Gandalf and Sauron too), so only the words around it can tell the network what it is.</source>
            <translation>{word} 不在词汇表中：只用 1-of-N 时它被归入“其他”——所有未知词（包括 Gandalf 和 Sauron）共用的“{other}”维度，所以只有它周围的词能告诉网络它是什么。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{word} is not in the vocabulary: its 1-of-N part is the “{other}” dimension, but its letter trigrams {trigrams} still describe it (✗: never seen in training).</source>
            <translation>{word} 不在词汇表中：它的 1-of-N 部分是“{other}”维度，但它的字母三元组 {trigrams} 仍然能描述它（✗：训练中没见过）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{word} is not in the vocabulary, and none of its letter trigrams {trigrams} was seen in training: it is “{other}” and “other trigram”, like any unknown word — only the words around it tell the network what it is.</source>
            <translation>{word} 不在词汇表中，它的字母三元组 {trigrams} 在训练中也一个都没见过：它是“{other}”和“其他三元组”，和任何未知词一样——只有它周围的词能告诉网络它是什么。</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{word} has letter trigrams never seen in training (marked ✗: they share the “other trigram” dimension); the known ones of {trigrams} still describe it.</source>
            <translation>{word} 有训练中没见过的字母三元组（标 ✗：它们共用“其他三元组”维度）；{trigrams} 中已知的那些仍然能描述它。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>None of the letter trigrams {trigrams} of {word} was seen in training: they all share the “other trigram” dimension, so only the words around it tell the network what it is.</source>
            <translation>{word} 的字母三元组 {trigrams} 在训练中一个都没见过：它们都共用“其他三元组”维度，所以只有它周围的词能告诉网络它是什么。</translation>
        </message>
        <message>
            <location line="+29" />
            <source>Nothing read yet: press → for the first word, End for all.</source>
            <translation>还没有读入任何词：按 → 读入第一个词，按 End 读完全部。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Read {k} of {n} words: press → for the next one.</source>
            <translation>已读入 {n} 个词中的 {k} 个：按 → 读入下一个。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>All {n} words read.</source>
            <translation>{n} 个词都已读入。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Bidirectional network:</source>
            <translation>双向网络：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>each word's slot also uses the words after it (read backwards), so the outputs need the whole sentence, even those of the words shown first.</source>
            <translation>每个词的槽位也用到它后面的词（从句尾往回读），所以输出需要整个句子，先显示的词也不例外。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Feed-forward network:</source>
            <translation>前馈网络：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>no memory — each word's slot depends on that word alone, so “Taipei” gets the same slot after “arrive” and after “leave”.</source>
            <translation>没有 memory——每个词的槽位只取决于这个词本身，所以“Taipei”在“arrive”和“leave”之后得到相同的槽位。</translation>
        </message>
        <message>
            <location line="+20" />
            <source>&amp;Sentence:</source>
            <translation>句子(&amp;S)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>i would like to arrive Taipei on November 2nd</source>
            <translation>例如：i would like to arrive Taipei on November 2nd</translation>
        </message>
        <message>
            <location line="+3" />
            <source>&amp;Model:</source>
            <translation>模型(&amp;M)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Which pre-trained network labels the sentence</source>
            <translation>由哪个预训练网络来标注句子</translation>
        </message>
        <message>
            <location line="+1" />
            <source>this project's network</source>
            <translation>本项目的网络</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Encoding:</source>
            <translation>编码(&amp;E)：</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How each word becomes the input vector x^t</source>
            <translation>每个词如何变成输入向量 x^t</translation>
        </message>
        <message>
            <location line="+1" />
            <source>this project's encoding</source>
            <translation>本项目的编码</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The Slots view shows how a network fills the slots of a ticket booking, word by word. It needs a text scene whose network has 5 softmax outputs, one per slot (other, destination, departure place, arrival time, departure time).</source>
            <translation>槽位视图逐词展示网络如何填写订票的各个槽位。它需要一个文本场景，其网络有 5 个 softmax 输出，每个槽位一个（其他、目的地、出发地、到达时间、出发时间）。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open the slot-filling scene</source>
            <translation>打开槽位填充场景</translation>
        </message>
        <message>
            <location line="+61" />
            <source>hidden a&lt;sup&gt;t&lt;/sup&gt;</source>
            <translation>隐藏层 a&lt;sup&gt;t&lt;/sup&gt;</translation>
        </message>
        <message>
            <location line="+1" />
            <source>memory a&lt;sup&gt;t&lt;/sup&gt;</source>
            <translation>memory 里的 a&lt;sup&gt;t&lt;/sup&gt;</translation>
        </message>
        <message>
            <location line="+1" />
            <source>word</source>
            <translation>词汇</translation>
        </message>
        <message>
            <location line="+0" />
            <source>slot</source>
            <translation>槽位</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P(slot)</source>
            <translation>P(槽位)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>softmax</source>
            <translation>softmax 输出</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{n} units</source>
            <translation>{n} 个神经元</translation>
        </message>
        <message>
            <location line="+58" />
            <location line="+190" />
            <source>Slots:</source>
            <translation>槽位：</translation>
        </message>
        <message>
            <location line="-114" />
            <source>Type a sentence above and press Enter.</source>
            <translation>在上方输入一个句子并按 Enter。</translation>
        </message>
        <message>
            <location line="+74" />
            <source>not read yet</source>
            <translation>尚未读入</translation>
        </message>
        <message>
            <location line="+87" />
            <source>{word}: {slot} ({p} sure)</source>
            <translation>{word}：{slot}（把握 {p}）</translation>
        </message>
        <message>
            <location line="+54" />
            <source>P(slot) for “{word}”:</source>
            <translation>“{word}”的 P(槽位)：</translation>
        </message>
        <message>
            <location line="+16" />
            <source>aᵗ at t = {t}: {n} hidden values, from {low:.2f} to {high:.2f} (blue negative, orange positive)</source>
            <translation>t = {t} 时的 aᵗ：{n} 个隐藏值，从 {low:.2f} 到 {high:.2f}（蓝色为负，橙色为正）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>aᵗ at t = {t}</source>
            <translation>t = {t} 时的 aᵗ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A feed-forward network keeps none of it for the next word.</source>
            <translation>前馈网络不会为下一个词保留其中任何值。</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A Jordan network remembers its output yᵗ for the next word, not aᵗ.</source>
            <translation>Jordan 网络为下一个词记住的是它的输出 yᵗ，而不是 aᵗ。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>“{word}” — step t = {t}</source>
            <translation>“{word}”——时间点 t = {t}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>not seen in training</source>
            <translation>训练中没见过</translation>
        </message>
        <message>
            <location line="+146" />
            <source>overall</source>
            <translation>总体</translation>
        </message>
        <message>
            <location line="+21" />
            <source>F1 of the whole slot values (CoNLL style: a chunk counts only if all its words are right), on the test sentences, whose templates were never seen in training</source>
            <translation>整个槽位值的 F1（CoNLL 方式：一个片段只有所有词都对才算对），在测试句子上计算，这些句子的模板在训练中从未出现过</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Slot F1 on the test split — pre-trained models, {encoding}</source>
            <translation>测试集上的槽位 F1——预训练模型，{encoding}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Slot F1 on the test split — pre-trained models</source>
            <translation>测试集上的槽位 F1——预训练模型</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The shipped weights of each model with this encoding, scored on the held-out test sentences (not the weights you may have edited)</source>
            <translation>每个模型在这种编码下随软件提供的权重，在预留的测试句子上评分（不是你可能修改过的权重）</translation>
        </message>
        <message>
            <location line="+32" />
            <source>precision {p:.3f} · recall {r:.3f} · {n} slot values in the test split</source>
            <translation>精确率 {p:.3f} · 召回率 {r:.3f} · 测试集中有 {n} 个槽位值</translation>
        </message>
        <message>
            <location line="+9" />
            <source>computing… {done} of {total} models</source>
            <translation>正在计算… {total} 个模型中已完成 {done} 个</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The table could not be computed: {reason}</source>
            <translation>无法计算这张表：{reason}</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Without memory the feed-forward network scores only {low:.2f}–{high:.2f} per slot: whether a city or a date is about arriving or leaving depends on the verb before it.</source>
            <translation>没有 memory 的前馈网络每个槽位只得到 {low:.2f}–{high:.2f}：一个城市或日期说的是到达还是出发，取决于它前面的动词。</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The recurrent models reach {low:.3f}–{high:.3f} overall.</source>
            <translation>循环网络的总体 F1 为 {low:.3f}–{high:.3f}。</translation>
        </message>
    </context>
    <context>
        <name>StartPage</name>
        <message>
            <location filename="../../simulator/gui/start_page.py" line="+40" />
            <source>Words and memory</source>
            <translation>词向量与记忆</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Elman, Jordan, deep and bidirectional</source>
            <translation>Elman、Jordan、深层与双向网络</translation>
        </message>
        <message>
            <location line="+1" />
            <source>LSTM and GRU</source>
            <translation>LSTM 与 GRU</translation>
        </message>
        <message>
            <location line="+1" />
            <source>More ways to remember</source>
            <translation>更多的记忆方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Why training is hard, and the fixes</source>
            <translation>训练为什么难，以及解决办法</translation>
        </message>
        <message>
            <location line="+305" />
            <source>All scenes</source>
            <translation>全部场景</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Scenes of the lecture</source>
            <translation>课程中的场景</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Each scene is a figure or a claim of the lecture notes, with its network, inputs and suggested steps. Click one to open it; press → to step.</source>
            <translation>每个场景对应课程讲义中的一幅图或一个结论，带有网络、输入和建议的操作步骤。点击打开场景；按 → 逐步前进。</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location line="+43" />
            <source>&amp;All Scenes…</source>
            <translation>全部场景(&amp;A)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show every scene of the lecture with a picture and one line</source>
            <translation>列出课程的全部场景，每个附一张缩略图和一句说明</translation>
        </message>
    </context>
    <context>
        <name>SurfaceView</name>
        <message>
            <location filename="../../simulator/gui/views/surface_view.py" line="-1302" />
            <source>the {platform} platform has none</source>
            <translation>{platform} 平台没有 OpenGL</translation>
        </message>
        <message>
            <location line="+4" />
            <source>no OpenGL context</source>
            <translation>没有 OpenGL 上下文</translation>
        </message>
        <message>
            <location line="+2" />
            <source>PyOpenGL is not installed</source>
            <translation>没有安装 PyOpenGL</translation>
        </message>
        <message>
            <location line="+3" />
            <source>3-D view needs OpenGL; showing the 2-D map ({reason})</source>
            <translation>三维视图需要 OpenGL；改为显示二维图（{reason}）</translation>
        </message>
    </context>
    <context>
        <name>TrainingLab</name>
        <message>
            <location filename="../../simulator/gui/training/lab.py" line="+237" />
            <source>This network has no Elman or IRNN layer: starting from the identity changes nothing.</source>
            <translation>这个网络没有 Elman 或 IRNN 层：从单位矩阵开始不会改变任何东西。</translation>
        </message>
        <message>
            <location line="+3" />
            <source>This network has no LSTM layer: the forget-gate bias changes nothing.</source>
            <translation>这个网络没有 LSTM 层：遗忘门偏置不会改变任何东西。</translation>
        </message>
        <message>
            <location line="+136" />
            <source>Choose a CSV file to train on.</source>
            <translation>请选择一个用于训练的 CSV 文件。</translation>
        </message>
    </context>
    <context>
        <name>TrainingPlots</name>
        <message>
            <location filename="../../simulator/gui/training/plots.py" line="+279" />
            <source>── training loss   ╌●╌ on the test sequences</source>
            <translation>── 训练损失   ╌●╌ 测试序列上的损失</translation>
        </message>
        <message>
            <location line="+2" />
            <source>── training loss</source>
            <translation>── 训练损失</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Gradient norm per weight</source>
            <translation>各权重的梯度范数</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+47" />
            <source>training</source>
            <translation>训练</translation>
        </message>
        <message>
            <location line="+6" />
            <source>t (step)</source>
            <translation>t（时间点）</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+244" />
            <source>update</source>
            <translation>更新</translation>
        </message>
        <message>
            <location line="-243" />
            <source>|∂L/∂a^t|: how strongly the loss depends on the hidden output a^t at step t (log₁₀ colours, one scale for all runs); dark on the left means the gradient vanishes on its way back through time</source>
            <translation>|∂L/∂a^t|：损失对第 t 步隐藏层输出 a^t 的依赖程度（按 log₁₀ 着色，所有运行用同一刻度）；左侧颜色深表示梯度在沿时间反向传播时消失了</translation>
        </message>
        <message>
            <location line="+4" />
            <source>log₁₀ |∂L/∂a&lt;sup&gt;t&lt;/sup&gt;|</source>
            <translation>log₁₀ |∂L/∂a&lt;sup&gt;t&lt;/sup&gt;|（梯度）</translation>
        </message>
        <message>
            <location line="+119" />
            <source>update {n}: the loss or the gradient stopped being a finite number</source>
            <translation>第 {n} 次更新：损失或梯度不再是有限数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>update {n}: rolled back to the last finite weights</source>
            <translation>第 {n} 次更新：已回退到最后一组有限的权重</translation>
        </message>
        <message>
            <location line="+57" />
            <source>clipping threshold {value}: longer gradients are scaled down to it</source>
            <translation>裁剪阈值 {value}：更长的梯度会被缩小到这个长度</translation>
        </message>
        <message>
            <location line="+57" />
            <source>━━ before clipping   ── after   ▼ clipped update   ┈┈ threshold</source>
            <translation>━━ 裁剪前   ── 裁剪后   ▼ 被裁剪的更新   ┈┈ 阈值</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gradient norm ‖g‖</source>
            <translation>梯度范数 ‖g‖</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The training loss after each update (solid) and on the test sequences (dashed, dots)</source>
            <translation>每次更新后的训练损失（实线）以及在测试序列上的损失（虚线加圆点）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The length of the gradient before clipping (thick) and after (thin); a triangle marks every update that was clipped</source>
            <translation>梯度在裁剪前（粗线）和裁剪后（细线）的长度；三角形标出每次被裁剪的更新</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The gradient's length for each weight matrix and bias separately</source>
            <translation>每个权重矩阵和偏置各自的梯度长度</translation>
        </message>
    </context>
    <context>
        <name>TrainingView</name>
        <message>
            <location filename="../../simulator/gui/training/panel.py" line="+267" />
            <source>“{run}” trains a network of its own; its weights do not fit the project's network.</source>
            <translation>“{run}”训练的是它自己的网络；它的权重不适用于项目的网络。</translation>
        </message>
        <message>
            <location line="+61" />
            <source>A sequence file to train on</source>
            <translation>用于训练的序列文件</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Comma-separated values (*.csv *.txt)</source>
            <translation>逗号分隔值 (*.csv *.txt)</translation>
        </message>
        <message>
            <location line="+38" />
            <source>the numbers stopped being finite</source>
            <translation>数值不再是有限数</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Training paused. Roll back to the last finite weights, or press Start to go on with the other runs.</source>
            <translation>训练已暂停。回退到最后一组有限的权重，或按“开始”继续其他运行。</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Training paused. Roll back to the last finite weights.</source>
            <translation>训练已暂停。请回退到最后一组有限的权重。</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+133" />
            <source>Cannot train</source>
            <translation>无法训练</translation>
        </message>
        <message>
            <location line="-105" />
            <source>This scene has nothing to train.</source>
            <translation>这个场景没有可训练的内容。</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+91" />
            <source>training</source>
            <translation>训练</translation>
        </message>
        <message>
            <location line="-88" />
            <source>not trained yet ({budget} updates to go)</source>
            <translation>尚未训练（还有 {budget} 次更新）</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+18" />
            <source>update {n} of {budget}</source>
            <translation>第 {n} / {budget} 次更新</translation>
        </message>
        <message>
            <location line="-16" />
            <source>loss {value}</source>
            <translation>损失 {value}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>‖g‖ {value}</source>
            <translation>‖g‖ {value}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>clipped {count}×</source>
            <translation>裁剪了 {count} 次</translation>
        </message>
        <message>
            <location line="+2" />
            <source>test loss {value}</source>
            <translation>测试损失 {value}</translation>
        </message>
        <message>
            <location line="+2" />
            <source>blew up</source>
            <translation>爆炸了</translation>
        </message>
        <message>
            <location line="+3" />
            <source>ready</source>
            <translation>就绪</translation>
        </message>
        <message>
            <location line="+0" />
            <source>training…</source>
            <translation>正在训练…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <location line="+1" />
            <source>paused: a run blew up</source>
            <translation>已暂停：有一次运行爆炸了</translation>
        </message>
        <message>
            <location line="+0" />
            <source>done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Continue</source>
            <translation>继续</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+126" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location line="-117" />
            <source>The scene's task</source>
            <translation>场景的任务</translation>
        </message>
        <message>
            <location line="+5" />
            <source>a task given by a script</source>
            <translation>由脚本给出的任务</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Each run of this scene sets this itself.</source>
            <translation>这个场景的每次运行会自行设置此项。</translation>
        </message>
        <message>
            <location line="+22" />
            <source>always answering 1: MSE 0.167</source>
            <translation>总是回答 1：MSE 0.167</translation>
        </message>
        <message>
            <location line="+1" />
            <source>baseline {value}</source>
            <translation>基线 {value}</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Train on</source>
            <translation>训练数据</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Load a sequence file (CSV)…</source>
            <translation>载入序列文件（CSV）…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A table with one row per step: an optional sequence id, then the network's inputs, then its targets (or one class index for cross-entropy); a header row is skipped</source>
            <translation>每步一行的表格：可选的序列编号，然后是网络的输入，再是目标值（交叉熵时为一个类别编号）；表头行会被跳过</translation>
        </message>
        <message>
            <location line="+3" />
            <source>How to train</source>
            <translation>训练方式</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Loss</source>
            <translation>损失</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Optimiser</source>
            <translation>优化器</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Learning rate η</source>
            <translation>学习率 η</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clipping</source>
            <translation>裁剪</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Threshold</source>
            <translation>阈值</translation>
        </message>
        <message>
            <location line="+0" />
            <source>BPTT window</source>
            <translation>BPTT 窗口</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start from</source>
            <translation>起始权重</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Updates</source>
            <translation>更新次数</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Speed</source>
            <translation>速度</translation>
        </message>
        <message>
            <location line="+3" />
            <source>cross-entropy</source>
            <translation>交叉熵</translation>
        </message>
        <message>
            <location line="+0" />
            <source>mean squared error</source>
            <translation>均方误差</translation>
        </message>
        <message>
            <location line="+2" />
            <source>SGD</source>
            <translation>SGD（随机梯度下降）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>SGD with momentum</source>
            <translation>带动量的 SGD</translation>
        </message>
        <message>
            <location line="+0" />
            <source>RMSprop</source>
            <translation>RMSprop（均方根传播）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Adam</source>
            <translation>Adam（自适应矩估计）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <location line="+0" />
            <source>each component (value)</source>
            <translation>逐分量（按值）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>global norm</source>
            <translation>整体范数</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the project's weights</source>
            <translation>项目的权重</translation>
        </message>
        <message>
            <location line="+0" />
            <source>random (seed)</source>
            <translation>随机（种子）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>identity W_a (IRNN)</source>
            <translation>单位矩阵 W_a（IRNN）</translation>
        </message>
        <message>
            <location line="+0" />
            <source>forget-gate bias 1 (LSTM)</source>
            <translation>遗忘门偏置 1（LSTM）</translation>
        </message>
        <message>
            <location line="+3" />
            <source>as fast as possible</source>
            <translation>尽可能快</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{n} updates a second</source>
            <translation>每秒 {n} 次更新</translation>
        </message>
        <message>
            <location line="+1" />
            <source>full BPTT</source>
            <translation>完整 BPTT</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The task decides the loss (for a sequence file you choose): cross-entropy compares the softmax output with the reference class, mean squared error the output with a target number</source>
            <translation>损失由任务决定（序列文件则由你选择）：交叉熵比较 softmax 输出与参考类别，均方误差比较输出与目标数值</translation>
        </message>
        <message>
            <location line="+3" />
            <source>How a gradient becomes a weight change: plain steps (SGD), with momentum, or scaled per weight by the gradient's recent size (RMSprop, Adam)</source>
            <translation>梯度如何变成权重的变化：普通步长（SGD）、带动量，或按每个权重最近的梯度大小缩放（RMSprop、Adam）</translation>
        </message>
        <message>
            <location line="+2" />
            <source>η: the step size; each update moves the weights by −η times the (clipped) gradient</source>
            <translation>η：步长；每次更新把权重移动 −η 乘以（裁剪后的）梯度</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Gradient clipping: none; each component cut to ±threshold; or the whole gradient g scaled down to length threshold when ‖g‖ is longer</source>
            <translation>梯度裁剪：不裁剪；把每个分量截断到 ±阈值；或者当 ‖g‖ 超过阈值时把整个梯度 g 缩小到阈值长度</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The clipping threshold (the lecture clips at 15)</source>
            <translation>裁剪阈值（讲义中在 15 处裁剪）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Truncated BPTT: the gradient flows back at most this many steps; full BPTT goes back to t = 1</source>
            <translation>截断 BPTT：梯度最多反向传播这么多步；完整 BPTT 一直回到 t = 1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The weights training starts from: the project's own, random ones, the identity as the recurrent matrix (IRNN, Le et al. 2015), or a forget-gate bias of 1 so an LSTM keeps its memory at first</source>
            <translation>训练的起始权重：项目自己的权重、随机权重、以单位矩阵作为循环矩阵（IRNN，Le et al. 2015），或遗忘门偏置设为 1，让 LSTM 一开始保留它的 memory</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The seed of the random numbers (initial weights, task data, minibatches): the same seed repeats a run exactly</source>
            <translation>随机数的种子（初始权重、任务数据、小批量）：相同的种子会完全重复一次运行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>How many updates Start runs (the budget)</source>
            <translation>点“开始”后运行多少次更新（预算）</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Slow the training down to watch it, or let it run as fast as the computer can</source>
            <translation>放慢训练以便观察，或让它以计算机最快的速度运行</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Train the scene's runs side by side</source>
            <translation>并排训练场景中的各次运行</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The scene compares several runs from the same start (e.g. without and with clipping); untick to train one run with the settings above</source>
            <translation>场景比较从同一起点出发的几次运行（例如不裁剪与裁剪）；取消勾选则按上面的设置只训练一次运行</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Logarithmic axes</source>
            <translation>对数坐标轴</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show loss and gradient norms on a log scale, where a factor of 10 is always the same distance</source>
            <translation>用对数刻度显示损失和梯度范数，每差 10 倍距离都相同</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Train: update the weights again and again</source>
            <translation>训练：一次又一次地更新权重</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Stop after the update being computed</source>
            <translation>在当前这次更新算完后停止</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One update</source>
            <translation>单次更新</translation>
        </message>
        <message>
            <location line="+0" />
            <source>One update of every run, then pause</source>
            <translation>每个运行更新一次，然后暂停</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Back to the starting weights; the same seed repeats the run exactly</source>
            <translation>回到初始权重；相同的种子会完全重复这次运行</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Roll back</source>
            <translation>回退</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Restore the last finite weights (from just before the blow-up); the curves that led there stay</source>
            <translation>恢复最后一组有限的权重（爆炸之前的那组）；通向那里的曲线会保留</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Use these weights</source>
            <translation>使用这些权重</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Put the trained weights into the project (can be undone), so the other views show what the network learnt</source>
            <translation>把训练好的权重放进项目（可撤销），让其他视图显示网络学到了什么</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The run whose weights “Use these weights” takes and whose gradient norms per weight are drawn</source>
            <translation>“使用这些权重”所取用的、并画出各权重梯度范数的那次运行</translation>
        </message>
        <message>
            <location line="+61" />
            <source>the lecture's sequences</source>
            <translation>讲义中的序列</translation>
        </message>
        <message>
            <location line="+1" />
            <source>the adding problem</source>
            <translation>加法问题</translation>
        </message>
        <message>
            <location line="+1" />
            <source>ticket booking: slot filling</source>
            <translation>订票：槽填充</translation>
        </message>
        <message>
            <location line="+1" />
            <source>a sequence file (CSV)</source>
            <translation>序列文件（CSV）</translation>
        </message>
    </context>
    <context>
        <name>UnrolledView</name>
        <message>
            <location filename="../../simulator/gui/views/unrolled_view.py" line="+413" />
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
