"""ONNX export (opset 14) in the Optimum layout: the LM with a KV cache, the RM with `rewards`."""
import torch
from torch import nn

OPSET = 14


class LmWithPast(nn.Module):
    def __init__(self, lm, layers):
        super().__init__()
        self.lm, self.layers = lm, layers

    def forward(self, input_ids, attention_mask, position_ids, *flat_past):
        past = [(flat_past[2 * i], flat_past[2 * i + 1]) for i in range(self.layers)]
        logits, presents = self.lm(input_ids, attention_mask, position_ids, past)
        out = [logits]
        for k, v in presents:
            out += [k, v]
        return tuple(out)


def export_lm(lm, cfg, path):
    lm.eval()
    layers, heads, hd = cfg.num_hidden_layers, cfg.num_attention_heads, cfg.head_dim
    past_len, t = 3, 5  # a non-empty dummy past, so the traced graph keeps the Concat
    ids = torch.randint(0, cfg.vocab_size, (1, t))
    mask = torch.ones(1, past_len + t, dtype=torch.long)
    pos = torch.arange(past_len, past_len + t).unsqueeze(0)
    past = [torch.zeros(1, heads, past_len, hd) for _ in range(2 * layers)]
    names_past = [f"past_key_values.{i}.{kind}" for i in range(layers) for kind in ("key", "value")]
    names_present = [f"present.{i}.{kind}" for i in range(layers) for kind in ("key", "value")]
    axes = {
        "input_ids": {0: "batch_size", 1: "sequence_length"},
        "attention_mask": {0: "batch_size", 1: "total_sequence_length"},
        "position_ids": {0: "batch_size", 1: "sequence_length"},
        "logits": {0: "batch_size", 1: "sequence_length"},
    }
    for name in names_past:
        axes[name] = {0: "batch_size", 2: "past_sequence_length"}
    for name in names_present:
        axes[name] = {0: "batch_size", 2: "total_sequence_length"}
    torch.onnx.export(
        LmWithPast(lm, layers), (ids, mask, pos, *past), path,
        input_names=["input_ids", "attention_mask", "position_ids", *names_past],
        output_names=["logits", *names_present], dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True,
    )
    return {"inputs": ["input_ids", "attention_mask", "position_ids", *names_past], "outputs": ["logits", *names_present]}


def export_rm(rm, cfg, path):
    rm.eval()
    ids = torch.randint(0, cfg.vocab_size, (1, 7))
    mask = torch.ones(1, 7, dtype=torch.long)
    axes = {
        "input_ids": {0: "batch_size", 1: "sequence_length"},
        "attention_mask": {0: "batch_size", 1: "sequence_length"},
        "rewards": {0: "batch_size", 1: "sequence_length"},
    }
    torch.onnx.export(
        rm, (ids, mask), path, input_names=["input_ids", "attention_mask"], output_names=["rewards"],
        dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True,
    )
    return {"inputs": ["input_ids", "attention_mask"], "outputs": ["rewards"]}
