"""Fusion beyond names: word-graph fusion (`--fusion aggressive`) and the model's own wording (`--propose`).

Both make sentences no outlet wrote; what they make is printed only after the same checks as any edit,
cites only outlets that state it, and lists every span with the outlet that wrote it.
"""

from dataclasses import replace
from pathlib import Path

import pytest

import summarize
from summarize.config import DEFAULTS
from summarize.edit import FUSION_REASON, MODEL_REASON, verified
from summarize.fuse import as_candidate, fuse, tokens
from summarize.lm import FluencyScorer
from summarize.pipeline import analyse
from summarize.verify import source_states

CLUSTER = Path(__file__).resolve().parent / "data" / "fusion_cluster"  # three short articles we wrote
TOUR = {
    1: "Quill had been in Denver, where the duo played over the weekend as part of the Open Road tour, "
       "featuring other veteran acts Lowell Pike, the Marsh Sisters and Teddy Vance.",
    3: "Quill & Reed played in Denver on Saturday as part of the Open Road tour.",
}
TOLLS = {
    1: "Tolls will not be charged during the first month, the transport department said.",
    3: "The transport department said no tolls would be charged in the first month.",
}


def _trigrams(words):
    return {tuple(w.lower() for w in words[i:i + 3]) for i in range(len(words) - 2)}


def test_word_graph_fusions_splice_only_where_outlets_share_two_words():
    fused = fuse(list(TOUR.values()), max_words=40)
    assert fused and not set(fused) & set(TOUR.values())
    assert "Quill had been in Denver on Saturday as part of the Open Road tour." in fused
    known = set().union(*(_trigrams(tokens(text)) for text in TOUR.values()))
    for text in fused:
        assert _trigrams(tokens(text)) <= known, text


def test_a_fusion_becomes_edits_that_name_the_outlet_each_span_comes_from():
    candidate = as_candidate("Quill had been in Denver on Saturday as part of the Open Road tour.", TOUR, FUSION_REASON)
    assert candidate.base_source == 1 and candidate.kind == "fused" and candidate.contributors == {3}
    replaced = [e for e in candidate.edits if e.type == "replace"]
    assert [(e.text, e.replacement, e.source) for e in replaced] == [(", where the duo played over the weekend", "on Saturday", 3)]
    # Words that no outlet of the group wrote make no candidate at all.
    assert as_candidate("Quill had been in Denver on Friday as part of the Open Road tour.", TOUR, MODEL_REASON) is None


def test_a_fusion_that_drops_a_negation_is_refused():
    dropped = [text for text in fuse(list(TOLLS.values()), max_words=30) if "not" not in text and "no " not in text]
    assert dropped, "the word graph offers the splice that loses the negation"
    for text in dropped:
        candidate = as_candidate(text, TOLLS, FUSION_REASON)
        assert candidate is None or not verified(candidate, 0.9, DEFAULTS), text


def test_aggressive_fusion_prints_a_fused_claim_every_cited_outlet_states(encoder):
    settings = replace(DEFAULTS, fusion="aggressive")
    brief = summarize.brief([CLUSTER], words=120, settings=settings, encoder=encoder)
    fused = [c for c in brief.claims if any(e.reason == FUSION_REASON for e in c.edits)]
    # Outlet 1 says "over the weekend", outlet 3 "on Saturday": a splice with "Saturday" may not cite outlet 1
    # (the citation test wants every day a claim names), so this cluster may yield no fusion at all.
    assert not any("Saturday" in c.text and 1 in c.sources for c in brief.claims)
    analysis = analyse([CLUSTER], settings, encoder=encoder)
    sentences = {s.text for s in analysis.sentences}
    for claim in fused:
        assert claim.kind == "fused" and claim.text not in sentences
        assert {e.source for e in claim.edits if e.source} <= set(claim.sources)
        assert all(source_states(claim, source, analysis) for source in claim.sources), claim.text
    safe = summarize.brief([CLUSTER], words=120, encoder=encoder)
    assert not any(e.reason == FUSION_REASON for c in safe.claims for e in c.edits)  # off unless asked for


DEATH = {
    1: "Mara Quill, the folk singer and one half of the duo Quill & Reed, died on Tuesday at the age of 51, her publicist said.",
    3: "The folk singer Mara Quill died on Tuesday, her publicist said; she was 51.",
}


