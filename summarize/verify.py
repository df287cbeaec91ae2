"""Verify claims against their sources: does a cited source really state the claim?

A citation holds when the cited source contains the claim verbatim, or a sentence that passes the
attribution test (`attribute.same_claim`: close in embedding space, sharing informative words,
covering most of the claim's content, no flipped negation, every number present). Cheap checks are
necessary, not sufficient (DESIGN.md §6); for extracted claims they are exact, since every word is
a source span. Every word of a claim must be the source's, common words included ("more" → "less" is
a change). `summarize check` also reads a claim an outlet spreads over two adjacent sentences, or over
its headline and a sentence.
"""

from __future__ import annotations

import re

import numpy as np

from dataclasses import dataclass

from .attribute import NEGATION, NUMBER_WORDS, STOPWORDS, _stem, content_words, numbers, polarity_conflict, stating
from .config import Settings
from .neutral import is_attributed
from .rank import _NOT_A_NAME, outside_quotes
from .types import Brief, Claim

_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*|\d+(?:[.,]\d+)*")


def _normalized(text: str) -> str:
    return " ".join(text.split())


def source_states(claim: Claim, source_id: int, analysis) -> bool:
    """Does source `source_id` hold a sentence that states the claim? An attribution the brief added
    ("According to Bloomberg, …") says who states it; the rest of the claim is what is checked."""
    text = _normalized(without_added_attribution(claim))
    sentences = [s for s in analysis.sentences if s.source_id == source_id]
    if any(text == _normalized(s.text) or _cut_from(text, s.text) for s in sentences):
        return True
    if not sentences:
        return False
    claim_vector = _vector_of(text, analysis)
    indices = [s.index for s in sentences]
    cosines = analysis.vectors[indices] @ claim_vector
    words = content_words(text)
    pool = list(analysis.sentences)
    for position in np.argsort(-cosines)[:5]:  # the few closest sentences are the only real candidates
        # A sentence alone, or with the next one of its source (the detail may sit there).
        if stating(text, words, sentences[int(position)].index, float(cosines[position]), pool,
                   analysis.lexicon, analysis.settings) is not None:
            return True
    return False


LEANING_WORDS = ("also", "even")  # lean on a sentence the reader never saw; the edit stage deletes them


def _cut_from(claim: str, sentence: str) -> bool:
    """The claim is the sentence without its opener ("But now Moore has decided …" → "Now Moore has
    decided …") or a word that leans on context ("also", "even"); never without a word that carries a fact."""
    claim_words, sentence_words = _TOKEN.findall(claim.lower()), _TOKEN.findall(sentence.lower())
    if not claim_words or len(claim_words) >= len(sentence_words):
        return False
    deleted, position = [], 0
    for word in sentence_words:
        if position < len(claim_words) and word == claim_words[position]:
            position += 1
        elif position > 0 and word not in LEANING_WORDS:
            return False  # a word from the middle: a change of meaning this check does not judge
        else:
            deleted.append(word)
    return position == len(claim_words) and not set(deleted) & (FACT_WORDS | MODALS) \
        and not any(NEGATION.search(word) for word in deleted)


def without_added_attribution(claim: Claim) -> str:
    text = claim.text
    for edit in claim.edits:
        if edit.type == "add" and edit.reason.startswith("attribution") and text.startswith(edit.text):
            rest = text[len(edit.text):].strip()
            return rest[:1].upper() + rest[1:]
    return text


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


# ---------------------------------------------------------------- claim against one evidence sentence

FACT_WORDS = frozenset("not no never next last this first only".split())  # DESIGN.md §6: they carry facts
MODALS = frozenset("may might could would will should must can cannot".split())
_QUOTE_SPAN = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
_NAME = re.compile(r"\b[A-Z][\w’'.-]*[\w.]")


_QUALIFIER = re.compile(r"\b(" + "|".join(sorted(FACT_WORDS)) + r")\s+(?=[A-Za-z])", re.IGNORECASE)
FLUENCY_DROP = 1.0  # nats per token; garbled splices read ≥ 1.5 worse than their source, fine edits ≤ 0.6


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str = ""


