# Simplified-Chinese translations for the slot-filling view (context "SlotView"), its tab in the main
# window (context "MainWindow") and its undo command (context "Commands"). The slot names follow the
# slot-filling scene: 其他、目的地、出发地、到达时间、出发时间.
T = {
    # MainWindow
    "Slots": "槽位",
    "Slot filling: each word of a sentence gets its slot, step by step, with the models' F1 table":
        "槽位填充：句子中的每个词逐步得到自己的槽位，并附有各模型的 F1 表",
    # Commands
    "Use the pre-trained {model} ({encoding})": "使用预训练的 {model}（{encoding}）",
    # SlotView: the sentence box and the pickers
    "&Sentence:": "句子(&S)：",
    "i would like to arrive Taipei on November 2nd": "例如：i would like to arrive Taipei on November 2nd",
    "Type any sentence and press Enter: each word gets a slot (undo with Ctrl+Z)":
        "输入任意句子并按 Enter：每个词都会得到一个槽位（按 Ctrl+Z 撤销）",
    "The sentence was not changed: {reason}": "句子没有修改：{reason}",
    "The sentence cannot be labelled: {reason}": "无法标注这个句子：{reason}",
    "&Model:": "模型(&M)：",
    "Which pre-trained network labels the sentence": "由哪个预训练网络来标注句子",
    "this project's network": "本项目的网络",
    "&Encoding:": "编码(&E)：",
    "How each word becomes the input vector x^t": "每个词如何变成输入向量 x^t",
    "this project's encoding": "本项目的编码",
    # SlotView: slots
    "Slots:": "槽位：",
    "other": "其他",
    "destination": "目的地",
    "departure place": "出发地",
    "arrival time": "到达时间",
    "departure time": "出发时间",
    "overall": "总体",
    # SlotView: the rows of the words
    "word": "词汇",
    "slot": "槽位",
    "P(slot)": "P(槽位)",
    "softmax": "softmax 输出",
    "memory a<sup>t</sup>": "memory 里的 a<sup>t</sup>",
    "hidden a<sup>t</sup>": "隐藏层 a<sup>t</sup>",
    "{n} units": "{n} 个神经元",
    "not read yet": "尚未读入",
    "Type a sentence above and press Enter.": "在上方输入一个句子并按 Enter。",
    "{word}: {slot} ({p} sure)": "{word}：{slot}（把握 {p}）",
    "P(slot) for “{word}”:": "“{word}”的 P(槽位)：",
    "aᵗ at t = {t}: {n} hidden values, from {low:.2f} to {high:.2f} (blue negative, orange positive)":
        "t = {t} 时的 aᵗ：{n} 个隐藏值，从 {low:.2f} 到 {high:.2f}（蓝色为负，橙色为正）",
    "aᵗ at t = {t}": "t = {t} 时的 aᵗ",
    "A feed-forward network keeps none of it for the next word.": "前馈网络不会为下一个词保留其中任何值。",
    "A Jordan network remembers its output yᵗ for the next word, not aᵗ.":
        "Jordan 网络为下一个词记住的是它的输出 yᵗ，而不是 aᵗ。",
    "“{word}” — step t = {t}": "“{word}”——时间点 t = {t}",
    "not seen in training": "训练中没见过",
    # SlotView: notes
    "Nothing read yet: press → for the first word, End for all.": "还没有读入任何词：按 → 读入第一个词，按 End 读完全部。",
    "Read {k} of {n} words: press → for the next one.": "已读入 {n} 个词中的 {k} 个：按 → 读入下一个。",
    "All {n} words read.": "{n} 个词都已读入。",
    "Bidirectional network:": "双向网络：",
    "each word's slot also uses the words after it (read backwards), so the outputs need the whole sentence, "
    "even those of the words shown first.":
        "每个词的槽位也用到它后面的词（从句尾往回读），所以输出需要整个句子，先显示的词也不例外。",
    "Feed-forward network:": "前馈网络：",
    "no memory — each word's slot depends on that word alone, so “Taipei” gets the same slot after “arrive” "
    "and after “leave”.":
        "没有 memory——每个词的槽位只取决于这个词本身，所以“Taipei”在“arrive”和“leave”之后得到相同的槽位。",
    # SlotView: how unknown words were encoded
    "1-of-N: not in the vocabulary → the “<other>” dimension": "1-of-N：不在词汇表中 → “<other>”维度",
    "1-of-N: its own dimension “{word}”": "1-of-N：它自己的维度“{word}”",
    "letter trigrams: {trigrams}": "字母三元组：{trigrams}",
    "(✗ = never seen in training: no dimension of its own)": "（✗ = 训练中没见过：没有自己的维度）",
    "{word} is not in the vocabulary: with 1-of-N alone it went to “other” — the “{other}” dimension "
    "that every unknown word shares (Gandalf and Sauron too), so only the words around it can tell the network "
    "what it is.":
        "{word} 不在词汇表中：只用 1-of-N 时它被归入“其他”——所有未知词（包括 Gandalf 和 Sauron）共用的"
        "“{other}”维度，所以只有它周围的词能告诉网络它是什么。",
    "{word} is not in the vocabulary: its 1-of-N part is the “{other}” dimension, but its letter trigrams "
    "{trigrams} still describe it (✗: never seen in training).":
        "{word} 不在词汇表中：它的 1-of-N 部分是“{other}”维度，但它的字母三元组 {trigrams} "
        "仍然能描述它（✗：训练中没见过）。",
    "{word} is not in the vocabulary, and none of its letter trigrams {trigrams} was seen in training: it is "
    "“{other}” and “other trigram”, like any unknown word — only the words around it tell the network what "
    "it is.":
        "{word} 不在词汇表中，它的字母三元组 {trigrams} 在训练中也一个都没见过：它是“{other}”和"
        "“其他三元组”，和任何未知词一样——只有它周围的词能告诉网络它是什么。",
    "None of the letter trigrams {trigrams} of {word} was seen in training: they all share the “other trigram” "
    "dimension, so only the words around it tell the network what it is.":
        "{word} 的字母三元组 {trigrams} 在训练中一个都没见过：它们都共用“其他三元组”维度，"
        "所以只有它周围的词能告诉网络它是什么。",
    "{word} has letter trigrams never seen in training (marked ✗: they share the “other trigram” dimension); the "
    "known ones of {trigrams} still describe it.":
        "{word} 有训练中没见过的字母三元组（标 ✗：它们共用“其他三元组”维度）；{trigrams} 中已知的那些仍然能描述它。",
    # SlotView: the F1 table
    "Slot F1 on the test split — pre-trained models, {encoding}": "测试集上的槽位 F1——预训练模型，{encoding}",
    "Slot F1 on the test split — pre-trained models": "测试集上的槽位 F1——预训练模型",
    "The shipped weights of each model with this encoding, scored on the held-out test sentences (not the "
    "weights you may have edited)":
        "每个模型在这种编码下随软件提供的权重，在预留的测试句子上评分（不是你可能修改过的权重）",
    "F1 of the whole slot values (CoNLL style: a chunk counts only if all its words are right), on the test "
    "sentences, whose templates were never seen in training":
        "整个槽位值的 F1（CoNLL 方式：一个片段只有所有词都对才算对），在测试句子上计算，这些句子的模板在训练中从未出现过",
    "precision {p:.3f} · recall {r:.3f} · {n} slot values in the test split":
        "精确率 {p:.3f} · 召回率 {r:.3f} · 测试集中有 {n} 个槽位值",
    "computing… {done} of {total} models": "正在计算… {total} 个模型中已完成 {done} 个",
    "The table could not be computed: {reason}": "无法计算这张表：{reason}",
    "Without memory the feed-forward network scores only {low:.2f}–{high:.2f} per slot: whether a city or a "
    "date is about arriving or leaving depends on the verb before it.":
        "没有 memory 的前馈网络每个槽位只得到 {low:.2f}–{high:.2f}：一个城市或日期说的是到达还是出发，取决于它前面的动词。",
    "The recurrent models reach {low:.3f}–{high:.3f} overall.": "循环网络的总体 F1 为 {low:.3f}–{high:.3f}。",
    # SlotView: other scenes
    "No project is open.": "没有打开的项目。",
    "This scene feeds numbers, not the words of a sentence.": "这个场景输入的是数字，而不是句子中的词。",
    "This scene's network does not have 5 softmax outputs, one per slot (it has {n} {activation} outputs).":
        "这个场景的网络没有 5 个 softmax 输出（每个槽位一个）；它有 {n} 个 {activation} 输出。",
    "The Slots view shows how a network fills the slots of a ticket booking, word by word. It needs a text scene "
    "whose network has 5 softmax outputs, one per slot (other, destination, departure place, arrival time, "
    "departure time).":
        "槽位视图逐词展示网络如何填写订票的各个槽位。它需要一个文本场景，其网络有 5 个 softmax 输出，"
        "每个槽位一个（其他、目的地、出发地、到达时间、出发时间）。",
    "Open the slot-filling scene": "打开槽位填充场景",
    "<b>Your network</b> (weights not as shipped): computing its F1…": "<b>你的网络</b>（权重已不是预训练的）：正在计算它的 F1…",
    "<b>Your network</b>: its F1 could not be computed: {reason}": "<b>你的网络</b>：无法计算它的 F1：{reason}",
    "<b>Your network</b> (weights not as shipped): overall F1 <b>{overall:.3f}</b> — {parts}":
        "<b>你的网络</b>（权重已不是预训练的）：总体 F1 <b>{overall:.3f}</b> —— {parts}",
}
