// The one place that owns onnxruntime-web: environment (threads, self-hosted wasm files), session
// creation for WebGPU or WASM, and access to ORT's own GPUDevice for our kernels.
import * as ort from 'onnxruntime-web';
import { serialised } from './ort-queue.ts';
import type { Backend } from './adapter-probe.ts';

export { ort };

export interface ModelBytes {
  model: Uint8Array;
  /** External data files (name as referenced by the graph, e.g. "model.onnx_data"). */
  externalData: { path: string; data: Uint8Array }[];
}

export interface SessionOptions {
  backend: Backend;
  /** WASM threads; ORT reads it once, before its first session. Defaults to 2 when isolated. */
  threads?: number;
  /** Outputs to keep on the GPU (WebGPU only): 'all' or a list of names. */
  gpuOutputs?: 'all' | string[];
}

let configuredThreads: number | undefined;

/** Threads actually available: >1 needs SharedArrayBuffer, i.e. a cross-origin isolated page. */
export function effectiveThreads(requested?: number): number {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  if (!isolated) return 1;
  return Math.max(1, Math.min(requested ?? 2, 2 * 8));
}

function configureEnv(threads: number): void {
  if (configuredThreads !== undefined) return;
  configuredThreads = threads;
  ort.env.wasm.numThreads = threads;
  // No wasmPaths: Vite bundles ORT's .wasm/.mjs with the app (served by us, never a CDN).
  ort.env.logLevel = 'error';
}

export function threadsInUse(): number {
  return configuredThreads ?? 1;
}

export function createSession(bytes: ModelBytes, options: SessionOptions): Promise<ort.InferenceSession> {
  configureEnv(effectiveThreads(options.threads));
  const sessionOptions: ort.InferenceSession.SessionOptions = {
    executionProviders: [options.backend === 'webgpu' ? 'webgpu' : 'wasm'],
    graphOptimizationLevel: 'all',
    externalData: bytes.externalData.length ? bytes.externalData : undefined,
  };
  if (options.backend === 'webgpu' && options.gpuOutputs) {
    sessionOptions.preferredOutputLocation = options.gpuOutputs === 'all'
      ? 'gpu-buffer'
      : Object.fromEntries(options.gpuOutputs.map((name) => [name, 'gpu-buffer' as const]));
  }
  return serialised(() => ort.InferenceSession.create(bytes.model, sessionOptions));
}

/** ORT's own device (valid once a WebGPU session exists): our kernels must share it to read its buffers. */
export async function ortDevice(): Promise<GPUDevice> {
  const device = await (ort.env.webgpu.device as unknown as Promise<GPUDevice> | GPUDevice | undefined);
  if (!device) throw new Error('onnxruntime-web has no WebGPU device yet (create a WebGPU session first)');
  return device;
}

export function runSession(
  session: ort.InferenceSession, feeds: Record<string, ort.Tensor>, fetches?: string[],
): Promise<ort.InferenceSession.ReturnType> {
  return serialised(() => (fetches ? session.run(feeds, fetches) : session.run(feeds)));
}
