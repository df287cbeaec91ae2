"""Which sentences may be claims, and how much of clean newswire the cleaning keeps — on the dev set.

tests/data/dev_sentences.jsonl: 202 sentences and headlines sampled from the dev clusters, labelled by
hand as claim-worthy or not and by kind (headline, reader address, kicker, byline or caption, call to
action, question, attribution shell, fragment, unattributed opinion). It stores spans and hashes, not
text: the text is read from ../shared/eval/dev at test time.
"""

import json
from collections import Counter

from summarize.config import DEFAULTS
from summarize.ingest import clean_document, ingest_report
from summarize.rank import can_stand_alone, is_not_a_claim
from summarize.types import Document, Sentence, count_words

from .conftest import DATA, dev_rows, dev_text

NEVER_CLAIMS = {"reader", "kicker", "byline", "call_to_action", "question", "shell"}


def labelled_sentences():
    rows = [json.loads(line) for line in (DATA / "dev_sentences.jsonl").read_text(encoding="utf-8").splitlines()]
    return [(row, dev_text(row["cluster"], row)) for row in rows]


def test_what_is_not_a_claim_never_stands_alone():
    labelled = labelled_sentences()
    assert len(labelled) >= 200
    outcome = Counter()
    for row, text in labelled:
        outcome[row["kind"], can_stand_alone(Sentence(0, 1, 0, 0.0, text), DEFAULTS)] += 1
    kept = {kind: outcome[kind, True] for kind in NEVER_CLAIMS | {"claim", "fragment", "opinion"}}
    totals = {kind: outcome[kind, True] + outcome[kind, False] for kind in kept}
    print("kept as claims, by label:", {k: f"{kept[k]}/{totals[k]}" for k in sorted(kept)})
    never = sum(totals[k] for k in NEVER_CLAIMS)
    assert sum(kept[k] for k in NEVER_CLAIMS) <= 0.2 * never  # the rules catch most; headlines go as metadata
    assert kept["claim"] >= 0.8 * totals["claim"]  # and keep what an editor would print
    wrongly = [text for row, text in labelled if row["claim"] and is_not_a_claim(text)]
    assert wrongly == []


def test_photo_captions_and_agency_teasers_are_no_claims():
    for caption in ("FILE - In this May 24, 2016, file photo, Rep. John Conyers speaks on Capitol Hill in Washington.",
                    "Twenty-one-year-old Carl Conyers,... (Associated Press) Police say the son was found safe.",
                    "In this file photo, knives of all sizes are piled in a box at a surplus store.",
                    "Photograph from the excavations in 1998, with the foot bones below a tail of a Camarasaurus.",
                    "A photo from the 1998 excavation, with the foot bones below a tail of a Camarasaurus dinosaur."):
        assert is_not_a_claim(caption), caption
    assert not is_not_a_claim("The file was shared with Associated Press reporters in this city on Monday.")
    for pointer in ("Celebuzz has compiled a list of the best and worst moments from Sunday’s telecast.",
                    "BBC News has clips of two of the songs that will accompany the release."):
        assert is_not_a_claim(pointer), pointer
    assert is_not_a_claim("Address questions to Garden Q A, The New York Times, 229 W. 43rd St., New York 10036.")
    assert not is_not_a_claim("The town has more Everest summiters than anywhere on Earth.")
    for news in ("Police have video of the suspect entering the store.", "The FBI has compiled a list of 40 suspects.",
                 "Images from the satellite show a column of tanks near the border.",
                 "Pictures of the abuse were published by the newspaper on Sunday."):
        assert not is_not_a_claim(news), news



def test_the_reporting_itself_is_no_claim():
    """Held-out sample G: "… did not immediately return a request for comment" and "Axios reported the news
    Wednesday, citing …" were printed as claims; they tell how the story was reported, not what happened."""
    for reporting in ("The White House did not immediately return a request for comment.",
                      "The Pentagon has not responded to a request for comment.",
                      "Netanyahu's senior adviser, David Bar-Illan, could not immediately be reached for comment.",
                      "A spokesman for the company didn't respond to emails seeking comment on Tuesday.",
                      "The company declined to comment on the lawsuit."):
        assert is_not_a_claim(reporting), reporting
    for news in ("Iran has not responded to requests for talks.", "Trump said he would not comment on the case until the trial ends.",
                 "The Senate did not respond to the crisis for weeks, critics said.",
                 "Sanders declined to elaborate and referred additional questions to Cohen, who did not respond to requests for comment."):
        assert not is_not_a_claim(news), news
    axios = "Axios reported the news Wednesday, citing an administration official with knowledge of the situation."
    assert not can_stand_alone(Sentence(0, 1, 0, 0.0, axios), DEFAULTS)
    assert can_stand_alone(Sentence(0, 1, 0, 0.0, "Axios reported on Wednesday that Pence will be vaccinated on Friday."), DEFAULTS)

