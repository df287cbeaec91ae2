"""Selection: the sentences covering the most agreed-on concepts, exactly, within the budget; the two
attribution questions decide where a claim goes."""

from dataclasses import replace

import summarize
import itertools

import numpy as np

from summarize.concepts import MIN_POOL, bigrams, concept_weights, select_concepts
from summarize.config import DEFAULTS
from summarize.pipeline import analyse, select
from summarize.types import Document, Sentence

from .test_rank import AGREED, OUTLETS, documents


def test_a_bigram_weighs_per_source_and_more_near_the_top():
    sentences = [Sentence(0, 1, 0, 0.0, "The central bank raised rates."), Sentence(1, 1, 0, 1.0, "Bakers sold rolls."),
                 Sentence(2, 2, 0, 0.0, "The central bank raised rates again."), Sentence(3, 2, 0, 1.0, "Bakers sold bread.")]
    weights = concept_weights(sentences, replace(DEFAULTS, concept_min_shared=1))
    central, bakers = ("central", "bank"), ("baker", "sold")
    assert central in bigrams("The central bank") and weights[central] > weights[bakers]  # first sentences weigh more
    assert ("sold", "roll") not in weights  # one source only, while the sources share others


def test_a_content_word_is_a_concept_too_worth_part_of_a_bigram():
    """Two outlets' sentences on one event in other words share words, not bigrams ("blasted off to space" /
    "went to space"): counted once, the words make the second sentence worth less to the program."""
    sentences = [Sentence(0, 1, 0, 0.0, "Bezos blasted off to space on Tuesday."),
                 Sentence(1, 2, 0, 0.0, "Bezos went to space on Tuesday.")]
    weights = concept_weights(sentences, replace(DEFAULTS, concept_min_shared=1))
    assert weights[("space",)] == DEFAULTS.word_concept_weight * weights[("to", "space")]  # both outlets, ledes
    assert ("bezo",) in weights and ("on",) not in weights and ("to",) not in weights  # no stopwords
    bigrams_only = concept_weights(sentences, replace(DEFAULTS, concept_min_shared=1, word_concept_weight=0.0))
    assert all(len(concept) == 2 for concept in bigrams_only)


def _covered(chosen, sentences, weights):
    return sum(weights[b] for b in frozenset().union(*(bigrams(sentences[i].text) for i in chosen)) if b in weights)


def test_the_program_finds_the_best_covering_and_sees_only_the_most_central_candidates():
    words = ["rates", "bank", "central", "bakers", "bread", "rolls", "storm", "coast", "rain", "vote", "court", "judge",
             "fire", "river", "mayor", "school", "trade", "ship", "wheat", "price"]
    rng = np.random.default_rng(7)
    sentences = [Sentence(i, i % 3, 0, (i % 5) / 4, " ".join(rng.choice(words, size=int(rng.integers(3, 7)))))
                 for i in range(12)]
    settings = replace(DEFAULTS, concept_min_shared=10**6, learned_weight=0.0, corroboration_bonus=0.0)  # every bigram
    weights = concept_weights(sentences, settings)
    vectors = np.eye(len(sentences), dtype=np.float32)  # no two candidates redundant
    chosen = select_concepts(list(range(12)), sentences, vectors, 14, settings)
    best = max((subset for size in range(1, 6) for subset in itertools.combinations(range(12), size)
                if sum(sentences[i].words for i in subset) <= 14), key=lambda subset: _covered(subset, sentences, weights))
    assert abs(_covered(chosen, sentences, weights) - _covered(best, sentences, weights)) < 0.05  # exact, not greedy
    # A long ranked list: only the MIN_POOL most central that fit are candidates at a short budget.
    many = [Sentence(i, i % 3, 0, 0.5, f"Storm number {i} hit the coast.") for i in range(3 * MIN_POOL)]
    ranked = list(reversed(range(len(many))))
    chosen = select_concepts(ranked, many, np.eye(len(many), dtype=np.float32), 40, settings)
    assert chosen and set(chosen) <= set(ranked[:MIN_POOL])


