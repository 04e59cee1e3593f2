// api.test.mjs — the cuwasm npm package's API under Node's test runner, on
// WebGPU through Dawn (SwiftShader where there is no GPU).  Skips (exit
// 77 from run_api.sh) when there is no adapter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile, transpile } from '../../web/src/index.js';

const vecAdd = `
__global__ void vecAdd(const float* a, const float* b, float* c, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) c[i] = a[i] + b[i];
}`;

test('compile errors reject with diagnostics', async () => {
  await assert.rejects(compile('__global__ void k(int* p) { p[0] = undefined_name; }', { name: 'bad.cu' }),
    (e) => {
      assert.ok(Array.isArray(e.diagnostics) && e.diagnostics.length >= 1);
      const d = e.diagnostics[0];
      assert.equal(d.file, 'bad.cu');
      assert.equal(d.line, 1);
      assert.ok(d.col > 1);
      assert.match(d.message, /undefined_name/);
      return true;
    });
});

test('a kernel the WGSL target rejects is listed, and launching it rejects with its diagnostic', async () => {
  const mod = await compile('__global__ void k(double* p) { p[threadIdx.x] *= 2.0; }', { name: 'd.cu' });
  assert.equal(mod.kernels[0].supported, false);
  await assert.rejects(mod.launch('k', { grid: 1, block: 1, args: [new Float64Array(1)] }),
    (e) => /double/.test(e.diagnostics[0].message) && e.diagnostics[0].line === 1);
  mod.destroy();
});

test('typed arrays round-trip: f32, i32, u32; const inputs are not written', async () => {
  const mod = await compile(`${vecAdd}
__global__ void mix(const int* a, unsigned* u, int* out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) { out[i] = a[i] * 3 - 1; u[i] = (unsigned)a[i] ^ 0x80000000u; }
}`, { defines: { UNUSED: '1' } });
  assert.deepEqual(mod.kernels.map((k) => k.name), ['vecAdd', 'mix']);
  assert.deepEqual(mod.kernels[0].params.map((p) => p.type), ['const float*', 'const float*', 'float*', 'int']);
  const n = 1000, a = Float32Array.from({ length: n }, (_, i) => i * 0.5), b = new Float32Array(n).fill(1.25);
  const c = new Float32Array(n);
  await mod.launch('vecAdd', { grid: [4], block: [256], args: [a, b, c, n] });
  for (let i = 0; i < n; i++) assert.equal(c[i], a[i] + 1.25);
  const ia = Int32Array.from({ length: 300 }, (_, i) => i - 150), u = new Uint32Array(300), out = new Int32Array(300);
  await mod.launch('mix', { grid: 3, block: 128, args: [ia, u, out, 300] });
  for (let i = 0; i < 300; i++) {
    assert.equal(out[i], ia[i] * 3 - 1);
    assert.equal(u[i], ((ia[i] >>> 0) ^ 0x80000000) >>> 0);
  }
  mod.destroy();
});

test('defines and headers reach the preprocessor', async () => {
  const mod = await compile('#include "scale.h"\n__global__ void k(float* x) { x[threadIdx.x] = SCALE * FACTOR; }',
    { defines: { FACTOR: '4' }, headers: { 'scale.h': '#define SCALE 2.5f\n' } });
  const x = new Float32Array(8);
  await mod.launch('k', { grid: 1, block: 8, args: [x] });
  assert.deepEqual(Array.from(x), new Array(8).fill(10));
  mod.destroy();
});

test('template kernels are named as in C++ and instantiated on first use', async () => {
  const mod = await compile(`
template <typename T, int N>
__global__ void scaleBy(T* x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] = x[i] * (T)N;
}`);
  const f = Float32Array.from([1, 2, 3]);
  await mod.launch('scaleBy<float,4>', { grid: 1, block: 32, args: [f, 3] });
  assert.deepEqual(Array.from(f), [4, 8, 12]);
  const i = Int32Array.from([1, -2, 3]);
  await mod.launch('scaleBy<int, 3>', { grid: 1, block: 32, args: [i, 3] });
  assert.deepEqual(Array.from(i), [3, -6, 9]);
  mod.destroy();
});

