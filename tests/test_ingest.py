"""Cleaning: page chrome goes, every real body paragraph stays."""

import pytest

from summarize.errors import InputError
from summarize.ingest import clean_document, ingest, ingest_report, read_inputs
from summarize.types import Document

from .conftest import SEEDS

# For each seed: body paragraphs kept (counted by hand), its headline, lines that must be gone and
# body text that must stay.
SEED_CASES = {
    "000_a383e53254749a87.txt": (
        17,
        "Blinken’s China Trip Yields Little Improvement in Sino-US Relations",
        ["Share on facebook", "Share on email", "Search past entries by date", "James Newman, Former U.S. Navy",
         "SinoInsider’s research has helped me", "Liu Cheng-chuan, Professor Emeritus", "No détente"],
        ["The optics of Blinken’s trip looked bad", "increase the probability of Black Swan events."],
    ),
    "001_2e7a73a279583f4b.txt": (
        25,
        "Blinken’s Beijing Visit Brings Modest Progress on Stabilizing U.S.-China Ties",
        ["Subscribe to CDT", "Browsers Unbounded by Lantern", "Google Ads 1", "Open popup", "Welcome back!",
         "we need your support", "combat internet censorship", "[Source]", "[…]"],
        ["William Mauldin and Keith Zhai at The Wall Street Journal described the main outcomes",
         "the scenes tell a different story", "that doesn’t make any sense."],
    ),
    "002_8d114bde004bb24c.txt": (
        24,
        "“Limited Progress” From Xi-Blinken Talks",
        ["AP Images", "Article audio sponsored by The John Birch Society"],
        ["paid a much-anticipated visit to Beijing", "hailing Gates as his “old friend.”"],
    ),
    "003_12d5d2a4d50eaa6f.txt": (
        28,
        "Blinken’s China Trip Yields Best Possible Result: More Talks",
        ["(Bloomberg) —", "With assistance from", "Updates with statement", "More stories like this",
         "©2023 Bloomberg", "Economic Woes"],
        ["got a muted reception when he arrived in Beijing", "the attempt to achieve advantage.”"],
    ),
    "004_19c098dd64e60d83.txt": (
        33,  # with a news paragraph that carried a photo credit, and a subheading that is a sentence
        "US-China: the Xi-Blinken meeting in Beijing",
        ["Getting your Trinity Audio player ready", "(Photo by Kevin Dietsch", "Source: Leah MILLIS",
         "Xi and Biden at Bali", "20 June 2023", "What did Xi and Blinken discuss?"],
        ["The status of Taiwan, the de facto independent island", "Human rights.",
         "strengthened military cooperation with other countries across Asia."],
    ),
}


@pytest.mark.parametrize("name", sorted(SEED_CASES))
def test_seed_is_cleaned_and_body_kept(name):
    paragraphs, headline, gone, kept = SEED_CASES[name]
    [source] = ingest(read_inputs([SEEDS / name]))
    body = source.text
    assert len(source.paragraphs) == paragraphs
    assert source.title == headline
    for chrome in gone:
        assert chrome not in body, chrome
    for text in kept:
        assert text in body, text


def test_each_paragraph_appears_once():
    for source in ingest(read_inputs([SEEDS])):
        assert len(set(source.paragraphs)) == len(source.paragraphs)


def test_outlet_from_wire_dateline_else_file_name(tmp_path):
    """Without metadata, an outlet is named only from its own chrome (a dateline, a copyright line)."""
    for name in ("000_a383e53254749a87.txt", "003_12d5d2a4d50eaa6f.txt"):
        (tmp_path / name).write_bytes((SEEDS / name).read_bytes())
    names = [source.name for source in ingest(read_inputs([tmp_path]))]
    assert names[1] == "Bloomberg"  # "(Bloomberg) — Secretary of State …"
    assert names[0] == "000_a383e53254749a87"  # SinoInsider is named in its text, but not as its publisher line


def test_a_wire_dateline_with_a_region_is_chrome_too():
    """Held-out sample J printed "According to Source 2, SAN JUAN, Puerto Rico — Waving flags …"."""
    from summarize.types import Document

    [source] = ingest([Document(path="x", text="SAN JUAN, Puerto Rico (AP) — Waving flags, thousands marched on Monday. "
                                                "The protest was peaceful.")])
    assert source.name == "AP" and source.text.startswith("Waving flags, thousands marched on Monday.")
    # A place in title case before the outlet (sample L printed "Washington - Dr. Anthony Fauci …").
    [source] = ingest([Document(path="x", text="Washington (CNN) - Dr. Anthony Fauci told lawmakers on Tuesday that "
                                                "testing would grow. He spoke for an hour.")])
    assert source.name == "CNN" and source.text.startswith("Dr. Anthony Fauci told lawmakers")


