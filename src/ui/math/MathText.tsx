import { memo, useMemo } from 'react';
import { splitMath } from './split-math.ts';
import { renderTex } from './render-math.ts';

interface MathTextProps {
  text: string;
  /** Raw shows the source exactly; rendered typesets every formula KaTeX accepts. */
  mode: 'rendered' | 'raw';
}

/** Text with LaTeX typeset by KaTeX; a formula that fails to parse is shown raw and marked. */
export const MathText = memo(function MathText({ text, mode }: MathTextProps) {
  const pieces = useMemo(() => (mode === 'raw' ? null : splitMath(text)), [text, mode]);
  if (!pieces) return <>{text}</>;
  return (
    <>
      {pieces.map((piece, i) => {
        if (piece.kind === 'text') return <span key={i}>{piece.text}</span>;
        const html = renderTex(piece.tex, piece.display);
        if (html === null) return <code key={i} className="math-failed" title="KaTeX could not parse this formula; shown raw">{piece.raw}</code>;
        const Tag = piece.display ? 'div' : 'span';
        return <Tag key={i} className={piece.display ? 'math-display' : 'math-inline'} dangerouslySetInnerHTML={{ __html: html }} />;
      })}
    </>
  );
});
