"""Fit summarize/data/scorer.json, the small learned sentence scorer (summarize/scorer.py).

Train splits only. The data is NeuS (Lee et al., NAACL 2022) left/centre/right roundups, train split,
from the public repository HLTCHKUST/framing-bias-metric at commit
1586f55 (data/naacl2022_lrc_roundup_random_order_probe/train.source and train.target), and, with
--multinews, Multi-News train clusters (Fabbri et al., ACL 2019) as republished in Multi-News+ (the
public repository c-juhwan/multi_news_plus at commit e347c8e, cleansing/cleansed_data/
cleansed_data_cot_{0_100 … 700_800}.json: items whose "split" is "train", their "raw_document" list
— the articles as Multi-News has them, junk pages included, truncated to ~500 words a cluster — and
"summary"). Get the files from those repositories yourself and pass their paths; their sha256 are
checked so the weights can be remade exactly. Never point it at a validation or test split, or at DUC
2004/2006/2007.

    python training/train_scorer.py TRAIN.source TRAIN.target [--clusters 800] [--multinews FILE.json ...]

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
MULTINEWS = {
    "repository": "c-juhwan/multi_news_plus",
    "commit": "e347c8eedb78a09b4971bc0011a8865e11dfafdb",
    "files": {
        "cleansing/cleansed_data/cleansed_data_cot_0_100.json": "8f46f45dd37e37eb80e857dcbf32012e12c8dbd2fb4730a7f5b6942988fb68ac",
        "cleansing/cleansed_data/cleansed_data_cot_100_200.json": "c0c0e6d5a10ccf205d90f93d1f74196f8e2fac694144a96b128c916918dabf24",
        "cleansing/cleansed_data/cleansed_data_cot_200_300.json": "3586a1b8d70ffb8bbb0569a2d387cec3234d15b55f72ff6ab62694737a63de11",
        "cleansing/cleansed_data/cleansed_data_cot_300_400.json": "cdea78ff1676a9b71a52738d7e38588b2aa207eb226d2f1b42adc01a5a6db990",
        "cleansing/cleansed_data/cleansed_data_cot_400_500.json": "0ec6dff673e03b29143834badf9ec26f157a0b069bede7bb2837fefe8101fbdf",
        "cleansing/cleansed_data/cleansed_data_cot_500_600.json": "dd797c89934e96e7e5ef171c3e21d408a292505fc33b8cc796161adb920e56c2",
        "cleansing/cleansed_data/cleansed_data_cot_600_700.json": "d8fb8f64c08170a4da3b47d12c9bd90f0ae4249f65a5a282cb1a4ba09311b316",
        "cleansing/cleansed_data/cleansed_data_cot_700_800.json": "d40665ea767597db85ab1b1b3baf9af05b940f1745ac9f7c1bbf9fd54a878412",
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


def multinews_clusters(paths: list[Path]) -> list[tuple[list[Document], str]]:
    """Multi-News+ train items: the original article list ("raw_document") and the human summary."""
    recorded = {Path(name).name: digest for name, digest in MULTINEWS["files"].items()}
    out = []
    for path in paths:
        if recorded.get(path.name) != sha256(path):
            sys.exit(f"{path}: not one of the recorded Multi-News+ train files (name or sha256 differs)")
        for item in json.loads(path.read_text(encoding="utf-8")):
            if item["split"] != "train":
                sys.exit(f"{path}: item {item['idx']} is not from the train split")
            documents = [Document(path=f"multinews-train-{item['idx']}/{k}", text=text.strip())
                         for k, text in enumerate(item["raw_document"]) if text.strip()]
            if documents and item["summary"].strip():
                out.append((documents, item["summary"]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--clusters", type=int, default=800, help="clusters sampled from the split (seeded)")
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--multinews", type=Path, nargs="*", default=[],
                        help="Multi-News+ train files (cleansed_data_cot_*.json), all their clusters added")
    args = parser.parse_args()
    expected = list(DATA["files"].values())
    for path, digest in zip((args.source, args.target), expected):
        if sha256(path) != digest:
            sys.exit(f"{path}: sha256 differs from the recorded train file; refusing to fit on other data")
    data = clusters(args.source, args.target)
    random.Random(0).shuffle(data)
    data = data[: args.clusters] + multinews_clusters(args.multinews)
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
        "training": {**DATA, **({"multinews": MULTINEWS} if args.multinews else {}), "clusters": len(rows), "sentences": int(len(target)), "r2": round(r2, 4),
                     "target": "share of a sentence's bigrams in the human summary", "ridge": args.ridge},
    }, indent=2) + "\n", encoding="utf-8")
    print(f"fitted on {len(target)} sentences of {len(rows)} clusters, R² {r2:.3f}: {WEIGHTS}")
    for name, weight in zip(FEATURES, coefficients):
        print(f"  {name:20s} {weight:+.4f}")


if __name__ == "__main__":
    main()
