"""Time and peak memory of `summarize brief` as a new process at 10, 100 and 1,000 real articles, beside
sumy LexRank's process (bench/sumy_process.py) on the same files, in the same run; and the seeds brief
as a new process with cold and warm caches beside sumy on the seeds.

    python bench/bench_scale.py --neus-train PATH/train.source [--sizes 10,100,1000] [--sumy 10,100] [--write]

Articles, in this order: the dev set's DUC 2006 articles (long newswire), its Multi-News and NeuS
articles (read at run time from ../shared/eval/dev, never copied), then NeuS *train* articles to reach
1,000 (HLTCHKUST/framing-bias-metric at 1586f55, data/naacl2022_lrc_roundup_random_order_probe/
train.source, sha256 d9301cf3…; pass its path, it is not in the repository). Each size is written as a
folder of .txt files (title, blank line, text) under a temporary directory.

"cold" = an empty cache dir holding only the models made once per machine (the converted SmolLM2, the
int8 MiniLM graph; no cached vectors or scores): a new day's articles. Peak RSS is the child's (os.wait4). Writes a plot of seconds against articles with --plot.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "dev" / "clusters.jsonl"
NEUS_TRAIN_SHA256 = "d9301cf39b5cddd64cdeb9608965e73dac41407464891a63397603876b437b02"
_ARTICLE = re.compile(r"TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<text>.*)", re.DOTALL)
SETS = ("duc2006", "multinews_val", "neus_val")


def articles(neus_train: Path | None) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines()]
    found = [(d["title"], d["text"]) for name in SETS for row in rows if row["set"] == name for d in row["documents"]]
    if neus_train is not None:
        data = neus_train.read_bytes()
        if hashlib.sha256(data).hexdigest() != NEUS_TRAIN_SHA256:
            sys.exit(f"{neus_train} is not the NeuS train.source this bench names (sha256 differs)")
        for line in data.decode("utf-8").splitlines():
            for part in line.split("[SEP]"):
                match = _ARTICLE.search(part)
                if match:
                    found.append((match["title"].strip(), match["text"].strip()))
    return found


def write_folder(items: list[tuple[str, str]], folder: Path) -> Path:
    folder.mkdir(parents=True)
    for i, (title, text) in enumerate(items):
        (folder / f"{i:04d}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    return folder


def run(args: list[str], env: dict | None = None) -> tuple[float, float]:
    """Seconds and peak RSS (GiB) of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, env={**os.environ, **(env or {})},
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        sys.exit(f"{' '.join(args)} failed: {child.stderr.read().decode()[-500:]}")
    return seconds, usage.ru_maxrss / 2**20  # KiB -> GiB


