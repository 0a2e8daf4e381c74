import { useId } from 'react';
import type { RewardScale } from './reward-colors.ts';
import { signWord, type RewardSegment } from './reward-segments.ts';

function formatReward(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return `${value < 0 ? '−' : '+'}${Math.abs(value).toFixed(2)}`;
}

/** The subsequences between pivots: sign, token range, length, mean reward and an excerpt; a click shows one in the text. */
export function SubsequenceList(props: {
  segments: readonly RewardSegment[];
  scale: RewardScale;
  selectedIndex: number | null;
  onSelect: (index: number) => void;
}) {
  const { segments, scale } = props;
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} style={{ fontSize: '0.8rem', minWidth: 0 }}>
      <h3 id={titleId} style={{ fontSize: '0.9rem', margin: '0 0 0.25rem' }}>Subsequences ({segments.length})</h3>
      <ol aria-label="Subsequences between pivots" style={{ listStyle: 'none', padding: 0, margin: 0, maxHeight: '24rem', overflow: 'auto', display: 'grid', gap: 2 }}>
        {segments.map((segment) => (
          <li key={segment.index}>
            <button type="button" data-segment-index={segment.index} data-sign={segment.sign} data-token-start={segment.tokenStart} data-char-start={segment.charStart}
              aria-current={props.selectedIndex === segment.index ? 'true' : undefined} onClick={() => props.onSelect(segment.index)}
              className={props.selectedIndex === segment.index ? 'subsequence selected' : 'subsequence'}
              style={{ display: 'flex', gap: '0.4rem', alignItems: 'baseline', width: '100%', textAlign: 'left', font: 'inherit', cursor: 'pointer' }}>
              <span aria-hidden style={{ flex: 'none', width: '0.7rem', height: '0.7rem', background: scale.colour(segment.meanReward), border: '1px solid #8888' }} />
              <span style={{ flex: 'none' }}>#{segment.index + 1} {signWord(segment.sign)}</span>
              <span style={{ flex: 'none' }} className="mono">tokens {segment.tokenStart}–{segment.tokenEnd - 1} ({segment.tokenCount}) · mean {formatReward(segment.meanReward)}</span>
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', opacity: 0.8 }}>“{segment.excerpt}”</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
