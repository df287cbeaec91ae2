"""The two default models on ONNX Runtime: a brief that embeds and scores imports neither torch nor
transformers.

Those imports take ~5 s on 2 cores (torch 1.5 s, transformers' BERT and Llama modules 3–4 s), more than
a whole warm brief; onnxruntime imports in 0.2 s and runs MiniLM about twice as fast as torch in fp32.
`scripts/export_graphs.py` exported each model's graph once, without its weights, to summarize/graphs/
(MiniLM with embed.py's pooling; SmolLM2 with lm.py's next-token log-probabilities); each weight there
points at its tensor's bytes in the safetensors file the user already has (the packaged MiniLM, the
SmolLM2 converted from its GGUF file). Where that file is laid out as it was at export, ONNX Runtime
maps the weights straight from it (SmolLM2 loads in 0.3 s, nothing copied); where it is not, the tensors
are read by name and handed over (~1 s). Results equal the torch path's (tests/test_runtime.py).

Used for the default models on the CPU; `--model PATH`, a GPU, and `--propose` (generation, and then
the scores too: one copy of the model) load it with transformers and torch.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import logging
import os
from pathlib import Path

import numpy as np

from .errors import ModelError

log = logging.getLogger(__name__)

GRAPHS = Path(__file__).parent / "graphs"


def available(name: str) -> bool:
    """onnxruntime is installed and the graph shipped."""
    return importlib.util.find_spec("onnxruntime") is not None and (GRAPHS / f"{name}.onnx").is_file()


class GraphSession:
    """One exported graph with its weights bound from a safetensors file; `run(ids, mask)` → its output."""

    def __init__(self, name: str, weights_file: Path, optimize: bool = True, int8_cache: Path | None = None):
        """`int8_cache`: run the int8 graph kept there (made from these weights on first use) instead."""
        import onnxruntime as ort

        graph = GRAPHS / f"{name}.onnx"
        try:
            options = ort.SessionOptions()
            options.log_severity_level = 3  # errors only: its warnings are not the reader's business
            options.intra_op_num_threads = threads()
            if not optimize:  # a large graph loads in half the time unoptimised and runs about as fast
                options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
            model: str | bytes = str(graph)
            if int8_cache is not None:
                if not int8_cache.is_file():
                    _write_int8(name, weights_file, int8_cache)
                model = str(int8_cache)
            elif _laid_out_as_exported(name, weights_file):
                # The graph's weights are byte ranges of this file: ONNX Runtime maps them from its folder.
                options.add_session_config_entry("session.model_external_initializers_file_folder_path",
                                                 str(weights_file.parent))
                model = graph.read_bytes()
            else:
                # ONNX Runtime reads the arrays while the session lives: keep them referenced.
                tensors = _bound_tensors(name, weights_file)
                self._weights = [ort.OrtValue.ortvalue_from_numpy(array) for array in tensors.values()]
                options.add_external_initializers(list(tensors), self._weights)
            self.session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        except Exception as error:  # a missing tensor, another shape, a corrupt file: all mean "use torch"
            raise ModelError(f"cannot run {name}.onnx on {weights_file}: {error}") from error
        self.name = name

    def run(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        return self.session.run(None, {"input_ids": input_ids.astype(np.int64),
                                       "attention_mask": attention_mask.astype(np.int64)})[0]


def threads() -> int:
    """Threads for one session: OMP_NUM_THREADS where a worker pool or Ray set it, else 0 (all cores)."""
    value = os.environ.get("OMP_NUM_THREADS", "")
    return int(value) if value.isdigit() else 0


@functools.cache  # read once per process: the cache keys of the int8 graph and of its vectors both ask
def graph_stamp(name: str) -> str:
    """A short hash of the shipped graph and its weight table: what is made from them names it."""
    digest = hashlib.sha1((GRAPHS / f"{name}.onnx").read_bytes())
    digest.update((GRAPHS / f"{name}.json").read_bytes())
    return digest.hexdigest()[:12]


def _bound(name: str) -> dict[str, dict]:
    """Graph initializer name → {"tensor": its name in the safetensors file, "offset", "length"} at export."""
    return json.loads((GRAPHS / f"{name}.json").read_text(encoding="utf-8"))


def _bound_tensors(name: str, weights_file: Path) -> dict[str, np.ndarray]:
    """Graph initializer name → its tensor, read from the safetensors file by name."""
    from safetensors import safe_open

    with safe_open(str(weights_file), "np") as stored:
        return {initializer: stored.get_tensor(where["tensor"]) for initializer, where in _bound(name).items()}


def weights_layout(weights_file: Path) -> dict[str, tuple[int, int]]:
    """Tensor name → (offset of its bytes in the file, length), from the safetensors header: an 8-byte
    little-endian header size, then a JSON header whose offsets count from the header's end."""
    with open(weights_file, "rb") as stored:
        size = int.from_bytes(stored.read(8), "little")
        header = json.loads(stored.read(size))
    return {key: (8 + size + entry["data_offsets"][0], entry["data_offsets"][1] - entry["data_offsets"][0])
            for key, entry in header.items() if key != "__metadata__"}


