import { useShallow } from 'zustand/react/shallow';
import { confirmLoad, dismissDetection } from '../state/dataset-actions.ts';
import { useStudio } from '../state/store.ts';

/** What the sniffer found in each file, shown before anything is loaded. */
export function DetectionPanel() {
  const { phase, detections, fileNames } = useStudio(useShallow((s) => ({ phase: s.phase, detections: s.detections, fileNames: s.fileNames })));
  if (phase === 'fetching' || phase === 'detecting') {
    return <section className="panel" aria-label="Detected format" aria-busy="true"><p>Reading {fileNames.join(', ')}…</p></section>;
  }
  if (phase !== 'detected') return null;
  const recognised = detections.filter((d) => d.layout !== null).length;
  return (
    <section className="panel detection" aria-labelledby="detection-title">
      <h2 id="detection-title">Detected format</h2>
      <table className="detection-table">
        <thead>
          <tr><th scope="col">File</th><th scope="col">Container</th><th scope="col">Layout</th><th scope="col">Confidence</th><th scope="col">Why</th></tr>
        </thead>
        <tbody>
          {detections.map((d) => (
            <tr key={d.file} className={d.layout ? undefined : 'unrecognised'}>
              <td className="mono">{d.file}</td>
              <td>{d.container}{d.compressed ? ' (gzip)' : ''}</td>
              <td>{d.layout ?? 'not recognised'}</td>
              <td>{Math.round(d.confidence * 100)}%</td>
              <td>{d.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="panel-actions">
        <button type="button" className="button primary" onClick={() => void confirmLoad()}>Load</button>
        <button type="button" className="button" onClick={dismissDetection}>Cancel</button>
        {recognised < detections.length && <span className="hint">Unrecognised files will be read anyway; their rows are reported as errors.</span>}
      </div>
    </section>
  );
}
