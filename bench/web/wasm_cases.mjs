// wasm_cases.mjs — the CPU benchmark's cases (bench/cpu/cases.c: the
// kernels of bench/cpu/kernels.cu, their inputs, sizes and launches) for
// the WebAssembly device, shared by bench_wasm.mjs and ab_modules.mjs.
// Each case: { name, bufs: name -> typed array, out: the buffer to read
// back, u32 (output of unsigned ints), zero: the buffer to clear before
// each run, steps(b): the launches [kernel, grid, block, args] given the
// module's buffers b }.

// cases.c's inputs: its linear congruential generator
const frand = (n, seed, lo, hi) => {
  const p = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    p[i] = lo + (hi - lo) * (s >>> 8) / 16777216;
  }
  return p;
};
const bytes = (n) => new Uint8Array(n);

export function benchCases(small = false) {
  const sh = small ? 4 : 1;
  const cases = [];
  { const n = (1 << 24) / sh; cases.push({ name: 'saxpy', bufs: { x: frand(n, 1, -1, 1), y: frand(n, 2, -1, 1) }, out: 'y', steps: (b) => [['saxpy', [n / 256], [256], [n, 2.5, b.x, b.y]]] }); }
  { const n = small ? 256 : 512; cases.push({ name: 'sgemm', bufs: { A: frand(n * n, 3, 0, 1), B: frand(n * n, 4, 0, 1), C: bytes(n * n * 4) }, out: 'C', steps: (b) => [['sgemm', [n / 16, n / 16], [16, 16], [b.A, b.B, b.C, n]]] }); }
  { const n = (1 << 24) / sh; cases.push({ name: 'reduction', bufs: { i: frand(n, 5, 0, 1), p: bytes(512 * 4) }, out: 'p', steps: (b) => [['reduce', [512], [256], [b.i, b.p, n]]] }); }
  {
    const n = (1 << 25) / sh, d = new Uint8Array(n);
    let s = 7;
    for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; d[i] = ((s >>> 24) ^ (s >>> 13)) & 255; }
    cases.push({ name: 'histogram', bufs: { d, h: bytes(256 * 4) }, out: 'h', u32: true, zero: 'h', steps: (b) => [['histogram', [256], [256], [b.d, b.h, n]]] });
  }
  { const w = small ? 1024 : 2048; cases.push({ name: 'stencil2d', bufs: { i: frand(w * w, 6, 0, 1), o: bytes(w * w * 4) }, out: 'o', steps: (b) => [['stencil2d', [w / 32, w / 8], [32, 8], [b.i, b.o, w, w]]] }); }
  { const w = small ? 1024 : 2048; cases.push({ name: 'transpose', bufs: { i: frand(w * w, 7, 0, 1), o: bytes(w * w * 4) }, out: 'o', steps: (b) => [['transpose', [w / 32, w / 32], [32, 8], [b.i, b.o, w, w]]] }); }
  {
    const n = small ? 2048 : 8192, p = frand(4 * n, 8, -1, 1);
    for (let i = 0; i < n; i++) p[4 * i + 3] = 0.5 + 0.5 * Math.abs(p[4 * i + 3]);
    cases.push({ name: 'nbody', bufs: { p, a: bytes(16 * n) }, out: 'a', steps: (b) => [['nbody', [n / 256], [256], [b.p, b.a, n, 0.01]]] });
  }
  { const n = (1 << 22) / sh, nc = n / 256; cases.push({ name: 'scan', bufs: { i: frand(n, 9, 0, 1), o: bytes(n * 4), s: bytes(nc * 4) }, out: 'o', steps: (b) => [['scanBlocks', [nc], [256], [b.i, b.o, b.s]], ['scanSums', [1], [1], [b.s, nc]], ['scanAdd', [nc], [256], [b.o, b.s]]] }); }
  return cases;
}
