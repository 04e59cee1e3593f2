// wasm_host.js — what a module of cuwasm's WebAssembly target imports from
// its host, the same on the main thread and in the workers (wasm.js,
// wasm_worker.js): math functions WebAssembly lacks (double precision,
// rounded to float for the f variants), __half conversions, integer
// intrinsics without an instruction, and C's printf formatting over the
// argument slots a kernel wrote; hostImports() puts them together with the
// memory and the callbacks for printf, malloc/free and assert.

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

// erfinv and erfcinv: Winitzki's closed-form guess, then Newton steps on
// erf (or on erfc near the tails, where 1 - y has lost the digits)
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const inverseErf = (y, z) => { // y = 1 - z; solves erf(x) = y, i.e. erfc(x) = z
  if (Number.isNaN(y) || Math.abs(y) > 1) return NaN;
  if (y === 1) return Infinity;
  if (y === -1) return -Infinity;
  const a = 0.147, ln = Math.log(z * (2 - z)), t = 2 / (Math.PI * a) + ln / 2;
  let x = Math.sign(y) * Math.sqrt(Math.sqrt(t * t - ln / a) - t);
  for (let i = 0; i < 4; i++) {
    const slope = TWO_OVER_SQRT_PI * Math.exp(-x * x);
    if (!(slope > 0)) break;
    x -= Math.abs(y) > 0.5 ? (z - erfc(x)) / slope : (erf(x) - y) / slope;
  }
  return x;
};
// Gamma: Lanczos's approximation (g = 7, nine terms), reflected below 1/2
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7];
const lanczosSum = (x) => LANCZOS.reduce((sum, c, i) => (i ? sum + c / (x + i) : c), 0);
const tgamma = (x) => {
  if (Number.isNaN(x) || x === -Infinity) return NaN;
  if (x === 0) return 1 / x; // +-inf, as C's
  if (x < 0 && Number.isInteger(x)) return NaN;
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * tgamma(1 - x));
  if (x > 171.7) return Infinity;
  const y = x - 1, t = y + 7.5, half = Math.pow(t, (y + 0.5) / 2); // split: t^(y+1/2) overflows first
  return Math.sqrt(2 * Math.PI) * half * Math.exp(-t) * half * lanczosSum(y);
};
const lgamma = (x) => {
  if (Number.isNaN(x)) return NaN;
  if (!Number.isFinite(x)) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const y = x - 1, t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(lanczosSum(y));
};
// sin(pi x), cos(pi x) reduced exactly to r in [-1, 1] first (exact zeros at
// the integers and half-integers)
const piReduce = (x) => x - 2 * Math.round(x / 2);
const sinpi = (x) => {
  if (!Number.isFinite(x)) return NaN;
  let r = piReduce(x);
  if (Math.abs(r) > 0.5) r = Math.sign(r) - r;
  return r === 0 ? 0 * x : Math.sin(Math.PI * r);
};
const cospi = (x) => (Number.isFinite(x) ? sinpi(0.5 - Math.abs(piReduce(x))) : NaN);
// logb: the unbiased exponent, exactly
const logb = (x) => {
  const a = Math.abs(x);
  if (a === 0) return -Infinity;
  if (!Number.isFinite(a)) return a;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  return e;
};
// remainder: x - n y with n the integer nearest x / y, ties to even
const remainder = (x, y) => {
  if (Number.isNaN(x) || Number.isNaN(y) || !Number.isFinite(x) || y === 0) return NaN;
  if (!Number.isFinite(y)) return x;
  let r = x % y;
  const ay = Math.abs(y), ar = Math.abs(r);
  if (ar > ay / 2 || (ar === ay / 2 && Math.abs(Math.round((x - r) / y)) % 2 === 1)) r -= Math.sign(r) * ay;
  return r === 0 ? 0 * x : r;
};
// ldexp: x times 2^n, in steps so that 2^n itself cannot overflow first
const ldexp = (x, n) => {
  n = Math.max(-2200, Math.min(2200, n));
  for (let step = 0; step < 3; step++) {
    const k = Math.max(-1000, Math.min(1000, n));
    x *= 2 ** k;
    n -= k;
  }
  return x;
};
// ilogb: logb as an int; C's FP_ILOGB0 and FP_ILOGBNAN are INT_MIN (glibc)
const ilogb = (x) => (x === 0 || Number.isNaN(x) ? -2147483648 : Number.isFinite(x) ? logb(x) : 2147483647);
// frexp: x = m 2^e with 0.5 <= |m| < 1; 0, infinities and NaN keep x, e = 0
const frexpExp = (x) => (x === 0 || !Number.isFinite(x) ? 0 : logb(x) + 1);
// modf's fraction, signed as x (infinities: 0)
const modfFrac = (x) => {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? x : 0 * Math.sign(x);
  const r = x - Math.trunc(x);
  return r === 0 ? 0 * x : r; // -3.0 gives -0, as C's
};
// nextafter: one step of the representation towards y
const f64n = new Float64Array(1), u64n = new BigUint64Array(f64n.buffer);
const f32n = new Float32Array(1), u32n = new Uint32Array(f32n.buffer);
const nextafterIn = (x, y, flt) => {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return Math.sign(y) * (flt ? 2 ** -149 : Number.MIN_VALUE);
  const up = (y > x) === (x > 0);
  if (flt) { f32n[0] = x; u32n[0] += up ? 1 : -1; return f32n[0]; }
  f64n[0] = x;
  u64n[0] += up ? 1n : -1n;
  return f64n[0];
};

