#!/usr/bin/env python3
"""Runs the examples in a Markdown document as tests, so documentation cannot drift.

A fenced block tagged ```rules is a complete rules root (one file): `billijk check` must accept it.
A block tagged ```rules-error E0301 must be rejected with that diagnostic id.
Consecutive blocks tagged ```rules file=NAME.rules form one rules root with several files
(e.g. a national and a municipal layer) and are checked together.
"""
import os
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```(rules(?:-error)?)([^\n]*)\n(.*?)^```", re.M | re.S)


def blocks(text):
    for m in FENCE.finditer(text):
        kind, args, body = m.group(1), m.group(2).strip(), m.group(3)
        line = text.count("\n", 0, m.start()) + 1
        yield kind, args, body, line


def groups(text):
    """Yields (kind, want_id, {file: body}, line): consecutive file= blocks form one group."""
    pending, pending_line = {}, 0
    for kind, args, body, line in blocks(text):
        m = re.search(r"file=(\S+)", args)
        if m and kind == "rules" and m.group(1) not in pending:
            if not pending:
                pending_line = line
            pending[m.group(1)] = body
            continue
        if pending:
            yield "rules", "", pending, pending_line
            pending = {}
        want = args.split()[0] if kind == "rules-error" and args else ""
        yield kind, want, {"example.rules": body}, line
    if pending:
        yield "rules", "", pending, pending_line


def main():
    billijk, doc = sys.argv[1], sys.argv[2]
    with open(doc, encoding="utf-8") as f:
        text = f.read()
    failures, count = [], 0
    for kind, want, files, line in groups(text):
        count += 1
        with tempfile.TemporaryDirectory() as root:
            for name, body in files.items():
                with open(os.path.join(root, name), "w", encoding="utf-8") as f:
                    f.write(body)
            # Each example is a rules root of its own, checked without the installed plugins.
            p = subprocess.run([billijk, "check", "--rules", root, "--plugin-path", ""],
                               capture_output=True, text=True)
            where = f"{doc}:{line}"
            if kind == "rules" and p.returncode != 0:
                failures.append(f"{where}: example rejected:\n{p.stderr}")
            if kind == "rules-error":
                if p.returncode == 0:
                    failures.append(f"{where}: example should fail with {want} but was accepted")
                elif f"[{want}]" not in p.stderr:
                    failures.append(f"{where}: expected {want}, got:\n{p.stderr}")
    if count == 0:
        failures.append(f"{doc}: no ```rules examples found")
    for f in failures:
        print(f)
    print(f"{count - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
