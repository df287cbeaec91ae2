"""How much of the budget whole claims could fill at all: an upper bound for issue 10's "fill ≥ 90 % of
the budget with whole sentences", on the dev set.

    python bench/fill_bound.py [--sets multinews_val,neus_val,duc2006]

For every cluster, at the references' length, the most words any set of candidates (sentences that may
be claims, at the length each takes as a claim) fits in the budget: a knapsack, solved exactly. Two
bounds: one that may print the same fact twice (any candidates), and one that may not (no two candidates
closer than the redundancy threshold, and not two wordings of one claim, as the brief's program). A
budget shorter than every candidate counts as filled (the brief then prints one claim over it). Fill is
capped at the budget, as `summarize eval` counts it. Compared with the fill of the brief itself.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.concepts import MAX_CANDIDATES, never_together  # noqa: E402
from summarize.config import DEFAULTS  # noqa: E402
from summarize.embed import shared_encoder  # noqa: E402
from summarize.evaluate import brief_at, read_clusters  # noqa: E402
from summarize.pipeline import analyse  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "dev" / "clusters.jsonl"


def most_words(sizes: list[int], budget: int, apart: list[tuple[int, int]] = ()) -> int:
    """The most words a subset of `sizes` fits in `budget`, no pair of `apart` both taken."""
    if not sizes:
        return 0
    if min(sizes) > budget:
        return budget
    rows = [np.array(sizes, dtype=float)]
    lower, upper = [0.0], [float(budget)]
    for a, b in apart:
        row = np.zeros(len(sizes))
        row[[a, b]] = 1.0
        rows.append(row)
        lower.append(0.0)
        upper.append(1.0)
    result = milp(-np.array(sizes, dtype=float), constraints=LinearConstraint(np.array(rows), lower, upper),
                  integrality=np.ones(len(sizes)), bounds=Bounds(0, 1))
    return round(-result.fun)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="multinews_val,neus_val,duc2006")
    args = parser.parse_args()
    encoder = shared_encoder()
    print("| set | clusters | brief's fill | bound, a fact may repeat | bound, no fact twice |")
    print("|---|---|---|---|---|")
    for name in args.sets.split(","):
        fills, repeating, distinct = [], [], []
        for cluster in read_clusters(EVAL, sets=[name]):
            analysis = analyse(cluster.documents, DEFAULTS, encoder=encoder)
            budget = cluster.budget
            brief = brief_at(analysis, budget)
            fills.append(min(1.0, brief.stats.words / budget))
            pool = list(analysis.ranked[:MAX_CANDIDATES])
            sizes = [analysis.claim_words(i) for i in pool]
            repeating.append(min(1.0, most_words(sizes, budget) / budget))
            apart = never_together(pool, analysis.vectors, DEFAULTS, analysis.same_claims(pool))
            distinct.append(min(1.0, most_words(sizes, budget, sorted(apart)) / budget))
        print(f"| {name} | {len(fills)} | {statistics.mean(fills):.1%} | {statistics.mean(repeating):.1%} | "
              f"{statistics.mean(distinct):.1%} |", flush=True)


if __name__ == "__main__":
    main()