def test_a_person_by_role_a_hook_or_an_unnamed_thing_does_not_stand_alone():
    """Held-out sample G printed these as claims: who is "the California Democrat", which amendment, do what?"""
    def stands(text):
        return can_stand_alone(Sentence(0, 1, 0, 0.0, text), DEFAULTS)

    for leaning in ("The California Democrat will announce his candidacy on Monday night.",
                    "The late-night host has apologized for using an expletive.",
                    "More provocatively, Iran said it would enrich uranium to 20 percent.",
                    "Consider him the elephant not in the room, simultaneously absent from this picture.",
                    "“We’re not looking to do that,” Trump told reporters on Tuesday.",
                    "The Senate voted 99-1 in support of the amendment.",
                    # sample H: a subheadline's grammar, a pointer to another outlet
                    "President to push reforms to the U.N. and rethink America's massive contributions.",
                    "From The New York Times: Among the reasons for delaying is that the data are thin.",
                    "The amendment would cap the checks at $50,000 a year.",
                    # sample I: which officials, which tally, which bill; a column's "I"
                    "The officials said the report was accurate.", "The tally makes clear just how violent last year was.",
                    "The bill passed largely along party lines.",
                    "To the outside world, this brownstone probably seems like it has it all.",  # a dev column
                    "“We will not comply with any order that violates the law,” the statement reads.",  # sample J
                    "Early in my medical training, I read a case study about a boy who wrote a note to his mother.",
                    # sample K: a subheadline's role with no article; a role by itself or as owner; which event?
                    "Independent Vermont senator joins growing list of candidates seeking Democratic nomination.",
                    "The Vermont senator, 77, enters a very different Democratic primary contest than in 2016.",
                    "The congresswoman’s suggestion was that a 70 percent rate be applied only to earnings beyond $10 million.",
                    "The event is set to feature eight Democratic candidates.",
                    "The primary was originally scheduled for April 4.",
                    # sample L: which official, process, numbers, result, news?
                    "The official's interpretation of Senate budget rules would allow the process more than once.",
                    "The process was previously used to pass the coronavirus relief bill.",
                    "The early numbers provide good news for Gov. Gavin Newsom.",
                    "The result appeared preordained, the committee chairman said.",
                    "Conyers conveyed the news in a statement released Sunday."):
        assert not stands(leaning), leaning
    for whole in ("The Republican-led Senate passed the bill on Tuesday.",
                  "The Republican senator from Texas, Ted Cruz, said he would vote no.",
                  "The host city, Tokyo, will open the games on Friday.",
                  "More than 100 people were killed in the attack on Sunday.",
                  "The Senate voted 99-1 for the Manchin amendment on Thursday.",
                  "The actor Tom Hanks said he had tested positive.",
                  "Texas Gov. Greg Abbott to sign the bill into law on Tuesday, his office said.",
                  "President Biden went to Texas on Monday to see the damage.",
                  "“I am fine and I thank everyone,” said a spokesman for the family.",
                  "Four U.S. officials said the report was accurate.",
                  "On Monday, this year's budget was approved by the city council.",
                  "“We will not comply with any order that violates the law,” the company's statement reads.",
                  "According to the criminal complaint, police found the messages on the girl's phone.",
                  "Vermont Sen. Bernie Sanders joins the race for the Democratic nomination.",
                  "A White House official confirms Biden plans to announce that every adult will be eligible.",
                  "After official sources called the race for Joe Biden, Trump accused the company of deleting votes.",
                  "The chief executives of Twitter and Google defended a law protecting internet companies.",
                  "The official apparel company of the NFL is launching an ad campaign around a player.",
                  "The results of the 2020 census were released on Thursday by the Census Bureau."):
        assert stands(whole), whole

