// Reduces logits [positions, vocab] (row-major f32) to, per position: log p(target), entropy (nats),
// rank of the target (count of strictly greater logits) and the top-5 (logit desc, ties by lower id).
// One workgroup per position; each thread scans a strided slice of the row once with an online
// softmax (running max m, Σ e^(x-m), Σ e^(x-m)(x-m)), then the workgroup merges the partials.
// Output: 13 words per position = [logprob, entropy, rank, topIds[5], topLogprobs[5]] (52 bytes).

struct Params {
  positions: u32,
  vocab: u32,
  // First row of `logits` to read (lets one [T, V] output be reduced in slices).
  rowOffset: u32,
  // Workgroups per dispatch row: position = wg.x + wg.y * groupsX.
  groupsX: u32,
}

const WG: u32 = 256u;
const K: u32 = 5u;
const OUT_WORDS: u32 = 13u;
// A finite stand-in for -inf: WGSL has no portable infinity, and m - m must stay finite.
const LOWEST: f32 = -3.0e38;

@group(0) @binding(0) var<storage, read> logits: array<f32>;
@group(0) @binding(1) var<storage, read> targets: array<i32>;
@group(0) @binding(2) var<storage, read_write> outWords: array<u32>;
@group(0) @binding(3) var<uniform> params: Params;

var<workgroup> sMax: array<f32, WG>;
var<workgroup> sSum: array<f32, WG>;
var<workgroup> sShifted: array<f32, WG>;
var<workgroup> sGreater: array<u32, WG>;
var<workgroup> sTopV: array<f32, 1280>; // WG * K
var<workgroup> sTopI: array<u32, 1280>;

// True when (va, ia) ranks before (vb, ib): larger logit first, lower id on ties.
fn before(va: f32, ia: u32, vb: f32, ib: u32) -> bool {
  return va > vb || (va == vb && ia < ib);
}

// Merges the sorted top-K lists of threads a and b into a's slots.
fn mergeTop(a: u32, b: u32) {
  var v: array<f32, 5>;
  var ids: array<u32, 5>;
  var i = 0u;
  var j = 0u;
  for (var n = 0u; n < K; n++) {
    let va = sTopV[a * K + i];
    let ia = sTopI[a * K + i];
    let vb = sTopV[b * K + j];
    let ib = sTopI[b * K + j];
    if (before(va, ia, vb, ib)) { v[n] = va; ids[n] = ia; i++; } else { v[n] = vb; ids[n] = ib; j++; }
  }
  for (var n = 0u; n < K; n++) { sTopV[a * K + n] = v[n]; sTopI[a * K + n] = ids[n]; }
}

// Combines two online-softmax partials (m, Σe, Σe·(x-m)) into lid's slot.
fn mergeSoftmax(a: u32, b: u32) {
  let m = max(sMax[a], sMax[b]);
  let ca = exp(sMax[a] - m);
  let cb = exp(sMax[b] - m);
  let sa = sSum[a];
  let sb = sSum[b];
  sShifted[a] = ca * (sShifted[a] + (sMax[a] - m) * sa) + cb * (sShifted[b] + (sMax[b] - m) * sb);
  sSum[a] = sa * ca + sb * cb;
  sMax[a] = m;
  sGreater[a] = sGreater[a] + sGreater[b];
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let position = wg.x + wg.y * params.groupsX;
  // Uniform per workgroup, so the early return keeps barriers in uniform control flow.
  if (position >= params.positions) { return; }
  let vocab = params.vocab;
  let base = (params.rowOffset + position) * vocab;
  let targetId = targets[position];
  var targetLogit = 0.0;
  if (targetId >= 0 && u32(targetId) < vocab) { targetLogit = logits[base + u32(targetId)]; }

  var m = LOWEST;
  var sum = 0.0;
  var shifted = 0.0;
  var greater = 0u;
  var topV: array<f32, 5>;
  var topI: array<u32, 5>;
  for (var n = 0u; n < K; n++) { topV[n] = LOWEST; topI[n] = 0xffffffffu; }

  for (var i = lid; i < vocab; i += WG) {
    let x = logits[base + i];
    if (x > targetLogit) { greater++; }
    if (x > topV[K - 1u]) {
      // Ascending scan: a later equal logit never displaces an earlier (lower) id.
      var slot = K - 1u;
      while (slot > 0u && x > topV[slot - 1u]) {
        topV[slot] = topV[slot - 1u];
        topI[slot] = topI[slot - 1u];
        slot--;
      }
      topV[slot] = x;
      topI[slot] = i;
    }
    if (x <= LOWEST) { continue; } // -inf: no probability mass
    if (x > m) {
      let c = exp(m - x);
      shifted = c * (shifted + (m - x) * sum);
      sum = sum * c;
      m = x;
    }
    let e = exp(x - m);
    sum += e;
    shifted += e * (x - m);
  }

  sMax[lid] = m;
  sSum[lid] = sum;
  sShifted[lid] = shifted;
  sGreater[lid] = greater;
  for (var n = 0u; n < K; n++) { sTopV[lid * K + n] = topV[n]; sTopI[lid * K + n] = topI[n]; }
  workgroupBarrier();

  for (var stride = WG / 2u; stride > 0u; stride = stride / 2u) {
    if (lid < stride) {
      mergeSoftmax(lid, lid + stride);
      mergeTop(lid, lid + stride);
    }
    workgroupBarrier();
  }

  if (lid == 0u) {
    let logSum = log(sSum[0]);
    let lse = sMax[0] + logSum;
    let out = position * OUT_WORDS;
    var rank = -1;
    var logprob = 0.0;
    if (targetId >= 0 && u32(targetId) < vocab) {
      rank = i32(sGreater[0]);
      logprob = targetLogit - lse;
    }
    outWords[out] = bitcast<u32>(logprob);
    outWords[out + 1u] = bitcast<u32>(logSum - sShifted[0] / sSum[0]);
    outWords[out + 2u] = bitcast<u32>(rank);
    for (var n = 0u; n < K; n++) {
      outWords[out + 3u + n] = sTopI[n];
      outWords[out + 8u + n] = bitcast<u32>(sTopV[n] - lse);
    }
  }
}
