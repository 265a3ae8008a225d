/**
 * Narrative figures: numbers a report states in prose ("全年主动公开政府信息24079条，其中政府
 * 网站公开4140条…"). Generic engine; the sentence patterns are data in ../catalogue/narrative.ts.
 *
 * A line is split into sentences (。!?, isSentenceEnd) and clauses (， , ； ;). Patterns run over every clause
 * in catalogue order; each figure (a position in the text) is read at most once, so an earlier
 * pattern wins over a later one. Each key is read at most once per sentence; a later sentence
 * repeating the same key with the same value (and unit, approx) is a duplicate and skipped.
 */
import type { Fact } from '../types.ts';
import { firstNonSpace, isBlank, isSentenceEnd, isTrimSpace } from '../layout/lines.ts';
import { memoize } from '../memo.ts';
import { FIGURE_DIGITS, parseNumber } from './numbers.ts';
import { APPROX_ENDINGS, APPROX_PREFIXES, MAGNITUDES, MORE_THAN } from '../catalogue/numerals.ts';
import {
  NARRATIVE_DERIVATIONS,
  NARRATIVE_DISQUALIFIERS,
  NARRATIVE_PATTERNS,
  NARROWING,
  type NarrativePattern,
  OF_WHICH,
  OTHER_PERIOD,
  PERIOD_OPENING,
} from '../catalogue/narrative.ts';

export interface ProseLine {
  /** Normalized text. */
  text: string;
  /** 1-based line number. */
  line: number;
  /** Raw text, same length as `text` (used for label/text provenance when given). */
  raw?: string;
}

interface Compiled {
  spec: NarrativePattern;
  /** The expanded pattern, `fig` named. */
  source: string;
  re: RegExp;
  /**
   * Number of the group holding the figure when it is the pattern's only group (then `re` has it
   * unnamed: a match carries no groups object); 0: read `groups.fig`.
   */
  figGroup: number;
  unless?: RegExp;
  followedBy?: RegExp;
  figure: boolean;
  /**
   * Literals the pattern cannot match without (see requiredLiterals), as character codes: sets
   * of literals, one of each set must occur. A cheap test before the regex.
   */
  needs: readonly (readonly Uint16Array[])[];
}

/**
 * A figure before its unit, in parseNumber's grammar (its digits, FIGURE_DIGITS, and the words of
 * ../catalogue/numerals.ts): only the approximate prefixes — a 共 / 达 total is the patterns' {SEP}.
 */
const FIGURE_CORE =
  `(?:${APPROX_PREFIXES.join('|')})?\\s*${FIGURE_DIGITS}\\s*(?:${MAGNITUDES.join('|')})?\\s*(?:${MORE_THAN.join('|')})?\\s*`;
/** What may follow a figure's unit: more-than or an approximate ending (1000条以上). */
const FIGURE_ENDING = `(?:${[...MORE_THAN, ...APPROX_ENDINGS].join('|')})?`;
const PLACEHOLDERS: Record<string, string> = {
  '{SEP}': '[为共计达有是:：\\s]*',
  '{GAP}': '[^\\d,，;；。]{0,30}?',
  '{PUB}': '(?<!不予|不|未|暂不|免予|无法)(?:公开|公布)',
  '{LEAD}': `\\s*(?:[①-⑳]|[(（]\\d+[)）]|\\d+[.．、])?\\s*(?:${OF_WHICH}\\s*[,，:：]?\\s*)?`,
};

function compile(spec: NarrativePattern): Compiled {
  let src = spec.pattern;
  for (const [ph, sub] of Object.entries(PLACEHOLDERS)) src = src.split(ph).join(sub);
  if (spec.kind === 'figure') {
    // Longer units first so 万元 wins over 元.
    const units = [...(spec.units ?? [])].sort((a, b) => b.length - a.length).join('|');
    src = src.split('{N}').join(`(?<fig>${FIGURE_CORE}(?:${units})${FIGURE_ENDING})`);
  }
  const onlyGroup = spec.kind === 'figure' && new RegExp(`${src}|`).exec('')!.length === 2;
  return {
    spec,
    source: src,
    re: new RegExp(onlyGroup ? src.replace('(?<fig>', '(') : src, 'g'),
    figGroup: onlyGroup ? 1 : 0,
    unless: spec.unless ? new RegExp(spec.unless) : undefined,
    followedBy: spec.followedBy ? new RegExp(spec.followedBy) : undefined,
    figure: spec.kind === 'figure',
    needs: requiredLiterals(src).map((set) => set.map((lit) => Uint16Array.from(lit, (ch) => ch.charCodeAt(0)))),
  };
}