def test_selection_fills_the_budget_with_whole_agreed_sentences(encoder):
    analysis = analyse(documents(), encoder=encoder)
    # Whole sentences of 10-20 words: a budget is filled to within a sentence's few words, 90 % on average
    # (at 60 words: 53 of them, at 100: 100).
    fills = [sum(analysis.sentences[i].words for i in select(analysis, budget)) / budget for budget in range(40, 101, 10)]
    assert all(0.85 <= fill <= 1.0 for fill in fills) and sum(fills) / len(fills) >= 0.9, fills
    chosen = select(analysis, 60)
    texts = [analysis.sentences[i].text for i in chosen]
    assert any("interest rate" in text for text in texts)
    vectors = analysis.vectors
    assert all(float(vectors[a] @ vectors[b]) < DEFAULTS.redundancy for a in chosen for b in chosen if a < b)


def test_a_budget_shorter_than_every_sentence_still_gets_one_claim(encoder):
    brief = summarize.brief(documents(), words=6, encoder=encoder)
    assert len(brief.claims) == 1 and brief.claims[0].section == "summary"


def test_a_claim_others_report_in_their_own_words_is_no_difference(encoder):
    """The loose question decides the section: reported elsewhere, it stays in the Summary, and the
    outlets that word it too differently to cite are shown as reporting it too."""
    story = {
        "a.txt": "Flooding closed the main highway into Port Ellis on Monday after two days of heavy rain. "
                 "Officials said the road could stay shut for a week while engineers inspect a damaged bridge.",
        # (Six words in common and a close sentence: enough to name the outlet as reporting it too.)
        "b.txt": "Two days of downpours left the main Port Ellis highway under water, and authorities shut it on Monday. "
                 "A bakery on the harbour front handed out free bread to stranded drivers.",
    }
    brief = summarize.brief([Document(path=k, text=v) for k, v in story.items()], words=80, encoder=encoder)
    highway = [c for c in brief.claims if "highway" in c.text]
    assert highway and all(c.section == "summary" for c in highway)
    assert all(set(c.sources) | set(c.reported_by) == {1, 2} for c in highway)
    assert {c.section for c in brief.claims if "bakery" in c.text} <= {"differences"}


def test_an_opinion_in_the_summary_names_every_outlet_it_cites():
    from summarize.edit import cited_outlets
    from summarize.types import Source

    named = [Source(1, "Bloomberg", "", "a", ("x",)), Source(2, "Reuters", "", "b", ("x",))]
    unnamed = [Source(1, "001_ab12", "", "a", ("x",)), Source(2, "Reuters", "", "b", ("x",))]
    assert cited_outlets(named) == "Bloomberg and Reuters"
    assert cited_outlets(unnamed) == "Source 1 and Reuters"  # never "one outlet" for a claim citing two
    assert cited_outlets(unnamed[:1]) == "Source 1"  # as the brief's lists call it; "one outlet" read as "no other"


def test_an_input_that_is_only_chrome_is_listed_not_dropped(encoder):
    chrome = Document(path="widget.html.txt", text="Starting in 1996, Alexa Internet has been donating their crawl data "
                      "to the Internet Archive. Flowing in every day, these data are added to the Wayback Machine "
                      "after an embargo period.")
    brief = summarize.brief(documents() + [chrome], words=80, encoder=encoder)
    assert [s.path for s in brief.skipped] == ["widget.html.txt"]
    assert "Not used: `widget.html.txt`" in summarize.to_markdown(brief)
    assert AGREED.split()[0] and len(brief.sources) == len(OUTLETS)


