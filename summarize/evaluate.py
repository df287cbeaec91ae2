"""`summarize eval`: our briefs against human references and peer summarizers, in one run.

Every system sees the same cleaned, split sentences and the same word budget (the references' average
length), so differences come from selection alone. Baselines: lead (first sentences round-robin over
documents), sumy's LexRank and TextRank (the real package, fed our sentence splitter because it cannot
download Punkt data), and random (seeded). Metrics: ROUGE-1/2/L F1 (rouge-score, stemming, averaged
over references); for our briefs citation precision and recall in the manner of ALCE (Gao et al. 2023):
a citation is correct when the cited source holds a sentence that states the claim (`verify.py`); words
and numbers found in no source; loaded-lexicon terms and framing intensity per 100 words.
"""

from __future__ import annotations

import json
import logging
import random
import re
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .config import DEFAULTS, Settings
from .embed import Encoder, shared_encoder
from .errors import InputError
from .neutral import framing_intensity, loaded_terms
from .pipeline import Analysis, analyse, compose, select
from .rank import fill_budget
from .types import Brief, Document, count_words
from .verify import citation_scores, unsupported_words

log = logging.getLogger(__name__)

BASELINES = ("lead", "lexrank", "textrank", "random")
METRICS = ("rouge1", "rouge2", "rougeL", "citation_precision", "citation_recall", "novel_per_100",
           "loaded_per_100", "framing_per_100", "fused_share", "words", "seconds")
# How the brief is built, per data set (ours only): share of the budget used, briefs of 2+ sources with
# an empty Summary, claims that are a headline, Summary claims citing 2+ sources, "one outlet only"
# claims that the looser test finds in another outlet after all.
STRUCTURE = ("fill", "empty_summary", "headline_claims", "multi_source_share", "single_reported_elsewhere")


@dataclass(frozen=True)
class Cluster:
    id: str
    set: str
    documents: tuple[Document, ...]
    references: tuple[str, ...]

    @property
    def budget(self) -> int:
        return max(1, round(statistics.mean(count_words(r) for r in self.references)))


@dataclass
class Result:
    system: str
    cluster: str
    set: str
    summary: str
    metrics: dict[str, float | None] = field(default_factory=dict)


