"""Exports small random-weights models in the Hugging Face / Optimum ONNX layout for tests.

  /usr/bin/python3 tools/models/export_test_model.py [OUT_DIR]   (default test/fixtures/models)

Writes OUT_DIR/tiny-random (a Qwen2/Llama-like decoder: RMSNorm, rotary, grouped-query attention,
tied embeddings, KV cache as past_key_values.N.key/value -> present.N.key/value) and
OUT_DIR/tiny-random-rm (the same network with a scalar head: rewards [batch, sequence], no cache),
OUT_DIR/tiny-random-nopast (tiny-random's weights exported without the cache: logits only),
each with a byte-level BPE tokenizer.json, tokenizer_config.json and config.json, plus
reference.json: torch's own log-probs for a fixed text, to check the ONNX runtimes against.
Attention is written by hand: torch 1.13 has no scaled_dot_product_attention. Deterministic (seed 0).
"""
import json
import os
import sys

import torch
from torch import nn

from bpe import bytes_to_unicode  # the ByteLevel alphabet, shared with the bundled tokenizer's trainer

CONFIG = dict(hidden_size=64, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
              head_dim=16, intermediate_size=128, rms_norm_eps=1e-6, rope_theta=10000.0)
MERGES = ["Ġ t", "t h", "Ġt h", "Ġth e", "h e", "i n", "e r", "a n", "Ġ a", "o n", "r e", "Ġ s"]
SPECIALS = ["<|endoftext|>", "<think>", "</think>"]
REFERENCE_TEXT = "Okay, so the answer is 42. Wait — let me check: 6 × 7 = 42. ✓ 答案 🙂"


def build_tokenizer():
    alphabet = bytes_to_unicode()
    vocab = {alphabet[b]: b for b in range(256)}
    for merge in MERGES:
        vocab["".join(merge.split(" "))] = len(vocab)
    added = [dict(id=len(vocab) + i, content=s, single_word=False, lstrip=False, rstrip=False,
                  normalized=False, special=True) for i, s in enumerate(SPECIALS)]
    byte_level = dict(type="ByteLevel", add_prefix_space=False, trim_offsets=True, use_regex=True)
    tokenizer = dict(version="1.0", truncation=None, padding=None, added_tokens=added, normalizer=None,
                     pre_tokenizer=byte_level, post_processor=byte_level, decoder=byte_level,
                     model=dict(type="BPE", dropout=None, unk_token=None, continuing_subword_prefix=None,
                                end_of_word_suffix=None, fuse_unk=False, byte_fallback=False,
                                ignore_merges=False, vocab=vocab, merges=MERGES))
    config = dict(tokenizer_class="PreTrainedTokenizerFast", model_max_length=32768, bos_token=None,
                  eos_token="<|endoftext|>", pad_token="<|endoftext|>", add_bos_token=False,
                  added_tokens_decoder={str(a["id"]): {k: v for k, v in a.items() if k != "id"} for a in added})
    return tokenizer, config, len(vocab) + len(added)


