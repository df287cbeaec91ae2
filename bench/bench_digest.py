"""Story grouping on a shuffled mix of the dev set's clusters, and `summarize digest` with 1 and 2
workers and with a local Ray instance.

    python bench/bench_digest.py [--sweep] [--digest] [--write]

The documents of every dev cluster (Multi-News, NeuS left/centre/right roundups, DUC 2006; read at run
time from ../shared/eval/dev, never copied) are shuffled together; each cluster is one true story.
Grouping is scored by adjusted Rand index (scikit-learn), purity and inverse purity. --sweep compares
linkages and distance thresholds (how STORY_DISTANCE was chosen); --digest times the whole digest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval" / "dev" / "clusters.jsonl"


def mix(seed: int = 0):
    from summarize.types import Document

    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines()]
    documents, truth = [], []
    for row in rows:
        for i, doc in enumerate(row["documents"]):
            documents.append(Document(path=f"{row['id']}/{i}", text=doc["text"], title=doc["title"] or None))
            truth.append(row["id"])
    order = list(range(len(documents)))
    random.Random(seed).shuffle(order)
    return [documents[i] for i in order], [truth[i] for i in order], len(rows)


def purity(truth: list, predicted: list) -> float:
    groups: dict = {}
    for t, p in zip(truth, predicted):
        groups.setdefault(p, []).append(t)
    return sum(Counter(members).most_common(1)[0][1] for members in groups.values()) / len(truth)


def scores(truth: list, predicted: list) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score

    return {"ari": adjusted_rand_score(truth, predicted), "purity": purity(truth, predicted),
            "inverse purity": purity(predicted, truth), "stories": len(set(predicted))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--digest", action="store_true")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()

    from sklearn.cluster import AgglomerativeClustering

    from summarize.digest import STORY_DISTANCE, group_stories, story_texts, story_vectors

    documents, truth, clusters = mix()
    started = time.perf_counter()
    texts, _, _, skipped = story_texts(documents)
    left_out = set(skipped)
    kept = [t for d, t in zip(documents, truth) if d.path not in left_out]
    vectors = story_vectors(texts)
    labels = group_stories(vectors)
    seconds = time.perf_counter() - started
    result = scores(kept, labels)
    lines = [f"## {dt.date.today().isoformat()} — `python bench/bench_digest.py {' '.join(sys.argv[1:])}`".rstrip(), "",
             f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
             f"Mix: {len(documents)} documents of {clusters} dev clusters, shuffled ({len(skipped)} left out by "
             "cleaning).", "",
             "### Story grouping (TF-IDF of headline and text, shared neighbours, average linkage)", "",
             "| distance | stories (true: %d) | ARI (goal ≥ 0.9) | purity | inverse purity | seconds |" % clusters,
             "|---|---|---|---|---|---|",
             f"| {STORY_DISTANCE} | {result['stories']} | {result['ari']:.3f} | {result['purity']:.3f} | "
             f"{result['inverse purity']:.3f} | {seconds:.1f} |", ""]
    # ARI counts pairs, so the 25-article DUC topics weigh most: the small stories are scored apart too.
    for name, members in (("DUC 2006 topics", lambda t: not t.startswith(("multinews", "neus"))),
                          ("Multi-News and NeuS stories", lambda t: t.startswith(("multinews", "neus")))):
        keep = [i for i, t in enumerate(kept) if members(t)]
        part = scores([kept[i] for i in keep], [labels[i] for i in keep])
        lines.append(f"- {name} alone (their articles' labels in the mix): ARI {part['ari']:.3f}, purity "
                     f"{part['purity']:.3f}, inverse purity {part['inverse purity']:.3f}")
    lines.append("")
    if args.sweep:
        lines += ["Sweep (same vectors):", "", "| linkage | distance | stories | ARI | purity | inverse purity |",
                  "|---|---|---|---|---|---|"]
        dense = vectors.toarray()
        for linkage in ("average", "complete"):
            for distance in (0.8, 0.85, 0.88, 0.9, 0.91, 0.92, 0.93, 0.94, 0.95, 0.97):
                predicted = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage=linkage,
                                                    distance_threshold=distance).fit_predict(dense)
                s = scores(kept, list(predicted))
                lines.append(f"| {linkage}, cosine only | {distance} | {s['stories']} | {s['ari']:.3f} | {s['purity']:.3f} | "
                             f"{s['inverse purity']:.3f} |")
        for neighbours, weight in ((10, 0.1), (15, 0.1), (15, 0.15), (20, 0.1)):
            for distance in (0.87, 0.875, 0.88, 0.885, 0.89, 0.895, 0.9, 0.905):
                s = scores(kept, group_stories(vectors, distance, neighbours, weight))
                lines.append(f"| average, shared neighbours k={neighbours} weight {weight} | {distance} | {s['stories']} | "
                             f"{s['ari']:.3f} | {s['purity']:.3f} | {s['inverse purity']:.3f} |")
        lines.append("")
    if args.digest:
        from summarize.digest import digest

        lines += ["### `summarize.digest` of the mix (every story of 2+ outlets briefed, 200 words)", "",
                  "| how | stories | seconds |", "|---|---|---|"]
        outputs = {}
        for name, options in (("1 worker", dict(workers=1)), ("2 workers", dict(workers=2)),
                              ("local Ray, 2 actors", dict(workers=2, ray=""))):
            folder = Path(tempfile.mkdtemp(prefix="digest."))
            try:
                started = time.perf_counter()
                made = digest(documents, folder, **options)
                lines.append(f"| {name} | {len(made.stories)} | {time.perf_counter() - started:.1f} |")
                outputs[name] = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
            except Exception as error:  # noqa: BLE001 — a missing Ray is a row, not a crash
                lines.append(f"| {name} | – | failed: {error} |")
            finally:
                shutil.rmtree(folder, ignore_errors=True)
        same = len({json.dumps({k: v.hex() for k, v in o.items()}) for o in outputs.values()}) == 1
        lines += ["", f"Files identical across the runs: {'yes' if same else 'NO'}.", ""]
    text = "\n".join(lines)
    print(text)
    if args.write:
        with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as out:
            out.write("\n" + text + "\n")


if __name__ == "__main__":
    main()
