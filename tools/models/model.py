"""A small Llama-style decoder (RMSNorm, rotary, SwiGLU, tied embeddings) written for ONNX export
from PyTorch 1.13: attention by hand, explicit KV cache, finite mask values."""
import math
from dataclasses import dataclass, asdict

import torch
from torch import nn
import torch.nn.functional as F


@dataclass
class Config:
    vocab_size: int = 4096
    hidden_size: int = 192
    intermediate_size: int = 512
    num_hidden_layers: int = 4
    num_attention_heads: int = 4
    max_position_embeddings: int = 1024
    rope_theta: float = 10000.0
    rms_norm_eps: float = 1e-5

    @property
    def head_dim(self):
        return self.hidden_size // self.num_attention_heads

    def to_dict(self):
        return asdict(self)


class RMSNorm(nn.Module):
    def __init__(self, size, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(size))
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rotary(x, cos, sin):
    half = x.shape[-1] // 2
    x1, x2 = x[..., :half], x[..., half:]
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)


class Attention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.heads, self.head_dim = cfg.num_attention_heads, cfg.head_dim
        d = cfg.hidden_size
        self.q_proj = nn.Linear(d, d, bias=False)
        self.k_proj = nn.Linear(d, d, bias=False)
        self.v_proj = nn.Linear(d, d, bias=False)
        self.o_proj = nn.Linear(d, d, bias=False)

    def split(self, x):
        b, t, _ = x.shape
        return x.view(b, t, self.heads, self.head_dim).transpose(1, 2)

    def forward(self, x, cos, sin, mask_bias, past_k=None, past_v=None):
        q = rotary(self.split(self.q_proj(x)), cos, sin)
        k = rotary(self.split(self.k_proj(x)), cos, sin)
        v = self.split(self.v_proj(x))
        if past_k is not None:
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.head_dim) + mask_bias
        out = torch.matmul(torch.softmax(scores, dim=-1), v)
        b, _, t, _ = out.shape
        return self.o_proj(out.transpose(1, 2).reshape(b, t, -1)), k, v


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.input_layernorm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)
        self.self_attn = Attention(cfg)
        self.post_attention_layernorm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)
        self.gate_proj = nn.Linear(cfg.hidden_size, cfg.intermediate_size, bias=False)
        self.up_proj = nn.Linear(cfg.hidden_size, cfg.intermediate_size, bias=False)
        self.down_proj = nn.Linear(cfg.intermediate_size, cfg.hidden_size, bias=False)

    def forward(self, x, cos, sin, mask_bias, past_k=None, past_v=None):
        h, k, v = self.self_attn(self.input_layernorm(x), cos, sin, mask_bias, past_k, past_v)
        x = x + h
        y = self.post_attention_layernorm(x)
        return x + self.down_proj(F.silu(self.gate_proj(y)) * self.up_proj(y)), k, v


class Trunk(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.embed_tokens = nn.Embedding(cfg.vocab_size, cfg.hidden_size)
        self.layers = nn.ModuleList(Block(cfg) for _ in range(cfg.num_hidden_layers))
        self.norm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)
        inv_freq = 1.0 / (cfg.rope_theta ** (torch.arange(0, cfg.head_dim, 2).float() / cfg.head_dim))
        self.register_buffer("inv_freq", inv_freq, persistent=False)
        nn.init.normal_(self.embed_tokens.weight, std=0.02)
        for block in self.layers:
            for lin in (block.self_attn.q_proj, block.self_attn.k_proj, block.self_attn.v_proj, block.gate_proj, block.up_proj):
                nn.init.normal_(lin.weight, std=0.02)
            for lin in (block.self_attn.o_proj, block.down_proj):
                nn.init.normal_(lin.weight, std=0.02 / math.sqrt(2 * cfg.num_hidden_layers))

    def forward(self, input_ids, attention_mask, position_ids, past=None, extra=None):
        """past: list of (k, v) per layer or None; extra: added to the token embeddings. Returns hidden
        states and the new (k, v) list."""
        x = self.embed_tokens(input_ids)
        if extra is not None:
            x = x + extra
        freqs = position_ids.unsqueeze(-1).float() * self.inv_freq
        cos, sin = freqs.cos().unsqueeze(1), freqs.sin().unsqueeze(1)
        t = input_ids.shape[1]
        total = attention_mask.shape[1]
        past_len = total - t
        q_pos = torch.arange(t, device=input_ids.device) + past_len
        k_pos = torch.arange(total, device=input_ids.device)
        causal = k_pos.unsqueeze(0) <= q_pos.unsqueeze(1)
        allowed = causal.unsqueeze(0).unsqueeze(0) & (attention_mask > 0).unsqueeze(1).unsqueeze(2)
        mask_bias = (~allowed).float() * -1e9
        presents = []
        for i, layer in enumerate(self.layers):
            pk, pv = past[i] if past is not None else (None, None)
            x, k, v = layer(x, cos, sin, mask_bias, pk, pv)
            presents.append((k, v))
        return self.norm(x), presents