def test_a_proposed_wording_is_checked_like_any_edit():
    faithful = as_candidate("The folk singer Mara Quill died on Tuesday at the age of 51, her publicist said.", DEATH, MODEL_REASON)
    assert faithful.kind == "fused" and faithful.contributors == {4 - faithful.base_source}  # the other outlet
    assert verified(faithful, 0.95, DEFAULTS)
    flipped = as_candidate("Tolls will be charged during the first month, the transport department said.", TOLLS, MODEL_REASON)
    assert flipped is not None and not verified(flipped, 0.9, DEFAULTS)  # every word is the outlets'; the meaning is not
    unquoted = {1: "Blinken said talks were “candid and constructive” on Monday."}
    stripped = as_candidate("Blinken said talks were candid and constructive on Monday.", unquoted, MODEL_REASON)
    assert not verified(stripped, 0.95, DEFAULTS)  # the speaker's words may not lose their quotation marks
    invented = as_candidate("The folk singer Mara Quill died on Tuesday in Chicago, her publicist said.", DEATH, MODEL_REASON)
    assert invented is None


class _Scripted(FluencyScorer):
    """The real model scores; its proposals are scripted, to show where they go."""

    asked: list[list[str]] = []

    def propose(self, reports, max_new_tokens=80):
        self.asked.append(list(reports))
        return "Quill & Reed played in Denver on Saturday as part of the Open Road tour with 9 acts."


def test_proposals_are_asked_for_each_claim_and_an_invented_one_never_printed(encoder, monkeypatch, converted_model):
    import summarize.pipeline as pipeline

    scorer = _Scripted(converted_model)
    monkeypatch.setitem(pipeline._scorers, ("", 0, "auto", True), scorer)
    brief = summarize.brief([CLUSTER], words=120, settings=replace(DEFAULTS, propose=True), encoder=encoder)
    assert len(scorer.asked) >= len(brief.claims)
    assert not any("9 acts" in claim.text for claim in brief.claims)


def test_the_real_model_proposes_and_nothing_unverified_is_printed(encoder, converted_model):
    settings = replace(DEFAULTS, propose=True, model=str(converted_model))
    brief = summarize.brief([CLUSTER], words=120, settings=settings, encoder=encoder)
    analysis = analyse([CLUSTER], settings, encoder=encoder)
    for claim in brief.claims:
        assert all(source_states(claim, source, analysis) for source in claim.sources), claim.text


def test_propose_needs_the_model(tmp_path):
    from click.testing import CliRunner

    from summarize.cli import cli

    result = CliRunner().invoke(cli, ["brief", str(CLUSTER), "--propose", "--no-model"])
    assert result.exit_code == 2 and "--propose needs the model" in result.output


def test_labelled_fusions_no_garbled_or_unfaithful_one_passes_the_gate(encoder, converted_model):
    """26 word-graph fusions of seed and test-cluster groups, labelled by hand (tests/data/fusions.jsonl).

    The gate a fusion must pass before citation: made of the outlets' words, the verifier against its
    base, and the model rating it at least as readable as the base. The verifier alone lets garbled
    splices through (as DESIGN.md §5 found for cheap checks); the test reports both rates.
    """
    import json

    from summarize.verify import fluency_check

    scorer = FluencyScorer(converted_model)
    rows = [json.loads(line) for line in (Path(__file__).parent / "data" / "fusions.jsonl").read_text(encoding="utf-8").splitlines()]
    verifier_only, gate = {}, {}
    for row in rows:
        candidate = as_candidate(row["candidate"], {int(k): v for k, v in row["group"].items()}, FUSION_REASON)
        checked = candidate is not None and verified(
            candidate, float(encoder.encode([candidate.text])[0] @ encoder.encode([candidate.base_text])[0]), DEFAULTS)
        readable = checked and fluency_check(*scorer.score([candidate.text, candidate.base_text]), strict=True).passed
        verifier_only.setdefault(row["label"], []).append(checked)
        gate.setdefault(row["label"], []).append(readable)
    rate = lambda results: {label: f"{sum(v)}/{len(v)} accepted" for label, v in sorted(results.items())}  # noqa: E731
    print("verifier only:", rate(verifier_only), "| verifier and model:", rate(gate))
    assert len(rows) >= 25 and set(gate) == {"fine", "garbled", "unfaithful"}
    assert not any(gate["garbled"]) and not any(gate["unfaithful"])
    assert any(gate["fine"])
    assert any(verifier_only["garbled"])  # why the model's verdict is part of the gate
