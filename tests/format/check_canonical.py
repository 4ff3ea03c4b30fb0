#!/usr/bin/env python3
"""Fails when a rule file the repository publishes is not in `billijk fmt`'s canonical layout.

Usage: check_canonical.py BILLIJK ROOT DIR...

Every `*.rules` file under each DIR (relative to ROOT, searched recursively) must pass
`billijk fmt --check`. The file list is found when the test runs, not when CMake configures, so a
package added later is covered without touching CMake. Why it matters: a file's SHA-256 is part of
every indication's rule-set list, so a layout-only edit made later (e.g. by an editor, or by the
next person who runs `fmt`) would change stored indications' hashes for no change in meaning.
Keeping the files canonical means that happens once, deliberately, with its golden updates.

The golden fixtures under tests/ are not passed here: many are malformed or laid out oddly on
purpose (diagnostics, lint findings, fuzz regressions).
"""
import pathlib
import subprocess
import sys


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    billijk, root, dirs = argv[1], pathlib.Path(argv[2]), argv[3:]
    files = []
    for d in dirs:
        found = sorted((root / d).rglob("*.rules"))
        if not found:
            # A moved or renamed directory must not make the test pass by checking nothing.
            print(f"{d}: no *.rules file found", file=sys.stderr)
            return 1
        files += found
    # One run for all files: `fmt --check` prints each file that would change.
    run = subprocess.run([billijk, "fmt", "--check", *map(str, files)],
                         capture_output=True, text=True)
    if run.returncode == 0:
        print(f"{len(files)} rule files are canonical")
        return 0
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    print(f"not in canonical layout (exit {run.returncode}); run `billijk fmt FILE`, check that "
          "`git diff -w` is empty, and update the goldens whose rule hash changes",
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
