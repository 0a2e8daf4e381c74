import { describe, expect, it } from 'vitest';
import * as Q from './rational.ts';

describe('rational', () => {
  it('parses decimals exactly and reduces', () => {
    expect(Q.toString(Q.parseDecimal('-0.250')!)).toBe('-1/4');
    expect(Q.toString(Q.parseDecimal('.5')!)).toBe('1/2');
    expect(Q.toString(Q.parseDecimal('1e3')!)).toBe('1000');
    expect(Q.parseDecimal('1.2.3')).toBeNull();
  });
  it('does exact arithmetic', () => {
    const third = Q.rational(1n, 3n)!;
    const sixth = Q.rational(1n, 6n)!;
    expect(Q.toString(Q.add(third, sixth)!)).toBe('1/2');
    expect(Q.toString(Q.powInt(Q.rational(2n, 3n)!, -2n)!)).toBe('9/4');
    expect(Q.rational(1n, 0n)).toBeNull();
  });
  it('refuses results beyond the size cap instead of stalling', () => {
    expect(Q.powInt(Q.rational(10n)!, 100000n)).toBeNull();
    expect(Q.toNumber(Q.rational(10n ** 400n, 10n ** 399n)!)).toBeCloseTo(10);
  });
});
