"""A small learned sentence scorer: how much of a sentence a human summary would share.

Linear in a few cheap features of each candidate sentence — where it stands, its length, its
centrality across sources, how much agreed-on concept weight it holds, how close it is to the
headlines, how many outlets report it — fitted on train splits only (training/train_scorer.py writes
summarize/data/scorer.json; the data and its provenance are listed there). The concept program
(concepts.py) adds the predicted value of each chosen sentence to its objective.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

FEATURES = ("bias", "position", "first", "length", "centrality", "concept_density", "headline_similarity",
            "reported_share", "has_number", "has_quote")
WEIGHTS = Path(__file__).parent / "data" / "scorer.json"


def sentence_features(analysis, indices: list[int], weights: dict | None = None) -> np.ndarray:
    """One row of FEATURES per sentence index."""
    from .concepts import bigrams, concept_weights

    sentences = analysis.sentences
    weights = weights if weights is not None else concept_weights(list(sentences), analysis.settings)
    titles = np.array([vector for _, vector in analysis.titles.values()]) if analysis.titles else None
    others = max(1, len(analysis.sources) - 1)
    density = np.array([sum(weights.get(b, 0.0) for b in bigrams(sentences[i].text)) / max(1, sentences[i].words)
                        for i in indices])
    density = density / density.max() if len(density) and density.max() > 0 else density
    rows = []
    for k, i in enumerate(indices):
        sentence = sentences[i]
        first = i == 0 or sentences[i - 1].source_id != sentence.source_id
        headline = float((titles @ analysis.vectors[i]).max()) if titles is not None and len(titles) else 0.0
        rows.append([
            1.0,
            sentence.position,
            float(first),
            min(sentence.words, 60) / 30.0,
            float(np.log1p(analysis.scores[i])),
            float(density[k]),
            headline,
            (len(analysis.agreeing(i)) - 1) / others,
            float(bool(re.search(r"\d", sentence.text))),
            float(any(q in sentence.text for q in "“\"")),
        ])
    return np.array(rows)


@lru_cache(maxsize=1)
def coefficients() -> np.ndarray | None:
    """The fitted weights, or None when the file is missing (the program then runs on concepts alone)."""
    if not WEIGHTS.is_file():
        return None
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS} was fitted on other features: re-run training/train_scorer.py")
    return np.array(data["weights"])


def predicted_value(analysis, indices: list[int], weights: dict | None = None) -> np.ndarray:
    """Predicted share of each sentence's bigrams a reference summary holds (0 when no weights ship)."""
    coefficient = coefficients()
    if coefficient is None or not indices:
        return np.zeros(len(indices))
    return np.clip(sentence_features(analysis, indices, weights) @ coefficient, 0.0, 1.0)
