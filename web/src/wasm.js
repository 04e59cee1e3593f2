// wasm.js — the WebAssembly CPU device: kernels compiled by cuwasm's
// WebAssembly target (src/emit/wasm.c) and run in this thread, one block
// after another.  Each exported kernel function runs a whole thread block
// per call; its layout and calling convention are in the module's
// "cuwasm" custom section (JSON), read here.
//
// Memory is one WebAssembly.Memory the module imports.  Module globals sit
// at the addresses the compiler chose (from 1024); above them a bump
// allocator hands out buffers (mod.buffer()) and, for one launch, the
// argument block, copies of typed-array arguments and the block's scratch
// memory (shared memory, per-thread frames, stack), released when the
// launch returns.  Typed arrays passed for pointers are copied in before
// and, for non-const pointers, copied back after the launch.  Math
// functions WebAssembly lacks are imported from the table below (double
// precision, rounded to float for the f variants).
//
// Workers sharing the memory (one block per worker at a time) are the next
// step; the module already keeps every per-block datum in the scratch
// region it is given.
//
// A whole program built for the web (program.js) passes its own memory
// instead (options memory, malloc, free): the module's globals then sit
// where the build placed them, device memory is the program's heap, and
// the program runs launches through runBlocks with argument blocks and
// scratch of its own.

const f = Math.fround;
const fminmax = (pick) => (a, b) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : pick(a, b));
// erf: Taylor series for |x| < 2.5; erfc beyond it by a continued fraction
const erfcLarge = (t) => {
  let cf = 0;
  for (let k = 60; k >= 1; k--) cf = (k / 2) / (t + cf);
  return Math.exp(-t * t) / Math.sqrt(Math.PI) / (t + cf);
};
const erf = (x) => {
  const t = Math.abs(x);
  if (t >= 2.5) return Math.sign(x) * (1 - erfcLarge(t));
  let sum = t, term = t, n = 0;
  while (Math.abs(term) > 1e-17 * Math.abs(sum) && n < 200) { n++; term *= -t * t / n; sum += term / (2 * n + 1); }
  return Math.sign(x) * sum * 2 / Math.sqrt(Math.PI);
};
const erfc = (x) => (x >= 2.5 ? erfcLarge(x) : x <= -2.5 ? 2 - erfcLarge(-x) : 1 - erf(x));

const MATH = {
  sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, exp: Math.exp, exp2: (x) => 2 ** x,
  exp10: (x) => 10 ** x, expm1: Math.expm1, log: Math.log, log2: Math.log2, log10: Math.log10,
  log1p: Math.log1p, cbrt: Math.cbrt, erf, erfc, normcdf: (x) => 0.5 * erfc(-x / Math.SQRT2),
  round: (x) => Math.sign(x) * Math.round(Math.abs(x)), // C rounds halves away from zero
  pow: Math.pow, fmod: (a, b) => a % b /* JS % on numbers is C's fmod */,
  fmin: fminmax(Math.min), fmax: fminmax(Math.max), atan2: Math.atan2, hypot: Math.hypot,
  fma: (a, b, c) => a * b + c,
};
const imports = {};
for (const [k, fn] of Object.entries(MATH)) {
  imports[k] = fn;
  imports[`${k}f`] = (...a) => f(fn(...a));
}
imports.fmaf = (a, b, c) => f(a * b + c); // the product of two floats is exact in a double

// __half: the 16-bit pattern of a float rounded to nearest even, and back
const f32b = new Float32Array(1), u32b = new Uint32Array(f32b.buffer);
export function floatToHalfBits(x) {
  f32b[0] = x;
  const b = u32b[0], sign = (b >>> 16) & 0x8000;
  let e = (b >>> 23) & 0xff, m = b & 0x7fffff;
  if (e === 255) return sign | 0x7c00 | (m ? 0x200 : 0);
  e -= 112; // rebias 127 -> 15
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) { // subnormal half (or zero)
    if (e < -10) return sign;
    m |= 0x800000;
    const shift = 14 - e, half = 1 << (shift - 1), rest = m & ((1 << shift) - 1);
    let h = m >>> shift;
    if (rest > half || (rest === half && (h & 1))) h++;
    return sign | h;
  }
  let h = (e << 10) | (m >>> 13);
  const rest = m & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (h & 1))) h++; // a carry moves into the exponent
  return sign | h;
}
export function halfBitsToFloat(h) {
  const sign = h & 0x8000 ? -1 : 1, e = (h >>> 10) & 0x1f, m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}