class RMSNorm(nn.Module):
    def __init__(self, size, eps):
        super().__init__()
        self.weight = nn.Parameter(1.0 + 0.1 * torch.randn(size))
        self.eps = eps

    def forward(self, x):
        return self.weight * x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps)


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class Attention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.heads, self.kv_heads, self.head_dim = c["num_attention_heads"], c["num_key_value_heads"], c["head_dim"]
        self.q = nn.Linear(c["hidden_size"], self.heads * self.head_dim, bias=True)
        self.k = nn.Linear(c["hidden_size"], self.kv_heads * self.head_dim, bias=True)
        self.v = nn.Linear(c["hidden_size"], self.kv_heads * self.head_dim, bias=True)
        self.o = nn.Linear(self.heads * self.head_dim, c["hidden_size"], bias=False)

    def forward(self, x, cos, sin, mask, past_k, past_v):
        b, s, _ = x.shape
        q = self.q(x).view(b, s, self.heads, self.head_dim).transpose(1, 2)
        k = self.k(x).view(b, s, self.kv_heads, self.head_dim).transpose(1, 2)
        v = self.v(x).view(b, s, self.kv_heads, self.head_dim).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        k = torch.cat([past_k, k], dim=2)
        v = torch.cat([past_v, v], dim=2)
        group = self.heads // self.kv_heads
        # expand+reshape instead of repeat_interleave, which traces to fixed shapes in torch 1.13
        kk = k[:, :, None].expand(-1, -1, group, -1, -1).reshape(b, self.heads, -1, self.head_dim)
        vv = v[:, :, None].expand(-1, -1, group, -1, -1).reshape(b, self.heads, -1, self.head_dim)
        scores = torch.matmul(q, kk.transpose(2, 3)) / (self.head_dim ** 0.5)
        scores = scores + mask
        out = torch.matmul(torch.softmax(scores, dim=-1), vv)
        return self.o(out.transpose(1, 2).reshape(b, s, -1)), k, v


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.norm1 = RMSNorm(c["hidden_size"], c["rms_norm_eps"])
        self.attn = Attention(c)
        self.norm2 = RMSNorm(c["hidden_size"], c["rms_norm_eps"])
        self.gate = nn.Linear(c["hidden_size"], c["intermediate_size"], bias=False)
        self.up = nn.Linear(c["hidden_size"], c["intermediate_size"], bias=False)
        self.down = nn.Linear(c["intermediate_size"], c["hidden_size"], bias=False)

    def forward(self, x, cos, sin, mask, past_k, past_v):
        h, k, v = self.attn(self.norm1(x), cos, sin, mask, past_k, past_v)
        x = x + h
        y = self.norm2(x)
        return x + self.down(nn.functional.silu(self.gate(y)) * self.up(y)), k, v


class TinyDecoder(nn.Module):
    """Causal LM (reward=False: logits + present.*) or per-token reward model (reward=True)."""

    def __init__(self, c, reward):
        super().__init__()
        self.c, self.reward = c, reward
        self.with_past = not reward
        self.embed = nn.Embedding(c["vocab_size"], c["hidden_size"])
        nn.init.normal_(self.embed.weight, std=0.5)
        self.blocks = nn.ModuleList([Block(c) for _ in range(c["num_hidden_layers"])])
        self.norm = RMSNorm(c["hidden_size"], c["rms_norm_eps"])
        self.value_head = nn.Linear(c["hidden_size"], 1) if reward else None

    def rotary(self, position_ids):
        dim = self.c["head_dim"]
        inv_freq = 1.0 / (self.c["rope_theta"] ** (torch.arange(0, dim, 2, dtype=torch.float32) / dim))
        angles = position_ids.to(torch.float32)[:, :, None] * inv_freq[None, None, :]
        emb = torch.cat([angles, angles], dim=-1)[:, None, :, :]
        return emb.cos(), emb.sin()

    def causal_mask(self, attention_mask, seq_len, past_len):
        total = attention_mask.shape[1]
        key_pos = torch.arange(total)[None, :]
        query_pos = torch.arange(seq_len)[:, None] + past_len
        allowed = (key_pos <= query_pos)[None, None, :, :] & (attention_mask[:, None, None, :] > 0)
        return torch.where(allowed, torch.zeros(()), torch.full((), -1e9))

    def forward(self, input_ids, attention_mask, position_ids, *past):
        b, s = input_ids.shape
        if not past:
            shape = (b, self.c["num_key_value_heads"], 0, self.c["head_dim"])
            past = [torch.zeros(shape)] * (2 * len(self.blocks))
        past_len = past[0].shape[2]
        cos, sin = self.rotary(position_ids)
        mask = self.causal_mask(attention_mask, s, past_len)
        x = self.embed(input_ids)
        presents = []
        for i, block in enumerate(self.blocks):
            x, k, v = block(x, cos, sin, mask, past[2 * i], past[2 * i + 1])
            presents += [k, v]
        x = self.norm(x)
        if self.reward:
            return self.value_head(x).squeeze(-1)
        logits = torch.matmul(x, self.embed.weight.t())
        return (logits, *presents) if self.with_past else logits


