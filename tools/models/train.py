"""Trains the tokenizer, trellis-lm-tiny and trellis-rm-tiny, and exports them to public/models.

Usage: python3 tools/models/train.py STAGE [--recipe R] [--quick] [--device cpu|cuda|auto] [--set KEY=JSON]
  tokenizer  byte-level BPE on the training text      -> .work/tokenizer.json
  fit        train the LM, then the RM                 -> .work/weights/{lm,rm}.{bin,json}, training-summary.json
  export     ONNX (opset 14) + HF files of both        -> public/models/trellis-{lm,rm}-tiny/
  export-rm  the same for the RM only
  all        tokenizer, fit and export in order
  rm         retrain only the RM from .work/weights/lm (run recover_lm.py first on a fresh checkout)
             and export it unless --no-export
Recipes: full (the committed LM, GPU), cpu (sized for an hour on 2 CPU cores; its RM has no
surprisal reader, which would not fit the hour), cpu-rm (the committed RM, CPU with OpenBLAS: reads
the frozen LM's surprisal, onset-weighted loss), quick (smoke test). `npm run models:train` runs the stages in
order, with calibrate_rm.py between training and export.
Data comes from `npx tsx tools/models/generate-data.ts`. Fixed step counts and seeds: the same
data, seed, device and thread count give the same weights. $TRELLIS_WEIGHTS_DIR, $TRELLIS_SUMMARY,
$TRELLIS_MODELS_OUT and $TRELLIS_THREADS move the outputs and set the threads (sweep.sh uses them).
"""
import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(__file__))
import bpe  # noqa: E402
import fit  # noqa: E402
import hf_files  # noqa: E402
import weights_io  # noqa: E402
from model import Config, LanguageModel  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, ".work")
DATA = os.path.join(WORK, "data")
OUT = os.environ.get("TRELLIS_MODELS_OUT", os.path.join(HERE, "..", "..", "public", "models"))
# Overridable so that several variants can train side by side (tools/models/sweep).
WEIGHTS = os.environ.get("TRELLIS_WEIGHTS_DIR", os.path.join(WORK, "weights"))
SUMMARY = os.environ.get("TRELLIS_SUMMARY", os.path.join(HERE, "training-summary.json"))

RECIPES = {
    "full": {"vocab": 4096, "lm_steps": 2000, "lm_batch": 16, "lm_seq": 256, "rm_steps": 4000, "rm_batch": 16, "lr": 2e-3},
    # Sized for an hour on 2 CPU cores with everything else (3.4 s per LM step and about 3 s per RM
    # step measured with 2 threads, ~3 min of tokenizer); weaker than the committed models.
    "cpu": {"vocab": 4096, "lm_steps": 300, "lm_batch": 16, "lm_seq": 256, "rm_steps": 600, "rm_batch": 16, "lr": 2e-3},
    # The committed RM: retrained from the committed LM's trunk on CPU with OpenBLAS (65 min on 1
    # thread while a second run used the other core), reading the frozen LM's surprisal, with the
    # first 8 tokens of each error weighted 4x.
    "cpu-rm": {"vocab": 4096, "rm_steps": 720, "rm_batch": 16, "lr": 2e-3, "surprisal": True, "onset_weight": 4},
    # Smoke test of the whole pipeline, including the committed RM's surprisal reader and onset weight.
    "quick": {"vocab": 1024, "lm_steps": 25, "lm_batch": 8, "lm_seq": 128, "rm_steps": 25, "rm_batch": 8, "lr": 3e-3, "surprisal": True, "onset_weight": 4},
}