imports.h2f = (h) => halfBitsToFloat(h & 0xffff);
imports.f2h = (x) => floatToHalfBits(x);
imports.hround = (x) => halfBitsToFloat(floatToHalfBits(x));

// Integer intrinsics without a WebAssembly instruction (i32 arrive as
// signed numbers, 64-bit ones as BigInt).
const u32 = (x) => x >>> 0;
const funnel = (lo, hi, s, right) => {
  const v = (BigInt(u32(hi)) << 32n) | BigInt(u32(lo));
  return Number(BigInt.asUintN(32, right ? v >> BigInt(s) : (v << BigInt(s)) >> 32n)) | 0;
};
Object.assign(imports, {
  brev: (x) => { let r = 0; for (let i = 0; i < 32; i++) r = (r << 1) | ((x >>> i) & 1); return r | 0; },
  brevll: (x) => { let r = 0n; x = BigInt.asUintN(64, x); for (let i = 0n; i < 64n; i++) r = (r << 1n) | ((x >> i) & 1n); return BigInt.asIntN(64, r); },
  byte_perm: (x, y, s) => {
    const b = [0, 8, 16, 24].map((k) => (x >>> k) & 255).concat([0, 8, 16, 24].map((k) => (y >>> k) & 255));
    let r = 0;
    for (let i = 0; i < 4; i++) r |= b[(s >>> (4 * i)) & 7] << (8 * i);
    return r | 0;
  },
  funnelshift_l: (lo, hi, s) => funnel(lo, hi, s & 31, false),
  funnelshift_lc: (lo, hi, s) => funnel(lo, hi, Math.min(u32(s), 32), false),
  funnelshift_r: (lo, hi, s) => funnel(lo, hi, s & 31, true),
  funnelshift_rc: (lo, hi, s) => funnel(lo, hi, Math.min(u32(s), 32), true),
  sad: (x, y, z) => (Math.abs(x - y) + u32(z)) | 0,
  usad: (x, y, z) => (Math.abs(u32(x) - u32(y)) + u32(z)) | 0,
  hadd: (x, y) => Math.floor((x + y) / 2) | 0,
  rhadd: (x, y) => Math.floor((x + y + 1) / 2) | 0,
  uhadd: (x, y) => Math.floor((u32(x) + u32(y)) / 2) | 0,
  urhadd: (x, y) => Math.floor((u32(x) + u32(y) + 1) / 2) | 0,
  mul64hi: (a, b) => BigInt.asIntN(64, (a * b) >> 64n),
  umul64hi: (a, b) => BigInt.asIntN(64, (BigInt.asUintN(64, a) * BigInt.asUintN(64, b)) >> 64n),
});

// C's printf over the argument slots the kernel wrote: 8 bytes each,
// integers widened to 64 bits, floats as doubles, strings as addresses.
function cString(mem, addr) {
  const bytes = new Uint8Array(mem.buffer);
  let end = addr;
  while (end < bytes.length && bytes[end]) end++;
  return new TextDecoder().decode(bytes.subarray(addr, end));
}