// Directed rounding (__fadd_ru, __dmul_rz, __fsqrt_rd …): the result
// rounded to nearest, moved one step where the exact sign of its error
// says so (division and square root: of the remainder); the error comes
// from an error-free transformation below, or, where one could overflow
// or underflow, from exact arithmetic on a BigInt mantissa times a power
// of two (subnormal results included).  IEEE 754's rounding rules.
const RN = 0, RZ = 1, RU = 2, RD = 3;
const dv = new DataView(new ArrayBuffer(8));
const exact = (x) => { // finite x = m * 2^e, m a signed BigInt
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0), lo = dv.getUint32(4), be = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (be) m |= 1n << 52n;
  return { m: hi >>> 31 ? -m : m, e: (be || 1) - 1075 };
};
const addExact = (a, b) => {
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
};
const mulExact = (a, b) => ({ m: a.m * b.m, e: a.e + b.e });
const bitLength = (n) => n.toString(2).length;
const FORMAT = [{ p: 53, qmin: -1074, emax: 1023, max: Number.MAX_VALUE },
  { p: 24, qmin: -149, emax: 127, max: 3.4028234663852886e38 }];
// the exact value x rounded to the format (flt: float) in mode
const roundExact = (x, mode, flt) => {
  const F = FORMAT[flt ? 1 : 0];
  if (x.m === 0n) return mode === RD ? -0 : 0; // an exact zero sum
  const neg = x.m < 0n, a = neg ? -x.m : x.m;
  const top = bitLength(a) - 1 + x.e, k = Math.max(top - (F.p - 1), F.qmin), s = k - x.e;
  let mant = a;
  if (s > 0) {
    const sh = BigInt(s), rem = a & ((1n << sh) - 1n), half = 1n << (sh - 1n);
    mant = a >> sh;
    const away = mode === RN ? rem > half || (rem === half && (mant & 1n) === 1n)
      : mode === RZ ? false : rem !== 0n && (mode === RU) !== neg;
    if (away) mant++;
  } else {
    mant = a << BigInt(-s);
  }
  const mag = Number(mant) * 2 ** k;
  if (mag > F.max) { // overflow: infinity, or the largest finite value where the mode points back
    const inf = mode === RN || (mode === RU && !neg) || (mode === RD && neg);
    return (neg ? -1 : 1) * (inf ? Infinity : F.max);
  }
  return neg ? -mag : mag;
};
// the nearest result q of an operation whose exact result has the sign of
// `side` relative to q (+1 above, -1 below, 0 equal), in mode
const stepFrom = (q, side, mode, flt) => {
  if (!side || mode === RN || (mode === RZ && q === 0)) return q; // a zero is already toward zero, -0 too
  const up = mode === RU || (mode === RZ && q < 0);
  if ((side > 0) !== up) return q;
  return nextafterIn(q, side > 0 ? Infinity : -Infinity, flt);
};
// a finite operation that overflowed to q = +-inf under nearest: the
// largest finite value where the mode rounds towards zero
const fromOverflow = (q, mode, flt) => {
  const max = FORMAT[flt ? 1 : 0].max;
  if (mode === RZ || (mode === RU && q < 0) || (mode === RD && q > 0)) return q > 0 ? max : -max;
  return q;
};
// Error-free transformations (no BigInt) where they are exact: TwoSum for
// any finite sum; a product of two floats and the residuals of float
// quotients and roots are exact in a double; Dekker's TwoProduct (Veltkamp
// splitting) for doubles away from overflow and from subnormal errors.
const sign = (x) => (x > 0 ? 1 : x < 0 ? -1 : 0);
const twoSumErr = (a, b, s) => { const bb = s - a; return (a - (s - bb)) + (b - bb); };
const SPLIT = 134217729; // 2^27 + 1
const splitOk = (x) => Math.abs(x) < 2 ** 995;
const twoProductErr = (a, b, p) => { // a*b - p, exactly (within the guards below)
  const ca = SPLIT * a, ah = ca - (ca - a), al = a - ah;
  const cb = SPLIT * b, bh = cb - (cb - b), bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
};
const dekkerOk = (a, b, p) => splitOk(a) && splitOk(b) && Math.abs(p) > 2 ** -960 && Math.abs(p) < 2 ** 995;
// the side of q on which the exact value d + e lies (d, e doubles, e the
// error of d), for a float q rounded from d to nearest
const floatSide = (q, d, e) => { const g = d - q; return g ? sign(g) : sign(e); };
const directedOps = {
  add: (a, b, mode, flt) => {
    const s = a + b;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return flt ? f(s) : s;
    if (!Number.isFinite(s)) return fromOverflow(s, mode, flt);
    if (s === 0 && twoSumErr(a, b, s) === 0) return mode === RD && !(a === 0 && b === 0 && !Object.is(a, -0) && !Object.is(b, -0)) ? -0 : s;
    if (!flt) return stepFrom(s, sign(twoSumErr(a, b, s)), mode, false);
    const q = f(s);
    if (!Number.isFinite(q)) return fromOverflow(q, mode, true);
    return stepFrom(q, floatSide(q, s, twoSumErr(a, b, s)), mode, true);
  },
  sub: (a, b, mode, flt) => directedOps.add(a, -b, mode, flt),
  mul: (a, b, mode, flt) => {
    const p = a * b;
    if (!Number.isFinite(a) || !Number.isFinite(b) || a === 0 || b === 0) return flt ? f(p) : p;
    if (flt) { // p is exact
      const q = f(p);
      return Number.isFinite(q) ? stepFrom(q, sign(p - q), mode, true) : fromOverflow(q, mode, true);
    }
    if (!Number.isFinite(p)) return fromOverflow(p, mode, false);
    if (dekkerOk(a, b, p)) return stepFrom(p, sign(twoProductErr(a, b, p)), mode, false);
    return roundExact(mulExact(exact(a), exact(b)), mode, false);
  },
  fma: (a, b, c, mode, flt) => (Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && a !== 0 && b !== 0
    ? roundExact(addExact(mulExact(exact(a), exact(b)), exact(c)), mode, flt) : a * b + c),
  div: (a, b, mode, flt) => {
    const q = flt ? f(a / b) : a / b;
    if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0 || Number.isNaN(q)) return q;
    if (!Number.isFinite(q)) return fromOverflow(q, mode, flt);
    if (q === 0) return a === 0 ? q : stepFrom(q, Math.sign(a) * Math.sign(b), mode, flt);
    // a - q b: its sign times b's is the exact quotient's side of q
    if (flt) return stepFrom(q, sign(a - q * b) * Math.sign(b), mode, true); // q b exact, then Sterbenz
    const p = q * b;
    if (dekkerOk(q, b, p)) return stepFrom(q, sign((a - p) - twoProductErr(q, b, p)) * Math.sign(b), mode, false);
    const r = addExact(exact(a), mulExact(exact(-q), exact(b)));
    return stepFrom(q, sign(Number(r.m)) * Math.sign(b), mode, false);
  },
  sqrt: (a, mode, flt) => {
    const q = flt ? f(Math.sqrt(a)) : Math.sqrt(a);
    if (!(a > 0) || !Number.isFinite(a)) return q;
    if (flt) return stepFrom(q, sign(a - q * q), mode, true);
    const p = q * q;
    if (dekkerOk(q, q, p)) return stepFrom(q, sign((a - p) - twoProductErr(q, q, p)), mode, false);
    const r = addExact(exact(a), mulExact(exact(-q), exact(q)));
    return stepFrom(q, sign(Number(r.m)), mode, false);
  },
};
const directedImports = {};
for (const [mode, tag] of [[RZ, 'rz'], [RU, 'ru'], [RD, 'rd']]) {
  for (const flt of [true, false]) {
    const p = flt ? 'f' : 'd';
    directedImports[`${p}add_${tag}`] = (a, b) => directedOps.add(a, b, mode, flt);
    directedImports[`${p}sub_${tag}`] = (a, b) => directedOps.sub(a, b, mode, flt);
    directedImports[`${p}mul_${tag}`] = (a, b) => directedOps.mul(a, b, mode, flt);
    directedImports[`${p}div_${tag}`] = (a, b) => directedOps.div(a, b, mode, flt);
    directedImports[`${p}rcp_${tag}`] = (a) => directedOps.div(1, a, mode, flt);
    directedImports[`${p}sqrt_${tag}`] = (a) => directedOps.sqrt(a, mode, flt);
  }
  directedImports[`fmaf_${tag}`] = (a, b, c) => directedOps.fma(a, b, c, mode, true);
  directedImports[`fma_${tag}`] = (a, b, c) => directedOps.fma(a, b, c, mode, false);
}

