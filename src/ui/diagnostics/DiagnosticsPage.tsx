import { useEffect, useState } from 'react';
import type { AdapterSummary, SelfTestResult } from '../../workers/score-api.ts';
import type { TrellisDiagnostics } from './diagnostics-api.ts';

// Shows the WebGPU adapter and the kernel self-test (WGSL reduction vs the CPU reference).
export function DiagnosticsPage({ api }: { api: TrellisDiagnostics }) {
  const [adapter, setAdapter] = useState<AdapterSummary | null | undefined>(undefined);
  const [selfTest, setSelfTest] = useState<SelfTestResult | 'running' | undefined>(undefined);

  useEffect(() => {
    void api.probe().then(setAdapter, () => setAdapter(null));
  }, [api]);

  const runSelfTest = () => {
    setSelfTest('running');
    void api.selfTest().then(setSelfTest);
  };

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '1rem', maxWidth: '60rem' }}>
      <h1>Trellis scoring diagnostics</h1>
      <section aria-label="WebGPU adapter">
        <h2>WebGPU adapter</h2>
        <AdapterView adapter={adapter} />
        <p data-testid="isolation">crossOriginIsolated: {String(api.crossOriginIsolated)}</p>
      </section>
      <section aria-label="Kernel self-test">
        <h2>Reduction kernel self-test</h2>
        <button type="button" onClick={runSelfTest} disabled={selfTest === 'running' || !adapter}>Run self-test</button>
        <SelfTestView result={selfTest} />
      </section>
    </main>
  );
}

function AdapterView({ adapter }: { adapter: AdapterSummary | null | undefined }) {
  if (adapter === undefined) return <p>Probing…</p>;
  if (adapter === null) return <p data-testid="adapter-status">No WebGPU adapter: scoring uses WASM.</p>;
  return (
    <dl data-testid="adapter-status">
      <dt>Adapter</dt>
      <dd>{[adapter.vendor, adapter.architecture, adapter.device, adapter.description].filter(Boolean).join(' · ') || 'unnamed'}</dd>
      <dt>Fallback (software) adapter</dt>
      <dd data-testid="adapter-fallback">{String(adapter.isFallbackAdapter)}</dd>
      <dt>Max storage binding</dt>
      <dd>{(adapter.maxStorageBufferBindingSize / 2 ** 20).toFixed(0)} MiB</dd>
      <dt>Features</dt>
      <dd>{adapter.features.join(', ') || 'none'}</dd>
    </dl>
  );
}

function SelfTestView({ result }: { result: SelfTestResult | 'running' | undefined }) {
  if (result === undefined) return null;
  if (result === 'running') return <p>Running…</p>;
  return (
    <div>
      <p data-testid="self-test-status">{result.passed ? 'PASS' : 'FAIL'} (tolerance {result.tolerance}){result.error ? `: ${result.error}` : ''}</p>
      <table>
        <thead><tr><th>T × V</th><th>max |Δ logprob|</th><th>max |Δ entropy|</th><th>ranks</th><th>top-5 ids</th></tr></thead>
        <tbody>
          {result.cases.map((c) => (
            <tr key={`${c.positions}x${c.vocabSize}`}>
              <td>{c.positions} × {c.vocabSize}</td>
              <td>{c.maxLogprobError.toExponential(2)}</td>
              <td>{c.maxEntropyError.toExponential(2)}</td>
              <td>{c.ranksEqual ? 'equal' : 'differ'}</td>
              <td>{c.topIdsEqual ? 'equal' : 'differ'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
