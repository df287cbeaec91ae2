"""Warm seeds brief, two checkouts of the code side by side: is the new code slower?

    git worktree add /tmp/base <old commit>
    python bench/warm_ab.py /tmp/base . --rounds 4

Each round runs one new process per checkout, alternating (old, new), so that the machine's drift over
the minutes hits both alike. A process imports the code of its checkout (PYTHONPATH), briefs seeds/ once
to warm the models and caches, then `--repeats` more times, and prints the median seconds of
`summarize.brief([seeds/], words=200)`. Both use this interpreter's packages and the same user caches.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import statistics, sys, time
import summarize
seeds = sys.argv[1]
summarize.brief([seeds], words=200)
times = []
for _ in range(int(sys.argv[2])):
    started = time.perf_counter()
    summarize.brief([seeds], words=200)
    times.append(time.perf_counter() - started)
print(statistics.median(times))
"""


def warm_seconds(checkout: Path, repeats: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(checkout.resolve())}
    done = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT / "seeds"), str(repeats)], env=env,
                          cwd=checkout, capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", type=Path, help="checkout of the code before")
    parser.add_argument("new", type=Path, help="checkout of the code after")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=9, help="warm briefs timed per process")
    args = parser.parse_args()
    old, new = [], []
    for round_number in range(1, args.rounds + 1):
        old.append(warm_seconds(args.old, args.repeats))
        new.append(warm_seconds(args.new, args.repeats))
        print(f"round {round_number}: old {old[-1]:.3f} s, new {new[-1]:.3f} s", flush=True)
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}: "
          f"median old {statistics.median(old):.3f} s, new {statistics.median(new):.3f} s; "
          f"new faster in {sum(n < o for o, n in zip(old, new))} of {args.rounds} rounds")


if __name__ == "__main__":
    main()
