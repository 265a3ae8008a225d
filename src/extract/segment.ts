/**
 * Glued table cells: a crawler that flattens an HTML table to text often drops the cell
 * boundaries, so a row of a request matrix becomes one digit run ("640020470" is
 * 64|0|0|2|0|4|70). This module splits such runs back into cells using nothing but the table's
 * own identities as constraints, and reports every split that satisfies them:
 *
 * - exactly one consistent split → the caller uses it (facts get how = 'segmented');
 * - several → the caller emits `ambiguous_cells` listing them and keeps the values null;
 * - none → the caller emits a finding; no value is invented.
 *
 * Pure functions, no I/O. Digits inside a cell never start with 0 unless the cell is exactly
 * "0". Spaces inside a run are ignored (removed): a stray space may or may not be a cell
 * boundary, so treating it as one could exclude the true split; removing it only ever adds
 * candidates (more ambiguity, never a wrong number). A run whose whitespace-separated tokens
 * are exactly as many as the cells wanted is not glued at all — see `tokensOf`.
 */

import { escapeRegExp } from './regexp.ts';

/** Longest run we try to split (digits); longer runs are reported as unsplittable. */
export const MAX_RUN_DIGITS = 40;
/** Most candidates kept per run; a run with more is reported as too ambiguous. */
export const MAX_CANDIDATES = 200;
/** Most search steps per run (a guard, reached only by absurd inputs). */
const MAX_STEPS = 2_000_000;
/** Most joint assignments tried when rows are resolved together by column identities. */
export const MAX_JOINT = 200_000;

export type Cells = number[];

export interface SplitResult {
  /** Every consistent split (at most MAX_CANDIDATES). */
  candidates: Cells[];
  /** False when the search stopped early (too many candidates or steps): treat as ambiguous. */
  complete: boolean;
}

/** Whitespace-separated tokens of a value text when every token is a plain digit string. */
export function tokensOf(text: string): string[] | undefined {
  // A sign only ever starts a value ("196+41": 196 then +41), so it separates tokens too.
  const tokens = text.trim().replace(/(?<=\d)(?=[+-]\d)/g, ' ').split(/\s+/).filter((t) => t !== '');
  return tokens.length && tokens.every((t) => /^[+-]?\d+$/.test(t)) ? tokens : undefined;
}

/** The digits of a run with its stray spaces removed, or undefined when it is not a digit run. */
export function digitsOf(text: string): string | undefined {
  const d = text.replace(/\s+/g, '');
  return /^\d+$/.test(d) ? d : undefined;
}

/** All splits of `digits` into `count` cells that pass `options.accept`. */
export interface SplitOptions {
  /** Called on complete splits; only accepted ones are candidates. */
  accept?: (cells: Cells) => boolean;
  /** Prunes partial splits early (called with the cells chosen so far). */
  prefixOk?: (cells: Cells) => boolean;
  /**
   * Offsets in `digits` where a cut must fall: the boundaries between cells the layout did
   * separate ("64" and "0020470" in two cells are never rejoined into one number).
   */
  cuts?: readonly number[];
  /**
   * The last cell is the sum of the others (a matrix row's 总计): prunes every prefix whose
   * sum no suffix of the digits can still reach — the search stays small on 30-digit rows.
   */
  lastIsSum?: boolean;
}

