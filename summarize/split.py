"""Sentences with nltk's Punkt, built here because no Punkt data can be downloaded.

Punkt (Kiss & Strunk 2006) decides whether a period ends a sentence from three things: known
abbreviations, words that often start sentences, and each word's capitalisation elsewhere in the text
(orthographic context). We ship the first two as lists tuned for news English and learn the third
from the input itself with PunktTrainer, so "Mr. Xi" stays whole and "…into the U.S. The next day"
splits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer, PunktTrainer

from .types import Sentence, Source

# Abbreviations a news sentence does not end on, lowercased without their final period.
# Titles before a name ("Rep. Mark Meadows"): after one, a capitalised word is the name, never a new sentence.
TITLES = frozenset("mr mrs ms dr prof sen sens rep reps gov govs gen lt col maj capt cmdr adm sgt cpl pvt supt insp det "
                   "atty rev fr hon pres amb".split())
# Abbreviations only ever written capitalised (months, weekdays, states): Punkt looks abbreviations up in
# lowercase, so "Kim was seriously ill. Kim has …" stayed one sentence; in lowercase each is a word.
_CAPITALISED_ONLY = frozenset(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    calif conn fla ill mass mich minn okla penn tenn tex va wash wis ariz colo ind kan ky la md mo mont neb nev ore pa
    """.split()
)
ABBREVIATIONS = TITLES | _CAPITALISED_ONLY | frozenset(
    """
    sr jr st mt ft gens sec asst assoc dept est approx
    u.s u.k u.n u.s.a e.u d.c l.a n.y p.m a.m e.g i.e etc vs v no nos vol fig inc corp co ltd llc plc
    bros dept univ ave blvd rd hwy
    """.split()
) | frozenset("bcdefghjklmnopqrstuvwxyz")  # initials: "George W. Bush", "J. K. Rowling"
_WORD_ENDING_SENTENCE = re.compile(rf"\b(?:{'|'.join(sorted(_CAPITALISED_ONLY))})\.(\s+)(?=[“\"‘]?[A-Z])")