const MATH = {
  sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, exp: Math.exp, exp2: (x) => 2 ** x,
  exp10: (x) => 10 ** x, expm1: Math.expm1, log: Math.log, log2: Math.log2, log10: Math.log10,
  log1p: Math.log1p, cbrt: Math.cbrt, erf, erfc, normcdf: (x) => 0.5 * erfc(-x / Math.SQRT2),
  round: (x) => Math.sign(x) * Math.round(Math.abs(x)), // C rounds halves away from zero
  pow: Math.pow, fmod: (a, b) => a % b /* JS % on numbers is C's fmod */,
  fmin: fminmax(Math.min), fmax: fminmax(Math.max), atan2: Math.atan2, hypot: Math.hypot,
  asinh: Math.asinh, acosh: Math.acosh, atanh: Math.atanh, rcbrt: (x) => 1 / Math.cbrt(x),
  erfinv: (y) => inverseErf(y, 1 - y), erfcinv: (z) => inverseErf(1 - z, z),
  normcdfinv: (p) => -Math.SQRT2 * inverseErf(1 - 2 * p, 2 * p), tgamma, lgamma, sinpi, cospi,
  fdim: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : a > b ? a - b : 0), logb, remainder,
  nextafter: (x, y) => nextafterIn(x, y, false), ldexp, ilogb,
};
const mathImports = {};
for (const [k, fn] of Object.entries(MATH)) {
  mathImports[k] = fn;
  mathImports[`${k}f`] = (...a) => f(fn(...a));
}
// fma and fmaf rounded once, exactly (the module computes most in place
// and calls these for zero, infinite, huge and tiny cases)
mathImports.fma = (a, b, c) => directedOps.fma(a, b, c, RN, false);
mathImports.fmaf = (a, b, c) => directedOps.fma(a, b, c, RN, true);
mathImports.nextafterf = (x, y) => nextafterIn(x, y, true); // a float's step, not a double's
mathImports.ilogbf = ilogb; // an int: not rounded to float
mathImports.frexp_exp = frexpExp;
mathImports.frexp = (x) => ldexp(x, -frexpExp(x));
mathImports.modf = modfFrac;
Object.assign(mathImports, directedImports);

