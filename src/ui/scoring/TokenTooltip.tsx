import type { ReactNode } from 'react';
import type { RewardedText, ScoredText } from '../../workers/score-api.ts';

export interface TooltipAnchor {
  tokenIndex: number;
  x: number;
  y: number;
}

/** Visible form of a token: whitespace and control characters made readable. */
export function showToken(text: string): string {
  return JSON.stringify(text).slice(1, -1) || '∅';
}

export function TokenTooltip({ scored, anchor }: { scored: ScoredText; anchor: TooltipAnchor }) {
  const t = anchor.tokenIndex;
  const { scores } = scored;
  const token = scored.text.slice(scored.charStart[t], scored.charEnd[t]);
  const alternatives = Array.from({ length: scores.k }, (_, j) => ({ id: scores.topIds[t * scores.k + j], logprob: scores.topLogprobs[t * scores.k + j] }))
    .filter((alt) => alt.id >= 0);
  return (
    <TooltipFrame anchor={anchor}>
      <div><strong>{showToken(token)}</strong> · token {t} · id {scored.ids[t]}</div>
      {t === 0 ? <div>first token: no prediction</div> : (
        <>
          <div>log p {scores.logprob[t].toFixed(4)} · entropy {scores.entropy[t].toFixed(4)} · rank {scores.rank[t]}</div>
          <table><tbody>
            {alternatives.map((alt) => (
              <tr key={alt.id}><td>{showToken(scored.tokenTexts[alt.id] ?? `#${alt.id}`)}</td><td>{alt.logprob.toFixed(3)}</td></tr>
            ))}
          </tbody></table>
        </>
      )}
    </TooltipFrame>
  );
}

/** The reward model's value after a token (its tokens may differ from the LM's). */
export function RewardTooltip({ rewarded, anchor }: { rewarded: RewardedText; anchor: TooltipAnchor }) {
  const t = anchor.tokenIndex;
  const token = rewarded.text.slice(rewarded.charStart[t], rewarded.charEnd[t]);
  return (
    <TooltipFrame anchor={anchor}>
      <div><strong>{showToken(token)}</strong> · token {t} · id {rewarded.ids[t]}</div>
      <div>reward {rewarded.rewards[t].toFixed(4)}</div>
    </TooltipFrame>
  );
}

function TooltipFrame({ anchor, children }: { anchor: TooltipAnchor; children: ReactNode }) {
  return (
    <div role="tooltip" className="token-tooltip" style={{
      position: 'fixed', left: anchor.x + 12, top: anchor.y + 12, zIndex: 20, background: 'var(--panel-bg, #fff)',
      color: 'var(--text, #111)', border: '1px solid #8886', borderRadius: 4, padding: '0.4rem 0.6rem', fontSize: '0.8rem', pointerEvents: 'none',
    }}>
      {children}
    </div>
  );
}
