"""Recovers the committed tokenizer and LM weights from public/models/trellis-lm-tiny, so the RM can
be retrained (`train.py rm`) on a fresh checkout without retraining the LM (whose committed weights
came from a GPU run that 2 CPU cores cannot repeat in the time budget).

Usage: python3 tools/models/recover_lm.py [--force]
Writes .work/tokenizer.json and .work/weights/lm.{bin,json}; skips files that already exist.
"""
import json
import os
import sys

import onnx
import torch
from onnx import numpy_helper

sys.path.insert(0, os.path.dirname(__file__))
import weights_io  # noqa: E402
from model import Config, LanguageModel  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, ".work")
LM_DIR = os.path.join(HERE, "..", "..", "public", "models", "trellis-lm-tiny")
# The order in which each block's projections are applied in forward() (and so traced to ONNX).
PROJECTIONS = ["self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj", "gate_proj", "up_proj", "down_proj"]


def recover_tokenizer(path):
    with open(os.path.join(LM_DIR, "tokenizer.json"), encoding="utf-8") as f:
        model = json.load(f)["model"]
    by_id = sorted(model["vocab"].items(), key=lambda item: item[1])
    assert [i for _, i in by_id] == list(range(len(by_id))), "tokenizer ids are not dense"
    merges = [m.split(" ") if isinstance(m, str) else m for m in model["merges"]]
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"vocab": [s for s, _ in by_id], "merges": merges}, f, ensure_ascii=False)
    return len(by_id) + 1


def recover_lm(vocab_size, path):
    """Named initializers map directly; the linear weights were exported as anonymous MatMul
    constants ([in, out]), which follow the forward order of the projections."""
    graph = onnx.load(os.path.join(LM_DIR, "onnx", "model.onnx")).graph
    arrays = {init.name: numpy_helper.to_array(init) for init in graph.initializer}
    cfg = Config(vocab_size=vocab_size)
    lm = LanguageModel(cfg)
    state = lm.state_dict()
    linear_names = [f"model.layers.{i}.{p}.weight" for i in range(cfg.num_hidden_layers) for p in PROJECTIONS]
    matmuls = []
    for node in graph.node:
        if node.op_type == "MatMul" and node.input[1] in arrays and node.input[1] not in matmuls:
            if arrays[node.input[1]].shape != (cfg.hidden_size, cfg.vocab_size):  # tied output head
                matmuls.append(node.input[1])
    assert len(matmuls) == len(linear_names), f"expected {len(linear_names)} projections, found {len(matmuls)}"
    recovered = {name: torch.from_numpy(arrays[const].T.copy()) for name, const in zip(linear_names, matmuls)}
    for name in state:
        if name not in recovered:
            recovered[name] = torch.from_numpy(arrays["lm." + name].copy())
    for name, tensor in recovered.items():
        assert tuple(tensor.shape) == tuple(state[name].shape), f"{name}: {tuple(tensor.shape)} vs {tuple(state[name].shape)}"
    lm.load_state_dict(recovered)
    weights_io.save(lm, path)


def main():
    force = "--force" in sys.argv
    os.makedirs(os.path.join(WORK, "weights"), exist_ok=True)
    tokenizer = os.path.join(WORK, "tokenizer.json")
    if force or not os.path.exists(tokenizer):
        print(f"recovered tokenizer ({recover_tokenizer(tokenizer)} entries) from {LM_DIR}")
    weights = os.path.join(WORK, "weights", "lm")
    if force or not os.path.exists(weights + ".bin"):
        with open(tokenizer, encoding="utf-8") as f:
            vocab_size = len(json.load(f)["vocab"]) + 1
        recover_lm(vocab_size, weights)
        print(f"recovered LM weights from {LM_DIR}/onnx/model.onnx")


if __name__ == "__main__":
    main()