/**
 * The literals a regex source cannot match without, as sets of which the text must hold at least
 * one member each ("主动{PUB}…{N}" needs 主动, one of 公开/公布 and one of the units). Derived from
 * the expanded catalogue pattern so the catalogue stays the only source. Only plain literals,
 * groups, alternations, classes, look-arounds, anchors and quantifiers are understood; anything
 * else gives no requirement at all, so a requirement is never one the pattern can do without.
 * (Patterns are compiled without the i and u flags: literals compare code unit for code unit.)
 */
export function requiredLiterals(src: string): string[][] {
  let i = 0;
  let understood = true;
  const isQuantifier = (): boolean => src[i] === '?' || src[i] === '*' || src[i] === '+' || (src[i] === '{' && /^\{\d+(?:,\d*)?\}/.test(src.slice(i)));
  /** Reads a quantifier (if any) and returns the least number of repetitions it allows. */
  const minRepeats = (): number => {
    if (!isQuantifier()) return 1;
    const q = src[i]!;
    let min = q === '+' ? 1 : 0;
    if (q === '{') {
      const close = src.indexOf('}', i);
      min = Number(src.slice(i + 1, close).split(',')[0]);
      i = close;
    }
    i++;
    if (src[i] === '?') i++; // lazy
    return min;
  };
  /** Branches until ')' or the end: what every branch needs, as one set (one member per branch). */
  const alternation = (): string[][] => {
    const branches = [sequence()];
    while (src[i] === '|') {
      i++;
      branches.push(sequence());
    }
    if (branches.length === 1) return branches[0]!;
    const any: string[] = [];
    for (const needs of branches) {
      if (needs.length === 0) return [];
      // The branch's most selective set: fewest members, then the longest shortest member.
      const best = needs.reduce((a, b) => (b.length < a.length || (b.length === a.length && shortest(b) > shortest(a)) ? b : a));
      for (const lit of best) if (!any.includes(lit)) any.push(lit);
    }
    return [any];
  };
  const sequence = (): string[][] => {
    const needs: string[][] = [];
    let run = '';
    const flush = (): void => {
      if (run) needs.push([run]);
      run = '';
    };
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const c = src[i]!;
      if (c === '(') {
        const lookaround = /^\(\?(?:[=!]|<[=!])/.test(src.slice(i, i + 4));
        const plain = src.startsWith('(?:', i);
        const named = !lookaround && !plain && /^\(\?<[A-Za-z_$][\w$]*>/.exec(src.slice(i));
        if (lookaround || plain) i += lookaround && src[i + 2] === '<' ? 4 : 3;
        else if (named) i += named[0].length;
        else i++; // capturing group
        const inner = alternation();
        if (src[i] !== ')') understood = false;
        i++;
        flush();
        const min = minRepeats();
        if (!lookaround && min >= 1) needs.push(...inner);
      } else if (c === '[') {
        i++;
        if (src[i] === '^') i++;
        if (src[i] === ']') i++;
        while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
        i++;
        flush();
        minRepeats();
      } else if (c === '^' || c === '$') {
        i++;
        flush();
      } else if (c === '\\' || c === '.' || isQuantifier() || c === '{' || c === '}' || c === ']') {
        // Escapes (\d, \s, a literal \. …) and the rest are not read as literals.
        if (c !== '\\' && c !== '.') understood = false;
        i += c === '\\' ? 2 : 1;
        flush();
        minRepeats();
      } else {
        i++;
        const min = minRepeats();
        const quantified = src[i - 1] !== c;
        if (min === 0) flush();
        else {
          run += c;
          if (quantified) flush();
        }
      }
    }
    flush();
    return needs;
  };
  const needs = alternation();
  return understood && i === src.length ? needs : [];
}

function shortest(set: readonly string[]): number {
  return Math.min(...set.map((s) => s.length));
}

const COMPILED: readonly Compiled[] = NARRATIVE_PATTERNS.map(compile);
/** parseNumber of a figure, memoised: figures ("0条", "12件") come back report after report. */
const figureValue = memoize(parseNumber);
const DERIVED = NARRATIVE_DERIVATIONS.map((d) => ({ ...d, re: new RegExp(d.then) }));
/** NARROWING in the units of every figure pattern (a narrowed figure must keep its figure's unit). */
const NARROWED = compile({
  key: '',
  kind: 'figure',
  pattern: NARROWING,
  units: [...new Set(NARRATIVE_PATTERNS.flatMap((p) => p.units ?? []))],
  notes: '',
});
const DISQUALIFY = new RegExp(NARRATIVE_DISQUALIFIERS);

/**
 * A set of UTF-16 code units as bits: 8 kB, which stay in cache where a table of 64k entries
 * would cost a cache miss for most characters looked up.
 */
function charSet(has: (c: number) => boolean): Uint32Array {
  const bits = new Uint32Array(0x10000 >>> 5);
  for (let c = 0; c < 0x10000; c++) if (has(c)) bits[c >>> 5]! |= 1 << (c & 31);
  return bits;
}

function inSet(set: Uint32Array, c: number): boolean {
  return ((set[c >>> 5]! >>> (c & 31)) & 1) !== 0;
}

/**
 * The first characters of what DISQUALIFY needs (see requiredLiterals): a label part holding
 * none of them cannot match it, and is not cut out to be tested. Undefined: no such requirement.
 */
const DISQUALIFY_STARTS = startsOf(NARRATIVE_DISQUALIFIERS);

/** Whether text[start, end) speaks of another period or a change (DISQUALIFY matches it). */
function disqualifies(text: string, start: number, end: number): boolean {
  return holds(DISQUALIFY, DISQUALIFY_STARTS, text, start, end);
}

/** Whether `re` matches text[start, end), tested only when a character of `starts` occurs there. */
function holds(re: RegExp, starts: Uint32Array | undefined, text: string, start: number, end: number): boolean {
  if (starts) {
    let i = start;
    while (i < end && !inSet(starts, text.charCodeAt(i))) i++;
    if (i === end) return false;
  }
  return re.test(text.slice(start, end));
}

const OTHER_PERIOD_RE = new RegExp(OTHER_PERIOD);
const OTHER_PERIOD_STARTS = startsOf(OTHER_PERIOD);
const OPENING = new RegExp(PERIOD_OPENING);
const OPENING_STARTS = charSet((c) => c === 0x32 || isTrimSpace(c) || '在于自从'.includes(String.fromCharCode(c)) || inSet(OTHER_PERIOD_STARTS!, c) || '本今全'.includes(String.fromCharCode(c)));

/** The first characters of what a pattern needs (requiredLiterals), as a set; undefined when it needs nothing. */
function startsOf(pattern: string): Uint32Array | undefined {
  const needs = requiredLiterals(pattern)[0];
  if (!needs) return undefined;
  const firsts = new Set(needs.map((lit) => lit.charCodeAt(0)));
  return charSet((c) => firsts.has(c));
}

/**
 * What the opening of clause text[start, end) says of the period of the figures after it
 * (PERIOD_OPENING): true, another period than the report year `year`; false, the report year;
 * undefined, nothing (no time word, or a year when the report year is unknown).
 */
function opensOtherPeriod(text: string, start: number, end: number, year: number | null): boolean | undefined {
  if (start >= end || !inSet(OPENING_STARTS, text.charCodeAt(start))) return undefined;
  const m = OPENING.exec(text.slice(start, Math.min(end, start + 16)));
  if (!m) return undefined;
  if (m[1] !== undefined) return year === null ? undefined : Number(m[1]) !== year;
  return m[2] !== undefined;
}

/*
 * Prefilters: most prose lines and clauses can yield no hit, and settling that with a pass over
 * their characters is far cheaper than running the patterns. All are derived from the compiled
 * patterns, so the catalogue stays the only source:
 * - A figure pattern's hit holds a figure: a digit, then only what FIGURE_CORE lets stand before
 *   the unit (digits , . spaces 万 亿 多 余), then the first character of one of its units.
 * - Any pattern's hit holds a member of each of its required sets (requiredLiterals), so one of
 *   the first characters of the members of its most selective set (fewest first characters): its
 *   anchors. A `none` pattern's hit holds one of its anchors.
 * - mayMeet, last: all characters of a member of every required set occur in the clause.
 */

/** Patterns never ruled out by their anchors: past the 31st, or requiring nothing. */
const UNANCHORED = COMPILED.map((c, i) => i >= 31 || c.needs.length === 0);
const ANY_UNANCHORED = UNANCHORED.includes(true);
/** Every `none` pattern has anchors: a text holding none of them cannot yield a `none` hit. */
const NONE_ANCHORED = COMPILED.every((c, i) => c.figure || !UNANCHORED[i]);

/**
 * What each character is to the prefilters, in one table (one read per character): the kind
 * bits below, and in the low byte the character's slot in ANCHOR_PATTERNS (0: anchors nothing).
 */
const CHAR_INFO = new Uint16Array(0x10000);
const DIGIT = 0x100;
/** May stand in a figure before its unit (FIGURE_CORE): digits , . spaces 万 亿 多 余. */
const IN_FIGURE = 0x200;
const UNIT_START = 0x400;
const NONE_ANCHOR = 0x800;
const SLOT = 0xff;
/** Bit i of ANCHOR_PATTERNS[slot]: the slot's character is an anchor of COMPILED[i]. */
const ANCHOR_PATTERNS = new Int32Array(SLOT + 1);
/** Bit 31 of markClause's result (patterns use bits 0–30). */
const HOLDS_FIGURE = 1 << 31;
let FIGURE_PATTERNS = 0;
let slots = 0;

for (let c = 0; c < 0x10000; c++) if (isTrimSpace(c)) CHAR_INFO[c] = IN_FIGURE;
for (const ch of '0123456789') CHAR_INFO[ch.charCodeAt(0)] = DIGIT | IN_FIGURE;
for (const ch of [',', '.', ...MAGNITUDES, ...MORE_THAN]) CHAR_INFO[ch.charCodeAt(0)] = IN_FIGURE;
COMPILED.forEach((c, i) => {
  if (c.figure) for (const unit of c.spec.units ?? []) CHAR_INFO[unit.charCodeAt(0)] |= UNIT_START;
  if (UNANCHORED[i]) return;
  if (c.figure) FIGURE_PATTERNS |= 1 << i;
  const starts = (set: readonly Uint16Array[]) => new Set(set.map((lit) => lit[0]!)).size;
  const best = c.needs.reduce((a, b) => (starts(b) < starts(a) ? b : a));
  for (const lit of best) {
    const ch = lit[0]!;
    let slot = CHAR_INFO[ch]! & SLOT;
    if (!slot) {
      if (slots === SLOT) throw new Error('narrative catalogue: more than 255 anchor characters');
      CHAR_INFO[ch] |= slot = ++slots;
    }
    ANCHOR_PATTERNS[slot] |= 1 << i;
    if (!c.figure) CHAR_INFO[ch] |= NONE_ANCHOR;
  }
});

/**
 * The characters CHAR_INFO says anything of, as a bit set: every prose line is scanned through
 * it, and the set stays in cache where CHAR_INFO (128 kB) would not.
 */
const NOTABLE = charSet((c) => CHAR_INFO[c] !== 0);

/**
 * Whether text[i] is the first digit of a run (within text[start, end)) and the number it starts
 * is followed by a unit: a figure. (A figure starting later in the run reaches the same unit.)
 */
function figureAt(text: string, i: number, start: number, end: number): boolean {
  if (!(CHAR_INFO[text.charCodeAt(i)]! & DIGIT) || (i > start && CHAR_INFO[text.charCodeAt(i - 1)]! & DIGIT)) return false;
  let k = i + 1;
  while (k < end && (CHAR_INFO[text.charCodeAt(k)]! & (IN_FIGURE | UNIT_START)) === IN_FIGURE) k++;
  return k < end && (CHAR_INFO[text.charCodeAt(k)]! & UNIT_START) !== 0;
}

const FIGURE_HIT = 1;
const NONE_HIT = 2;

/** The kinds of hit text[start, end) may hold (FIGURE_HIT, NONE_HIT bits; 0: none at all). */
function possibleHits(text: string, start: number, end: number): number {
  let found = NONE_ANCHORED ? 0 : NONE_HIT;
  for (let i = start; i < end && found !== (FIGURE_HIT | NONE_HIT); i++) {
    const c = text.charCodeAt(i);
    if (!inSet(NOTABLE, c)) continue; // most characters
    const info = CHAR_INFO[c]!;
    if (info & NONE_ANCHOR) found |= NONE_HIT;
    if (!(found & FIGURE_HIT) && figureAt(text, i, start, end)) found |= FIGURE_HIT;
  }
  return found;
}

/**
 * The characters of the clause being read: PRESENT[c] === presentMark when c occurs in it. A
 * literal not all of whose characters occur cannot occur — a test without the cost of a
 * substring search per literal (the pattern itself settles the rest).
 */
const PRESENT = new Uint8Array(0x10000);
let presentMark = 0;

/**
 * Marks the characters of the clause text[start, end) (see PRESENT) and returns the patterns it
 * may meet by their anchors, as bits (a figure pattern only when the clause holds a figure).
 */
function markClause(text: string, start: number, end: number): number {
  if (++presentMark === 0x100) {
    PRESENT.fill(0);
    presentMark = 1;
  }
  let bits = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    PRESENT[c] = presentMark;
    const info = CHAR_INFO[c]!;
    if (info === 0) continue; // most characters
    bits |= ANCHOR_PATTERNS[info & SLOT]!;
    if (!(bits & HOLDS_FIGURE) && figureAt(text, i, start, end)) bits |= HOLDS_FIGURE;
  }
  return bits & HOLDS_FIGURE ? bits : bits & ~FIGURE_PATTERNS;
}

