"""The two-stage ranking of large inputs, forced onto the DUC 2006 dev clusters (1,221 sentences each):
ROUGE-2 and seconds per cluster with N sentences embedded (TF-IDF LexRank choosing them), against all.

    python bench/bench_two_stage.py 500 1000 2000     # 2000 = above every dev cluster: one stage, all embedded
"""

import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.config import DEFAULTS  # noqa: E402
from summarize.evaluate import evaluate  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "dev" / "clusters.jsonl"

for limit in [int(a) for a in sys.argv[1:]]:
    settings = replace(DEFAULTS, two_stage_above=min(limit, 2000), embed_limit=limit)
    started = time.perf_counter()
    _, results = evaluate(EVAL, baselines=[], sets=["duc2006"], settings=settings)
    ours = [r for r in results if r.system == "summarize"]
    rouge2 = 100 * sum(r.metrics["rouge2"] for r in ours) / len(ours)
    seconds = sum(r.metrics["seconds"] for r in ours) / len(ours)
    print(f"| {limit} | {rouge2:.2f} | {seconds:.2f} |", flush=True)
