#!/usr/bin/env bash
# Trains recipe variants side by side (one process each; on a lent GPU, or here with few steps) and
# leaves each variant's weights, training summary and log under $OUT/<name>/. Used to choose the
# settings of the committed recipe. Each variant is scored by eval_torch.py into eval.json; to check
# with the ONNX exports and onnxruntime-node, run `npx tsx tools/models/evaluate-sweep.ts $OUT`.
# Usage: OUT=/tmp/sweep bash tools/models/sweep.sh VARIANTS_FILE
#   VARIANTS_FILE: one variant per line, "name stage train.py-arguments", e.g.
#   short-rm rm --recipe cpu --set rm_steps=800
# The rm stage starts from tools/models/.work/weights/lm (copied into each variant's folder).
set -u
variants=$1
out=${OUT:-/tmp/trellis-sweep}
python=${PYTHON:-python3}
here=$(dirname "$0")
"$python" -c 'import torch; print("torch", torch.__version__, "cuda", torch.cuda.is_available())' || exit 3
while read -r name stage args; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  mkdir -p "$out/$name"
  cp "$here"/.work/weights/lm.* "$out/$name/"
  # shellcheck disable=SC2086 # args holds several arguments
  TRELLIS_WEIGHTS_DIR="$out/$name" TRELLIS_SUMMARY="$out/$name/summary.json" \
    "$python" "$here/train.py" "$stage" --no-export $args >"$out/$name/log.txt" 2>&1 \
    && "$python" "$here/eval_torch.py" "$out/$name" "$here/.work/data/synthetic-heldout.jsonl" \
      "$here/.work/data/synthetic-train-unseen.jsonl" >"$out/$name/eval.json" &
done <"$variants"
wait
for dir in "$out"/*/; do echo "== $dir $(tail -n 1 "$dir/log.txt")"; cat "$dir/eval.json"; done
