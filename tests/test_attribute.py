"""Attribution: another outlet is cited only when one of its sentences states the claim; a looser test
says whether another outlet reports it at all.

tests/data/paraphrase_pairs.jsonl holds labelled pairs written from the seeds. tests/data/dev_pairs.jsonl
holds 304 cross-outlet pairs sampled from the dev clusters (NeuS, Multi-News, DUC 2006) and labelled by
hand: "strict" (b alone backs everything a states), "strict_with_next" (b and the sentence after it
do), "loose" (b's outlet reports the same fact at all). It stores no text: each sentence is a character
span of a dev document with a hash, read from ../shared/eval/dev at test time.
"""

import json

import pytest

from summarize.attribute import Lexicon, content_words, numbers, polarity_conflict, same_claim
from summarize.config import DEFAULTS
from summarize.ingest import ingest, read_inputs
from summarize.split import split_sources

from .conftest import DATA, SEEDS, dev_text, dev_rows


def labelled_pairs():
    return [json.loads(line) for line in (DATA / "paraphrase_pairs.jsonl").read_text(encoding="utf-8").splitlines()]


def test_calibrated_support_never_cites_a_source_that_does_not_state_the_claim(encoder):
    pairs = labelled_pairs()
    assert len(pairs) >= 30
    sources = ingest(read_inputs([SEEDS]))
    lexicon = Lexicon.build([s.text for s in split_sources(sources)], outlets=len(sources))
    claims = encoder.encode([p["claim"] for p in pairs])
    evidence = encoder.encode([p["evidence"] for p in pairs])
    decided = []
    for pair, a, b in zip(pairs, claims, evidence):
        shared = len(content_words(pair["claim"]) & content_words(pair["evidence"]) & lexicon.informative)
        decided.append((pair["label"], same_claim(pair["claim"], pair["evidence"], float(a @ b), shared, DEFAULTS)))
    true_positive = sum(1 for label, said in decided if said and label == "same")
    false_positive = [pair["claim"] for pair, (label, said) in zip(pairs, decided) if said and label != "same"]
    positives = sum(1 for label, _ in decided if label == "same")
    print(f"support: {true_positive}/{positives} paraphrases found, {len(false_positive)} false citations")
    assert false_positive == []  # precision 1.0 on the labelled set
    # Calibrated on the dev pairs below, the test is stricter than these seed labels ("top diplomat" for
    # "Secretary of State" shares too few words): it finds 4 of 16.
    assert true_positive / positives >= 0.25


def test_negation_of_the_same_words_conflicts():
    assert polarity_conflict("China has agreed to restore the channel.", "China has not agreed to restore the channel.")
    assert not polarity_conflict("Progress is hard.", "Progress is hard, and it is not the product of one visit.")


def test_numbers_match_digits_and_words():
    assert numbers("visited China in 5 years") == numbers("the first visit in five years")
    assert numbers("trade of $690,000") == {"690000"}
    assert numbers("the one thing it wanted") == frozenset()