/** False when the marked clause cannot hold a member of every set in `needs`. */
function mayMeet(needs: readonly (readonly Uint16Array[])[]): boolean {
  for (let s = 0; s < needs.length; s++) {
    const set = needs[s]!;
    let some = false;
    for (let l = 0; l < set.length && !some; l++) some = charactersPresent(set[l]!);
    if (!some) return false;
  }
  return true;
}

function charactersPresent(literal: Uint16Array): boolean {
  for (let i = 0; i < literal.length; i++) if (PRESENT[literal[i]!] !== presentMark) return false;
  return true;
}

/**
 * Patterns in one alternation (named groups made plain): a text it does not match cannot match
 * any single one of them, so one test spares running them all.
 */
function anyOf(compiled: readonly Compiled[]): RegExp {
  return new RegExp(compiled.map((c) => `(?:${c.source.replace(/\(\?<[A-Za-z_$][\w$]*>/g, '(?:')})`).join('|'));
}
const ANY_NONE_PATTERN = anyOf(COMPILED.filter((c) => c.spec.kind === 'none'));
/**
 * A line without a figure (see possibleHits) can only match `none` patterns, and a clause such a
 * pattern matches is a stretch of its line that ANY_NONE_PATTERN matches (the look-arounds never
 * name the punctuation clauses are cut at). Such a line it does not match is skipped unsplit.
 * Only when no `none` pattern is anchored (^, $): else no shortcut.
 */
