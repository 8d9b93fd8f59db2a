import ast, pathlib, sys
QT_APPS = {"QCoreApplication", "QApplication", "QGuiApplication"}

def calls(path):
    tree = ast.parse(pathlib.Path(path).read_text())
    out = []  # (kind, context, args_nodes, lineno)
    def visit(node, cls):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name); continue
            if isinstance(child, ast.Call):
                f = child.func
                if isinstance(f, ast.Attribute) and f.attr == "tr":
                    out.append(("tr" if isinstance(f.value, ast.Name) and f.value.id == "self" else "other.tr", cls, child))
                elif isinstance(f, ast.Name) and f.id == "tr":
                    out.append(("bare tr", cls, child))
                elif (isinstance(f, ast.Attribute) and f.attr == "translate" and isinstance(f.value, ast.Name)
                      and f.value.id in QT_APPS) or (isinstance(f, ast.Name) and f.id == "translate"):
                    out.append(("translate", cls, child))
            visit(child, cls)
    visit(tree, None)
    return out

def messages(root):
    msgs, problems = set(), []
    for path in sorted(pathlib.Path(root).rglob("*.py")):
        for kind, cls, call in calls(path):
            where = f"{path}:{call.lineno}"
            args = call.args
            lit = lambda n: isinstance(n, ast.Constant) and isinstance(n.value, str)
            if kind == "translate":
                if len(args) < 2 or not lit(args[0]) or not lit(args[1]):
                    problems.append(f"{where}: translate() needs literal context and text"); continue
                msgs.add((args[0].value, args[1].value)); continue
            if not args or not lit(args[0]):
                problems.append(f"{where}: {kind}() needs a literal string"); continue
            if kind == "other.tr" or cls is None:
                problems.append(f"{where}: tr() outside a method of a class"); continue
            msgs.add((cls, args[0].value))
            if len(args) > 1:
                problems.append(f"{where}: extra args {ast.unparse(call)[:60]}")
    return msgs, problems

if __name__ == "__main__":
    m, p = messages(sys.argv[1])
    print(len(m), "messages"); print("\n".join(p))
