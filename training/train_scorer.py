"""Fit summarize/data/scorer.json, the small learned sentence scorer (summarize/scorer.py).

Train splits only. The data is NeuS (Lee et al., NAACL 2022) left/centre/right roundups, train split,
from the public repository HLTCHKUST/framing-bias-metric at commit
1586f55 (data/naacl2022_lrc_roundup_random_order_probe/train.source and train.target). Get the two
files from that repository yourself and pass their paths; their sha256 are checked so the weights can
be remade exactly. Never point it at a validation or test split, or at DUC 2004/2006/2007.

    python training/train_scorer.py TRAIN.source TRAIN.target [--clusters 800]

For each cluster the pipeline analyses the articles (cleaning, sentences, MiniLM, centrality) exactly
as at run time; each candidate sentence's target is the share of its bigrams (stemmed, not two
stopwords) that the human summary holds. A ridge regression on summarize.scorer.FEATURES fits it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarize.concepts import bigrams, concept_weights  # noqa: E402
from summarize.config import DEFAULTS  # noqa: E402
from summarize.embed import shared_encoder  # noqa: E402
from summarize.errors import InputError  # noqa: E402
from summarize.pipeline import analyse  # noqa: E402
from summarize.scorer import FEATURES, WEIGHTS, sentence_features  # noqa: E402
from summarize.types import Document  # noqa: E402

DATA = {
    "repository": "HLTCHKUST/framing-bias-metric",
    "commit": "1586f55a9011853224ca4d0cee164c46f6137557",
    "files": {
        "data/naacl2022_lrc_roundup_random_order_probe/train.source":
            "d9301cf39b5cddd64cdeb9608965e73dac41407464891a63397603876b437b02",
        "data/naacl2022_lrc_roundup_random_order_probe/train.target":
            "311fe04a02b167ef70b64d1115a9827dacffca0e2e633f31a38de81157ec1ab3",
    },
}
_ARTICLE = re.compile(r"TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<text>.*)", re.DOTALL)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def clusters(source: Path, target: Path) -> list[tuple[list[Document], str]]:
    out = []
    for number, (line, summary) in enumerate(zip(source.read_text(encoding="utf-8").splitlines(),
                                                  target.read_text(encoding="utf-8").splitlines())):
        documents = []
        for k, part in enumerate(line.split("[SEP]")):
            match = _ARTICLE.search(part)
            if match and match.group("text").strip():
                documents.append(Document(path=f"train-{number}/{k}", text=match.group("text").strip(),
                                          title=match.group("title").strip() or None))
        if documents and summary.strip():
            out.append((documents, summary))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--clusters", type=int, default=800, help="clusters sampled from the split (seeded)")
    parser.add_argument("--ridge", type=float, default=1.0)
    args = parser.parse_args()
    expected = list(DATA["files"].values())
    for path, digest in zip((args.source, args.target), expected):
        if sha256(path) != digest:
            sys.exit(f"{path}: sha256 differs from the recorded train file; refusing to fit on other data")
    data = clusters(args.source, args.target)
    random.Random(0).shuffle(data)
    data = data[: args.clusters]
    encoder = shared_encoder()
    settings = replace(DEFAULTS, rewrite=False, use_model=False)
    rows, targets = [], []
    for number, (documents, summary) in enumerate(data, 1):
        try:
            analysis = analyse(documents, settings, encoder=encoder)
        except InputError:
            continue
        candidates = list(analysis.order)
        if not candidates:
            continue
        reference = bigrams(summary)
        weights = concept_weights(list(analysis.sentences), settings)
        rows.append(sentence_features(analysis, candidates, weights))
        for index in candidates:
            own = bigrams(analysis.sentences[index].text)
            targets.append(len(own & reference) / max(1, len(own)))
        if number % 100 == 0:
            print(f"{number}/{len(data)} clusters", file=sys.stderr)
    features = np.vstack(rows)
    target = np.array(targets)
    penalty = args.ridge * np.eye(features.shape[1])
    penalty[0, 0] = 0.0  # the bias is not shrunk
    coefficients = np.linalg.solve(features.T @ features + penalty, features.T @ target)
    predicted = features @ coefficients
    r2 = 1 - float(np.sum((target - predicted) ** 2) / np.sum((target - target.mean()) ** 2))
    WEIGHTS.write_text(json.dumps({
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in coefficients],
        "training": {**DATA, "clusters": len(rows), "sentences": int(len(target)), "r2": round(r2, 4),
                     "target": "share of a sentence's bigrams in the human summary", "ridge": args.ridge},
    }, indent=2) + "\n", encoding="utf-8")
    print(f"fitted on {len(target)} sentences of {len(rows)} clusters, R² {r2:.3f}: {WEIGHTS}")
    for name, weight in zip(FEATURES, coefficients):
        print(f"  {name:20s} {weight:+.4f}")


if __name__ == "__main__":
    main()