const LINE_SHORTCUT = !COMPILED.some((c) => c.spec.kind === 'none' && /(?<!\[)\^|(?<!\\)\$/.test(c.source));

/** A sentence that starts with 其中 (OF_WHICH, after spaces), tested in place at the sentence start. */
function opensWithQizhong(text: string, start: number): boolean {
  let i = start;
  while (i < text.length && isTrimSpace(text.charCodeAt(i))) i++; // \s is the set trim() removes
  return text.startsWith(OF_WHICH, i);
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i); // NaN outside the text
  return c >= 0x30 && c <= 0x39;
}

/** ，；; always; a half-width comma unless it is a thousands separator (digit before, exactly three after). */
function isClauseBreak(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0xff0c || c === 0xff1b || c === 0x3b) return true;
  if (c !== 0x2c) return false;
  const thousands = isDigitAt(text, i - 1) && isDigitAt(text, i + 1) && isDigitAt(text, i + 2) && isDigitAt(text, i + 3) && !isDigitAt(text, i + 4);
  return !thousands;
}

/*
 * Sentences and clauses are walked in place, as [start, end) offsets into the line: a sentence
 * runs from `from` to the next terminator (excluded), a clause to the next clause break; empty
 * and blank ones are skipped. No span objects or arrays per line.
 */