test('64-bit scalars (BigInt) and 64-bit integer arithmetic', async () => {
  const mod = await compile(`
__global__ void k(unsigned long long* out, long long a, unsigned long long b, int small) {
  out[0] = a * 3 + 1;
  out[1] = b >> 7;
  out[2] = (unsigned long long)(a / -7);
  out[3] = b % 1000003ull;
  out[4] = (unsigned long long)small * b;
  out[5] = a < 0 ? 1ull : 0ull;
}`);
  const out = new BigUint64Array(6), a = -123456789012345n, b = 0xfedcba9876543210n;
  await mod.launch('k', { grid: 1, block: 1, args: [out, a, b, 5] });
  const u = (x) => BigInt.asUintN(64, x);
  assert.deepEqual(Array.from(out), [u(a * 3n + 1n), b >> 7n, u(a / -7n), b % 1000003n, u(5n * b), 1n]);
  mod.destroy();
});

test('device buffers stay on the GPU across launches', async () => {
  const mod = await compile(`
__global__ void addOne(float* x, int n) { int i = blockIdx.x * blockDim.x + threadIdx.x; if (i < n) x[i] += 1.0f; }
__global__ void twice(const float* x, float* y, int n) { int i = blockIdx.x * blockDim.x + threadIdx.x; if (i < n) y[i] = 2.0f * x[i]; }`);
  const n = 500;
  const x = mod.buffer(Float32Array.from({ length: n }, (_, i) => i));
  const y = mod.buffer(n * 4);
  for (let k = 0; k < 5; k++) await mod.launch('addOne', { grid: 2, block: 256, args: [x, n] });
  await mod.launch('twice', { grid: 2, block: 256, args: [x, y, n] });
  const out = await y.read(Float32Array);
  for (let i = 0; i < n; i++) assert.equal(out[i], 2 * (i + 5));
  x.destroy();
  y.destroy();
  mod.destroy();
});

test('a kernel with 10 buffer parameters', async () => {
  const mod = await compile(`
__global__ void ten(const float* a, const float* b, const float* c, const float* d, const float* e,
                    const float* f, const float* g, const float* h, const float* i, float* out, int n) {
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t < n) out[t] = a[t] + b[t] + c[t] + d[t] + e[t] + f[t] + g[t] + h[t] + i[t];
}`);
  const n = 64;
  const ins = Array.from({ length: 9 }, (_, k) => new Float32Array(n).fill(k + 1));
  const out = new Float32Array(n);
  await mod.launch('ten', { grid: 1, block: 64, args: [...ins, out, n] });
  assert.deepEqual(Array.from(out), new Array(n).fill(45));
  mod.destroy();
});

test('a grid of 70000 blocks runs as several dispatches', async () => {
  const mod = await compile(`
__global__ void mark(unsigned* flags, unsigned* dims) {
  flags[blockIdx.x] = blockIdx.x + 1u;
  if (blockIdx.x == 0) dims[0] = gridDim.x;
}`);
  const flags = new Uint32Array(70000), dims = new Uint32Array(1);
  await mod.launch('mark', { grid: [70000], block: [1], args: [flags, dims] });
  assert.equal(dims[0], 70000);
  for (let i = 0; i < 70000; i++) if (flags[i] !== i + 1) assert.fail(`block ${i} wrote ${flags[i]}`);
  mod.destroy();
});

test('device printf prints through the print option; a failed assert rejects the launch', async () => {
  const out = [];
  const mod = await compile(`#include <cassert>
__global__ void k(const float* b, int tag) {
  printf("block %d thread %u tag=%d b=%.2f %s\\n", blockIdx.x, threadIdx.x, tag, b[threadIdx.x], "end");
  assert(b[threadIdx.x] != 0.0f);
}`, { name: 'p.cu', print: (s) => out.push(s) });
  await mod.launch('k', { grid: 1, block: 2, args: [Float32Array.from([1.5, 2]), 7] });
  assert.deepEqual(out.sort(), ['block 0 thread 0 tag=7 b=1.50 end\n', 'block 0 thread 1 tag=7 b=2.00 end\n']);
  await assert.rejects(mod.launch('k', { grid: 1, block: 2, args: [Float32Array.from([1, 0]), 7] }),
    (e) => /p\.cu:4: k: block \[0,0,0\], thread \[1,0,0\] Assertion `b\[threadIdx\.x\] != 0\.0f` failed/.test(e.message));
  mod.destroy();
});