def load_jsonl(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_tokenizer():
    with open(os.path.join(WORK, "tokenizer.json"), encoding="utf-8") as f:
        saved = json.load(f)
    vocab = saved["vocab"]
    ids = {s: i for i, s in enumerate(vocab)}
    merges = [(ids[a], ids[b]) for a, b in saved["merges"]]
    return vocab, merges


def stage_tokenizer(recipe, log):
    real = [r["text"] for r in load_jsonl("real-train.jsonl")]
    synthetic = [r["reasoning"] for r in load_jsonl("synthetic-train.jsonl")]
    vocab, merges = bpe.train_bpe(real + synthetic, recipe["vocab"], bpe.python_pattern())
    with open(os.path.join(WORK, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump({"vocab": vocab, "merges": [[vocab[a], vocab[b]] for a, b in merges]}, f, ensure_ascii=False)
    log(f"tokenizer: {len(vocab) + 1} entries")


def corruptor(encoder, synthetic, recipe, seed, cfg):
    rate = recipe.get("corrupt", 0.0)
    return fit.Corruptor(encoder, synthetic, rate, seed, cfg.max_position_embeddings, recipe.get("onset_weight", 1.0)) if rate > 0 else None


def stage_fit(recipe, name, seed, device, log, started):
    vocab, merges = load_tokenizer()
    eos = len(vocab)
    encoder = bpe.Encoder(vocab, merges, bpe.python_pattern())
    cfg = Config(vocab_size=len(vocab) + 1)
    real = [r["text"] for r in load_jsonl("real-train.jsonl")]
    synthetic = load_jsonl("synthetic-train.jsonl")
    real_ids = fit.token_stream(encoder, real, eos)
    syn_ids = fit.token_stream(encoder, [r["reasoning"] for r in synthetic], eos)
    examples = fit.rm_examples(encoder, synthetic, cfg.max_position_embeddings, recipe.get("onset_weight", 1.0))
    log(f"tokens: real {len(real_ids)}, synthetic {len(syn_ids)}; device {device}")
    gen = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    t0 = time.time()
    lm, lm_losses = fit.train_lm(cfg, recipe, real_ids, syn_ids, gen, log, device)
    lm_seconds = time.time() - t0
    rm, rm_losses = fit.train_rm(cfg, recipe, lm, examples, gen, log, eos, device, real_ids, fit.boundary_ids(vocab), corruptor=corruptor(encoder, synthetic, recipe, seed, cfg))
    os.makedirs(WEIGHTS, exist_ok=True)
    weights_io.save(lm, os.path.join(WEIGHTS, "lm"))
    weights_io.save(rm, os.path.join(WEIGHTS, "rm"))
    tail = lambda xs: round(sum(xs[-50:]) / max(1, len(xs[-50:])), 4)  # noqa: E731
    summary = {
        "recipe": name, "settings": recipe, "seed": seed, "device": str(device),
        "deviceName": torch.cuda.get_device_name(0) if device == "cuda" else "cpu",
        "torch": torch.__version__, "threads": torch.get_num_threads(), "model": cfg.to_dict(),
        "parameters": sum(p.numel() for p in lm.parameters()),
        "data": {"realTraces": len(real), "syntheticTraces": len(synthetic), "realTokens": len(real_ids), "syntheticTokens": len(syn_ids)},
        "lm": {"finalLoss": tail(lm_losses), "seconds": round(lm_seconds, 1), "tokensSeen": recipe["lm_steps"] * recipe["lm_batch"] * recipe["lm_seq"]},
        "rm": {"finalRewardLoss": tail(rm_losses), "seconds": round(time.time() - t0 - lm_seconds, 1)},
        "fitSeconds": round(time.time() - t0, 1),
    }
    os.makedirs(os.path.dirname(os.path.abspath(SUMMARY)), exist_ok=True)
    with open(SUMMARY, "w") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    log(f"fit done in {summary['fitSeconds']} s")


def stage_rm(recipe, name, seed, device, log):
    """Trains a fresh RM from the LM weights in .work/weights/lm (the committed LM, recovered from
    its ONNX file when missing) and records it in training-summary.json under "rmRetrain"."""
    vocab, merges = load_tokenizer()
    eos = len(vocab)
    encoder = bpe.Encoder(vocab, merges, bpe.python_pattern())
    cfg = Config(vocab_size=len(vocab) + 1)
    real_ids = fit.token_stream(encoder, [r["text"] for r in load_jsonl("real-train.jsonl")], eos)
    synthetic = load_jsonl("synthetic-train.jsonl")
    examples = fit.rm_examples(encoder, synthetic, cfg.max_position_embeddings, recipe.get("onset_weight", 1.0))
    lm = weights_io.load(LanguageModel(cfg), os.path.join(WEIGHTS, "lm"))
    gen = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    t0 = time.time()
    rm, losses = fit.train_rm(cfg, recipe, lm, examples, gen, log, eos, device, real_ids, fit.boundary_ids(vocab), corruptor=corruptor(encoder, synthetic, recipe, seed, cfg))
    weights_io.save(rm, os.path.join(WEIGHTS, "rm"))
    summary = {}
    if os.path.exists(SUMMARY):
        with open(SUMMARY) as f:
            summary = json.load(f)
    for stale in ("rmFinetune", "notes"):  # described earlier RMs
        summary.pop(stale, None)
    summary["rmRetrain"] = {
        "recipe": name, "settings": recipe, "seed": seed, "device": str(device), "torch": torch.__version__,
        "threads": torch.get_num_threads(), "blas": blas_name(), "syntheticTraces": len(synthetic),
        "finalRewardLoss": round(sum(losses[-50:]) / len(losses[-50:]), 4), "seconds": round(time.time() - t0, 1),
    }
    with open(SUMMARY, "w") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    log(f"rm retrain done in {summary['rmRetrain']['seconds']} s")


def blas_name():
    config = torch.__config__.show()
    with open("/proc/self/maps") as f:
        maps = f.read()
    return "openblas" if "openblas" in maps else ("mkl" if "mkl" in config.lower() else "reference")


def stage_export_rm(log):
    vocab, merges = load_tokenizer()
    eos = len(vocab)
    cfg = Config(vocab_size=len(vocab) + 1)
    rm = weights_io.load_rm(cfg, os.path.join(WEIGHTS, "rm"))
    hf_files.write_model(OUT, "trellis-rm-tiny", cfg, "rm", rm, vocab, merges, eos)
    log(f"exported trellis-rm-tiny to {os.path.relpath(OUT)} (the LM files are left untouched)")


def stage_export(log):
    vocab, merges = load_tokenizer()
    eos = len(vocab)
    cfg = Config(vocab_size=len(vocab) + 1)
    lm = weights_io.load(LanguageModel(cfg), os.path.join(WEIGHTS, "lm"))
    rm = weights_io.load_rm(cfg, os.path.join(WEIGHTS, "rm"))
    io = {
        "trellis-lm-tiny": hf_files.write_model(OUT, "trellis-lm-tiny", cfg, "lm", lm, vocab, merges, eos),
        "trellis-rm-tiny": hf_files.write_model(OUT, "trellis-rm-tiny", cfg, "rm", rm, vocab, merges, eos),
    }
    with open(os.path.join(WORK, "io.json"), "w") as f:
        json.dump(io, f, indent=2)
    log(f"exported to {os.path.relpath(OUT)}")


def bench_steps(recipe, device, log):
    """Seconds per LM and RM step of the recipe on this device (to size the recipe for 2 CPU cores)."""
    steps = dict(recipe, lm_steps=4, rm_steps=4)
    cfg = Config(vocab_size=recipe["vocab"])
    gen = torch.Generator().manual_seed(0)
    stream = torch.randint(0, recipe["vocab"] - 1, (200_000,), generator=gen)
    examples = [(torch.randint(0, recipe["vocab"] - 1, (300,), generator=gen), torch.ones(300), torch.ones(300)) for _ in range(64)]
    t0 = time.time()
    lm, _ = fit.train_lm(cfg, steps, stream, stream, gen, log, device)
    t1 = time.time()
    fit.train_rm(cfg, steps, lm, examples, gen, log, recipe["vocab"] - 1, device)
    t2 = time.time()
    lm_step, rm_step = (t1 - t0) / 4, (t2 - t1) / 4
    total = lm_step * recipe["lm_steps"] + rm_step * recipe["rm_steps"]
    log(f"bench {device} threads {torch.get_num_threads()}: lm {lm_step:.3f} s/step, rm {rm_step:.3f} s/step, recipe ≈ {total / 60:.1f} min")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("stage", choices=["tokenizer", "fit", "export", "export-rm", "all", "bench", "rm"])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--recipe", choices=["full", "cpu", "quick", "cpu-rm"], help="default: full on a GPU, cpu otherwise (cpu-rm for the rm stage)")
    parser.add_argument("--seed", type=int, default=20250101)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--no-export", action="store_true", help="train only (the rm stage)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=JSON", help="override a recipe setting")
    args = parser.parse_args()
    torch.set_num_threads(int(os.environ.get("TRELLIS_THREADS", "2")))
    device = args.device if args.device != "auto" else ("cuda" if torch.cuda.is_available() else "cpu")
    if device == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = False  # keep fp32 arithmetic
        torch.backends.cudnn.allow_tf32 = False
    name = "quick" if args.quick else args.recipe or ("full" if device == "cuda" else "cpu")
    overrides = {key: json.loads(value) for key, value in (item.split("=", 1) for item in args.set)}
    recipe = {**RECIPES[name], **overrides}
    started = time.time()
    log = lambda msg: print(f"[{time.time() - started:7.1f}s] {msg}", flush=True)  # noqa: E731
    if args.stage == "rm":
        rm_name = "quick" if args.quick else args.recipe or "cpu-rm"
        stage_rm({**RECIPES[rm_name], **overrides}, rm_name, args.seed, device, log)
        if not args.no_export:
            stage_export_rm(log)
    if args.stage == "bench":
        bench_steps(recipe, device, log)
    if args.stage in ("tokenizer", "all"):
        stage_tokenizer(recipe, log)
    if args.stage in ("fit", "all"):
        stage_fit(recipe, name, args.seed, device, log, started)
    if args.stage in ("export", "all"):
        stage_export(log)
    if args.stage == "export-rm":
        stage_export_rm(log)


if __name__ == "__main__":
    main()
