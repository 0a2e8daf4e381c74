"""Exports a random-weights decoder with Qwen2.5-0.5B's shape (24 layers, hidden 896, 14 heads,
2 KV heads, head_dim 64, MLP 4864, vocab 151,936, tied embeddings) in the Optimum layout with the
KV cache, weights as external data — for the real-GPU throughput check only (never committed).

  python3 tools/device/export_qwen05b_shape.py OUT_DIR [LAYERS]
"""
import inspect
import json
import os
import sys

import onnx
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "models"))
import export_test_model as base  # noqa: E402

_export = torch.onnx.export


def legacy_export(*args, **kwargs):
    # Newer torch defaults to the dynamo exporter; the test exporter is written for the TorchScript one.
    if "dynamo" in inspect.signature(_export).parameters:
        kwargs["dynamo"] = False
    return _export(*args, **kwargs)


torch.onnx.export = legacy_export


def main():
    out_dir = sys.argv[1]
    layers = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    config = dict(hidden_size=896, num_hidden_layers=layers, num_attention_heads=14, num_key_value_heads=2,
                  head_dim=64, intermediate_size=4864, rms_norm_eps=1e-6, rope_theta=1000000.0, vocab_size=151936)
    torch.manual_seed(0)
    model = base.TinyDecoder(config, False).eval()
    model.with_past = True
    with torch.no_grad():
        for p in model.parameters():
            p.mul_(0.5)
    params = sum(p.numel() for p in model.parameters())
    print(f"export: {params / 1e6:.1f}M parameters, {layers} layers", flush=True)
    tmp = os.path.join(out_dir, "tmp")
    base.export(model, tmp, with_past=True)
    graph = onnx.load(os.path.join(tmp, "onnx", "model.onnx"))
    os.makedirs(os.path.join(out_dir, "onnx"), exist_ok=True)
    onnx.save_model(graph, os.path.join(out_dir, "onnx", "model.onnx"), save_as_external_data=True,
                    all_tensors_to_one_file=True, location="model.onnx_data", size_threshold=1024)
    with open(os.path.join(out_dir, "config.json"), "w") as f:
        json.dump(dict(config, architectures=["Qwen2ForCausalLM"], model_type="qwen2", tie_word_embeddings=True), f)
    print("export: done", flush=True)


if __name__ == "__main__":
    main()
