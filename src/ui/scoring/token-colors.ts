// Maps per-token scores to colours: sequential values on viridis, scaled to a robust maximum (the 98th
// percentile) so one extreme token does not wash out the rest.
import { interpolateViridis } from 'd3-scale-chromatic';

export type ColourMetric = 'surprisal' | 'entropy';

export interface ColourScale {
  min: number;
  max: number;
  colour(value: number): string;
}

/** Surprisal is -log p (nats); entropy is as stored. NaN (first token) stays NaN. */
export function metricValues(metric: ColourMetric, logprob: Float32Array, entropy: Float32Array): Float32Array {
  if (metric === 'entropy') return entropy;
  return logprob.map((value) => -value);
}

export function colourScale(values: Float32Array): ColourScale {
  const finite = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  const min = finite.length ? finite[0] : 0;
  const max = finite.length ? finite[Math.min(finite.length - 1, Math.floor(finite.length * 0.98))] : 1;
  const span = max > min ? max - min : 1;
  return {
    min,
    max,
    colour: (value) => (Number.isFinite(value) ? interpolateViridis(Math.min(1, Math.max(0, (value - min) / span))) : 'transparent'),
  };
}

/** Dark text on the light end of viridis, light text on the dark end. */
export function textColourOn(value: number, scale: ColourScale): string {
  if (!Number.isFinite(value)) return 'inherit';
  return (value - scale.min) / (scale.max - scale.min || 1) > 0.55 ? '#111' : '#fff';
}
