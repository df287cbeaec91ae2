"""The verifier: every change from what an outlet wrote is checked before it is printed."""

import json

import pytest
from click.testing import CliRunner

from summarize.cli import cli
from summarize.config import DEFAULTS
from summarize.lm import FluencyScorer
from summarize.neutral import lexicon
from summarize.verify import ADJACENT, HEADLINE, SENTENCE, check, check_claim, fluency_check, passes

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


def test_a_claim_spread_over_headline_and_sentence_is_supported(encoder):
    """"Blinken met Xi Jinping in Beijing.": one outlet puts "the Xi-Blinken meeting in Beijing" in its
    headline and "his meeting with Chinese President Xi Jinping" in a sentence; the two together state it."""
    result = check("Blinken met Xi Jinping in Beijing.", [str(SEEDS)], encoder=encoder)
    assert result.supported
    spread = {v.source_id: v for v in result.verdicts if v.supported and v.kind != SENTENCE}
    assert 5 in spread, [(v.source_id, v.evidence) for v in result.verdicts]
    assert spread[5].kind == HEADLINE
    assert spread[5].evidence == ("US-China: the Xi-Blinken meeting in Beijing. What caught global attention though "
                                  "was his meeting with Chinese President Xi Jinping to wrap up his visit.")
    data = json.loads(CliRunner().invoke(cli, ["check", "Blinken met Xi Jinping in Beijing.", str(SEEDS), "-f", "json"]).stdout)
    assert 5 in data["sources"]
    assert next(v for v in data["verdicts"] if v["source"] == 5)["evidence_kind"] == HEADLINE


ARTICLE = """Talks resume after long freeze

The U.S. and China agreed on Monday to hold more talks. Secretary of State Antony Blinken arrived in Beijing on Sunday \
for two days of meetings. On Monday he met Xi Jinping at the Great Hall of the People. Both sides called the talks candid.
"""


def test_a_claim_spread_over_two_adjacent_sentences_is_supported(encoder, tmp_path):
    """"he" in one sentence is the Blinken of the sentence before it."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    [verdict] = check("Blinken met Xi Jinping on Monday.", [str(tmp_path)], encoder=encoder).verdicts
    assert verdict.supported and verdict.kind == ADJACENT
    assert verdict.evidence == ("Secretary of State Antony Blinken arrived in Beijing on Sunday for two days of meetings. "
                                "On Monday he met Xi Jinping at the Great Hall of the People.")
    # Joined sentences pass the same checks: a place they do not name is refused, and so is a claim made of
    # two facts' words (he arrived on Sunday, met Xi on Monday).
    assert not check("Blinken met Xi Jinping in Shanghai.", [str(tmp_path)], encoder=encoder).supported
    assert not check("Blinken met Xi Jinping on Sunday.", [str(tmp_path)], encoder=encoder).supported


@pytest.mark.parametrize(
    "evidence, candidate, failing",
    [
        ("On a relatively friendly note, at the top of the meeting, Xi praised the US and China for progressing in the right direction.",
         "At the top of the meeting, Xi praised the US and China for progressing in the same direction.", "no new words"),
        ("Equity traders appeared to be more anxious about China’s economic outlook, with a slow stimulus rollout adding to their concerns.",
         "Equity traders appeared to be less anxious about China’s economic outlook.", "no new words"),
        ("Wang was waiting stone-faced and the two barely spoke before they sat down.",
         "Wang was waiting stone-faced and the two barely spoke after they sat down.", "no new words"),
        ("In theory, the meeting between Xi and Blinken will pave the way for Qin, a former ambassador to Washington, to meet Biden on a future visit.",
         "The meeting between Xi and Blinken paved the way for Qin to meet Biden on a future visit.", "modality kept"),
    ],
)
def test_a_changed_common_word_is_rejected(encoder, evidence, candidate, failing):
    """Common words carry facts too: "right" → "same" direction, "more" → "less", "before" → "after"."""
    a, b = encoder.encode([candidate, evidence])
    failed = [c.name for c in check_claim(candidate, evidence, float(a @ b), DEFAULTS, allowed=REPLACEMENTS) if not c.passed]
    assert failing in failed


@pytest.mark.parametrize(
    "evidence, candidate",
    [
        ("On a relatively friendly note, at the top of the meeting, Xi praised the US and China for progressing in the right direction.",
         "At the top of the meeting, Xi praised the US and China for progressing in the right direction."),
        ("During two days of meetings in Beijing, Blinken and senior Chinese foreign-policy officials agreed to more high-level talks, continuing a thaw after months of near-frozen contacts.",
         "During two days of meetings in Beijing, Blinken and senior Chinese foreign-policy officials agreed to more high-level talks."),
    ],
)
def test_a_pure_deletion_still_passes(encoder, evidence, candidate):
    a, b = encoder.encode([candidate, evidence])
    checks = check_claim(candidate, evidence, float(a @ b), DEFAULTS)
    assert passes(checks), [c for c in checks if not c.passed]


def test_a_claim_cut_from_a_sentence_by_its_opener_is_stated_by_that_sentence():
    from summarize.verify import _cut_from

    assert _cut_from("Now Moore has decided to run for the Senate again.", "But now Moore has decided to run for the Senate again.")
    assert _cut_from("Officials are expected to travel.", "Officials are also expected to travel.")
    # Never a word that carries a fact, nor a word from the middle that this check cannot judge.
    assert not _cut_from("Moore has decided to run.", "Moore has not decided to run.")
    assert not _cut_from("Talks continued.", "Not surprisingly, talks continued.")
    assert not _cut_from("The visit yielded progress.", "The visit yielded modest progress.")