export function splitRun(digits: string, count: number, options: SplitOptions = {}): SplitResult {
  const accept = options.accept ?? (() => true);
  const prefixOk = options.prefixOk ?? (() => true);
  const cuts = [...(options.cuts ?? [])].filter((c) => c > 0 && c < digits.length).sort((a, b) => a - b);
  const nextCut = (at: number) => cuts.find((c) => c > at) ?? digits.length;
  const candidates: Cells[] = [];
  if (count < 1 || digits.length < count || digits.length > MAX_RUN_DIGITS || !/^\d+$/.test(digits)) {
    return { candidates, complete: digits.length <= MAX_RUN_DIGITS };
  }
  let steps = 0;
  let complete = true;
  const cells: Cells = [];
  // Values of the digits' suffixes (the candidate totals), NaN where a suffix starts with 0.
  const suffix = Array.from({ length: digits.length + 1 }, (_, l) => (l === 0 || (l > 1 && digits[digits.length - l] === '0') ? NaN : Number(digits.slice(-l))));
  /** Some total T (a suffix) can still equal the prefix sum plus the cells left between. */
  const sumReachable = (at: number): boolean => {
    const rem = count - 1 - cells.length;
    if (rem < 0) return true;
    let sum = 0;
    for (const c of cells) sum += c;
    const rest = digits.length - at;
    for (let l = 1; l <= rest - rem; l++) {
      const t = suffix[l]!;
      if (!(t >= sum)) continue;
      const mid = rest - l;
      if (rem === 0) {
        if (mid === 0 && t === sum) return true;
      } else if (rem === 1) {
        // The one cell left is exactly the digits between: check it rather than bound it.
        if ((mid === 1 || digits[at] !== '0') && Number(digits.slice(at, at + mid)) === t - sum) return true;
      } else {
        // rem cells from mid digits: one of them has ≥ ⌈mid/rem⌉ digits (and no leading 0),
        // none more than mid − rem + 1.
        const need = t - sum;
        const longest = Math.ceil(mid / rem);
        if (need <= rem * (10 ** (mid - rem + 1) - 1) && (longest < 2 || need >= 10 ** (longest - 1))) return true;
      }
    }
    return false;
  };
  const walk = (at: number): void => {
    if (!complete) return;
    if (++steps > MAX_STEPS) {
      complete = false;
      return;
    }
    const left = count - cells.length;
    if (left === 1) {
      const rest = digits.slice(at);
      if ((rest.length > 1 && rest[0] === '0') || nextCut(at) < digits.length) return;
      cells.push(Number(rest));
      if (accept(cells)) {
        if (candidates.length >= MAX_CANDIDATES) complete = false;
        else candidates.push(cells.slice());
      }
      cells.pop();
      return;
    }
    // Leave at least one digit for each remaining cell.
    const maxLen = Math.min(digits.length - at - (left - 1), nextCut(at) - at);
    const lens = digits[at] === '0' ? [1] : Array.from({ length: Math.max(0, maxLen) }, (_, i) => i + 1);
    for (const len of lens) {
      cells.push(Number(digits.slice(at, at + len)));
      if (prefixOk(cells) && (!options.lastIsSum || sumReachable(at + len))) walk(at + len);
      cells.pop();
    }
  };
  walk(0);
  return { candidates, complete };
}

// --- Row-level constraints -------------------------------------------------------------------

/** 2019/2021 request matrix: the last cell (总计) = the sum of the others (the six applicants). */
export function rowTotalHolds(cells: Cells): boolean {
  let sum = 0;
  for (let i = 0; i < cells.length - 1; i++) sum += cells[i]!;
  return sum === cells[cells.length - 1];
}

/** Prune: the applicant cells so far may not exceed what the remaining digits can hold. */
export function rowTotalPrefix(digitsLength: number, count: number) {
  return (cells: Cells): boolean => {
    if (cells.length >= count) return true;
    // The total needs at least as many digits as the largest applicant cell.
    const used = cells.reduce((n, c) => n + String(c).length, 0);
    const biggest = Math.max(...cells);
    const leftForTotal = digitsLength - used - (count - 1 - cells.length);
    return leftForTotal >= String(biggest).length;
  };
}

/** Appeals row: in each block of `size` cells (维持, 纠正, 其他, 尚未审结, 总计) total = Σ parts. */
export function blocksHold(size: number) {
  return (cells: Cells): boolean => {
    for (let b = 0; b + size <= cells.length; b += size) {
      if (!rowTotalHolds(cells.slice(b, b + size))) return false;
    }
    return true;
  };
}

/** Prune for `blocksHold`: check each block as soon as it is complete. */
export function blocksPrefix(size: number) {
  return (cells: Cells): boolean => cells.length % size !== 0 || rowTotalHolds(cells.slice(cells.length - size));
}

/** Pre-2019 two-column tables: this year's figure ≤ the cumulative one. */
export function yearWithinCumulative(yearIndex: number, cumulativeIndex: number) {
  return (cells: Cells): boolean => cells[yearIndex]! <= cells[cumulativeIndex]!;
}

/** "64|0|0|2|0|4|70", the way findings list candidate splits. */
export function formatSplit(cells: Cells): string {
  return cells.join('|');
}

