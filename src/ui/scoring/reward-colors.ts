// Maps token rewards to colours on a symmetric diverging scale (RdBu) centred on the baseline:
// below it red, above it blue, at it near-white. The extent is a robust maximum (98th percentile of
// |r - b|) so one extreme token does not wash out the rest; the scale stays symmetric so equal
// distances from the baseline get equally strong colours on both sides.
import { interpolateRdBu } from 'd3-scale-chromatic';

export interface RewardScale {
  baseline: number;
  /** Half-width of the scale: values at baseline ± extent get the strongest colours. */
  extent: number;
  colour(reward: number): string;
  /** Readable text colour on colour(reward). */
  textColour(reward: number): string;
}

const MIN_EXTENT = 1e-6;

/** Position on the RdBu ramp: 0 (strongly negative, red) … 0.5 (baseline) … 1 (strongly positive, blue). */
export function rampPosition(reward: number, baseline: number, extent: number): number {
  const relative = (reward - baseline) / Math.max(extent, MIN_EXTENT);
  return 0.5 + 0.5 * Math.min(1, Math.max(-1, relative));
}

export function robustExtent(rewards: ArrayLike<number>, baseline: number): number {
  const deviations: number[] = [];
  for (let t = 0; t < rewards.length; t++) {
    const value = rewards[t];
    if (Number.isFinite(value)) deviations.push(Math.abs(value - baseline));
  }
  if (deviations.length === 0) return 1;
  deviations.sort((a, b) => a - b);
  const extent = deviations[Math.min(deviations.length - 1, Math.floor(deviations.length * 0.98))];
  return Math.max(extent, MIN_EXTENT);
}

export function rewardScale(rewards: ArrayLike<number>, baseline = 0): RewardScale {
  const extent = robustExtent(rewards, baseline);
  return {
    baseline,
    extent,
    colour: (reward) => (Number.isFinite(reward) ? interpolateRdBu(rampPosition(reward, baseline, extent)) : 'transparent'),
    // Both ends of RdBu are dark, the middle near-white; ±0.33 from the middle is where white text
    // starts to contrast better than near-black (both about 4.3:1 there).
    textColour: (reward) => {
      if (!Number.isFinite(reward)) return 'inherit';
      return Math.abs(rampPosition(reward, baseline, extent) - 0.5) > 0.33 ? '#fff' : '#111';
    },
  };
}

/** CSS gradient stops of the ramp, for the legend. */
export function rewardGradientStops(steps = 11): string {
  return Array.from({ length: steps }, (_, i) => `${interpolateRdBu(i / (steps - 1))} ${((i / (steps - 1)) * 100).toFixed(0)}%`).join(', ');
}
