import { interpolateViridis } from 'd3-scale-chromatic';
import type { ColourMetric, ColourScale } from './token-colors.ts';

const STOPS = Array.from({ length: 11 }, (_, i) => `${interpolateViridis(i / 10)} ${i * 10}%`).join(', ');
const LABELS: Record<ColourMetric, string> = { surprisal: 'surprisal −log p (nats)', entropy: 'entropy (nats)' };

export function ScoreLegend({ metric, scale }: { metric: ColourMetric; scale: ColourScale }) {
  return (
    <div className="score-legend" aria-label={`Colour legend: ${LABELS[metric]}`} style={{ display: 'flex', alignItems: 'center', gap: '0.5rem', fontSize: '0.85em' }}>
      <span>{scale.min.toFixed(2)}</span>
      <span aria-hidden style={{ width: '10rem', height: '0.8rem', background: `linear-gradient(to right, ${STOPS})`, borderRadius: 2 }} />
      <span>≥ {scale.max.toFixed(2)}</span>
      <span>{LABELS[metric]}</span>
    </div>
  );
}