test('transpile gives WGSL without a GPU', async () => {
  const t = await transpile(vecAdd);
  assert.match(t.module.kernels[0].wgsl, /@compute @workgroup_size\(cw_bx, cw_by, cw_bz\)/);
});

test('buffers beyond the storage-buffer limit are packed into one binding per element type', async () => {
  const src = `
__global__ void many(const float* a, const float* b, const float* c, const float* d, const float* e,
                     const int* ia, const int* ib, const unsigned char* bytes, int* hist,
                     float* sum, int* isum, unsigned char* flags, int n) {
  int t = blockIdx.x * blockDim.x + threadIdx.x;
  if (t >= n) return;
  sum[t] = a[t] + 2.0f * b[t] + 3.0f * c[t] + 4.0f * d[t] + 5.0f * e[t];
  isum[t] = ia[t] * 7 - ib[t];
  flags[t] = (unsigned char)(bytes[t] + 1);
  atomicAdd(&hist[bytes[t] % 4], 1);
}`;
  // 12 buffers; the device may allow that many, so the limit is lowered
  const mod = await compile(src, { maxStorageBuffers: 4 });
  const wgsl = mod.kernels[0].wgsl;
  // f32; atomic<i32> (hist's atomics, with ia, ib and isum joining it); atomic<u32> words of bytes
  assert.equal((wgsl.match(/var<storage/g) ?? []).length, 3);
  assert.match(wgsl, /cw_pool0/);
  const n = 200;
  const fs = Array.from({ length: 5 }, (_, k) => Float32Array.from({ length: n }, (_, i) => i * (k + 1) * 0.25));
  const ia = Int32Array.from({ length: n }, (_, i) => i - 50), ib = Int32Array.from({ length: n }, (_, i) => 3 * i);
  const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37) & 255);
  const hist = mod.buffer(new Int32Array(4)); // a DeviceBuffer in a pool
  const sum = new Float32Array(n), isum = new Int32Array(n), flags = new Uint8Array(n);
  await mod.launch('many', { grid: 2, block: 128, args: [...fs, ia, ib, bytes, hist, sum, isum, flags, n] });
  for (let i = 0; i < n; i++) {
    const want = fs[0][i] + 2 * fs[1][i] + 3 * fs[2][i] + 4 * fs[3][i] + 5 * fs[4][i];
    assert.ok(Math.abs(sum[i] - want) <= 1e-5 * Math.max(1, want), `sum[${i}] = ${sum[i]}, want ${want}`);
    assert.equal(isum[i], ia[i] * 7 - ib[i]);
    assert.equal(flags[i], (bytes[i] + 1) & 255);
  }
  const wantHist = [0, 0, 0, 0];
  for (const b of bytes) wantHist[b % 4]++;
  assert.deepEqual(Array.from(await hist.read(Int32Array)), wantHist);
  assert.deepEqual(Array.from(fs[0].slice(0, 3)), [0, 0.25, 0.5]); // const inputs untouched
  // the same array for two parameters of one pool is one copy, as on CUDA
  const x = Float32Array.from({ length: n }, (_, i) => i);
  await mod.launch('many', { grid: 2, block: 128, args: [x, x, x, x, x, ia, ib, bytes, hist, x, isum, flags, n] });
  for (let i = 0; i < n; i++) assert.equal(x[i], 15 * i);
  hist.destroy();
  mod.destroy();
  // without the lowered limit the same kernel binds one buffer per parameter when the device allows
  const plain = await compile(src);
  const { getDevice } = await import('../../web/src/gpu.js');
  const limit = (await getDevice()).device.limits.maxStorageBuffersPerShaderStage;
  assert.equal(/cw_pool/.test(plain.kernels[0].wgsl), limit < 12);
  plain.destroy();
});

