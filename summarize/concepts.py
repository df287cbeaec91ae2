"""Selection by concept coverage, solved exactly (Gillick & Favre 2009, "A Scalable Global Model for
Summarization").

A concept is a stemmed word bigram (not two stopwords), or a content word, which weighs
`settings.word_concept_weight` of a bigram. Its weight says how much the cluster agrees on it: each
source that prints it adds 1, plus a position prior — news puts the key facts first, so a
bigram a source prints in its first sentence adds up to `1 + position_prior`, one in its last sentence
adds 1. The brief is the set of sentences whose concepts weigh most, each concept counted once,
within the word budget: an integer linear program (scipy's HiGHS). Counting each concept once is what
removes redundancy; two sentences closer than `settings.redundancy` are also never both chosen.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from .attribute import STOPWORDS, _stem
from .config import Settings
from .types import Sentence

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
MAX_CANDIDATES = 200  # the most central candidates considered at all: DUC clusters have ~1,200 sentences
# Of those, the program sees the most central that fit, one per 4 words of the budget and at least 60 (a
# 200-word brief holds about 8 claims). All 200 made the exact solve 5x slower on the seeds and on DUC
# (1.1 s for one cluster) for no ROUGE on the dev set (bench/EVAL.md).
MIN_POOL, WORDS_PER_CANDIDATE = 60, 4
TIME_LIMIT_S = 5.0  # HiGHS stops with its best solution so far (never reached on the dev set)


def _stemmed(text: str) -> list[str]:
    return [_stem(w) for w in _TOKEN.findall(text.lower().replace("’", "'"))]


def _bigrams(words: list[str]) -> frozenset[tuple[str, str]]:
    return frozenset((a, b) for a, b in zip(words, words[1:]) if not (a in STOPWORDS and b in STOPWORDS))


def bigrams(text: str) -> frozenset[tuple[str, str]]:
    return _bigrams(_stemmed(text))


def concepts(text: str, settings: Settings) -> frozenset[tuple[str, ...]]:
    """The text's bigrams, and its content words (one-word tuples) when they count."""
    words = _stemmed(text)
    if not settings.word_concept_weight:
        return _bigrams(words)
    return _bigrams(words) | {(word,) for word in words if word not in STOPWORDS and len(word) > 2}


def concept_weights(sentences: list[Sentence], settings: Settings, headlines: list[str] = (),
                    base: dict[tuple[str, ...], float] | None = None) -> dict[tuple[str, ...], float]:
    """Weight of each concept: a term per source that prints it, larger the earlier it first appears.

    Concepts only one source prints are left out when the sources share enough bigrams (agreement is
    what a multi-document brief reports); a cluster of one source, or of sources sharing little, keeps them.
    `base`: these weights without `headlines`, computed before (a brief's program and its learned scorer
    both ask).
    """
    weight = agreed_weights(sentences, settings) if base is None else base
    if settings.headline_weight and headlines:  # a bigram a headline prints weighs more
        titled = frozenset().union(*(bigrams(h) for h in headlines))
        weight = {c: w * (1 + settings.headline_weight) if c in titled else w for c, w in weight.items()}
    return weight


def agreed_weights(sentences: list[Sentence], settings: Settings) -> dict[tuple[str, ...], float]:
    """`concept_weights` without headlines."""
    first: dict[tuple[str, ...], dict[int, float]] = defaultdict(dict)
    for sentence in sentences:
        for concept in concepts(sentence.text, settings):
            seen = first[concept].get(sentence.source_id, 1.0)
            first[concept][sentence.source_id] = min(seen, sentence.position)
    weight = {concept: (1.0 if len(concept) == 2 else settings.word_concept_weight)
              * sum(1 + settings.position_prior * (1 - position) for position in where.values())
              for concept, where in first.items()}
    shared = {concept: w for concept, w in weight.items() if len(first[concept]) >= settings.concept_min_sources}
    # Whether the sources share enough is a question of bigrams: they always share words.
    return shared if sum(len(concept) == 2 for concept in shared) >= settings.concept_min_shared else weight


def never_together(pool: list[int], vectors: np.ndarray, settings: Settings,
                   exclusive: list[tuple[int, int]] = ()) -> set[tuple[int, int]]:
    """Pairs of positions in `pool` the brief never holds both of: closer than `settings.redundancy`, or
    two sentences of one claim (`exclusive`, by sentence index)."""
    close = vectors[pool] @ vectors[pool].T
    pairs = {(int(a), int(b)) for a, b in zip(*np.nonzero(np.triu(close >= settings.redundancy, k=1)))}
    column_of = {i: j for j, i in enumerate(pool)}
    return pairs | {(column_of[a], column_of[b]) for a, b in exclusive if a in column_of and b in column_of}


