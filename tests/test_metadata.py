"""Metadata where users keep it: front matter, a sources file beside the articles, feeds."""

import json

import pytest
from click.testing import CliRunner

import summarize
from summarize.cli import cli
from summarize.errors import InputError
from summarize.ingest import ingest, read_inputs

STORY = ("The city council approved the new budget on Tuesday after a four-hour debate over transit funding. "
         "The plan raises spending on buses by a tenth and freezes property taxes for a second year.")


def test_front_matter_names_the_outlet_and_is_not_text(tmp_path):
    (tmp_path / "a.md").write_text("---\noutlet: Harbour Times\nurl: https://example.org/budget\ndate: 2026-11-24\n"
                                   "leaning: centre\ntitle: Council passes budget\n---\n" + STORY, encoding="utf-8")
    [source] = ingest(read_inputs([tmp_path / "a.md"]))
    assert (source.name, source.url, source.date, source.leaning, source.title) == (
        "Harbour Times", "https://example.org/budget", "2026-11-24", "centre", "Council passes budget")
    assert "outlet:" not in source.text and source.text.startswith("The city council")


def test_bad_front_matter_is_a_one_line_error(tmp_path):
    (tmp_path / "a.md").write_text("---\noutlet: [unclosed\n---\n" + STORY, encoding="utf-8")
    with pytest.raises(InputError, match="front matter is not valid YAML"):
        read_inputs([tmp_path / "a.md"])
    result = CliRunner().invoke(cli, ["brief", str(tmp_path / "a.md")])
    assert result.exit_code != 0 and "front matter is not valid YAML" in result.output and "Traceback" not in result.output


def test_a_sources_file_describes_the_files_of_its_folder(tmp_path):
    (tmp_path / "one.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "two.txt").write_text("---\noutlet: Own Name\n---\n" + STORY.replace("Tuesday", "Wednesday"), encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,outlet,leaning\none.txt,Daily Ledger,left\ntwo.txt,Ignored,right\n",
                                          encoding="utf-8")
    one, two = ingest(read_inputs([tmp_path]))
    assert (one.name, one.leaning) == ("Daily Ledger", "left")
    assert (two.name, two.leaning) == ("Own Name", "right")  # the file's own front matter wins; the rest is added


def test_a_saved_page_brings_its_meta_tags_and_a_sources_jsonl_beats_them(tmp_path):
    (tmp_path / "page.html").write_text(
        '<html><head><meta property="og:site_name" content="Harbour Times"><meta name="author" content="Ann Lee">'
        '<meta property="article:published_time" content="2026-11-24T08:00:00Z">'
        '<link rel="canonical" href="https://news.example/budget"><title>Council passes budget</title></head>'
        f"<body><article><h1>Council passes budget</h1><p>{STORY}</p></article></body></html>", encoding="utf-8")
    [source] = ingest(read_inputs([tmp_path / "page.html"]))
    assert (source.name, source.author, source.date, source.url) == (
        "Harbour Times", "Ann Lee", "2026-11-24", "https://news.example/budget")
    (tmp_path / "sources.jsonl").write_text('{"file": "page.html", "outlet": "Harbour Times Online", "leaning": "centre"}\n',
                                            encoding="utf-8")
    [source] = ingest(read_inputs([tmp_path]))
    assert (source.name, source.leaning, source.author) == ("Harbour Times Online", "centre", "Ann Lee")


@pytest.mark.parametrize("kind", ["jsonl", "csv"])
def test_a_feed_is_one_article_per_row(tmp_path, kind):
    rows = [{"text": STORY, "outlet": "Daily Ledger", "leaning": "left", "title": "Budget passes"},
            {"text": STORY.replace("Tuesday", "Wednesday"), "outlet": "Evening Post", "leaning": "right"},
            {"outlet": "No Text"}]
    feed = tmp_path / f"feed.{kind}"
    if kind == "jsonl":
        feed.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    else:
        feed.write_text("text,url,outlet,leaning,title\n" + "\n".join(
            ",".join(json.dumps(row.get(k, "")) for k in ("text", "url", "outlet", "leaning", "title")) for row in rows),
            encoding="utf-8")
    sources = ingest(read_inputs([feed]))
    assert [(s.name, s.leaning) for s in sources] == [("Daily Ledger", "left"), ("Evening Post", "right")]
    assert sources[0].title == "Budget passes" and sources[0].path.endswith("#1")