@pytest.fixture(scope="module")
def dev_pairs(encoder):
    """(pair, a, b, b+next, cos(a, b), cos(a, b+next), shared words, shared words with next) per pair."""
    from summarize.types import Document

    rows = dev_rows()
    pairs = [json.loads(line) for line in (DATA / "dev_pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    lexicons = {}
    for cluster in {p["cluster"] for p in pairs}:
        documents = [Document(path=str(i), text=d["text"]) for i, d in enumerate(rows[cluster]["documents"])]
        sources = ingest(documents)
        lexicons[cluster] = Lexicon.build([s.text for s in split_sources(sources)], outlets=len(sources))
    a = [dev_text(p["cluster"], p["a"]) for p in pairs]
    b = [dev_text(p["cluster"], p["b"]) for p in pairs]
    bn = [f"{x} {dev_text(p['cluster'], p['b_next'])}" if p["b_next"] else x for p, x in zip(pairs, b)]
    va, vb, vbn = encoder.encode(a), encoder.encode(b), encoder.encode(bn)
    out = []
    for i, pair in enumerate(pairs):
        informative = lexicons[pair["cluster"]].informative
        shared = len(content_words(a[i]) & content_words(b[i]) & informative)
        shared_next = len(content_words(a[i]) & content_words(bn[i]) & informative)
        common = len(content_words(a[i]) & content_words(b[i]))
        common_next = len(content_words(a[i]) & content_words(bn[i]))
        out.append((pair, a[i], b[i], bn[i], float(va[i] @ vb[i]), float(va[i] @ vbn[i]), shared, shared_next,
                    common, common_next))
    return out


def _rates(decided):
    true_positive = sum(1 for said, label in decided if said and label)
    said = sum(1 for s, _ in decided if s)
    positives = sum(1 for _, label in decided if label)
    return true_positive / max(1, said), true_positive / max(1, positives), said


def test_citations_are_precise_on_labelled_dev_pairs(dev_pairs):
    rows = dev_pairs
    assert len(rows) >= 150
    single = [(same_claim(a, b, cos, sh, DEFAULTS), p["strict"]) for p, a, b, _, cos, _, sh, _, _, _ in rows]
    # Evidence over two sentences as the pipeline tests it: the first sentence as close as a report,
    # the words, numbers and quotations of the claim in the two together.
    adjacent = [(s or same_claim(a, bn, cos, shn, DEFAULTS, spans=2), p["strict_with_next"])
                for (s, _), (p, a, _, bn, cos, _, _, shn, _, _) in zip(single, rows)]
    precision, recall, said = _rates(single)
    precision_adjacent, recall_adjacent, _ = _rates(adjacent)
    print(f"strict: precision {precision:.3f}, recall {recall:.3f} ({said} citations); "
          f"over two adjacent sentences: precision {precision_adjacent:.3f}, recall {recall_adjacent:.3f}")
    assert said >= 5
    assert precision >= 0.97 and precision_adjacent >= 0.97
    assert recall >= 0.4


def test_reported_elsewhere_is_looser_than_a_citation(dev_pairs):
    from summarize.attribute import reports_same

    rows = dev_pairs
    decided = [(reports_same(a, b, cos, common, DEFAULTS) or reports_same(a, bn, cosn, common_next, DEFAULTS), p["loose"])
               for p, a, b, bn, cos, cosn, _, _, common, common_next in rows]
    precision, recall, said = _rates(decided)
    strict_recall = _rates([(same_claim(a, b, cos, sh, DEFAULTS), p["loose"]) for p, a, b, _, cos, _, sh, _, _, _ in rows])[1]
    print(f"reported elsewhere: precision {precision:.3f}, recall {recall:.3f}; the citation test finds {strict_recall:.3f}")
    # The pairs were sampled close (cosine >= 0.45), the hard cases for both answers.
    assert recall >= 0.75 and recall >= 3 * strict_recall  # a claim others word differently is still theirs
    assert precision >= 0.55


def test_an_outlet_is_named_as_reporting_a_claim_only_on_the_same_facts(dev_pairs):
    """"also reported by [2]" is read as [2] reporting the fact: the looser test (right 0.61 of the time on
    these pairs) is not enough to print that; the evidence must also share more words and every number."""
    from summarize.attribute import confirms, reports_same, shared_roots

    named = []
    for p, a, b, bn, cos, cosn, _, _, common, common_next in dev_pairs:
        loose = reports_same(a, b, cos, common, DEFAULTS) or reports_same(a, bn, cosn, common_next, DEFAULTS)
        named.append((loose and confirms(a, bn, shared_roots(content_words(a), content_words(bn)), DEFAULTS, b,
                                         max(cos, cosn)), p["loose"]))
    precision, recall, said = _rates(named)
    print(f"named as reporting it too: precision {precision:.3f}, recall {recall:.3f} ({said} of {len(named)} pairs)")
    # measured 0.976 / 0.323 (2026-12-07, with the evidence holding 40 % of the claim's content words; 0.911 /
    # 0.411 before, 0.822 / 0.484 before the closeness test, which on unseen NeuS train roundups was right
    # only 0.70 of the time: bench/EVAL.md)
    assert precision >= 0.95 and recall >= 0.30


def test_an_outlet_that_prints_the_same_quoted_words_reports_the_quotation():
    from summarize.attribute import confirms

    claim = "“Progress is hard. It takes time,” Blinken said."
    # Five words in a row of the quotation, punctuation aside, even beside a negation of something else.
    assert confirms(claim, "“Progress is hard, it takes time, and it’s not the product of one visit,” he added.", 2, DEFAULTS,
                    sentence="“Progress is hard, it takes time, and it’s not the product of one visit,” he added.", cosine=0.5)
    assert not confirms(claim, "“Progress is hard,” he added, noting the time it takes.", 2, DEFAULTS, cosine=0.5)  # four words
    assert not confirms(claim, "“Progress is not hard. It takes time,” a critic said.", 2, DEFAULTS, cosine=0.5)


def test_a_different_figure_or_none_is_no_report_of_a_figure():
    from summarize.attribute import confirms

    claim = "The Liberals are projected to win 157 seats, 13 short of a majority, in the Canadian election."
    assert not confirms(claim, "The Liberals took 156 seats of the 338, short of a majority, in the Canadian election.", 6, DEFAULTS)
    assert not confirms(claim, "The Liberals will be short of a majority after the Canadian election.", 6, DEFAULTS)
    assert confirms(claim, "Projections give the Liberals 157 seats in the Canadian election, thirteen short of a majority.", 6, DEFAULTS)
    # A figure of three significant digits in common, on one matter, is one fact however few words are shared
    # (held-out sample M: "fell … to a still-high 712,000" / "decreased by 75,000 to 712,000").
    assert confirms(claim, "Projections give the Liberals 157 seats, 13 short.", 3, DEFAULTS, cosine=0.7)
    assert not confirms(claim, "Projections give the Liberals 157 seats, 13 short.", 3, DEFAULTS, cosine=0.4)  # another matter
    assert not confirms(claim, "Projections give the Liberals 160 seats, 10 short.", 3, DEFAULTS, cosine=0.7)
    assert not confirms("About 500 people attended the Liberal rally in Toronto on Monday.",
                        "About 500 people marched against the plan.", 3, DEFAULTS, cosine=0.5)  # a round number is common
    jobs = "The number of Americans applying for unemployment benefits fell last week to a still-high 712,000."
    assert confirms(jobs, "Initial jobless claims in regular state programs decreased by 75,000 to 712,000.", 2, DEFAULTS,
                    cosine=0.6)
    # A figure inside the claim's quotation is the speaker's (held-out sample P: "$7.25" in Sanders's words).
    starvation = "“The $7.25 an hour federal minimum wage is a starvation wage,” Sen. Bernie Sanders said during a call."
    assert not confirms(starvation, "The bill would more than double the current minimum wage of $7.25.", 3, DEFAULTS,
                        cosine=0.55)
    considering = "Trump said he is considering lifting the Jones Act for ships serving Puerto Rico."
    denial = "Trump said he was not planning to waive the Jones Act for ships serving Puerto Rico."
    assert not confirms(considering, denial, 6, DEFAULTS, sentence=denial)


def test_a_rounded_figure_a_name_s_number_or_a_year_left_out_still_reports_the_figure():
    """Held-out sample K: "2,981,000 more Americans filed … more than 36 million" is what "Nearly 3 million
    workers applied … 36.5 million" reports; "COVID-19" and "G7" state no figure; "the 2020 census" is "the
    census" where no other year is given. Precise figures that differ still differ."""
    from summarize.attribute import figures_agree

    assert figures_agree("A total of 2,981,000 more Americans filed, bringing the total to more than 36 million.",
                         "Nearly 3 million workers applied last week, bringing the total to 36.5 million.")
    assert figures_agree("The House passed roughly $1.4 trillion in funding.", "The House passed a $1.37 trillion package.")
    assert figures_agree("COVID-19 cases rose as G7 leaders met.", "Coronavirus cases rose as leaders of the Group of Seven met.")
    assert figures_agree("The bureau will release data from the 2020 census.", "The bureau will release the census data.")
    assert figures_agree("Five people died.", "5 people died.")
    assert figures_agree("All U.S. Amazon employees will earn $15 per hour, effective Nov. 1.",  # a date left out (sample L)
                         "Amazon will raise its minimum wage to $15 an hour for all employees.")
    assert not figures_agree("The vote is on March 24.", "The vote is on March 25.")
    for claim, other in (("The Liberals won 157 seats.", "The Liberals won 156 seats."),
                         ("The U.S. reported 3,865 deaths on Wednesday.", "The U.S. reported 3,920 deaths on Wednesday."),
                         ("More than 180 people were killed.", "At least 150 people were killed."),
                         ("She won in 2016.", "She won in 2020."),
                         ("The budget is 234g of bread.", "The budget is bread.")):  # "234g" is a figure, not a name
        assert not figures_agree(claim, other), (claim, other)


def test_an_outlet_that_gives_the_same_uncommon_figure_reports_the_story():
    """Held-out sample G: "Nonfarm payrolls rose by 224,000 in June" and "The US economy added 224,000 jobs in
    June" (cosine 0.48, two words in common) failed the looser test; the same uncommon figure is the same news.
    A year, a small count or a name's number ("COVID-19") is no such figure."""
    from summarize.attribute import figures, reports_same

    claim = "Nonfarm payrolls rose by 224,000 in June, the Labor Department said Friday."
    evidence = "The US economy added 224,000 jobs in June, a strong comeback for the labor market after a disappointing May."
    assert reports_same(claim, evidence, 0.48, 2, DEFAULTS)
    assert not reports_same(claim, evidence.replace("224,000", "190,000"), 0.48, 2, DEFAULTS)
    assert not reports_same(claim, evidence, 0.40, 2, DEFAULTS)  # a figure alone, far apart in meaning, is not enough
    assert figures("In 2019, 12 states reported COVID-19 cases; 9.3 million jobs and $1,400 checks.") == {"9.3", "1400"}


def test_an_outlet_that_gives_another_day_is_not_named_as_reporting_a_claim():
    """Held-out sample I: "Gabbard voted present in the House on Tuesday" was "also reported by" two outlets
    that both say Wednesday."""
    from summarize.attribute import confirms

    claim = "Tulsi Gabbard voted present on both articles of impeachment in the House on Tuesday night."
    wednesday = "Tulsi Gabbard voted present on both articles of impeachment in the House on Wednesday night."
    assert not confirms(claim, wednesday, 7, DEFAULTS, wednesday, 0.9)
    assert confirms(claim, wednesday.replace("Wednesday", "Tuesday"), 7, DEFAULTS, wednesday.replace("Wednesday", "Tuesday"), 0.9)
    undated = "Tulsi Gabbard voted present on both articles of impeachment in the House."
    assert confirms(claim, undated, 7, DEFAULTS, undated, 0.9)  # no day given is no other day


def test_a_sentence_holding_most_of_the_claim_s_words_reports_it_though_a_little_less_close():
    """Held-out sample M: a quotation that states the claim among other words (cosine 0.56) was not named."""
    from summarize.attribute import confirms

    claim = "Saikat Chakrabarti is leaving to join New Consensus, a progressive group working on the Green New Deal."
    quoted = ("“Saikat has decided to leave the office of Rep. Ocasio-Cortez to work with New Consensus to further "
              "develop plans for a Green New Deal,” Trent told the paper.")
    assert confirms(claim, quoted, 7, DEFAULTS, quoted, 0.56)
    assert not confirms(claim, quoted, 7, DEFAULTS, quoted, 0.45)  # too far apart in meaning
    assert not confirms(claim, quoted, 5, DEFAULTS, quoted, 0.56)  # too few words in common
    staff = "Rep. Alexandria Ocasio-Cortez's chief of staff Saikat Chakrabarti is leaving the freshman's office."
    assert not confirms(claim, staff, 3, DEFAULTS, staff, 0.52)  # the departure, not where he goes


def test_a_shared_core_is_stated_only_by_an_outlet_that_names_whom_it_is_about():
    """Held-out sample N cut "…, arguing that her confirmation would put millions of Americans’ health insurance in
    jeopardy" to cite an outlet for "Democrats quickly criticized …" that reports only the nomination: 9 of the
    core's 13 content words are names and the day."""
    from summarize.edit import names_the_subject

    core = "On Saturday, Democrats quickly criticized President Donald Trump’s nomination of Amy Coney Barrett to the Supreme Court."
    nominated = "President Trump on Saturday officially nominated Judge Amy Coney Barrett to the Supreme Court."
    assert not names_the_subject(core, nominated)
    assert names_the_subject(core, "Democrats on Saturday assailed the nomination of Amy Coney Barrett to the Supreme Court.")
    # A claim that opens on its verb or a pronoun names no one to look for.
    assert names_the_subject("On June 21st, he struck again, this time at a Walgreens in Lauderdale Lakes.", "Knowles hit a Walgreens.")


def test_a_negation_in_another_clause_does_not_stop_naming_an_outlet():
    """Held-out sample R: the outlet that wrote "… restored CNN reporter Jim Acosta's press pass, but warned him
    … that his disruptive antics will not be tolerated" was not named as reporting the restored pass."""
    from summarize.attribute import confirms

    claim = ("The White House on Monday said that CNN correspondent Jim Acosta's press pass has been \"restored,\" "
             "bowing to days of pressure and a federal lawsuit against the administration.")
    warned = ("The White House said Monday it has restored CNN reporter Jim Acosta’s press pass, but warned him — and "
              "the rest of the press corps — that his disruptive antics will not be tolerated in the future.")
    assert confirms(claim, warned, 9, DEFAULTS, warned, 0.82)
    refused = "The White House said Monday it has not restored CNN reporter Jim Acosta’s press pass."
    assert not confirms(claim, refused, 9, DEFAULTS, refused, 0.82)  # the negation in the claim's own clause


def test_a_sentence_with_the_same_names_but_another_happening_is_no_citation():
    """Held-out sample S cited "On Monday, the White House confirmed that … Alles … would be leaving his post,
    after … outlets reported that he had been ousted" for "Alles … pushed back on reports he was fired": the
    names and the day in common, not what happened (1 of the claim's 4 lowercase content words)."""
    from summarize.attribute import predicate_coverage, same_claim

    claim = ("United States Secret Service Director Randolph “Tex” Alles on Monday pushed back on reports he was fired "
             "by President Donald Trump.")
    leaving = ("On Monday, the White House confirmed that Randolph “Tex” Alles, whom President Donald Trump appointed as "
               "director of the Secret Service in April 2017, would be leaving his post, after multiple media outlets "
               "reported that he had been ousted.")
    assert predicate_coverage(claim, leaving) == 0.25
    assert not same_claim(claim, leaving, 0.81, 8, DEFAULTS)
    pushed = "Secret Service Director Randolph “Tex” Alles on Monday pushed back on reports that Donald Trump fired him."
    assert same_claim(claim, pushed, 0.9, 8, DEFAULTS)
    # A claim's few lowercase words reworded by an outlet that states it is still a citation (a Multi-News dev
    # story: "struck again" / "robbing").
    struck = "On June 21st, he struck again, this time at a Walgreens at 3099 N. State Road 7 in Lauderdale Lakes."
    robbed = ("Security cameras recorded Knowles robbing a Walgreens in Plantation on June 11, and a second Walgreens on "
              "June 21 at 3099 N. State Road 7 in Lauderdale Lakes.")
    assert same_claim(struck, robbed, 0.75, 8, DEFAULTS)
