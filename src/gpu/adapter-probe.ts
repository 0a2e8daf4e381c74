// Probes the WebGPU adapter once per worker and decides the default backend: a real GPU runs models on
// WebGPU, a software (fallback) adapter like SwiftShader is ~50× slower than WASM, so WASM wins there.

import type { AdapterSummary, BackendChoice, BackendDecision } from './engine-types.ts';

export type { AdapterSummary, Backend, BackendChoice, BackendDecision } from './engine-types.ts';

let probe: Promise<AdapterSummary | null> | undefined;

/** Cached: adapter requests are slow and the answer does not change during a session. */
export function probeAdapter(): Promise<AdapterSummary | null> {
  probe ??= requestSummary();
  return probe;
}

async function requestSummary(): Promise<AdapterSummary | null> {
  const gpu = (globalThis.navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return null;
    const info = adapter.info;
    // `isFallbackAdapter` moved from the adapter to its info; read both.
    const fallback = (info as GPUAdapterInfo & { isFallbackAdapter?: boolean }).isFallbackAdapter
      ?? (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter ?? false;
    return {
      vendor: info.vendor,
      architecture: info.architecture,
      device: info.device,
      description: info.description,
      isFallbackAdapter: fallback,
      features: [...adapter.features].map(String).sort(),
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      maxBufferSize: adapter.limits.maxBufferSize,
    };
  } catch {
    return null;
  }
}

/** Pure decision from the probe result and the user's choice (WebGPU stays selectable on a fallback). */
export function chooseBackend(choice: BackendChoice, adapter: AdapterSummary | null): BackendDecision {
  if (choice === 'wasm') return { backend: 'wasm', reason: 'WASM chosen by the user' };
  if (choice === 'webgpu') {
    if (!adapter) throw new Error('WebGPU was requested but this browser gives no WebGPU adapter');
    return { backend: 'webgpu', reason: adapter.isFallbackAdapter ? 'WebGPU chosen by the user (software adapter: slow)' : 'WebGPU chosen by the user' };
  }
  if (!adapter) return { backend: 'wasm', reason: 'no WebGPU adapter: WASM' };
  if (adapter.isFallbackAdapter) return { backend: 'wasm', reason: `software WebGPU adapter (${adapterLabel(adapter)}): WASM is faster` };
  return { backend: 'webgpu', reason: `GPU: ${adapterLabel(adapter)}` };
}

export function adapterLabel(adapter: AdapterSummary): string {
  return [adapter.vendor, adapter.architecture, adapter.device, adapter.description].filter(Boolean).join(' ') || 'unknown adapter';
}