def quoted_spans(text: str) -> list[str]:
    return [a or b for a, b in _QUOTE_SPAN.findall(text)]


def names(text: str) -> set[str]:
    """Capitalised words, lowercased; a common word capitalised only because it opens the sentence is not a name."""
    found = set()
    for match in _NAME.finditer(text):
        word = match.group(0).rstrip(".").lower()
        opens = not text[: match.start()].strip(" “\"‘(")
        if opens and word in _NOT_A_NAME:
            continue
        found.add(word)
    return found


def _words(text: str) -> set[str]:
    return {t.lower() for t in _TOKEN.findall(text)}


# Past forms a Porter stem does not reach: "met" is "meet" as "meeting" is. Forms of "be" and "have"
# are left apart on purpose: "is" → "was" changes the tense.
IRREGULAR = {
    "met": "meet", "held": "hold", "said": "say", "told": "tell", "went": "go", "gone": "go", "saw": "see",
    "seen": "see", "made": "make", "took": "take", "taken": "take", "gave": "give", "given": "give",
    "won": "win", "lost": "lose", "came": "come", "began": "begin", "begun": "begin", "sent": "send",
    "spent": "spend", "brought": "bring", "thought": "think", "found": "find", "kept": "keep", "led": "lead",
    "paid": "pay", "sought": "seek", "bought": "buy", "fell": "fall", "fallen": "fall", "rose": "rise",
    "risen": "rise", "struck": "strike", "ran": "run", "wrote": "write", "written": "write", "spoke": "speak",
    "spoken": "speak", "chose": "choose", "chosen": "choose", "drew": "draw", "drawn": "draw", "grew": "grow",
    "grown": "grow", "knew": "know", "known": "know", "built": "build", "felt": "feel", "heard": "hear",
    "meant": "mean", "stood": "stand", "understood": "understand", "sold": "sell", "got": "get",
    "gotten": "get", "flew": "fly", "flown": "fly", "broke": "break", "broken": "break", "withdrew": "withdraw",
    "withdrawn": "withdraw", "forgot": "forget", "forgotten": "forget", "hid": "hide", "hidden": "hide",
}


def _lemma(word: str) -> str:
    """A word as "no new words" compares it: lowercased, without a possessive, stemmed; "an" is "a"
    (tidying fixes the article after a deletion)."""
    word = re.sub(r"[’']s$", "", word.lower()).strip("’'")
    word = IRREGULAR.get(word, word)
    return "a" if word == "an" else _stem(word)


def _word_forms(text: str) -> list[tuple[str, str]]:
    """(word, lemma) for every word of the text, common words included; hyphenated compounds by their
    parts ("Xi-Blinken" names both). Numbers are left to the numbers check, which reads "five" as "5"."""
    out = []
    for token in _TOKEN.findall(text):
        for part in token.split("-"):
            if part and part[0].isalpha() and part.lower() not in NUMBER_WORDS:
                out.append((part, _lemma(part)))
    return out


