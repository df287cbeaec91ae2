"""Compare brief lengths: what each length keeps, so a user can pick one.

The ladder is built from the longest brief down: each shorter brief is chosen from the next longer
one's claims in their order of importance, so every step only adds claims (never swaps them) and the
table shows what each step buys. Coverage is the share of the cluster's centrality that the brief's
claims and their evidence account for, and ROUGE recall against the longest brief (rouge-score, the
maintained reimplementation of ROUGE-1.5.5).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .config import DEFAULTS, Settings
from .embed import Encoder
from .errors import InputError
from .pipeline import Analysis, analyse, compose, select
from .types import Brief, Document

log = logging.getLogger(__name__)

DEFAULT_LADDER = (50, 100, 200, 400)


@dataclass(frozen=True)
class Rung:
    budget: int
    brief: Brief
    added: tuple[str, ...]  # claims this length has that the next shorter one lacks
    coverage: float  # share of the cluster's centrality covered by the claims and their evidence
    rouge1: float  # ROUGE-1 recall against the longest brief
    rouge2: float
    source_share: dict[int, float]  # source id -> share of this brief's claims citing it

    @property
    def sources_cited(self) -> int:
        return len({s for claim in self.brief.claims for s in claim.sources})

    def count(self, kind: str) -> int:
        return sum(1 for claim in self.brief.claims if claim.kind == kind)


@dataclass(frozen=True)
class Comparison:
    rungs: tuple[Rung, ...]
    notes: tuple[str, ...]  # budgets capped or dropped, said once to the user

    @property
    def sources(self):
        return self.rungs[-1].brief.sources


def parse_ladder(text: str) -> list[int]:
    """"60,120,240" → [60, 120, 240]; raises ValueError with a message a user can act on."""
    budgets = []
    for part in text.split(","):
        part = part.strip().lower().removesuffix("w")
        if not part:
            continue
        if not part.isdigit():
            raise ValueError(f"{part!r} is not a number of words (write e.g. 60,120,240)")
        if int(part) <= 0:
            raise ValueError("each length must be at least 1 word")
        budgets.append(int(part))
    if not budgets:
        raise ValueError("give at least one length, e.g. 60,120,240")
    return sorted(set(budgets))


def compare(
    inputs: Iterable[str | Path | Document],
    budgets: Iterable[int] = DEFAULT_LADDER,
    settings: Settings = DEFAULTS,
    encoder: Encoder | None = None,
    stdin: str | None = None,
) -> Comparison:
    started = time.perf_counter()
    analysis = analyse(inputs, settings, encoder=encoder, stdin=stdin)
    budgets, notes = _cap(sorted(set(budgets)), analysis)
    chosen: dict[int, list[int]] = {}
    order: list[int] | None = None
    for budget in reversed(budgets):  # longest first; each shorter one picks from the longer's claims
        chosen[budget] = select(analysis, words=budget, order=order)
        order = chosen[budget]
    briefs = {budget: compose(analysis, chosen[budget], started=started, words=budget) for budget in budgets}
    notes += [f"no sentence fits in {b} words; that brief is empty" for b in budgets if not chosen[b]]
    longest = briefs[budgets[-1]]
    rungs, previous = [], set()
    for budget in budgets:
        brief = briefs[budget]
        texts = [claim.text for claim in brief.claims]
        rouge1, rouge2 = _rouge_recall(" ".join(texts), " ".join(c.text for c in longest.claims))
        rungs.append(
            Rung(
                budget=budget,
                brief=brief,
                added=tuple(t for t in texts if t not in previous),
                coverage=_coverage(analysis, brief),
                rouge1=rouge1,
                rouge2=rouge2,
                source_share={
                    s.id: (sum(1 for c in brief.claims if s.id in c.sources) / len(brief.claims) if brief.claims else 0.0)
                    for s in brief.sources
                },
            )
        )
        previous = set(texts)
    return Comparison(rungs=tuple(rungs), notes=tuple(notes))


def _cap(budgets: list[int], analysis: Analysis) -> tuple[list[int], list[str]]:
    """Lengths above what the sources hold are capped there, once, with a note."""
    source_words = sum(source.words for source in analysis.sources)
    notes = []
    if any(b > source_words for b in budgets):
        over = [b for b in budgets if b > source_words]
        notes.append(
            f"lengths {', '.join(map(str, over))} exceed the sources' {source_words:,} words; capped at {source_words:,}"
        )
        budgets = sorted({min(b, source_words) for b in budgets})
    return budgets, notes


def _coverage(analysis: Analysis, brief: Brief) -> float:
    """Centrality mass of source sentences the brief covers: its claims, their evidence, and near-copies."""
    index_of = {(s.source_id, s.text): s.index for s in analysis.sentences}
    covered = set()
    for claim in brief.claims:
        for evidence in claim.evidence:
            index = index_of.get((evidence.source, evidence.text))
            if index is not None:
                covered.add(index)
    if covered:
        rows = analysis.vectors[sorted(covered)]
        near = np.flatnonzero((analysis.vectors @ rows.T).max(axis=1) >= analysis.settings.redundancy)
        covered |= set(near.tolist())
    total = float(analysis.scores.sum())
    return float(analysis.scores[sorted(covered)].sum()) / total if covered and total else 0.0


def _rouge_recall(candidate: str, reference: str) -> tuple[float, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    scores = scorer.score(reference, candidate)
    return scores["rouge1"].recall, scores["rouge2"].recall


# ---------------------------------------------------------------- output


def rows(comparison: Comparison) -> list[dict]:
    """One dict per length: the numbers every output format shows."""
    return [
        {
            "budget": rung.budget,
            "words": rung.brief.stats.words,
            "claims": len(rung.brief.claims),
            "compression": rung.brief.stats.compression,
            "sources_cited": rung.sources_cited,
            "extracted": rung.count("extracted"),
            "compressed": rung.count("compressed"),
            "fused": rung.count("fused"),
            "coverage": round(rung.coverage, 4),
            "rouge1_recall": round(rung.rouge1, 4),
            "rouge2_recall": round(rung.rouge2, 4),
            "source_share": {str(k): round(v, 4) for k, v in rung.source_share.items()},
            "added": list(rung.added),
        }
        for rung in comparison.rungs
    ]


def to_json(comparison: Comparison) -> str:
    import json

    data = {
        "sources": [{"id": s.id, "name": s.name, "path": s.path, "words": s.words} for s in comparison.sources],
        "lengths": rows(comparison),
        "notes": list(comparison.notes),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


HEADERS = ("length", "words", "claims", "of sources", "sources cited", "extracted/compressed/fused", "coverage", "ROUGE-1 R", "ROUGE-2 R")


SHORT_HEADERS = ("length", "words", "claims", "of src", "cited", "e/c/f", "cover", "R-1", "R-2")


def table_cells(comparison: Comparison) -> list[tuple[str, ...]]:
    return [
        (
            str(r["budget"]), str(r["words"]), str(r["claims"]), f"{r['compression']:.1%}", str(r["sources_cited"]),
            f"{r['extracted']}/{r['compressed']}/{r['fused']}", f"{r['coverage']:.1%}", f"{r['rouge1_recall']:.2f}", f"{r['rouge2_recall']:.2f}",
        )
        for r in rows(comparison)
    ]


def to_markdown(comparison: Comparison) -> str:
    lines = ["# Brief lengths compared", "", "| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    lines += ["| " + " | ".join(cells) + " |" for cells in table_cells(comparison)]
    lines += ["", "## Sources", "", "| source | words | " + " | ".join(f"cited by {r.budget}w" for r in comparison.rungs) + " |",
              "|---|---|" + "---|" * len(comparison.rungs)]
    for source in comparison.sources:
        shares = " | ".join(f"{r.source_share[source.id]:.0%}" for r in comparison.rungs)
        lines.append(f"| [{source.id}] {source.name} | {source.words:,} | {shares} |")
    lines += ["", "## What each length adds", ""]
    for rung in comparison.rungs:
        lines += [f"### {rung.budget} words (+{len(rung.added)} claims)", ""]
        lines += [f"- {text}" for text in rung.added] or ["- (nothing new)"]
        lines.append("")
    lines += [f"*Note: {note}.*" for note in comparison.notes]
    return "\n".join(lines).rstrip() + "\n"


def print_table(comparison: Comparison, file=None) -> None:
    """A terminal table (rich); `file` defaults to stdout."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Brief lengths compared", title_justify="left",
                  caption="e/c/f: extracted/compressed/fused claims; cover: share of the sources' central content; "
                          "R-1, R-2: ROUGE recall against the longest brief", caption_justify="left")
    for header in SHORT_HEADERS:  # fits an 80-column terminal
        table.add_column(header, justify="right", no_wrap=True)
    for cells in table_cells(comparison):
        table.add_row(*cells)
    console = Console(file=file)
    console.print(table)
    sources = Table(title="Sources: share of claims citing each", title_justify="left")
    sources.add_column("source")
    sources.add_column("words", justify="right")
    for rung in comparison.rungs:
        sources.add_column(f"{rung.budget}w", justify="right")
    for source in comparison.sources:
        sources.add_row(f"[{source.id}] {source.name}", f"{source.words:,}",
                        *[f"{r.source_share[source.id]:.0%}" for r in comparison.rungs])
    console.print(sources)


