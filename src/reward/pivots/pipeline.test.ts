import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTokenizer } from '../tokenizer/hf-tokenizer.ts';
import type { RewardScorer, TokenScorer, TokenScores } from '../ports.ts';
import type { TraceRecord } from '../../cot/trace.ts';
import { pivotsOfScored, scoreTrace, toPivotRecord } from './pipeline.ts';
import { parseSidecarJson } from './sidecar.ts';

const dir = new URL('../../../test/fixtures/models/tiny-random/', import.meta.url);
const tokenizer = createTokenizer({
  name: 'tiny-random',
  tokenizerJson: readFileSync(new URL('tokenizer.json', dir), 'utf8'),
  tokenizerConfig: readFileSync(new URL('tokenizer_config.json', dir), 'utf8'),
});

function trace(reasoning: string, extra: Record<string, unknown> = {}): TraceRecord {
  const completion = `<think>${reasoning}</think>`;
  return {
    id: 't1', layout: 'test', source: { file: 'x.jsonl', row: 0 }, problem: 'What is 2+2?', reference: '4', referenceSolution: null,
    completion, reasoningSpan: { charStart: 7, charEnd: 7 + reasoning.length }, answerSpan: { charStart: completion.length, charEnd: completion.length },
    reasoning, answer: '', flags: { truncated: false, missingOpenTag: false, multipleThinkBlocks: false }, extra,
  };
}

/** Reward +1 on tokens whose text has no "5", -1 from the first "5" on: a stand-in for a real RM. */
function fakeReward(seen: Int32Array[]): RewardScorer {
  return {
    backend: 'fake',
    async rewards(ids) {
      seen.push(ids);
      let wrong = false;
      return Float32Array.from(ids, (id) => {
        wrong = wrong || tokenizer.tokenText(id).includes('5');
        return wrong ? -1 : 1;
      });
    },
  };
}

function fakeLm(logprob: (t: number) => number): TokenScorer {
  return {
    backend: 'fake',
    async score(ids): Promise<TokenScores> {
      const lp = Float32Array.from(ids, (_, t) => (t === 0 ? Number.NaN : logprob(t)));
      return { logprob: lp, entropy: lp.map((v) => -v), rank: new Int32Array(ids.length), topIds: new Int32Array(0), topLogprobs: new Float32Array(0), k: 0 };
    },
  };
}

describe('scoreTrace + pivotsOfScored', () => {
  const text = 'So 2+2 is 4. Then 4+1 is 5 and that is it.';

  it('scores the prefix for context but puts pivots only on reasoning tokens, with reasoning offsets', async () => {
    const seen: Int32Array[] = [];
    const t = trace(text);
    const scored = await scoreTrace(t, 'reward', { tokenizer, reward: fakeReward(seen), prefix: (x) => `${x.problem}\n\n` });
    const prefixLength = tokenizer.encode('What is 2+2?\n\n').ids.length;
    expect(seen[0].length).toBe(prefixLength + scored.tokens.ids.length);
    const result = pivotsOfScored(t.reasoning, scored, -1, {}, null);
    expect(result.pivots).toHaveLength(1);
    const wrong = result.segments[1];
    expect(text.slice(wrong.charStart, wrong.charEnd)).toBe('5 and that is it.');
    expect(wrong).toMatchObject({ sign: -1, kept: true });
  });

  it('snaps a pivot inside a word back to the word start', async () => {
    const t = trace('We get 1250 apples.');
    const scored = await scoreTrace(t, 'reward', { tokenizer, reward: fakeReward([]) });
    const loose = pivotsOfScored(t.reasoning, scored, 1, {}, null);
    const snapped = pivotsOfScored(t.reasoning, scored, 1, {}, { target: 'word', maxShiftTokens: 4 });
    const at = (r: typeof loose) => t.reasoning.slice(r.segments[1].charStart);
    expect(at(loose)).toBe('50 apples.');
    expect(at(snapped)).toBe('1250 apples.');
  });

  it('computes the implicit reward from two LMs and the entropy from one', async () => {
    const t = trace('a b c');
    const policy = fakeLm(() => -1);
    const reference = fakeLm((i) => (i % 2 ? -2 : -0.5));
    const implicit = await scoreTrace(t, 'implicit', { tokenizer, policy, reference, beta: 1 });
    expect([...implicit.track].slice(1)).toEqual([1, -0.5, 1, -0.5].slice(0, implicit.track.length - 1));
    const entropy = await scoreTrace(t, 'entropy', { tokenizer, policy });
    expect(entropy.track[1]).toBe(1);
    await expect(scoreTrace(t, 'implicit', { tokenizer, policy })).rejects.toThrow(/reference model/);
  });

  it('reads imported tracks from a sidecar checked against the tokenizer', async () => {
    const t = trace('a b');
    const n = tokenizer.encode('a b').ids.length;
    const { sidecar } = parseSidecarJson(JSON.stringify({ tokenizer: { name: tokenizer.name, hash: tokenizer.hash }, traces: { t1: Array.from({ length: n }, (_, i) => (i < 1 ? 1 : -1)) } }), 's.json');
    const scored = await scoreTrace(t, 'imported', { tokenizer, sidecar });
    const record = toPivotRecord(t.id, 'imported', pivotsOfScored(t.reasoning, scored, 1, {}, null), 'test', n);
    expect(record).toMatchObject({ id: 't1', track: 'imported', pivots: [1], tokens: n });
    expect(JSON.parse(JSON.stringify(record)).segments[0]).toEqual({ tokenStart: 0, tokenEnd: 1, charStart: 0, charEnd: 1, sign: 1, mean: 1, kept: true });
    const other = parseSidecarJson(JSON.stringify({ tokenizer: { name: 'qwen3', hash: tokenizer.hash }, traces: { t1: [1] } }), 's.json').sidecar;
    await expect(scoreTrace(t, 'imported', { tokenizer, sidecar: other })).rejects.toThrow(/tokenizer qwen3/);
  });
});
