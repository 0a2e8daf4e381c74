// Opening a model folder's ONNX session on the chosen backend, shared by the LM and reward engines:
// the backend decision, the session (all outputs on the GPU under WebGPU, so caches stay there), the
// info fields both engines report, and the session's release when building the engine fails.
import { chooseBackend, probeAdapter, type BackendChoice, type BackendDecision } from './adapter-probe.ts';
import type { EngineInfo } from './engine-types.ts';
import { estimateParameterCount, type ModelFiles } from './model-files.ts';
import { createSession, threadsInUse, type ort } from './ort-session.ts';

export type BaseEngineInfo = Omit<EngineInfo, 'hasKvCache'>;

export async function withModelSession<T>(
  files: ModelFiles,
  choice: BackendChoice,
  threads: number | undefined,
  build: (session: ort.InferenceSession, decision: BackendDecision, info: BaseEngineInfo) => Promise<T>,
): Promise<T> {
  const decision = chooseBackend(choice, await probeAdapter());
  const session = await createSession(
    { model: files.model, externalData: files.externalData },
    { backend: decision.backend, threads, gpuOutputs: decision.backend === 'webgpu' ? 'all' : undefined },
  );
  try {
    return await build(session, decision, {
      backend: decision.backend,
      backendReason: decision.reason,
      threads: decision.backend === 'wasm' ? threadsInUse() : 0,
      modelName: files.name,
      parameterCount: estimateParameterCount(files),
      byteLength: files.byteLength,
    });
  } catch (error) {
    await session.release();
    throw error;
  }
}
