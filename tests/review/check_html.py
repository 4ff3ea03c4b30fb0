#!/usr/bin/env python3
"""Opens the HTML review report in headless Chromium and checks that it renders.

Writes the report of a decisions file with `billijk review --format html --output`, and the JSON
report of the same file; loads the HTML page in `chromium --headless --dump-dom` (no network: the
page is a local file and must need nothing else) and compares the rendered DOM with the JSON:
one deviations-table row per field that is not equal, one section and one <svg> chart per group
of equal cases with different budgets, one bar per decided budget and one tick per engine budget.
"""
import argparse
import html.parser
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile


class Counter(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows = {"deviation": 0, "within-tolerance": 0, "member": 0}
        self.svg = 0
        self.bars = 0
        self.ticks = 0
        self.sections = 0
        self.external = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class", "")
        if tag == "tr" and cls in self.rows:
            self.rows[cls] += 1
        if tag == "svg":
            self.svg += 1
        if tag == "rect" and cls == "bar":
            self.bars += 1
        if tag == "line" and cls == "engine":
            self.ticks += 1
        if tag == "section" and cls == "group":
            self.sections += 1
        if tag in ("script", "link", "img", "iframe") or (tag == "script" and a.get("src")):
            self.external.append(tag)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--billijk", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--chromium", default="chromium")
    ap.add_argument("decisions")
    ap.add_argument("extra", nargs="*")
    a = ap.parse_args()
    chromium = shutil.which(a.chromium)
    if not chromium:
        print("chromium not found: run scripts/setup.sh (Debian package chromium)")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        page = pathlib.Path(tmp) / "review.html"
        # the fixed test rules only: no municipality plugin (an empty plugin directory)
        base = [a.billijk, "review", a.decisions, "--rules", a.rules, "--plugin-path", tmp,
                "--equal-cases"] + a.extra
        r = subprocess.run(base + ["--format", "html", "--output", str(page)], capture_output=True)
        if r.returncode not in (0, 1):
            print("billijk review failed:", r.returncode, r.stderr.decode())
            return 1
        report = json.loads(subprocess.run(base + ["--format", "json"], capture_output=True).stdout)
        dom = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             f"--user-data-dir={tmp}/profile", "--dump-dom", page.as_uri()],
            capture_output=True, timeout=120)
        if dom.returncode != 0 or b"</html>" not in dom.stdout:
            print("chromium did not render the page:", dom.returncode, dom.stderr.decode()[-2000:])
            return 1
    c = Counter()
    c.feed(dom.stdout.decode())
    fields = [f for d in report["decisions"] for f in d["fields"] if f["verdict"] != "equal"]
    groups = report.get("equal_cases", [])
    members = [m for g in groups for m in g["members"]]
    want = {
        "deviation rows": (c.rows["deviation"],
                           sum(f["verdict"] == "deviation" for f in fields)),
        "within-tolerance rows": (c.rows["within-tolerance"],
                                  sum(f["verdict"] == "within_tolerance" for f in fields)),
        "group sections": (c.sections, len(groups)),
        "svg charts": (c.svg, len(groups)),
        "member rows": (c.rows["member"], len(members)),
        "bars": (c.bars, sum(m["decided_budget"] is not None for m in members)),
        "engine ticks": (c.ticks, sum(m["engine_budget"] is not None for m in members)),
        "external resources": (len(c.external), 0),
    }
    bad = [f"{k}: rendered {got}, expected {exp}" for k, (got, exp) in want.items() if got != exp]
    if not groups or not fields:
        bad.append("the decisions file must give deviations and groups for this test to mean anything")
    if bad:
        print("\n".join(bad))
        return 1
    print("html report renders: " + ", ".join(f"{k} {got}" for k, (got, _) in want.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
