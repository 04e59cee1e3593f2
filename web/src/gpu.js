// gpu.js — finding a WebGPU device: navigator.gpu in browsers (and in
// runtimes that provide it), else, in Node, the npm package `webgpu`
// (Dawn) when it is installed.  One device per process, shared by modules.

let devicePromise = null;

async function nodeGPU() {
  try {
    const w = await import('webgpu');
    Object.assign(globalThis, w.globals);
    return w.create([]);
  } catch {
    return null;
  }
}

async function findDevice() {
  const gpu = globalThis.navigator?.gpu ?? (typeof process !== 'undefined' ? await nodeGPU() : null);
  if (!gpu) throw new Error('cuwasm: WebGPU is not available (no navigator.gpu, and npm "webgpu" is not installed)');
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new Error('cuwasm: WebGPU has no adapter on this machine');
  const limits = {};
  for (const k of ['maxStorageBuffersPerShaderStage', 'maxComputeWorkgroupStorageSize',
    'maxComputeInvocationsPerWorkgroup', 'maxStorageBufferBindingSize', 'maxBufferSize'])
    if (adapter.limits[k] !== undefined) limits[k] = adapter.limits[k];
  const requiredFeatures = adapter.features.has('shader-f16') ? ['shader-f16'] : []; // __half
  const device = await adapter.requestDevice({ requiredLimits: limits, requiredFeatures });
  return { gpu, adapter, device };
}

export function getDevice() {
  if (!devicePromise) devicePromise = findDevice().catch((e) => { devicePromise = null; throw e; });
  return devicePromise;
}
