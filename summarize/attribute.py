"""Attribution: which sources state a claim, and with which of their sentences.

Cosine alone groups anything about the same topic (DESIGN.md §4: at 0.6 only ~2/3 of cross-outlet
groups were the same claim). A sentence of another source supports a claim only when it is close in
embedding space *and* shares informative content words (words that are not in every other sentence of
the cluster, so "Blinken" and "China" do not count) *and* agrees on negation and on the numbers both
state. Thresholds are calibrated on labelled pairs from the seeds (tests/data/paraphrase_pairs.jsonl).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from nltk.stem.porter import PorterStemmer

from .config import Settings
from .rank import outside_quotes
from .types import Sentence

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself said says say told tell according added noted also one two would could
    may might must shall us mr mrs ms its it's i'm we're they're that's there's don't didn't
    """.split()
)
NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|without|cannot)\b|n[’']t\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]|\d+(?:[.,]\d+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_stemmer = PorterStemmer()


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer.stem(word)


_POSSESSIVE = re.compile(r"[’']s$")


@lru_cache(maxsize=65536)  # every pair test asks again for the same sentences' words
def content_words(text: str) -> frozenset[str]:
    """Stemmed words that carry content: no stopwords, no possessive endings."""
    words = set()
    for token in _WORD.findall(text):
        token = _POSSESSIVE.sub("", token.lower())
        if token in STOPWORDS or (len(token) < 3 and not token.isdigit()):
            continue
        words.add(_stem(token))
    return frozenset(words)


# "one" is left out: "the one thing", "one of the reasons" state no count.
NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split(),
        start=2,
    )
}
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=65536)  # as content_words: asked again for the same sentences by every pair test
def numbers(text: str) -> frozenset[str]:
    """Numbers a text states, "five" and "5" alike (so an outlet spelling it out still agrees)."""
    digits = {n.replace(",", "") for n in _NUMBER.findall(text)}
    spelled = {NUMBER_WORDS[w.lower()] for w in _NUMBER_WORD.findall(text)}
    return frozenset(digits | spelled)


def is_negated(text: str) -> bool:
    return bool(NEGATION.search(text))


@lru_cache(maxsize=65536)  # asked again for the same sentences by every pair test
def negated_words(text: str, reach: int = 3) -> frozenset[str]:
    """Content words (stemmed) within `reach` words after a negation: "has not agreed" → {"agre"}."""
    found = set()
    for match in NEGATION.finditer(text):
        following = _WORD.findall(text[match.end():])[:reach]
        found |= content_words(" ".join(following))
    return frozenset(found)


def polarity_conflict(claim: str, evidence: str) -> bool:
    """One text negates a content word that the other states without negation.

    "China has agreed" vs "China has not agreed" conflict; "Progress is hard" vs "Progress is hard …
    it's not the product of one visit" do not (the negation there is about something else).
    """
    claim_words, evidence_words = content_words(claim), content_words(evidence)
    claim_negated, evidence_negated = negated_words(claim), negated_words(evidence)
    # Near a negation of its own, a word is not stated positively: "no tolls would be charged" and
    # "tolls will not be charged" negate different words of the same fact.
    return bool(
        (evidence_negated & claim_words) - _near_negation(claim)
        or (claim_negated & evidence_words) - _near_negation(evidence)
    )


def denies(a: str, b: str) -> bool:
    """One text negates the very word the other affirms: "China has not agreed" / "China has agreed". Not
    "said he did not know the Spirit planned it" / "said he was unaware of the Spirit's plans": what is
    negated there ("know") the other never states. (Narrower than `polarity_conflict`, which looks three
    words past a negation.)"""
    heads_a, heads_b = _negated_heads(a), _negated_heads(b)
    return bool((heads_a & content_words(b)) - heads_b) or bool((heads_b & content_words(a)) - heads_a)


def _negated_heads(text: str) -> frozenset[str]:
    """The first content word after each negation ("has not yet agreed" → "agre")."""
    return frozenset().union(*(first_content_word(text[match.end():]) for match in NEGATION.finditer(text)))


