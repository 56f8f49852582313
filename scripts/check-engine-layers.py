#!/usr/bin/env python3
"""The engine's folder layers (engine/LAYERS), checked against its includes.

Reads every `#include "<folder>/..."` in engine/src/<folder>/ and fails when
a folder includes one on its own or a higher line of engine/LAYERS (which
also rules out every cycle), when a folder is missing from LAYERS, or when a
folder's README.md does not name exactly the folders it includes on its
`Engine folders it includes:` line.

Usage: check-engine-layers.py [--root DIR] [--graph] [--fix-readmes]
  --graph        print the folder graph and its cycles (measuring), exit 0
  --fix-readmes  rewrite each README's `Engine folders it includes:` line
                 (a missing README is created with that line)
"""

import argparse
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*"([A-Za-z0-9_]+)/')
README_LINE = "Engine folders it includes:"
SOURCES = (".h", ".hpp", ".cpp", ".c")


def read_layers(path):
    """Folder -> layer index (0 is the lowest line)."""
    layers = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            index = len(set(layers.values()))
            for folder in words:
                if folder in layers:
                    raise SystemExit(f"{path}: {folder} is on two lines")
                layers[folder] = index
    return layers


def folders_of(src):
    return sorted(d for d in os.listdir(src) if os.path.isdir(os.path.join(src, d)))


def include_sites(src, folders):
    """(from, to, file, line number) for each include of another folder."""
    known = set(folders)
    for folder in folders:
        top = os.path.join(src, folder)
        for dirpath, _, files in os.walk(top):
            for name in sorted(files):
                if not name.endswith(SOURCES):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    for number, text in enumerate(f, 1):
                        m = INCLUDE.match(text)
                        if m and m.group(1) in known and m.group(1) != folder:
                            yield folder, m.group(1), path, number


def cycles(graph):
    """Strongly connected components with more than one folder (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def readme_text(deps):
    listed = ", ".join(f"`{d}`" for d in sorted(deps)) if deps else "none"
    return f"{README_LINE} {listed}."


def check_readme(path, deps, fix):
    """An error message, or None. With `fix`, rewrites the line instead."""
    if not os.path.exists(path):
        if not fix:
            return f"{path}: missing (each engine folder has a README.md)"
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"# engine/src/{os.path.basename(os.path.dirname(path))}\n")
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    wanted = readme_text(deps)
    at = [i for i, line in enumerate(lines) if line.startswith(README_LINE)]
    if len(at) == 1 and lines[at[0]] == wanted:
        return None
    if not fix:
        return f"{path}: wants the line '{wanted}'"
    if at:
        lines[at[0]] = wanted
    else:
        while lines and lines[-1] == "":
            lines.pop()
        lines += ["", wanted, ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."))
    parser.add_argument("--graph", action="store_true")
    parser.add_argument("--fix-readmes", action="store_true")
    args = parser.parse_args()

    engine = os.path.join(args.root, "engine")
    src = os.path.join(engine, "src")
    folders = folders_of(src)
    sites = list(include_sites(src, folders))
    graph = {f: set() for f in folders}
    for source, target, _, _ in sites:
        graph[source].add(target)

    if args.graph:
        for folder in folders:
            print(f"{folder}: {' '.join(sorted(graph[folder])) or '-'}")
        for component in cycles(graph):
            print("cycle: " + " <-> ".join(component))
        return 0

    errors = []
    layers = read_layers(os.path.join(engine, "LAYERS"))
    for folder in folders:
        if folder not in layers:
            errors.append(f"engine/LAYERS: no line names engine/src/{folder}")
    for folder in layers:
        if folder not in graph:
            errors.append(f"engine/LAYERS: {folder} is no folder of engine/src")
    for source, target, path, number in sites:
        if source in layers and target in layers and layers[target] >= layers[source]:
            where = "the same" if layers[target] == layers[source] else "a higher"
            errors.append(f"{os.path.relpath(path, args.root)}:{number}: {source} includes {target}, "
                          f"on {where} line of engine/LAYERS")
    for component in cycles(graph):
        errors.append("cycle between engine folders: " + " <-> ".join(component))
    for folder in folders:
        message = check_readme(os.path.join(src, folder, "README.md"), graph[folder], args.fix_readmes)
        if message:
            errors.append(os.path.relpath(message, args.root) if message.startswith(args.root) else message)

    for error in errors:
        print(error, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
