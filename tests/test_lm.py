"""The abstractive model: the packaged GGUF converted once into the cache, prompts as files."""

import os
import time

import pytest

from summarize.lm import FluencyScorer, converted_dir, load_prompt, packaged_gguf, render


def test_packaged_gguf_is_found_without_importing_the_package():
    path = packaged_gguf()
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf" and path.stat().st_size > 50_000_000


def test_conversion_is_cached_and_reloads_fast():
    scorer = FluencyScorer(cache=False)  # the conftest fixture converted the packaged GGUF into this run's cache
    assert (converted_dir() / "model.safetensors").exists()
    assert str(converted_dir()).startswith(os.environ["SUMMARIZE_CACHE"])
    started = time.perf_counter()
    again = FluencyScorer(cache=False)
    again.model  # loads on first use
    assert time.perf_counter() - started < 10  # from safetensors, not from the GGUF file
    good, garbled = again.score(["Blinken met Xi Jinping in Beijing on Monday.", "Beijing Monday Xi met on Blinken in the."])
    assert good > garbled
    # Alone or beside a padded longer sentence, the same text scores the same up to float rounding.
    assert scorer.score(["Blinken met Xi Jinping in Beijing on Monday."])[0] == pytest.approx(good, abs=1e-4)


def test_converted_config_matches_what_transformers_own_gguf_loader_reads():
    from transformers.integrations.gguf import read_gguf_metadata
    from transformers.modeling_gguf_pytorch_utils import load_gguf_checkpoint

    from summarize.lm import _config_from_metadata

    path = packaged_gguf()
    ours = _config_from_metadata(*read_gguf_metadata(str(path)))
    theirs = load_gguf_checkpoint(str(path))["config"]  # the slow legacy parse, once, as the reference
    assert ours == theirs


def test_converted_weights_equal_transformers_own_gguf_loader(converted_model):
    """Same tensors, bit for bit, as the slow reference path (which un-permutes q/k for rotary layout)."""
    import torch
    from safetensors.torch import load_file
    from transformers import AutoModelForCausalLM

    path = packaged_gguf()
    reference = AutoModelForCausalLM.from_pretrained(path.parent, gguf_file=path.name).state_dict()
    ours = load_file(converted_model / "model.safetensors")
    assert set(ours) == set(reference) - {"lm_head.weight"}  # tied to the embedding, as in the file
    for name, tensor in ours.items():
        assert torch.equal(tensor, reference[name]), name


def test_converted_model_predicts_and_keeps_its_tied_output_layer(converted_model):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(converted_model)
    model = AutoModelForCausalLM.from_pretrained(converted_model)
    assert model.lm_head.weight.data_ptr() == model.model.embed_tokens.weight.data_ptr()  # tied, not random
    text = "The capital of France is Paris. The capital of Germany is"
    ids = tokenizer(text, return_tensors="pt")["input_ids"]
    assert tokenizer.decode(ids[0]) == text
    with torch.inference_mode():
        logits = model(input_ids=ids).logits
    assert tokenizer.decode(logits[0, -1].argmax()).strip() == "Berlin"


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


def test_an_encoder_given_as_model_is_refused_not_scored_with_random_weights():
    import pytest

    from summarize.embed import default_model_dir
    from summarize.errors import ModelError

    with pytest.raises(ModelError, match="is not a causal language model"):
        FluencyScorer(default_model_dir(), cache=False).score(["x"])  # MiniLM: a BERT encoder, whose LM head transformers would invent


def test_scores_come_back_from_the_persistent_cache_without_loading_the_model(monkeypatch):
    wordings = ["Blinken met Xi Jinping in Beijing on Monday.", "Blinken and Xi met in Beijing."]
    fresh = FluencyScorer().score(wordings)
    again = FluencyScorer()  # a new process would make a new scorer; the cache is on disk

    def no_model(*args, **kwargs):
        raise AssertionError("the model loaded for cached wordings")

    monkeypatch.setattr(again, "_load", no_model)  # with transformers
    monkeypatch.setattr(again, "_graph_session", no_model)  # or on ONNX Runtime
    assert again.score(wordings) == fresh
    with pytest.raises(AssertionError, match="the model loaded"):
        again.score(["A wording no run has scored."])
    assert FluencyScorer().score(wordings, context="Another prompt context.") != fresh  # the context is in the key