def first_content_word(text: str, reach: int = 4) -> frozenset[str]:
    """The first content word (stemmed) among the first `reach` words of `text`, or nothing."""
    return next((found for word in _LETTER_WORD.findall(text)[:reach] if (found := content_words(word))), frozenset())


_LETTER_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@lru_cache(maxsize=65536)
def _near_negation(text: str, reach: int = 6) -> frozenset[str]:
    """Content words within `reach` words before or after a negation."""
    found = set()
    for match in NEGATION.finditer(text):
        before = _WORD.findall(text[: match.start()])[-reach:]
        after = _WORD.findall(text[match.end():])[:reach]
        found |= content_words(" ".join(before + after))
    return frozenset(found)


@dataclass(frozen=True)
class Lexicon:
    """Content words per sentence and which of them are informative in this cluster."""

    words: tuple[frozenset[str], ...]
    informative: frozenset[str]

    @classmethod
    def build(cls, texts: list[str], outlets: int = 2, max_share: float = 0.08) -> Lexicon:
        words = tuple(content_words(text) for text in texts)
        frequency = Counter(word for sentence_words in words for word in sentence_words)
        # A word in more than ~8 % of the cluster's sentences is its topic, not a detail of one claim;
        # but a detail every outlet states once is informative however small the cluster.
        cap = max(outlets, int(max_share * len(texts)))
        return cls(words=words, informative=frozenset(w for w, n in frequency.items() if n <= cap))

    def shared(self, i: int, j: int) -> frozenset[str]:
        return self.words[i] & self.words[j] & self.informative


def coverage(claim: str, evidence: str) -> float:
    """Share of the claim's content words that the evidence also has."""
    claim_words = content_words(claim)
    return len(claim_words & content_words(evidence)) / len(claim_words) if claim_words else 0.0


_WHEN = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|morning|afternoon|"
    r"evening|night|january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
# "…, police said." / "according to the sheriff's office": who the claim rests on, at its end.
_CLOSING_SOURCE = re.compile(r"(?:according to|told|said|says|showed|announced|reported)\b([^,;:]{0,60})$", re.IGNORECASE)
_QUOTATION = re.compile(r"“([^”]+)”|\"([^\"]+)\"")


@lru_cache(maxsize=65536)
def _when(text: str) -> frozenset[str]:
    return frozenset(word.lower() for word in _WHEN.findall(outside_quotes(text)))


_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _weekdays(text: str) -> frozenset[str]:
    return frozenset(_WEEKDAY.findall(outside_quotes(text)))


