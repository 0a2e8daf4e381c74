import { runCommand } from '../commands/registry.ts';
import { openSampleDataset, SAMPLE_ATTRIBUTION_URL } from '../state/sample-actions.ts';
import { formatHotkey } from '../commands/registry.ts';

export function EmptyState() {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">Open a reasoning-trace dataset</h2>
      <p>
        Drop JSONL, JSON, <code>.jsonl.gz</code> or Parquet files anywhere on this page, use{' '}
        <button type="button" className="link-button" onClick={() => runCommand('open-files')}>Open…</button>{' '}
        ({formatHotkey('Mod+O')}). Several shards of one split can be opened together. Files are read in
        your browser and never leave this machine.
      </p>
      <div className="sample-offer">
        <button type="button" className="button primary" onClick={() => void openSampleDataset()}>Open sample dataset</button>
        <p className="attribution">
          28 real long chain-of-thought traces: DeepSeek-R1 (McGill-NLP/thoughtology, MIT), DeepSeek-R1-Distill
          models (interp-reasoning/thought-anchors, MIT) and Sky-T1 (NovaSky-AI/SkyThought, Apache-2.0).{' '}
          <a href={SAMPLE_ATTRIBUTION_URL} target="_blank" rel="noreferrer">Full attribution</a>
        </p>
      </div>
    </section>
  );
}
