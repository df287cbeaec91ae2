"""Centrality across sources: agreement between outlets ranks, one outlet's aside or echo does not."""

import numpy as np
from scipy import sparse

import summarize
from summarize.config import DEFAULTS
from summarize.rank import centrality, fill_budget, mmr_order, similarity_graph
from summarize.types import Document

AGREED = "The central bank raised its main interest rate by half a percentage point on Tuesday."
ASIDE = "The governor wore a bright red tie that several viewers found distracting during the broadcast."
ECHOES = [
    "A local bakery near the bank sold out of its famous cinnamon rolls by noon on Tuesday.",
    "The bakery beside the central bank had no cinnamon rolls left by midday Tuesday.",
    "By noon the bakery across from the bank had sold every cinnamon roll it baked.",
]
OUTLETS = {
    "daily.txt": [
        AGREED,
        "Inflation has stayed above the bank's target for most of the past two years.",
        ASIDE,
        "Economists had expected a smaller increase of a quarter point.",
    ],
    "herald.txt": [
        "On Tuesday the central bank lifted its benchmark interest rate by half a percentage point.",
        "Mortgage lenders said they would pass the increase on to borrowers within days.",
        "The decision was taken unanimously by the nine members of the rate committee.",
    ],
    "courier.txt": [
        "The central bank increased its key interest rate by half a point on Tuesday, its largest move in a decade.",
        "Retail groups warned that higher borrowing costs would weigh on spending before the holidays.",
        "The currency rose against the dollar after the announcement.",
    ],
    "gazette.txt": ECHOES + ["Shares of regional lenders rose after the rate announcement on Tuesday."],
}


def documents():
    return [Document(path=name, text="\n\n".join(lines)) for name, lines in OUTLETS.items()]


def test_fact_three_outlets_report_outranks_one_outlets_aside_and_echo(encoder):
    analysis = summarize.analyse(documents(), encoder=encoder)
    score = {s.text: analysis.scores[s.index] for s in analysis.sentences}
    assert score[AGREED] > score[ASIDE]
    assert score[AGREED] > max(score[echo] for echo in ECHOES)  # one outlet repeating itself does not vote


def test_brief_leads_with_the_agreed_fact_citing_all_three_outlets(encoder):
    [top] = summarize.brief(documents(), sentences=1, encoder=encoder).claims
    assert "interest rate" in top.text and "half a" in top.text
    assert top.sources == (1, 2, 3)
    assert {evidence.source for evidence in top.evidence} == {1, 2, 3}


def test_centrality_is_the_stationary_distribution_of_the_damped_walk():
    rng = np.random.default_rng(0)
    weights = rng.random((6, 6))
    weights = (weights + weights.T) / 2
    np.fill_diagonal(weights, 0)
    weights[weights < 0.3] = 0
    scores = centrality(sparse.csr_matrix(weights), damping=0.85)
    # Reference: the leading eigenvector of the dense matrix of the same walk: move along an edge with
    # probability weight / largest degree, else teleport uniformly.
    degree = weights.sum(axis=1)
    transition = weights / degree.max() + (1 - degree / degree.max())[:, None] / 6
    google = 0.85 * transition + 0.15 / 6
    values, vectors = np.linalg.eig(google.T)
    reference = np.real(vectors[:, np.argmax(np.real(values))])
    assert np.allclose(scores, reference / reference.sum(), atol=1e-8)


def test_graph_weighs_cross_source_edges_and_drops_same_source_copies():
    vectors = np.array([[1.0, 0.0], [1.0, 0.0], [0.8, 0.6], [0.0, 1.0]])
    sources = np.array([1, 1, 2, 3])
    graph = similarity_graph(vectors, sources, DEFAULTS).toarray()
    assert graph[0, 1] == 0  # a copy inside one source
    assert np.isclose(graph[0, 2], DEFAULTS.cross_source_weight * 0.8)
    assert graph[0, 3] == 0  # below the edge threshold
    assert np.allclose(graph, graph.T)


def test_mmr_never_picks_a_near_repeat():
    vectors = np.array([[1.0, 0.0], [0.99, 0.141], [0.0, 1.0]])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    order = mmr_order([0, 1, 2], vectors, np.array([3.0, 2.9, 1.0]), DEFAULTS)
    assert order == [0, 2]