def test_a_sentence_cut_inside_parentheses_does_not_stand_alone():
    for piece in ("The House Democrats, led by lead manager Jamie B. Raskin (D-Md.",
                  "1B and 1C), Bobcat Pit has produced several specimens of sauropods.",
                  "Except seven of those ten children all went to college by the age of twelve (so far!"):
        assert not can_stand_alone(Sentence(0, 1, 0, 0.0, piece), DEFAULTS), piece
    assert not can_stand_alone(Sentence(0, 1, 0, 0.0, "Charged with eight counts of permitting a minor to possess alcohol."), DEFAULTS)
    assert can_stand_alone(Sentence(0, 1, 0, 0.0, "Accused of fraud, the chief executive resigned on Monday."), DEFAULTS)
    assert not can_stand_alone(Sentence(0, 1, 0, 0.0, "In his case, that creativity includes an emphasis on organic farming."), DEFAULTS)
    assert not can_stand_alone(Sentence(0, 1, 0, 0.0, "So it is nice to have a cushion of money in the bank."), DEFAULTS)
    assert not can_stand_alone(Sentence(0, 1, 0, 0.0, "Tuesday night's debate provided another one of these moments, critics said."), DEFAULTS)
    whole = "The senator (D-Md.) led the House managers in the trial on Tuesday."
    assert can_stand_alone(Sentence(0, 1, 0, 0.0, "The plan cuts 1) taxes and 2) spending over the next ten years."), DEFAULTS)
    assert can_stand_alone(Sentence(0, 1, 0, 0.0, whole), DEFAULTS)


def test_a_headline_is_the_title_never_a_claim(encoder):
    """Every labelled dev headline, given as its document's title, is no candidate claim of the brief."""
    from summarize.pipeline import analyse

    rows = dev_rows()
    headlines = [(row, text) for row, text in labelled_sentences() if row["title"]]
    assert len(headlines) >= 10
    for cluster in sorted({row["cluster"] for row, _ in headlines})[:8]:
        documents = [Document(path=f"{cluster}/{i}", text=d["text"], title=d["title"] or None)
                     for i, d in enumerate(rows[cluster]["documents"])]
        analysis = analyse(documents, encoder=encoder)
        titles = {source.title for source in analysis.sources}
        assert not {analysis.sentences[i].text for i in analysis.order} & titles


def test_cleaning_keeps_clean_newswire():
    """DUC 2006 and NeuS texts carry little chrome: the cleaning must keep nearly all their words and
    drop no article."""
    total = kept = copies = 0
    lost = []
    for row in dev_rows().values():
        if row["set"] not in ("duc2006", "neus_val"):
            continue
        documents = [Document(path=f"{row['id']}/{i}", text=d["text"], title=d["title"] or None)
                     for i, d in enumerate(row["documents"])]
        for document in documents:
            total += count_words(document.text)
            kept += sum(line.words for line in clean_document(document).body)
        sources, skipped = ingest_report(documents)
        # A second copy of an article is listed as such and counted once: nothing of it is lost.
        lost += [s.path for s in skipped if not s.reason.startswith("the same article as")]
        copies += sum(1 for s in skipped if s.reason.startswith("the same article as"))
    print(f"cleaning kept {kept / total:.2%} of {total:,} newswire words; {len(lost)} articles lost; "
          f"{copies} copies of another article counted once")
    assert lost == []
    assert kept / total >= 0.995  # measured 99.53 % (2026-11-28); the goal


