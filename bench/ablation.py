"""Selection ablation on the dev set: which selection signals earn their place.

    python bench/ablation.py [--sets multinews_val,neus_val,duc2006] [-o bench/ABLATION.md]

Each cluster is analysed once (cleaning, sentences, MiniLM, centrality — as `summarize brief` does);
then every variant selects sentences at the references' length, and ROUGE-2 F1 of the selected
sentences (as written, no edits) is averaged per data set, beside lead, sumy's LexRank and TextRank on
the same sentences (sumy only where it runs in reasonable time: not on DUC's 25-article clusters). The
dev set is read from ../shared/eval/dev at run time. Also the greedy oracle over the sentences that
may be claims: the best any selection of stand-alone sentences can do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.config import DEFAULTS  # noqa: E402
from summarize.embed import shared_encoder  # noqa: E402
from summarize.evaluate import _in_document_order, _sumy, lead, read_clusters, rouge  # noqa: E402
from summarize.pipeline import analyse, select  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "dev" / "clusters.jsonl"
OFF = dict(position_prior=0.0, corroboration_bonus=0.0, learned_weight=0.0, headline_weight=0.0)
VARIANTS = {
    "MMR on cross-source centrality (before)": dict(selection="mmr"),
    "concepts (bigram coverage, ILP) alone": dict(OFF),
    "+ position prior": dict(OFF, position_prior=DEFAULTS.position_prior),
    "+ position prior + headline closeness": dict(OFF, position_prior=DEFAULTS.position_prior, headline_weight=1.0),
    "+ position prior + learned scorer": dict(OFF, position_prior=DEFAULTS.position_prior, learned_weight=1.0),
    "+ position prior + corroboration": dict(OFF, position_prior=DEFAULTS.position_prior,
                                             corroboration_bonus=DEFAULTS.corroboration_bonus),
    "+ position prior + corroboration + learned scorer": dict(
        OFF, position_prior=DEFAULTS.position_prior, corroboration_bonus=DEFAULTS.corroboration_bonus,
        learned_weight=1.0),
    "+ all four (default)": dict(position_prior=DEFAULTS.position_prior, corroboration_bonus=DEFAULTS.corroboration_bonus,
                      learned_weight=1.0, headline_weight=1.0),
    # Every row above counts content words as concepts too (`Settings.word_concept_weight`); this one does not.
    "all four, bigram concepts only": dict(position_prior=DEFAULTS.position_prior,
                                           corroboration_bonus=DEFAULTS.corroboration_bonus, learned_weight=1.0,
                                           headline_weight=1.0, word_concept_weight=0.0),
}


def oracle(analysis, budget: int, references) -> float:
    """Greedy ROUGE-2 oracle over the candidates (sentences that stand alone)."""
    chosen: list[int] = []
    best = 0.0
    while True:
        used = sum(analysis.sentences[i].words for i in chosen)
        trials = [(rouge(" ".join(analysis.sentences[j].text for j in sorted(chosen + [i])), references)["rouge2"], i)
                  for i in analysis.order if i not in chosen and used + analysis.sentences[i].words <= budget]
        if not trials or max(trials)[0] <= best:
            return best
        best, pick = max(trials)
        chosen.append(pick)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="multinews_val,neus_val,duc2006")
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()
    sets = args.sets.split(",")
    encoder = shared_encoder()
    base = replace(DEFAULTS, rewrite=False, use_model=False)
    scores: dict[str, dict[str, list[float]]] = {}
    fills: dict[str, dict[str, list[float]]] = {}

    def record(name: str, cluster, text: str, words: int, score: float | None = None) -> None:
        score = rouge(text, cluster.references)["rouge2"] if score is None else score
        scores.setdefault(name, {}).setdefault(cluster.set, []).append(score)
        fills.setdefault(name, {}).setdefault(cluster.set, []).append(words / cluster.budget)

    clusters = read_clusters(EVAL, sets=sets)
    for number, cluster in enumerate(clusters, 1):
        print(f"[{number}/{len(clusters)}] {cluster.id}", file=sys.stderr)
        analysis = analyse(cluster.documents, base, encoder=encoder)
        peers = {"lead": lead(analysis, cluster.budget)}
        if cluster.set != "duc2006":
            peers["sumy LexRank"] = _sumy(analysis, cluster.budget, "lexrank")
            peers["sumy TextRank"] = _sumy(analysis, cluster.budget, "textrank")
        for name, chosen in peers.items():
            record(name, cluster, _in_document_order(analysis, chosen), sum(analysis.sentences[i].words for i in chosen))
        for name, changes in VARIANTS.items():
            variant = replace(analysis, settings=replace(base, **changes))
            chosen = select(variant, cluster.budget)
            record(name, cluster, _in_document_order(analysis, chosen), sum(analysis.sentences[i].words for i in chosen))
        if cluster.set != "duc2006":  # the oracle's greedy search is quadratic in sentences
            record("greedy oracle over stand-alone sentences", cluster, "", 0,
                   score=oracle(analysis, cluster.budget, cluster.references))

    lines = [
        "# Selection ablation (ROUGE-2 F1 %, selected sentences as written; fill = words / budget)",
        "",
        f"- Date {dt.date.today()}; machine {platform.machine()}, {platform.system()}, Python {platform.python_version()};"
        f" command `python bench/ablation.py --sets {args.sets}`; {len(clusters)} clusters of ../shared/eval/dev.",
        "",
        "| selection | " + " | ".join(sets) + " |",
        "|---|" + "---|" * len(sets),
    ]
    for name in scores:
        cells = []
        for name_set in sets:
            values = scores[name].get(name_set)
            fill = fills[name].get(name_set)
            cells.append("—" if not values else f"{np.mean(values) * 100:.2f}"
                         + (f" (fill {np.mean(fill):.2f})" if fill and np.mean(fill) > 0 else ""))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    report = "\n".join(lines) + "\n"
    print(report)
    if args.output:
        args.output.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