/** Where the sentence starting at `from` ends: its terminator, or the end of the line. */
function sentenceEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isSentenceEnd(text.charCodeAt(i))) return i;
  return text.length;
}

/** Where the clause starting at `from` ends: its break, or the sentence's `end`. */
function clauseEnd(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (isClauseBreak(text, i)) return i;
  return end;
}

/**
 * The year ("2019年", "2019 年") the 年 at k closes, not reaching before `start`, or -1: 20dd
 * right before it, spaces between — what /(20\d\d)\s*年/g finds, read without a slice.
 */
function yearAt(text: string, k: number, start: number): number {
  let j = k;
  while (j > start && isTrimSpace(text.charCodeAt(j - 1))) j--; // \s is the set trim() removes
  if (j - 4 < start || text.charCodeAt(j - 4) !== 0x32 || text.charCodeAt(j - 3) !== 0x30) return -1;
  if (!isDigitAt(text, j - 2) || !isDigitAt(text, j - 1)) return -1;
  return 2000 + (text.charCodeAt(j - 2) - 0x30) * 10 + (text.charCodeAt(j - 1) - 0x30);
}

/** The latest year text[start, end) names, if any. */
function latestYearIn(text: string, start: number, end: number): number | undefined {
  let latest: number | undefined;
  for (let k = text.indexOf('年', start); k >= 0 && k < end; k = text.indexOf('年', k + 1)) {
    const y = yearAt(text, k, start);
    if (y >= 0 && (latest === undefined || y > latest)) latest = y;
  }
  return latest;
}

