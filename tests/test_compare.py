"""`summarize compare`: a consistent ladder of lengths, numbers that match the briefs, a real PNG."""

import json

import pytest
from click.testing import CliRunner
from PIL import Image

from summarize.cli import cli
from summarize.compare import PLOT_DPI, PLOT_SIZE, compare, parse_ladder, plot, rows, to_markdown

from .conftest import SEEDS


@pytest.fixture(scope="module")
def ladder(encoder):
    return compare([SEEDS], [60, 120, 240, 480], encoder=encoder)


def test_numbers_match_the_briefs_they_were_built_from(ladder):
    for row, rung in zip(rows(ladder), ladder.rungs):
        brief = rung.brief
        assert row["words"] == brief.stats.words == sum(c.words for c in brief.claims) <= row["budget"]
        assert row["claims"] == len(brief.claims)
        assert row["sources_cited"] == len({s for c in brief.claims for s in c.sources})
        assert row["extracted"] + row["compressed"] + row["fused"] == row["claims"]
        assert row["fused"] == sum(c.kind == "fused" for c in brief.claims)
        assert row["compression"] == brief.stats.compression
        for source in brief.sources:
            citing = sum(1 for c in brief.claims if source.id in c.sources)
            assert row["source_share"][str(source.id)] == round(citing / len(brief.claims), 4)


def test_ladder_is_monotone_and_nested(ladder):
    rungs = ladder.rungs
    for shorter, longer in zip(rungs, rungs[1:]):
        assert {c.text for c in shorter.brief.claims} <= {c.text for c in longer.brief.claims}
        assert shorter.brief.stats.words <= longer.brief.stats.words
        assert shorter.coverage <= longer.coverage
        assert shorter.rouge2 <= longer.rouge2
        assert set(longer.added) == {c.text for c in longer.brief.claims} - {c.text for c in shorter.brief.claims}
    assert rungs[-1].rouge1 == pytest.approx(1.0) and rungs[-1].rouge2 == pytest.approx(1.0)
    assert 0 < rungs[0].coverage < rungs[-1].coverage < 1


def test_markdown_shows_what_each_length_adds(ladder):
    text = to_markdown(ladder)
    assert "| length | words | claims |" in text
    assert "### 120 words (+" in text
    for claim in ladder.rungs[1].added:
        assert f"- {claim}" in text


def test_plot_is_a_png_of_the_expected_size(ladder, tmp_path):
    path = tmp_path / "lengths.png"
    plot(ladder, path)
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (int(PLOT_SIZE[0] * PLOT_DPI), int(PLOT_SIZE[1] * PLOT_DPI))


def test_ladder_parsing():
    assert parse_ladder("240, 60,120,60") == [60, 120, 240]
    for bad in ("0", "abc", "60,-5", ""):
        with pytest.raises(ValueError):
            parse_ladder(bad)


def test_lengths_beyond_the_sources_are_capped_with_a_note(encoder, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "The town council approved a new bridge over the river on Monday after two years of debate.\n\n"
        "The mayor said construction would start in the spring and finish within eighteen months.\n",
        encoding="utf-8",
    )
    result = compare([story], [10, 5000], encoder=encoder)
    assert [r.budget for r in result.rungs] == [10, 31]  # the story's 17 + 14 words
    assert "capped at 31" in result.notes[0]
    assert result.rungs[0].brief.claims == () and "no sentence fits in 10 words" in result.notes[1]


@pytest.mark.parametrize("words, message", [("0", "at least 1 word"), ("abc", "not a number"), (",", "at least one length")])
def test_cli_rejects_bad_ladders(words, message):
    result = CliRunner().invoke(cli, ["compare", str(SEEDS), "--words", words])
    assert result.exit_code == 2
    assert message in result.stderr


def test_cli_markdown_json_and_plot(tmp_path):
    runner = CliRunner()
    out, png = tmp_path / "lengths.md", tmp_path / "lengths.png"
    result = runner.invoke(cli, ["compare", str(SEEDS), "--words", "60,120", "--format", "md", "-o", str(out),
                                 "--plot", str(png)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# Brief lengths compared")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    again = runner.invoke(cli, ["compare", str(SEEDS), "--words", "60", "--plot", str(png)])
    assert again.exit_code == 1 and "already exists" in again.stderr
    data = json.loads(runner.invoke(cli, ["compare", str(SEEDS), "--words", "60,120", "--format", "json"]).stdout)
    assert [row["budget"] for row in data["lengths"]] == [60, 120]
    table = runner.invoke(cli, ["compare", str(SEEDS), "--words", "60,120"])
    assert table.exit_code == 0 and "Brief lengths compared" in table.stdout
