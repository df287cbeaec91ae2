"""Benchmark the extractive brief and the embedding stage, beside sumy's LexRank on the same input.

    python bench/bench_brief.py                 # seeds only (about a minute)
    python bench/bench_brief.py --scale         # also 50 and 100 articles from ../shared/eval/dev (minutes)
    python bench/bench_brief.py --write         # append the results to bench/RESULTS.md

Timings are medians of repeated runs in one process, on whatever machine runs this; the report names it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import torch  # noqa: E402

import summarize  # noqa: E402
from dataclasses import replace  # noqa: E402
from summarize.config import DEFAULTS  # noqa: E402
from summarize.embed import Encoder  # noqa: E402
from summarize.evaluate import SumyTokenizer  # noqa: E402
from summarize.ingest import ingest, read_inputs  # noqa: E402
from summarize.split import build_tokenizer, split_sources, split_text  # noqa: E402
from summarize.types import Document  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "dev" / "clusters.jsonl"


def sumy_lexrank(texts: list[str], sentences: int) -> list[str]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    text = "\n\n".join(texts)
    punkt = build_tokenizer(text)
    split = [sentence for paragraph in texts for sentence in split_text(paragraph, punkt)]
    # sumy cannot download Punkt data; it takes any tokenizer object, here one over our own splitter.
    parser = PlaintextParser.from_string("\n".join(split), SumyTokenizer(split))
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(s) for s in summarizer(parser.document, sentences)]


def median_seconds(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def embedding_rates(texts: list[str]) -> dict[str, float]:
    """Sentences per second for the batching strategies the design compares."""
    rates = {}
    exact = Encoder(cache=False, onnx=False)  # transformers + torch
    tokenizer, model = exact.tokenizer, exact.model

    def unsorted_padded_128():
        with torch.inference_mode():
            for start in range(0, len(texts), 32):
                batch = tokenizer(texts[start:start + 32], padding="max_length", truncation=True,
                                  max_length=128, return_tensors="pt")
                model(**batch)

    rates["unsorted, batches of 32 padded to 128 tokens"] = len(texts) / median_seconds(unsorted_padded_128, 2)
    for batch_size in (64, 16):
        exact.batch_size = batch_size
        rates[f"length-sorted, batches of {batch_size}, dynamic padding"] = len(texts) / median_seconds(
            lambda: exact.encode(texts), 3)
    quantized = Encoder(quantize=True, cache=False, onnx=False)
    rates["length-sorted, batches of 16, int8 dynamic quantization"] = len(texts) / median_seconds(
        lambda: quantized.encode(texts), 3)
    on_runtime = Encoder(cache=False)  # the default: ONNX Runtime (summarize/runtime.py)
    rates["ONNX Runtime, length-sorted, batches of 16 (the default)"] = len(texts) / median_seconds(
        lambda: on_runtime.encode(texts), 3)
    int8_runtime = Encoder(quantize=True, cache=False)
    int8_runtime.encode(texts[:1])  # the int8 graph is made once per machine
    rates["ONNX Runtime, int8 per-channel (large inputs)"] = len(texts) / median_seconds(
        lambda: int8_runtime.encode(texts), 3)
    return rates


def _timed_command(args: list[str], cache: str) -> float:
    import subprocess

    env = {**os.environ, "SUMMARIZE_CACHE": cache}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "summarize", *args], check=True, env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def abstractive_timings() -> list[str]:
    """The full brief (edits verified, SmolLM2 choosing): cold = empty cache, so the GGUF is converted."""
    import tempfile

    with tempfile.TemporaryDirectory() as cache:
        cold = _timed_command(["brief", "seeds/"], cache)
        warm_process = statistics.median(_timed_command(["brief", "seeds/"], cache) for _ in range(3))
        extractive = statistics.median(_timed_command(["brief", "seeds/", "--extractive"], cache) for _ in range(3))
        os.environ["SUMMARIZE_CACHE"] = cache
        summarize.brief([ROOT / "seeds"])  # loads both models into this process
        warm = median_seconds(lambda: summarize.brief([ROOT / "seeds"]), 3)
        aggressive = median_seconds(lambda: summarize.brief([ROOT / "seeds"], settings=replace(DEFAULTS, fusion="aggressive")), 3)
        propose = median_seconds(lambda: summarize.brief([ROOT / "seeds"], settings=replace(DEFAULTS, propose=True)), 1)
    return [
        "### Abstractive brief of seeds/ (verified edits, SmolLM2-135M choosing among wordings)",
        "",
        "| what | seconds |",
        "|---|---|",
        f"| `summarize brief seeds/`, cold: empty cache, GGUF converted (goal ≤ 15) | {cold:.1f} |",
        f"| `summarize brief seeds/`, a new process with the converted cache, median of 3 | {warm_process:.1f} |",
        f"| `summarize brief seeds/ --extractive`, a new process, median of 3 | {extractive:.1f} |",
        f"| `summarize.brief(seeds/)` in a warm process, median of 3 (goal ≤ 6) | {warm:.2f} |",
        f"| the same with `--fusion aggressive` (word-graph fusion), median of 3 | {aggressive:.2f} |",
        f"| the same with `--propose` (SmolLM2 also writes one wording per claim), once | {propose:.2f} |",
        "",
    ]


def eval_articles(count: int) -> list[Document]:
    """`count` articles from the DUC 2006 clusters of the dev set (25 articles each), read at run time."""
    documents = []
    with EVAL.open(encoding="utf-8") as lines:
        for line in lines:
            cluster = json.loads(line)
            if cluster.get("set") != "duc2006":
                continue
            for i, doc in enumerate(cluster["documents"]):
                documents.append(Document(path=f"{cluster['id']}/{i}", text=f"{doc['title']}\n\n{doc['text']}"))
                if len(documents) == count:
                    return documents
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", action="store_true", help="also time 50 and 100 articles")
    parser.add_argument("--write", action="store_true", help="append the report to bench/RESULTS.md")
    args = parser.parse_args()

    report = [
        f"## {dt.date.today().isoformat()} — `python bench/bench_brief.py{' --scale' if args.scale else ''}`",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__} "
        f"({torch.get_num_threads()} threads), Python {platform.python_version()}, {platform.system()}.",
        "",
    ]

    started = time.perf_counter()
    encoder = Encoder()
    load = time.perf_counter() - started
    seeds = [ROOT / "seeds"]
    extractive = replace(DEFAULTS, rewrite=False, use_model=False)
    summarize.brief(seeds, encoder=encoder, settings=extractive)  # warm-up: imports, tokenizer caches
    warm = median_seconds(lambda: summarize.brief(seeds, encoder=encoder, settings=extractive), 5)
    sources = ingest(read_inputs(seeds))
    texts = [s.text for s in split_sources(sources)]
    sumy_seconds = median_seconds(lambda: sumy_lexrank([s.text for s in sources], 8), 3)

    report += [
        "### Extractive brief of seeds/ (5 articles, "
        f"{sum(s.words for s in sources):,} words after cleaning, {len(texts)} sentences)",
        "",
        "| what | seconds |",
        "|---|---|",
        f"| MiniLM load (once per process) | {load:.2f} |",
        f"| extractive `summarize.brief(seeds/)`, warm, median of 5 (goal ≤ 1.5) | {warm:.2f} |",
        f"| sumy LexRank on the same cleaned text, same splitter, median of 3 | {sumy_seconds:.2f} |",
        "",
    ]

    report += abstractive_timings()

    many = texts * 4  # ~1,000 real news sentences
    rates = embedding_rates(many)
    report += [
        f"### Embedding stage, all-MiniLM-L6-v2 on {len(many)} seed sentences (goal ≥ 150/s on 2 cores)",
        "",
        "| batching | sentences/s |",
        "|---|---|",
        *[f"| {name} | {rate:.0f} |" for name, rate in rates.items()],
        "",
    ]

    if args.scale and EVAL.exists():
        report += ["### Scale: DUC 2006 articles from the dev set", "",
                   "| articles | sentences | extractive summarize.brief s | sumy LexRank s |", "|---|---|---|---|"]
        for count in (50, 100):
            documents = eval_articles(count)
            scale_sources = ingest(documents)
            n = len(split_sources(scale_sources))
            ours = median_seconds(lambda: summarize.brief(documents, encoder=encoder, settings=extractive), 1)
            theirs = median_seconds(lambda: sumy_lexrank([s.text for s in scale_sources], 10), 1)
            report.append(f"| {count} | {n} | {ours:.1f} | {theirs:.1f} |")
        report.append("")

    text = "\n".join(report)
    print(text)
    if args.write:
        results = ROOT / "bench" / "RESULTS.md"
        header = "" if results.exists() else "# Benchmark results\n\nNewest first is not guaranteed: each run appends.\n\n"
        with results.open("a", encoding="utf-8") as out:
            out.write(header + text + "\n")


if __name__ == "__main__":
    np.random.seed(0)
    main()