def test_seeds_ship_their_outlets():
    names = [source.name for source in ingest(read_inputs([SEEDS]))]
    assert names == ["SinoInsider", "China Digital Times", "The New American", "Bloomberg", "Tech Wire Asia"]


GENERIC_PAGE = """Share this article
Tweet
Storm Closes Harbour as Fishing Fleet Stays in Port

WELLINGTON (Reuters) - A storm closed the main harbour on Tuesday, and the fishing fleet stayed in port for a third day.

A storm closed the main harbour on Tuesday, and the fishing fleet stayed in port for a third day.

Advertisement

Harbour master Jane Roe said the port would reopen once wind speeds fell below forty knots.
Photo: John Doe/Reuters
Sign up for our morning newsletter
The fleet lost an estimated two million dollars in catch during the closure, the industry association said.
Staff writer Ann Lee in Auckland contributed to this report.

Related articles
Copyright 2024 Example News. All rights reserved.
"""


def test_general_rules_clean_a_page_they_have_never_seen():
    cleaned = clean_document(Document(path="page.txt", text=GENERIC_PAGE))
    body = [line.text for line in cleaned.body]
    assert cleaned.title == "Storm Closes Harbour as Fishing Fleet Stays in Port"
    assert cleaned.outlet == "Reuters"
    assert body == [
        "A storm closed the main harbour on Tuesday, and the fishing fleet stayed in port for a third day.",
        "Harbour master Jane Roe said the port would reopen once wind speeds fell below forty knots.",
        "The fleet lost an estimated two million dollars in catch during the closure, the industry association said.",
    ]


def test_testimonial_block_is_removed_but_a_quoted_paragraph_is_kept():
    text = "\n".join([
        "Town Council Approves New Bridge",
        "The town council approved a new bridge over the river on Monday after two years of debate.",
        "“We have waited a long time for this bridge and the whole town is relieved.”",
        "The mayor said construction would start in the spring.",
        "“Best local news anywhere. I read it every day.”",
        "Anna Smith, Teacher, Springfield",
        "“Indispensable reporting on our council.”",
        "Bob Jones, Retired Engineer, Shelbyville",
    ])
    body = [line.text for line in clean_document(Document(path="t.txt", text=text)).body]
    assert "“We have waited a long time for this bridge and the whole town is relieved.”" in body
    assert not any("Best local news" in line or "Bob Jones" in line for line in body)


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = (
        "Officials from both countries met in Geneva on Thursday to discuss the\n"
        "terms of a new trade agreement that would lower tariffs on farm goods\n"
        "and machinery, according to a statement released after the meeting.\n"
    )
    [line] = clean_document(Document(path="w.txt", text="Trade Talks Resume in Geneva\n\n" + wrapped)).body
    assert line.text.startswith("Officials from both countries") and line.text.endswith("after the meeting.")


def test_html_is_reduced_to_article_text(tmp_path):
    page = tmp_path / "story.html"
    page.write_text(
        "<html><head><title>Bridge Approved</title></head><body><nav>Home | World | Sport</nav>"
        "<article><h1>Town Council Approves New Bridge</h1>"
        "<p>The town council approved a new bridge over the river on Monday after two years of debate.</p>"
        "<p>The mayor said construction would start in the spring and finish within eighteen months.</p>"
        "</article><footer>Copyright 2024 Example News</footer></body></html>",
        encoding="utf-8",
    )
    [source] = ingest(read_inputs([page]))
    assert "The town council approved a new bridge" in source.text
    assert "Home | World" not in source.text
    assert "Copyright" not in source.text