def test_the_learned_scorer_ships_small_weights_fitted_on_a_train_split(encoder):
    import json

    from summarize.scorer import FEATURES, WEIGHTS, coefficients, predicted_value

    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert WEIGHTS.stat().st_size < 1_000_000 and len(coefficients()) == len(FEATURES)
    training = data["training"]
    assert training["repository"] and len(training["commit"]) == 40
    assert all("train" in path and len(digest) == 64 for path, digest in training["files"].items())
    analysis = analyse(documents(), encoder=encoder)
    values = predicted_value(analysis, list(analysis.order))
    assert ((0 <= values) & (values <= 1)).all() and values.std() > 0  # it tells sentences apart


CONFIRMATION = {
    "left.txt": "The Senate confirmed Judge Amy Coney Barrett to the Supreme Court on Monday, handing President Trump "
                "a political victory days before the election. Democrats had warned that the vote would tilt the court "
                "for a generation. Barrett is expected to hear her first cases next week.",
    "right.txt": "The Senate voted 52-48 on Monday to confirm Amy Coney Barrett to the Supreme Court. No Democrat voted "
                 "for the nominee, who will be sworn in at the White House later in the evening. Republicans praised "
                 "the speed of the process.",
}


def test_a_claim_is_cut_to_what_the_outlets_share_so_it_cites_them_all(encoder, tmp_path):
    """A clause only one outlet adds ("handing President Trump a political victory") is deleted so the
    claim states what both report, and cites both; the deletion is shown."""
    from summarize.edit import SHARED_CORE_REASON

    for name, text in CONFIRMATION.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    brief = summarize.brief([tmp_path], words=40, encoder=encoder)
    [claim] = [c for c in brief.claims if "confirm" in c.text]
    assert claim.text == "The Senate confirmed Judge Amy Coney Barrett to the Supreme Court on Monday."
    assert claim.sources == (1, 2) and claim.section == "summary"
    assert [(e.type, e.reason) for e in claim.edits] == [("delete", SHARED_CORE_REASON)]
    assert "handing President Trump" in claim.edits[0].text


def test_evidence_may_span_two_adjacent_sentences_of_an_outlet(encoder, tmp_path):
    """The detail sits in the next sentence ("That number was up almost 36 percent"): the outlet is cited,
    with both sentences as its evidence."""
    story = {
        "one.txt": "About 4.7 million Americans underwent gun background checks in March, a 36 percent increase "
                   "from February, according to the FBI. Gun shops reported long lines in several states.",
        "two.txt": "The FBI says nearly 4.7 million Americans underwent background checks in connection with "
                   "purchasing guns in March. That number was up almost 36 percent from February. Analysts "
                   "linked the rise to fears of new restrictions.",
    }
    for name, text in story.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    analysis = analyse([tmp_path], encoder=encoder)
    [first] = [s for s in analysis.sentences if s.text.startswith("About 4.7 million")]
    cited = {s.source_id: s for s, _ in analysis.group(first.index)[1:]}
    assert set(cited) == {2} and cited[2].spans == 2 and "36 percent" in cited[2].text


def test_when_the_shared_core_reads_badly_the_sentence_cites_only_its_own_outlet(encoder, tmp_path):
    """The fallback to the outlet's own sentence must not keep the citations of the shorter wording."""
    from summarize.edit import realise

    class GarbledEdits:  # the model finds every edited wording unreadable
        def score(self, texts):
            return [0.0 if text in CONFIRMATION["left.txt"] else -9.0 for text in texts]

    for name, text in CONFIRMATION.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    analysis = analyse([tmp_path], encoder=encoder)
    [index] = [i for i in analysis.cores if analysis.sentences[i].source_id == 1]
    claim, _ = realise(index, analysis, encoder, GarbledEdits())
    assert claim.text == analysis.sentences[index].text and claim.sources == (1,)