/** Candidate list for a finding message: "64|0|0|2|0|4|70 or 6|40|…" (at most `max`). */
export function formatCandidates(candidates: Cells[], max = 6): string {
  const shown = candidates.slice(0, max).map(formatSplit).join(' or ');
  return candidates.length > max ? `${shown} or ${candidates.length - max} more` : shown;
}

// --- Joint resolution by column identities ------------------------------------------------

/** Value lookup during joint resolution: a row's cells, or undefined when the row is absent. */
export type Lookup = (row: string) => ReadonlyArray<number | null> | undefined;

/**
 * A constraint across rows (a column identity). `rows` names the rows it reads; `holds`
 * returns true/false, or undefined when it cannot be evaluated (a row is absent or a cell is
 * blank) — an unevaluable constraint constrains nothing.
 */
export interface Constraint {
  id: string;
  rows: readonly string[];
  holds: (get: Lookup) => boolean | undefined;
}

export interface JointResult {
  /** For every ambiguous row, the candidates that occur in at least one consistent assignment. */
  surviving: Map<string, Cells[]>;
  /** False when the joint search was too large and was not run (nothing was narrowed). */
  searched: boolean;
}

/**
 * Narrow the candidates of ambiguous rows with constraints across rows. `known` holds rows
 * whose cells are settled (read from separate cells or split uniquely). Only constraints that
 * touch at least one ambiguous row matter. Returns, per ambiguous row, the candidates that take
 * part in some assignment satisfying every evaluable constraint; when no assignment is
 * consistent, every row keeps an empty list (the identities are broken or a cell was misread).
 */
export function resolveJointly(
  ambiguous: ReadonlyMap<string, Cells[]>,
  known: ReadonlyMap<string, ReadonlyArray<number | null>>,
  constraints: readonly Constraint[],
): JointResult {
  const ids = [...ambiguous.keys()];
  const relevant = constraints.filter((c) => c.rows.some((r) => ambiguous.has(r)));
  let size = 1;
  for (const id of ids) size *= Math.max(1, ambiguous.get(id)!.length);
  if (size > MAX_JOINT || !relevant.length) {
    return { surviving: new Map(ids.map((id) => [id, ambiguous.get(id)!])), searched: false };
  }
  const chosen = new Map<string, Cells>();
  const get: Lookup = (row) => chosen.get(row) ?? known.get(row);
  // Check a constraint as soon as the last ambiguous row it reads is assigned.
  const lastIndex = (c: Constraint) => Math.max(...c.rows.map((r) => ids.indexOf(r)));
  const checksAt = ids.map((_, i) => relevant.filter((c) => lastIndex(c) === i));
  const used = new Map(ids.map((id) => [id, new Set<number>()]));
  const picks: number[] = [];
  const walk = (i: number): void => {
    if (i === ids.length) {
      picks.forEach((p, k) => used.get(ids[k]!)!.add(p));
      return;
    }
    const id = ids[i]!;
    ambiguous.get(id)!.forEach((cells, p) => {
      chosen.set(id, cells);
      if (checksAt[i]!.every((c) => c.holds(get) !== false)) {
        picks.push(p);
        walk(i + 1);
        picks.pop();
      }
      chosen.delete(id);
    });
  };
  walk(0);
  const surviving = new Map(ids.map((id) => [id, ambiguous.get(id)!.filter((_, p) => used.get(id)!.has(p))]));
  return { surviving, searched: true };
}

/**
 * Column identity `total = Σ parts` in every column; a part may be an alternative (the
 * aggregate row when present, else its sub-rows). Unevaluable when the total row or a needed
 * part is absent or blank in that column.
 */
export function columnSum(
  id: string,
  total: string,
  parts: ReadonlyArray<string | { either: string; or: readonly string[] }>,
  columns: number,
): Constraint {
  const rows = [total, ...parts.flatMap((p) => (typeof p === 'string' ? [p] : [p.either, ...p.or]))];
  return {
    id,
    rows,
    holds: (get) => {
      const t = get(total);
      if (!t) return undefined;
      for (let c = 0; c < columns; c++) {
        const tv = t[c];
        if (tv == null) continue;
        let sum = 0;
        let ok = true;
        for (const p of parts) {
          const v = partValue(get, p, c);
          if (v === undefined) ok = false;
          else sum += v;
        }
        if (ok && sum !== tv) return false;
      }
      return true;
    },
  };
}