def _plain(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def same_claim(claim: str, evidence: str, cosine: float, shared: int, settings: Settings, spans: int = 1) -> bool:
    """Does the evidence state what the claim states? The citation test: strict on purpose.

    Close in meaning, sharing informative details, covering most of the claim's content words, with
    no negation of what the other affirms, every number and every day or month of the claim in the
    evidence, the same source where the claim names one at its end ("…, police said."), and the
    claim's quotations word for word. (Calibrated on tests/data/dev_pairs.jsonl.)

    Evidence that `spans` two adjacent sentences (the detail in the next one) is embedded as its first
    sentence: that one must be as close as a report (`report_similarity`); the rest is tested on both.
    """
    if cosine < (settings.support_similarity if spans == 1 else settings.report_similarity) \
            or shared < settings.min_shared_words:
        return False
    if polarity_conflict(claim, evidence):
        return False
    if not numbers(claim) <= numbers(evidence) or not _when(claim) <= _when(evidence):
        return False
    closing = _CLOSING_SOURCE.search(claim.rstrip(".”\"’ "))
    if closing and content_words(closing.group(1)) and not content_words(closing.group(1)) & content_words(evidence):
        return False
    plain_evidence = _plain(evidence)
    if any(_plain(a or b) not in plain_evidence for a, b in _QUOTATION.findall(claim)):
        return False
    return coverage(claim, evidence) >= (settings.support_coverage if spans == 1 else PAIR_COVERAGE) \
        and not _only_the_names(claim, evidence)


# Names fill a news sentence's content words; what it says happened is in its lowercase words. "Secret Service
# Director Randolph “Tex” Alles on Monday pushed back on reports he was fired by President Donald Trump." was
# cited to "On Monday, the White House confirmed that Randolph “Tex” Alles, whom President Donald Trump
# appointed …, would be leaving his post, after … outlets reported that he had been ousted" (held-out sample S:
# 11 of its 16 content words, 1 of the 4 that say what happened). Only so extreme a case: a claim's few
# lowercase words are often reworded by an outlet that states it ("struck again" / "robbing"; "remain" /
# "still stranded"), and a limit of half cost correct citations in dev and held-out briefs.
PREDICATE_WORDS = 4
PREDICATE_COVERAGE = 0.3


def _only_the_names(claim: str, evidence: str) -> bool:
    """The evidence shares the claim's names but hardly anything of what the claim says happened."""
    return len(_predicate_words(claim)) >= PREDICATE_WORDS and predicate_coverage(claim, evidence) < PREDICATE_COVERAGE


@lru_cache(maxsize=16384)
def _predicate_words(text: str) -> frozenset[str]:
    return content_words(" ".join(word for word in _WORD.findall(text) if word[:1].islower()))


def predicate_coverage(claim: str, evidence: str) -> float:
    """Share of the claim's lowercase content words (not its names) that the evidence also has."""
    said = _predicate_words(claim)
    return len(said & content_words(evidence)) / len(said) if said else 1.0


# Two sentences hold more words: together they must hold more of the claim's ("Teaching children at home has
# moved into the educational mainstream" is not stated by "Mainstream educators remain wary … two trends in
# home schooling …", 5 of 7 content words; a labelled dev pair).
PAIR_COVERAGE = 0.8


def with_next(index: int, sentences: list[Sentence]) -> Sentence | None:
    """Sentence `index` joined with the next sentence of its source, as one piece of evidence."""
    if index + 1 >= len(sentences) or sentences[index + 1].source_id != sentences[index].source_id:
        return None
    first = sentences[index]
    return Sentence(first.index, first.source_id, first.paragraph, first.position,
                    f"{first.text} {sentences[index + 1].text}", spans=2)


def stating(claim: str, words: frozenset[str], index: int, cosine: float, sentences: list[Sentence],
            lexicon: Lexicon, settings: Settings, both_ways: bool = False) -> Sentence | None:
    """Sentence `index`, or it and the next sentence of its source, when that states the claim."""
    other = sentences[index]
    shared = len(words & lexicon.words[index] & lexicon.informative)
    if same_claim(claim, other.text, cosine, shared, settings) or (
            both_ways and same_claim(other.text, claim, cosine, shared, settings)):
        return other
    pair = with_next(index, sentences) if cosine >= settings.report_similarity else None
    if pair is None:
        return None
    shared = len(words & (lexicon.words[index] | lexicon.words[index + 1]) & lexicon.informative)
    return pair if same_claim(claim, pair.text, cosine, shared, settings, spans=2) else None


def find_support(
    claim: Sentence,
    sentences: list[Sentence],
    vectors: np.ndarray,
    lexicon: Lexicon,
    settings: Settings,
    both_ways: bool = False,
) -> list[tuple[Sentence, float]]:
    """The claim's own sentence, then the best sentence of each other source that states it, with cosines.

    With `both_ways`, also a sentence the claim states (a less detailed report of the same fact): its
    wording may then stand for both outlets. Such a group offers wordings, never citations.
    """
    best = sources_stating(claim.text, vectors[claim.index], claim.source_id, sentences, vectors, lexicon, settings,
                           both_ways)
    return [(claim, 1.0)] + sorted(best.values(), key=lambda match: match[0].source_id)


def sources_stating(text: str, vector: np.ndarray, own_source: int, sentences: list[Sentence], vectors: np.ndarray,
                    lexicon: Lexicon, settings: Settings, both_ways: bool = False) -> dict[int, tuple[Sentence, float]]:
    """Source id -> the best sentence (or two adjacent ones) of each other source that states `text`,
    with its cosine; `text` may be one of the sentences or a shorter wording of one."""
    cosines = vectors @ vector
    words = content_words(text)
    best: dict[int, tuple[Sentence, float]] = {}
    for index in np.flatnonzero(cosines >= settings.report_similarity):  # the cheap test first
        if sentences[index].source_id == own_source:
            continue
        cosine = float(cosines[index])
        found = stating(text, words, index, cosine, sentences, lexicon, settings, both_ways)
        if found is not None and (found.source_id not in best or
                                  (found.spans, -cosine) < (best[found.source_id][0].spans, -best[found.source_id][1])):
            best[found.source_id] = (found, cosine)  # one sentence before two, then the closest
    return best


REPORT_MARGIN = 0.1


def reports_same(claim: str, evidence: str, cosine: float, shared: int, settings: Settings,
                 margin: float = REPORT_MARGIN) -> bool:
    """Does the evidence report the same event or fact at all, perhaps with less detail? The looser of
    the two tests: it decides whether a claim is "reported by one outlet only", never a citation.
    `shared` counts all content words in common, topic words included (a story's topic is news too)."""
    close = cosine >= settings.report_similarity and shared >= settings.report_shared_words
    # Further apart in embedding space (one outlet's long sentence holds more), but many words in common, or
    # the same uncommon figure ("Nonfarm payrolls rose by 224,000 in June" / "The US economy added 224,000
    # jobs in June": cosine 0.48, two words in common).
    related = margin > 0 and cosine >= settings.report_similarity - margin and (
        shared >= 2 * settings.report_shared_words - 1 or bool(figures(claim) & figures(evidence)))
    return (close or related) and not polarity_conflict(claim, evidence)


def figures(text: str) -> frozenset[str]:
    """The uncommon numbers a text states: three digits or more, or a decimal ("224,000", "9.3"), no year
    ("2019") and no small count or name's number ("COVID-19", "30 Rock")."""
    return frozenset(n for n in numbers(text) if ("." in n or len(n) >= 3) and not _YEAR.fullmatch(n))


_YEAR = re.compile(r"(?:19|20)\d\d")
# Two sentences about one matter (closer than this) that print one figure of three significant digits or
# more ("712,000", "$9.65 million"): no two facts of a story share so precise a number by chance.
PRECISE_FIGURE_SIMILARITY = 0.45


# A sentence a little less close that holds most of the claim's words states it in others around them: "Saikat
# Chakrabarti is leaving to join New Consensus, a progressive group working on the Green New Deal" / "“Saikat has
# decided to leave the office … to work with New Consensus to further develop plans for a Green New Deal,”"
# (cosine 0.56; held-out sample M): one sentence that holds them, not two (a claim of two facts found half in
# each sentence of a window is another matter).
WORDY_MATCH_SIMILARITY = 0.5
WORDY_MATCH_SHARED = 7
WORDY_MATCH_COVERAGE = 0.6


def shares_a_precise_figure(claim: str, evidence: str) -> bool:
    """A figure inside the claim's quotation is the speaker's, not what the claim reports: "“The $7.25 an hour
    federal minimum wage is a starvation wage,” Sanders said" / "would more than double the current minimum
    wage of $7.25" (held-out sample P)."""
    precise = {n for n in figures(_QUOTATION.sub(" ", claim)) if len(n.replace(".", "").strip("0")) >= 3}
    return bool(precise & figures(evidence))


def shared_roots(claim: frozenset[str] | set[str], evidence: frozenset[str] | set[str]) -> int:
    """Claim words (stems) the evidence has, or has a longer form of ("hack" in "hacker", "defiant" in
    "defiantli"): the looser test's count of words in common."""
    evidence = frozenset(evidence)
    exact = claim & evidence
    heads = _prefixes(evidence)
    return len(exact) + sum(1 for word in claim - exact if len(word) >= 4 and (
        word in heads or any(word[:k] in evidence for k in range(4, len(word)))))


@lru_cache(maxsize=16384)  # the same sentences are evidence for every claim a brief tests
def _prefixes(words: frozenset[str]) -> frozenset[str]:
    """Every prefix of four letters or more of every word."""
    return frozenset(word[:k] for word in words for k in range(4, len(word) + 1))


def find_reporters(
    claim: Sentence,
    sentences: list[Sentence],
    vectors: np.ndarray,
    lexicon: Lexicon,
    settings: Settings,
    titles: dict[int, tuple[str, np.ndarray]] | None = None,
    margin: float = REPORT_MARGIN,
    accept: Callable[[str, str, int, float], bool] | None = None,
) -> set[int]:
    """Sources other than the claim's own that report it: in one sentence, in two adjacent sentences
    (the detail may sit in the next one), or in their headline.

    `accept(sentence, window, shared, cosine)`: a further test of the evidence (its sentence, the sentence
    with its neighbours, the words in common, the sentence's cosine with the claim): `confirms` for the
    outlets a brief names as reporting it too."""
    cosines = vectors @ vectors[claim.index]
    found: set[int] = set()
    for index in np.flatnonzero(cosines >= settings.report_similarity - margin):
        other = sentences[index]
        if other.source_id == claim.source_id or other.source_id in found:
            continue
        window = [i for i in (index - 1, index, index + 1)
                  if 0 <= i < len(sentences) and sentences[i].source_id == other.source_id]
        shared = shared_roots(lexicon.words[claim.index], frozenset().union(*(lexicon.words[i] for i in window)))
        cosine = float(cosines[index])
        if reports_same(claim.text, other.text, cosine, shared, settings, margin) and (
                accept is None or accept(other.text, " ".join(sentences[i].text for i in window), shared, cosine)):
            found.add(other.source_id)
    for source_id, (title, vector) in (titles or {}).items():
        if source_id == claim.source_id or source_id in found:
            continue
        # A headline is a dozen words: two content words in common with a claim this close is the same story.
        shared = shared_roots(lexicon.words[claim.index], content_words(title)) + 1
        cosine = float(vector @ vectors[claim.index])
        if reports_same(claim.text, title, cosine, shared, settings, margin) and (
                accept is None or accept(title, title, shared, cosine)):
            found.add(source_id)
    return found


# A clause of its own: "…, but warned him — and the rest of the press corps — that his disruptive antics will
# not be tolerated" negates nothing of "… press pass has been restored" (held-out sample R did not name the
# outlet); "he was not planning to waive the Jones Act" negates the claim's own clause.
_OWN_CLAUSE_BREAK = re.compile(r",\s+(?:but|and|while|although|though|yet|whereas)\b|;|\s[—–]\s")


def _negates_a_part_of(sentence: str, claim: str) -> bool:
    """A clause of `sentence` with a negation shares a content word with `claim`."""
    words = content_words(claim)
    return any(is_negated(clause) and content_words(clause) & words for clause in _OWN_CLAUSE_BREAK.split(sentence))


def confirms(claim: str, evidence: str, shared: int, settings: Settings, sentence: str | None = None,
             cosine: float | None = None) -> bool:
    """May the brief name the evidence's outlet as reporting the claim too? The looser test says the story
    is the same; a reader takes "also reported by" to mean the fact is: a closer sentence (`cosine`), more
    words in common, every figure of the claim (`figures_agree`: an outlet that prints 156 seats, or no
    figure, does not report 157 seats), and no negation in the evidence's own `sentence` that the claim
    lacks ("he was not planning to waive the Jones Act" does not report "he is considering lifting" it). An
    outlet that prints the claim's quoted words reports it (`shares_a_quotation`)."""
    if shares_a_quotation(claim, evidence) and figures_agree(claim, evidence):
        return True  # the same words quoted ("Progress is hard. It takes time" / "Progress is hard, it takes time, and it’s not …")
    if sentence is not None and not is_negated(claim) and _negates_a_part_of(sentence, claim):
        return False
    days, their_days = _weekdays(claim), _weekdays(sentence if sentence is not None else evidence)
    if days and their_days and not days & their_days:
        return False  # another day: "voted in the House on Tuesday" / "on Wednesday" (held-out sample I)
    if shares_a_precise_figure(claim, evidence) and figures_agree(claim, evidence) \
            and (cosine is None or cosine >= PRECISE_FIGURE_SIMILARITY):
        return True  # "fell last week to a still-high 712,000" / "decreased by 75,000 to 712,000" (held-out sample M)
    if cosine is not None and cosine < settings.name_similarity and not (
            cosine >= WORDY_MATCH_SIMILARITY and shared >= WORDY_MATCH_SHARED
            and coverage(claim, sentence or evidence) >= WORDY_MATCH_COVERAGE and figures_agree(claim, evidence)):
        return False  # words in common with a sentence about something else: the story, not the fact
    # Six words in common are few beside a long claim ("… appeared at odds on most issues, even as Xi warned
    # that confrontation would be a “disaster”" / a sentence on the call alone): the evidence must also hold
    # a good part of the claim's content words.
    return shared >= settings.name_shared_words and coverage(claim, evidence) >= settings.name_coverage \
        and figures_agree(claim, evidence)


# A number in a name is no figure: "COVID-19", "G7", "G-7", "F-35", "H1N1".
_NAME_NUMBER = re.compile(r"(?<=[A-Za-z])-?\d+(?:[.,]\d+)*")
_SCALED = re.compile(r"(\d+(?:[.,]\d+)*)(?:\s*(thousand|million|billion|trillion)\b)?", re.IGNORECASE)
_SCALE_OF = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


# "Nov. 1", "March 24th": a date, compared as a year is ("effective Nov. 1" / no date: no other date).
_CALENDAR_DATE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![,.]?\d)")


