"""Run from anywhere: python resources/i18n/tools/generate.py

Extract with lupdate, put messages lupdate left without a context where Qt will look them up, fill in
the Chinese from zh_translations.py, compile with lrelease."""
import re, subprocess, sys, xml.etree.ElementTree as ET
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
import extract, zh_translations

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources/i18n/rnn_simulator_zh_CN.ts"
QM = TS.with_suffix(".qm")
files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "simulator/gui").rglob("*.py"))
if TS.exists():
    TS.unlink()   # a clean extraction: every translation comes from the dictionary
out = subprocess.run(["pyside6-lupdate", "-source-language", "en", "-target-language", "zh_CN", "-no-obsolete",
                      "-locations", "relative", *files, "-ts", str(TS)], cwd=ROOT, capture_output=True, text=True)
print(out.stdout.strip(), out.stderr.strip())

runtime, problems = extract.messages(ROOT / "simulator/gui")
assert not problems, problems
tree = ET.parse(TS)
root = tree.getroot()
contexts = {c.findtext("name") or "": c for c in root.findall("context")}
have = {(n, m.findtext("source")) for n, c in contexts.items() for m in c.findall("message")}
orphan = contexts.pop("", None)
if orphan is not None:
    root.remove(orphan)
    for message in orphan.findall("message"):
        source = message.findtext("source")
        targets = [c for c, s in runtime if s == source and (c, source) not in have]
        assert len(targets) <= 1, (source, targets)
        if targets:
            ctx = contexts.get(targets[0])
            if ctx is None:
                ctx = ET.SubElement(root, "context"); ET.SubElement(ctx, "name").text = targets[0]
                contexts[targets[0]] = ctx
            ctx.append(message)
            have.add((targets[0], source))
            print("moved to", targets[0], repr(source))
# contexts in sorted order, as lupdate writes them
for c in root.findall("context"):
    root.remove(c)
for name in sorted(contexts):
    root.append(contexts[name])

missing_in_ts = runtime - have
assert not missing_in_ts, missing_in_ts
count = 0
for name, ctx in contexts.items():
    for message in ctx.findall("message"):
        source = message.findtext("source")
        text = zh_translations.translation(name, source)
        assert sorted(re.findall(r"\{[^{}]*\}", source)) == sorted(re.findall(r"\{[^{}]*\}", text)), (source, text)
        for note in message.findall("extracomment"):   # `#:` attribute docs, not notes for translators
            message.remove(note)
        tr = message.find("translation")
        tr.text = text
        tr.attrib.pop("type", None)
        count += 1
ET.indent(tree, space="    ")
body = ET.tostring(root, encoding="unicode")
TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
print("translated", count)
out = subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(QM)], cwd=ROOT, capture_output=True, text=True)
print(out.stdout.strip(), out.stderr.strip())
unused = set(zh_translations.T) - {s for _, s in runtime}
print("unused dictionary entries:", unused)
