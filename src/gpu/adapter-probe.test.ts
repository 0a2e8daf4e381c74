import { describe, expect, it } from 'vitest';
import { chooseBackend } from './adapter-probe.ts';
import type { AdapterSummary } from './engine-types.ts';

const adapter = (isFallbackAdapter: boolean): AdapterSummary => ({
  vendor: 'google', architecture: 'swiftshader', device: '', description: 'SwiftShader', isFallbackAdapter,
  features: [], maxStorageBufferBindingSize: 2 ** 30, maxBufferSize: 2 ** 30,
});

describe('chooseBackend', () => {
  it('runs a real GPU on WebGPU and a software adapter on WASM when left to auto', () => {
    expect(chooseBackend('auto', adapter(false)).backend).toBe('webgpu');
    const fallback = chooseBackend('auto', adapter(true));
    expect(fallback.backend).toBe('wasm');
    expect(fallback.reason).toMatch(/software/);
    expect(chooseBackend('auto', null).backend).toBe('wasm');
  });

  it('keeps WebGPU selectable on a software adapter but refuses it without any adapter', () => {
    expect(chooseBackend('webgpu', adapter(true))).toEqual({ backend: 'webgpu', reason: expect.stringMatching(/slow/) });
    expect(() => chooseBackend('webgpu', null)).toThrow(/no WebGPU adapter/);
    expect(chooseBackend('wasm', adapter(false)).backend).toBe('wasm');
  });
});