@lru_cache(maxsize=16384)
def calendar_dates(text: str) -> frozenset[str]:
    """Each calendar date the text gives, as "mar 24" ("March 24", "Mar. 24th")."""
    return frozenset(f"{month[:3].lower()} {day}" for month, day in _CALENDAR_DATE.findall(text))


@lru_cache(maxsize=16384)
def _amounts(text: str) -> tuple[frozenset[tuple[float, float]], frozenset[str]]:
    """(each figure a text states as (value, the unit of its last written digit), scale applied; its years
    and dates), numbers in names left out: "nearly 3 million" is (3e6, 1e6), "2,981,000" (2981000, 1e3)."""
    when = set(calendar_dates(text))
    plain = _NAME_NUMBER.sub(" ", _CALENDAR_DATE.sub(" ", text))
    values = set()
    for number, scale in _SCALED.findall(plain):
        digits = number.replace(",", "")
        if _YEAR.fullmatch(digits) and not scale:
            when.add(digits)
            continue
        try:
            factor = _SCALE_OF.get(scale.lower(), 1.0) if scale else 1.0
            if "." in digits:
                unit = 10.0 ** -len(digits.split(".")[1])
            else:
                unit = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits.strip("0") else 1.0
            values.add((float(digits) * factor, unit * factor))
        except ValueError:
            continue
    values |= {(float(n), 1.0) for n in (NUMBER_WORDS[w.lower()] for w in _NUMBER_WORD.findall(plain))}
    return frozenset(values), frozenset(when)  # cached: `confirms` asks `figures_agree` of one pair more than once


