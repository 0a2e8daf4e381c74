import { useShallow } from 'zustand/react/shallow';
import { cancelLoad } from '../state/dataset-actions.ts';
import { useStudio } from '../state/store.ts';
import { formatBytes, formatCount } from '../format.ts';

export function LoadProgress() {
  const { phase, progress } = useStudio(useShallow((s) => ({ phase: s.phase, progress: s.progress })));
  if (phase !== 'loading' || !progress) return null;
  const fraction = progress.bytesTotal > 0 ? Math.min(1, progress.bytesRead / progress.bytesTotal) : 0;
  const percent = Math.round(fraction * 100);
  return (
    <section className="load-progress" aria-label="Loading">
      <div className="progress-track" role="progressbar" aria-label="Loading progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
      <p className="progress-text">
        {formatBytes(progress.bytesRead)} of {formatBytes(progress.bytesTotal)} · {formatCount(progress.rows)} rows ·{' '}
        {formatCount(progress.traces)} traces{progress.errors > 0 && ` · ${formatCount(progress.errors)} errors`}
      </p>
      <button type="button" className="button" onClick={cancelLoad}>Cancel loading</button>
    </section>
  );
}
