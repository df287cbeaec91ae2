"""Selection: the sentences covering the most agreed-on concepts, exactly, within the budget; the two
attribution questions decide where a claim goes."""

from dataclasses import replace

import summarize
from summarize.concepts import bigrams, concept_weights
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


def test_selection_fills_the_budget_with_whole_agreed_sentences(encoder):
    analysis = analyse(documents(), encoder=encoder)
    chosen = select(analysis, 60)
    words = sum(analysis.sentences[i].words for i in chosen)
    assert 0.9 * 60 <= words <= 60
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
        "b.txt": "Two days of downpours left the Port Ellis highway under water, and authorities shut it on Monday. "
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
    assert cited_outlets(unnamed) == "the outlets cited"
    assert cited_outlets(unnamed[:1]) == "one outlet"


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
