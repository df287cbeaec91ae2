"""Attribution: another outlet is cited only when one of its sentences states the claim.

The labelled pairs in tests/data/paraphrase_pairs.jsonl were written from the seeds: "same" when the
evidence states what the claim states, "different" when it is only the same topic, another speaker,
a flipped negation or a changed number.
"""

import json

from summarize.attribute import Lexicon, content_words, numbers, polarity_conflict, same_claim
from summarize.config import DEFAULTS
from summarize.ingest import ingest, read_inputs
from summarize.split import split_sources

from .conftest import DATA, SEEDS


def labelled_pairs():
    return [json.loads(line) for line in (DATA / "paraphrase_pairs.jsonl").read_text(encoding="utf-8").splitlines()]


def test_calibrated_support_never_cites_a_source_that_does_not_state_the_claim(encoder):
    pairs = labelled_pairs()
    assert len(pairs) >= 30
    sources = ingest(read_inputs([SEEDS]))
    lexicon = Lexicon.build([s.text for s in split_sources(sources)], outlets=len(sources))
    claims = encoder.encode([p["claim"] for p in pairs])
    evidence = encoder.encode([p["evidence"] for p in pairs])
    decided = []
    for pair, a, b in zip(pairs, claims, evidence):
        shared = len(content_words(pair["claim"]) & content_words(pair["evidence"]) & lexicon.informative)
        decided.append((pair["label"], same_claim(pair["claim"], pair["evidence"], float(a @ b), shared, DEFAULTS)))
    true_positive = sum(1 for label, said in decided if said and label == "same")
    false_positive = [pair["claim"] for pair, (label, said) in zip(pairs, decided) if said and label != "same"]
    positives = sum(1 for label, _ in decided if label == "same")
    print(f"support: {true_positive}/{positives} paraphrases found, {len(false_positive)} false citations")
    assert false_positive == []  # precision 1.0 on the labelled set
    assert true_positive / positives >= 0.5


def test_negation_of_the_same_words_conflicts():
    assert polarity_conflict("China has agreed to restore the channel.", "China has not agreed to restore the channel.")
    assert not polarity_conflict("Progress is hard.", "Progress is hard, and it is not the product of one visit.")


def test_numbers_match_digits_and_words():
    assert numbers("visited China in 5 years") == numbers("the first visit in five years")
    assert numbers("trade of $690,000") == {"690000"}
    assert numbers("the one thing it wanted") == frozenset()
