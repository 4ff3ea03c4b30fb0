#!/usr/bin/env python3
"""`billijk batch --store` on a read-only database file, a read-only directory and a full disk:
a clear store error (S01xx) and exit 7, and the database still valid afterwards (audit verify
passes, every stored indication complete, the run record matching what was stored).

As root, file permissions do not stop writes, so the read-only cases run billijk as the user
nobody, from a copy of the binary, rules and plugins in a private temporary directory that nobody
can read. The binary and the plugins are hard links where the file system allows it (their mode,
already 0755, is unchanged): a sanitizer build of billijk is hundreds of megabytes, and a nearly
full /tmp must not fail this test. The full disk is a file size limit (RLIMIT_FSIZE, with SIGXFSZ
ignored so that write() fails with EFBIG instead of killing the process), with the output going
to /dev/null."""
import json
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import env, fail, generate, run, store_consistency, test_args  # noqa: E402

NOBODY = 65534


def as_nobody():
    os.setgid(NOBODY)
    os.setgroups([])
    os.setuid(NOBODY)


def link_or_copy(src, dst):
    """A hard link costs no space; across file systems, fall back to a copy."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return dst


def check_valid(billijk, db, where):
    v = run([billijk, "audit", "verify", "--db", db])
    if v.returncode != 0:
        fail(f"{where}: audit verify failed afterwards: {v.stdout}{v.stderr}")
    stored, runs = store_consistency(db)
    settled = sum(json.loads(r)["stored"] for r in runs)
    if settled != stored:
        fail(f"{where}: run records say {settled} stored, the database has {stored}")
    return stored


def main():
    a = test_args()
    root = os.geteuid() == 0

    # Everything a run needs, where the user running it can read it.
    sandbox = tempfile.mkdtemp(prefix="billijk-batch-")
    try:
        os.chmod(sandbox, 0o755)
        billijk = os.path.join(sandbox, "billijk")
        link_or_copy(a.billijk, billijk)
        rules = os.path.join(sandbox, "rules")
        shutil.copytree(a.rules, rules)
        plugins = os.path.join(sandbox, "plugins")
        shutil.copytree(a.plugin_path, plugins, copy_function=link_or_copy)
        for d, _, files in os.walk(sandbox):
            os.chmod(d, 0o755)
            for f in files:
                os.chmod(os.path.join(d, f), 0o755)
        common = ["--rules", rules, "--plugin-path", plugins]
        cases = os.path.join(sandbox, "cases.jsonl")
        generate(cases, 300, seed=3)
        os.chmod(cases, 0o644)
        preexec = as_nobody if root else None

        # 1. A read-only database file (in a directory the user may write).
        data = os.path.join(sandbox, "ro-file")
        os.makedirs(data)
        os.chmod(data, 0o777)
        db = os.path.join(data, "billijk.db")
        r = run([billijk, "batch", cases, "--out", "/dev/null", "--store", "--db", db,
                 "--commit-every", "50"] + common)
        if r.returncode != 0:
            fail(f"setting up the database: exit {r.returncode}: {r.stderr}")
        before = check_valid(billijk, db, "read-only file (before)")
        os.chmod(db, 0o444)
        r = run([billijk, "batch", cases, "--out", "/dev/null", "--store", "--db", db] + common,
                preexec_fn=preexec)
        if r.returncode != 7 or "error[S01" not in r.stderr:
            fail(f"read-only database file: expected exit 7 with S01xx, got {r.returncode}: {r.stderr}")
        print("read-only database file:", r.stderr.strip().splitlines()[-1])
        os.chmod(db, 0o644)
        if check_valid(billijk, db, "read-only file") != before:
            fail("read-only database file: the number of stored indications changed")

        # 2. A read-only directory: no database can be created there.
        ro_dir = os.path.join(sandbox, "ro-dir")
        os.makedirs(ro_dir)
        os.chmod(ro_dir, 0o555)
        r = run([billijk, "batch", cases, "--out", "/dev/null", "--store", "--db",
                 os.path.join(ro_dir, "sub", "billijk.db")] + common, preexec_fn=preexec)
        if r.returncode != 7 or "error[S0101]" not in r.stderr:
            fail(f"read-only directory: expected exit 7 with S0101, got {r.returncode}: {r.stderr}")
        print("read-only directory:", r.stderr.strip().splitlines()[-1])

        # 3. A full disk: the files may not grow past a limit, reached after a few groups.
        full = os.path.join(a.work, "full.db")
        r = run([billijk, "batch", cases, "--out", "/dev/null", "--store", "--db", full,
                 "--commit-every", "50"] + common)
        if r.returncode != 0:
            fail(f"setting up the full-disk database: exit {r.returncode}: {r.stderr}")
        size = sum(os.path.getsize(p) for p in (full, full + "-wal") if os.path.exists(p))
        big = os.path.join(sandbox, "big.jsonl")
        generate(big, 3000, seed=4)
        limit = size + 400_000

        def limited():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        r = subprocess.run([billijk, "batch", big, "--out", "/dev/null", "--store", "--db", full,
                            "--commit-every", "100"] + common, env=env(), preexec_fn=limited,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if r.returncode != 7 or "error[S0103]" not in r.stderr:
            fail(f"full disk: expected exit 7 with S0103, got {r.returncode}: {r.stderr}")
        print("full disk:", [l for l in r.stderr.splitlines() if "S0103" in l][0])
        stored = check_valid(billijk, full, "full disk")
        con = sqlite3.connect(full)
        last = json.loads(con.execute("SELECT value FROM meta WHERE key LIKE 'batch_run:%' "
                                      "ORDER BY key DESC LIMIT 1").fetchone()[0])
        con.close()
        if last["finished"] or last["stored"] != last["last_line"] or stored != 300 + last["stored"]:
            fail(f"full disk: the run record does not match what was stored: {last}, {stored} stored")
        print(f"store errors: all checks passed ({last['stored']} of 3000 stored before the disk was full)")
    finally:
        shutil.rmtree(sandbox, ignore_errors=True)


if __name__ == "__main__":
    main()