def test_budget_takes_sentences_in_order_and_skips_ones_that_overflow():
    sizes = {0: 30, 1: 50, 2: 20, 3: 10}
    assert fill_budget([0, 1, 2, 3], sizes, words=60, sentences=None, min_size=8) == [0, 2, 3]
    assert fill_budget([0, 1, 2, 3], sizes, words=None, sentences=2) == [0, 1]


def _sentence(text):
    from summarize.types import Sentence

    return Sentence(index=0, source_id=1, paragraph=0, position=0.0, text=text)


def test_only_sentences_that_stand_alone_are_candidates():
    from summarize.rank import can_stand_alone

    ok = [
        "Blinken said he raised the issue of military communications “repeatedly” but was rebuffed by the Chinese.",
        # Near misses of the back-reference rules: a name, a noun phrase, a reason with its main clause.
        "The agency on Wednesday announced that Bill Wehrum, head of the air office, will leave in June.",
        "Police said that law enforcement officers arrived at the scene shortly after noon.",
        "Because of the storm, the game between the two teams was delayed on Sunday night.",
        "During his two-day visit, Blinken met with Xi Jinping, Wang Yi and Qin Gang in Beijing.",
        "“He did a hell of a job,” Biden said when reporters asked about Blinken’s trip.",
        # A numeral, a mine, a quotation that names its speaker, "each year", generic "both sides".
        "The pes consists of an astragalus and metatarsals I to V, found near the river in 2011.",
        "Last November, most of the mine was shut down by its new private owners.",
        "Seth said “my friends have told me that they know people who are less socially able.”",
        "Each year, frustrated parents struggle to install about 70 models of child car seats.",
        "Both sides in the controversy estimate that 2,000 children have taken the drug.",
        "Most residents here are descendants of slaves who once worked the plantations in the area.",
        "Some athletes suffered such side-effects as deeper voices, serious acne and excessive hair growth.",
        # Places the sentence lists itself (near misses of "in those states").
        "Michigan, Wisconsin and Pennsylvania had voted for Democrats until 2012, when Trump won in those states.",
        "Arizona and Wisconsin certified Joe Biden as winning those states on Monday.",
        # Near misses: "Or…", "Nor…" and "Watch…" beginning a word.
        "Oregon and Norway signed the agreement, and watchdog groups said it would hold.",
        "Watchdog groups said the sameness of the plans was deliberate.",
        # The word the sentence quotes itself (near miss of "this word").
        "Democrats avoided calling the document an “impeachment resolution,” perhaps out of concern for how that label would play.",
        "The U.S. is having one of its worst weeks of the pandemic, but despite that, few states plan new rules.",
        "New security footage showed just how close the rioters came to the senators on Wednesday.",
        "The decision to close the plant was announced on Monday by the company's chief executive.",
        "The network of tunnels was flooded after the storm, officials in Hanoi said.",
        "Three other states are establishing sites where motorists can get trained.",
        "Trump denies all of the allegations against him, the White House said.",
        "Hundreds of economic protests, some of them violent, have erupted across China in recent years.",
        "The law firm representing the family said it would appeal the ruling on Monday.",
        # A lead-in that is a clause or names someone may hold the pronoun's antecedent; "it is hard to" none.
        "If the EPA agrees, it could fine Vail up to $27,500 a day for the violations.",
        "After all, Selznick was notoriously demanding and infamous for his short temper on the set.",
        "After all the votes were counted, he was declared the winner by 312 votes.",
        "The Bible taught that man was given dominion over the creatures of the Earth.",
        # A quotation with its named speaker is an attributed claim (Multi-News references quote them).
        "“Yes, I will run for the United States Senate in 2020,” Moore said.",
        "\"We were not prepared for what we saw,\" said Shafer.",
        "Sen. Susan Collins said that change is needed in how the agency handles complaints.",
        "The donors contributed to the campaign of the senator in 2016.",
        "While President Clinton signed the agreement, he has not sought its ratification.",
        "Despite the protests, it is difficult to argue against what appears to be progress.",
        "“I appeal for courage,” Annan said in the letter read on his behalf by his deputy.",
        # A quotation closed in the wire's style, or one that runs on after its speaker is named.
        "\"I think we're socially enabled, actually,'' Heath said of being the youngest in the group.",
        "Us Weekly spoke to a producer who said: 'Kim's mapping out 2012, including the holidays.",
        # The sentence names whom it speaks of, or its opening is no pointer back.
        "The 20-year-old high jumper Juana Rosario Arrendel was stripped of the Pan Am gold medal.",
        "The reporter Nikole Hannah-Jones declined the offer on Tuesday.",
        "The payment of $600 a week expires on Friday.",
        "At the time of the party, Polansky was on the lease at 51 Baxter Road, according to the warrant.",
        "At least 144 people were reported killed Monday, including 64 at a checkpoint in Homs.",
        "President Trump leaves for a five-nation tour of Asia on Nov. 3, the White House said.",
        "Readers can email questions to tips@example.com, the paper said in a notice on Monday.",
        "Dick Kurtenbach, director of the ACLU of Kansas, said his group had recruited a lawyer.",
        "Prodigy reunited with Havoc for a new Mobb Deep song, \"Dog Shit,\" in 2016.",
    ]
    not_ok = [
        # Unseen NeuS roundups: which law, which goal, which question, whose photos?
        "A lower appeals court had struck down that law as an infringement on abortion rights.",
        "The goal is to get to herd immunity, which is when enough people have immunity to stop the spread.",
        "One answer lies in herd immunity, the point when enough people are immune to the virus.",
        "In large part because natural immunity from prior infection is far more common than can be measured.",
        "The country has been a top trading partner with the U.S. for years.",
        "For Veterans Day, here are some historical photos of Americans who served coming home.",
        # A local news site's teasers, cut off mid-word or mid-clause (a Multi-News dev page).
        "The fire broke out around 11:30 p.m., as a two story row home in Hunting Park burned, the chief says flam...",
        "If they find him, they will return the animal to the owner, who has been fined by the court …",
        # Unseen NeuS roundups: which tweet, which story, who is the self-proclaimed liberal?
        "The tweet was one of three sent from the president's account, along with \"LIBERATE MICHIGAN!\"",
        "The story mentioned that the White House was looking into misinformation sent by text message.",
        "The self-proclaimed “gay Hollywood liberal” was sitting next to former President George W. Bush.",
        # Held-out sample P: others than whom, which region, which states, which reversal, which comments?
        "Others tended to the letters, flowers and signs grouped together in a square in downtown Louisville.",
        "The region has been a flashpoint for years and tensions there remain high.",
        "Mr. Trump hasn’t conceded the race and has contested the outcome in those states.",
        "The striking reversal came hours after a violent mob of the president's supporters stormed the U.S. Capitol.",
        "Donald Trump’s comments came in tweets posted Tuesday night.",
        "A source familiar with the discussions said this recommendation could come as soon as this week.",
        # Held-out sample Q: which events, what "it" is, after what, how much money.
        "The events unfolded in the town of Qamishli.",
        "If authorized for use, it would be a groundbreaking treatment.",
        "A decision from the U.S. Food and Drug Administration could come within weeks after that.",
        "On Tuesday, the company announced just how much money the shot is generating.",
        # Held-out sample R: which word; an alternative to what; similar to what; an order to the reader.
        "The president, of all people, knows the dark connotations of this word.",
        "Or the social media company was trying to squelch the impending news.",
        "A similar approach state-wide could rescue as many as 1.5 million people from the drug war's long shadow.",
        "Watch McConnell when he opens the Senate floor.",
        # Held-out sample S: a pointer to a text, a disclaimer, a hook, which stance.
        "The White House released the following statement by President Donald Trump on Saudi Arabia.",
        "The opinions expressed in these commentaries are those of the authors.",
        "Americans have a clear message to Washington as the government hurtles toward a shutdown: Don't.",
        "Chuck Schumer called that stance a “temper tantrum.”",
        "Mitch McConnell said something very odd Tuesday in an interview with Fox News Channel.",
        # Held-out sample T: which speech, which outcome, which authors, later than what.
        "The speech set a goal for Americans to be able to gather in small groups by the Fourth of July.",
        "The outcome could lead to renewed efforts by House Democrats to compel testimony.",
        "The authors discussed the strategy in a meeting with two top White House officials last week.",
        "Hours later, Defense Secretary Mark Esper said the Pentagon would offer some support.",
        "He even called for Blinken to contribute more positively to stabilizing China-US relations.",
        "What caught global attention though was his meeting with Chinese President Xi Jinping to wrap up his visit.",
        "Progress does not come from just one meeting with the Chinese side, he said.",
        "The two sat down at a long table with aides, nearly all wearing surgical masks.",
        "“It is to restore a sense of frankness and honesty and credibility on both sides.”",
        "William Mauldin and Keith Zhai at The Wall Street Journal described the main outcomes of the visit:",
        "How far will the US go to mend relations with China after this long visit?",
        "China-U.S. relations are highly complex.",
        "Pressure from China to stop “suppressing” the country’s tech expansion.",
        "Beyond that, the discussions yielded few specific takeaways for either side.",
        "Which is a good thing for ``Star Wars'' creator George Lucas, who owns the merchandising rights.",
        # The writer's own voice (a column, a letter), or a quotation cut from its speaker.
        "Later today, I got to thinking about relationships.",
        "My shopping technique, wherever I've lived, is to find the poorest neighborhood.",
        "Every time I met him he was the nicest guy and he was at the top of his game.",
        "Read on for the backstage reactions of Jon Cryer, Claire Danes and Louis C.K. from the show.",
        "Here are some of the hottest gifts on the Gen-X hit list this holiday season.",
        # A pronoun subject after a short lead-in: its antecedent is in the sentence before.
        "At 9.3 million new positions, it was far more than the 8.3 million economists had predicted.",
        "In 2012, he was affiliated with Russia Life News and later with a station in Kyiv.",
        "After all, he faced allegations that he initiated unwanted sexual contact with teenage girls.",
        "“Yes, I will run for the United States Senate in 2020,” he said.",
        "Researchers believe this change could help explain why osteoarthritis is rarely seen in Africa.",
        "Ms. Vickery's mother, a homemaker, tried that approach.",
        # The reporters' credit line (8 dev candidates).
        "Associated Press writer Jill Colvin in Washington contributed to this report.",
        "The lack of such approval violates a federal law, the Indian Gaming Regulatory Act of 1988.",
        "Two such reports were already submitted by the panel in 1990 and 1995.",
        "The move is an escalation of the Trump administration's legal battle against the health care law.",
        "The report was greeted skeptically by critics of global warming science.",
        # People or things the sentence before named.
        "Each actresses earned $13 million between May 2010 and May 2011.",
        "Both athletes tested positive for Nandrolone, a muscle-building steroid.",
        "Neither was the good reverend, most likely, groovy.",
        "The three, who were wearing fake suicide vests, were shot dead during the attack.",
        "Three others were sentenced to jail terms totaling 24 years.",
        # Which newspaper, which warnings? (held-out sample E; "The magazine claims …" in 3 dev candidates)
        "The newspaper, citing people familiar with the matter, reported that a second network was warned.",
        "The magazine claims that Kardashian is fed up with Humphries’ partying.",
        "Biden issued those warnings while offering to cooperate on climate change.",
        "One of them had critical injuries, police spokesperson Genae Cook said.",
        "The resolution will give Democrats control of Senate committees after two weeks of talks.",
        "The bill would set up five centers for autism research around the country.",
        # A quotation that runs on into the next sentence, where its speaker is named.
        "\"We know there is misinformation and even outright hoax content on Facebook.",
        "“The president has never asked Mr. Comey or anyone else to end an investigation.",
        "``There are international rules regarding athletes who have had positive dope tests.",
        # A time relative to what the sentence before told; a tribe, a company, defendants it named.
        "Moments later, the Hummer pulls to the side of the road and the driver of the SUV speeds away.",
        "Below that, the team found the first layers that were used to construct the mound.",
        "At the time, the group also found itself caught up in the era's lethal East Coast rivalry.",
        "The tribe is determined not to let that happen again, its chairman said on Monday.",
        "The payment has been a financial lifeline for more than 20 million out-of-work Americans.",
        "The reporter would have been named chairwoman in race and investigative journalism at the school.",
        "The five other defendants have not made any statements to the police about the case.",
        "The 12-year-old from suburban St. Louis was the second homeschooler to win the spelling bee.",
        "The man was arrested in New York on Monday after a chase through three boroughs.",
        "Late Monday night, CNN, a news network based in Atlanta, published a story titled “U.S.",
        # Photo captions, social-media text, the page about itself, a teaser whose payoff comes next.
        "A Ku Klux Klansman, left, uses an American flag to fend off angry counter protesters on Saturday.",
        "A child looks at the floral tributes after a vigil at Potter's Field Park in London, Monday, June 5, 2017.",
        "RT @ComplexMusic: Prodigy of Mobb Deep has passed away at age 42.",
        "Below is the full text of Eichmann's letter to Ben-Zvi, provided by the president's office.",
        "The status of the children is unclear, though Denver7 will update this story as information comes in.",
        "The following is a primer on what a second impeachment proceeding of Trump would look like.",
        "Banks had a message for the gangs in her neighborhood.",
        "A Ukrainian journalist who has a reputation of being a fucking weirdo was dragged off a red carpet.",
    ]
    assert [can_stand_alone(_sentence(t), DEFAULTS) for t in ok] == [True] * len(ok)
    assert [can_stand_alone(_sentence(t), DEFAULTS) for t in not_ok] == [False] * len(not_ok)