def fresh_cache(models: Path, parent: Path) -> str:
    cache = Path(tempfile.mkdtemp(dir=parent, prefix="cache."))
    (cache / "models").symlink_to(models)
    return str(cache)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--neus-train", type=Path, default=None)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--sumy", default="10,100", help="sizes to run sumy LexRank at (it is O(n²) in Python)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the seeds rows (median)")
    parser.add_argument("--write", action="store_true", help="append to bench/RESULTS.md")
    parser.add_argument("--plot", type=Path, default=None, help="write a PNG of seconds against articles")
    parser.add_argument("--extra", default="", help="extra arguments for summarize brief, e.g. --extractive")
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",") if n]
    sumy_sizes = {int(n) for n in args.sumy.split(",") if n}
    python = sys.executable
    extra = args.extra.split()

    work = Path(tempfile.mkdtemp(prefix="summarize-bench."))
    try:
        # The models made once per machine, shared read-only by every "cold" cache: the converted SmolLM2
        # and the int8 MiniLM graph for large inputs.
        prepare = Path(tempfile.mkdtemp(dir=work, prefix="prepare."))
        once = ("from summarize.lm import convert_gguf; convert_gguf(); "
                "from summarize.embed import Encoder; Encoder(cache=False, quantize=True).encode(['A sentence.'])")
        subprocess.run([python, "-c", once], cwd=ROOT, check=True,
                       env={**os.environ, "SUMMARIZE_CACHE": str(prepare)}, stderr=subprocess.DEVNULL)
        models = prepare / "models"

        lines = [f"## {dt.date.today().isoformat()} — `python bench/bench_scale.py {' '.join(sys.argv[1:])}`".rstrip(), "",
                 f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
                 f"{platform.system()}; commit {_commit()}.", ""]

        # Seeds: a person's run, new process.
        cold = [run([python, "-m", "summarize", "brief", "seeds/", *extra], {"SUMMARIZE_CACHE": fresh_cache(models, work)})
                for _ in range(args.repeat)]
        warm_cache = fresh_cache(models, work)
        run([python, "-m", "summarize", "brief", "seeds/", *extra], {"SUMMARIZE_CACHE": warm_cache})
        warm = [run([python, "-m", "summarize", "brief", "seeds/", *extra], {"SUMMARIZE_CACHE": warm_cache})
                for _ in range(args.repeat)]
        sumy = [run([python, "bench/sumy_process.py", "seeds/"]) for _ in range(args.repeat)]
        median = lambda runs, i=0: statistics.median(r[i] for r in runs)  # noqa: E731
        lines += ["### The seeds brief as a new process (median of %d)" % args.repeat, "",
                  "| process | seconds | peak RSS GiB |", "|---|---|---|",
                  f"| `summarize brief seeds/` cold caches (model converted) | {median(cold):.2f} | {median(cold, 1):.2f} |",
                  f"| `summarize brief seeds/` warm caches | {median(warm):.2f} | {median(warm, 1):.2f} |",
                  f"| sumy LexRank (`bench/sumy_process.py seeds/`) | {median(sumy):.2f} | {median(sumy, 1):.2f} |",
                  f"| ratio warm / sumy (goal ≤ 1.0) | {median(warm) / median(sumy):.2f} | |", ""]

        pool = articles(args.neus_train)
        rows, points = [], []
        for size in sizes:
            if size > len(pool):
                sys.exit(f"only {len(pool)} articles: pass --neus-train for {size}")
            folder = write_folder(pool[:size], work / f"articles-{size}")
            sentences = _sentences(folder)
            ours = run([python, "-m", "summarize", "brief", str(folder), *extra], {"SUMMARIZE_CACHE": fresh_cache(models, work)})
            theirs = run([python, "bench/sumy_process.py", str(folder), "--sentences", "10"]) if size in sumy_sizes else None
            points.append((size, ours[0], theirs[0] if theirs else None))
            rows.append(f"| {size} | {sentences} | {ours[0]:.1f} | {ours[1]:.2f} | "
                        + (f"{theirs[0]:.1f} | {theirs[1]:.2f} | {theirs[0] / ours[0]:.1f}× |" if theirs else "– | – | – |"))
        lines += ["### Real articles, `summarize brief FOLDER` as a new process, cold caches", "",
                  "| articles | sentences | summarize s | peak RSS GiB | sumy LexRank s | sumy peak RSS GiB | sumy / summarize |",
                  "|---|---|---|---|---|---|---|", *rows, ""]
        by_size = {size: (o, t) for size, o, t in points}
        if 1000 in by_size and by_size.get(100, (None, None))[1]:
            lines.append(f"1,000 articles against sumy at 100: {by_size[1000][0] / by_size[100][1]:.2f}× (goal ≤ 0.6).")
            lines.append("")
        if args.plot:
            _plot(points, args.plot)
            lines += [f"Plot: `{args.plot}`.", ""]
        text = "\n".join(lines)
        print(text)
        if args.write:
            with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as out:
                out.write("\n" + text + "\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _sentences(folder: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from summarize.ingest import ingest, read_inputs
    from summarize.split import split_sources

    return len(split_sources(ingest(read_inputs([folder]))))


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def _plot(points, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(6, 4))
    axis.plot([p[0] for p in points], [p[1] for p in points], "o-", label="summarize brief")
    sumy = [(p[0], p[2]) for p in points if p[2] is not None]
    if sumy:
        axis.plot([p[0] for p in sumy], [p[1] for p in sumy], "s--", label="sumy LexRank")
    axis.set_xscale("log")
    axis.set_yscale("log")
    axis.set_xlabel("articles")
    axis.set_ylabel("seconds (new process, 2 cores)")
    axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=120)


if __name__ == "__main__":
    main()