function formatC(mem, fmtAddr, argAddr, nargs) {
  const fmt = cString(mem, fmtAddr), view = new DataView(mem.buffer);
  let out = '', k = 0;
  const next = () => (k < nargs ? argAddr + 8 * k++ : -1);
  const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?(hh|h|ll|l|j|z|t|L)?([diouxXeEfFgGcspa%])/g;
  let last = 0;
  for (let m; (m = re.exec(fmt));) {
    out += fmt.slice(last, m.index);
    last = re.lastIndex;
    let [, flags, width, prec, len, conv] = m;
    if (conv === '%') { out += '%'; continue; }
    if (width === '*') { const a = next(); width = a < 0 ? 0 : view.getInt32(a, true); }
    if (prec === '*') { const a = next(); prec = a < 0 ? undefined : view.getInt32(a, true); }
    const a = next();
    if (a < 0) { out += m[0]; continue; }
    const wide = len === 'l' || len === 'll' || len === 'j' || len === 'z' || len === 't';
    let body, sign = '';
    const p = prec === undefined ? undefined : Number(prec);
    if ('di'.includes(conv)) {
      let v = view.getBigInt64(a, true);
      if (!wide) v = BigInt.asIntN(32, v);
      if (v < 0n) { sign = '-'; v = -v; } else if (flags.includes('+')) sign = '+'; else if (flags.includes(' ')) sign = ' ';
      body = v.toString();
      if (p !== undefined) body = body.padStart(p, '0');
    } else if ('ouxX'.includes(conv)) {
      let v = view.getBigUint64(a, true);
      if (!wide) v = BigInt.asUintN(32, v);
      body = v.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
      if (conv === 'X') body = body.toUpperCase();
      if (p !== undefined) body = body.padStart(p, '0');
      if (flags.includes('#') && v !== 0n) body = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + body;
    } else if ('eEfFgGa'.includes(conv)) {
      let v = view.getFloat64(a, true);
      if (v < 0 || Object.is(v, -0)) { sign = '-'; v = -v; } else if (flags.includes('+')) sign = '+'; else if (flags.includes(' ')) sign = ' ';
      const pr = p === undefined ? 6 : p;
      if (!Number.isFinite(v)) body = Number.isNaN(v) ? 'nan' : 'inf';
      else if (conv === 'f' || conv === 'F') body = v.toFixed(pr);
      else if (conv === 'e' || conv === 'E') body = v.toExponential(pr).replace(/e([+-])(\d)$/, 'e$10$2');
      else { // %g: the shorter of %e and %f with P significant digits, trailing zeros removed
        const P = pr === 0 ? 1 : pr;
        const e = Number(v.toExponential(P - 1).split('e')[1]);
        body = e < -4 || e >= P ? v.toExponential(P - 1).replace(/e([+-])(\d)$/, 'e$10$2') : v.toFixed(Math.max(0, P - 1 - e));
        if (!flags.includes('#')) body = body.replace(/\.(\d*?)0+(e|$)/, (_, d, t) => (d ? `.${d}` : '') + t);
      }
      if ('EG'.includes(conv)) body = body.toUpperCase();
    } else if (conv === 'c') {
      body = String.fromCharCode(view.getUint8(a));
    } else if (conv === 's') {
      body = cString(mem, Number(view.getBigUint64(a, true)));
      if (p !== undefined) body = body.slice(0, p);
    } else { // %p
      body = '0x' + view.getBigUint64(a, true).toString(16);
    }
    let text = sign + body;
    const w = Number(width ?? 0);
    if (text.length < w) {
      if (flags.includes('-')) text = text.padEnd(w);
      else if (flags.includes('0') && !'csp'.includes(conv) && p === undefined) text = sign + body.padStart(w - sign.length, '0');
      else text = text.padStart(w);
    }
    out += text;
  }
  return out + fmt.slice(last);
}

const dims = (v, what) => {
  const a = typeof v === 'number' ? [v] : Array.from(v ?? [1]);
  while (a.length < 3) a.push(1);
  if (a.length > 3 || a.some((x) => !Number.isInteger(x) || x < 1))
    throw new Error(`cuwasm: ${what} must be 1 to 3 positive integers`);
  return a;
};

const sameName = (a, b) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
const WASM_DEVICE_HEAP = 8 << 20; // bytes for malloc/new in kernels (cudaLimitMallocHeapSize's default)
const align = (n, a) => Math.ceil(n / a) * a;

// Reads the JSON of the module's "cuwasm" section.
export function wasmMetadata(module) {
  const sec = WebAssembly.Module.customSections(module, 'cuwasm');
  if (!sec.length) throw new Error('cuwasm: the WebAssembly module has no cuwasm section');
  return JSON.parse(new TextDecoder().decode(sec[0]));
}

export class WasmBuffer {
  constructor(mod, byteLength, addr) {
    this.mod = mod;
    this.byteLength = byteLength;
    this.addr = addr;
  }

  write(data, byteOffset = 0) {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    new Uint8Array(this.mod.memory.buffer, this.addr + byteOffset, bytes.byteLength).set(bytes);
    return this;
  }

  async read(Type = Uint8Array, out = null) {
    const target = out ?? new Type(this.byteLength / (Type.BYTES_PER_ELEMENT ?? 1));
    new Uint8Array(target.buffer, target.byteOffset, target.byteLength)
      .set(new Uint8Array(this.mod.memory.buffer, this.addr, target.byteLength));
    return target;
  }

  destroy() {}
}

const scalarWriters = {
  bool: (v, o, x) => v.setUint8(o, x ? 1 : 0), i8: (v, o, x) => v.setInt8(o, x), u8: (v, o, x) => v.setUint8(o, x),
  i16: (v, o, x) => v.setInt16(o, x, true), u16: (v, o, x) => v.setUint16(o, x, true),
  i32: (v, o, x) => v.setInt32(o, x, true), u32: (v, o, x) => v.setUint32(o, x, true),
  i64: (v, o, x) => v.setBigInt64(o, BigInt(x), true), u64: (v, o, x) => v.setBigUint64(o, BigInt(x), true),
  f32: (v, o, x) => v.setFloat32(o, x, true), f64: (v, o, x) => v.setFloat64(o, x, true),
};

