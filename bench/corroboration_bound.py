"""How many Summary claims could cite two outlets at all: an upper bound for issue 10's "≥ 50 % of
Summary claims citing ≥ 2 sources", on the dev set, under the citation test the brief uses.

    python bench/corroboration_bound.py [--sets multinews_val,neus_val,duc2006]

A claim cites an outlet only when that outlet states it (`attribute.same_claim`, precision ≥ 0.97 on
the labelled dev pairs). For every cluster this counts the facts that two outlets state — candidate
sentences (those that may be claims) with a wording citing 2+ outlets, or a shared core (a clause
deletion) that another outlet states; paraphrases of one fact counted once — and sets them against the
Summary claims of the brief at the references' length. The bound assumes every such fact could be
printed in place of a single-outlet claim, whatever its relevance and length.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.config import DEFAULTS  # noqa: E402
from summarize.embed import shared_encoder  # noqa: E402
from summarize.evaluate import brief_at, read_clusters  # noqa: E402
from summarize.pipeline import analyse  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "dev" / "clusters.jsonl"


def corroborated_facts(analysis) -> int:
    """Facts (connected groups of sentences stating one another) that two or more outlets state."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            i = parent[i]
        return i

    multi = set()
    for index in analysis.candidates:
        stating = {s.index for s, _ in analysis.wordings(index)}
        if len({analysis.sentences[i].source_id for i in stating}) >= 2:
            multi.add(index)
            for other in stating:
                parent[root(other)] = root(index)
    return len({root(i) for i in multi})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="multinews_val,neus_val,duc2006")
    args = parser.parse_args()
    encoder = shared_encoder()
    print("| set | clusters (2+ sources) | with any fact two outlets state | such facts per cluster | "
          "Summary claims per brief | citing 2+ now (mean per brief) | bound |")
    print("|---|---|---|---|---|---|---|")
    for name in args.sets.split(","):
        clusters = with_any = facts = claims = 0
        shares, bounds = [], []
        for cluster in read_clusters(EVAL, sets=[name]):
            analysis = analyse(cluster.documents, DEFAULTS, encoder=encoder)
            if len(analysis.sources) < 2:
                continue
            brief = brief_at(analysis, cluster.budget)
            summary = [claim for claim in brief.claims if claim.section == "summary"]
            found = corroborated_facts(analysis)
            clusters += 1
            with_any += found > 0
            facts += found
            claims += len(summary)
            citing = sum(1 for claim in summary if len(claim.sources) > 1)  # edits may find more wordings
            if summary:
                shares.append(citing / len(summary))
                bounds.append(min(len(summary), max(found, citing)) / len(summary))
        print(f"| {name} | {clusters} | {with_any} | {facts / clusters:.2f} | {claims / clusters:.2f} | "
              f"{sum(shares) / max(1, len(shares)):.1%} | {sum(bounds) / max(1, len(bounds)):.1%} |")


if __name__ == "__main__":
    main()