// __half: the 16-bit pattern of a float rounded to nearest even, and back
const f32b = new Float32Array(1), u32b = new Uint32Array(f32b.buffer);
export function floatToHalfBits(x) {
  f32b[0] = x;
  const b = u32b[0], sign = (b >>> 16) & 0x8000;
  let e = (b >>> 23) & 0xff, m = b & 0x7fffff;
  if (e === 255) return m ? 0x7fff : sign | 0x7c00; // NaN: CUDA's canonical 0x7fff (cvt.rn.f16.f32)
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
mathImports.h2f = (h) => halfBitsToFloat(h & 0xffff);
mathImports.f2h = (x) => floatToHalfBits(x);
mathImports.hround = (x) => halfBitsToFloat(floatToHalfBits(x));

// Integer intrinsics without a WebAssembly instruction (i32 arrive as
// signed numbers, 64-bit ones as BigInt).
const u32 = (x) => x >>> 0;
const funnel = (lo, hi, s, right) => {
  const v = (BigInt(u32(hi)) << 32n) | BigInt(u32(lo));
  return Number(BigInt.asUintN(32, right ? v >> BigInt(s) : (v << BigInt(s)) >> 32n)) | 0;
};
Object.assign(mathImports, {
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
// (copied out first: TextDecoder refuses views of a SharedArrayBuffer)
export function cString(mem, addr) {
  const bytes = new Uint8Array(mem.buffer);
  let end = addr;
  while (end < bytes.length && bytes[end]) end++;
  return new TextDecoder().decode(bytes.slice(addr, end));
}

export function formatC(mem, fmtAddr, argAddr, nargs) {
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


// The assert message of CUDA's runtime, from the arguments of env.assert.
export function assertMessage(mem, expr, file, line, func, tx, ty, tz, bx, by, bz) {
  return `${cString(mem, file)}:${line}: ${cString(mem, func)}: block [${bx},${by},${bz}], ` +
    `thread [${tx},${ty},${tz}] Assertion \`${cString(mem, expr)}\` failed.`;
}

// The import object of a module: memory, printf(text) receiving each
// formatted printf, malloc(bytes) -> address / free(address) for the
// device heap, assert(message) called before the failing thread traps,
// gridSync() for grid_group::sync(), launch(...) and devrt(op, thread) for
// dynamic parallelism (wasm.js's launchChild and deviceRuntime).
// grid_group::sync() where nothing can suspend a block (a worker's instance)
const noGridSync = () => { throw new Error('cuwasm: grid_group::sync() needs a cooperative launch (cudaLaunchCooperativeKernel)'); };
// modules that launch kernels run on the posting thread (wasm.js)
const noLaunch = () => { throw new Error('cuwasm: a kernel launch from device code in a worker'); };

export function hostImports({ memory, printf, malloc, free, assert, gridSync = noGridSync, launch = noLaunch,
  devrt = noLaunch }) {
  const env = {
    memory,
    printf: (fmt, args, n) => {
      const text = formatC(memory, fmt, args, n);
      printf(text);
      return text.length;
    },
    malloc: (n) => malloc(n >>> 0),
    free: (p) => free(p >>> 0),
    assert: (...a) => assert(assertMessage(memory, ...a)),
    grid_sync: () => gridSync(),
    launch,
    devrt,
  };
  return { env, math: mathImports };
}