export class WasmModule {
  // Use WasmModule.fromBinary (compiling is asynchronous: browsers refuse
  // to compile large modules synchronously on the main thread).
  // prefix: a path prefix to strip from diagnostics' file names
  // memory, malloc, free: a program's memory and heap (program.js)
  constructor({ print, prefix = null, memory = null, malloc = null, free = null } = {}) {
    this.kind = 'wasm';
    this.print = print;
    this.prefix = prefix;
    this.external = memory ? { memory, malloc, free } : null;
  }

  // binary: the bytes `cuwasm transpile --target wasm` writes
  static async fromBinary(binary, options = {}) {
    const mod = new this(options);
    await mod._load(binary);
    return mod;
  }

  async _load(binary) {
    const module = await WebAssembly.compile(binary);
    this.meta = wasmMetadata(module);
    for (const k of this.meta.kernels)
      if (k.error && this.prefix && k.error.file.startsWith(this.prefix)) k.error.file = k.error.file.slice(this.prefix.length);
    const pages = Math.ceil((this.meta.data_end + 65536) / 65536);
    this.memory = this.external?.memory ?? new WebAssembly.Memory({ initial: Math.max(pages, 16) });
    const env = {
      memory: this.memory,
      printf: (fmt, args, n) => {
        const text = formatC(this.memory, fmt, args, n);
        const print = this.print ?? ((t) => (typeof process !== 'undefined' && process.stdout ? process.stdout.write(t) : console.log(t)));
        print(text);
        return text.length;
      },
      malloc: (n) => (this.external ? this.external.malloc(n >>> 0) : this._heapAlloc(n >>> 0)),
      free: (p) => (this.external ? this.external.free(p >>> 0) : this._heapFree(p >>> 0)),
      assert: (expr, file, line, func, tx, ty, tz, bx, by, bz) => {
        this._asserts.push(`${cString(this.memory, file)}:${line}: ${cString(this.memory, func)}: block [${bx},${by},${bz}], ` +
          `thread [${tx},${ty},${tz}] Assertion \`${cString(this.memory, expr)}\` failed.`);
      },
    };
    this._asserts = [];
    this.instance = await WebAssembly.instantiate(module, { env, math: imports });
    this.heapBase = align(this.meta.data_end, 64);
    // the device heap (malloc/new in kernels): a region of its own, kept
    // across launches, first-fit over a free list; blocks carry their size
    // in the 16 bytes before them
    this._freeList = [];
    if (!this.external && WebAssembly.Module.imports(module).some((i) => i.name === 'malloc')) {
      const bytes = WASM_DEVICE_HEAP;
      this._freeList.push({ addr: this.heapBase, size: bytes });
      this.heapBase += bytes;
      const need = this.heapBase + 65536 - this.memory.buffer.byteLength;
      if (need > 0) this.memory.grow(Math.ceil(need / 65536));
    }
    this.top = this.heapBase;
  }

  get kernels() {
    return this.meta.kernels.map((k) => ({
      name: k.name,
      params: (k.params ?? []).map((p) => ({ name: p.name, type: p.type })),
      supported: !k.error,
      ...(k.error ? { error: k.error } : {}),
    }));
  }

  _heapAlloc(n) {
    const size = align(n + 16, 16);
    const i = this._freeList.findIndex((b) => b.size >= size);
    if (i < 0) return 0; // exhausted: NULL, as CUDA's device malloc
    const b = this._freeList[i];
    const addr = b.addr;
    if (b.size === size) this._freeList.splice(i, 1);
    else { b.addr += size; b.size -= size; }
    new DataView(this.memory.buffer).setUint32(addr, size, true);
    return addr + 16;
  }

  _heapFree(p) {
    if (!p) return;
    const size = new DataView(this.memory.buffer).getUint32(p - 16, true);
    this._freeList.push({ addr: p - 16, size });
  }

  _alloc(bytes) {
    const addr = align(this.top, 64);
    this.top = addr + Math.max(bytes, 1);
    const need = this.top - this.memory.buffer.byteLength;
    if (need > 0) this.memory.grow(Math.ceil(need / 65536));
    return addr;
  }

  buffer(init) {
    if (typeof init === 'number') {
      const b = new WasmBuffer(this, init, this._alloc(init));
      new Uint8Array(this.memory.buffer, b.addr, init).fill(0);
      return b;
    }
    return new WasmBuffer(this, init.byteLength, this._alloc(init.byteLength)).write(init);
  }