def export(model, out_dir, with_past):
    c = model.c
    layers = c["num_hidden_layers"]
    names_in = ["input_ids", "attention_mask", "position_ids"]
    b, s, past_len = 1, 3, 2
    args = [torch.randint(0, c["vocab_size"], (b, s)), torch.ones(b, past_len + s, dtype=torch.int64),
            torch.arange(past_len, past_len + s)[None, :]]
    axes = {"input_ids": {0: "batch_size", 1: "sequence_length"},
            "attention_mask": {0: "batch_size", 1: "total_sequence_length"},
            "position_ids": {0: "batch_size", 1: "sequence_length"}}
    if with_past:
        for i in range(layers):
            for kind in ("key", "value"):
                name = f"past_key_values.{i}.{kind}"
                names_in.append(name)
                args.append(torch.randn(b, c["num_key_value_heads"], past_len, c["head_dim"]))
                axes[name] = {0: "batch_size", 2: "past_sequence_length"}
        names_out = ["logits"] + [f"present.{i}.{k}" for i in range(layers) for k in ("key", "value")]
        for name in names_out[1:]:
            axes[name] = {0: "batch_size", 2: "total_sequence_length"}
        axes["logits"] = {0: "batch_size", 1: "sequence_length"}
    else:
        args[1] = torch.ones(b, s, dtype=torch.int64)
        args[2] = torch.arange(s)[None, :]
        names_out = ["rewards" if model.reward else "logits"]
        axes["attention_mask"] = {0: "batch_size", 1: "sequence_length"}
        axes[names_out[0]] = {0: "batch_size", 1: "sequence_length"}
    os.makedirs(os.path.join(out_dir, "onnx"), exist_ok=True)
    torch.onnx.export(model, tuple(args), os.path.join(out_dir, "onnx", "model.onnx"), input_names=names_in,
                      output_names=names_out, dynamic_axes=axes, opset_version=14, do_constant_folding=True)


def reference(model, tokenizer_ids):
    ids = torch.tensor([tokenizer_ids])
    n = ids.shape[1]
    with torch.no_grad():
        out = model(ids, torch.ones(1, n, dtype=torch.int64), torch.arange(n)[None, :])
    if model.reward:
        return {"ids": tokenizer_ids, "rewards": out[0].tolist()}
    logits = out[0] if isinstance(out, tuple) else out
    logp = torch.log_softmax(logits[0].double(), dim=-1)
    return {"ids": tokenizer_ids, "logprob": [logp[t - 1, tokenizer_ids[t]].item() for t in range(1, n)],
            "entropy": [-(logp[t - 1].exp() * logp[t - 1]).sum().item() for t in range(1, n)]}


def write_model(out_dir, name, reward, tokenizer, tok_config, vocab_size, ref_ids, with_past=True):
    torch.manual_seed(0 if not reward else 1)
    c = dict(CONFIG, vocab_size=vocab_size)
    model = TinyDecoder(c, reward).eval()
    model.with_past = with_past and not reward
    folder = os.path.join(out_dir, name)
    export(model, folder, with_past=model.with_past)
    arch = "Qwen2ForTokenClassification" if reward else "Qwen2ForCausalLM"
    config = dict(c, architectures=[arch], model_type="qwen2", tie_word_embeddings=True,
                  max_position_embeddings=32768, torch_dtype="float32", eos_token_id=vocab_size - 3)
    files = {"config.json": config, "tokenizer.json": tokenizer, "tokenizer_config.json": tok_config,
             "reference.json": dict(reference(model, ref_ids), text=REFERENCE_TEXT)}
    for file, data in files.items():
        with open(os.path.join(folder, file), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=None if file == "tokenizer.json" else 1)
            f.write("\n")


def byte_level_ids(text):
    """Reference ids without merges (byte tokens only) — the JS tokenizer is checked separately."""
    return list(text.encode("utf-8"))


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "test/fixtures/models"
    tokenizer, tok_config, vocab_size = build_tokenizer()
    ref_ids = byte_level_ids(REFERENCE_TEXT)
    write_model(out_dir, "tiny-random", False, tokenizer, tok_config, vocab_size, ref_ids)
    write_model(out_dir, "tiny-random-rm", True, tokenizer, tok_config, vocab_size, ref_ids)
    # The same weights as tiny-random (same seed) exported without the KV cache.
    write_model(out_dir, "tiny-random-nopast", False, tokenizer, tok_config, vocab_size, ref_ids, with_past=False)


if __name__ == "__main__":
    main()