def figures_agree(claim: str, evidence: str) -> bool:
    """Every figure of the claim is one the evidence gives, or that one of the two rounds ("2,981,000 more
    Americans" / "nearly 3 million"; not 3,865 / 3,920 deaths, nor 157 / 156 seats); a year or date the
    evidence leaves out is no other ("the 2020 census" / "the census", "effective Nov. 1"), and a number in
    a name ("COVID-19", "G7") is no figure. For naming an outlet as reporting a claim too, not for a
    citation, which prints the outlet's own figure."""
    values, when = _amounts(claim)
    their_values, their_when = _amounts(evidence)
    if when and their_when and not when <= their_when:
        return False
    return all(any(abs(v - w) <= max(unit, their_unit) / 2 for w, their_unit in their_values)
               for v, unit in values)


QUOTED_RUN = 5  # words in a row of a claim's quotation that the evidence must print: a phrase, not a word


def shares_a_quotation(claim: str, evidence: str) -> bool:
    """The evidence prints QUOTED_RUN words in a row of one of the claim's quotations (punctuation and
    case aside)."""
    evidence_words = f" {_plain(evidence)} "
    for match in _QUOTATION.finditer(claim):
        words = _plain(match.group(1) or match.group(2)).split()
        if any(f" {' '.join(words[k:k + QUOTED_RUN])} " in evidence_words for k in range(len(words) - QUOTED_RUN + 1)):
            return True
    return False