  _kernel(name) {
    const k = this.meta.kernels.find((x) => sameName(x.name, name));
    if (!k) throw new Error(`cuwasm: no kernel '${name}' (kernels: ${this.meta.kernels.map((x) => x.name).join(', ')})`);
    if (k.error) {
      const d = k.error;
      const e = new Error(`${d.file}:${d.line}:${d.col}: error: ${d.message}`);
      e.diagnostics = [{ file: d.file, line: d.line, col: d.col, message: d.message }];
      throw e;
    }
    return k;
  }

  // Runs every block of the grid in order; resolves when done.
  async launch(name, { grid = [1], block = [1], sharedBytes = 0, args = [] } = {}) {
    if (this.destroyed) throw new Error('cuwasm: module destroyed');
    const k = this._kernel(name);
    const g = dims(grid, 'grid'), b = dims(block, 'block');
    if (b[0] * b[1] * b[2] > 1024 || b[2] > 64) // CUDA's limits; the module's warp exchange arrays hold 1024
      throw new Error(`cuwasm: block ${b.join('x')} exceeds 1024 threads (or 64 in z)`);
    if (args.length !== k.params.length)
      throw new Error(`cuwasm: '${k.name}' takes ${k.params.length} arguments, got ${args.length}`);
    const mark = this.top;
    try {
      const argAddr = this._alloc(Math.max(k.args_size, 8));
      const readBack = [];
      const ptrs = args.map((a, i) => {
        const p = k.params[i];
        if (!p.type.includes('*')) return null;
        if (a instanceof WasmBuffer) return a.addr;
        if (a === null || a === 0) return 0;
        if (!ArrayBuffer.isView(a)) throw new Error(`cuwasm: argument '${p.name}' (${p.type}) must be a typed array or a buffer of this module`);
        const addr = this._alloc(a.byteLength);
        new Uint8Array(this.memory.buffer, addr, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
        if (!p.type.startsWith('const ')) readBack.push([addr, a]);
        return addr;
      });
      const scratch = this._alloc(this.scratchBytes(k, b, sharedBytes));
      const view = new DataView(this.memory.buffer);
      k.params.forEach((p, i) => {
        const o = argAddr + p.offset;
        if (ptrs[i] !== null) { view.setBigUint64(o, BigInt(ptrs[i]), true); return; }
        const w = scalarWriters[p.type.replace(/^const /, '')];
        if (w) { w(view, o, args[i]); return; }
        const a = args[i];
        if (!ArrayBuffer.isView(a) || a.byteLength !== p.size)
          throw new Error(`cuwasm: argument '${p.name}' (${p.type}) must be a typed array of ${p.size} bytes`);
        new Uint8Array(this.memory.buffer, o, p.size).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      });
      this.runBlocks(k, argAddr, scratch, sharedBytes, g, b);
      for (const [addr, a] of readBack)
        new Uint8Array(a.buffer, a.byteOffset, a.byteLength).set(new Uint8Array(this.memory.buffer, addr, a.byteLength));
    } finally {
      this.top = mark;
    }
  }

  // Every block of grid g (block b) in order, kernel k of this.meta,
  // arguments at argAddr, scratchBytes(k, b, sharedBytes) bytes at scratch.
  runBlocks(k, argAddr, scratch, sharedBytes, g, b) {
    const fn = this.instance.exports[k.export];
    try {
      for (let z = 0; z < g[2]; z++)
        for (let y = 0; y < g[1]; y++)
          for (let x = 0; x < g[0]; x++)
            fn(argAddr, scratch, sharedBytes, x, y, z, g[0], g[1], g[2], b[0], b[1], b[2]);
    } catch (e) {
      if (this._asserts.length) { // a failed device assert traps after telling us
        const err = new Error(`cuwasm: device assertion failed in '${k.name}':\n${this._asserts.join('\n')}`);
        err.asserts = this._asserts;
        this._asserts = [];
        throw err;
      }
      if (e instanceof WebAssembly.RuntimeError) {
        const why = /unreachable/.test(e.message) ? '__trap(), or device functions overflowed their stack' : e.message;
        const err = new Error(`cuwasm: kernel '${k.name}' trapped: ${why}`);
        err.trap = e;
        throw err;
      }
      throw e;
    }
  }

  // The scratch memory one block of kernel k needs (see the file's head).
  scratchBytes(k, b, sharedBytes) {
    return this.meta.shared_static + sharedBytes + 16 + b[0] * b[1] * b[2] * k.frame + this.meta.stack;
  }

  destroy() {
    this.destroyed = true;
  }
}

export { sameName };
