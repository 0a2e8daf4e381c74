"""Chooses the value-head bias shift of a trained RM on a validation set and bakes it into the
weights. Pivots are where the reward crosses 0, so a constant shift δ of the head's logit trades
localisation against false pivots without changing the ranking (AUROC). The shift is picked on the
validation file only (training templates, unseen seeds), never on the held-out evaluation set: the
largest localisation whose false-pivot rate stays within the goal, else the lowest false-pivot rate.
Usage: python3 calibrate_rm.py WEIGHTS_DIR VALIDATION.jsonl [--max-false 0.1] [--write]"""
import argparse
import json
import os
import sys

import torch

torch.set_num_threads(2)
sys.path.insert(0, os.path.dirname(__file__))
import eval_torch  # noqa: E402
import weights_io  # noqa: E402
from model import Config  # noqa: E402

SHIFTS = [round(-2.0 + 0.25 * k, 2) for k in range(17)]


@torch.no_grad()
def head_logits(rm, encoder, rows):
    out = []
    for row in rows:
        ids, _, ends = encoder.encode(row["reasoning"])
        x = torch.tensor([ids])
        errors = row["labels"]["errors"]
        error_token = eval_torch.token_at_char(ends, errors[0]["charStart"]) if errors else None
        out.append((rm.logits(x, torch.ones_like(x))[0].tolist(), error_token))
    return out


def rates(traces, shift):
    localised = with_error = clean = false_pivots = 0
    for logits, error_token in traces:
        pivot = eval_torch.first_negative_pivot([v + shift for v in logits])
        if error_token is None:
            clean += 1
            false_pivots += pivot is not None
        else:
            with_error += 1
            localised += pivot is not None and error_token <= pivot <= error_token + eval_torch.WINDOW_TOKENS
    return localised / with_error, false_pivots / clean


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("weights_dir")
    parser.add_argument("validation")
    parser.add_argument("--max-false", type=float, default=0.1)
    parser.add_argument("--write", action="store_true", help="add the shift to the weights (and record it in --summary)")
    parser.add_argument("--summary", help="training-summary.json whose rmRetrain (or rm) entry gets the shift")
    args = parser.parse_args()
    encoder, vocab_size = eval_torch.load_encoder()
    rm = weights_io.load_rm(Config(vocab_size=vocab_size), os.path.join(args.weights_dir, "rm")).eval()
    with open(args.validation, encoding="utf-8") as f:
        traces = head_logits(rm, encoder, [json.loads(line) for line in f if line.strip()])
    table = [(shift, *rates(traces, shift)) for shift in SHIFTS]
    for shift, loc, false in table:
        print(f"shift {shift:+.2f}: localisation {loc:.3f}, false pivots {false:.3f}")
    within = [row for row in table if row[2] <= args.max_false]
    shift, loc, false = max(within, key=lambda r: (r[1], r[0])) if within else min(table, key=lambda r: (r[2], -r[1]))
    print(json.dumps({"shift": shift, "localisation": loc, "falsePivotRate": false}))
    if args.write:
        rm.score.bias.data += shift
        weights_io.save(rm, os.path.join(args.weights_dir, "rm"))
        if args.summary:
            with open(args.summary) as f:
                summary = json.load(f)
            entry = summary.get("rmRetrain") or summary["rm"]
            entry["calibration"] = {"headBiasShift": shift, "validation": os.path.basename(args.validation), "localisation": loc, "falsePivotRate": false}
            with open(args.summary, "w") as f:
                json.dump(summary, f, indent=2)
                f.write("\n")


if __name__ == "__main__":
    main()
