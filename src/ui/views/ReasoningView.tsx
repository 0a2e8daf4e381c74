import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { MathText } from '../math/MathText.tsx';
import { splitParagraphs } from '../math/split-math.ts';
import type { MathMode } from '../state/view-slice.ts';
import { useProgressiveCount } from './use-progressive-count.ts';
import { formatCount } from '../format.ts';

const FIRST_PARAGRAPHS = 40;
const PARAGRAPHS_PER_STEP = 80;

/** Plain text until it scrolls near the viewport, then typeset: KaTeX runs only where someone looks. */
const Paragraph = memo(function Paragraph({ text, mode }: { text: string; mode: MathMode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || seen) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    }, { rootMargin: '600px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  return <p ref={ref} className="trace-paragraph"><MathText text={text} mode={seen ? mode : 'raw'} /></p>;
});

/** Reasoning can be 100k+ characters: paragraphs mount progressively and typeset lazily. */
export function ReasoningView({ text, mode }: { text: string; mode: MathMode }) {
  const paragraphs = useMemo(() => splitParagraphs(text), [text]);
  const shown = useProgressiveCount(paragraphs.length, FIRST_PARAGRAPHS, PARAGRAPHS_PER_STEP, paragraphs);
  if (!text) return <p className="hint">No reasoning in this trace.</p>;
  return (
    <div className="reasoning" aria-busy={shown < paragraphs.length}>
      {paragraphs.slice(0, shown).map((paragraph, i) => <Paragraph key={i} text={paragraph} mode={mode} />)}
      {shown < paragraphs.length && <p className="hint">Showing {formatCount(shown)} of {formatCount(paragraphs.length)} paragraphs…</p>}
    </div>
  );
}