test('double is rejected unless f64AsF32 computes it as float, with a warning', async () => {
  const src = `
__global__ void axpy(double* y, const double* x, double a, long long n) {
  long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + sqrt(y[i]);
  if (i == 0) printf("n=%lld a=%f\\n", n, a);
}`;
  const strict = await compile(src, { name: 'd.cu' });
  assert.equal(strict.kernels[0].supported, false);
  assert.match(strict.kernels[0].error.message, /double/);
  strict.destroy();
  const out = [];
  const mod = await compile(src, { name: 'd.cu', f64AsF32: true, print: (s) => out.push(s) });
  assert.ok(mod.diagnostics.some((d) => d.severity === 'warning' && /'double' computed as 'float'/.test(d.message)));
  const n = 300, x = Float64Array.from({ length: n }, (_, i) => i / 7), y = Float64Array.from({ length: n }, (_, i) => i);
  const want = Array.from(y, (v, i) => 2.5 * x[i] + Math.sqrt(v));
  await mod.launch('axpy', { grid: 2, block: 256, args: [y, x, 2.5, BigInt(n)] });
  for (let i = 0; i < n; i++) assert.ok(Math.abs(y[i] - want[i]) <= 1e-5 * Math.max(1, want[i]), `y[${i}] = ${y[i]}, want ${want[i]}`);
  assert.deepEqual(out, ['n=300 a=2.500000\n']);
  mod.destroy();
});

test('warp functions: emulated, or WGSL subgroups (auto when 32 wide, or forced)', async () => {
  const src = `
__global__ void warpOps(const int* in, int* out) {
  int t = threadIdx.x, v = in[t];
  out[t] = __shfl_xor_sync(0xfu, v, 1);
  out[4 + t] = __shfl_down_sync(0xfu, v, 1, 4);
  out[8 + t] = (int)__ballot_sync(0xfu, v > 2);
  out[12 + t] = __reduce_add_sync(0xfu, v);
  out[16 + t] = __reduce_max_sync(0xfu, v);
  out[20 + t] = (int)__match_any_sync(0xfu, v % 2);
  out[24 + t] = __all_sync(0xfu, v > -10) + 2 * __any_sync(0xfu, v == 4);
}
__global__ void divergent(const int* in, int* out) {
  int v = in[threadIdx.x];
  unsigned m = 0;
  for (int k = 0; k < (v & 1); k++) m = __activemask(); // a thread-dependent trip count
  out[threadIdx.x] = (v & 1) ? (int)m : -1;
}`;
  const { getDevice, hasWarpSubgroups } = await import('../../web/src/gpu.js');
  const gpu = await getDevice();
  const input = Int32Array.from([5, -3, 2, 4]);
  // a block of 4 threads is one warp of 4 lanes in CUDA, and one subgroup
  // on adapters with subgroups of 4 or more (SwiftShader's are 4 wide)
  const want = [-3, 5, 4, 2, -3, 2, 4, 4, 9, 9, 9, 9, 8, 8, 8, 8, 5, 5, 5, 5, 1, 2, 12, 12, 3, 3, 3, 3]; // -3 % 2 is -1
  const modes = [false, 'auto', ...(gpu.device.features.has('subgroups') && (gpu.adapter.info?.subgroupMinSize ?? 0) >= 4 ? [true] : [])];
  for (const subgroups of modes) {
    const mod = await compile(src, { subgroups });
    const usesSubgroups = subgroups === true || (subgroups === 'auto' && hasWarpSubgroups(gpu));
    assert.equal(/subgroupShuffle/.test(mod.kernels[0].wgsl), usesSubgroups, `subgroups: ${subgroups}`);
    const out = new Int32Array(28);
    await mod.launch('warpOps', { grid: 1, block: 4, args: [input, out] });
    assert.deepEqual(Array.from(out), want, `subgroups: ${subgroups}`);
    // a warp function in a loop with a thread-dependent trip count: subgroups only
    assert.equal(mod.kernels[1].supported, usesSubgroups);
    if (usesSubgroups) {
      const d = new Int32Array(4);
      await mod.launch('divergent', { grid: 1, block: 4, args: [Int32Array.from([1, 2, 3, 4]), d] });
      assert.deepEqual(Array.from(d), [5, -1, 5, -1]);
    }
    mod.destroy();
  }
});

