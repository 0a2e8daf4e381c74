import { memo, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { RewardedText } from '../../workers/score-api.ts';
import { rewardScale, type RewardScale } from './reward-colors.ts';
import { pivotLabel, rewardSegments, type RewardSegment } from './reward-segments.ts';
import { PivotGlyph, RewardLegend } from './RewardLegend.tsx';
import { SubsequenceList } from './SubsequenceList.tsx';
import { RewardTooltip, type TooltipAnchor } from './TokenTooltip.tsx';

// The reward track: tokens coloured by reward around the baseline, a marker before each pivot token,
// and the list of subsequences between pivots beside the text.
export function RewardTokens({ rewarded }: { rewarded: RewardedText }) {
  const segments = useMemo(() => rewardSegments(rewarded.text, rewarded.rewards, rewarded), [rewarded]);
  const scale = useMemo(() => rewardScale(rewarded.rewards), [rewarded]);
  const [anchor, setAnchor] = useState<TooltipAnchor | null>(null);
  // Tied to the result it was made on, so a rescore starts with nothing selected.
  const [selection, setSelection] = useState<{ rewarded: RewardedText; index: number } | null>(null);
  const selectedIndex = selection?.rewarded === rewarded ? selection.index : null;
  const textRef = useRef<HTMLDivElement>(null);

  const onMove = (event: MouseEvent<HTMLDivElement>) => {
    const index = (event.target as HTMLElement).dataset.t;
    setAnchor(index === undefined ? null : { tokenIndex: Number(index), x: event.clientX, y: event.clientY });
  };
  const select = (index: number) => {
    setSelection({ rewarded, index });
    textRef.current?.querySelector(`[data-segment="${index}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  return (
    <div style={{ display: 'grid', gap: '0.5rem' }}>
      <RewardLegend scale={scale} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'flex-start' }}>
        <div ref={textRef} className="scored-text" data-testid="reward-text" onMouseMove={onMove} onMouseLeave={() => setAnchor(null)}
          style={{ flex: '3 1 24rem', minWidth: 0, whiteSpace: 'pre-wrap', lineHeight: 1.6, fontFamily: 'var(--mono, ui-monospace, monospace)', fontSize: '0.85rem' }}>
          <SegmentSpans rewarded={rewarded} segments={segments} scale={scale} selectedIndex={selectedIndex} />
        </div>
        <div style={{ flex: '1 1 16rem', minWidth: 0, position: 'sticky', top: 0 }}>
          <SubsequenceList segments={segments} scale={scale} selectedIndex={selectedIndex} onSelect={select} />
        </div>
      </div>
      {anchor && <RewardTooltip rewarded={rewarded} anchor={anchor} />}
    </div>
  );
}

// One wrapper per subsequence (so a selected one can be outlined as a whole), tokens inside it.
// Memoised so the tooltip's mouse tracking does not rebuild thousands of spans.
const SegmentSpans = memo(function SegmentSpans(props: {
  rewarded: RewardedText;
  segments: readonly RewardSegment[];
  scale: RewardScale;
  selectedIndex: number | null;
}) {
  const { rewarded, scale } = props;
  return props.segments.map((segment) => {
    const tokens = [];
    for (let t = segment.tokenStart; t < segment.tokenEnd; t++) {
      const reward = rewarded.rewards[t];
      tokens.push(
        <span key={t} data-t={t} style={{ background: scale.colour(reward), color: scale.textColour(reward) }}>
          {rewarded.text.slice(rewarded.charStart[t], rewarded.charEnd[t])}
        </span>,
      );
    }
    const selected = props.selectedIndex === segment.index;
    return (
      <span key={segment.index} data-segment={segment.index} className={selected ? 'reward-segment selected' : 'reward-segment'}>
        {segment.startsAtPivot && (
          <span role="img" aria-label={pivotLabel(segment.sign)} data-pivot={segment.tokenStart} className="pivot-marker"
            style={{ padding: '0 1px' }}>
            <PivotGlyph sign={segment.sign} />
          </span>
        )}
        {tokens}
      </span>
    );
  });
});
