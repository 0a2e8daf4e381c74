import { rewardGradientStops, type RewardScale } from './reward-colors.ts';
import { pivotLabel } from './reward-segments.ts';

const STOPS = rewardGradientStops();

/** Diverging ramp around the baseline, plus the pivot markers' meaning (colour is never alone). */
export function RewardLegend({ scale }: { scale: RewardScale }) {
  const low = scale.baseline - scale.extent;
  const high = scale.baseline + scale.extent;
  return (
    <div className="score-legend" aria-label={`Colour legend: reward, red below and blue above the baseline ${scale.baseline}`}
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.5rem', fontSize: '0.85em' }}>
      <span>≤ {low.toFixed(2)}</span>
      <span aria-hidden style={{ width: '10rem', height: '0.8rem', background: `linear-gradient(to right, ${STOPS})`, borderRadius: 2 }} />
      <span>≥ {high.toFixed(2)}</span>
      <span>reward (baseline {scale.baseline}: white)</span>
      <span><PivotGlyph sign={-1} /> {pivotLabel(-1)}</span>
      <span><PivotGlyph sign={1} /> {pivotLabel(1)}</span>
    </div>
  );
}

/** The visible pivot tick; the marker in the text carries the accessible label. */
export function PivotGlyph({ sign }: { sign: 1 | -1 }) {
  return (
    <span aria-hidden className={`pivot-glyph ${sign < 0 ? 'negative' : 'positive'}`}>
      {sign < 0 ? '▼' : '▲'}
    </span>
  );
}
