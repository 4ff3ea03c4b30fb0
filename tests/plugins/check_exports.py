#!/usr/bin/env python3
"""Check that each plugin exports billijk_plugin_entry and no other symbol of its own.

    check_exports.py build/plugins/barendrecht.so ...

Reads the dynamic symbol table with `nm -D --defined-only`. Symbols the toolchain itself defines
in every shared object (_init, _fini, and the section markers older linkers export) and the
sanitizer runtimes' hooks (__asan_*, __ubsan_*, __sanitizer_*) are not the plugin's and are
ignored.
"""
import re
import subprocess
import sys

TOOLCHAIN = re.compile(r"^(_init|_fini|_edata|_end|__bss_start|__(asan|ubsan|sanitizer|lsan)_\w*)$")


def main(files):
    failed = False
    for path in files:
        out = subprocess.run(["nm", "-D", "--defined-only", path], capture_output=True, text=True)
        if out.returncode != 0:
            print("{}: nm failed: {}".format(path, out.stderr.strip()))
            failed = True
            continue
        names = [line.split()[-1] for line in out.stdout.splitlines() if line.strip()]
        own = sorted(n for n in names if not TOOLCHAIN.match(n))
        if own != ["billijk_plugin_entry"]:
            print("{}: exports {} (expected only billijk_plugin_entry)".format(path, own))
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