def read_clusters(path: str | Path, limit: int | None = None, sets: Iterable[str] | None = None) -> list[Cluster]:
    """Clusters from JSONL: {"id", "documents": [{"title", "text"}], "references": [str]} a line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    wanted = set(sets) if sets else None
    clusters = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                documents = tuple(
                    Document(path=f"{row['id']}/{i + 1}", text=d["text"], title=(d.get("title") or "").strip() or None)
                    for i, d in enumerate(row["documents"])
                )
                references = tuple(r for r in row["references"] if r.strip())
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise InputError(
                    f"{path}:{number}: not a cluster ({error}); each line needs id, documents [{{title, text}}] and references"
                ) from None
            if not documents or not references:
                raise InputError(f"{path}:{number}: a cluster needs at least one document and one reference")
            cluster = Cluster(str(row["id"]), str(row.get("set", "")), documents, references)
            if wanted is None or cluster.set in wanted:
                clusters.append(cluster)
            if limit and len(clusters) >= limit:
                break
    if not clusters:
        raise InputError(f"{path} holds no clusters" + (f" of sets {', '.join(sorted(wanted))}" if wanted else ""))
    return clusters


# ---------------------------------------------------------------- baselines


class SumyTokenizer:
    """What sumy asks of a tokenizer (`language`, `to_sentences`, `to_words`), over our own splitter."""

    language = "english"

    def __init__(self, sentences: list[str]):
        self._sentences = sentences

    def to_sentences(self, text: str) -> list[str]:
        return list(self._sentences)  # already split: every system sees the same sentences

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"[\w’'-]+", sentence)


def _sumy(analysis: Analysis, budget: int, algorithm: str) -> list[int]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    texts = [s.text for s in analysis.sentences]
    parser = PlaintextParser.from_string("\n".join(texts), SumyTokenizer(texts))
    summarizer = (LexRankSummarizer if algorithm == "lexrank" else TextRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    ranked: list[str] = []

    def by_rating(infos):  # sumy hands a callable count its sentences sorted by rating
        ranked.extend(str(info.sentence) for info in infos)
        return []

    summarizer(parser.document, by_rating)
    index_of = {}
    for s in analysis.sentences:
        index_of.setdefault(s.text, s.index)
    order = [index_of[text] for text in ranked if text in index_of]
    return _fit(analysis, order, budget)


def _fit(analysis: Analysis, order: list[int], budget: int) -> list[int]:
    sizes = {i: analysis.sentences[i].words for i in order}
    return fill_budget(order, sizes, budget, None, min_size=analysis.settings.min_sentence_words)


def lead(analysis: Analysis, budget: int) -> list[int]:
    """First sentences of each document in turn: 1st of every document, then 2nd, …"""
    by_source: dict[int, list[int]] = {}
    for s in analysis.sentences:
        by_source.setdefault(s.source_id, []).append(s.index)
    columns = list(by_source.values())
    order = [column[k] for k in range(max(map(len, columns))) for column in columns if k < len(column)]
    return _fit(analysis, order, budget)


def random_baseline(analysis: Analysis, budget: int, seed: int) -> list[int]:
    order = [s.index for s in analysis.sentences]
    random.Random(seed).shuffle(order)
    return _fit(analysis, order, budget)


def _in_document_order(analysis: Analysis, chosen: list[int]) -> str:
    return " ".join(analysis.sentences[i].text for i in sorted(chosen))


# ---------------------------------------------------------------- scoring


def rouge(summary: str, references: Iterable[str]) -> dict[str, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    scores = [scorer.score(reference, summary) for reference in references]
    return {name: float(np.mean([s[name].fmeasure for s in scores])) for name in ("rouge1", "rouge2", "rougeL")}


def _text_metrics(summary: str, source_text: str) -> dict[str, float]:
    words = max(1, count_words(summary))
    return {
        "novel_per_100": 100.0 * len(unsupported_words(summary, source_text)) / words,
        "loaded_per_100": 100.0 * len(loaded_terms(summary)) / words,
        "framing_per_100": framing_intensity(summary),
        "words": float(count_words(summary)),
    }


def evaluate_cluster(
    cluster: Cluster, systems: Iterable[str], settings: Settings, encoder: Encoder, seed: int
) -> list[Result]:
    started = time.perf_counter()
    analysis = analyse(cluster.documents, settings, encoder=encoder)
    shared_seconds = time.perf_counter() - started
    source_text = "\n".join(source.text for source in analysis.sources)
    results = []
    for system in systems:
        started = time.perf_counter()
        if system == "summarize":
            brief = brief_at(analysis, cluster.budget)
            summary = " ".join(claim.text for claim in brief.claims)
            precision, recall = citation_scores(brief, analysis)
            structure = brief_structure(brief, analysis, cluster.budget)
            extra = {"citation_precision": precision, "citation_recall": recall,
                     "fused_share": (sum(c.kind != "extracted" for c in brief.claims) / len(brief.claims)) if brief.claims else 0.0,
                     **structure}
            seconds = shared_seconds + time.perf_counter() - started
        else:
            chooser: Callable[[], list[int]] = {
                "lead": lambda: lead(analysis, cluster.budget),
                "lexrank": lambda: _sumy(analysis, cluster.budget, "lexrank"),
                "textrank": lambda: _sumy(analysis, cluster.budget, "textrank"),
                "random": lambda: random_baseline(analysis, cluster.budget, seed),
            }[system]
            summary = _in_document_order(analysis, chooser())
            extra = {"citation_precision": None, "citation_recall": None, "fused_share": None}
            seconds = time.perf_counter() - started  # cleaning and splitting are shared and not counted
        metrics = {**rouge(summary, cluster.references), **_text_metrics(summary, source_text), **extra,
                   "seconds": seconds}
        results.append(Result(system, cluster.id, cluster.set, summary, metrics))
    return results


def brief_at(analysis: Analysis, budget: int) -> Brief:
    """The brief `summarize eval` scores: at `budget` words, words that realising left unused refilled."""
    return compose(analysis, select(analysis, budget), words=budget, refill=True)


def brief_structure(brief, analysis: Analysis, budget: int) -> dict[str, float | None]:
    from .pipeline import is_headline as repeats_headline

    summary = [c for c in brief.claims if c.section == "summary"]
    single = [c for c in brief.claims if c.section == "differences" and not c.contrasts_with]
    titles = list(analysis.titles.values())
    title_keys = {re.sub(r"\W+", "", s.title.lower()) for s in analysis.sources if s.title and s.headline}
    index_of = {s.text: s.index for s in analysis.sentences}

    def is_headline(claim) -> bool:
        base = claim.evidence[0].text
        if re.sub(r"\W+", "", base.lower()) in title_keys:
            return True
        return base in index_of and repeats_headline(base, analysis.vectors[index_of[base]], titles)

    elsewhere = [c for c in single if c.evidence[0].text in index_of and len(analysis.reporters(index_of[c.evidence[0].text])) > 1]
    return {
        # A brief over its budget (one claim longer than a tiny budget) used all of it, not more: overshoot
        # must not make up for another brief's unused words in the mean.
        "fill": min(1.0, brief.stats.words / budget) if budget else 0.0,
        "empty_summary": (0.0 if summary else 1.0) if len(analysis.sources) >= 2 else None,
        "headline_claims": float(sum(is_headline(c) for c in brief.claims)),
        "multi_source_share": (sum(len(c.sources) >= 2 for c in summary) / len(summary)) if summary else None,
        "single_reported_elsewhere": (len(elsewhere) / len(single)) if single else None,
    }


def bootstrap_interval(values: list[float], seed: int, resamples: int = 1000) -> tuple[float, float]:
    """95 % percentile bootstrap interval of the mean."""
    if len(values) < 2:
        return (values[0], values[0]) if values else (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    data = np.asarray(values)
    means = data[rng.integers(0, len(data), size=(resamples, len(data)))].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def summarize_results(results: list[Result], seed: int) -> dict:
    """Per system and metric: mean and 95 % bootstrap interval over clusters; also per data set."""
    systems = list(dict.fromkeys(r.system for r in results))
    table: dict[str, dict] = {}
    for system in systems:
        rows = [r for r in results if r.system == system]
        table[system] = {}
        for metric in METRICS:
            values = [r.metrics[metric] for r in rows if r.metrics.get(metric) is not None]
            if values:
                low, high = bootstrap_interval(values, seed)
                table[system][metric] = {"mean": float(np.mean(values)), "low": low, "high": high, "n": len(values)}
    by_set: dict[str, dict] = {}
    for name in sorted({r.set for r in results}):
        by_set[name] = {
            system: {m: float(np.mean([r.metrics[m] for r in results if r.set == name and r.system == system]))
                     for m in ("rouge1", "rouge2", "rougeL")}
            for system in systems
        }
    structure: dict[str, dict] = {}
    for name in sorted({r.set for r in results}):
        rows = [r for r in results if r.set == name and r.system == "summarize"]
        structure[name] = {}
        for metric in STRUCTURE:
            values = [r.metrics[metric] for r in rows if r.metrics.get(metric) is not None]
            structure[name][metric] = {"mean": float(np.mean(values)) if values else None, "n": len(values)}
    return {"systems": table, "by_set": by_set, "structure": structure, "clusters": len({r.cluster for r in results})}


def evaluate(
    path: str | Path,
    baselines: Iterable[str] = BASELINES,
    limit: int | None = None,
    sets: Iterable[str] | None = None,
    seed: int = 0,
    settings: Settings = DEFAULTS,
    encoder: Encoder | None = None,
    progress: Callable[[int, int, Cluster], None] | None = None,
    workers: int = 1,
) -> tuple[dict, list[Result]]:
    """Every cluster scored for every system. With `workers` > 1 the clusters go to worker processes
    (the executor `summarize digest` uses), each loading the models once; results keep cluster order."""
    clusters = read_clusters(path, limit=limit, sets=sets)
    systems = ["summarize", *baselines]
    results: list[Result] = []
    if encoder is not None or workers <= 1:
        encoder = encoder or shared_encoder()
        for number, cluster in enumerate(clusters, 1):
            if progress:
                progress(number, len(clusters), cluster)
            results += _evaluate_job((cluster, systems, settings, seed), encoder)
    else:
        from .executor import run_all

        jobs = [(cluster, systems, settings, seed) for cluster in clusters]
        for number, (cluster, scored) in enumerate(zip(clusters, run_all(_evaluate_job, jobs, workers=workers)), 1):
            if progress:
                progress(number, len(clusters), cluster)
            results += scored
    if not results:
        raise InputError("no cluster could be evaluated")
    return summarize_results(results, seed), results


def _evaluate_job(job: tuple, encoder: Encoder | None = None) -> list[Result]:
    """One cluster's results (none, with a warning, when it cannot be briefed); runs in any worker."""
    cluster, systems, settings, seed = job
    try:
        return evaluate_cluster(cluster, systems, settings, encoder or shared_encoder(device=settings.device), seed)
    except InputError as error:
        log.warning("skipping cluster %s: %s", cluster.id, error)
        return []


