"""The pipeline as one recipe: ingest → split → embed → rank → select → attribute → Brief.

`analyse` does everything that does not depend on the length asked for; `select` picks a length's
sentences and `compose` turns them into a brief. `summarize compare` analyses once and composes many.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, partial
from pathlib import Path

import numpy as np

from .attribute import (_LETTER_WORD, REPORT_MARGIN, _stem, STOPWORDS, Lexicon, confirms, content_words, coverage, denies, find_reporters, find_support,
                        calendar_dates, figures, first_content_word, polarity_conflict, reports_same, shared_roots, sources_stating)
from .concepts import MAX_CANDIDATES, agreed_weights, select_concepts
from .config import DEFAULTS, Settings
from .embed import Encoder, shared_encoder
from .errors import InputError
from .ingest import ingest_report, read_inputs
from .edit import (CUT_OFF_WORDS, attribute_quotation, cited_outlets, clause_deletions, full_names, names_the_subject, previous_in_source,
                   realise, resolve_pronoun, trim_cut_off)
from .neutral import _CALENDAR, common_words, is_attributed, is_evaluative, lowercase_words
from .scorer import predicted_value
from .progress import step
from .rank import can_stand_alone, fill_budget, lexical_centrality, mmr_order, rank_sentences, speaker_named_after
from .split import split_sources
from .title import neutral_title, story_headline
from .types import Brief, Claim, Document, Edit, Evidence, Sentence, Skipped, Source, Stats, count_words
from .verify import check_claim, passes

log = logging.getLogger(__name__)


# A sentence this close to a claim, reporting it at all, reports the same event: a figure of the same thing
# that differs is a difference between the outlets (dev: 12 vs 13 people arrested, 125 vs 144 killed).
SAME_EVENT_SIMILARITY = 0.6
# Two sentences this close that give one figure of three or more characters of the same thing ("943,000
# jobs", "157 seats", "5.4 %", "40 million"), or figures of it that round alike ("$350 billion" / "$349
# billion", "over 212,000 migrants" / "212,672 migrants"), state one claim, however differently worded.
RESTATED_SIMILARITY = 0.5
RESTATED_FIGURE_CHARS = 3
_SCALE = frozenset({"million", "billion", "trillion"})  # "40 million" is as specific as "943,000"


@lru_cache(maxsize=16384)
def _figures(text: str) -> frozenset[tuple[str, str]]:
    """(number, what it counts) of each figure of three or more characters or millions, years left out ("in 2019")."""
    return frozenset((number, unit) for number, unit, _, _ in _measure_spans(text)
                     if (len(number) >= RESTATED_FIGURE_CHARS or unit in _SCALE) and not _YEAR.fullmatch(number))


# Two calendar dates or uncommon numbers in common, whatever they count, are as specific as a figure:
# "Georgia's primary, originally scheduled for March 24, will now be held on May 19." / "Georgia on Saturday
# postponed its March 24 primary until May 19"; "drawing down its forces in Iraq from 5,200 to 3,000" / "plans
# to cut the troop presence in Iraq from 5,200 to 3,000" (held-out sample K printed both of each). One shared
# date is not: many facts of a story happen on its day.
RESTATED_DATES = 2


def _same_figure(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[1] == b[1] and (a[0] == b[0] or _rounds_to(a[0], b[0]) or _rounds_to(b[0], a[0]))


_YEAR = re.compile(r"1[89]\d\d|20\d\d")


@dataclass(frozen=True)
class Analysis:
    """A cluster ranked and ordered for selection; independent of the brief's length."""

    sources: tuple[Source, ...]
    sentences: tuple[Sentence, ...]
    vectors: np.ndarray  # vectors[i] embeds sentences[i]; rows are unit length
    scores: np.ndarray  # cross-source centrality, 1.0 = average sentence
    order: tuple[int, ...]  # sentence indices in the order selection takes them (MMR)
    lexicon: Lexicon
    settings: Settings
    encoder: Encoder | None = field(default=None, repr=False, compare=False)
    full_names: frozenset[str] = frozenset()  # names two or more sources print in full (safe fusion)
    contrast: tuple[int, int] | None = None  # two outlets' sentences that disagree on a number or a negation
    groups: dict[int, list] = field(default_factory=dict, repr=False, compare=False)  # candidate -> find_support
    titles: dict[int, tuple[str, np.ndarray]] = field(default_factory=dict, repr=False, compare=False)  # headline, vector
    skipped: tuple[Skipped, ...] = ()
    reporters_of: dict[tuple[int, float | str], set[int]] = field(default_factory=dict, repr=False, compare=False)
    # same_claims' pairs among the most central candidates, found on first use
    central_pairs: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False, compare=False)
    wordings_of: dict[int, list] = field(default_factory=dict, repr=False, compare=False)
    heading_of: dict[str, str] = field(default_factory=dict, repr=False, compare=False)  # `heading`, found once
    candidates: frozenset[int] = frozenset()  # sentences that may be claims (stand alone, no headline)
    cores: dict[int, Core] = field(default_factory=dict, repr=False, compare=False)  # sentence -> shared core
    # Every candidate, most relevant first: the concept program's pool. (MMR's order drops a candidate
    # close to one picked before it; the program handles redundancy itself, pair by pair.)
    ranked: tuple[int, ...] = ()

    def group(self, index: int) -> list:
        """The sentence and the best sentence of each other source that states it (computed once)."""
        if index not in self.groups:
            self.groups[index] = find_support(self.sentences[index], list(self.sentences), self.vectors,
                                              self.lexicon, self.settings)
        return self.groups[index]

    def wordings(self, index: int) -> list:
        """The group, and each other outlet's sentence that the claim states in more detail: wordings that
        may stand for several outlets (the edit stage cites only outlets that state the wording it prints)."""
        if index not in self.wordings_of:
            found = find_support(self.sentences[index], list(self.sentences), self.vectors,
                                 self.lexicon, self.settings, both_ways=True)
            # Another outlet's sentence may be printed only if it could be a claim itself (no headline).
            wordings = [found[0]] + [(s, c) for s, c in found[1:] if s.index in self.candidates]
            core = self.cores.get(index)
            if core is not None:  # the outlets that state its shared core
                wordings += [(s, c) for s, c in core.support if all(s.index != w.index for w, _ in wordings)]
            self.wordings_of[index] = wordings
        return self.wordings_of[index]

    @cached_property
    def common_words(self) -> frozenset[str]:
        """Words these sources write in lowercase inside a sentence (so "Historians" at a sentence's start
        is "historians" after an added "According to …,")."""
        return common_words(sentence.text for sentence in self.sentences)

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """Words these sources write in lowercase inside a sentence and never as a name ("new", not "Xi")."""
        return lowercase_words(sentence.text for sentence in self.sentences)

    def outlets(self, index: int) -> int:
        """How many outlets a wording of sentence `index` can cite, its own included."""
        return len({s.source_id for s, _ in self.wordings(index)})

    def claim_words(self, index: int) -> int:
        """Words the claim of sentence `index` will take: an opinion in the Summary gets its speaker."""
        core = self.cores.get(index)
        sentence = self.sentences[index] if core is None else replace(self.sentences[index], text=core.text)
        speaker = self.speaker_words(index)
        if speaker:  # "Stallone said," in front of a quotation that goes on from the sentence before
            return sentence.words + speaker
        cited_ids = [s.source_id for s, _ in self.wordings(index)]
        if not self.settings.rewrite or not (is_evaluative(sentence.text) or self.opinion_only(cited_ids)) \
                or is_attributed(sentence.text) or self.section(cited_ids, index) != "summary":
            return sentence.words
        cited = [self.sources[s - 1] for s in cited_ids]
        return sentence.words + count_words(f"According to {cited_outlets(cited)},")

    def heading(self) -> str:
        """The brief's heading: the story as the outlets' shared headline words it, else the names most
        sources mention. It does not depend on the length, so `summarize compare`'s briefs find it once."""
        if "heading" not in self.heading_of:
            headline = story_headline(self.sources, self.titles, self.sentences, self.vectors)
            self.heading_of["heading"] = neutral_title(self.sources, headline=headline)
        return self.heading_of["heading"]

    def opinion_only(self, cited: Iterable[int]) -> bool:
        """Every cited source is a piece its outlet labels opinion: its sentences are the writer's view, and a
        Summary claim from them carries its speaker like any opinion (held-out sample L printed an "OPINION:"
        column's verdict on the president's health as fact)."""
        cited = list(cited)
        return bool(cited) and all(self.sources[source - 1].opinion for source in cited)

    def speaker_words(self, index: int) -> int:
        """Words the speaker named in front of sentence `index` takes (a quotation that goes on from the
        sentence before, which names its speaker), else 0."""
        previous = previous_in_source(self.sentences[index], self.sentences)
        if not self.settings.rewrite or previous is None:
            return 0
        text, edits = attribute_quotation(self.sentences[index].text, previous)
        return count_words(text) - self.sentences[index].words if edits else 0

    def same_claims(self, indices: list[int]) -> list[tuple[int, int]]:
        """Pairs of the sentences that state one claim: one cites the other, both give the same figure in
        close words ("added 943,000 jobs in July" / "payrolls increased by 943,000 in July"), or each would
        name the other's outlet as reporting it too. A brief holds one of each.

        Whether two sentences state one claim depends on those two alone: the pairs of the most central
        candidates are found once (selection's and the refill's candidates are among them; selection's
        lack the two sides of a contrast, hence two more) and each call keeps those of its `indices`."""
        among = set(indices)
        central = list(self.ranked[:MAX_CANDIDATES + 2])
        if not among <= set(central):
            return self._pairs_stating_one_claim(indices)
        if "pairs" not in self.central_pairs:
            self.central_pairs["pairs"] = self._pairs_stating_one_claim(central)
        return [(i, j) for i, j in self.central_pairs["pairs"] if i in among and j in among]

    def _pairs_stating_one_claim(self, indices: list[int]) -> list[tuple[int, int]]:
        among = set(indices)
        pairs = {tuple(sorted((i, s.index))) for i in indices for s, _ in self.wordings(i)[1:] if s.index in among}
        texts = [(i, self.sentences[i].text) for i in indices]
        figured = [(i, _figures(text), calendar_dates(text) | figures(text)) for i, text in texts]
        figured = [(i, measured, specific) for i, measured, specific in figured
                   if measured or len(specific) >= RESTATED_DATES]
        for k, (i, measured, specific) in enumerate(figured):
            for j, others, their_specific in figured[k + 1:]:
                if (any(_same_figure(f, g) for f in measured for g in others)
                        or len(specific & their_specific) >= RESTATED_DATES) \
                        and float(self.vectors[i] @ self.vectors[j]) >= RESTATED_SIMILARITY:
                    pairs.add(tuple(sorted((i, j))))
        # Two outlets' sentences each of which would name the other's outlet as reporting it too ("Sicknick
        # suffered two strokes and died of natural causes, … the medical examiner has ruled" / "… had two strokes
        # and died from natural causes, the chief medical examiner … has ruled"): one claim, said once.
        ordered = sorted(among)
        close = self.vectors[ordered] @ self.vectors[ordered].T
        for a, b in zip(*np.nonzero(np.triu(close >= self.settings.name_similarity, k=1))):
            i, j = ordered[a], ordered[b]
            if self.sentences[i].source_id == self.sentences[j].source_id or (min(i, j), max(i, j)) in pairs:
                continue
            shared = shared_roots(self.lexicon.words[i], self.lexicon.words[j])
            first, second = self.sentences[i].text, self.sentences[j].text
            if confirms(first, second, shared, self.settings, second, float(close[a, b])) \
                    and confirms(second, first, shared, self.settings, first, float(close[a, b])):
                pairs.add((min(i, j), max(i, j)))
        return sorted(pairs)

    def reporters(self, index: int, margin: float = REPORT_MARGIN) -> set[int]:
        """Every source that reports sentence `index` at all, its own included (the looser test)."""
        key = (index, margin)
        if key not in self.reporters_of:
            found = find_reporters(self.sentences[index], list(self.sentences), self.vectors, self.lexicon,
                                   self.settings, self.titles, margin=margin)
            self.reporters_of[key] = found | {s.source_id for s, _ in self.group(index)}
        return self.reporters_of[key]

    def markers(self, index: int, cited: Iterable[int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(named as reporting it too, reporting it differently): the sources besides those cited that the
        brief names beside sentence `index`'s claim. Named: the looser test's evidence also passes `confirms`
        (the same facts, not only the same story). Differently: same-event evidence gives another figure of
        the same thing ("left 49 people dead" / "killed 50 people")."""
        claim = self.sentences[index].text
        differing = self._reporters_passing(index, "differing", lambda sentence, _, __, cosine: (
            cosine >= SAME_EVENT_SIMILARITY and measures_differ(claim, sentence, same_event=True))) \
            if any(_measure_spans(claim)) else set()  # no figure, no other figure for it
        named = self._reporters_passing(index, "named", lambda sentence, window, shared, cosine: confirms(
            claim, window, shared, self.settings, sentence, cosine), self.titles)
        others = set(cited) | differing
        return tuple(sorted(named - others)), tuple(sorted(differing - set(cited)))

    def _reporters_passing(self, index: int, test: str, accept, titles=None) -> set[int]:
        """`find_reporters` with a further `accept` test of the evidence, computed once per sentence and test."""
        key = (index, test)
        if key not in self.reporters_of:
            self.reporters_of[key] = find_reporters(self.sentences[index], list(self.sentences), self.vectors,
                                                    self.lexicon, self.settings, titles, accept=accept)
        return self.reporters_of[key]

    def agreeing(self, index: int) -> set[int]:
        """Sources that report sentence `index` in a close sentence (the looser test without its wider
        margin): what selection counts as agreement, and the learned scorer was fitted on."""
        return self.reporters(index, margin=0.0)

    def section(self, cited: Iterable[int], index: int) -> str:
        """"summary" when another outlet reports the claim (cited or not) or there is one source."""
        if len(self.sources) == 1 or len(set(cited)) > 1 or len(self.reporters(index)) > 1:
            return "summary"
        return "differences"


def analyse(
    inputs: Iterable[str | Path | Document],
    settings: Settings = DEFAULTS,
    encoder: Encoder | None = None,
    stdin: str | None = None,
) -> Analysis:
    sources, skipped = ingest_report(read_inputs(inputs, stdin=stdin))
    sources = tuple(sources)
    sentences = tuple(split_sources(sources))
    if not sentences:
        raise InputError("nothing is left after cleaning: the input holds no sentences")
    large = len(sentences) > settings.two_stage_above
    encoder = encoder or shared_encoder(quantize=large and settings.int8_large_inputs, device=settings.device)
    headed = [source for source in sources if source.title and source.headline]
    # Large inputs: only the most central sentences by TF-IDF LexRank are embedded; the rest keep a zero
    # vector (no edge, no support, never a candidate).
    embedded = list(range(len(sentences)))
    if large:
        lexical = lexical_centrality(list(sentences), settings)
        embedded = sorted(np.argsort(-lexical, kind="stable")[:settings.embed_limit].tolist())
        log.info("%d sentences: embedding the %d most central by TF-IDF", len(sentences), len(embedded))
    encoded = encoder.encode([sentences[i].text for i in embedded] + [source.title for source in headed])
    vectors = np.zeros((len(sentences), encoded.shape[1]), dtype=np.float32)
    vectors[embedded], title_vectors = encoded[:len(embedded)], encoded[len(embedded):]
    titles = {source.id: (source.title, vector) for source, vector in zip(headed, title_vectors)}
    scores = np.zeros(len(sentences))
    scores[embedded] = rank_sentences([sentences[i] for i in embedded], vectors[embedded], settings)
    names = full_names([source.text for source in sources])
    headlines = list(titles.values())
    judged: dict[str, bool] = {}  # each text judged once, whatever the length limits of the pass
    candidates = [i for i in embedded if can_stand_alone(_resolved(sentences[i], sentences, names, settings), settings, judged)
                  and not is_headline(sentences[i].text, vectors[i], headlines)
                  and not _speaker_follows(i, sentences)]
    if not candidates:  # a very short input: better a sentence that lost its final stop, else a fragment,
        candidates = [i for i in embedded if _lost_its_stop(sentences[i], settings)] \
            or [i for i in embedded if _cuts_back(sentences[i], settings)] or list(embedded)  # than nothing
    candidates = most_central(candidates, scores, settings.candidate_pool)
    lexicon = Lexicon.build([s.text for s in sentences], outlets=len(sources))
    # Agreement between outlets counts: a sentence that other outlets state too (by the same test that
    # cites them) outranks an equally central sentence only one outlet has.
    relevance = scores.copy()
    groups = {}
    with step("Finding which outlets state each sentence", len(candidates)) as advance:
        for index in candidates:
            groups[index] = find_support(sentences[index], list(sentences), vectors, lexicon, settings)
            advance(1)
    for index in candidates:
        outlets = len(groups[index]) - 1
        relevance[index] *= 1 + settings.corroboration_weight * outlets
        # Long sentences touch more of the graph; per word of budget they are worth less.
        relevance[index] *= min(1.0, settings.long_sentence_words / sentences[index].words)
    order = tuple(mmr_order(candidates, vectors, relevance, settings))
    ranked = tuple(sorted(candidates, key=lambda i: -relevance[i]))
    cores = shared_cores(ranked[:MAX_CANDIDATES], sentences, vectors, groups, lexicon, settings, encoder) \
        if settings.rewrite else {}
    log.info("%d sources, %d sentences, %d candidates", len(sources), len(sentences), len(candidates))
    # A side of a disagreement may run longer than a summary sentence: it is shown whole, in its outlet's words.
    relaxed = replace(settings, max_sentence_words=settings.max_sentence_words + 15)
    sides = most_central([i for i in embedded if can_stand_alone(sentences[i], relaxed, judged)], scores,
                         settings.candidate_pool)
    contrast = find_contrast([sentences[i] for i in sides], vectors, scores, lexicon, settings)
    return Analysis(sources, sentences, vectors, scores, order, lexicon, settings, encoder, names, contrast, groups,
                    titles, tuple(skipped), candidates=frozenset(candidates), cores=cores, ranked=ranked)


def _speaker_follows(index: int, sentences: tuple[Sentence, ...]) -> bool:
    following = sentences[index + 1] if index + 1 < len(sentences) else None
    return following is not None and following.source_id == sentences[index].source_id \
        and speaker_named_after(following.text)


def _cuts_back(sentence: Sentence, settings: Settings) -> bool:
    """A sentence the feed cut off mid-clause whose last whole clause stands alone (edit.trim_cut_off)."""
    text, edits = trim_cut_off(sentence.text)
    return settings.rewrite and bool(edits) and can_stand_alone(replace(sentence, text=text), settings)


def _lost_its_stop(sentence: Sentence, settings: Settings) -> bool:
    """A whole statement but for its final full stop, which some feeds drop ("Brazil on Sunday became the
    latest country to drift toward the far right, … since democracy was restored")."""
    text = sentence.text.rstrip()
    words = re.findall(r"[\w’'-]+", text.lower())
    return bool(words) and text[-1:].isalnum() and words[-1] not in CUT_OFF_WORDS \
        and can_stand_alone(replace(sentence, text=text + "."), settings)


def most_central(indices: list[int], scores: np.ndarray, limit: int) -> list[int]:
    """The `limit` most central of `indices`, in their own order (all of them when there are fewer)."""
    if len(indices) <= limit:
        return indices
    keep = set(sorted(indices, key=lambda i: -scores[i])[:limit])
    return [i for i in indices if i in keep]


@dataclass(frozen=True)
class Core:
    """A shorter wording of a sentence, whole clauses deleted, that more outlets state than the sentence."""

    text: str
    edits: tuple[Edit, ...]
    support: tuple[tuple[Sentence, float], ...]  # each other outlet's sentence that states it, with cosine
    vector: np.ndarray = field(repr=False, compare=False)


def shared_cores(indices: Iterable[int], sentences: tuple[Sentence, ...], vectors: np.ndarray, groups: dict[int, list],
                 lexicon: Lexicon, settings: Settings, encoder: Encoder) -> dict[int, Core]:
    """For each sentence, the longest clause deletion (edit.clause_deletions) that more outlets state
    than state the whole sentence: a brief's claim should stand for every outlet that reports it, and
    the clause one outlet adds is often its own angle ("…, handing Trump a victory")."""
    proposals = []
    for index in indices:
        sentence = sentences[index]
        near = [j for j in np.flatnonzero(vectors @ vectors[index] >= settings.report_similarity - 0.15)
                if sentences[j].source_id != sentence.source_id]
        if not near:
            continue
        for text, edits in clause_deletions(sentence.text):
            words = content_words(text)
            # The cheap test first: another outlet's sentence must hold most of the shorter claim's words.
            if words and any(len(words & lexicon.words[j]) >= settings.support_coverage * len(words) for j in near):
                proposals.append((index, text, edits))
    if not proposals:
        return {}
    proposal_vectors = encoder.encode([text for _, text, _ in proposals])
    cores: dict[int, Core] = {}
    for (index, text, edits), vector in zip(proposals, proposal_vectors):
        sentence = sentences[index]
        stating = sources_stating(text, vector, sentence.source_id, list(sentences), vectors, lexicon, settings)
        stating = {source: found for source, found in stating.items()
                   if source == sentence.source_id or names_the_subject(text, found[0].text)}
        cited = {s.source_id for s, _ in groups.get(index, [])[1:]}
        if len(stating) <= len(cited) or (index in cores and len(cores[index].support) >= len(stating)):
            continue
        if not passes(check_claim(text, sentence.text, float(vector @ vectors[index]), settings)):
            continue
        cores[index] = Core(text, tuple(edits), tuple(sorted(stating.values(), key=lambda m: m[0].source_id)), vector)
    return cores


HEADLINE_COPY = 0.9  # a sentence this close to a headline may be the headline again (a standfirst) ...
HEADLINE_EXTRA_WORDS = 2  # ... when it adds at most this many content words to it


def is_headline(text: str, vector: np.ndarray, titles: list[tuple[str, np.ndarray]]) -> bool:
    """Headlines are metadata: a source's title, or a sentence that repeats one, is never a claim.

    A lede that states the headline's news in a sentence of its own, with who said it, when and more
    ("Former Democratic presidential contender Andrew Yang is joining CNN as a political commentator, the
    cable network said on Wednesday." under "Andrew Yang joins CNN as a political commentator.") is the
    story's first claim, not its headline: a repeat adds almost nothing to the headline's words."""
    words = content_words(text)
    return any(float(title_vector @ vector) >= HEADLINE_COPY
               and len(words - content_words(title)) <= HEADLINE_EXTRA_WORDS for title, title_vector in titles)


def select(
    analysis: Analysis,
    words: int | None = DEFAULTS.words,
    sentences: int | None = None,
    order: Iterable[int] | None = None,
) -> list[int]:
    """Sentence indices of a brief of at most `words` words (or `sentences` sentences), most important first.

    `order` is the selection order to take them from (default: the analysis's MMR order); passing a
    longer brief's selection gives a shorter brief that is part of it.
    """
    pool = analysis.sentences
    given = order
    order = list(analysis.order if order is None else order)
    contrast: list[int] = []
    if analysis.contrast and words is not None and sentences is None and words >= analysis.settings.contrast_budget:
        # Room is kept for the outlets' disagreement in every brief long enough to show it.
        contrast = list(analysis.contrast)
        words -= sum(pool[i].words for i in contrast)
        order = [i for i in order if i not in contrast]
    settings = analysis.settings
    if given is None and words is not None and sentences is None and settings.selection == "concepts":
        order = [i for i in (analysis.ranked or order) if i not in contrast]
        sizes = {i: analysis.claim_words(i) for i in order}
        same_claims = analysis.same_claims(order[:MAX_CANDIDATES])
        # At least one claim the outlets agree on: reported in a close sentence, else at all (the looser
        # test alone, on every candidate, costs dev ROUGE-2: NeuS 16.0 → 14.6).
        # A budget far shorter than every such claim, and than its main clause (which realising may cut to,
        # `compose`), takes the looser test's if one of those fits it (held-out samples G and H: one-claim
        # briefs ran 44-75 % over where a claim others report in other words fit).
        agreed: set[int] = set()

        def fits(i: int) -> bool:  # the main clause only where the sentence does not fit (it costs regexes)
            return sizes[i] <= words * OVERRUN or _main_clause_words(pool[i].text) <= words * OVERRUN

        for agree in (analysis.agreeing, analysis.reporters) if len(analysis.sources) > 1 else ():
            found = {i for i in order[:MAX_CANDIDATES] if len(agree(i)) > 1}
            if any(fits(i) for i in found):
                agreed = found
                break
            agreed = agreed or found
        weights = agreed_weights(list(pool), settings)  # once for the program and the learned scorer
        program = partial(select_concepts, order, list(pool), analysis.vectors, settings=settings, agreed=agreed,
                          value=partial(predicted_value, analysis, weights=weights), base_weights=weights,
                          headlines=[title for title, _ in analysis.titles.values()],
                          corroboration={i: analysis.outlets(i) - 1 for i in order[:MAX_CANDIDATES]},
                          lengths=sizes, texts={i: core.text for i, core in analysis.cores.items()},
                          exclusive=same_claims)
        if agreed and min(sizes[i] for i in agreed) > words:
            words = min(sizes[i] for i in agreed)  # a short budget runs over by one claim the outlets agree on
        chosen = set(program(words))
        if not chosen and order:  # a budget shorter than every sentence: one claim over it beats none,
            words = min(sizes[i] for i in (agreed or sizes))  # one other outlets report if there is one
            chosen = set(program(words))
        # Then whole sentences fill what the program left (a knapsack pass, not stop at the first misfit),
        # none repeating a chosen one.
        left = words - sum(sizes[i] for i in chosen)
        stated = {frozenset(pair) for pair in same_claims}
        for i in order:
            if left < settings.min_sentence_words:
                break
            if i in chosen or sizes[i] > left or _repeats(analysis, i, chosen, stated):
                continue
            chosen.add(i)
            left -= sizes[i]
        return [i for i in order if i in chosen] + contrast
    sizes = {i: pool[i].words for i in order}
    return fill_budget(order, sizes, words, sentences, min_size=settings.min_sentence_words) + contrast


ADDITION_WORDS = 12  # the longest addition from another outlet a claim takes without a word budget


OVERRUN = 1.25  # a tiny budget may run over this much for a claim close outlets agree on, not more


def _main_clause_words(text: str) -> int:
    """Words of the shortest wording `edit.clause_deletions` cuts from a sentence, trailing clauses deleted."""
    return min((count_words(cut) for cut, _ in clause_deletions(text)), default=count_words(text))


def compose(analysis: Analysis, chosen: Iterable[int], started: float | None = None, words: int | None = None,
            refill: bool = False) -> Brief:
    """The brief made of the chosen sentences: each a claim citing every source that states it.

    Realised claims are never longer than their sentences, but an added attribution is; a claim that
    would then overflow `words` is left out. With `refill`, words that realising left unused (a shorter
    wording chosen, a claim left out) go to further candidates, so the brief still fills its budget.
    """
    settings = analysis.settings
    chosen = list(chosen)
    claims, used = [], 0
    contrast = set(analysis.contrast or ())
    if not contrast <= set(chosen):  # one side alone is no disagreement: it is a claim like any other
        contrast = set()
    # Words the selection left unused may go to additions from other outlets (full names, appositives);
    # with a sentence count instead of a budget, an addition of up to ADDITION_WORDS words is fine.
    slack = ADDITION_WORDS if words is None else max(0, words - sum(analysis.claim_words(i) for i in chosen))
    budget = words
    if words is not None and chosen:  # selection may take one sentence longer than a tiny budget
        words = max(words, min(analysis.claim_words(i) for i in chosen))
    # ... whose main clause may fit it, its trailing clauses deleted (shown as edits)
    fit = budget if words is not None and budget < words else None
    # The disagreement first: its room was kept, and an attribution added to a claim may take the last words.
    for index in sorted(chosen, key=lambda i: i not in contrast):
        if index in contrast:
            claim, position = _contrasted(index, analysis)
        elif settings.rewrite:
            realised = realise(index, analysis, analysis.encoder or shared_encoder(), _scorer(settings), room=2 + slack,
                               fit=fit if not claims else None)
            if realised is None:
                continue
            claim, position = realised
            if fit is not None and claim.words <= fit:
                words = fit  # it did: the brief keeps to the budget asked for
            if words is not None:
                slack = max(0, slack - max(0, claim.words - analysis.sentences[index].words - 2))
        else:
            claim, position = _extracted(index, analysis)
        if words is not None and used + claim.words > words and claims:
            continue  # (the first claim stays: a brief shorter than every wording still says one thing)
        if _said_already(claim.text, [other for _, other in claims]):
            continue  # two chosen sentences realised as one outlet's same wording ("Charged with eight counts …")
        used += claim.words
        claims.append((position, claim))
    if refill and words is not None and settings.rewrite:
        claims += _refill(analysis, chosen, words - used, [claim for _, claim in claims])
    # Readable order: what the sources report first comes first (mean place in the articles);
    # corroborated claims before those only one outlet makes.
    ordered = tuple(claim for _, claim in sorted(claims, key=lambda pair: (pair[1].section != "summary", pair[0])))
    brief_words = sum(claim.words for claim in ordered)
    source_words = sum(source.words for source in analysis.sources)
    return Brief(
        title=analysis.heading(),
        sources=analysis.sources,
        claims=ordered,
        stats=Stats(
            words=brief_words,
            source_words=source_words,
            compression=round(brief_words / source_words, 4) if source_words else 0.0,
            seconds=round(time.perf_counter() - started, 3) if started is not None else 0.0,
        ),
        skipped=analysis.skipped,
    )


REFILL_TRIES = 12  # candidates realised at most to fill what is left (each costs a fluency scoring)


def _repeats(analysis: Analysis, index: int, taken: Iterable[int], stated: set[frozenset[int]]) -> bool:
    """Sentence `index` says what a taken one says: as close as `settings.redundancy`, or one cites the other."""
    return any(float(analysis.vectors[index] @ analysis.vectors[j]) >= analysis.settings.redundancy
               or frozenset((index, j)) in stated for j in taken)


def _said_already(text: str, claims: Iterable[Claim]) -> bool:
    """A claim prints these very words (case and punctuation aside): two chosen sentences may be realised as
    one outlet's same wording ("Charged with eight counts …")."""
    plain = _plain_words(text)
    return any(_plain_words(claim.text) == plain for claim in claims)


def _plain_words(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _refill(analysis: Analysis, chosen: list[int], left: int, printed: list[Claim]) -> list[tuple[float, Claim]]:
    """Claims for further candidates, most relevant first, that fit in the `left` words and repeat none
    of the chosen sentences (a knapsack pass, as selection's own)."""
    settings = analysis.settings
    taken = list(chosen)
    stated = {frozenset(pair) for pair in analysis.same_claims(list(analysis.ranked[:MAX_CANDIDATES]))}
    added: list[tuple[float, Claim]] = []
    tries = 0
    for index in analysis.ranked[:MAX_CANDIDATES]:
        if left < settings.min_sentence_words or tries >= REFILL_TRIES:
            break
        if index in taken or analysis.claim_words(index) > left or _repeats(analysis, index, taken, stated):
            continue
        tries += 1
        realised = realise(index, analysis, analysis.encoder or shared_encoder(), _scorer(settings), room=0)
        if realised is None or realised[0].words > left or _said_already(realised[0].text, printed + [c for _, c in added]):
            continue
        taken.append(index)
        left -= realised[0].words
        added.append((realised[1], realised[0]))
    return added


def _extracted(index: int, analysis: Analysis) -> tuple[Claim, float]:
    """The sentence as written, citing every source that states it (no edits)."""
    support = analysis.group(index)
    cited = tuple(sorted(sentence.source_id for sentence, _ in support))
    reported_by, differing = analysis.markers(index, cited)
    claim = Claim(
        text=analysis.sentences[index].text,
        sources=cited,
        evidence=tuple(Evidence(source=s.source_id, text=s.text, similarity=round(c, 4)) for s, c in support),
        section=analysis.section(cited, index),
        score=round(float(analysis.scores[index]), 4),
        reported_by=reported_by,
        contrasts_with=differing,
    )
    return claim, float(np.mean([sentence.position for sentence, _ in support]))


def _resolved(sentence: Sentence, sentences: tuple[Sentence, ...], names: frozenset[str], settings: Settings) -> Sentence:
    """The sentence with a leading pronoun resolved, or a quotation given the speaker the sentence before
    names, when the edit stage will be able to do so."""
    previous = previous_in_source(sentence, sentences)
    if not settings.rewrite or previous is None:
        return sentence
    text, edits = attribute_quotation(sentence.text, previous)
    if not edits:
        text, edits = resolve_pronoun(sentence.text, previous, names)
    return replace(sentence, text=text) if edits else sentence


def _contrasted(index: int, analysis: Analysis) -> tuple[Claim, float]:
    """One side of a disagreement, as its outlet wrote it, naming the outlet it disagrees with."""
    from .neutral import neutralize

    sentence = analysis.sentences[index]
    other = next(analysis.sentences[i] for i in analysis.contrast if i != index)
    text, edits = neutralize(sentence.text) if analysis.settings.rewrite else (sentence.text, [])
    claim = Claim(
        text=text,
        sources=(sentence.source_id,),
        evidence=(Evidence(source=sentence.source_id, text=sentence.text),),
        kind="compressed" if edits else "extracted",
        edits=tuple(edits),
        section="differences",
        score=round(float(analysis.scores[index]), 4),
        contrasts_with=(other.source_id,),
    )
    return claim, 2.0 + sentence.source_id / 100  # after the other differences, the pair together


_MEASURE = re.compile(r"(\d+(?:[.,]\d+)?)(?:\s*-\s*|\s+)?(%|[a-z]+)")


def measures_differ(a: str, b: str, same_event: bool = False) -> bool:
    """Both texts count the same thing with numbers that cannot both be true: "35-minute meeting with Xi" /
    "30-minute meeting with Xi", "more than 150 settlements" / "all 144 settlements".

    Not when either text also states the other's number ("157 of 338 seats" / "157 seats"), when one is the
    other rounded ("$1.37 trillion" / "$1.4 trillion") or both may hold ("more than $100 million" / "more
    than $350 million"), when the two count from different starting points ("from February" / "from March
    2020"), when one is a forecast ("economists expected 845,000 jobs"), or when the words around the two
    numbers share nothing: then they count different things ("at a height of 5,900 meters" / "base camp,
    set up at 5,700 m").

    `same_event`: the two sentences are known to report one event (the looser test, close in meaning): the
    words around the numbers need not match ("left 49 people dead" / "killed 50 people on Friday")."""
    if (content_words(a) | content_words(b)) & _FORECAST:
        return False
    if _STUDY.search(a) and _STUDY.search(b):
        return False  # two polls or studies measure two things ("83 percent favor …" / "68 percent favored …")
    if bool(_RATE.search(a)) != bool(_RATE.search(b)):
        return False  # a yearly figure and a total ("30,000 a year" / "45,000 since 1996")
    baselines_a, baselines_b = _baselines(a), _baselines(b)
    if baselines_a and baselines_b and not baselines_a & baselines_b:
        return False
    every_a, every_b = {n.replace(",", "") for n in _NUMBER_IN.findall(a)}, {n.replace(",", "") for n in _NUMBER_IN.findall(b)}
    for number_a, unit, start_a, end_a in _measure_spans(a):
        for number_b, unit_b, start_b, end_b in _measure_spans(b):
            if unit != unit_b or unit == "s" or number_a in every_b or number_b in every_a:
                continue  # another unit; decades ("the '90s") are dates; a number both state
            if _rounds_to(number_a, number_b) or _rounds_to(number_b, number_a):
                continue
            (low_a, high_a), (low_b, high_b) = _bounds(a, start_a, float(number_a)), _bounds(b, start_b, float(number_b))
            if low_a <= high_b and low_b <= high_a:
                continue  # both can be true
            if unit in _MEASUREMENT_UNITS:  # "35-minute meeting" / "30-minute meeting": the word after is the thing
                thing_a, thing_b = first_content_word(a[end_a:]), first_content_word(b[end_b:])
                if not (thing_a and thing_b and shared_roots(thing_a, thing_b)):
                    continue  # "40 percent of the students" / "50 percent": not one thing measured twice
            # "150 settlements" / "144 settlements": the unit is the thing counted; and the words around the
            # numbers say what happened to it ("at a height of 5,900 meters" / "base camp, at 5,700 m").
            if bool(_PER.match(a, end_a)) != bool(_PER.match(b, end_b)):
                continue  # "60 children" / "4 children with autism per 1,000": a count and a rate
            names_a, names_b = _names_near(a, start_a, end_a), _names_near(b, start_b, end_b)
            if names_a and names_b and not shared_roots(names_a, names_b):
                continue  # "Washington had a murder rate of 55" / "the murder rate by Indians was 4": two subjects
            if same_event and unit not in _AGE_AND_TIME:
                return True
            if shared_roots(_around(a, start_a, end_a), _around(b, start_b, end_b)) >= CONTEXT_IN_COMMON:
                return True
    return False


_PER = re.compile(r"[^.;]{0,40}?\bper (?:\d[\d,]*|capita|head|person|resident|household)\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"\b[A-Z][a-zA-Z]+\b")


def _names_near(text: str, start: int, end: int, reach: int = 50) -> frozenset[str]:
    """Capitalised words within `reach` characters of a number (not a sentence's first word, a month or a
    day, nor who reports it: "according to the Health Ministry", "the Red Cross said"), stemmed: whose
    figure it is."""
    sources = [match.span() for match in _ATTRIBUTION_SPAN.finditer(text)]
    names = set()
    for match in _NAME_WORD.finditer(text, max(0, start - reach), min(len(text), end + reach)):
        before = text[:match.start()].rstrip()
        if not before or before[-1] in ".!?" or any(low <= match.start() < high for low, high in sources):
            continue
        word = match.group().lower()
        if word not in _CALENDAR:
            names.add(_stem(word))
    return frozenset(names)


_ATTRIBUTION_SPAN = re.compile(
    r"\baccording to (?:the )?(?:[A-Z][\w.’'-]*\s*){1,5}"
    r"|(?:\b(?:the )?[A-Z][\w.’'-]*\s+){1,5}(?=(?:said|says|told|reported|reports|announced|estimated)\b)")


_NUMBER_IN = re.compile(r"\d+(?:[.,]\d+)?")
# Words the two numbers' surroundings must share, the thing measured included: one is not enough in a
# 25-article story full of polls ("92 percent of Canadians believe …" / "57 percent of Canadians think …").
CONTEXT_IN_COMMON = 2
_MEASUREMENT_UNITS = frozenset(
    "% percent million billion trillion thousand hundred meter meters m km kilometers mile miles feet foot ft inch "
    "inches pound pounds kg kilograms ton tons year years month months week weeks day days hour hours minute "
    "minutes second seconds degree degrees acre acres word words".split())
# Words that belong to the measure, not to what it measures ("66-year-old", "80 feet long").
_PART_OF_MEASURE = content_words(" ".join(_MEASUREMENT_UNITS | {"old", "long", "tall", "high", "wide", "deep", "per", "cent", "dollars"}))
# Ages and times of day are of people and moments, rarely one figure told twice ("7-year-old" / "66-year-old").
_AGE_AND_TIME = frozenset("year years old p a pm am century centuries th st nd rd".split())
_FORECAST = content_words("expected forecast predicted projected anticipated surveyed consensus")
_STUDY = re.compile(r"\b(?:polls?|surveys?|stud(?:y|ies)|census|tally|tracker|estimates?)\b", re.IGNORECASE)
_RATE = re.compile(r"\b(?:a|per|each|every) (?:year|month|week|day)\b|\b(?:annually|yearly)\b", re.IGNORECASE)
_AT_LEAST = re.compile(r"(?:more than|over|above|at least|topped|exceeded|exceeding|upwards of|surpassed)\s+\$?\s*$", re.IGNORECASE)
_AT_MOST = re.compile(r"(?:nearly|almost|up to|less than|fewer than|under|as many as|as much as)\s+\$?\s*$", re.IGNORECASE)
_ABOUT = re.compile(r"(?:about|around|approximately|roughly|some|an estimated|close to)\s+\$?\s*$", re.IGNORECASE)


def _measure_spans(text: str):
    """Each number with what it counts and where: ("35", "minute", start, end). Dates are left out (a
    number before a stopword: "June 19 and"): two dates are usually two events, not a disagreement."""
    for match in _MEASURE.finditer(text):
        number, unit = match.group(1), match.group(2)
        if unit not in STOPWORDS:
            yield number.replace(",", ""), unit, match.start(), match.end()


def _bounds(text: str, start: int, value: float) -> tuple[float, float]:
    """What a number allows, read from the words before it: "more than 150" → (150, ∞), "nearly 11" →
    (9.9, 11), "about 21" → (18.9, 23.1), "144" → (144, 144)."""
    before = text[max(0, start - 30):start]
    if _AT_LEAST.search(before):
        return value, float("inf")
    if _AT_MOST.search(before):
        return 0.9 * value, value
    if _ABOUT.search(before):
        return 0.9 * value, 1.1 * value
    return value, value


def _rounds_to(number: str, other: str) -> bool:
    """`number` written at `other`'s precision is `other` ("1.37" → "1.4", "10.5" → "11"), or the two are
    within 2 % ("$350 billion" / "$349 billion")."""
    places = len(other.split(".")[1]) if "." in other else 0
    try:
        if Decimal(number).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) == Decimal(other):
            return True
        return abs(float(number) - float(other)) <= 0.02 * max(abs(float(number)), abs(float(other)))
    except (InvalidOperation, ValueError):
        return False


def _around(text: str, start: int, end: int, reach: int = 6) -> frozenset[str]:
    """Content words within `reach` words of a number, short names ("Xi") included: what it measures."""
    words = _LETTER_WORD.findall(text[:start])[-reach:] + _LETTER_WORD.findall(text[end:])[:reach]
    return (content_words(" ".join(words)) | {w.lower() for w in words if len(w) == 2 and w[0].isupper() and w[1].islower()}) \
        - _PART_OF_MEASURE


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# "from February", "since 2019", "from a then-record 3.69 million checks in March 2020".
_BASELINE = re.compile(
    rf"\b(?:from|since|than|compared (?:with|to)|over)\s+(?:[\w$.,-]+\s+){{0,6}}?(?:the same \w+ (?:of|in) |the end of |early |mid-?|late )?"
    rf"((?:{_MONTHS})(?:\s+\d{{4}})?|\d{{4}}|last (?:year|month|week|quarter)|a year (?:earlier|ago)"
    rf"|(?:the )?(?:first|second|third|fourth) quarter(?: of \d{{4}})?)\b", re.IGNORECASE)


def _baselines(text: str) -> set[str]:
    """The points a change is measured from: "from February", "since 2019", "than a year earlier"."""
    return {match.lower() for match in _BASELINE.findall(text)}


# A negation is a disagreement only between two wordings of one statement: each has half the other's
# content words (on the dev set every looser pair the polarity test flagged was two different statements).
NEAR_PARAPHRASE = 0.5


def find_contrast(candidates: list[Sentence], vectors: np.ndarray, scores: np.ndarray, lexicon: Lexicon,
                  settings: Settings) -> tuple[int, int] | None:
    """The most central pair of sentences from two outlets about the same thing that disagree: a number
    one states and the other states differently ("a 35-minute meeting" / "his 30-minute meeting"), or a
    negation of what the other affirms."""
    best, best_score = None, 0.0
    indices = [s.index for s in candidates]
    if len(indices) < 2:
        return None
    block = vectors[indices] @ vectors[indices].T
    source_ids = np.array([s.source_id for s in candidates])
    close = np.triu(block >= settings.contrast_similarity, k=1) & (source_ids[:, None] != source_ids[None, :])
    for a, b in zip(*np.nonzero(close)):  # only the few close pairs from two outlets are examined
        first, second = candidates[a], candidates[b]
        shared = len(lexicon.shared(first.index, second.index))
        # A number counting the same thing differently is strong evidence; a negation needs a closer match.
        # ... and only between two reports of one event (the looser reporting test): in a story of 25
        # articles two polls or two years always differ somewhere.
        numeric = shared >= 1 and measures_differ(first.text, second.text) and reports_same(
            first.text, second.text, float(block[a, b]), shared_roots(lexicon.words[first.index], lexicon.words[second.index]),
            settings, margin=0.0)
        negated = shared >= settings.min_shared_words and block[a, b] >= settings.support_similarity + 0.08 \
            and polarity_conflict(first.text, second.text) and denies(first.text, second.text) \
            and min(coverage(first.text, second.text), coverage(second.text, first.text)) >= NEAR_PARAPHRASE
        if not (numeric or negated):
            continue
        score = float(scores[first.index] + scores[second.index])
        if score > best_score:
            best, best_score = (first.index, second.index), score
    return best


_scorers: dict[tuple[str, int, str, bool], object] = {}


def _scorer(settings: Settings):
    """The abstractive model, loaded once per process; None when switched off."""
    if not settings.use_model:
        return None
    from .lm import FluencyScorer

    key = (settings.model or "", settings.seed, settings.device, settings.propose)
    if key not in _scorers:
        # --propose generates with torch: the scores then come from that one copy of the model too.
        _scorers[key] = FluencyScorer(settings.model, seed=settings.seed, device=settings.device,
                                      onnx=not settings.propose)
    return _scorers[key]


def brief(
    inputs: Iterable[str | Path | Document],
    words: int | None = DEFAULTS.words,
    sentences: int | None = None,
    settings: Settings | None = None,
    encoder: Encoder | None = None,
    stdin: str | None = None,
) -> Brief:
    """A brief of several articles on one event: what they report, each claim citing its sources.

    Args:
        inputs: file paths, folders of .txt/.md/.html files, "-" for standard input, or Documents.
        words: word budget of the brief (ignored when `sentences` is given).
        sentences: number of claims instead of a word budget.
        settings: thresholds and weights; `summarize.config.DEFAULTS` when None.
        encoder: a loaded sentence encoder to reuse; the packaged MiniLM when None.
        stdin: the text to use for "-" (read from standard input when None).

    Example:
        >>> result = brief(["seeds/"], words=120)
        >>> result.claims[0].sources
        (1, 3, 4)
    """
    started = time.perf_counter()
    settings = settings or DEFAULTS
    if sentences is not None:
        settings = replace(settings, sentences=sentences)
    analysis = analyse(inputs, settings, encoder=encoder, stdin=stdin)
    budget = None if settings.sentences else words
    return compose(analysis, select(analysis, words, settings.sentences), started=started, words=budget,
                   refill=settings.sentences is None)
