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

test('device wasm: grid_group::sync() outside a cooperative launch fails the launch, saying so', async () => {
  const mod = await compile(`#include <cooperative_groups.h>
__global__ void g(int* p) { cooperative_groups::this_grid().sync(); p[blockIdx.x] = 1; }`, { name: 'g.cu', device: 'wasm' });
  await assert.rejects(mod.launch('g', { grid: 2, block: 32, args: [new Int32Array(2)] }),
    /grid_group::sync\(\) needs a cooperative launch/);
  mod.destroy();
});

test('device wasm: expf/exp2f/exp10f/tanhf/logf/log2f/log10f, sinf/cosf/sincosf, roundf and fmaf, computed in the module, are the host Math\'s results rounded to float, bit for bit', async () => {
  const mod = await compile(`__global__ void m(const float* x, float* y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) { float v = x[i], s, c; y[11*i] = expf(v); y[11*i+1] = exp2f(v); y[11*i+2] = logf(v); y[11*i+3] = log2f(v);
    y[11*i+4] = log10f(v); y[11*i+5] = roundf(v); y[11*i+6] = fmaf(v, 1.37f, -v); y[11*i+7] = sinf(v); y[11*i+8] = cosf(v);
    sincosf(v, &s, &c); y[11*i+9] = s; y[11*i+10] = c; y[11*n+2*i] = tanhf(v); y[11*n+2*i+1] = exp10f(v); } }`, { name: 'm.cu', device: 'wasm', workers: 1 });
  const n = 1 << 16, x = new Float32Array(n), y = new Float32Array(13 * n), u = new Uint32Array(x.buffer);
  let seed = 7;
  for (let i = 0; i < n; i++) { seed = (seed * 1664525 + 1013904223) >>> 0; u[i] = seed; } // every exponent, NaNs too
  for (let i = 0; i < 2048; i++) x[i] = -110 + i * (240 / 2048); // the range where expf is finite and nonzero
  for (let i = 2048; i < 4096; i++) x[i] = Math.fround(2 ** ((i - 3072) / 16)); // powers of two and between
  [0, -0, Infinity, -Infinity, NaN, 0.5, -0.5, 2.5, 0.49999997].forEach((v, k) => { x[4096 + k] = v; });
  for (let i = 4200; i < 8192; i++) x[i] = Math.fround((i - 6000) * Math.PI / 2); // near multiples of pi/2 (sin, cos)
  await mod.launch('m', { grid: n / 256, block: 256, args: [x, y, n] });
  const f = Math.fround;
  const ref = [(v) => f(Math.exp(v)), (v) => f(2 ** v), (v) => f(Math.log(v)), (v) => f(Math.log2(v)), (v) => f(Math.log10(v)),
    (v) => f(Math.sign(v) * Math.round(Math.abs(v))), (v) => f(v * f(1.37) - v), (v) => f(Math.sin(v)), (v) => f(Math.cos(v)),
    (v) => f(Math.sin(v)), (v) => f(Math.cos(v))];
  for (let k = 0; k < 11; k++)
    for (let i = 0; i < n; i++) {
      const want = ref[k](x[i]), got = y[11 * i + k];
      assert.ok(Object.is(want, got) || (Number.isNaN(want) && Number.isNaN(got)), `function ${k} of ${x[i]}: ${got}, Math: ${want}`);
    }
  const more = [(v) => f(Math.tanh(v)), (v) => f(10 ** v)];
  for (let k = 0; k < 2; k++)
    for (let i = 0; i < n; i++) {
      const want = more[k](x[i]), got = y[11 * n + 2 * i + k];
      assert.ok(Object.is(want, got) || (Number.isNaN(want) && Number.isNaN(got)), `${k ? 'exp10f' : 'tanhf'} of ${x[i]}: ${got}, Math: ${want}`);
    }
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

// ---- blocks on workers sharing the memory --------------------------------

const atomicsSrc = `
__device__ int launches = 5;
__global__ void count(unsigned* c, float* f, int* mx, unsigned* inc, unsigned long long* big, int* casSum) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  atomicAdd(c, 1u);
  atomicAdd(f, 1.0f);
  atomicMax(mx, i);
  atomicInc(inc, 1000u);
  atomicAdd(big, (unsigned long long)i << 20);
  int old = *casSum, assumed;
  do { assumed = old; old = atomicCAS(casSum, assumed, assumed + 2); } while (old != assumed);
}
__global__ void bump(int* out) { if (threadIdx.x == 0) out[blockIdx.x] = atomicAdd(&launches, 1); }
__global__ void hello() { if (threadIdx.x == 0) printf("block %d\\n", blockIdx.x); }
__global__ void check(const int* v) { assert(v[blockIdx.x] != 3); }
__global__ void boom(int b) { if (blockIdx.x == b) __trap(); }
__device__ int quotientOf(int a, int b) { if (b == 42) return 0; return a / b; } // an early return: a call
__global__ void divide(int* out, int z) { out[threadIdx.x] = quotientOf(threadIdx.x + 1, z); }
__device__ int quotient(int a, int b) { return a / b; }
__global__ void divideInPlace(int* out, int z) { out[threadIdx.x] = quotient(threadIdx.x + 1, z); }
`;

test('device wasm, 4 workers: atomics across blocks on different workers are exact', async () => {
  const mod = await compile(atomicsSrc, { name: 'at.cu', device: 'wasm', workers: 4 });
  assert.equal(mod.threads, 4); // SharedArrayBuffer is there in Node
  const blocks = 300, threads = 128, n = blocks * threads;
  for (let rep = 0; rep < 3; rep++) {
    const c = new Uint32Array(1), f = new Float32Array(1), mx = new Int32Array(1), inc = new Uint32Array(1);
    const big = new BigUint64Array(1), cas = new Int32Array(1);
    await mod.launch('count', { grid: [blocks], block: [threads], args: [c, f, mx, inc, big, cas] });
    assert.equal(c[0], n);
    assert.equal(f[0], n); // every partial sum is an integer below 2^24: exact in any order
    assert.equal(mx[0], n - 1);
    assert.equal(inc[0], n % 1001);
    assert.equal(big[0], (BigInt(n) * BigInt(n - 1) / 2n) << 20n);
    assert.equal(cas[0], 2 * n);
  }
  mod.destroy();
});

test('device wasm, 4 workers: ready() resolves once every worker is up', async () => {
  const mod = await compile(atomicsSrc, { name: 'at.cu', device: 'wasm', workers: 4, serialBelowMs: 0 });
  await mod.ready(); // the workers start here: compile() starts none
  assert.equal(mod.pool.size, 3); // and this thread
  assert.equal(mod.pool.started, 3);
  const c = new Uint32Array(1), z = () => new Int32Array(1);
  await mod.launch('count', { grid: [64], block: [128], args: [c, new Float32Array(1), z(), new Uint32Array(1), new BigUint64Array(1), z()] });
  assert.equal(c[0], 64 * 128);
  mod.destroy();
  const one = await compile(atomicsSrc, { name: 'at.cu', device: 'wasm', workers: 1 });
  await one.ready(); // nothing to start
  one.destroy();
});

test('device wasm, 4 workers: a grid whose blocks took under serialBelowMs last time runs on this thread', async () => {
  const mod = await compile(atomicsSrc, { name: 'at.cu', device: 'wasm', workers: 4, serialBelowMs: 1000 });
  const args = () => [new Uint32Array(1), new Float32Array(1), new Int32Array(1), new Uint32Array(1), new BigUint64Array(1), new Int32Array(1)];
  const first = args();
  await mod.launch('count', { grid: [8], block: [3], args: first }); // no figure yet: the workers
  const run = mod.pool.lastRun;
  assert.ok(run && run.answers.length === 4);
  const second = args();
  await mod.launch('count', { grid: [8], block: [3], args: second }); // 8 short blocks: here
  assert.equal(mod.pool.lastRun, run, 'the second launch went to the workers');
  assert.equal(first[0][0], 24);
  assert.equal(second[0][0], 24);
  mod.destroy();
});

test('device wasm, 4 workers: launches of 2 and of 64 blocks back to back each run every block once', async () => {
  // workers left out of a 2-block launch wake while the next one is posted;
  // invited workers that wake after every block was taken are withdrawn
  // and must not run a block of the next launch with this one's job
  const mod = await compile(atomicsSrc, { name: 'at.cu', device: 'wasm', workers: 4, serialBelowMs: 0 });
  let withdrawn = 0;
  for (let rep = 0; rep < 150; rep++) {
    const blocks = rep % 3 === 0 ? 64 : 2, c = new Uint32Array(1), z = () => new Int32Array(1);
    await mod.launch('count', { grid: [blocks], block: [3], args: [c, new Float32Array(1), z(), new Uint32Array(1), new BigUint64Array(1), z()] });
    assert.equal(c[0], 3 * blocks);
    const ran = mod.pool.lastRun.answers; // this thread's and each worker's part
    assert.equal(ran.length, Math.min(4, blocks));
    assert.equal(ran.reduce((s, a) => s + a.blocks, 0), blocks);
    withdrawn += ran.filter((a) => a.withdrawn).length;
  }
  assert.ok(withdrawn > 0, 'no invitation was ever withdrawn'); // a 2-block launch ends before most workers wake
  mod.destroy();
});

test('device wasm, 4 workers, no Atomics.waitAsync (Firefox before 145): the workers wake the launch by message', { timeout: 60000 }, async () => {
  const waitAsync = Atomics.waitAsync;
  delete Atomics.waitAsync; // read when the workers start
  try {
    const mod = await compile(atomicsSrc, { name: 'at.cu', device: 'wasm', workers: 4 });
    for (let rep = 0; rep < 40; rep++) {
      const c = new Uint32Array(1), z = () => new Int32Array(1);
      await mod.launch('count', { grid: [64], block: [8], args: [c, new Float32Array(1), z(), new Uint32Array(1), new BigUint64Array(1), z()] });
      assert.equal(c[0], 64 * 8);
    }
    assert.equal(mod.pool.outByMessage, true);
    mod.destroy();
  } finally {
    Atomics.waitAsync = waitAsync;
  }
});

test('device wasm, 4 workers: module globals survive the workers starting; printf arrives before the launch resolves', async () => {
  const out = [];
  const mod = await compile(atomicsSrc, { name: 'at.cu', device: 'wasm', workers: 4, print: (s) => out.push(s) });
  const first = new Int32Array(1), rest = new Int32Array(40);
  await mod.launch('bump', { grid: 1, block: 32, args: [first] }); // one block: this thread
  assert.equal(first[0], 5);
  await mod.launch('bump', { grid: 40, block: 32, args: [rest] }); // starts the workers
  assert.deepEqual(Array.from(rest).sort((a, b) => a - b), Array.from({ length: 40 }, (_, i) => 6 + i));
  await mod.launch('hello', { grid: 16, block: 8, args: [] });
  assert.deepEqual(out.sort(), Array.from({ length: 16 }, (_, i) => `block ${i}\n`).sort());
  mod.destroy();
});

test('device wasm, 4 workers: a failed assert or a trap on a worker fails the launch; the module still runs', async () => {
  const mod = await compile(atomicsSrc, { name: 'at.cu', device: 'wasm', workers: 4 });
  await assert.rejects(mod.launch('check', { grid: 8, block: 4, args: [new Int32Array([0, 1, 2, 3, 4, 5, 6, 7])] }),
    (e) => /at\.cu:\d+: check: block \[3,0,0\], thread \[0,0,0\] Assertion `v\[blockIdx.x\] != 3` failed/.test(e.message));
  await assert.rejects(mod.launch('boom', { grid: 64, block: 2, args: [37] }), /kernel 'boom' trapped: __trap\(\)/);
  await mod.launch('boom', { grid: 64, block: 2, args: [-1] });
  // the trap names the device function it happened in (the module's name section)
  await assert.rejects(mod.launch('divide', { grid: 64, block: 2, args: [new Int32Array(2), 0] }),
    /kernel 'divide' trapped: .*\(in 'quotientOf'\)/);
  // a short function is emitted in place of its call: the trap is the kernel's own
  await assert.rejects(mod.launch('divideInPlace', { grid: 64, block: 2, args: [new Int32Array(2), 0] }),
    (e) => /kernel 'divideInPlace' trapped: divide by zero$/.test(e.message));
  // a failed launch's error kept by a worker that the next launch (2 blocks:
  // this thread and worker 0) leaves out must not fail that launch
  mod.pool.errors[2] = { type: 'error', message: 'from an earlier launch', trap: true };
  await mod.launch('check', { grid: 2, block: 1, args: [new Int32Array(2)] });
  const c = new Uint32Array(1), z = () => new Int32Array(1);
  await mod.launch('count', { grid: [9], block: [5], args: [c, new Float32Array(1), z(), new Uint32Array(1), new BigUint64Array(1), z()] });
  assert.equal(c[0], 45);
  mod.destroy();
});

test('device wasm: workers: 1, or device malloc, runs on the calling thread with an ordinary memory', async () => {
  const one = await compile(atomicsSrc, { name: 'at.cu', device: 'wasm', workers: 1 });
  assert.equal(one.threads, 1);
  assert.ok(!(one.memory.buffer instanceof SharedArrayBuffer));
  one.destroy();
  const heap = await compile(`__global__ void k(int* out) {
    int* p = (int*)malloc(4 * sizeof(int)); p[0] = blockIdx.x; out[blockIdx.x] = p[0] + 1; free(p);
  }`, { name: 'm.cu', device: 'wasm', workers: 4 });
  assert.equal(heap.threads, 1);
  const out = new Int32Array(6);
  await heap.launch('k', { grid: 6, block: 1, args: [out] });
  assert.deepEqual(Array.from(out), [1, 2, 3, 4, 5, 6]);
  heap.destroy();
  await assert.rejects(compile(atomicsSrc, { device: 'wasm', workers: 0 }), /workers must be a positive integer/);
});

// ---- SIMD128 thread loops -------------------------------------------------

test('device wasm: vectorised thread loops match the scalar result: partial groups, other block widths, tiles', async () => {
  const mod = await compile(`
__global__ void axpb(int n, float a, const float* x, const int* k, float* y, int* z) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) { y[i] = a * x[i] + (float)k[i] / 3.0f; z[i] = (k[i] << 2) - i; }
}
#define T 16
__global__ void tiled(const float* A, const float* B, float* C, int n) {
  __shared__ float As[T][T], Bs[T][T];
  int tx = threadIdx.x, ty = threadIdx.y, row = blockIdx.y * T + ty, col = blockIdx.x * T + tx;
  float acc = 0.0f;
  for (int t = 0; t < n; t += T) {
    As[ty][tx] = A[row * n + t + tx];
    Bs[ty][tx] = B[(t + ty) * n + col];
    __syncthreads();
    for (int q = 0; q < T; ++q) acc += As[ty][q] * Bs[q][tx];
    __syncthreads();
  }
  C[row * n + col] = acc;
}
__global__ void smooth(const float* in, float* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  if (i == 0 || i == n - 1) { out[i] = in[i]; return; }
  out[i] = 0.25f * (in[i - 1] + in[i + 1]) + 0.5f * in[i];
}
__global__ void nots(int* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (!(i < n)) return;
  int v = 0;
  if (!(i & 2)) v = 1;
  out[i] = v;
}`, { name: 'v.cu', device: 'wasm', workers: 1 });
  const f = Math.fround;
  for (const [n, block] of [[1001, 256], [1001, 30], [8, 4], [3, 4]]) {
    const x = Float32Array.from({ length: n }, (_, i) => f(i * 0.37 - 5)), k = Int32Array.from({ length: n }, (_, i) => (i * 7919) % 1000 - 500);
    const y = new Float32Array(n), z = new Int32Array(n);
    await mod.launch('axpb', { grid: Math.ceil(n / block), block, args: [n, 1.5, x, k, y, z] });
    for (let i = 0; i < n; i++) {
      assert.equal(y[i], f(f(f(1.5) * x[i]) + f(f(k[i]) / 3)), `y[${i}] n=${n} block=${block}`);
      assert.equal(z[i], (k[i] << 2) - i);
    }
  }
  const n = 48, A = Float32Array.from({ length: n * n }, (_, i) => f((i % 13) * 0.25 - 1)), B = Float32Array.from({ length: n * n }, (_, i) => f((i % 7) * 0.5));
  const C = new Float32Array(n * n);
  await mod.launch('tiled', { grid: [n / 16, n / 16], block: [16, 16], args: [A, B, C, n] });
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      let acc = 0;
      for (let q = 0; q < n; q++) acc = f(acc + f(A[r * n + q] * B[q * n + c]));
      assert.equal(C[r * n + c], acc, `C[${r}][${c}]`);
    }
  for (const [m, block] of [[1003, 64], [1003, 6], [4, 4]]) {
    const inp = Float32Array.from({ length: m }, (_, i) => f(Math.sin(i))), out = new Float32Array(m + 8).fill(-1);
    await mod.launch('smooth', { grid: Math.ceil(m / block), block, args: [inp, out, m] });
    for (let i = 0; i < m; i++)
      assert.equal(out[i], i === 0 || i === m - 1 ? inp[i] : f(f(f(0.25) * f(inp[i - 1] + inp[i + 1])) + f(f(0.5) * inp[i])), `smooth[${i}] m=${m} block=${block}`);
    assert.equal(out[m], -1);
  }
  const bits = new Int32Array(70).fill(-1);
  await mod.launch('nots', { grid: 3, block: 32, args: [bits, 66] });
  assert.deepEqual(Array.from(bits), Array.from({ length: 70 }, (_, i) => (i >= 66 ? -1 : i & 2 ? 0 : 1)));
  mod.destroy();
});

test('device wasm: a launch on the calling thread has run when launch() returns; launches keep their order', async () => {
  const mod = await compile(src, { name: 'k.cu', device: 'wasm', workers: 4 });
  const a = new Float32Array([1, 2]), c = new Float32Array(2);
  const p = mod.launch('vecAdd', { grid: 1, block: 2, args: [a, a, c, 2] }); // one block: this thread
  assert.deepEqual(Array.from(c), [2, 4]);
  await p;
  const n = 4096, x = mod.buffer(new Float32Array(n).fill(1)), y = mod.buffer(n * 4);
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(mod.launch('vecAdd', { grid: n / 256, block: 256, args: [i ? y : x, x, y, n] }));
  await Promise.all(runs);
  assert.ok((await y.read(Float32Array)).every((v) => v === 6)); // 1+1, then +1 four times, in order
  mod.destroy();
});
