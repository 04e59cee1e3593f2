// debug.js — device printf, assert and __trap: the records a kernel wrote
// into its debug buffer (layout in src/emit/wgsl_debug.c) turned into
// printed lines and, for a failed assert, an Error after the launch.

export const DEBUG_WORDS = 1 << 16; // records beyond this are dropped (and counted)

function pad(s, width, left, zero) {
  if (s.length >= width) return s;
  if (left) return s + ' '.repeat(width - s.length);
  if (zero) {
    const sign = /^[+-]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
  }
  return ' '.repeat(width - s.length) + s;
}

// C's printf over the decoded argument values.
export function formatC(fmt, values) {
  let k = 0;
  return fmt.replace(/%([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?(hh|h|ll|l|z|j|t|L)?([diuxXoscfFeEgGp%])/g,
    (_, flags, width, prec, _len, conv) => {
      if (conv === '%') return '%';
      let v = values[k++];
      if (typeof v === 'bigint') { // %lld, %llu, %llx of 64-bit arguments
        if (conv === 'u' || conv === 'x' || conv === 'X' || conv === 'o') v = BigInt.asUintN(64, v);
        const big = { d: 10, i: 10, u: 10, x: 16, X: 16, o: 8 }[conv];
        if (big) {
          let s = v.toString(big);
          if (conv === 'X') s = s.toUpperCase();
          return pad(s, Number(width ?? 0), flags.includes('-'), flags.includes('0'));
        }
        v = Number(v);
      }
      const w = width === '*' ? values[k - 1] : Number(width ?? 0);
      const p = prec === undefined ? undefined : Number(prec);
      let s;
      switch (conv) {
      case 'd': case 'i': s = String(Math.trunc(v)); break;
      case 'u': s = String(v >>> 0); break;
      case 'x': s = (v >>> 0).toString(16); if (flags.includes('#') && v) s = '0x' + s; break;
      case 'X': s = (v >>> 0).toString(16).toUpperCase(); if (flags.includes('#') && v) s = '0X' + s; break;
      case 'o': s = (v >>> 0).toString(8); break;
      case 'c': s = String.fromCharCode(v); break;
      case 's': s = p === undefined ? String(v) : String(v).slice(0, p); break;
      case 'p': s = '0x' + (v >>> 0).toString(16); break;
      case 'f': case 'F': s = Number.isFinite(v) ? v.toFixed(p ?? 6) : String(v).toLowerCase().replace('infinity', 'inf'); break;
      case 'e': case 'E': {
        s = v.toExponential(p ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
        if (conv === 'E') s = s.toUpperCase();
        break;
      }
      default: { // g
        const P = p === 0 ? 1 : (p ?? 6);
        const exp = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
        s = exp < -4 || exp >= P ? v.toExponential(P - 1).replace(/e([+-])(\d)$/, 'e$10$2')
          : v.toFixed(Math.max(0, P - 1 - exp));
        if (!flags.includes('#')) s = s.replace(/\.?0+(e|$)/, '$1');
        if (conv === 'G') s = s.toUpperCase();
      }
      }
      if (flags.includes('+') && /^[dieEfFgG]$/.test(conv) && !s.startsWith('-')) s = '+' + s;
      else if (flags.includes(' ') && /^[dieEfFgG]$/.test(conv) && !s.startsWith('-')) s = ' ' + s;
      return pad(s, w, flags.includes('-'), flags.includes('0') && !'sc'.includes(conv));
    });
}

function decode(kind, word) {
  if (kind === 'f') return new Float32Array(new Uint32Array([word]).buffer)[0];
  if (kind === 'i') return word | 0;
  return word >>> 0;
}

// -> {lines: [string], asserts: [Error]}
export function readDebug(meta, words, kernelName) {
  const lines = [], asserts = [];
  const end = Math.min(words.length, 4 + words[0]);
  for (let at = 4; at + 8 <= end;) {
    const head = words[at], n = words[at + 1];
    const block = [words[at + 2], words[at + 3], words[at + 4]], thread = [words[at + 5], words[at + 6], words[at + 7]];
    const kind = head & 0xff, id = head >>> 8;
    if (kind === 1) {
      const f = meta.debug.printf[id];
      let w = at + 8;
      const vals = f.args.map((a) => {
        if (a.startsWith('s:')) return a.slice(2);
        if (a === 'I' || a === 'U') { // 64-bit: low word, then high
          const v = BigInt(words[w]) | (BigInt(words[w + 1]) << 32n);
          w += 2;
          return a === 'I' ? BigInt.asIntN(64, v) : v;
        }
        return decode(a, words[w++]);
      });
      lines.push(formatC(f.format, vals));
    } else if (kind === 2) {
      const a = meta.debug.asserts[id];
      asserts.push(`${a.file}:${a.line}: ${a.function}: block [${block}], thread [${thread}] Assertion \`${a.expr}\` failed.`);
    } else if (kind === 3) {
      asserts.push(`${kernelName}: __trap() in block [${block}], thread [${thread}]`);
    } else break;
    at += 8 + n;
  }
  if (4 + words[0] > words.length) lines.push(`[cuwasm] ${kernelName}: printf buffer full, later output dropped`);
  return { lines, asserts };
}
