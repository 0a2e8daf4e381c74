"""The reward metrics of eval-core.ts, computed with PyTorch on the weights (no ONNX, no Node): for
sweeps on a machine without the JS toolchain. Same definitions: first downward zero crossing within
8 tokens after the first error's start, any downward crossing on a clean trace, token AUROC of
"inside an unrepaired error" against -reward. Float differences from onnxruntime are ~1e-6.
Usage: python3 eval_torch.py WEIGHTS_DIR LABELLED.jsonl [more.jsonl ...] -> JSON on stdout"""
import json
import os
import sys

import torch

torch.set_num_threads(2)

sys.path.insert(0, os.path.dirname(__file__))
import bpe  # noqa: E402
import weights_io  # noqa: E402
from model import Config  # noqa: E402

WINDOW_TOKENS = 8


def first_negative_pivot(rewards):
    for t in range(1, len(rewards)):
        if rewards[t - 1] >= 0 > rewards[t]:
            return t
    return None


def token_at_char(ends, char_index):
    return next((t for t, end in enumerate(ends) if end > char_index), len(ends) - 1)


def auroc(scores, positives):
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    rank_sum, positive_count, i = 0.0, 0, 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            if positives[order[k]]:
                positive_count += 1
                rank_sum += (i + j) / 2 + 1
        i = j + 1
    negative_count = len(order) - positive_count
    return (rank_sum - positive_count * (positive_count + 1) / 2) / (positive_count * negative_count)


@torch.no_grad()
def reward_metrics(rm, encoder, rows):
    localised = with_error = clean = false_pivots = 0
    scores, inside = [], []
    for row in rows:
        ids, starts, ends = encoder.encode(row["reasoning"])
        x = torch.tensor([ids])
        rewards = rm(x, torch.ones_like(x))[0].tolist()
        errors = row["labels"]["errors"]
        for t, reward in enumerate(rewards):
            scores.append(-reward)
            inside.append(any(ends[t] > e["charStart"] and starts[t] < (e["repairCharEnd"] if e["repairCharEnd"] is not None else 1 << 30) for e in errors))
        pivot = first_negative_pivot(rewards)
        if errors:
            with_error += 1
            error_token = token_at_char(ends, errors[0]["charStart"])
            localised += pivot is not None and error_token <= pivot <= error_token + WINDOW_TOKENS
        else:
            clean += 1
            false_pivots += pivot is not None
    return {"traces": len(rows), "localisation": localised / with_error, "falsePivotRate": false_pivots / clean, "auroc": auroc(scores, inside)}


def load_encoder():
    """The training tokenizer (.work/tokenizer.json) and the model's vocabulary size."""
    work = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".work")
    with open(os.path.join(work, "tokenizer.json"), encoding="utf-8") as f:
        saved = json.load(f)
    vocab = saved["vocab"]
    index = {s: i for i, s in enumerate(vocab)}
    return bpe.Encoder(vocab, [(index[a], index[b]) for a, b in saved["merges"]], bpe.python_pattern()), len(vocab) + 1


def main():
    weights_dir, files = sys.argv[1], sys.argv[2:]
    encoder, vocab_size = load_encoder()
    rm = weights_io.load_rm(Config(vocab_size=vocab_size), os.path.join(weights_dir, "rm")).eval()
    out = {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        out[os.path.basename(path)] = reward_metrics(rm, encoder, rows)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
