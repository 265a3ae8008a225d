/**
 * Mutations of a report's text, as data (so fast-check can shrink and print them), with the
 * provenance of every resulting line: `origin[i]` is the index of the original line that line i
 * still is (same content, same neighbours' order), or null when the mutation touched it.
 */
import fc from 'fast-check';

export type Mutation =
  | { kind: 'truncate'; at: number; keep: number }
  | { kind: 'deleteLines'; at: number; count: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'swapLines'; at: number }
  | { kind: 'shuffleWindow'; at: number; size: number; seed: number }
  | { kind: 'deleteCell'; at: number; cell: number }
  | { kind: 'extraCell'; at: number; text: string }
  | { kind: 'garbage'; at: number; pos: number; text: string }
  | { kind: 'width'; at: number; toFull: boolean }
  | { kind: 'hugeNumber'; at: number; digits: string }
  | { kind: 'negate'; at: number }
  | { kind: 'oddity'; at: number; pos: number; char: string };

export interface Mutated {
  lines: string[];
  origin: (number | null)[];
  /**
   * Lines were reordered (swap, shuffle). A reordered table can legitimately mean something else
   * (swapped header cells swap the columns), so unchanged lines may change meaning.
   */
  reordered?: boolean;
}

/** Zero-width, direction, BOM, combining and space oddities seen in converted documents. */
export const ODDITIES = [
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u200E', '\u200F', '\u202E', '\u202B', '\u2066',
  '\u0301', '\u0308', '\u20DD', '\u00A0', '\u3000', '\u00AD', '\uFFFD', '\u0000', '\u001B', '\u0085',
];

const at = fc.nat({ max: 100_000 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at, keep: fc.nat({ max: 200 }) }),
  fc.record({ kind: fc.constant('deleteLines' as const), at, count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at }),
  fc.record({ kind: fc.constant('swapLines' as const), at }),
  fc.record({ kind: fc.constant('shuffleWindow' as const), at, size: fc.integer({ min: 2, max: 8 }), seed: fc.nat() }),
  fc.record({ kind: fc.constant('deleteCell' as const), at, cell: fc.nat({ max: 10 }) }),
  fc.record({
    kind: fc.constant('extraCell' as const),
    at,
    text: fc.oneof(fc.constantFrom('', '0', '7', '—', '/', '无', '12件', '3.5万'), fc.nat({ max: 99999 }).map(String)),
  }),
  fc.record({
    kind: fc.constant('garbage' as const),
    at,
    pos: fc.nat({ max: 200 }),
    text: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
  }),
  fc.record({ kind: fc.constant('width' as const), at, toFull: fc.boolean() }),
  fc.record({
    kind: fc.constant('hugeNumber' as const),
    at,
    digits: fc.oneof(
      fc.constantFrom('9007199254740993', '99999999999999999999', '1' + '0'.repeat(30), '9'.repeat(400), '1e308', '0x1F', 'NaN', 'Infinity'),
      fc.bigInt({ min: 10n ** 9n, max: 10n ** 25n }).map(String),
    ),
  }),
  fc.record({ kind: fc.constant('negate' as const), at }),
  fc.record({ kind: fc.constant('oddity' as const), at, pos: fc.nat({ max: 200 }), char: fc.constantFrom(...ODDITIES) }),
);

/** 1–3 mutations applied in order. */
export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 3 });

/** Line endings for the final join: \n, \r\n or \r per line break. */
export const endingsArb = fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 16 });

export function start(text: string): Mutated {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop(); // a final line ending opens no line
  return { lines, origin: lines.map((_, i) => i) };
}

function pick(n: number, len: number): number {
  return len === 0 ? 0 : n % len;
}

/**
 * `p`, or the position before it when it falls between the halves of an astral character (an
 * earlier garbage's): a lone surrogate has no UTF-8 form, so text and bytes would differ by construction.
 */
function charAt(line: string, p: number): number {
  const split = p > 0 && p < line.length && /[\uD800-\uDBFF]/.test(line[p - 1]!) && /[\uDC00-\uDFFF]/.test(line[p]!);
  return split ? p - 1 : p;
}

