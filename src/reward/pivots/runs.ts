// Sign states with hysteresis, the runs between sign changes, and the minLen merge.
import type { Sign, SignedRun } from './types.ts';
import { finiteMean } from './smoothing.ts';

/**
 * Side of the baseline per token. The state flips to +1 only when a value exceeds b + h and to -1
 * only when it drops below b - h; values inside the band (and NaN) keep the previous state, so a
 * value exactly at the baseline never makes a pivot. Before the first value outside the band, the
 * state is that value's side.
 */
export function signStates(values: ArrayLike<number>, baseline: number, hysteresis: number): Int8Array {
  const length = values.length;
  const states = new Int8Array(length);
  const band = Math.max(0, hysteresis);
  let state: Sign = initialSign(values, baseline, band);
  for (let t = 0; t < length; t++) {
    const v = values[t];
    if (v > baseline + band) state = 1;
    else if (v < baseline - band) state = -1;
    states[t] = state;
  }
  return states;
}

function initialSign(values: ArrayLike<number>, baseline: number, band: number): Sign {
  for (let t = 0; t < values.length; t++) {
    const v = values[t];
    if (v > baseline + band) return 1;
    if (v < baseline - band) return -1;
  }
  // Nothing leaves the band: one run, on the side of its mean (ties count as +1).
  const mean = finiteMean(values, 0, values.length);
  return Number.isFinite(mean) && mean < baseline ? -1 : 1;
}

export function runsFromStates(states: ArrayLike<number>): SignedRun[] {
  const runs: SignedRun[] = [];
  let start = 0;
  for (let t = 1; t <= states.length; t++) {
    if (t === states.length || states[t] !== states[start]) {
      runs.push({ tokenStart: start, tokenEnd: t, sign: states[start] > 0 ? 1 : -1 });
      start = t;
    }
  }
  return runs;
}

/** Token indices where a run starts, except the first run. */
export function pivotsOf(runs: readonly SignedRun[]): number[] {
  return runs.slice(1).map((run) => run.tokenStart);
}

/** Joins neighbouring runs of equal sign and drops empty ones (after snapping moved boundaries). */
export function normalizeRuns(runs: readonly SignedRun[]): SignedRun[] {
  const out: SignedRun[] = [];
  for (const run of runs) {
    if (run.tokenEnd <= run.tokenStart) continue;
    const last = out[out.length - 1];
    if (last && last.sign === run.sign && last.tokenEnd === run.tokenStart) last.tokenEnd = run.tokenEnd;
    else out.push({ ...run });
  }
  return out;
}

interface Node {
  run: SignedRun;
  prev: number;
  next: number;
  alive: boolean;
  version: number;
}

/**
 * Merges runs shorter than minLen, shortest (then leftmost) first. Runs alternate in sign, so a
 * short inner run is absorbed together with both neighbours (which share a sign) and an edge run
 * joins its only neighbour: merging removes boundaries and never creates one.
 */
export function mergeShortRuns(runs: readonly SignedRun[], minLen: number): SignedRun[] {
  if (minLen <= 1 || runs.length <= 1) return runs.map((r) => ({ ...r }));
  const nodes: Node[] = runs.map((run, i) => ({ run: { ...run }, prev: i - 1, next: i + 1 < runs.length ? i + 1 : -1, alive: true, version: 0 }));
  const heap = new RunHeap();
  nodes.forEach((node, i) => heap.push(node.run.tokenEnd - node.run.tokenStart, node.run.tokenStart, i, 0));
  let alive = nodes.length;
  while (alive > 1 && heap.size > 0) {
    const top = heap.pop();
    const node = nodes[top.index];
    if (!node.alive || node.version !== top.version) continue;
    if (top.length >= minLen) break;
    const keeper = node.prev >= 0 ? node.prev : node.next;
    // Absorb the short run first, so the far neighbour becomes adjacent to the keeper.
    const absorbed = node.prev >= 0 && node.next >= 0 ? [top.index, node.next] : [top.index];
    for (const index of absorbed) alive -= absorb(nodes, keeper, index);
    const kept = nodes[keeper];
    kept.version++;
    heap.push(kept.run.tokenEnd - kept.run.tokenStart, kept.run.tokenStart, keeper, kept.version);
  }
  return nodes.filter((n) => n.alive).map((n) => n.run);
}

/** Folds node `index` (a direct neighbour of `keeper`) into `keeper`, keeping keeper's sign. */
function absorb(nodes: Node[], keeper: number, index: number): number {
  const target = nodes[keeper];
  const gone = nodes[index];
  gone.alive = false;
  target.run.tokenStart = Math.min(target.run.tokenStart, gone.run.tokenStart);
  target.run.tokenEnd = Math.max(target.run.tokenEnd, gone.run.tokenEnd);
  if (gone.prev === keeper) {
    target.next = gone.next;
    if (gone.next >= 0) nodes[gone.next].prev = keeper;
  } else {
    target.prev = gone.prev;
    if (gone.prev >= 0) nodes[gone.prev].next = keeper;
  }
  return 1;
}

interface HeapEntry { length: number; tokenStart: number; index: number; version: number }

/** Min-heap on (length, tokenStart). */
class RunHeap {
  private items: HeapEntry[] = [];
  get size(): number { return this.items.length; }

  push(length: number, tokenStart: number, index: number, version: number): void {
    const items = this.items;
    items.push({ length, tokenStart, index, version });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): HeapEntry {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as HeapEntry;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && less(items[l], items[m])) m = l;
        if (r < items.length && less(items[r], items[m])) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m], items[i]];
        i = m;
      }
    }
    return top;
  }
}

function less(a: HeapEntry, b: HeapEntry): boolean {
  return a.length !== b.length ? a.length < b.length : a.tokenStart < b.tokenStart;
}
