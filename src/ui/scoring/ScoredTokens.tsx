import { memo, useMemo, useState, type MouseEvent } from 'react';
import type { ScoredText } from '../../workers/score-api.ts';
import { ScoreLegend } from './ScoreLegend.tsx';
import { TokenTooltip, type TooltipAnchor } from './TokenTooltip.tsx';
import { colourScale, metricValues, textColourOn, type ColourMetric } from './token-colors.ts';

// The scored text, one span per token coloured by surprisal or entropy, with a hover tooltip.
export function ScoredTokens({ scored, metric }: { scored: ScoredText; metric: ColourMetric }) {
  const values = useMemo(() => metricValues(metric, scored.scores.logprob, scored.scores.entropy), [metric, scored]);
  const scale = useMemo(() => colourScale(values), [values]);
  const [anchor, setAnchor] = useState<TooltipAnchor | null>(null);

  // One listener for all tokens: each span carries its index.
  const onMove = (event: MouseEvent<HTMLDivElement>) => {
    const index = (event.target as HTMLElement).dataset.t;
    setAnchor(index === undefined ? null : { tokenIndex: Number(index), x: event.clientX, y: event.clientY });
  };

  return (
    <div>
      <ScoreLegend metric={metric} scale={scale} />
      <div className="scored-text" data-testid="scored-text" onMouseMove={onMove} onMouseLeave={() => setAnchor(null)}
        style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6, fontFamily: 'var(--mono, ui-monospace, monospace)', fontSize: '0.85rem' }}>
        <TokenSpans scored={scored} values={values} scale={scale} />
      </div>
      {anchor && <TokenTooltip scored={scored} anchor={anchor} />}
    </div>
  );
}

// Memoised so moving the mouse (tooltip state) does not rebuild thousands of spans.
const TokenSpans = memo(function TokenSpans({ scored, values, scale }: { scored: ScoredText; values: Float32Array; scale: ReturnType<typeof colourScale> }) {
  const spans = [];
  for (let t = 0; t < scored.ids.length; t++) {
    const value = values[t];
    spans.push(
      <span key={t} data-t={t} style={{ background: scale.colour(value), color: textColourOn(value, scale) }}>
        {scored.text.slice(scored.charStart[t], scored.charEnd[t])}
      </span>,
    );
  }
  return <>{spans}</>;
});