# ---------------------------------------------------------------- output

LABELS = {
    "rouge1": "ROUGE-1 F", "rouge2": "ROUGE-2 F", "rougeL": "ROUGE-L F", "citation_precision": "cit. precision",
    "citation_recall": "cit. recall", "novel_per_100": "novel words /100", "loaded_per_100": "loaded /100",
    "framing_per_100": "framing /100", "fused_share": "fused share", "words": "words", "seconds": "s / cluster",
}
PERCENT = {"rouge1", "rouge2", "rougeL", "citation_precision", "citation_recall", "fused_share"}


def _cell(entry: dict | None, metric: str) -> str:
    if entry is None:
        return "—"
    scale = 100.0 if metric in PERCENT else 1.0
    digits = 1 if metric in PERCENT or metric.endswith("100") else (0 if metric == "words" else 2)
    return f"{entry['mean'] * scale:.{digits}f} [{entry['low'] * scale:.{digits}f}, {entry['high'] * scale:.{digits}f}]"


def to_markdown(summary: dict) -> str:
    systems = summary["systems"]
    lines = [
        f"# Evaluation: {summary['clusters']} clusters",
        "",
        "Mean over clusters [95 % bootstrap interval]. ROUGE F1 and citation scores in %.",
        "",
        "| system | " + " | ".join(LABELS[m] for m in METRICS) + " |",
        "|---|" + "---|" * len(METRICS),
    ]
    for system, entries in systems.items():
        lines.append(f"| {system} | " + " | ".join(_cell(entries.get(m), m) for m in METRICS) + " |")
    lines += ["", "## ROUGE F1 by data set (mean, %)", "", "| set | system | ROUGE-1 | ROUGE-2 | ROUGE-L |", "|---|---|---|---|---|"]
    for name, per_system in summary["by_set"].items():
        for system, scores in per_system.items():
            lines.append(f"| {name or '—'} | {system} | {scores['rouge1'] * 100:.1f} | {scores['rouge2'] * 100:.1f} | {scores['rougeL'] * 100:.1f} |")
    if summary.get("structure"):
        lines += ["", "## How the briefs are built (summarize, mean per data set)", "",
                  "| set | budget used | empty Summary (2+ sources) | headline claims / brief | Summary claims citing 2+ | "
                  "'one outlet only' reported elsewhere |", "|---|---|---|---|---|---|"]
        for name, entries in summary["structure"].items():
            def fmt(metric: str) -> str:
                value = entries.get(metric, {}).get("mean")
                if value is None:
                    return "—"
                return f"{value:.2f}" if metric == "headline_claims" else f"{value * 100:.1f} %"
            lines.append(f"| {name or '—'} | " + " | ".join(fmt(m) for m in STRUCTURE) + " |")
    return "\n".join(lines) + "\n"


def to_json(summary: dict, results: list[Result]) -> str:
    data = {**summary, "results": [
        {"system": r.system, "cluster": r.cluster, "set": r.set, "summary": r.summary, "metrics": r.metrics}
        for r in results
    ]}
    return json.dumps(data, indent=2) + "\n"
