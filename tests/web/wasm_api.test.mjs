// wasm_api.test.mjs — the npm package's WebAssembly CPU device (`device:
// 'wasm'`) under Node's test runner: the same compile/launch API as on
// WebGPU, with no GPU and no npm module needed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile, WasmBuffer } from '../../web/src/index.js';

const src = `
__global__ void vecAdd(const float* a, const float* b, float* c, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) c[i] = a[i] + b[i];
}
template <typename T, int B>
__global__ void blockSum(const T* in, T* out) {
  __shared__ T s[B];
  s[threadIdx.x] = in[blockIdx.x * B + threadIdx.x];
  __syncthreads();
  for (int k = B / 2; k > 0; k >>= 1) {
    if (threadIdx.x < k) s[threadIdx.x] += s[threadIdx.x + k];
    __syncthreads();
  }
  if (threadIdx.x == 0) out[blockIdx.x] = s[0];
}
__global__ void jumps(int* p) { int i = 0; again: __syncthreads(); p[i] = i; if (++i < 4) goto again; }
`;

test('device wasm: a launch writes back non-const typed arrays', async () => {
  const mod = await compile(src, { name: 'k.cu', device: 'wasm' });
  assert.equal(mod.kind, 'wasm');
  const n = 1000, a = new Float32Array(n).map((_, i) => i), b = new Float32Array(n).fill(0.5), c = new Float32Array(n);
  await mod.launch('vecAdd', { grid: [4], block: [256], args: [a, b, c, n] });
  for (let i = 0; i < n; i++) assert.equal(c[i], i + 0.5);
  assert.equal(a[3], 3);
  mod.destroy();
});

test('device wasm: template kernels instantiated by name, barriers across the block', async () => {
  const mod = await compile(src, { name: 'k.cu', device: 'wasm' });
  const input = new Int32Array(3 * 64).map((_, i) => i), out = new Int32Array(3);
  await mod.launch('blockSum<int, 64>', { grid: [3], block: [64], args: [input, out] });
  for (let blk = 0; blk < 3; blk++) {
    let want = 0;
    for (let i = 0; i < 64; i++) want += blk * 64 + i;
    assert.equal(out[blk], want);
  }
  mod.destroy();
});

test('device wasm: buffers stay in the module between launches', async () => {
  const mod = await compile(src, { name: 'k.cu', device: 'wasm' });
  const a = mod.buffer(new Float32Array([1, 2, 3, 4])), c = mod.buffer(16);
  assert.ok(a instanceof WasmBuffer);
  await mod.launch('vecAdd', { grid: 1, block: 4, args: [a, a, c, 4] });
  await mod.launch('vecAdd', { grid: 1, block: 4, args: [c, a, c, 4] });
  assert.deepEqual(Array.from(await c.read(Float32Array)), [3, 6, 9, 12]);
  mod.destroy();
});

test('device wasm: a kernel the target rejects is listed with its diagnostic', async () => {
  const mod = await compile(src, { name: 'k.cu', device: 'wasm' });
  const k = mod.kernels.find((x) => x.name === 'jumps');
  assert.equal(k.supported, false);
  assert.equal(k.error.file, 'k.cu');
  await assert.rejects(mod.launch('jumps', { args: [new Int32Array(4)] }),
    (e) => /goto/.test(e.diagnostics[0].message) && e.diagnostics[0].line === 17);
  mod.destroy();
});

test('device wasm: compile errors reject with diagnostics', async () => {
  await assert.rejects(compile('__global__ void k(int* p) { p[0] = nope; }', { name: 'bad.cu', device: 'wasm' }),
    (e) => e.diagnostics[0].file === 'bad.cu' && /nope/.test(e.diagnostics[0].message));
});

test('unknown devices are refused', async () => {
  await assert.rejects(compile(src, { device: 'tpu' }), /unknown device 'tpu'/);
});

test('device wasm: printf prints through `print` as C formats it; a failed assert fails the launch', async () => {
  const out = [];
  const mod = await compile(`#include <cassert>
__global__ void p(const int* v, float x) {
  printf("t%u v=%d %5.2f|%-4s|%x %lld\\n", threadIdx.x, v[threadIdx.x], x, "ab", 255u, -5ll);
}
__global__ void a(const int* v) { assert(v[threadIdx.x] < 2); }`, { name: 'pa.cu', device: 'wasm', print: (s) => out.push(s) });
  await mod.launch('p', { grid: 1, block: 2, args: [new Int32Array([7, -8]), 3.14159] });
  assert.deepEqual(out, ['t0 v=7  3.14|ab  |ff -5\n', 't1 v=-8  3.14|ab  |ff -5\n']);
  await assert.rejects(mod.launch('a', { grid: 1, block: 4, args: [new Int32Array([0, 1, 2, 3])] }),
    (e) => /pa\.cu:5: a: block \[0,0,0\], thread \[2,0,0\] Assertion `v\[threadIdx.x\] < 2` failed/.test(e.message));
  mod.destroy();
});

test("device 'auto' runs on WebGPU when there is an adapter, else on the wasm device", async () => {
  const { getDevice } = await import('../../web/src/gpu.js');
  const gpu = await getDevice().then(() => true, () => false);
  const mod = await compile(src, { name: 'k.cu' });
  assert.equal(mod.kind, gpu ? 'webgpu' : 'wasm');
  const a = new Float32Array([1, 2]), c = new Float32Array(2);
  await mod.launch('vecAdd', { grid: 1, block: 2, args: [a, a, c, 2] });
  assert.deepEqual(Array.from(c), [2, 4]);
  mod.destroy();
});
