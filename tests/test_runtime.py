"""The default models on ONNX Runtime: the same numbers as with torch, no torch in the process."""

import json
import os
import sqlite3
import subprocess
import sys

import numpy as np
import pytest

from summarize import runtime
from summarize.embed import Encoder
from summarize.errors import ModelError
from summarize.lm import FluencyScorer, converted_dir

from .conftest import ROOT, SEEDS

SENTENCES = [
    "U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping in Beijing on Monday.",
    "The two sides agreed to keep talking.",
    "Officials said the meeting, which lasted 35 minutes, was candid and constructive, though the question "
    "of Taiwan and export controls on advanced chips remained unresolved after a long day of talks.",
]


def test_the_graph_gives_torchs_vectors():
    on_runtime, on_torch = Encoder(cache=False), Encoder(cache=False, onnx=False)
    vectors, expected = on_runtime.encode(SENTENCES), on_torch.encode(SENTENCES)
    assert on_runtime._load()[2] is None and on_torch._load()[2] is not None  # really two paths
    assert np.allclose(vectors, expected, atol=1e-5)


def test_the_graph_gives_torchs_fluency_scores(converted_model):
    candidates = ["Blinken met Xi Jinping in Beijing on Monday.", "Beijing Monday Xi met on Blinken in the.",
                  SENTENCES[2]]  # three lengths: padding must not change a score
    # The converter writes the same file on every machine: its weights are mapped, not copied.
    assert runtime._laid_out_as_exported("smollm2_135m", converted_model / "model.safetensors")
    on_runtime, on_torch = FluencyScorer(cache=False), FluencyScorer(cache=False, onnx=False)
    scores, expected = on_runtime.score(candidates), on_torch.score(candidates)
    assert on_runtime._graph_session() and on_torch._graph_session() is None
    assert scores == pytest.approx(expected, abs=1e-4)
    assert scores[0] > scores[1]


def test_int8_graph_is_made_once_from_the_weights_and_stays_close(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARIZE_CACHE", str(tmp_path))
    fp32 = Encoder(cache=False).encode(SENTENCES)
    first = Encoder(cache=False, quantize=True)
    int8 = first.encode(SENTENCES)
    [made] = (tmp_path / "models").glob("minilm_l6-int8-per-channel-*.onnx")
    stamp = made.stat().st_mtime_ns
    assert np.allclose(Encoder(cache=False, quantize=True).encode(SENTENCES), int8, atol=1e-6)
    assert made.stat().st_mtime_ns == stamp  # reused, not made again
    assert 1 - float((fp32 * int8).sum(axis=1).min()) < 0.03  # per-channel int8 moves a cosine by < 0.03


def test_weights_laid_out_otherwise_are_read_by_name(tmp_path):
    """The graph maps weights from the file as laid out at export; another layout of the same tensors
    (here: one more tensor in front) is read tensor by tensor, with the same result."""
    from safetensors.numpy import load_file, save_file

    from summarize.embed import default_model_dir

    packaged = default_model_dir() / "model.safetensors"
    assert runtime._laid_out_as_exported("minilm_l6", packaged)
    save_file({"a.first": np.zeros(3, dtype=np.float32), **load_file(packaged)}, tmp_path / "model.safetensors")
    assert not runtime._laid_out_as_exported("minilm_l6", tmp_path / "model.safetensors")
    ids, mask = runtime.padded([[101, 7592, 2088, 102], [101, 7592, 102]])
    mapped = runtime.GraphSession("minilm_l6", packaged).run(ids, mask)
    assert np.array_equal(runtime.GraphSession("minilm_l6", tmp_path / "model.safetensors").run(ids, mask), mapped)


def test_weights_that_do_not_fit_the_graph_fall_back_to_torch(tmp_path, monkeypatch, caplog):
    with pytest.raises(ModelError, match="cannot run minilm_l6"):
        runtime.GraphSession("minilm_l6", converted_dir() / "model.safetensors")  # SmolLM2's weights
    broken = tmp_path / "graphs"
    broken.mkdir()
    (broken / "minilm_l6.onnx").write_bytes(b"not a graph")
    (broken / "minilm_l6.json").write_text(json.dumps({}))
    monkeypatch.setattr(runtime, "GRAPHS", broken)
    encoder = Encoder(cache=False)
    vectors = encoder.encode(SENTENCES[:1])
    assert "loading it with torch instead" in caplog.text
    assert encoder._load()[2] is not None and vectors.shape == (1, 384)


def test_a_brief_imports_neither_torch_nor_transformers(tmp_path, converted_model):
    """A new process, nothing cached but the converted model: embedding and scoring both run."""
    env = dict(os.environ, SUMMARIZE_CACHE=str(tmp_path))
    (tmp_path / "models").symlink_to(converted_model.parent)
    script = ("import sys, summarize; result = summarize.brief([sys.argv[1]], words=120); "
              "print(len(result.claims), 'torch' in sys.modules, 'transformers' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script, str(SEEDS)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    claims, torch_loaded, transformers_loaded = done.stdout.split()
    assert int(claims) > 0 and (torch_loaded, transformers_loaded) == ("False", "False")
    for store, table in (("embeddings", "vectors"), ("fluency", "scores")):  # both models ran
        with sqlite3.connect(tmp_path / f"{store}.sqlite3") as db:
            assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] > 0, store


def test_a_failed_int8_graph_stores_no_torch_vectors_under_its_key(tmp_path, monkeypatch, caplog):
    from summarize.embed import INT8_ON_ONNX_RUNTIME, _cache_for, default_model_dir

    monkeypatch.setenv("SUMMARIZE_CACHE", str(tmp_path))

    def cannot(*args, **kwargs):
        raise OSError("read-only cache")

    monkeypatch.setattr(runtime, "_write_int8", cannot)
    encoder = Encoder(quantize=True)
    encoder.encode(SENTENCES[:1])
    assert "loading it with torch instead" in caplog.text
    encoder.encode(SENTENCES[:1])  # now cached, under torch's int8 key
    assert _cache_for(default_model_dir(), INT8_ON_ONNX_RUNTIME).get(SENTENCES[:1]) == {}
    assert list(_cache_for(default_model_dir(), True).get(SENTENCES[:1])) == [0]


def test_propose_keeps_one_copy_of_the_model_on_torch():
    from dataclasses import replace

    from summarize.config import DEFAULTS
    from summarize.pipeline import _scorer

    assert _scorer(replace(DEFAULTS, propose=True))._graph_session() is None  # generation needs torch
    assert _scorer(DEFAULTS)._graph_session() is not None


def test_many_wordings_are_scored_in_bounded_batches_with_the_same_scores(converted_model, monkeypatch):
    from summarize import lm

    monkeypatch.setattr(lm, "SCORE_BATCH", 3)
    wordings = [f"Blinken met Xi Jinping in Beijing on day {n} of the visit." for n in range(7)]
    scorer = FluencyScorer(cache=False)
    batched = scorer.score(wordings)  # passes of 3, 3 and 1
    assert batched == pytest.approx([scorer.score([w])[0] for w in wordings], abs=1e-4)