def _laid_out_as_exported(name: str, weights_file: Path) -> bool:
    """Every tensor the graph reads sits at the same bytes of a file of the same name as at export."""
    if weights_file.name != "model.safetensors":
        return False
    try:
        layout = weights_layout(weights_file)
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return all(layout.get(where["tensor"]) == (where["offset"], where["length"]) for where in _bound(name).values())


def _write_int8(name: str, weights_file: Path, target: Path) -> None:
    """The graph with its weights inside, MatMul weights quantized to int8 by ONNX Runtime's dynamic
    quantization (~2x faster on 2 cores), written once to `target` (atomic rename: runs at once are safe)."""
    import tempfile

    import onnx
    import onnxruntime as ort
    from onnx import numpy_helper
    from onnxruntime.quantization import QuantType, quantize_dynamic

    graph = onnx.load(str(GRAPHS / f"{name}.onnx"), load_external_data=False)
    tensors = _bound_tensors(name, weights_file)
    for initializer in graph.graph.initializer:
        if initializer.name in tensors:
            initializer.CopyFrom(numpy_helper.from_array(tensors[initializer.name], initializer.name))
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=f".{target.name}.") as staging:
        full, folded, quantized = (Path(staging) / f"{step}.onnx" for step in ("fp32", "folded", "int8"))
        onnx.save(graph, str(full))
        # The exported graph transposes each weight as it runs; folded first, the quantizer sees the
        # constant weights of the MatMuls and quantizes them all.
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(folded)
        ort.InferenceSession(str(full), options, providers=["CPUExecutionProvider"])
        logging.disable(logging.WARNING)  # the quantizer's advice to its developers ("consider pre-processing")
        try:
            quantize_dynamic(str(folded), str(quantized), weight_type=QuantType.QInt8,
                             op_types_to_quantize=["MatMul"], per_channel=True)
        finally:
            logging.disable(logging.NOTSET)
        quantized.replace(target)


def tokenizer(model_dir: Path, max_tokens: int | None = None):
    """The model's own fast tokenizer (tokenizer.json) through the `tokenizers` library, without
    transformers: no padding (batches pad themselves), truncated like the torch path."""
    from tokenizers import Tokenizer

    path = model_dir / "tokenizer.json"
    if not path.is_file():
        raise ModelError(f"{model_dir} has no tokenizer.json")
    loaded = Tokenizer.from_file(str(path))
    loaded.no_padding()
    if max_tokens:
        loaded.enable_truncation(max_tokens)
    else:
        loaded.no_truncation()
    return loaded


def padded(rows: list[list[int]], pad: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Token id rows padded on the right to the longest, with the attention mask."""
    width = max(map(len, rows))
    ids = np.full((len(rows), width), pad, dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for i, row in enumerate(rows):
        ids[i, :len(row)] = row
        mask[i, :len(row)] = 1
    return ids, mask