class LanguageModel(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.model = Trunk(cfg)

    def forward(self, input_ids, attention_mask, position_ids, past=None):
        h, presents = self.model(input_ids, attention_mask, position_ids, past)
        return F.linear(h, self.model.embed_tokens.weight), presents


SURPRISAL_FEATURES = 3
SURPRISAL_WIDTH = 64


def surprisal_features(hidden, embedding, input_ids):
    """Per token t: [surprisal of token t, its logit gap to the argmax, entropy of the prediction
    for t], all from the reading LM's position t-1 (zeros at t = 0), in nats / 4. Only ops that
    onnxruntime-web runs on WebGPU: the tied head makes token t's logit a row-wise dot product."""
    logits = F.linear(hidden[:, :-1], embedding)
    top = logits.max(dim=-1, keepdim=True)[0]
    exps = torch.exp(logits - top)
    total = exps.sum(-1, keepdim=True)
    log_total = torch.log(total) + top
    token_logit = (hidden[:, :-1] * F.embedding(input_ids[:, 1:], embedding)).sum(-1, keepdim=True)
    entropy = log_total - (exps * logits).sum(-1, keepdim=True) / total
    feats = torch.cat([log_total - token_logit, top - token_logit, entropy], dim=-1).clamp(max=20.0) / 4.0
    return torch.cat([torch.zeros_like(feats[:, :1]), feats], dim=1)


class RewardModel(nn.Module):
    """Same trunk plus a value head; the reward at each position is tanh(logit / 2) = 2σ(logit) − 1.
    With `surprisal`, a frozen copy of the LM (`reader`) reads the text first and its per-token
    surprisal features are added to the trunk's input embeddings: a wrong result ("7 × 4 = 26") is
    a token the LM did not expect, evidence the tiny trunk cannot compute by itself."""

    def __init__(self, cfg, surprisal=False):
        super().__init__()
        self.model = Trunk(cfg)
        self.score = nn.Linear(cfg.hidden_size, 1)
        nn.init.zeros_(self.score.weight)
        nn.init.constant_(self.score.bias, 1.0)
        self.reader = None
        if surprisal:
            self.reader = Trunk(cfg)
            self.reader.requires_grad_(False)
            self.surprisal = nn.Sequential(nn.Linear(SURPRISAL_FEATURES, SURPRISAL_WIDTH), nn.SiLU(), nn.Linear(SURPRISAL_WIDTH, cfg.hidden_size))
            nn.init.zeros_(self.surprisal[2].weight)  # starts as the plain RM
            nn.init.zeros_(self.surprisal[2].bias)

    def hidden(self, input_ids, attention_mask, position_ids):
        extra = None
        if self.reader is not None:
            with torch.no_grad():
                read, _ = self.reader(input_ids, attention_mask, position_ids)
                feats = surprisal_features(read, self.reader.embed_tokens.weight, input_ids)
            extra = self.surprisal(feats)
        return self.model(input_ids, attention_mask, position_ids, extra=extra)[0]

    def logits(self, input_ids, attention_mask):
        position_ids = (torch.cumsum(attention_mask, dim=1) - 1).clamp(min=0)
        return self.score(self.hidden(input_ids, attention_mask, position_ids)).squeeze(-1)

    def forward(self, input_ids, attention_mask):
        return torch.tanh(0.5 * self.logits(input_ids, attention_mask))
