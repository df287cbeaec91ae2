"""`summarize eval` on a two-cluster fixture (the seeds with a reference we wrote, and a synthetic story)."""

import json

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.evaluate import BASELINES, bootstrap_interval, read_clusters, rouge
from summarize.errors import InputError
from summarize.neutral import lexicon
from summarize.verify import unsupported_words

from .conftest import SEEDS
from .test_rank import OUTLETS

SEEDS_REFERENCE = (
    "US Secretary of State Antony Blinken visited Beijing for two days in June, the first visit by a US "
    "secretary of state in five years, meeting Foreign Minister Qin Gang, top diplomat Wang Yi and President Xi "
    "Jinping. Both sides agreed to keep talking and to more high-level visits, including a trip by Qin to "
    "Washington, and discussed flights and student exchanges. China refused to restore military-to-military "
    "communication channels. Wang blamed US misperceptions for the downturn in relations, while Xi said the two "
    "sides had made progress."
)
BANK_REFERENCE = (
    "The central bank raised its main interest rate by half a percentage point on Tuesday, its largest move in a "
    "decade, as inflation stayed above target. Lenders said they would pass the increase on to borrowers."
)


@pytest.fixture(scope="module")
def fixture_file(tmp_path_factory):
    """Two clusters in the dev set's format, written from our own seeds and a synthetic story."""
    path = tmp_path_factory.mktemp("data") / "clusters.jsonl"
    seeds = [{"title": "", "text": p.read_text(encoding="utf-8")} for p in sorted(SEEDS.glob("*.txt"))]
    bank = [{"title": name.split(".")[0].title(), "text": "\n\n".join(lines)} for name, lines in OUTLETS.items()]
    rows = [
        {"id": "seeds-blinken", "set": "fixture", "documents": seeds, "references": [SEEDS_REFERENCE]},
        {"id": "bank-rate", "set": "fixture", "documents": bank, "references": [BANK_REFERENCE]},
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


# Words the abstractive stage may add: lexicon replacements and "According to Source 2,".
REPLACEMENT_WORDS = {word.lower() for term in lexicon() for word in term.replacement.split()} | {"according", "source", "outlets", "cited"}


@pytest.fixture(scope="module")
def scored(tmp_path_factory, fixture_file):
    folder = tmp_path_factory.mktemp("eval")
    result = CliRunner().invoke(cli, ["eval", str(fixture_file), "-o", str(folder / "eval.md"), "--json", str(folder / "eval.json")])
    assert result.exit_code == 0, result.output
    return result, (folder / "eval.md").read_text(encoding="utf-8"), json.loads((folder / "eval.json").read_text(encoding="utf-8"))


def test_one_command_compares_every_system(scored):
    result, markdown, data = scored
    assert "[1/2] seeds-blinken" in result.stderr and "[2/2] bank-rate" in result.stderr
    assert markdown.startswith("# Evaluation: 2 clusters")
    for system in ("summarize", *BASELINES):
        assert f"| {system} |" in markdown
        assert system in data["systems"]
    assert len(data["results"]) == 2 * (1 + len(BASELINES))


def test_scores_are_sane(scored, fixture_file):
    _, _, data = scored
    source_text = {
        row["id"]: "\n".join(d["text"] for d in row["documents"])
        for row in map(json.loads, fixture_file.read_text(encoding="utf-8").splitlines())
    }
    for row in data["results"]:
        metrics = row["metrics"]
        assert 0 < metrics["rouge1"] <= 1 and 0 <= metrics["rouge2"] <= metrics["rouge1"]
        if row["system"] == "summarize":
            # new words come only from the neutral lexicon and added attributions
            novel = unsupported_words(row["summary"], source_text[row["cluster"]])
            assert set(w.lower() for w in novel) <= REPLACEMENT_WORDS, novel
            assert 0.95 <= metrics["citation_precision"] <= 1 and metrics["citation_recall"] == 1
        else:
            assert metrics["novel_per_100"] == 0  # baselines copy source sentences
            assert metrics["citation_precision"] is None
    ours = data["systems"]["summarize"]["rouge2"]
    assert ours["low"] <= ours["mean"] <= ours["high"]
    # the agreed fact leads our brief of the synthetic story, so we beat random there
    bank = {r["system"]: r["metrics"]["rouge2"] for r in data["results"] if r["cluster"] == "bank-rate"}
    assert bank["summarize"] >= bank["random"]


def test_rouge_and_bootstrap():
    assert rouge("the cat sat on the mat", ["the cat sat on the mat"])["rouge2"] == pytest.approx(1.0)
    assert bootstrap_interval([1.0, 1.0, 1.0], seed=0) == (1.0, 1.0)
    low, high = bootstrap_interval([0.0, 1.0] * 10, seed=0)
    assert 0.2 < low < 0.5 < high < 0.8


def test_bad_cluster_files(tmp_path, fixture_file):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "documents": []}\n', encoding="utf-8")
    with pytest.raises(InputError, match="broken.jsonl:1"):
        read_clusters(broken)
    result = CliRunner().invoke(cli, ["eval", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 1 and "no such file" in result.stderr
    result = CliRunner().invoke(cli, ["eval", str(fixture_file), "--baselines", "lead,gpt"])
    assert result.exit_code == 2 and "unknown baseline gpt" in result.stderr


def test_eval_reports_how_the_briefs_are_built(scored):
    _, markdown, data = scored
    assert "## How the briefs are built" in markdown
    for row in (r for r in data["results"] if r["system"] == "summarize"):
        metrics = row["metrics"]
        assert 0.5 <= metrics["fill"] <= 1.0  # a brief over its budget used all of it, not more
        assert metrics["headline_claims"] == 0
        assert metrics["empty_summary"] in (0.0, 1.0)
    for entries in data["structure"].values():
        assert set(entries) == {"fill", "empty_summary", "headline_claims", "multi_source_share", "single_reported_elsewhere"}


def test_two_workers_score_the_same_as_one(fixture_file):
    """`--workers 2` runs the clusters through the digest's executor: the same summaries and ROUGE."""
    from summarize.evaluate import evaluate

    _, alone = evaluate(fixture_file, baselines=["lead"], workers=1)
    _, parallel = evaluate(fixture_file, baselines=["lead"], workers=2)
    assert [(r.system, r.cluster, r.summary) for r in parallel] == [(r.system, r.cluster, r.summary) for r in alone]
    assert [r.metrics["rouge2"] for r in parallel] == [r.metrics["rouge2"] for r in alone]
