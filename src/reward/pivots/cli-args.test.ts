import { describe, expect, it } from 'vitest';
import { parsePivotArgs, type PivotArgs } from './cli-args.ts';

function ok(args: string[]): PivotArgs {
  const parsed = parsePivotArgs(args);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

describe('parsePivotArgs', () => {
  it('gives the defaults with only files', () => {
    expect(ok(['a.jsonl', 'b.parquet'])).toMatchObject({
      files: ['a.jsonl', 'b.parquet'], track: 'reward', model: null, polarity: 'auto', pivot: {}, snap: null, limit: null, beta: 0.1, withProblem: false, summary: false,
    });
  });

  it('reads every option, in both --flag value and --flag=value form', () => {
    const args = ok(['x.jsonl', '--track', 'implicit', '--model', 'p', '--ref-model=r', '--baseline', '-0.5', '--window=5', '--hysteresis', '0.1', '--min-len', '3', '--polarity', 'rejected', '--snap', 'sentence', '--snap-max', '9', '--limit', '2', '--beta', '0.05', '--summary', '--with-problem']);
    expect(args).toMatchObject({
      track: 'implicit', model: 'p', refModel: 'r', polarity: 'rejected', limit: 2, beta: 0.05, summary: true, withProblem: true,
      pivot: { baseline: -0.5, window: 5, hysteresis: 0.1, minLen: 3 },
      snap: { target: 'sentence', maxShiftTokens: 9 },
    });
    expect(ok(['x', '--overlap', '--forking-tau', '0.672', '--overlap-tolerance', '3', '--steps', 'dlcot', '--lm', 'l'])).toMatchObject({
      overlap: { toleranceTokens: 3, forking: { kind: 'threshold', tau: 0.672 } }, steps: 'dlcot', lm: 'l',
    });
    expect(ok(['x', '--overlap']).overlap).toEqual({ toleranceTokens: 2, forking: { kind: 'top', rho: 0.2 } });
  });

  it('names the problem with a bad option', () => {
    expect(parsePivotArgs([])).toMatch(/FILE/);
    expect(parsePivotArgs(['x', '--track', 'magic'])).toMatch(/--track must be one of/);
    expect(parsePivotArgs(['x', '--polarity', 'up'])).toMatch(/--polarity/);
    expect(parsePivotArgs(['x', '--window', '2.5'])).toMatch(/--window expects an integer >= 1, got '2.5'/);
    expect(parsePivotArgs(['x', '--hysteresis', '-1'])).toMatch(/--hysteresis expects a number >= 0/);
    expect(parsePivotArgs(['x', '--baseline'])).toMatch(/--baseline needs a value/);
    expect(parsePivotArgs(['x', '--bogus'])).toMatch(/unknown option --bogus/);
    expect(parsePivotArgs(['x', '--snap', 'para'])).toMatch(/--snap must be word or sentence/);
    expect(parsePivotArgs(['x', '--track', 'implicit', '--model', 'p'])).toMatch(/--ref-model/);
    expect(parsePivotArgs(['x', '--track', 'imported'])).toMatch(/--sidecar/);
    expect(parsePivotArgs(['x', '--loss-preview'])).toMatch(/--loss-preview needs --track implicit/);
    expect(parsePivotArgs(['x', '--steps', 'words'])).toMatch(/--steps must be dlcot or segments/);
    expect(parsePivotArgs(['x', '--forking-rho', '0.2', '--forking-tau', '1'])).toMatch(/not both/);
    expect(parsePivotArgs(['x', '--forking-rho', '1.5'])).toMatch(/\[0, 1\]/);
    expect(parsePivotArgs(['x', '--beta', '0'])).toMatch(/--beta must be > 0/);
  });
});