/**
 * The latest year a sentence names when it names an earlier one too; otherwise undefined, as no
 * clause of it can be about an earlier year (most sentences name one year or none).
 */
function latestOfSeveralYears(text: string, start: number, end: number): number | undefined {
  let latest = -1;
  let earliest = -1;
  for (let k = text.indexOf('年', start); k >= 0 && k < end; k = text.indexOf('年', k + 1)) {
    const y = yearAt(text, k, start);
    if (y < 0) continue;
    if (latest < 0 || y > latest) latest = y;
    if (earliest < 0 || y < earliest) earliest = y;
  }
  return earliest < latest ? latest : undefined;
}

/** Subject prefix for an `after` pattern: the first prefix the latest key belongs to. */
function subjectOf(latest: string | undefined, prefixes: readonly string[]): string | undefined {
  if (!latest) return undefined;
  return prefixes.find((p) => latest === p || latest.startsWith(p + '.'));
}

interface Hit {
  metric: string;
  value: number;
  unit: string | null;
  approx: boolean;
  /** Absolute span [offset, figureEnd) of the text recorded in `text`. */
  offset: number;
  figureEnd: number;
  /** Absolute span of the clause, or the list item (between 、) inside it, the value came from. */
  labelStart: number;
  labelEnd: number;
  derived?: boolean;
}

/** One final fact row of report `reportId` (source narrative, how sentence). */
function factRow(reportId: string, h: Hit, label: string, text: string, line: number): Fact {
  return {
    report_id: reportId,
    metric: h.metric,
    applicant: null,
    value: h.value,
    unit: h.unit,
    source: 'narrative',
    approx: h.approx,
    how: 'sentence',
    label,
    text,
    line,
  };
}

/**
 * Up to this many facts, a later fact's duplicate is looked for by a scan of the facts read so
 * far (a report states a handful); past it, through an index by metric.
 */
const SCAN_LIMIT = 32;

/**
 * Reads the narrative facts of a report's prose lines and appends them to `out` (after what it
 * holds, e.g. the report's table facts) as final rows of report `reportId`: source narrative,
 * how sentence. A figure that repeats a fact this call appended (same metric, value, unit
 * and approx) is skipped; the facts `out` held before are not compared with.
 */
export function appendNarrativeFacts(prose: ReadonlyArray<ProseLine>, reportId: string, out: Fact[], year: number | null = null): void {
  const from = out.length;
  // Facts read so far by metric, once there are many: a later one with the same value, unit and
  // approx is a duplicate.
  let byMetric: Map<string, Fact[]> | undefined;
  // Per-sentence bookkeeping, emptied for each sentence rather than made anew: a few entries
  // each, which a scan of a short array finds sooner than a hashed look-up.
  const keysInSentence: string[] = [];
  const claimed: number[] = [];
  const hits: Hit[] = [];
  const found: Hit[] = [];
  for (const pl of prose) {
    const text = pl.text;
    // A line no clause of which can yield a hit is skipped unsplit: most prose lines.
    const possible = possibleHits(text, 0, text.length);
    if (!possible) continue;
    if (LINE_SHORTCUT && !(possible & FIGURE_HIT) && !ANY_NONE_PATTERN.test(text)) continue;
    const raw = pl.raw !== undefined && pl.raw.length === text.length ? pl.raw : text;
    let subject: string | undefined; // latest key, carried into a sentence that starts with 其中
    for (let start = 0, end = 0; start <= text.length; start = end + 1) {
      end = sentenceEnd(text, start);
      if (isBlank(text, start, end)) continue;
      if (!opensWithQizhong(text, start)) subject = undefined;
      keysInSentence.length = 0;
      claimed.length = 0;
      hits.length = 0;
      readSentence(text, start, end, subject, year, keysInSentence, claimed, found, hits);
      for (const h of hits) if (!h.derived) subject = h.metric;
      for (const h of hits) {
        if (byMetric ? hasSameFigure(byMetric.get(h.metric), h) : scanForSameFigure(out, from, h)) continue;
        const fact = factRow(reportId, h, raw.slice(h.labelStart, h.labelEnd).trim(), raw.slice(h.offset, h.figureEnd).trim(), pl.line);
        out.push(fact);
        if (byMetric) addByMetric(byMetric, fact);
        else if (out.length - from > SCAN_LIMIT) byMetric = indexByMetric(out, from);
      }
    }
  }
}

