"""Hugging Face / Optimum folder files: config.json, tokenizer files and onnx/model.onnx."""
import json
import os

import bpe
import export_onnx


def model_config(cfg, kind, eos, surprisal=False):
    base = {
        "model_type": "llama",
        "hidden_size": cfg.hidden_size,
        "intermediate_size": cfg.intermediate_size,
        "num_hidden_layers": cfg.num_hidden_layers,
        "num_attention_heads": cfg.num_attention_heads,
        "num_key_value_heads": cfg.num_attention_heads,
        "head_dim": cfg.head_dim,
        "vocab_size": cfg.vocab_size,
        "max_position_embeddings": cfg.max_position_embeddings,
        "rms_norm_eps": cfg.rms_norm_eps,
        "rope_theta": cfg.rope_theta,
        "hidden_act": "silu",
        "tie_word_embeddings": True,
        "bos_token_id": None,
        "eos_token_id": eos,
        "pad_token_id": eos,
        "torch_dtype": "float32",
    }
    if kind == "lm":
        return {"architectures": ["LlamaForCausalLM"], **base, "use_cache": True}
    reward = {"output": "rewards", "activation": "tanh(logit / 2)", "range": [-1, 1], "baseline": 0}
    if surprisal:
        # Documents the graph: a frozen copy of the bundled LM feeds per-token features to the RM.
        reward["reader"] = {"model": "trellis-lm-tiny (frozen copy inside this graph)", "features": ["surprisal", "logit gap to argmax", "entropy"]}
    return {"architectures": ["TrellisTokenRewardModel"], **base, "use_cache": False, "trellis_reward": reward}


def write_model(out, name, cfg, kind, module, vocab, merges, eos):
    folder = os.path.join(out, name)
    os.makedirs(os.path.join(folder, "onnx"), exist_ok=True)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(model_config(cfg, kind, eos, getattr(module, "reader", None) is not None), f, indent=2)
        f.write("\n")
    bpe.write_tokenizer(folder, vocab, merges, cfg.max_position_embeddings)
    path = os.path.join(folder, "onnx", "model.onnx")
    io = export_onnx.export_lm(module, cfg, path) if kind == "lm" else export_onnx.export_rm(module, cfg, path)
    return io