function partValue(get: Lookup, p: string | { either: string; or: readonly string[] }, c: number): number | undefined {
  if (typeof p === 'string') {
    const v = get(p)?.[c];
    return v == null ? undefined : v;
  }
  const agg = get(p.either)?.[c];
  if (agg != null) return agg;
  let sum = 0;
  for (const k of p.or) {
    const v = get(k)?.[c];
    if (v == null) return undefined;
    sum += v;
  }
  return sum;
}

/** Column identity Σ left = Σ right in every column (新收 + 上年结转 = 办理结果总计 + 结转下年度). */
export function columnBalance(id: string, left: readonly string[], right: readonly string[], columns: number): Constraint {
  return {
    id,
    rows: [...left, ...right],
    holds: (get) => {
      for (let c = 0; c < columns; c++) {
        const side = (keys: readonly string[]) => {
          let s = 0;
          for (const k of keys) {
            const v = get(k)?.[c];
            if (v == null) return undefined;
            s += v;
          }
          return s;
        };
        const l = side(left);
        const r = side(right);
        if (l !== undefined && r !== undefined && l !== r) return false;
      }
      return true;
    },
  };
}

/** Column inequality part ≤ total in every column. */
export function columnAtMost(id: string, part: string, total: string, columns: number): Constraint {
  return {
    id,
    rows: [part, total],
    holds: (get) => {
      const p = get(part);
      const t = get(total);
      if (!p || !t) return undefined;
      for (let c = 0; c < columns; c++) {
        const pv = p[c];
        const tv = t[c];
        if (pv != null && tv != null && pv > tv) return false;
      }
      return true;
    },
  };
}

// --- From layout cells to runs ---------------------------------------------------------------

export type Recovered =
  /** The cells were only separated by spaces: one token per cell, nothing to decide. */
  | { kind: 'tokens'; tokens: Array<{ cell: number; text: string }> }
  /** A glued run (the separate cells' boundaries kept as forced cuts) and its splits. */
  | { kind: 'split'; digits: string; result: SplitResult };

/**
 * Recover `count` cells from a row's value cell texts that are fewer or more than `count`.
 * Leading and trailing blank cells are dropped (merged cells leave them); a blank between
 * values, or a cell that is not a digit run, makes the row unrecoverable (undefined): its
 * place cannot be known.
 */
export function recoverCells(texts: readonly string[], count: number, options: Omit<SplitOptions, 'cuts'> = {}): Recovered | undefined {
  let from = 0;
  let to = texts.length;
  while (from < to && texts[from]!.trim() === '') from++;
  while (to > from && texts[to - 1]!.trim() === '') to--;
  if (from === to) return undefined;
  const tokens: Array<{ cell: number; text: string }> = [];
  let digits = '';
  const cuts: number[] = [];
  for (let i = from; i < to; i++) {
    const t = tokensOf(texts[i]!);
    if (!t) return undefined;
    for (const text of t) tokens.push({ cell: i, text });
    if (digits) cuts.push(digits.length);
    digits += t.join('');
  }
  if (tokens.length === count) return { kind: 'tokens', tokens };
  // Signed values (本年增/减) are never split: a wrong cut would change the sign's number.
  if (tokens.some((t) => !/^\d+$/.test(t.text))) return undefined;
  return { kind: 'split', digits, result: splitRun(digits, count, { ...options, cuts }) };
}

// --- Runs with separators (第二十条 rows) -------------------------------------------------------

/** A stretch of a run between separators: a sign starts a cell, a unit ends one. */
export interface RunStretch {
  sign: string;
  digits: string;
  unit: string;
}

/**
 * The stretches of a value run cut at its separators ("196+4134757" → 196 | +4134757;
 * "129宗16671万元" → 129宗 | 16671万元), spaces ignored; undefined when the text is not such a run.
 */
export function stretchesOf(text: string, units: readonly string[]): RunStretch[] | undefined {
  const bare = /\s/.test(text) ? text.replace(/\s+/g, '') : text;
  // A run starts with a sign or a digit: anything else (every label) is rejected at once.
  if (!RUN_START.test(bare)) return undefined;
  const piece = stretchPattern(units);
  const out: RunStretch[] = [];
  let at = 0;
  while (at < bare.length) {
    piece.lastIndex = at;
    const m = piece.exec(bare);
    if (!m) return undefined;
    const [, sign, digits, unit] = m;
    // Digits right after digits (no sign, no unit between) are the same stretch.
    const prev = out[out.length - 1];
    if (prev && !prev.unit && !sign && !prev.digits.includes('.') && !digits!.includes('.')) {
      prev.digits += digits!;
      prev.unit = unit ?? '';
    } else out.push({ sign: sign!, digits: digits!, unit: unit ?? '' });
    at = piece.lastIndex;
  }
  return out.length ? out : undefined;
}