/** Whether a fact of out[from…] has the metric of `h` and the same figure. */
function scanForSameFigure(out: readonly Fact[], from: number, h: Hit): boolean {
  for (let i = from; i < out.length; i++) {
    const f = out[i]!;
    if (f.metric === h.metric && sameFigure(f, h)) return true;
  }
  return false;
}

function indexByMetric(out: readonly Fact[], from: number): Map<string, Fact[]> {
  const index = new Map<string, Fact[]>();
  for (let i = from; i < out.length; i++) addByMetric(index, out[i]!);
  return index;
}

function addByMetric(index: Map<string, Fact[]>, fact: Fact): void {
  const same = index.get(fact.metric);
  if (same) same.push(fact);
  else index.set(fact.metric, [fact]);
}

/** Whether one of `facts` has the same value (NaN too), unit and approx as `h`. */
function hasSameFigure(facts: readonly Fact[] | undefined, h: Hit): boolean {
  if (facts) for (const f of facts) if (sameFigure(f, h)) return true;
  return false;
}

function sameFigure(f: Fact, h: Hit): boolean {
  return (f.value === h.value || Object.is(f.value, h.value)) && f.unit === h.unit && f.approx === h.approx;
}

/**
 * Appends to `out` the hits of the sentence text[sentStart, sentEnd), clause by clause. `found`
 * is scratch space (a clause's hits), emptied here.
 */
function readSentence(
  text: string, sentStart: number, sentEnd: number, inherited: string | undefined, year: number | null,
  keys: string[], claimed: number[], found: Hit[], out: Hit[],
): void {
  let latest = inherited;
  // "2018年…8件，2019年…12件": a clause about an earlier year than the sentence's latest is last year's figure.
  const latestYear = latestOfSeveralYears(text, sentStart, sentEnd);
  // Whether the clauses so far are dated out of the report year ("去年，…", "2018年，…").
  let elsewhere = false;
  for (let start = sentStart, end = sentStart; start <= sentEnd; start = end + 1) {
    end = clauseEnd(text, start, sentEnd);
    if (isBlank(text, start, end)) continue;
    elsewhere = opensOtherPeriod(text, firstNonSpace(text, start, end), end, year) ?? elsewhere;
    if (elsewhere) continue;
    if (latestYear !== undefined) {
      const clauseYear = latestYearIn(text, start, end);
      if (clauseYear !== undefined && clauseYear < latestYear) continue;
    }
    const candidates = markClause(text, start, end);
    if (!candidates && !ANY_UNANCHORED) continue;
    // A clause without a figure can only match the few `none` patterns.
    const figures = (candidates & HOLDS_FIGURE) !== 0;
    const clauseText = text.slice(start, end);
    let next: string | undefined; // the next clause, for `followedBy`
    found.length = 0;
    for (let i = 0; i < COMPILED.length; i++) {
      if (!(candidates & (1 << i)) && !UNANCHORED[i]) continue;
      const c = COMPILED[i]!;
      if (c.figure && !figures) continue;
      if (!mayMeet(c.needs)) continue;
      let metric = c.spec.key;
      if (c.spec.after) {
        const subj = subjectOf(latest, c.spec.after);
        if (!subj) continue;
        metric = metric.replace('{subject}', subj);
      }
      if (keys.includes(metric)) continue;
      if (c.unless?.test(clauseText)) continue;
      if (c.followedBy && !c.followedBy.test((next ??= nextClause(text, end, sentEnd)))) continue;
      const hit = matchClause(c, clauseText, start, claimed, metric);
      if (!hit) continue;
      keys.push(metric);
      insertByOffset(found, hit);
    }
    for (const h of found) {
      narrow(text, end, sentEnd, h, claimed);
      out.push(h);
      latest = h.metric;
      derive(text, sentEnd, h, keys, out);
    }
  }
  found.length = 0;
}

/** Inserts `hit` after the hits of `found` (in text order) that do not come after it. */
function insertByOffset(found: Hit[], hit: Hit): void {
  let i = found.length;
  while (i > 0 && found[i - 1]!.offset > hit.offset) i--;
  if (i === found.length) found.push(hit);
  else found.splice(i, 0, hit);
}

/** The clause after the one ending at `end` (its break) in a sentence ending at `sentEnd`, or ''. */
function nextClause(text: string, end: number, sentEnd: number): string {
  const start = nextClauseStart(text, end, sentEnd);
  return start < 0 ? '' : text.slice(start, clauseEnd(text, start, sentEnd));
}

/** Where the clause after the one ending at `end` starts, or -1. */
function nextClauseStart(text: string, end: number, sentEnd: number): number {
  for (let start = end + 1, to = start; start <= sentEnd; start = to + 1) {
    to = clauseEnd(text, start, sentEnd);
    if (!isBlank(text, start, to)) return start;
  }
  return -1;
}