# Words that usually open a sentence; after an abbreviation they mark a boundary ("U.S. The …").
SENTENCE_STARTERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those there here but and
    so yet however meanwhile still also in on at for after before when while if although though as
    since because despite during some many most no not one two three officials analysts critics
    """.split()
)

# "end.Next" typed without a space; not a domain ("www.HealthScout.com").
_MISSING_SPACE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])(?![A-Za-z]*\.[a-z])")
# … and after a closing quote ("… something else."Dr. Kolb …"): spaced before Punkt reads the line, or
# it takes 'else."Dr.' for one word ending a sentence.
_MISSING_SPACE_AFTER_QUOTE = re.compile(r"(?<=[a-z]{2}[.!?][\"”])(?=[A-Z][a-z])")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_BULLET = re.compile(r"^\s*(?:[•·▪●◦‣∙*]|[-–—](?=\s))\s*")


@lru_cache(maxsize=1)
def _base_parameters() -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return params


def build_tokenizer(training_text: str = "") -> PunktSentenceTokenizer:
    """A Punkt tokenizer from the shipped lists, with orthographic context learned from `training_text`."""
    params = _base_parameters()
    if training_text.strip():
        trainer = PunktTrainer()
        trainer.train(training_text, finalize=True)
        learned = trainer.get_params()
        merged = PunktParameters()
        # Only abbreviations with an inner period ("d.c") are trusted from a small text; single words
        # Punkt learns from a few articles are too often real sentence ends.
        merged.abbrev_types = set(params.abbrev_types) | {a for a in learned.abbrev_types if "." in a}
        merged.sent_starters = set(params.sent_starters)
        merged.ortho_context = learned.ortho_context
        params = merged
    return PunktSentenceTokenizer(params)


def split_text(text: str, tokenizer: PunktSentenceTokenizer | None = None) -> list[str]:
    """Sentences of a text: each line and each bullet apart, then Punkt inside each."""
    tokenizer = tokenizer or build_tokenizer(text)
    sentences: list[str] = []
    for line in _LINE_BREAKS.split(text.strip()):
        line = _MISSING_SPACE_AFTER_QUOTE.sub(" ", _BULLET.sub("", line))
        if not line:
            continue
        parts = [
            part.strip()
            for chunk in tokenizer.tokenize(line)
            for unmissed in _MISSING_SPACE.split(chunk)
            for part in _split_after_lowercase_words(unmissed)
            if part.strip()
        ]
        sentences.extend(_join_open_quotes(_join_false_splits(parts)))
    return sentences


def _split_after_lowercase_words(text: str) -> list[str]:
    """`text` cut after a word Punkt took for a capitalised-only abbreviation ("seriously ill. Kim …")."""
    cuts = [match.span(1) for match in _WORD_ENDING_SENTENCE.finditer(text)]
    if not cuts:
        return [text]
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(text)]
    return [text[start:end] for start, end in zip(starts, ends)]


_COUNTRY_END = re.compile(r"\b(?:U\.S|U\.K|U\.N|E\.U)\.$")
# A title is followed by its name, never a sentence end: Punkt's orthographic heuristic split "said Rep." |
# "Mark Meadows …" where "mark" occurs in lowercase in the same story.
_TITLE_END = re.compile(rf"(?:^|[\s—–(])(?:{'|'.join(title.capitalize() for title in sorted(TITLES))})\.$")  # "Republican—Sen."


# A quotation that ends in "?" or "!" goes on with its speaker: Punkt ends the sentence at its mark.
_QUESTION_QUOTED = re.compile(r"[?!][”\"’]$")
_SPEAKER_NEXT = re.compile(r"(?:[a-z]|(?:[A-Z][\w’'.-]*\s+){1,4}(?:said|says|told|asked|added|wrote|replied|"
                           r"responded|tweeted|shouted|yelled|exclaimed)\b)")


def _join_false_splits(parts: list[str]) -> list[str]:
    """The parts Punkt cut where no sentence ends, joined again: "U.S. | Air Force" (after "U.S." a
    capitalised word is far more often a noun than a new sentence: Punkt's orthographic heuristic splits
    there when the word also occurs in lowercase; we split after "U.S." only before a usual sentence
    starter, "U.S. The next day …"), "said Rep. | Mark Meadows", "(I-Vt.) | reportedly told", "(R-N.C. |
    ), chairman", "“Apologize for what?” | Biden told CNN".
    """
    joined: list[str] = []
    for part in parts:
        first_word = part.split(maxsplit=1)[0].strip("“\"‘(").lower() if part else ""
        if joined and (_COUNTRY_END.search(joined[-1]) and first_word not in SENTENCE_STARTERS
                       or _TITLE_END.search(joined[-1]) and part[:1].isupper()
                       or joined[-1].endswith(".)") and part[:1].islower()):  # "Sanders (I-Vt.) reportedly told …"
            joined[-1] = f"{joined[-1]} {part}"
        elif joined and part[:1] in ")]" and joined[-1].count("(") > joined[-1].count(")"):
            joined[-1] += part  # "Mark Meadows (R-N.C.), chairman of …": Punkt cut inside the parentheses
        elif joined and _QUESTION_QUOTED.search(joined[-1]) and _SPEAKER_NEXT.match(part):
            joined[-1] = f"{joined[-1]} {part}"  # "“Apologize for what?” Biden told CNN …" is one sentence
        else:
            joined.append(part)
    return joined


def _quote_is_open(text: str) -> bool:
    return bool(open_quotation(text)[0])


def open_quotation(text: str) -> tuple[str, int]:
    """(the mark that opened a quotation still open at the text's end, where), else ("", -1). Read left to
    right: a straight quote mark closes a quotation open before it, curly or straight (outlets mix them:
    “like a violent crime prosecution" against …), else opens one."""
    depth, opener, at = 0, "", -1
    for match in _QUOTE_MARK.finditer(text):
        mark = match.group(0)
        if mark == "“":
            depth, opener, at = depth + 1, mark, match.start()
        elif mark == "”":
            depth = max(0, depth - 1)
        elif depth:
            depth -= 1
        else:
            depth, opener, at = 1, mark, match.start()
    return (opener, at) if depth > 0 else ("", -1)


_QUOTE_MARK = re.compile(r'[“”"]')


def _join_open_quotes(parts: list[str], max_joined: int = 6) -> list[str]:
    """Keep a quotation whole: “Progress is hard. It takes time,” Blinken said. is one sentence.

    Punkt splits inside quotes; a sentence with an unclosed quote means nothing alone. A quote that
    never closes (a typo) stops joining after `max_joined` parts.
    """
    joined: list[str] = []
    current, count = "", 0
    for part in parts:
        current = f"{current} {part}" if current else part
        count += 1
        if not _quote_is_open(current) or count >= max_joined:
            joined.append(current)
            current, count = "", 0
    if current:
        joined.append(current)
    return joined


# Punkt's orthographic statistics settle long before this; training is O(text) (~1 s per 200k characters
# here). The largest dev cluster has 171k characters, so one story's split is unchanged.
PUNKT_TRAINING_CHARS = 200_000


def _training_sample(texts: list[str]) -> str:
    """All the text, or on a large input (a day's feed) an equal share of each source's beginning."""
    if sum(map(len, texts)) <= PUNKT_TRAINING_CHARS:
        return "\n\n".join(texts)
    share = PUNKT_TRAINING_CHARS // len(texts)
    return "\n\n".join(text[:share] for text in texts)


def split_sources(sources: Iterable[Source]) -> list[Sentence]:
    """Every sentence of every source, numbered in one pool, each knowing its source and place."""
    sources = list(sources)
    tokenizer = build_tokenizer(_training_sample([source.text for source in sources]))
    pool: list[Sentence] = []
    for source in sources:
        texts = [
            (paragraph_index, sentence)
            for paragraph_index, paragraph in enumerate(source.paragraphs)
            for sentence in split_text(paragraph, tokenizer)
        ]
        for order, (paragraph_index, text) in enumerate(texts):
            pool.append(
                Sentence(
                    index=len(pool),
                    source_id=source.id,
                    paragraph=paragraph_index,
                    position=order / max(1, len(texts) - 1),
                    text=text,
                )
            )
    return pool
