"""The brief's heading names the story: the headline the outlets share, where one states it without framing;
else the names most sources mention (tests/test_edit.py)."""

import pytest

from summarize.title import _states_the_story, neutral_title, story_headline
from summarize.types import Document

from .conftest import dev_rows


def _heading(cluster: str, encoder) -> str:
    from summarize.pipeline import analyse

    documents = [Document(path=f"{cluster}/{i}", text=d["text"], title=d["title"] or None)
                 for i, d in enumerate(dev_rows()[cluster]["documents"])]
    analysis = analyse(documents, encoder=encoder)
    headline = story_headline(analysis.sources, analysis.titles, analysis.sentences, analysis.vectors)
    return neutral_title(analysis.sources, headline=headline)


@pytest.mark.parametrize("cluster, heading", [
    # Three outlets headline the ruling alike; the closest of them to the others names the story.
    ("neus-val-43", "US appeals court lets Texas resume ban on most abortions: what 3 sources report"),
    # "claims" is a loaded reporting verb: the outlet that writes "says" gives the heading.
    ("neus-val-14", "U.S. workers without protective gear assisted coronavirus evacuees, HHS whistleblower says: "
                    "what 3 sources report"),
    # "Texas" is the one word the others do not print (they say "outside Houston"); "Blasts … Flooded by
    # Harvey" has two, and "2 explosions, black smoke …" is farther from the others.
    ("neus-val-48", "Explosions at flooded Texas chemical plant: what 3 sources report"),
])
def test_a_headline_the_outlets_share_names_the_story(cluster, heading, encoder):
    assert _heading(cluster, encoder) == heading


@pytest.mark.parametrize("cluster", [
    "D0612C",  # 25 DUC articles are a topic over weeks: "Autism Study Sparks Concern" is one of them
    "neus-val-0",   # "panic mode", "fever pitch", "The evidence doesn't back …": each its outlet's verdict
    "neus-val-17",  # a label, a kicker and a quotation: "US election 2020: …", "High anxiety: …", "… ‘tear down …’"
    "neus-val-13",  # "Democrats shut down the Senate." / "McConnell blocks House bills …": each side's account
    "neus-val-44",  # "6 Takeaways …", "Blood on his hands: … slam Trump …", "'Punitive' Warren takes heat …"
])
def test_framed_or_diverging_headlines_leave_the_names(cluster, encoder):
    heading = _heading(cluster, encoder)
    headlines = {(d["title"] or "").strip().rstrip(".") for d in dev_rows()[cluster]["documents"]}
    assert heading.endswith(" sources report")
    assert not any(h and heading.startswith(h) for h in headlines), heading


def test_only_a_statement_of_news_in_neutral_words_can_be_a_heading():
    for news in ("Former Colorado Gov. John Hickenlooper joins 2020 presidential race",  # an abbreviation, no break
                 "U.S. hits 40 million Covid cases as delta variant spreads",
                 "Supreme Court rules against California law targeting anti-abortion pregnancy centers",
                 "Democrats' plan passes the House",  # a plural possessive is no quotation
                 "U.S. to begin evacuating Afghan helpers this month"):
        assert _states_the_story(news), news
    for shape in ("Should The WHO Face Consequences Over COVID-19? We Asked Their Health Tech Expert",
                  "Trump 'thinking about' lifting Jones Act to help Puerto Rico",
                  "Report: Biden Staff Diversity Only 35%",
                  "6 Takeaways From the October Democratic Debate",
                  "Five things to watch for at Trump-Clinton debate",
                  "3 key moments in Ted Cruz and Beto O’Rourke’s final Senate debate",
                  "How Roy Moore Could Actually Win Alabama’s Republican Senate Primary",
                  "In victory for Trump, Supreme Court dismisses travel ban case",
                  "In shift, Trump administration backs judge’s ruling that would kill Obamacare",
                  "I want your vote to become your next president",
                  "There’s a Very Trumpian Law Inhibiting Puerto Rico’s Recovery. Trump Says He Doesn’t Want to Waive It",
                  "Biden administration tells Supreme Court Obamacare is constitutional, should be saved",  # a verdict
                  "Warren slams Biden over debate remarks",  # a headline's verbs of attack
                  "South Korea trashes CNN report on Kim Jong-un",
                  "Donald Trump and China sign historic first phase of new trade deal",  # a verdict another outlet disputes
                  "Draft Report Of Arizona Sham Audit Confirms Biden Win",  # a lexicon term, in title case too
                  "Trump Puts Bipartisan Infrastructure Deal On Hold Until Congress Passes This Bill",  # a teaser
                  "KANSAS SCHOOLS FACE BALANCING OF EVOLUTION AND CREATIONISM",  # capitals: no case to print
                  "`Star Wars' To Premier at Midnight",  # a quotation in wire quotes
                  "Senate votes"):  # too short to state a story
        assert not _states_the_story(shape), shape


def test_one_source_has_no_shared_headline(encoder):
    from summarize.pipeline import analyse

    text = ("The council approved the harbour budget on Monday after a long debate. Fishing crews welcomed the "
            "decision. The mayor said work would start in spring.")
    analysis = analyse([Document(path="a.txt", text=text, title="Council approves harbour budget")], encoder=encoder)
    assert story_headline(analysis.sources, analysis.titles, analysis.sentences, analysis.vectors) is None


def test_a_headline_whose_figure_two_others_give_otherwise_is_no_heading(encoder):
    """Held-out sample N headed a brief "White House announces $11.6 billion aid for Puerto Rico" while two outlets
    headlined $13 billion (the $11.6 billion was the federal share)."""
    from summarize.pipeline import analyse

    lead = ("The White House on Friday announced {} in aid for Puerto Rico, three years after Hurricane Maria. "
            "The money will help rebuild the island's electrical grid and its schools, officials said.")
    documents = [Document(path="a.txt", text=lead.format("a $13 billion package"), title="White House announces $13B aid package for Puerto Rico"),
                 Document(path="b.txt", text=lead.format("$13 billion"), title="Trump administration announces $13 billion in aid to Puerto Rico"),
                 Document(path="c.txt", text=lead.format("an $11.6 billion package"), title="White House announces $11.6 billion aid for Puerto Rico")]
    analysis = analyse(documents, encoder=encoder)
    heading = story_headline(analysis.sources, analysis.titles, analysis.sentences, analysis.vectors)
    assert heading is not None and "11.6" not in heading, heading
