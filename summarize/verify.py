"""Verify claims against their sources: does a cited source really state the claim?

A citation holds when the cited source contains the claim verbatim, or a sentence that passes the
attribution test (`attribute.same_claim`: close in embedding space, sharing informative words,
covering most of the claim's content, no flipped negation, every number present). Cheap checks are
necessary, not sufficient (DESIGN.md §6); for extracted claims they are exact, since every word is
a source span.
"""

from __future__ import annotations

import re

import numpy as np

from .attribute import STOPWORDS, content_words, same_claim
from .types import Brief, Claim

_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d+(?:[.,]\d+)*")


def _normalized(text: str) -> str:
    return " ".join(text.split())


def source_states(claim: Claim, source_id: int, analysis) -> bool:
    """Does source `source_id` hold a sentence that states the claim?"""
    text = _normalized(claim.text)
    sentences = [s for s in analysis.sentences if s.source_id == source_id]
    if any(text == _normalized(s.text) for s in sentences):
        return True
    if not sentences:
        return False
    claim_vector = _vector_of(claim.text, analysis)
    indices = [s.index for s in sentences]
    cosines = analysis.vectors[indices] @ claim_vector
    for position in np.argsort(-cosines)[:5]:  # the few closest sentences are the only real candidates
        sentence = sentences[int(position)]
        shared = len(content_words(claim.text) & content_words(sentence.text) & analysis.lexicon.informative)
        if same_claim(claim.text, sentence.text, float(cosines[position]), shared, analysis.settings):
            return True
    return False


def _vector_of(text: str, analysis) -> np.ndarray:
    for sentence in analysis.sentences:
        if sentence.text == text:
            return analysis.vectors[sentence.index]
    from .embed import shared_encoder

    return shared_encoder().encode([text])[0]


def citation_scores(brief: Brief, analysis) -> tuple[float, float]:
    """(precision, recall): citations that hold, and claims with at least one citation that holds."""
    citations = held = supported_claims = 0
    for claim in brief.claims:
        holds = [source_states(claim, source, analysis) for source in claim.sources]
        citations += len(holds)
        held += sum(holds)
        supported_claims += any(holds)
    if not brief.claims:
        return 1.0, 1.0
    return held / citations if citations else 0.0, supported_claims / len(brief.claims)


def unsupported_words(summary: str, source_text: str) -> list[str]:
    """Content words and numbers of the summary that appear nowhere in the sources."""
    available = {token.lower() for token in _TOKEN.findall(source_text)}
    missing = []
    for token in _TOKEN.findall(summary):
        word = token.lower()
        if word in STOPWORDS or (len(word) < 3 and not word.isdigit()):
            continue
        if word not in available:
            missing.append(token)
    return missing