/** Half-width ASCII ↔ full-width forms, over a whole line (tabs and spaces kept). */
export function toFullWidth(line: string): string {
  return line.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
export function toHalfWidth(line: string): string {
  return line.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Deterministic shuffle (mulberry32) so a mutation is a pure function of its data. */
function shuffle<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Lines that carry a digit (mutations of numbers aim at them). */
function digitLines(lines: string[]): number[] {
  return lines.flatMap((l, i) => (/\d/.test(l) ? [i] : []));
}

export function applyMutation(m: Mutated, mut: Mutation): Mutated {
  const out = mutate(m, mut);
  return m.reordered ? { ...out, reordered: true } : out;
}

function mutate(m: Mutated, mut: Mutation): Mutated {
  const lines = m.lines.slice();
  const origin = m.origin.slice();
  const n = lines.length;
  // Every line deleted already: nothing left to mutate.
  if (n === 0) return { lines, origin };
  const i = pick(mut.at, n);
  const touch = (k: number, text: string) => {
    if (lines[k] !== text) origin[k] = null;
    lines[k] = text;
  };
  switch (mut.kind) {
    case 'truncate': {
      const keep = charAt(lines[i]!, Math.min(mut.keep, lines[i]!.length));
      const cut = lines.slice(0, i + 1);
      const o = origin.slice(0, i + 1);
      if (keep < cut[i]!.length) o[i] = null;
      cut[i] = cut[i]!.slice(0, keep);
      return { lines: cut, origin: o };
    }
    case 'deleteLines':
      lines.splice(i, mut.count);
      origin.splice(i, mut.count);
      return { lines, origin };
    case 'duplicateLine':
      lines.splice(i + 1, 0, lines[i]!);
      origin.splice(i + 1, 0, null);
      return { lines, origin };
    case 'swapLines': {
      if (i + 1 >= n) return m;
      if (lines[i] === lines[i + 1]) return m;
      [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
      origin[i] = null;
      origin[i + 1] = null;
      return { lines, origin, reordered: true };
    }
    case 'shuffleWindow': {
      const idx = Array.from({ length: Math.min(mut.size, n - i) }, (_, k) => i + k);
      const moved = shuffle(idx, mut.seed);
      const before = idx.map((k) => lines[k]!);
      idx.forEach((k, j) => {
        lines[k] = before[moved[j]! - i]!;
        if (lines[k] !== before[j]) origin[k] = null;
      });
      return { lines, origin, reordered: m.reordered || moved.some((k, j) => k !== idx[j]) };
    }
    case 'deleteCell': {
      const line = lines[i]!;
      const fields = line.split('\t');
      if (fields.length > 2 || (fields.length === 2 && fields[0]!.trim() !== '')) {
        fields.splice(pick(mut.cell, fields.length), 1);
        touch(i, fields.join('\t'));
        return { lines, origin };
      }
      // One cell per line: the cell is the line.
      lines.splice(i, 1);
      origin.splice(i, 1);
      return { lines, origin };
    }
    case 'extraCell': {
      const line = lines[i]!;
      if (line.includes('\t') && !line.startsWith('\t')) touch(i, `${line}\t${mut.text}`);
      else {
        lines.splice(i + 1, 0, `\t${mut.text}`);
        origin.splice(i + 1, 0, null);
      }
      return { lines, origin };
    }
    case 'garbage': {
      const line = lines[i]!;
      const p = charAt(line, pick(mut.pos, line.length + 1));
      // Garbage may contain line breaks: they split the line, and every piece is new.
      const pieces = (line.slice(0, p) + mut.text + line.slice(p)).split(/\r\n|\r|\n/);
      lines.splice(i, 1, ...pieces);
      origin.splice(i, 1, ...pieces.map(() => null));
      return { lines, origin };
    }
    case 'width': {
      // Normalization folds full-width forms, so the line keeps its meaning: origin is kept.
      const line = lines[i]!;
      lines[i] = mut.toFull ? toFullWidth(line) : toHalfWidth(line);
      return { lines, origin };
    }
    case 'hugeNumber': {
      const targets = digitLines(lines);
      if (!targets.length) return m;
      const k = targets[pick(mut.at, targets.length)]!;
      touch(k, lines[k]!.replace(/\d+/, mut.digits));
      return { lines, origin };
    }
    case 'negate': {
      const targets = digitLines(lines);
      if (!targets.length) return m;
      const k = targets[pick(mut.at, targets.length)]!;
      touch(k, lines[k]!.replace(/(\d+)/, '-$1'));
      return { lines, origin };
    }
    case 'oddity': {
      const line = lines[i]!;
      const p = charAt(line, pick(mut.pos, line.length + 1));
      touch(i, line.slice(0, p) + mut.char + line.slice(p));
      return { lines, origin };
    }
  }
}

export function applyAll(text: string, muts: readonly Mutation[]): Mutated {
  return muts.reduce(applyMutation, start(text));
}

/**
 * Join with the given endings, cycled. A lone \r directly followed by \n would read as one
 * \r\n break and drop the empty line between them, so that \n becomes \r\n.
 */
export function join(lines: readonly string[], endings: readonly string[] = ['\n']): string {
  let out = lines[0] ?? '';
  for (let k = 1; k < lines.length; k++) {
    let e = endings[(k - 1) % endings.length]!;
    if (out.endsWith('\r') && e === '\n') e = '\r\n';
    out += e + lines[k];
  }
  return out;
}