def test_a_feed_without_text_is_a_clear_error(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"url": "https://example.org/x"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2: not valid JSON"):
        read_inputs([feed])


def test_the_brief_and_its_json_name_the_outlets(encoder, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(row) for row in [
        {"text": STORY, "outlet": "Daily Ledger", "url": "https://example.org/1"},
        {"text": STORY.replace("four-hour", "long"), "outlet": "Evening Post"}]), encoding="utf-8")
    brief = summarize.brief([feed], words=60, encoder=encoder)
    assert [s.label for s in brief.sources] == ["Daily Ledger", "Evening Post"]
    data = summarize.to_dict(brief)
    assert data["sources"][0]["url"] == "https://example.org/1" and data["sources"][0]["outlet"] == "Daily Ledger"
    assert "url" not in data["sources"][1]  # fields only where known
    markdown = summarize.to_markdown(brief)
    assert "**Daily Ledger** —" in markdown
    # A source with a web address links its headline there; one without has none.
    sources = markdown.split("## Sources")[1]
    assert "](<https://example.org/1>) (`" in sources.splitlines()[2]
    assert "](<" not in sources.splitlines()[3]


def test_a_feed_with_leanings_gives_the_coverage_table(encoder, tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [
        {"outlet": "Daily Ledger", "leaning": "left",
         "text": STORY + " Transit unions welcomed the decision and promised to back the plan at the next election."},
        {"outlet": "Evening Post", "leaning": "right",
         "text": STORY.replace("four-hour", "long") + " Business groups said the tax freeze would keep shops in the city centre."},
    ]
    feed.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    brief = summarize.brief([feed], words=80, encoder=encoder)
    text = summarize.to_markdown(brief)
    assert "## Who reports what" in text and "| [1] Daily Ledger (left) |" in text
    assert "| leaning | outlets | claims backed | of them, no other side reports |" in text
    data = summarize.to_dict(brief)
    sides = {row["leaning"]: row for row in data["coverage"]["leanings"]}
    assert set(sides) == {"left", "right"}
    for claim in brief.claims:  # each row counts what the claims show
        if claim.section == "summary":
            assert "*(" in text
    backed_left = sum(1 for c in brief.claims if 1 in c.sources)
    assert sides["left"]["backs"] == backed_left
    single = [c for c in brief.claims if c.section == "differences" and not c.contrasts_with and not c.reported_by]
    for claim in single:
        leaning = rows[claim.sources[0] - 1]["leaning"]
        assert f"reported only by the {leaning}-leaning outlet" in text


def test_the_coverage_table_counts_as_alone_only_what_the_brief_files_as_one_outlets():
    """A Summary claim citing one outlet is one the others report in words too different to name: the
    table must not call it reported by no other outlet (the seeds brief did, for SinoInsider's claim)."""
    from summarize.coverage import outlet_coverage, side_coverage
    from summarize.types import Brief, Claim, Evidence, Source, Stats

    sources = tuple(Source(id=i, name=name, title="", path=f"{i}.txt", paragraphs=(STORY,), leaning=leaning)
                    for i, name, leaning in ((1, "Daily Ledger", "left"), (2, "Evening Post", "right")))
    shared = Claim("The council approved the budget.", (1,), (Evidence(1, STORY),), section="summary")
    own = Claim("Transit unions welcomed the decision.", (1,), (Evidence(1, STORY),), section="differences")
    named = Claim("The plan freezes property taxes.", (2,), (Evidence(2, STORY),), section="summary", reported_by=(1,))
    brief = Brief("Budget", sources, (shared, own, named), Stats(20, 80, 0.25, 0.0))
    rows = {row.source: row for row in outlet_coverage(brief)}
    assert (rows[1].backs, rows[1].alone, rows[1].reports) == (2, 1, 1)
    assert (rows[2].backs, rows[2].alone, rows[2].reports) == (1, 0, 0)
    sides = {row.leaning: row for row in side_coverage(brief)}
    assert (sides["left"].backs, sides["left"].alone) == (2, 1)
    markdown = summarize.to_markdown(brief)
    assert "| [1] Daily Ledger (left) | 2 | 1 | 1 |" in markdown
    assert "reported only by the left-leaning outlet" in markdown.split("Transit unions")[1].splitlines()[0]