/**
 * When the clause after hit `h`'s (which ends at `end`) narrows its figure (NARROWING: "…3件，
 * 其中涉及政府信息公开的1件"), the hit takes the narrowed figure, in the same unit, and its label
 * runs on to the narrowing clause's end.
 */
function narrow(text: string, end: number, sentEnd: number, h: Hit, claimed: number[]): void {
  if (h.labelEnd < end || text.indexOf(OF_WHICH, end) < 0) return;
  const start = nextClauseStart(text, end, sentEnd);
  if (start < 0) return;
  const to = clauseEnd(text, start, sentEnd);
  const clause = text.slice(start, to);
  NARROWED.re.lastIndex = 0;
  const m = NARROWED.re.exec(clause);
  if (!m) return;
  const fig = NARROWED.figGroup ? m[NARROWED.figGroup] : m.groups?.fig;
  if (fig === undefined) return;
  const parsed = figureValue(fig);
  if (!parsed || parsed.value === null || parsed.unit !== h.unit) return;
  const abs = start + m.index + m[0].length - fig.length;
  claimed.push(abs);
  h.value = parsed.value;
  h.approx = parsed.approx;
  h.offset = abs;
  h.figureEnd = abs + fig.length;
  h.labelEnd = to;
}

/** The first match of `c` in the clause starting at `clStart` whose figure is not read yet. */
function matchClause(c: Compiled, clauseText: string, clStart: number, claimed: number[], metric: string): Hit | undefined {
  c.re.lastIndex = 0;
  for (let m = c.re.exec(clauseText); m; m = c.re.exec(clauseText)) {
    if (m[0].length === 0) {
      c.re.lastIndex++;
      continue;
    }
    const start = clStart + m.index;
    // Before the label: a word dating the clause to another period ("我局去年…").
    if (holds(OTHER_PERIOD_RE, OTHER_PERIOD_STARTS, clauseText, 0, m.index)) continue;
    if (c.spec.kind === 'none') {
      return {
        metric,
        value: 0,
        unit: c.spec.zeroUnit ?? null,
        approx: false,
        offset: start,
        figureEnd: start + m[0].length,
        labelStart: clStart,
        labelEnd: clStart + clauseText.length,
      };
    }
    const fig = c.figGroup ? m[c.figGroup] : m.groups?.fig;
    if (fig === undefined) continue;
    // The figure usually closes the match: then no search for it.
    const figAt = m.index + (m[0].endsWith(fig) ? m[0].length - fig.length : m[0].lastIndexOf(fig));
    const abs = clStart + figAt;
    // The label part (before the figure) must not speak of another period or a change.
    if (disqualifies(clauseText, m.index, figAt)) continue;
    if (claimed.includes(abs)) continue;
    const parsed = figureValue(fig);
    if (!parsed || parsed.value === null) continue;
    claimed.push(abs);
    return {
      metric,
      value: parsed.value,
      unit: parsed.unit,
      approx: parsed.approx,
      offset: abs,
      figureEnd: abs + fig.length,
      labelStart: clStart + itemStart(clauseText, m.index),
      labelEnd: clStart + itemEnd(clauseText, figAt + fig.length),
    };
  }
  return undefined;
}

/**
 * The list item a figure belongs to: "政府网站公开4140条" out of "其中政府公报公开28条、政府网站
 * 公开4140条、…". Items are cut at 、 — but only around the matched pattern, so a 、 inside
 * the label ("信息公示栏、LED显示屏等公开…") stays. Its start and end within the clause:
 */
function itemStart(clauseText: string, matchAt: number): number {
  const before = clauseText.lastIndexOf('、', matchAt - 1);
  return before >= 0 && matchAt > 0 ? before + 1 : 0;
}

function itemEnd(clauseText: string, figEnd: number): number {
  const after = clauseText.indexOf('、', figEnd);
  return after >= 0 ? after : clauseText.length;
}

/** Adds to `out` the facts derived from `h` (see NARRATIVE_DERIVATIONS). */
function derive(text: string, sentEnd: number, h: Hit, keys: string[], out: Hit[]): void {
  if (h.derived) return;
  let rest: string | undefined;
  for (const d of DERIVED) {
    if (d.from !== h.metric || keys.includes(d.key) || !d.re.test((rest ??= text.slice(h.figureEnd, sentEnd)))) continue;
    keys.push(d.key);
    out.push({ ...h, metric: d.key, derived: true });
  }
}
