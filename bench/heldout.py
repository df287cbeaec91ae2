"""A held-out check: clusters no rule, threshold or lexicon was ever tuned on, in `summarize eval`'s format.

    python bench/heldout.py TRAIN.source TRAIN.target -o /tmp/heldout.jsonl [--clusters 100]
    summarize eval /tmp/heldout.jsonl -o heldout.md

The dev set (../shared/eval/dev) is what every rule was calibrated and checked on; the product is measured
on held-out clusters of the same kinds. NeuS's train split (left/centre/right roundups; the public
repository HLTCHKUST/framing-bias-metric at commit 1586f55, data/naacl2022_lrc_roundup_random_order_probe/
train.source and train.target; sha256 checked; the reference is the target's ARTICLE part, as the dev
set has it, without its TITLE) is the nearest thing here: the rules never saw it, and the
clusters taken are those the learned scorer (training/train_scorer.py, the first 800 of the same seeded
shuffle) was not fitted on. The data stays outside the project: get the two files yourself and pass them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from training.train_scorer import _ARTICLE, DATA, clusters, sha256  # noqa: E402

SCORER_CLUSTERS = 800  # training/train_scorer.py's default: the first 800 of the shuffle are its data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--clusters", type=int, default=100)
    parser.add_argument("--start", type=int, default=0, help="skip this many (a second, disjoint sample)")
    args = parser.parse_args()
    for path, digest in zip((args.source, args.target), DATA["files"].values()):
        if sha256(path) != digest:
            sys.exit(f"{path}: sha256 differs from the recorded NeuS train file")
    if args.output.exists():
        sys.exit(f"{args.output} exists; choose another path")
    data = clusters(args.source, args.target)
    random.Random(0).shuffle(data)  # the scorer's shuffle: its clusters come first
    unseen = data[SCORER_CLUSTERS:]
    random.Random(1).shuffle(unseen)
    with args.output.open("w", encoding="utf-8") as out:
        for number, (documents, summary) in enumerate(unseen[args.start:args.start + args.clusters]):
            row = {"id": f"neus-train-{args.start + number}", "set": "neus_train_heldout",
                   "documents": [{"title": d.title or "", "text": d.text} for d in documents],
                   "references": [_ARTICLE.search(summary).group("text").strip() if _ARTICLE.search(summary) else summary]}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(unseen[args.start:args.start + args.clusters])} clusters to {args.output}")


if __name__ == "__main__":
    main()
