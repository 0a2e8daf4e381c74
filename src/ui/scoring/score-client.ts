// One scoring worker for the studio, started on first use. Token arrays come back from it and stay in
// component refs/local state, never in the zustand store.
import {
  openScoreWorker, progressCallback, type BackendChoice, type ModelInfo, type ModelSource, type RewardedText, type RewardModelInfo, type ScoredText, type ScoreWorkerHandle,
} from '../../workers/score-api.ts';

/** The bundled default model (public/models/trellis-lm-tiny). */
export const DEFAULT_MODEL: ModelSource = { kind: 'url', baseUrl: '/models/trellis-lm-tiny/', name: 'trellis-lm-tiny' };

/** The bundled token-level reward model (public/models/trellis-rm-tiny): rewards in (−1, 1), baseline 0. */
export const DEFAULT_REWARD_MODEL: ModelSource = { kind: 'url', baseUrl: '/models/trellis-rm-tiny/', name: 'trellis-rm-tiny' };

let handle: ScoreWorkerHandle | undefined;

/** A model slot of the worker, loaded once per key; a failed load is forgotten so the next call retries. */
function loadOnce<T>(): (key: string, load: () => Promise<T>) => Promise<T> {
  let loadedKey: string | undefined;
  let loaded: Promise<T> | undefined;
  return (key, load) => {
    if (key !== loadedKey || !loaded) {
      loadedKey = key;
      loaded = load();
      loaded.catch(() => { loadedKey = undefined; loaded = undefined; });
    }
    return loaded;
  };
}

// The worker holds a reward model beside the LM; each is loaded once per (source, backend).
const lmSlot = loadOnce<ModelInfo>();
const rewardSlot = loadOnce<RewardModelInfo>();

function worker(): ScoreWorkerHandle {
  handle ??= openScoreWorker();
  return handle;
}

function sourceKey(source: ModelSource, backend: BackendChoice): string {
  return `${backend}:${source.kind === 'url' ? source.baseUrl : `files:${source.name}:${Object.keys(source.files).length}`}`;
}

/** Loads the model once per (source, backend); a different choice replaces it in the worker. */
export function ensureModel(source: ModelSource, backend: BackendChoice): Promise<ModelInfo> {
  return lmSlot(sourceKey(source, backend), () => worker().api.load(source, { backend }));
}

export function scoreText(text: string, onProgress: (done: number, total: number) => void): Promise<ScoredText> {
  return worker().api.scoreText(text, progressCallback((event) => onProgress(event.tokensDone, event.tokensTotal)));
}

export function ensureRewardModel(source: ModelSource, backend: BackendChoice): Promise<RewardModelInfo> {
  return rewardSlot(sourceKey(source, backend), () => worker().api.loadRewardModel(source, { backend }));
}

export function scoreRewardText(text: string, onProgress: (done: number, total: number) => void): Promise<RewardedText> {
  return worker().api.scoreRewardText(text, progressCallback((event) => onProgress(event.tokensDone, event.tokensTotal)));
}

/** Cancels LM and reward scoring alike (one worker runs both). */
export function cancelScoring(): void {
  void handle?.api.cancel();
}

/** Files from a folder picker (webkitdirectory) keyed by their path inside the folder. */
export function pickedFolderSource(files: FileList): ModelSource {
  const entries: Record<string, Blob> = {};
  let folder = 'model';
  for (const file of Array.from(files)) {
    const path = file.webkitRelativePath || file.name;
    folder = path.split('/')[0] || folder;
    entries[path] = file;
  }
  return { kind: 'files', files: entries, name: folder };
}