def test_above_the_size_threshold_each_sentence_keeps_only_its_strongest_edges():
    from dataclasses import replace

    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(300, 16)).astype(np.float32) + 2.0  # all fairly close: a dense graph
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    sources = np.arange(300)  # every sentence its own outlet: no same-source copy is dropped
    dense = similarity_graph(vectors, sources, DEFAULTS)
    capped = similarity_graph(vectors, sources, replace(DEFAULTS, sparse_graph_above=100, graph_neighbours=7))
    assert dense.getnnz(axis=1).min() > 100
    assert capped.getnnz(axis=1).max() <= 7
    cosines = vectors @ vectors.T
    np.fill_diagonal(cosines, -1)
    for row in (0, 123, 299):  # the kept neighbours are the 7 closest
        assert set(capped[row].indices) == set(np.argsort(-cosines[row])[:7])


def test_a_large_input_embeds_only_its_most_central_sentences_and_still_briefs(encoder, monkeypatch):
    """Two stages above `two_stage_above` sentences: TF-IDF LexRank over every sentence, MiniLM for the most central."""
    from dataclasses import replace

    from summarize.pipeline import analyse

    from .conftest import SEEDS

    asked = []
    original = encoder.encode
    monkeypatch.setattr(encoder, "encode", lambda texts: asked.append(len(texts)) or original(texts))
    settings = replace(DEFAULTS, two_stage_above=200, embed_limit=120)
    analysis = analyse([SEEDS], settings=settings, encoder=encoder)
    assert len(analysis.sentences) > 200 and asked[0] == 120 + len(analysis.titles)
    embedded = np.flatnonzero(np.abs(analysis.vectors).sum(axis=1))
    assert len(embedded) == 120 and set(analysis.candidates) <= set(embedded.tolist())
    brief = summarize.compose(analysis, summarize.select(analysis, words=120))
    assert brief.claims and all(claim.sources for claim in brief.claims)