def test_folder_reads_text_files_in_name_order(tmp_path):
    (tmp_path / "b.txt").write_text("Second story about the bridge and the council vote on Monday.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First story about the bridge and the council vote on Monday.", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    assert [d.path for d in read_inputs([tmp_path])] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_missing_path_is_a_clear_error():
    with pytest.raises(InputError, match="no such file or folder: nowhere.txt"):
        read_inputs(["nowhere.txt"])


def test_input_with_only_chrome_is_an_error():
    with pytest.raises(InputError, match="nothing is left after cleaning"):
        ingest([Document(path="x.txt", text="Share on facebook\nShare on twitter\nAdvertisement\n")])


def test_non_utf8_file_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("The café owner said business had doubled since the bridge opened last year.".encode("cp1252"))
    [source] = ingest(read_inputs([path]))
    assert "café" in source.text


def test_newswire_questions_lists_and_news_phrases_stay():
    """Clean newswire asks questions, announces lists and prints "sponsored by" inside news: all stay."""
    wire = "\n\n".join([
        "SYDNEY, September 20 (Xinhua) -- Following is the list of competitors suspended from the Games for doping:",
        "Olympians caught doping during Sydney Games:",
        "Weightlifter Chen Po-pu of Chinese Taipei expelled after testing positive for steroids (September 13)",
        "Norwegian weightlifter Stian Grimseth expelled for testing positive for steroids (September 18)",
        "Kenyan relay star Simon Kemboi banned for testing positive for anabolic steroids (September 19)",
    ])
    body = [line.text for line in clean_document(Document(path="wire.txt", text=wire)).body]
    assert sum("expelled" in line or "banned" in line for line in body) == 3
    story = "\n\n".join([
        "The workshop, sponsored by the forestry ministry and two agencies, will survey wetlands along the coast.",
        "Where does this leave the athletes who tested clean?",
        "Officials said the review would take until the end of the year, and that no medals would change hands yet.",
        "Related to the dispute is a second inquiry into how the samples were stored before they were tested.",
        "Three laboratories contributed to the study of the samples, which found no sign of tampering.",
        "Nobody expects a quick answer, and several federations have asked for the files to be released.",
    ])
    body = [line.text for line in clean_document(Document(path="story.txt", text=story)).body]
    assert len(body) == 6  # the question refers back to the story; "sponsored by", "Related to", "contributed to" are news


def test_a_caption_line_is_no_title_and_no_body():
    text = ("Image copyright Getty Images Image caption The band broke up in 1980 after the death of its drummer\n\n"
            "The band has unveiled two unheard recordings ahead of the reissue of its first three albums in June.\n\n"
            "Image caption The singer says the band will not reunite\n\n"
            "The reissues are part of a plan to reissue all nine of the band's studio albums in order.")
    cleaned = clean_document(Document(path="page.txt", text=text))
    news = text.split("\n\n")
    assert [line.text for line in cleaned.body] == [news[1], news[3]]
    assert cleaned.title.startswith("The band has unveiled")


def test_a_video_player_s_chrome_goes_and_the_paragraph_after_its_buttons_stays():
    news = "The discovery of two slain children, hours after an alert was issued, was called a tragedy by a prosecutor."
    text = "\n\n".join([
        "Storm Closes Harbour",
        "Skip in Skip x Embed x Share " + news,
        "Media playback is unsupported on your device Media caption The mayor speaks to reporters",
        "JUST WATCHED Mayor: we follow the evidence Replay More Videos ... MUST WATCH Mayor: we follow the evidence 02:04",
        "You'll need an HTML5 capable browser to see this content. Play Replay with sound Play with",
        "Skip in Skip x Embed x Share",
        "Image The harbour master said the storm was the worst in a decade.",
        "Image Comics announced a new series about the storm on Tuesday.",
        "The harbour reopened on Friday, the port authority said.",
    ])
    cleaned = clean_document(Document(path="page.txt", text=text, title="Storm Closes Harbour"))
    assert [line.text for line in cleaned.body] == [news, "The harbour master said the storm was the worst in a decade.",
                                                    "Image Comics announced a new series about the storm on Tuesday.",
                                                    "The harbour reopened on Friday, the port authority said."]


def test_a_link_s_screen_reader_label_is_not_part_of_the_sentence():
    """Unseen NeuS roundups: "Sen. Bernie Sanders Opens a New Window. proposed a plan …" (a link's label)."""
    text = ("Sen. Bernie Sanders Opens a New Window. proposed a plan on Thursday to expand the federal estate tax "
            "Opens a New Window. on the wealthy. The door opens a new chapter for the party.")
    cleaned = clean_document(Document(path="page.txt", text=text))
    assert [line.text for line in cleaned.body] == [
        "Sen. Bernie Sanders proposed a plan on Thursday to expand the federal estate tax on the wealthy. "
        "The door opens a new chapter for the party."]


def test_a_place_dateline_is_not_part_of_the_first_sentence():
    for line, place in (("WASHINGTON — The House passed a spending package on Thursday.", "WASHINGTON"),
                        ("KANSAS CITY, Mo. -- You have heard about the black box.", "KANSAS CITY, Mo."),
                        ("SEOUL, South Korea — There was one state event the leader never missed.", "SEOUL, South Korea"),
                        ("DETROIT - A police officer has died after he was shot on Tuesday.", "DETROIT")):
        body = [l.text for l in clean_document(Document(path="a.txt", text=line, title="A title")).body]
        assert body == [line[len(place):].lstrip(" —-")], place
    kept = "NATO allies met in Brussels on Monday."
    assert [l.text for l in clean_document(Document(path="a.txt", text=kept, title="A title")).body] == [kept]
    later = "\n\n".join(["WASHINGTON — The House met on Monday."] + [f"Paragraph {n} of the story ran on." for n in range(8)]
                         + ["NATO — The alliance said it would send more troops."])
    body = [l.text for l in clean_document(Document(path="a.txt", text=later, title="A title")).body]
    assert body[0] == "The House met on Monday." and body[-1].startswith("NATO — The alliance")
    line = "WASHINGTON, D.C. — The House met on Monday."
    assert [l.text for l in clean_document(Document(path="a.txt", text=line, title="A title")).body] == ["The House met on Monday."]
    # A place in title case (a Detroit paper's style) opens only the first paragraph.
    story = ("Romulus — U.S. Rep. Rashida Tlaib joined airline catering workers on Friday to protest their wages.\n\n"
             "Trump — The president said in a statement that he would not attend the dinner this year.")
    body = [l.text for l in clean_document(Document(path="a.txt", text=story, title="A title")).body]
    assert body[0].startswith("U.S. Rep. Rashida Tlaib joined") and body[1].startswith("Trump — The president")
    line = "Doha, Qatar - US officials and Taliban representatives have signed a final peace deal in Qatar's capital."
    assert [l.text for l in clean_document(Document(path="a.txt", text=line, title="A title")).body] == \
        ["US officials and Taliban representatives have signed a final peace deal in Qatar's capital."]  # held-out M
    glued = "Washington (CNN)President Donald Trump said Monday that the White House is weighing curfews in hotspots."
    assert [l.text for l in clean_document(Document(path="a.txt", text=glued, title="A title")).body] == \
        ["President Donald Trump said Monday that the White House is weighing curfews in hotspots."]  # held-out N


def test_a_lede_set_in_capitals_is_written_as_the_story_writes_its_words():
    """Held-out samples P and Q printed "THE TRUMP administration would …" and "THE UNITED STATES is …"."""
    def body(text):
        return [line.text for line in clean_document(Document(path="a.txt", text=text, title="A title")).body]

    assert body("THE TRUMP administration would cut federal funding for charter schools next year.")[0] \
        .startswith("The Trump administration would cut")
    story = "THE TOWNHOUSE that served as Carrie Bradshaw's home is back on the market.\n\nThe townhouse has four floors and a roof deck."
    assert body(story)[0].startswith("The townhouse that served")
    # An acronym stays as set; a sentence that opens on one is no such lede.
    assert body("THE FBI said on Monday that it would review the new emails.")[0].startswith("The FBI said")
    assert body("NHTSA required a 30 mph crash test for every new vehicle until 1997.")[0].startswith("NHTSA required")


def test_the_same_article_given_twice_is_one_source_and_the_brief_says_so():
    story = ("The city council voted on Tuesday to close the old bridge to traffic after engineers found cracks "
             "in two of its supports.\n\nRepairs are expected to take at least six months and cost about "
             "$4 million, the mayor said at a news conference.\n\nCommuters will be directed to the new "
             "bridge two miles to the north.")
    longer = story + "\n\nThe bridge, opened in 1931, carries about 20,000 vehicles a day."
    other = ("Engineers have warned for years that the old bridge was failing, and the council delayed repairs "
             "twice.\n\nRepairs are expected to take at least six months and cost about $4 million, the mayor "
             "said at a news conference.\n\nBusiness owners near the bridge said they feared losing customers.")
    documents = [Document(path="a.txt", text=story), Document(path="b.txt", text=story),
                 Document(path="c.txt", text=longer), Document(path="d.txt", text=other)]
    sources, skipped = ingest_report(documents)
    # The longer version holds both copies whole; an article sharing one paragraph is another article.
    assert [s.path for s in sources] == ["c.txt", "d.txt"]
    assert [(s.path, s.reason) for s in skipped] == [("a.txt", "the same article as `c.txt`"),
                                                     ("b.txt", "the same article as `c.txt`")]


def test_an_embedded_post_is_its_author_s_words_not_the_article_s():
    text = ("Stocks fell for a second day on Tuesday, erasing the year's gains, as investors sold technology shares.\n\n"
            "The stock market and US dollar are both plunging today. Welcome to @BarackObama's second term. "
            "— Donald J. Trump (@realDonaldTrump) November 7, 2012\n\n"
            "QB RIP King P. Prodigy 4 Ever A post shared by Nasir Jones (@nas) on Jun 20, 2017 at 10:33am PDT\n\n"
            "The Dow rose 149 percent during Obama's presidency, according to market data compiled by the paper.")
    cleaned = clean_document(Document(path="a.txt", text=text))
    assert [line.text[:20] for line in cleaned.body] == ["Stocks fell for a se", "The Dow rose 149 per"]
    assert sum(line.reason == "embedded post" for line in cleaned.lines) == 2
    # The signature on a line of its own (a tweet's blockquote): the line before it is the post.
    text = ("Stocks fell for a second day on Tuesday, erasing the year's gains, as investors sold technology shares.\n\n"
            "The stock market and US dollar are both plunging today. Welcome to the second term.\n\n"
            "— Donald J. Trump (@realDonaldTrump) November 7, 2012\n\n"
            "The Dow rose 149 percent during Obama's presidency, according to market data compiled by the paper.")
    cleaned = clean_document(Document(path="a.txt", text=text))
    assert [line.text[:20] for line in cleaned.body] == ["Stocks fell for a se", "The Dow rose 149 per"]


def test_copies_are_found_past_shared_footers_and_in_any_number():
    footer = "\n\nSubscribe to our newsletter for the latest local news delivered to your inbox every weekday morning."
    articles = [f"Story number {k} tells how the town council of district {k} voted on its budget for the coming "
                f"year after a long debate about roads, schools and parks in the district." + footer for k in range(30)]
    documents = [Document(path=f"{k}.txt", text=text) for k, text in enumerate(articles)]
    documents += [Document(path="copy.txt", text=articles[0])] * 1
    documents += [Document(path=f"wire{k}.txt", text=articles[1]) for k in range(24)]  # a story syndicated 25 times
    sources, skipped = ingest_report(documents)
    assert len(sources) == 30
    assert {s.path for s in skipped} == {"copy.txt", *(f"wire{k}.txt" for k in range(24))}
    # Two inputs with nothing left after cleaning are no copies of each other: each is skipped for that.
    chrome = "Share this article\n\nFollow us on Twitter"
    _, skipped = ingest_report(documents[:2] + [Document(path="x.txt", text=chrome), Document(path="y.txt", text=chrome)])
    assert [s.reason for s in skipped if s.path in ("x.txt", "y.txt")] == ["nothing is left after removing page chrome"] * 2


def test_an_outlet_s_opinion_label_marks_the_source(encoder):
    """An "OPINION:" headline (42 NeuS train pieces; DUC's "EDITORIAL:") marks every sentence as the writer's
    view: a Summary claim only such pieces state carries its speaker (held-out sample L printed a column's
    verdict on the president's health as fact)."""
    from summarize.pipeline import analyse

    body = "The White House physician said on Tuesday that the president is in excellent health after his exam."
    documents = [Document(path="a.txt", text=body, title="OPINION: Trump's healthy as a horse, America"),
                 Document(path="b.txt", text=body.replace("excellent", "very good"), title="Physician says Trump is healthy"),
                 Document(path="c.txt", text="Editorials often run beside the news.", title="Editorial board meets")]
    sources = ingest(documents)
    assert [source.opinion for source in sources] == [True, False, False]  # "Editorial board" is no label
    analysis = analyse(documents, encoder=encoder)
    assert analysis.opinion_only([1]) and not analysis.opinion_only([1, 2]) and not analysis.opinion_only([])