def test_one_outlet_only_is_rarely_wrong(encoder):
    """tests/data/dev_single_outlet.jsonl: claims the brief put under "reported by one outlet only" on dev
    clusters, each checked by hand against the other outlets' full articles. Of those the looser test
    still finds in no other outlet, few may be reported elsewhere after all."""
    from summarize.pipeline import analyse

    rows = dev_rows()
    labelled = [json.loads(line) for line in (DATA / "dev_single_outlet.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(labelled) >= 50
    judged = []
    for cluster in sorted({item["cluster"] for item in labelled}):
        documents = [Document(path=f"{cluster}/{i + 1}", text=d["text"], title=(d["title"] or "").strip() or None)
                     for i, d in enumerate(rows[cluster]["documents"])]
        analysis = analyse(documents, encoder=encoder)
        index_of = {s.text: s.index for s in analysis.sentences}
        for item in (i for i in labelled if i["cluster"] == cluster):
            text = dev_text(cluster, item)
            if text in index_of and len(analysis.reporters(index_of[text])) == 1:
                judged.append(item["reported_elsewhere"])
    wrong = sum(judged) / len(judged)
    print(f"'one outlet only' wrong in {sum(judged)} of {len(judged)} labelled claims ({wrong:.0%})")
    assert len(judged) >= 30
    # The goal is 5 %; measured 28 % on 2026-11-24, 19 % (10 of 53) on 2026-11-28 with prefix
    # roots, a wider margin for sentences with many words in common, and headlines: a guard against
    # getting worse while the looser test is improved.
    assert wrong <= 0.22


def _dev_brief(cluster: str, words: int, encoder):
    """The brief of one dev cluster at `words`, as `summarize eval` makes it (headlines as metadata)."""
    from summarize.evaluate import brief_at
    from summarize.pipeline import analyse

    documents = [Document(path=f"{cluster}/{i}", text=d["text"], title=d["title"] or None)
                 for i, d in enumerate(dev_rows()[cluster]["documents"])]
    return brief_at(analyse(documents, encoder=encoder), words)


def test_a_list_of_charges_becomes_claims_that_each_say_something_once(encoder):
    """A dev story whose outlets list each person charged line by line ("Charged with eight counts of …"
    under each name): no claim is said twice, and no edit leaves a name without its verb."""
    import re

    from summarize.rank import _VERB_CUE, outside_quotes

    brief = _dev_brief("multinews-val-sample-008", 297, encoder)
    said = [re.sub(r"\W+", " ", claim.text).strip().lower() for claim in brief.claims]
    assert len(said) == len(set(said)) > 5
    for claim in brief.claims:
        assert _VERB_CUE.search(outside_quotes(claim.text)), claim.text


def test_one_figure_is_one_claim_however_outlets_word_it(encoder):
    """NeuS dev roundup on the July jobs report: two outlets word "943,000 jobs … 5.4%" differently (cosine
    0.54); the brief printed both. Each figure is now stated once."""
    import re

    brief = _dev_brief("neus-val-41", 90, encoder)
    stating = [claim.text for claim in brief.claims if re.search(r"\b943,000\b", claim.text)]
    assert len(stating) == 1, stating


def test_two_dates_or_figures_in_common_are_one_claim(encoder):
    """Held-out sample K printed "Georgia's primary, originally scheduled for March 24, will now be held on May
    19." beside "Georgia on Saturday postponed its March 24 primary until May 19 …", each citing one outlet.
    Two calendar dates in common state one claim; one date in common does not."""
    from summarize.pipeline import analyse

    first = ("Georgia on Saturday postponed its March 24 primary until May 19 and paused in-person early voting. "
             "Election officials cited the spread of the coronavirus. Poll workers had asked for the delay.")
    second = ("Louisiana moved its election earlier this week. Georgia's primary, originally scheduled for March 24, "
              "will now be held on May 19. Turnout had been expected to be high in Atlanta.")
    third = ("Kentucky officials met on March 24 to discuss the spring vote. Voters in Georgia can still request "
             "absentee ballots. Georgia said on March 24 that it would mail ballot applications to every voter.")
    analysis = analyse([Document(path=f"{n}.txt", text=t) for n, t in enumerate((first, second, third), 1)],
                       encoder=encoder)
    index = {s.text: s.index for s in analysis.sentences}
    georgia = [index[t] for t in index if "May 19" in t]
    pairs = analysis.same_claims(sorted(index.values()))
    assert tuple(sorted(georgia)) in pairs
    one_date = [index[t] for t in index if t.startswith("Georgia said on March 24")]
    assert not any(one_date[0] in pair and georgia[0] in pair for pair in pairs)

    # Two uncommon numbers in common, whatever they count ("from 5,200 to 3,000", sample K), are one claim too.
    first = ("The U.S. is drawing down its military forces in Iraq from 5,200 to 3,000, the top commander in the "
             "Middle East said Wednesday. The decision follows talks with Baghdad.")
    second = ("Gen. Frank McKenzie said early Wednesday that the U.S. plans to cut the troop presence in Iraq from "
              "5,200 to 3,000 by the end of September. Iraqi officials welcomed it.")
    analysis = analyse([Document(path=f"{n}.txt", text=t) for n, t in enumerate((first, second), 1)], encoder=encoder)
    index = {s.text: s.index for s in analysis.sentences}
    iraq = tuple(sorted(index[t] for t in index if "5,200" in t))
    assert iraq in analysis.same_claims(sorted(index.values()))


def test_figures_that_round_alike_are_one_claim(encoder):
    """NeuS dev roundup on the small-business fund: one outlet's "$350 billion funding capacity" and
    another's "$349 billion lending limit" were printed as two claims, and "nearly 4.7 million" beside
    "4.69 million" background checks. A figure and its rounding state one claim; other figures do not."""
    import re

    from summarize.pipeline import _figures, _same_figure

    brief = _dev_brief("neus-val-59", 59, encoder)
    stating = [claim.text for claim in brief.claims if re.search(r"\$3[45]\d billion", claim.text)]
    assert len(stating) == 1, stating
    [four_point_seven] = _figures("There were nearly 4.7 million gun background checks in March.")
    [four_point_six_nine] = _figures("The 4.69 million checks is a 25% increase.")
    assert _same_figure(four_point_seven, four_point_six_nine)
    assert _figures("The U.S. has logged 40 million Covid-19 cases.") == {("40", "million")}
    assert not _same_figure(("350", "billion"), ("349", "million"))  # another scale
    assert not _same_figure(("157", "seats"), ("338", "seats"))
    assert not _same_figure(("200000", "arrests"), ("212000", "arrests"))  # 6 % apart: another count


def test_two_outlets_that_count_one_event_differently_are_shown_so(encoder):
    """Multi-News dev story on a Klan rally brawl: one outlet has 12 people arrested, another 13 in custody
    (the brief printed both as agreed). Each claim now says the other outlet reports it differently; the
    ages of two different people are never such a difference."""
    from summarize.pipeline import measures_differ

    brief = _dev_brief("multinews-val-sample-035", 250, encoder)
    arrests = [claim for claim in brief.claims if "12 people were arrested" in claim.text or "13 people are in custody" in claim.text]
    assert arrests and all(claim.contrasts_with for claim in arrests)
    assert not measures_differ("Pasztor smothered her two children, 7-year-old Liliana and 6-year-old Rene.",
                               "Pasztor also admitted to shooting her neighbor, 66-year-old Frank Macomber.", same_event=True)


def test_a_lede_that_states_the_headline_s_news_is_a_claim_the_headline_again_is_not(encoder):
    """Unseen NeuS roundups: a lede stating its headline's news with who said it and when was taken for the
    headline (cosine 0.91) and never printed; a sentence that only repeats a headline still is not a claim."""
    from summarize.pipeline import analyse

    lede = ("Former Democratic presidential contender Andrew Yang is joining CNN as a political commentator, "
            "the cable network said on Wednesday.")
    repeat = "Andrew Yang joins CNN as a political commentator, the network said."
    documents = [
        Document(path="a.txt", title="Andrew Yang joins CNN as a political commentator.",
                 text=lede + " Yang ended his campaign last week after finishing eighth in the New Hampshire primary."),
        Document(path="b.txt", title="Former presidential hopeful Yang joins CNN.",
                 text=repeat + " Yang will offer analysis of the Democratic debate on the network on Wednesday night."),
    ]
    analysis = analyse(documents, encoder=encoder)
    candidates = {analysis.sentences[i].text for i in analysis.candidates}
    assert lede in candidates
    assert repeat not in candidates


def test_when_no_sentence_stands_alone_one_that_lost_only_its_full_stop_is_taken_before_fragments(encoder):
    """Some feeds drop a text's last full stop or cut it mid-sentence; when that is all there is, the brief
    takes the whole statement, never the one cut off ("… has won the country's election for") or a question."""
    from summarize.pipeline import analyse

    whole = ("Brazil on Sunday became the latest country to drift toward the far right, electing a populist as "
             "president in the biggest political change since democracy was restored")
    documents = [Document(path="a.txt", text=whole),
                 Document(path="b.txt", text="He has vowed to get tough with China. Political foes?"),
                 Document(path="c.txt", text="Brazil's electoral court declared Sunday that congressman Jair "
                                             "Bolsonaro has won the country's election for")]
    analysis = analyse(documents, encoder=encoder)
    assert [analysis.sentences[i].text for i in analysis.candidates] == [whole]
