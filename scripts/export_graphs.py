"""Export the two default models' computation graphs, without their weights, to summarize/graphs/.

    python scripts/export_graphs.py

A brief that has to embed or score anything would otherwise import torch and transformers' BERT and
Llama modules (~5 s on 2 cores: more than a whole warm brief). ONNX Runtime runs the same graphs after a
0.2 s import. The graphs are exported here, once, with torch's ONNX exporter; each weight is replaced by a
reference to its tensor's bytes in the safetensors file the user already has (the packaged MiniLM, the
SmolLM2 converted from its GGUF file), which ONNX Runtime maps at load (`summarize/runtime.py`). So the
repository holds ~2 MB of graph, not 600 MB of weights, and nothing is converted at run time.

Each graph computes exactly what the torch path of `summarize/embed.py` and `summarize/lm.py` does:
  minilm_l6.onnx      input_ids, attention_mask → mean-pooled, L2-normalised vectors (batch × 384)
  smollm2_135m.onnx   input_ids, attention_mask → log-probability of each next token (batch × (len − 1))
tests/test_runtime.py checks both against torch on real text. Rerun this script when a model changes.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import onnx
import torch
from safetensors import safe_open
from transformers import AutoModel, AutoModelForCausalLM

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.embed import default_model_dir  # noqa: E402
from summarize.lm import convert_gguf, converted_dir  # noqa: E402
from summarize.runtime import GRAPHS, weights_layout  # noqa: E402

OPSET = 17


class PooledVectors(torch.nn.Module):
    """MiniLM with embed.py's pooling: the mean of the unmasked token states, unit length."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        hidden = self.model(input_ids=input_ids, attention_mask=attention_mask,
                            token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, p=2, dim=1)


class NextTokenLogProbs(torch.nn.Module):
    """The causal LM with lm.py's scoring: log p(token t+1 | tokens ≤ t) for every position."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        logits = self.model(input_ids=input_ids, attention_mask=attention_mask, use_cache=False).logits
        log_probs = torch.log_softmax(logits[:, :-1].float(), dim=-1)
        return log_probs.gather(2, input_ids[:, 1:].unsqueeze(-1)).squeeze(-1)


def export(wrapper: torch.nn.Module, weights_file: Path, name: str, output: str) -> None:
    ids = torch.tensor([[1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 0, 0, 0]])
    mask = (ids != 0).long()
    path = GRAPHS / f"{name}.onnx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            wrapper, (ids, mask), str(path), dynamo=False, opset_version=OPSET,
            do_constant_folding=False,  # keeps each weight under its own name, as the safetensors file has it
            input_names=["input_ids", "attention_mask"], output_names=[output],
            dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                          output: {0: "batch"}},
        )
    graph = onnx.load(str(path))
    layout = weights_layout(weights_file)
    with safe_open(str(weights_file), "np") as stored:
        tensors = {key: stored.get_slice(key).get_shape() for key in stored.keys()}
    # A weight the graph names "model.X" is tensor "X" in the file; a tied output layer is the embedding.
    state = wrapper.state_dict()
    same_storage = {state[k].data_ptr(): k.removeprefix("model.") for k in state if k.removeprefix("model.") in tensors}
    bound = {}
    for initializer in graph.graph.initializer:
        key = initializer.name.removeprefix("model.")
        if key not in tensors and initializer.name in state:
            key = same_storage.get(state[initializer.name].data_ptr(), key)
        if key not in tensors or list(initializer.dims) != list(tensors[key]):
            # A constant of the graph's own (e.g. position ids) stays inside it; said, so a weight left
            # behind by a renamed layer cannot go unnoticed.
            print(f"  kept inside {path.name}: {initializer.name} {list(initializer.dims)}")
            continue
        offset, length = layout[key]
        bound[initializer.name] = {"tensor": key, "offset": offset, "length": length}
        initializer.ClearField("raw_data")
        initializer.data_location = onnx.TensorProto.EXTERNAL
        for field, value in (("location", weights_file.name), ("offset", offset), ("length", length)):
            entry = initializer.external_data.add()
            entry.key, entry.value = field, str(value)
    onnx.save(graph, str(path))
    (GRAPHS / f"{name}.json").write_text(json.dumps(bound, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1e6:.1f} MB, {len(bound)} weights bound from {weights_file.name}")


def main() -> None:
    GRAPHS.mkdir(exist_ok=True)
    minilm = default_model_dir()
    export(PooledVectors(AutoModel.from_pretrained(minilm).eval()), minilm / "model.safetensors", "minilm_l6", "vectors")
    smollm = converted_dir()
    if not (smollm / "config.json").exists():
        convert_gguf(smollm)
    lm = AutoModelForCausalLM.from_pretrained(smollm, attn_implementation="eager").eval()
    export(NextTokenLogProbs(lm), smollm / "model.safetensors", "smollm2_135m", "token_log_probs")


if __name__ == "__main__":
    main()
