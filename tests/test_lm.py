"""The abstractive model: the packaged GGUF converted once into the cache, prompts as files."""

import os
import time

from summarize.lm import FluencyScorer, converted_dir, load_prompt, packaged_gguf, render


def test_packaged_gguf_is_found_without_importing_the_package():
    path = packaged_gguf()
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf" and path.stat().st_size > 50_000_000


def test_conversion_is_cached_and_reloads_fast():
    scorer = FluencyScorer()  # the conftest fixture converted the real packaged GGUF into this run's cache
    assert (converted_dir() / "model.safetensors").exists()
    assert str(converted_dir()).startswith(os.environ["SUMMARIZE_CACHE"])
    started = time.perf_counter()
    again = FluencyScorer()
    assert time.perf_counter() - started < 10  # from safetensors, not the 20 s GGUF dequantization
    good, garbled = again.score(["Blinken met Xi Jinping in Beijing on Monday.", "Beijing Monday Xi met on Blinken in the."])
    assert good > garbled
    assert scorer.score(["Blinken met Xi Jinping in Beijing on Monday."])[0] == good


def test_changing_the_prompt_file_changes_the_scores(tmp_path, monkeypatch):
    sentence = ["Blinken met Xi Jinping in Beijing on Monday."]
    shipped = FluencyScorer().score(sentence)[0]
    (tmp_path / "fluency.txt").write_text("A recipe for lemon cake.\n${context}\nStep:", encoding="utf-8")
    monkeypatch.setenv("SUMMARIZE_PROMPTS", str(tmp_path))
    changed = FluencyScorer().score(sentence)[0]
    assert changed != shipped


def test_prompt_slots_are_strict():
    import pytest

    from summarize.errors import ModelError

    template = load_prompt("fluency")
    assert "news brief" in render(template, context="")
    with pytest.raises(ModelError):
        render(template, context="", extra="x")
