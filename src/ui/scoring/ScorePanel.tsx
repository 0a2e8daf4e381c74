import { useEffect, useState } from 'react';
import type { TraceRecord } from '../../cot/trace.ts';
import type { BackendChoice, ModelInfo, ModelSource, RewardedText, RewardModelInfo, ScoredText } from '../../workers/score-api.ts';
import { ModelControls } from './ModelControls.tsx';
import { RewardTokens } from './RewardTokens.tsx';
import { ScoredTokens } from './ScoredTokens.tsx';
import { countPivots, rewardSegments } from './reward-segments.ts';
import {
  cancelScoring, DEFAULT_MODEL, DEFAULT_REWARD_MODEL, ensureModel, ensureRewardModel, pickedFolderSource, scoreRewardText, scoreText,
} from './score-client.ts';
import type { ColourMetric } from './token-colors.ts';
import { jobStatusText, throughputText, useScoreJob } from './use-score-job.ts';

/** What the tokens are coloured by: the LM's surprisal or entropy, or the reward model's reward. */
type Track = ColourMetric | 'reward';

// Token scoring view for one trace: loads the LM or the reward model in the scoring worker, scores
// the reasoning with progress and cancel, and shows the tokens coloured by the chosen track.
export function ScorePanel({ trace }: { trace: TraceRecord }) {
  const [backend, setBackend] = useState<BackendChoice>('auto');
  const [source, setSource] = useState<ModelSource>(DEFAULT_MODEL);
  const [info, setInfo] = useState<ModelInfo | null>(null);
  const [rewardInfo, setRewardInfo] = useState<RewardModelInfo | null>(null);
  const [track, setTrack] = useState<Track>('surprisal');
  // Large typed arrays live here (local state of this panel), not in the app store.
  const [scored, setScored] = useState<{ traceId: string; result: ScoredText } | null>(null);
  const [rewarded, setRewarded] = useState<{ traceId: string; result: RewardedText } | null>(null);
  const { state, busy, start } = useScoreJob();

  useEffect(() => () => cancelScoring(), [trace.id]);

  const text = trace.reasoning || trace.completion;

  const scoreLm = () => start('Loading model…', async (job) => {
    setInfo(await ensureModel(source, backend));
    job.scoring();
    const result = await scoreText(text, job.onProgress);
    if (!job.isCurrent()) return '';
    setScored({ traceId: trace.id, result });
    setTrack((current) => (current === 'reward' ? 'surprisal' : current));
    return throughputText(result.ids.length, result.durationMs);
  });

  const scoreReward = () => start('Loading reward model…', async (job) => {
    setRewardInfo(await ensureRewardModel(DEFAULT_REWARD_MODEL, backend));
    job.scoring();
    const result = await scoreRewardText(text, job.onProgress);
    if (!job.isCurrent()) return '';
    setRewarded({ traceId: trace.id, result });
    setTrack('reward');
    const pivots = countPivots(rewardSegments(result.text, result.rewards, result));
    return `${throughputText(result.ids.length, result.durationMs)} · ${pivots} pivot${pivots === 1 ? '' : 's'}`;
  });

  const shownScores = scored?.traceId === trace.id ? scored.result : null;
  const shownRewards = rewarded?.traceId === trace.id ? rewarded.result : null;
  return (
    <section className="score-panel" aria-label="Token scores" style={{ display: 'grid', gap: '0.5rem', padding: '0.5rem 0' }}>
      <ModelControls backend={backend} onBackend={setBackend} onPickFolder={(files) => setSource(pickedFolderSource(files))}
        modelLabel={source.name} info={info} rewardModelLabel={DEFAULT_REWARD_MODEL.name} rewardInfo={rewardInfo} disabled={busy} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center' }}>
        <button type="button" onClick={() => void scoreLm()} disabled={busy || !text}>Score</button>
        <button type="button" onClick={() => void scoreReward()} disabled={busy || !text}
          title={`Score the reasoning with the reward model ${DEFAULT_REWARD_MODEL.name} and find its pivot tokens`}>Reward &amp; pivots</button>
        {busy && <button type="button" onClick={cancelScoring}>Cancel</button>}
        {state.phase === 'scoring' && (
          <progress aria-label="Scoring progress" max={state.progress.total || 1} value={state.progress.done}>{state.progress.done} / {state.progress.total}</progress>
        )}
        <span role="status">{jobStatusText(state)}</span>
        <label style={{ marginLeft: 'auto' }}>
          Colour by{' '}
          <select value={track} onChange={(e) => setTrack(e.target.value as Track)} aria-label="Colour tokens by">
            <option value="surprisal">surprisal</option>
            <option value="entropy">entropy</option>
            <option value="reward">reward</option>
          </select>
        </label>
      </div>
      <TrackView track={track} scores={shownScores} rewards={shownRewards} />
    </section>
  );
}

function TrackView({ track, scores, rewards }: { track: Track; scores: ScoredText | null; rewards: RewardedText | null }) {
  if (track === 'reward') {
    return rewards ? <RewardTokens rewarded={rewards} /> : <p className="hint">No rewards yet: press “Reward &amp; pivots”.</p>;
  }
  return scores ? <ScoredTokens scored={scores} metric={track} /> : null;
}
