import { describe, expect, it } from 'vitest';
import { renderTex } from './render-math.ts';

describe('renderTex', () => {
  it('typesets valid LaTeX with KaTeX', () => {
    const html = renderTex('\\frac{1}{2} + \\sqrt{x}', false);
    expect(html).toContain('class="katex"');
    expect(html).toContain('mfrac');
  });

  it('returns null for LaTeX KaTeX rejects, so the caller shows it raw', () => {
    expect(renderTex('\\frac{1', false)).toBeNull();
    expect(renderTex('\\notacommand{x}', true)).toBeNull();
  });

  it('uses display mode for display math', () => {
    expect(renderTex('x^2', true)).toContain('katex-display');
    expect(renderTex('x^2', false)).not.toContain('katex-display');
  });
});
