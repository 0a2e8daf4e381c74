import type { BackendChoice, ModelInfo, RewardModelInfo } from '../../workers/score-api.ts';

export function formatBytes(byteLength: number): string {
  if (byteLength >= 2 ** 20) return `${(byteLength / 2 ** 20).toFixed(1)} MB`;
  return `${(byteLength / 1024).toFixed(0)} kB`;
}

export function formatCount(count: number): string {
  if (count >= 1e6) return `${(count / 1e6).toFixed(1)}M`;
  if (count >= 1e3) return `${(count / 1e3).toFixed(0)}k`;
  return String(count);
}

type LoadedInfo = Pick<ModelInfo, 'modelName' | 'parameterCount' | 'byteLength' | 'backend' | 'threads' | 'backendReason'>;

/** "name · params · size · BACKEND (threads) — why that backend". */
export function describeModel(info: LoadedInfo): string {
  const threads = info.backend === 'wasm' ? ` (${info.threads} thread${info.threads === 1 ? '' : 's'})` : '';
  return `${info.modelName} · ${formatCount(info.parameterCount)} params · ${formatBytes(info.byteLength)} · ${info.backend.toUpperCase()}${threads} — ${info.backendReason}`;
}

/** Backend choice, model folder picker and what is loaded (backend, why, name and size of the LM and the reward model). */
export function ModelControls(props: {
  backend: BackendChoice;
  onBackend: (backend: BackendChoice) => void;
  onPickFolder: (files: FileList) => void;
  modelLabel: string;
  info: ModelInfo | null;
  rewardModelLabel: string;
  rewardInfo: RewardModelInfo | null;
  disabled: boolean;
}) {
  const { info, rewardInfo } = props;
  return (
    <div className="score-controls" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem', alignItems: 'center' }}>
      <label>
        Backend{' '}
        <select value={props.backend} disabled={props.disabled} onChange={(e) => props.onBackend(e.target.value as BackendChoice)} aria-label="Scoring backend">
          <option value="auto">auto</option>
          <option value="webgpu">WebGPU</option>
          <option value="wasm">WASM</option>
        </select>
      </label>
      <label>
        Model folder…{' '}
        <input type="file" disabled={props.disabled} aria-label="Open model folder"
          ref={(input) => { input?.setAttribute('webkitdirectory', ''); }}
          onChange={(e) => { if (e.target.files?.length) props.onPickFolder(e.target.files); }} />
      </label>
      <span data-testid="score-model-info">
        {info ? describeModel(info) : `model: ${props.modelLabel} (not loaded)`}
      </span>
      <span data-testid="reward-model-info">
        {rewardInfo ? `reward model: ${describeModel(rewardInfo)}` : `reward model: ${props.rewardModelLabel} (not loaded)`}
      </span>
    </div>
  );
}