def test_words_a_claim_leaves_unused_go_to_further_claims(encoder):
    """Realising may print a shorter wording or leave a claim out: with `refill`, the brief still fills its
    budget with further verified claims, none repeating another."""
    from summarize.pipeline import analyse, compose
    from summarize.verify import citation_scores

    from .conftest import SEEDS

    analysis = analyse([SEEDS], encoder=encoder)
    first = analysis.ranked[0]
    budget = 150
    alone = compose(analysis, [first], words=budget)
    filled = compose(analysis, [first], words=budget, refill=True)
    assert len(alone.claims) == 1
    assert len(filled.claims) > 2 and alone.claims[0] in filled.claims
    assert budget - analysis.settings.min_sentence_words < filled.stats.words <= budget
    texts = [claim.text for claim in filled.claims]
    vectors = encoder.encode(texts)
    close = vectors @ vectors.T - np.eye(len(texts))
    assert close.max() < analysis.settings.redundancy + 0.1  # nothing said twice
    assert citation_scores(filled, analysis)[0] == 1.0


def test_a_sentence_whose_speaker_the_next_one_names_is_no_claim_of_the_outlet():
    """"Facebook is a national security risk … — and lawmakers had better do something about it, fast." was
    printed "According to one outlet, …"; the next sentence says it was the whistleblower's plea."""
    from summarize.rank import speaker_named_after

    assert speaker_named_after("That was the urgent plea from whistleblower Frances Haugen, who testified on Tuesday.")
    assert speaker_named_after("So said the mayor on Monday.")
    assert speaker_named_after("That’s according to Gallup’s annual poll, released on Tuesday.")  # held-out sample G
    assert not speaker_named_after("That was the first time the senator had spoken about the case.")
    assert not speaker_named_after("This is a moment of truth for the network, a professor said.")
