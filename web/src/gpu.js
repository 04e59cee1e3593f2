// gpu.js — finding a WebGPU device: navigator.gpu in browsers (and in
// runtimes that provide it), else, in Node, the npm package `webgpu`
// (Dawn) when it is installed — imported by the importWebGPU function a
// caller passes (a built program, whose modules are data: URLs that cannot
// resolve package names) or by name.  One device per process, shared by
// modules.

let devicePromise = null;

async function nodeGPU(importWebGPU) {
  try {
    const w = await (importWebGPU ? importWebGPU() : import('webgpu'));
    Object.assign(globalThis, w.globals);
    return w.create([]);
  } catch {
    return null;
  }
}

async function findDevice(importWebGPU) {
  const gpu = globalThis.navigator?.gpu ?? (typeof process !== 'undefined' ? await nodeGPU(importWebGPU) : null);
  if (!gpu) throw new Error('cuwasm: WebGPU is not available (no navigator.gpu, and npm "webgpu" is not installed)');
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new Error('cuwasm: WebGPU has no adapter on this machine');
  const limits = {};
  for (const k of ['maxStorageBuffersPerShaderStage', 'maxComputeWorkgroupStorageSize',
    'maxComputeInvocationsPerWorkgroup', 'maxComputeWorkgroupSizeX', 'maxComputeWorkgroupSizeY',
    'maxComputeWorkgroupSizeZ', 'maxStorageBufferBindingSize', 'maxBufferSize'])
    if (adapter.limits[k] !== undefined) limits[k] = adapter.limits[k];
  // __half; warp functions as subgroup operations (used when 32 wide)
  const requiredFeatures = ['shader-f16', 'subgroups'].filter((f) => adapter.features.has(f));
  const device = await adapter.requestDevice({ requiredLimits: limits, requiredFeatures });
  return { gpu, adapter, device };
}

// Whether the device runs subgroups of exactly 32 invocations, CUDA's warp.
export function hasWarpSubgroups({ adapter, device }) {
  const info = adapter.info ?? {};
  return device.features.has('subgroups') && info.subgroupMinSize === 32 && info.subgroupMaxSize === 32;
}

export function getDevice(importWebGPU = null) {
  if (!devicePromise) devicePromise = findDevice(importWebGPU).catch((e) => { devicePromise = null; throw e; });
  return devicePromise;
}