PLOT_SIZE = (8.0, 4.5)  # inches
PLOT_DPI = 100  # 800 x 450 pixels


def plot(comparison: Comparison, path: str | Path, force: bool = False) -> None:
    """PNG of coverage and ROUGE recall (left axis) and words (right axis) against the length asked for."""
    import matplotlib
    import matplotlib.ticker

    matplotlib.use("Agg")  # no display here, and none needed
    import matplotlib.pyplot as plt

    path = Path(path)
    if path.exists() and not force:
        raise InputError(f"{path} already exists: choose another name or add --force to replace it")
    budgets = [r.budget for r in comparison.rungs]
    figure, left = plt.subplots(figsize=PLOT_SIZE, dpi=PLOT_DPI)
    left.plot(budgets, [r.coverage for r in comparison.rungs], marker="o", label="coverage of central content")
    left.plot(budgets, [r.rouge2 for r in comparison.rungs], marker="s", label="ROUGE-2 recall vs longest")
    left.set_xlabel("length asked for (words)")
    left.set_ylabel("share")
    left.set_ylim(0, 1.05)
    right = left.twinx()
    right.bar(budgets, [r.brief.stats.words for r in comparison.rungs], width=[b * 0.15 for b in budgets],
              alpha=0.25, color="grey", label="words written")
    right.set_ylabel("words written")
    handles = left.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    left.legend(handles=handles, loc="upper left")
    left.set_xscale("log")
    left.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
    left.set_xticks(budgets, [str(b) for b in budgets])
    left.set_title("What each brief length keeps")
    figure.tight_layout()
    temporary = path.with_name(f".{path.name}.tmp.png")
    figure.savefig(temporary, dpi=PLOT_DPI)
    plt.close(figure)
    temporary.replace(path)
