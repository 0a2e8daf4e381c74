// A WebGPU device of our own for diagnostics when no WebGPU session (and so no ORT device) exists.
// Requests the adapter's full storage limits: a 512 × 151,936 logits block is 311 MB.
let device: Promise<GPUDevice> | undefined;

export function ownDevice(): Promise<GPUDevice> {
  device ??= (async () => {
    const gpu = (globalThis.navigator as Navigator & { gpu?: GPU }).gpu;
    const adapter = await gpu?.requestAdapter();
    if (!adapter) throw new Error('no WebGPU adapter in this browser');
    return adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
      },
    });
  })();
  device.catch(() => { device = undefined; });
  return device;
}
