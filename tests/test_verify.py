"""The verifier: every change from what an outlet wrote is checked before it is printed."""

import json

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.config import DEFAULTS
from summarize.lm import FluencyScorer
from summarize.neutral import lexicon
from summarize.verify import check_claim, fluency_check, passes

from .conftest import DATA, SEEDS

REPLACEMENTS = frozenset(word.lower() for term in lexicon() for word in term.replacement.split())


@pytest.fixture(scope="module")
def scorer():
    return FluencyScorer()


def verdict(candidate, evidence, encoder, scorer):
    a, b = encoder.encode([candidate, evidence])
    checks = check_claim(candidate, evidence, float(a @ b), DEFAULTS, allowed=REPLACEMENTS)
    checks.append(fluency_check(*scorer.score([candidate, evidence])))
    return checks


def test_labelled_rewrites(encoder, scorer):
    """tests/data/rewrites.jsonl: rewrites of seed sentences labelled fine, garbled or unfaithful by hand."""
    rows = [json.loads(line) for line in (DATA / "rewrites.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 40
    accepted = {"fine": 0, "garbled": 0, "unfaithful": 0}
    totals = {label: sum(1 for r in rows if r["label"] == label) for label in accepted}
    let_through = []
    for row in rows:
        if passes(verdict(row["candidate"], row["evidence"], encoder, scorer)):
            accepted[row["label"]] += 1
            if row["label"] == "unfaithful":
                let_through.append(row["note"])
    print({label: f"{accepted[label]}/{totals[label]} accepted" for label in accepted})
    assert let_through == []  # every unfaithful rewrite rejected
    assert accepted["garbled"] <= 0.2 * totals["garbled"]  # most garbled ones rejected
    assert accepted["fine"] >= 0.7 * totals["fine"]  # and most fine edits still pass


EVIDENCE = "Blinken was the first U.S. top diplomat to visit China in five years, and the first official under the administration of Joe Biden to do so."


@pytest.mark.parametrize(
    "candidate, failing",
    [
        ("Blinken was the first U.S. top diplomat to visit China in seven years.", "numbers in source"),
        ("Pompeo was the first U.S. top diplomat to visit China in five years.", "names in source"),
        ("Blinken was not the first U.S. top diplomat to visit China in five years.", "negation agrees"),
    ],
)
def test_invented_number_name_and_flipped_negation_are_rejected(encoder, scorer, candidate, failing):
    failed = [check.name for check in verdict(candidate, EVIDENCE, encoder, scorer) if not check.passed]
    assert failing in failed


def test_an_edited_quote_is_rejected(encoder, scorer):
    evidence = "White House Press Secretary Karine Jean-Pierre lauded Blinken’s visit as a “good step forward.”"
    candidate = "White House Press Secretary Karine Jean-Pierre said Blinken’s visit was a “big step forward.”"
    failed = [check.name for check in verdict(candidate, evidence, encoder, scorer) if not check.passed]
    assert "quotes verbatim" in failed


def test_check_command_supports_and_refutes():
    runner = CliRunner()
    yes = runner.invoke(cli, ["check", "US officials such as Treasury Secretary Janet Yellen and climate envoy John Kerry are expected to travel to China soon.", str(SEEDS)])
    assert yes.exit_code == 0, yes.output
    assert yes.stdout.startswith("SUPPORTED by") and "[4] Bloomberg: supports it" in yes.stdout
    no = runner.invoke(cli, ["check", "Blinken is the first US Secretary of State to visit China in 7 years.", str(SEEDS), "-f", "json"])
    assert no.exit_code == 1
    data = json.loads(no.stdout)
    assert data["supported"] is False
    closest = next(v for v in data["verdicts"] if v["source"] == 5)
    assert closest["evidence"] == "Blinken is the first US Secretary of State to visit China in 5 years."
    failed = [f["check"] for f in closest["failed"]]
    assert "numbers in source" in failed and "names in source" not in failed
