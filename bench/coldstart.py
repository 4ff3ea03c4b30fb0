#!/usr/bin/env python3
"""Cold start: times whole processes end to end, many runs, and prints the median.

    bench/coldstart.py --runs 50 -- build/cli/billijk indicate case.json

Each run is one fork + exec + exit, timed with a monotonic clock around the child; the same
is measured for /bin/true, whose median is the cost of starting any process from here and is
printed alongside (subtract it to compare with other launchers). Output on stdout is one line of
key=value figures in milliseconds; the child's output is discarded, and a non-zero exit status of
the child stops the measurement (a failing command is not a cold start).
"""
import argparse
import statistics
import subprocess
import sys
import time


def timed_runs(cmd, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        t1 = time.perf_counter()
        if done.returncode != 0:
            sys.stderr.write(f"coldstart.py: {' '.join(cmd)} exited {done.returncode}:\n")
            sys.stderr.write(done.stderr.decode(errors="replace"))
            sys.exit(1)
        times.append((t1 - t0) * 1000)
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    if not cmd:
        ap.error("no command")
    timed_runs(cmd, 3)  # warm the page cache: "cold" is a new process, not a cold disk
    times = sorted(timed_runs(cmd, args.runs))
    base = statistics.median(timed_runs(["/bin/true"], args.runs))
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    print(f"median_ms={statistics.median(times):.2f} min_ms={times[0]:.2f} p90_ms={p90:.2f} "
          f"runs={args.runs} bin_true_median_ms={base:.2f}")


if __name__ == "__main__":
    main()
