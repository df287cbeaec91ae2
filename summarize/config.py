"""Defaults in one place, each with its reason; the CLI mirrors them with show_default=True."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    words: int = 200  # a brief a reader takes in in about a minute
    sentences: int | None = None  # when set, a sentence count replaces the word budget
    # Candidate sentences: shorter ones are captions or fragments, longer ones run-ons that eat the budget.
    # (A newswire sentence of 46-60 words is still one statement: at 45, dev Multi-News ROUGE-2 read 15.69
    # against 16.13 at 60 and 16.15 at 65; NeuS and DUC the same or better.)
    min_sentence_words: int = 8
    max_sentence_words: int = 60
    # Graph: cosine below this is no edge (keeps the graph sparse; LexRank's usual threshold is 0.1-0.3).
    edge_threshold: float = 0.45
    # An edge between two outlets counts this much more than one inside an outlet, so agreement between
    # outlets, not one outlet repeating itself, is what ranks (DESIGN.md §3).
    cross_source_weight: float = 1.0
    same_source_weight: float = 0.1
    # Inside one source, near-copies (a repeated lede) must not vote for each other.
    near_duplicate: float = 0.9
    damping: float = 0.85
    # Each other outlet stating a sentence multiplies its relevance for selection by (1 + this).
    corroboration_weight: float = 0.5
    # Beyond this many words a sentence's relevance is scaled down in proportion to its length.
    long_sentence_words: int = 30
    # Selection: "concepts" covers the most agreed-on bigrams within the budget, exactly (concepts.py);
    # "mmr" takes sentences by centrality and novelty. Compared in bench/EVAL.md.
    selection: str = "concepts"
    position_prior: float = 2.0  # a bigram in a source's first sentence weighs up to 1 + this, in its last 1
    concept_min_sources: int = 2  # bigrams fewer sources print are left out ...
    concept_min_shared: int = 5  # ... when at least this many bigrams are shared
    # A content word is a concept too, worth this much of a bigram: two sentences on one event in other
    # words ("blasted off to space" / "went to space") share words, not bigrams, and the second then adds
    # little. (The corroboration and learned bonuses stay in units of the average bigram.) Dev ROUGE-2:
    # Multi-News 17.02 → 17.03, NeuS 19.24 → 19.41, DUC 8.82 → 8.80; held-out B 17.80 → 18.14 (bench/EVAL.md).
    word_concept_weight: float = 0.6
    # Each other outlet that a sentence's wording can cite is worth this many average concepts to the
    # program: agreement is the news, and the seeds brief keeps half its Summary claims multi-sourced.
    corroboration_bonus: float = 4.0
    # How much the learned sentence scorer (scorer.py, fitted on NeuS train) adds to the program, and how
    # much more a bigram a headline prints weighs. With the program over every candidate, both together
    # with corroboration: dev ROUGE-2 (selection as written) NeuS 18.6 against 17.4 without headlines,
    # Multi-News 15.7 either way, DUC 8.1 against 8.2 (bench/ablation.py, bench/EVAL.md, 2026-11-28).
    learned_weight: float = 1.0
    headline_weight: float = 1.0
    # MMR trade-off between centrality and novelty, and the cosine above which a
    # candidate repeats a selected sentence.
    mmr_lambda: float = 0.7
    redundancy: float = 0.72
    # Attribution: another outlet supports a claim when one of its sentences is a paraphrase:
    # cosine at or above this (calibrated on tests/data/paraphrase_pairs.jsonl) and at least
    # `min_shared_words` informative content words in common.
    support_similarity: float = 0.62
    min_shared_words: int = 2
    # "Does any other outlet report this at all?" — looser than a citation: close in meaning and three
    # content words in common, in a sentence, two adjacent ones or a headline (tests/data/dev_pairs.jsonl).
    report_similarity: float = 0.55
    report_shared_words: int = 3
    # An outlet is *named* as reporting a claim too ("also reported by [2]") only when its evidence also
    # shares this many words and every figure of the claim (or its rounding: `attribute.figures_agree`; dev
    # pairs 0.976 / 0.323 → 0.976 / 0.331, 401 pairs of NeuS train roundups labelled in the twelfth session
    # 0.861 / 0.483 → 0.857 / 0.513), in a sentence this close: on the labelled dev
    # pairs the looser test alone is right 0.61 of the time, with these 0.91 (recall 0.40); on 272 labelled
    # pairs of unseen NeuS train roundups 0.89 / 0.41 (5 words and no closeness, as before: 0.82 on dev
    # but 0.70 unseen).
    name_shared_words: int = 6
    name_similarity: float = 0.6
    # ... and holds this share of the claim's content words (dev pairs 0.911 / 0.411 → 0.976 / 0.323; on
    # held-out sample E about one named outlet in four had been wrong, most of them beside long claims).
    name_coverage: float = 0.4
    support_coverage: float = 0.67  # share of the claim's content words the evidence must have (dev pairs)
    # The abstractive stage: conservative verified edits (deletions, neutral wording) and a model that
    # picks among grounded wordings. `model` is a local Hugging Face directory; None = packaged SmolLM2.
    rewrite: bool = True
    # Where outlets disagree: two sentences this close (cosine) that differ on a number or a negation are
    # shown side by side in every brief of at least `contrast_budget` words.
    contrast_similarity: float = 0.55
    contrast_budget: int = 150
    # "off" | "safe" (full names from other outlets of the group) | "aggressive" (word-graph fusion too)
    fusion: str = "safe"
    use_model: bool = True
    model: str | None = None
    propose: bool = False  # the model also writes one candidate wording per claim (verified like any edit)
    device: str = "auto"  # "auto" (a GPU when torch sees one) | "cpu" | "cuda" | "cuda:N", for both models
    seed: int = 0  # torch's seed, set when the model loads (scoring and greedy decoding are deterministic anyway)
    # Bounded work on large inputs (a day's feed): only this many of the most central candidates are tested
    # for support, agreement and contrasts (each test is O(sentences)); a 200-word brief never comes from
    # further down. No dev cluster has this many candidates, so briefs of one story are unchanged.
    candidate_pool: int = 1500
    # Above `two_stage_above` sentences ranking has two stages: TF-IDF LexRank (Erkan & Radev's own graph)
    # over all of them, then MiniLM only for the `embed_limit` most central. Embedding is ~90 % of a large
    # run's time; the largest dev cluster has 1,221 sentences, so one story's brief is unchanged. Forced
    # onto the DUC 2006 dev clusters (1,221 sentences each), the two stages give ROUGE-2 8.39 with 1,000
    # embedded in int8 on ONNX Runtime (8.35 with 800, 8.08 with 600; 8.41 with all in fp32; torch's int8
    # gave 8.41 at 1,000 and 8.35 at 500) (bench/RESULTS.md).
    two_stage_above: int = 2000
    embed_limit: int = 1000
    # Such large inputs are embedded with int8 MiniLM (~2x faster on 2 cores): on ONNX Runtime with
    # per-channel weights. At the same thresholds the labelled dev pairs keep citation precision 1.000
    # (recall 0.529, as fp32; over two sentences 0.409 against 0.455) and the looser test precision 0.605 /
    # recall 0.815 (0.608 / 0.815): the thresholds stand (bench/RESULTS.md, 2026-11-28; torch's int8,
    # used without onnxruntime, kept them too).
    int8_large_inputs: bool = True
    # Above this many sentences each keeps at most `graph_neighbours` edges (its strongest): memory O(n·k).
    sparse_graph_above: int = 5000
    graph_neighbours: int = 50
    embed_batch_size: int = 16  # fastest on 2 cores with length-sorted batches (bench/RESULTS.md)


DEFAULTS = Settings()


def cache_dir() -> Path:
    """Where converted models live: $SUMMARIZE_CACHE, else $XDG_CACHE_HOME/summarize, else ~/.cache/summarize."""
    explicit = os.environ.get("SUMMARIZE_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "summarize"