def select_concepts(ranked: list[int], sentences: list[Sentence], vectors: np.ndarray, budget: int,
                    settings: Settings, agreed: set[int] = frozenset(), value=None,
                    headlines: list[str] = (), corroboration: dict[int, int] | None = None,
                    lengths: dict[int, int] | None = None, texts: dict[int, str] | None = None,
                    exclusive: list[tuple[int, int]] = (), base_weights: dict[tuple[str, ...], float] | None = None) -> list[int]:
    """Of the candidates (`ranked`, most relevant first), those covering the most concept weight in at most
    `budget` words, in the order of `ranked`. When one of the `agreed` sentences (reported by two or more
    outlets) fits, at least one is chosen: a brief of several outlets states what they agree on.
    `value(indices)`, when given, is each sentence's predicted share of reference bigrams (scorer.py): the
    program also gains `settings.learned_weight` × that share × the sentence's concept count.
    `corroboration[i]`: how many other outlets a wording of sentence i can cite; each is worth
    `settings.corroboration_bonus` concepts of average weight (agreement between outlets is the news).
    `lengths[i]`: the words sentence i will take as a claim (an added attribution included); `texts[i]`:
    the wording it will take when that is shorter than the sentence (its concepts are that wording's).
    `exclusive`: pairs of sentences that state one claim, of which at most one is chosen. `base_weights`:
    the concept weights without headlines, when computed before (`agreed_weights`)."""
    length = {i: (lengths or {}).get(i, sentences[i].words) for i in ranked[:MAX_CANDIDATES]}
    pool = [i for i in ranked[:MAX_CANDIDATES] if length[i] <= budget][:max(MIN_POOL, budget // WORDS_PER_CANDIDATE)]
    if not pool:
        return []
    weights = concept_weights(sentences, settings, headlines, base_weights)
    holders: dict[tuple[str, ...], list[int]] = defaultdict(list)
    texts = texts or {}
    concepts_of = [concepts(texts.get(index, sentences[index].text), settings) for index in pool]  # by column
    for column, own_concepts in enumerate(concepts_of):
        for concept in own_concepts:
            if concept in weights:
                holders[concept].append(column)
    held = list(holders)
    # Concepts held by the same sentences are covered together: one variable each such set, their weights
    # summed. A concept one candidate alone holds is covered exactly when that candidate is chosen: its
    # weight goes to the candidate's own term, no variable. The same program, far fewer columns.
    covering: dict[tuple[int, ...], float] = defaultdict(float)
    alone = np.zeros(len(pool))
    for concept in held:
        if len(holders[concept]) == 1:
            alone[holders[concept][0]] += weights[concept]
        else:
            covering[tuple(holders[concept])] += weights[concept]
    n, m = len(pool), len(covering)
    rows, cols, values, lower, upper = [], [], [], [], []

    def constraint(entries: list[tuple[int, float]], low: float, high: float) -> None:
        row = len(lower)
        for column, value in entries:
            rows.append(row)
            cols.append(column)
            values.append(value)
        lower.append(low)
        upper.append(high)

    constraint([(j, length[i]) for j, i in enumerate(pool)], 0, budget)
    for k, held_by in enumerate(covering):  # a concept counts only if a chosen sentence holds it
        constraint([(n + k, 1.0)] + [(j, -1.0) for j in held_by], -np.inf, 0)
    agreed_columns = [j for j, i in enumerate(pool) if i in agreed]
    if agreed_columns:
        constraint([(j, 1.0) for j in agreed_columns], 1, np.inf)
    for a, b in sorted(never_together(pool, vectors, settings, exclusive)):
        constraint([(a, 1.0), (b, 1.0)], 0, 1)
    # A sentence's words are a tiny reward too, so that among equal coverings the fuller brief wins.
    own = alone + np.array([1e-3 * sentences[i].words for i in pool])
    # The bonuses count in average bigrams, as they were calibrated: words would make the average smaller.
    if value is not None and settings.learned_weight:
        mean_weight = float(np.mean([weights[c] for c in held if len(c) == 2] or [1.0]))
        counts = np.array([sum(len(concept) == 2 for concept in own_concepts) for own_concepts in concepts_of])  # bigrams
        own = own + settings.learned_weight * mean_weight * value(pool) * counts
    if corroboration and settings.corroboration_bonus:
        mean_weight = float(np.mean([weights[c] for c in held if len(c) == 2] or [1.0]))
        own = own + settings.corroboration_bonus * mean_weight * np.array([corroboration.get(i, 0) for i in pool])
    objective = -np.concatenate([own, np.array(list(covering.values()), dtype=float)])
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(lower), n + m))
    result = milp(objective, constraints=LinearConstraint(matrix, lower, upper), integrality=np.ones(n + m),
                  bounds=Bounds(0, 1), options={"time_limit": TIME_LIMIT_S})
    if result.x is None:
        return []
    return [i for j, i in enumerate(pool) if result.x[j] > 0.5]