def new_words(claim: str, evidence: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Words of the claim that neither the evidence nor `allowed` has. Strict about common words too:
    "right direction" → "same direction", "more" → "less", "before" → "after" each change a fact."""
    known = {lemma for _, lemma in _word_forms(evidence + " " + " ".join(allowed))}
    return sorted({word.lower() for word, lemma in _word_forms(claim) if lemma not in known})


def _content(text: str) -> set[str]:
    return {lemma for word, lemma in _word_forms(text) if word.lower() not in STOPWORDS}


def covered(claim: str, evidence: str) -> float:
    """Share of the claim's content words (lemmas, as "no new words" reads them) that the evidence has."""
    wanted = _content(claim)
    return len(wanted & _content(evidence)) / len(wanted) if wanted else 0.0


_AFTER_MODAL = 3  # words after a modal that it qualifies: "will not meet", "could soon become"


def dropped_modals(claim: str, evidence: str) -> list[str]:
    """Modals of the evidence that the claim drops while keeping the verb they qualify: "Xi will meet
    Blinken" → "Xi met Blinken" turns a plan into a fact."""
    claim_words = _words(claim)
    kept = _content(claim)
    dropped = set()
    own = outside_quotes(evidence)
    for match in re.finditer(r"\b(" + "|".join(sorted(MODALS)) + r")\b", own, re.IGNORECASE):
        modal = match.group(1).lower()
        following = _TOKEN.findall(own[match.end():])[:_AFTER_MODAL]
        if modal not in claim_words and any(lemma in kept for _, lemma in _word_forms(" ".join(following))):
            dropped.add(modal)
    return sorted(dropped)


def check_claim(claim: str, evidence: str, cosine: float, settings: Settings, allowed: frozenset[str] = frozenset()) -> list[Check]:
    """Every check a claim must pass against the sentence it rests on; `allowed` words (lexicon
    replacements, an added attribution's outlet name) may be absent from the evidence."""
    evidence_words = _words(evidence) | allowed
    checks = []
    misquoted = [q for q in quoted_spans(claim) if " ".join(q.split()) not in " ".join(evidence.split())]
    checks.append(Check("quotes verbatim", not misquoted, "; ".join(f"“{q}”" for q in misquoted)))
    # A quotation whose marks were dropped puts the speaker's words in the brief's own voice.
    own_words = f" {_plain(outside_quotes(claim))} "
    unquoted = [q for q in quoted_spans(evidence) if _plain(q) and f" {_plain(q)} " in own_words]
    checks.append(Check("quoted words still quoted", not unquoted, "; ".join(f"“{q}”" for q in unquoted)))
    # "Mayorkas said 212,672 migrants …" may not become "212,672 migrants …": the speaker stays.
    checks.append(Check("speaker named", is_attributed(claim) or not is_attributed(evidence), "the source attributes it"))
    extra_numbers = numbers(claim) - numbers(evidence) - numbers(" ".join(allowed))
    checks.append(Check("numbers in source", not extra_numbers, ", ".join(sorted(extra_numbers))))
    flat_evidence = evidence.lower().replace(".", "") + " " + " ".join(allowed)
    missing_names = sorted(
        n for n in names(claim) if not re.search(r"(?<!\w)" + re.escape(n.replace(".", "")) + r"(?!\w)", flat_evidence)
    )
    checks.append(Check("names in source", not missing_names, ", ".join(missing_names)))
    claim_words = _words(outside_quotes(claim))
    extra_fact = sorted((claim_words & FACT_WORDS) - evidence_words)
    checks.append(Check("fact words in source", not extra_fact, ", ".join(extra_fact)))
    # A fact word the edit removed, where it qualified something ("until the last minute", "not only"):
    # "At long last," qualifies nothing.
    qualifying = {m.group(1).lower() for m in _QUALIFIER.finditer(outside_quotes(evidence))}
    dropped = sorted((qualifying & FACT_WORDS) - _words(claim))
    checks.append(Check("fact words kept", not dropped, ", ".join(dropped)))
    new = new_words(claim, evidence, allowed)
    checks.append(Check("no new words", not new, ", ".join(new)))
    checks.append(Check("negation agrees", not polarity_conflict(claim, evidence)))
    extra_modal = sorted((claim_words & MODALS) - evidence_words)
    checks.append(Check("modality agrees", not extra_modal, ", ".join(extra_modal)))
    lost_modal = dropped_modals(claim, evidence)
    checks.append(Check("modality kept", not lost_modal, ", ".join(lost_modal)))
    share = covered(claim, evidence)
    checks.append(Check("content covered", share >= settings.support_coverage, f"{share:.0%} of content words"))
    checks.append(Check("meaning close", cosine >= settings.support_similarity, f"cosine {cosine:.2f}"))
    return checks


def _plain(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def fluency_check(candidate_score: float, source_score: float, strict: bool = False) -> Check:
    """The abstractive model's verdict on garbling: an edit may not read much worse than the source;
    a sentence no outlet wrote (`strict`: a fusion, the model's own wording) may not read worse at all."""
    drop = source_score - candidate_score
    return Check("reads as well as the source", drop <= (0.0 if strict else FLUENCY_DROP), f"{drop:+.2f} nats/token worse")


def passes(checks: list[Check]) -> bool:
    return all(check.passed for check in checks)


# ---------------------------------------------------------------- `summarize check`

SENTENCE, ADJACENT, HEADLINE = "sentence", "two adjacent sentences", "its headline and a sentence"
NEAREST = 5  # a source's closest sentences: the only real candidates
AROUND = 3  # closest sentences tried with their neighbours and with the headline
LEDE = 3  # first sentences tried with the headline: the lede completes what the headline states


@dataclass(frozen=True)
class SourceVerdict:
    source_id: int
    name: str
    supported: bool
    evidence: str  # the text that supports the claim (see `kind`), or the closest sentence
    cosine: float
    failed: tuple[Check, ...]  # the checks the closest sentence failed (empty when supported)
    kind: str = SENTENCE  # SENTENCE, ADJACENT (joined) or HEADLINE (the headline joined to a sentence)


@dataclass(frozen=True)
class CheckResult:
    claim: str
    verdicts: tuple[SourceVerdict, ...]

    @property
    def supported(self) -> bool:
        return any(v.supported for v in self.verdicts)

    @property
    def supporting(self) -> tuple[int, ...]:
        return tuple(v.source_id for v in self.verdicts if v.supported)


def check(claim: str, inputs, settings=None, encoder=None, stdin: str | None = None) -> CheckResult:
    """Is `claim` stated by the sources? Per source: the sentence that states it, else two adjacent
    sentences or the headline and a sentence that state it together, else the closest sentence and
    every check it fails."""
    from .config import DEFAULTS
    from .embed import shared_encoder
    from .errors import InputError
    from .ingest import ingest, read_inputs
    from .split import split_sources

    settings = settings or DEFAULTS
    claim = " ".join(claim.split())
    if not claim:
        raise InputError("the claim is empty: give the sentence to check in quotes")
    sources = ingest(read_inputs(inputs, stdin=stdin))
    sentences = split_sources(sources)
    encoder = encoder or shared_encoder()
    vectors = encoder.encode([s.text for s in sentences] + [claim])
    claim_vector = vectors[-1]
    verdicts, composites = [], {}
    for source in sources:
        own = [s for s in sentences if s.source_id == source.id]
        if not own:
            continue
        cosines = np.array([float(vectors[s.index] @ claim_vector) for s in own])
        verdicts.append(_sentence_verdict(claim, source, own, cosines, settings))
        if not verdicts[-1].supported:
            composites[source.id] = _composites(claim, source, own, cosines, settings)
    texts = sorted({text for found in composites.values() for text, _ in found})
    if texts:  # one batch for every source: the lexical filter leaves few
        composite_vectors = dict(zip(texts, encoder.encode(texts)))
        verdicts = [_composite_verdict(claim, v, composites.get(v.source_id, []), composite_vectors, claim_vector, settings)
                    for v in verdicts]
    return CheckResult(claim, tuple(verdicts))


def _sentence_verdict(claim: str, source, own, cosines: np.ndarray, settings) -> SourceVerdict:
    """The first of the closest sentences that states the claim, else the closest one and what it fails."""
    best = None
    for position in np.argsort(-cosines)[:NEAREST]:
        sentence, cosine = own[int(position)], float(cosines[position])
        checks = check_claim(claim, sentence.text, cosine, settings)
        if best is None or passes(checks):
            best = (sentence, cosine, checks)
        if passes(checks):
            break
    sentence, cosine, checks = best
    return SourceVerdict(source.id, source.name, passes(checks), sentence.text, round(cosine, 4),
                         tuple(c for c in checks if not c.passed))


def _composites(claim: str, source, own, cosines: np.ndarray, settings) -> list[tuple[str, str]]:
    """(text, kind): a claim an outlet spreads over two places, "the Xi-Blinken meeting in Beijing" and
    "… his meeting with Chinese President Xi Jinping". Only around the closest sentences, never all pairs,
    and only texts that hold every word of the claim (a cheap test before any embedding)."""
    closest = [int(p) for p in np.argsort(-cosines)[:AROUND]]
    found = []
    for p in closest:
        for a, b in ((p - 1, p), (p, p + 1)):
            if a >= 0 and b < len(own) and own[b].index == own[a].index + 1:
                found.append((own[a].text, own[b].text, ADJACENT))
    if source.headline and source.title:
        # The lede spells out its headline; a sentence further down only completes a headline that states
        # most of the claim itself ("Xi-Blinken Talks" + "Bill Gates met Xi in Beijing" is no meeting of Blinken's).
        lede = set(range(min(LEDE, len(own))))
        if covered(claim, source.title) >= settings.support_coverage:
            lede |= set(closest)
        for p in sorted(lede):
            if _normalized(own[p].text) != _normalized(source.title):  # a headline repeated as the first line
                found.append((source.title, own[p].text, HEADLINE))
    unique = {_joined(first, second): (first, second, kind) for first, second, kind in found}
    return [(text, kind) for text, (first, second, kind) in unique.items()
            if not new_words(claim, text) and _completes(claim, first, second, settings)]


def _completes(claim: str, first: str, second: str, settings) -> bool:
    """One part states most of the claim and the other only supplies names: the person "he" stands for,
    a full name, a place. Otherwise the words of two facts make a third: "Blinken invited Qin Gang … to
    Blinken's Beijing trip" and "… for Qin … to meet Biden" do not say that Blinken met Qin in Beijing."""
    claim_names = {_lemma(name) for name in names(claim)}
    for main in (first, second):
        lacking = _content(claim) - _content(main)
        if covered(claim, main) >= settings.support_coverage and lacking <= claim_names:
            return True
    return False


def _joined(first: str, second: str) -> str:
    """Two pieces read as one text; a headline gets the full stop it lacks."""
    first = _normalized(first)
    return f"{first} {second}" if first.endswith((".", "!", "?", ":", "”", "\"")) else f"{first}. {second}"


def _composite_verdict(claim: str, verdict: SourceVerdict, candidates, vectors, claim_vector, settings) -> SourceVerdict:
    """The sentence verdict, or the closest joined text that passes every check in its place."""
    if verdict.supported:
        return verdict
    passing = []
    for text, kind in candidates:
        cosine = float(vectors[text] @ claim_vector)
        if passes(check_claim(claim, text, cosine, settings)):
            passing.append((cosine, text, kind))
    if not passing:
        return verdict
    cosine, text, kind = max(passing)
    return SourceVerdict(verdict.source_id, verdict.name, True, text, round(cosine, 4), (), kind)


def check_to_text(result: CheckResult) -> str:
    head = (f"SUPPORTED by {', '.join(f'[{i}]' for i in result.supporting)}" if result.supported
            else "NOT SUPPORTED by any source")
    lines = [f"{head}: {result.claim}", ""]
    for v in result.verdicts:
        if v.supported:
            how = "" if v.kind == SENTENCE else f" in {v.kind}"  # say so where the claim is spread over two
            lines.append(f"[{v.source_id}] {v.name}: supports it{how} — “{v.evidence}”")
        else:
            failed = "; ".join(f"{c.name}{f' ({c.detail})' if c.detail else ''}" for c in v.failed)
            lines.append(f"[{v.source_id}] {v.name}: does not — closest “{v.evidence}” — failed: {failed}")
    return "\n".join(lines) + "\n"


def check_to_json(result: CheckResult) -> str:
    import json

    return json.dumps({
        "claim": result.claim,
        "supported": result.supported,
        "sources": list(result.supporting),
        "verdicts": [
            {"source": v.source_id, "name": v.name, "supported": v.supported, "evidence": v.evidence,
             "evidence_kind": v.kind, "similarity": v.cosine, "failed": [{"check": c.name, "detail": c.detail} for c in v.failed]}
            for v in result.verdicts
        ],
    }, ensure_ascii=False, indent=2) + "\n"