const RUN_START = /^[+-]?\d/;

/** The sticky stretch pattern of a unit list, compiled once per list (callers pass catalogue constants). */
const stretchPatterns = new WeakMap<readonly string[], RegExp>();
function stretchPattern(units: readonly string[]): RegExp {
  let piece = stretchPatterns.get(units);
  if (!piece) {
    const unitAlt = [...units].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    piece = new RegExp(`([+-]?)(\\d+(?:\\.\\d+)?)(${unitAlt || '(?!)'})?`, 'uy');
    stretchPatterns.set(units, piece);
  }
  return piece;
}

/** A cell of a separated split: its text ("+41", "129宗", "0"), or null for a blank cell. */
export type TextCells = Array<string | null>;

export interface SeparatedSplit {
  candidates: TextCells[];
  complete: boolean;
}

/**
 * Every way to read a separated run as `count` cells: each stretch gives one or more cells
 * (its sign on the first, its unit on the last; no cell starts with 0 unless it is 0; a number
 * with a decimal point is never cut). With `blanks`, cells may also be blank anywhere — a
 * flattened row loses its blank cells, so "112" may be 1|1|2 but also 1|12|∅ or 112|∅|∅; "000"
 * is only 0|0|0.
 */
export function splitSeparated(stretches: readonly RunStretch[], count: number, blanks: boolean): SeparatedSplit {
  const candidates: TextCells[] = [];
  let complete = true;
  const seen = new Set<string>();
  const add = (cells: TextCells) => {
    const k = cells.map((c) => c ?? '∅').join('|');
    if (seen.has(k)) return;
    if (candidates.length >= MAX_CANDIDATES) {
      complete = false;
      return;
    }
    seen.add(k);
    candidates.push(cells);
  };
  /** Ways to cut stretches[i..] into exactly `n` filled cells. */
  const fill = (i: number, n: number, acc: string[]): void => {
    if (!complete) return;
    if (i === stretches.length) {
      if (n === 0) place(acc);
      return;
    }
    const s = stretches[i]!;
    const rest = stretches.length - i - 1;
    const most = s.digits.includes('.') ? 1 : Math.min(s.digits.length, n - rest);
    for (let k = 1; k <= most; k++) {
      const parts = k === 1 ? (s.digits.length > 1 && s.digits[0] === '0' ? [] : [[s.digits]]) : splitRun(s.digits, k).candidates.map((c) => c.map(String));
      for (const p of parts) {
        const cells = p.map((d, j) => `${j === 0 ? s.sign : ''}${d}${j === p.length - 1 ? s.unit : ''}`);
        fill(i + 1, n - k, [...acc, ...cells]);
      }
    }
  };
  /** Spread `filled` cells over `count` columns in order, blanks elsewhere. */
  const place = (filled: string[]): void => {
    const walk = (col: number, next: number, acc: TextCells): void => {
      if (!complete) return;
      if (col === count) {
        if (next === filled.length) add(acc.slice());
        return;
      }
      if (filled.length - next < count - col) {
        acc.push(null);
        walk(col + 1, next, acc);
        acc.pop();
      }
      if (next < filled.length) {
        acc.push(filled[next]!);
        walk(col + 1, next + 1, acc);
        acc.pop();
      }
    };
    walk(0, 0, []);
  };
  const least = blanks ? Math.max(1, stretches.length) : count;
  for (let n = count; n >= least; n--) fill(0, n, []);
  return { candidates, complete };
}

/** Candidate list for a finding message, blanks as ∅ ("15|14|32 or 1|514|32 …"). */
export function formatTextCandidates(candidates: readonly TextCells[], max = 6): string {
  const shown = candidates.slice(0, max).map((c) => c.map((x) => x ?? '∅').join('|')).join(' or ');
  return candidates.length > max ? `${shown} or ${candidates.length - max} more` : shown;
}