def test_two_outlets_wording_of_one_fact_is_printed_once(encoder, tmp_path):
    """Each sentence would name the other's outlet as reporting it too ("also reported by"): one claim, said
    once, though neither cites the other (a held-out roundup printed both as Summary claims)."""
    story = {
        "one.txt": "The New York Times, The Washington Post and NBC News walked back their reporting about the FBI's "
                   "communication with President Trump's personal lawyer Rudy Giuliani regarding Russia. The stories "
                   "came out after Giuliani's office was raided by the FBI on Thursday.",
        "two.txt": "The New York Times, The Washington Post, and NBC News have retracted earlier reporting that "
                   "incorrectly stated Rudy Giuliani was directly warned by the FBI that he was targeted by a Russian "
                   "influence operation. Federal investigators searched the home and office of the former New York "
                   "mayor last week.",
    }
    for name, text in story.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    analysis = analyse([tmp_path], encoder=encoder)
    [first] = [s.index for s in analysis.sentences if "walked back" in s.text]
    [second] = [s.index for s in analysis.sentences if "retracted" in s.text]
    assert (first, second) in analysis.same_claims(list(analysis.ranked))
    brief = summarize.brief([tmp_path], words=80, encoder=encoder)
    assert sum("NBC News" in claim.text for claim in brief.claims) == 1


BAN = {
    "one.txt": "The Alabama Senate on Tuesday evening passed legislation that bans nearly all abortions in the state, "
               "sending the measure to the governor's desk to be signed into law. Opponents vowed to challenge the "
               "measure in federal court before it takes effect later this year.",
    "two.txt": "Alabama lawmakers on Tuesday gave final approval to a bill that would ban nearly all abortions in the "
               "state, with no exception for cases of rape or incest, after hours of heated debate. The governor has not said whether she will sign the "
               "measure, which supporters hope will reach the Supreme Court.",
}


def test_a_budget_shorter_than_every_sentence_gets_a_main_clause_that_fits(encoder, tmp_path):
    """Held-out sample G: one-claim briefs ran 25-200 % over tiny budgets. A sentence's main clause, its
    trailing clauses deleted (shown), keeps the brief to the words asked for; with more room, the whole."""
    from summarize.edit import FIT_REASON

    for name, text in BAN.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    brief = summarize.brief([tmp_path], words=18, encoder=encoder)
    [claim] = brief.claims
    assert claim.words <= 18 and claim.text.endswith("nearly all abortions in the state."), claim.text
    assert [e.reason for e in claim.edits] == [FIT_REASON]
    roomy = summarize.brief([tmp_path], words=30, encoder=encoder)
    assert all(e.reason != FIT_REASON for c in roomy.claims for e in c.edits)



FOUNDATION = [
    "In the wake of reports that the charity may have been hacked, the embattled Clinton Foundation announced on "
    "Thursday that, if Clinton is elected, it will no longer accept the kinds of foreign and corporate donations at "
    "the heart of a long-running controversy over its finances.",
    "Hillary Clinton's family charity will stop taking cash from companies and overseas donors should she win in "
    "November, the foundation said on Thursday.",
    "The Clinton Foundation announced on Thursday that, if Clinton is elected, it will no longer accept the kinds of "
    "foreign and corporate donations at the heart of a long-running controversy over its finances, in a move its "
    "critics welcomed.",
]


def test_a_tiny_budget_takes_a_claim_others_report_in_other_words_before_running_far_over(encoder):
    """Held-out sample H: a 32-word budget got a 46-word claim two outlets word alike, where a third outlet's
    23-word sentence reported the same in other words; a claim may run over a tiny budget by a quarter, not
    more. (Here the close test is told the short sentence has no close match, as in that story.)"""
    analysis = analyse([Document(path=f"{i}.txt", text=text) for i, text in enumerate(FOUNDATION, 1)], encoder=encoder)
    short = next(s.index for s in analysis.sentences if s.source_id == 2)
    close = analysis.agreeing
    object.__setattr__(analysis, "agreeing", lambda index: close(index) if index != short else {2})  # (frozen)
    assert len(analysis.reporters(short)) > 1 and len(analysis.agreeing(short)) == 1
    assert select(analysis, 24) == [short]  # the 39-word claim the close test finds would run 63 % over
    assert select(analysis, 36) != [short]  # 39 words for 36: over by less than a quarter