test('initialised __device__ variables that kernels write start at their initialiser and keep their values', async () => {
  const mod = await compile(`
__device__ int t[5] = {1, -2, [3] = 7};
__device__ float f = 2.5f;
__device__ long long big = -3;
__global__ void k(int* o) {
  t[threadIdx.x] += 1;
  if (threadIdx.x == 0) { f += 1.0f; big -= 1; }
  o[threadIdx.x] = t[threadIdx.x];
  o[5] = (int)(f * 2.0f);
  o[6] = (int)big;
}`);
  const o = new Int32Array(7);
  await mod.launch('k', { grid: 1, block: 5, args: [o] });
  assert.deepEqual(Array.from(o), [2, -1, 1, 8, 1, 7, -4]);
  await mod.launch('k', { grid: 1, block: 5, args: [o] });
  assert.deepEqual(Array.from(o), [3, 0, 2, 9, 2, 9, -5]);
  mod.destroy();
});

test('bit-fields in registers and workgroup memory are cut to their width on store', async () => {
  const mod = await compile(`
struct B { unsigned a : 3; int s : 4; unsigned short t; unsigned w : 30; };
__global__ void bf(const int* in, int* out) {
  int i = threadIdx.x;
  B b = {9, 9, 5, 7};
  B c;
  c = b;
  c.a += in[i];
  c.s = -in[i];
  c.w = in[i] * 1000;
  __shared__ B sh[4];
  sh[i] = c;
  __syncthreads();
  int j = (i + 1) % 4;
  out[i] = b.a * 1000 + b.s * 100 + (int)sh[j].a * 10 + sh[j].s + (int)(sh[i].w % 7) * 100000 + b.t + b.w;
}
__device__ B g;
__global__ void bound(int* out) { g.a = 1; out[0] = g.a; }`, { name: 'bf.cu' });
  const input = Int32Array.from([5, 8, 11, 14]), out = new Int32Array(4);
  await mod.launch('bf', { grid: 1, block: 4, args: [input, out] });
  const sext4 = (v) => ((v & 15) ^ 8) - 8;
  const want = Array.from(input, (_, i) => {
    const j = (i + 1) % 4;
    return 1000 + sext4(9) * 100 + ((1 + input[j]) & 7) * 10 + sext4(-input[j]) + ((input[i] * 1000) % 7) * 100000 + 5 + 7;
  });
  assert.deepEqual(Array.from(out), want);
  // a struct with bit-fields in a buffer would need C's layout
  assert.equal(mod.kernels[1].supported, false);
  assert.match(mod.kernels[1].error.message, /'g'.*bit-fields/);
  mod.destroy();
});

test('64-bit values in workgroup memory used by atomics: two words each, also stored and loaded plainly', async () => {
  const mod = await compile(`
__global__ void q64(unsigned long long* out) {
  __shared__ unsigned long long q[2];
  __shared__ unsigned long long one;
  if (threadIdx.x < 2) q[threadIdx.x] = 0x100000000ull * (threadIdx.x + 1);
  if (threadIdx.x == 0) one = 5;
  __syncthreads();
  atomicAdd(&q[threadIdx.x & 1], 0xffffffffull);
  atomicAdd(&one, 1ull);
  __syncthreads();
  if (threadIdx.x < 2) out[threadIdx.x] = q[threadIdx.x];
  if (threadIdx.x == 0) out[2] = one;
}`);
  const out = new BigUint64Array(3);
  await mod.launch('q64', { grid: 1, block: 64, args: [out] });
  assert.deepEqual(Array.from(out), [0x100000000n + 32n * 0xffffffffn, 0x200000000n + 32n * 0xffffffffn, 69n]);
  mod.destroy();
});
