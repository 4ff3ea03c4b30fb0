#!/usr/bin/env python3
"""Validate JSON files against a Billijk JSON Schema (docs/schema/*.schema.json).

    validate.py SCHEMA FILE...                   every file must be valid
    validate.py --expect-invalid SCHEMA FILE...  every file must be invalid (negative samples)

A `.jsonl` file holds one document per line. Each failure is printed as
`FILE: JSON.PATH: message` (the engine's path style, e.g. `requests[0].need.unit`), in path
order. A file that is not JSON fails (or, with --expect-invalid, counts as invalid). Exit
status: 0 when every file meets the expectation, 1 when one does not, 2 for usage errors,
unreadable files and unusable schemas.

Uses python3-jsonschema (Debian 12 ships 4.10, which supports draft 2020-12).
"""

import json
import re
import sys

import jsonschema
from jsonschema import validators

IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*\Z")


def json_path(parts):
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif IDENTIFIER.match(part):
            out += ("." if out else "") + part
        else:
            out += "[" + json.dumps(part, ensure_ascii=False) + "]"
    return out or "(root)"


def describe(error):
    """The message, and for anyOf/oneOf the errors of the alternative that came closest.

    The closest alternative is the one with the fewest errors about the value itself (wrong
    type, unexpected or missing members), then the fewest errors overall: for a short-form
    `need` with a bad unit that is the short form's "'uur/week' is not one of ...".
    """
    message = error.message
    if not error.context:
        return message
    branches = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    best = min(branches.values(),
               key=lambda errs: (sum(1 for e in errs if not e.path), len(errs)))
    details = "; ".join(f"{json_path(list(error.absolute_path) + list(e.path))}: {e.message}"
                        for e in sorted(best, key=lambda e: (json_path(e.path), e.message)))
    return f"{message} ({details})"


def documents(path):
    with open(path, encoding="utf-8") as f:
        if path.endswith(".jsonl"):
            for number, line in enumerate(f, start=1):
                if line.strip():
                    yield f"{path}:{number}", json.loads(line)
        else:
            yield path, json.load(f)


def main(argv):
    args = argv[1:]
    expect_invalid = False
    if args and args[0] == "--expect-invalid":
        expect_invalid = True
        args = args[1:]
    if len(args) < 2 or any(a.startswith("--") for a in args):
        print("usage: validate.py [--expect-invalid] SCHEMA FILE...", file=sys.stderr)
        return 2
    schema_path, files = args[0], args[1:]
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        cls = validators.validator_for(schema)
        cls.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        print(f"{schema_path}: cannot use schema: {e}", file=sys.stderr)
        return 2
    validator = cls(schema)

    failed = False
    for path in files:
        try:
            docs = list(documents(path))
        except ValueError as e:
            if expect_invalid:
                continue  # not JSON at all: invalid, as expected
            print(f"{path}: not JSON: {e}")
            failed = True
            continue
        except OSError as e:
            print(f"{path}: cannot read: {e}", file=sys.stderr)
            return 2
        for name, doc in docs:
            errors = sorted(validator.iter_errors(doc),
                            key=lambda e: (json_path(e.absolute_path), e.message))
            if expect_invalid:
                if not errors:
                    print(f"{name}: valid, but expected to fail {schema_path}")
                    failed = True
                continue
            for error in errors:
                print(f"{name}: {json_path(error.absolute_path)}: {describe(error)}")
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
