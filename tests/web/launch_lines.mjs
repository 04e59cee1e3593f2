// launch_lines.mjs — reading the `// launch:` lines of tests/kernels and
// making their arguments as `cuwasm launch` makes them (zeros, iota,
// iota:START:STEP, rand:SEED by the same xorshift64, fill:V), for the
// runners that compare a device with the native CPU backend
// (run_kernels.mjs on WebGPU, run_wasm_kernels.mjs on WebAssembly).

export const T = { i8: Int8Array, u8: Uint8Array, i16: Int16Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array,
  i64: BigInt64Array, u64: BigUint64Array, f32: Float32Array, f64: Float64Array };

export function fillBuffer(type, n, init) {
  const a = new T[type](n);
  const isF = type[0] === 'f', big = type.endsWith('64') && !isF;
  const put = (i, d, v) => { a[i] = big ? BigInt(isF ? Math.trunc(d) : v) : (isF ? d : v); };
  if (init === 'zeros') return a;
  if (init === 'iota') { for (let i = 0; i < n; i++) put(i, i, i); return a; }
  if (init.startsWith('iota:')) { // iota:START:STEP, START + i*STEP, as cuwasm launch
    const [start, step] = init.slice(5).split(':');
    const d0 = parseFloat(start), ds = parseFloat(step);
    const v0 = Math.trunc(Number(start)), vs = Math.trunc(Number(step));
    for (let i = 0; i < n; i++) put(i, d0 + i * ds, v0 + i * vs);
    return a;
  }
  if (init.startsWith('rand:')) {
    const M = (1n << 64n) - 1n;
    let s = (BigInt(init.slice(5)) * 2654435761n + 1n) & M;
    for (let i = 0; i < n; i++) {
      s ^= (s << 13n) & M; s ^= s >> 7n; s ^= (s << 17n) & M;
      if (isF) put(i, Number(s >> 11n) / 9007199254740992, 0);
      else put(i, 0, Number(s % 100n));
    }
    return a;
  }
  if (init.startsWith('fill:')) {
    const d = parseFloat(init.slice(5));
    const v = init.slice(5).startsWith('0x') ? parseInt(init.slice(5), 16) : Math.trunc(parseFloat(init.slice(5)));
    for (let i = 0; i < n; i++) put(i, d, v);
    return a;
  }
  throw new Error(`unsupported initialiser ${init}`);
}

export function parseLine(line) {
  const tok = line.trim().split(/\s+/);
  const name = tok.shift();
  const o = { name, grid: [1], block: [1], shared: 0, args: [], raw: [] };
  for (let i = 0; i < tok.length; i++) {
    const t = tok[i];
    if (t === '--grid') o.grid = tok[++i].split(',').map(Number);
    else if (t === '--block') o.block = tok[++i].split(',').map(Number);
    else if (t === '--shared') o.shared = Number(tok[++i]);
    else { o.raw.push(t); o.args.push(t); }
    if (t.startsWith('--')) o.raw.push(t, tok[i]);
  }
  // a kernel name with template arguments may contain spaces
  return o;
}

export function makeArgs(specs) {
  return specs.map((s) => {
    const m = /^(\w+)\[(\d+)\]=(.*)$/.exec(s);
    if (m) return { buffer: true, type: m[1], data: T[m[1]] ? fillBuffer(m[1], Number(m[2]), m[3]) : null };
    const [ty, v] = s.split(':');
    if (ty === 'i64' || ty === 'u64') return { buffer: false, value: BigInt(v), type: ty };
    return { buffer: false, value: Number(v) };
  });
}

export function close(a, b, isF) {
  if (!isF) return a === b;
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (a === b) return true; // infinities too
  return Math.abs(a - b) <= 2e-3 * Math.max(1, Math.abs(a), Math.abs(b));
}
