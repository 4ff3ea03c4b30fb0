#!/usr/bin/env python3
"""Golden test of one `billijk plugins` run: compare exit code, stdout and stderr with a file.

    check_plugins_output.py --billijk build/cli/billijk --expected tests/golden/plugins/x.expected
        [--placeholder PATH=<name> ...] -- plugins --plugin-path DIR:DIR

The output is normalised before the comparison: each --placeholder PATH is replaced by its name
(in the order given, so pass the longer, nested path first) and every SHA-256 (64 hex digits) by
<sha256>, so the expectation holds in any build directory and for any compiler. The expected
file is

    exit: 5
    --- stdout
    ...
    --- stderr
    ...

BILLIJK_UPDATE_GOLDEN=1 writes the actual output to the file instead (review the diff).
$BILLIJK_PLUGIN_PATH is removed from the environment, so only the command line decides.
"""
import argparse
import os
import re
import subprocess
import sys

SHA256 = re.compile(r"\b[0-9a-f]{64}\b")


def normalise(text, placeholders):
    for path, name in placeholders:
        text = text.replace(path, name)
    return SHA256.sub("<sha256>", text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--billijk", required=True)
    parser.add_argument("--expected", required=True)
    parser.add_argument("--placeholder", action="append", default=[])
    parser.add_argument("args", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    args = options.args[1:] if options.args[:1] == ["--"] else options.args

    placeholders = []
    for item in options.placeholder:
        path, _, name = item.partition("=")
        placeholders.append((path, name))
    # Longest first, so that a build directory inside the source tree wins.
    placeholders.sort(key=lambda p: -len(p[0]))

    env = dict(os.environ)
    env.pop("BILLIJK_PLUGIN_PATH", None)
    run = subprocess.run([options.billijk] + args, capture_output=True, text=True, env=env)
    actual = "exit: {}\n--- stdout\n{}--- stderr\n{}".format(
        run.returncode, normalise(run.stdout, placeholders), normalise(run.stderr, placeholders))

    if os.environ.get("BILLIJK_UPDATE_GOLDEN") == "1":
        with open(options.expected, "w", encoding="utf-8") as f:
            f.write(actual)
        print("updated " + options.expected)
        return 0
    try:
        with open(options.expected, encoding="utf-8") as f:
            expected = f.read()
    except OSError as e:
        print("cannot read {}: {} (run with BILLIJK_UPDATE_GOLDEN=1 to create it)".format(
            options.expected, e.strerror))
        print(actual)
        return 1
    if actual == expected:
        return 0
    import difflib
    sys.stdout.writelines(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        fromfile=options.expected, tofile="actual"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
