"""Neutral wording: the shipped lexicon of loaded terms and a framing score.

Loaded terms are counted only in the brief's own voice (outside quotation marks): a quoted speaker's
words are attributed, not endorsed. The framing score follows NeuS (Lee et al., NAACL 2022), which
measures framing by strongly valenced words; we use VADER's MIT-licensed valence lexicon (NRC-VAD is
research-only) and report per 100 words, so that a shorter text does not merely look more neutral.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .rank import outside_quotes
from .types import count_words

STRONG_VALENCE = 2.0  # VADER's scale runs -4..4; at 2 and above a word is strongly valenced


@dataclass(frozen=True)
class Term:
    term: str
    replacement: str  # "" = drop the word
    kind: str  # "loaded" | "attribution"
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> tuple[Term, ...]:
    """Loaded terms, longest first so "authoritarian leader" wins over "authoritarian"."""
    text = resources.files("summarize").joinpath("data/loaded_terms.tsv").read_text(encoding="utf-8")
    terms = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, replacement, kind = (part.strip() for part in line.split("\t"))
        pattern = re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", re.IGNORECASE)
        terms.append(Term(term, replacement, kind, pattern))
    return tuple(sorted(terms, key=lambda t: -len(t.term)))


def loaded_terms(text: str, kinds: tuple[str, ...] = ("loaded", "attribution")) -> list[str]:
    """Lexicon terms a text uses in its own voice (quotations excluded), each occurrence once."""
    own_voice = outside_quotes(text)
    found = []
    for term in lexicon():
        if term.kind not in kinds:
            continue
        hits = term.pattern.findall(own_voice)
        if hits:
            found += [term.term] * len(hits)
            own_voice = term.pattern.sub(" ", own_voice)  # "authoritarian leader" is not also "authoritarian"
    return found


@lru_cache(maxsize=1)
def _valence() -> dict[str, float]:
    import vaderSentiment

    path = resources.files(vaderSentiment).joinpath("vader_lexicon.txt")
    scores = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                scores[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return scores


def framing_intensity(text: str) -> float:
    """Summed |valence| of strongly valenced words per 100 words, in the text's own voice."""
    words = count_words(text)
    if not words:
        return 0.0
    valence = _valence()
    tokens = re.findall(r"[a-z][a-z'-]*", outside_quotes(text).lower())
    total = sum(abs(valence[t]) for t in tokens if abs(valence.get(t, 0.0)) >= STRONG_VALENCE)
    return 100.0 * total / words
