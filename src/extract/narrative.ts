/**
 * Narrative figures: numbers a report states in prose ("全年主动公开政府信息24079条，其中政府
 * 网站公开4140条…"). Generic engine; the sentence patterns are data in ../catalogue/narrative.ts.
 *
 * A line is split into sentences (。！？) and clauses (， , ； ;). Patterns run over every clause
 * in catalogue order; each figure (a position in the text) is read at most once, so an earlier
 * pattern wins over a later one. Each key is read at most once per sentence; a later sentence
 * repeating the same key with the same value (and unit, approx) is a duplicate and skipped.
 */
import type { Fact } from '../types.ts';
import { isTrimSpace } from '../layout/lines.ts';
import { parseNumber } from './numbers.ts';
import {
  NARRATIVE_DERIVATIONS,
  NARRATIVE_DISQUALIFIERS,
  NARRATIVE_PATTERNS,
  type NarrativePattern,
} from '../catalogue/narrative.ts';

export type NarrativeFact = Omit<Fact, 'report_id' | 'applicant' | 'source' | 'how'>;

export interface ProseLine {
  /** Normalized text. */
  text: string;
  /** 1-based line number. */
  line: number;
  /** Raw text, same length as `text` (used for label/text provenance when given). */
  raw?: string;
}

interface Span {
  start: number;
  end: number;
}

interface Compiled {
  spec: NarrativePattern;
  re: RegExp;
  unless?: RegExp;
  followedBy?: RegExp;
}

const FIGURE_CORE =
  '(?:约|近|超过|超|逾)?\\s*\\d+(?:,\\d{3})*(?:\\.\\d+)?\\s*(?:万|亿)?\\s*(?:多|余)?\\s*';
const PLACEHOLDERS: Record<string, string> = {
  '{SEP}': '[为共计达有是:：\\s]*',
  '{GAP}': '[^\\d,，;；。]{0,30}?',
  '{PUB}': '(?<!不予|不|未|暂不|免予|无法)(?:公开|公布)',
  '{LEAD}': '\\s*(?:[①-⑳]|[(（]\\d+[)）]|\\d+[.．、])?\\s*(?:其中\\s*[,，:：]?\\s*)?',
};

function compile(spec: NarrativePattern): Compiled {
  let src = spec.pattern;
  for (const [ph, sub] of Object.entries(PLACEHOLDERS)) src = src.split(ph).join(sub);
  if (spec.kind === 'figure') {
    // Longer units first so 万元 wins over 元.
    const units = [...(spec.units ?? [])].sort((a, b) => b.length - a.length).join('|');
    src = src.split('{N}').join(`(?<fig>${FIGURE_CORE}(?:${units})(?:多|余|左右|以上)?)`);
  }
  return {
    spec,
    re: new RegExp(src, 'g'),
    unless: spec.unless ? new RegExp(spec.unless) : undefined,
    followedBy: spec.followedBy ? new RegExp(spec.followedBy) : undefined,
  };
}

const COMPILED: readonly Compiled[] = NARRATIVE_PATTERNS.map(compile);
const DERIVED = NARRATIVE_DERIVATIONS.map((d) => ({ ...d, re: new RegExp(d.then) }));
const DISQUALIFY = new RegExp(NARRATIVE_DISQUALIFIERS);
/**
 * Every pattern in one alternation (named groups made plain): a clause it does not match
 * cannot match any single pattern, so one test spares running them all.
 */
function anyOf(compiled: readonly Compiled[]): RegExp {
  return new RegExp(compiled.map((c) => `(?:${c.re.source.replace(/\(\?<[A-Za-z_$][\w$]*>/g, '(?:')})`).join('|'));
}
const ANY_PATTERN = anyOf(COMPILED);
const ANY_NONE_PATTERN = anyOf(COMPILED.filter((c) => c.spec.kind === 'none'));
/**
 * A line without a digit can only match `none` patterns, and a clause such a pattern matches is
 * a stretch of its line that ANY_NONE_PATTERN matches (the look-arounds never name the
 * punctuation clauses are cut at). A digitless line it does not match is skipped unsplit — most
 * prose lines. Only when no `none` pattern is anchored (^, $): else no shortcut.
 */
const LINE_SHORTCUT = !COMPILED.some((c) => c.spec.kind === 'none' && /(?<!\[)\^|(?<!\\)\$/.test(c.re.source));

const DIGIT = /\d/;
const YEAR = /(20\d\d)\s*年/g;
/** A sentence that starts with 其中 (after spaces), tested in place at the sentence start. */
const OPENS_WITH_QIZHONG = /\s*其中/y;

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i); // NaN outside the text
  return c >= 0x30 && c <= 0x39;
}

/** 。！？!? */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f;
}

/** ，；; always; a half-width comma unless it is a thousands separator (digit before, exactly three after). */
function isClauseBreak(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0xff0c || c === 0xff1b || c === 0x3b) return true;
  if (c !== 0x2c) return false;
  const thousands = isDigitAt(text, i - 1) && isDigitAt(text, i + 1) && isDigitAt(text, i + 2) && isDigitAt(text, i + 3) && !isDigitAt(text, i + 4);
  return !thousands;
}

/** Sentence spans of a line (the terminator is excluded). */
function sentences(text: string): Span[] {
  const out: Span[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSentenceEnd(text.charCodeAt(i))) continue;
    pushSpan(out, text, from, i);
    from = i + 1;
  }
  pushSpan(out, text, from, text.length);
  return out;
}

/** Clause spans inside a sentence. A comma between digits with three digits after is a thousands separator. */
function clauses(text: string, s: Span): Span[] {
  const out: Span[] = [];
  let from = s.start;
  for (let i = s.start; i < s.end; i++) {
    if (!isClauseBreak(text, i)) continue;
    pushSpan(out, text, from, i);
    from = i + 1;
  }
  pushSpan(out, text, from, s.end);
  return out;
}

/** Adds text[start, end) unless it is empty or blank. */
function pushSpan(out: Span[], text: string, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    if (!isTrimSpace(text.charCodeAt(i))) {
      out.push({ start, end });
      return;
    }
  }
}

/** The latest year ("2019年") a text names, if any. */
function latestYearIn(text: string): number | undefined {
  if (!text.includes('年')) return undefined;
  let latest: number | undefined;
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
    const y = Number(m[1]);
    if (latest === undefined || y > latest) latest = y;
  }
  return latest;
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
  offset: number;
  figureEnd: number;
  /** Absolute span of the text recorded in `text`. */
  textSpan: Span;
  /** The clause, or the list item (between 、) inside it, the value came from. */
  label: Span;
  derived?: boolean;
}

/** Read the narrative facts of a report's prose lines. */
export function extractNarrative(prose: ReadonlyArray<ProseLine>): NarrativeFact[] {
  const facts: NarrativeFact[] = [];
  const seen = new Set<string>();
  // Per-sentence bookkeeping, cleared for each sentence rather than made anew.
  const keysInSentence = new Set<string>();
  const claimed = new Set<number>();
  for (const pl of prose) {
    const text = pl.text;
    if (LINE_SHORTCUT && !DIGIT.test(text) && !ANY_NONE_PATTERN.test(text)) continue;
    const raw = pl.raw !== undefined && pl.raw.length === text.length ? pl.raw : text;
    let subject: string | undefined; // latest key, carried into a sentence that starts with 其中
    for (const sent of sentences(text)) {
      OPENS_WITH_QIZHONG.lastIndex = sent.start;
      if (!OPENS_WITH_QIZHONG.test(text)) subject = undefined;
      // clear() allocates a fresh table even when empty: only when something is in it.
      if (keysInSentence.size) keysInSentence.clear();
      if (claimed.size) claimed.clear();
      const hits = readSentence(text, sent, subject, keysInSentence, claimed);
      for (const h of hits) if (!h.derived) subject = h.metric;
      for (const h of hits) {
        const dedupe = `${h.metric}|${h.value}|${h.unit}|${h.approx}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        facts.push({
          metric: h.metric,
          value: h.value,
          unit: h.unit,
          approx: h.approx,
          label: raw.slice(h.label.start, h.label.end).trim(),
          text: raw.slice(h.textSpan.start, h.textSpan.end).trim(),
          line: pl.line,
        });
      }
    }
  }
  return facts;
}

function readSentence(text: string, sent: Span, inherited: string | undefined, keys: Set<string>, claimed: Set<number>): Hit[] {
  const out: Hit[] = [];
  let latest = inherited;
  const cls = clauses(text, sent);
  // "2018年…8件，2019年…12件": a clause about an earlier year than the sentence's latest is last year's figure.
  const latestYear = latestYearIn(text.slice(sent.start, sent.end));
  for (let ci = 0; ci < cls.length; ci++) {
    const cl = cls[ci]!;
    const clauseText = text.slice(cl.start, cl.end);
    if (latestYear !== undefined) {
      const clauseYear = latestYearIn(clauseText);
      if (clauseYear !== undefined && clauseYear < latestYear) continue;
    }
    // A figure needs a digit: digitless clauses can only match the few `none` patterns.
    const hasDigit = DIGIT.test(clauseText);
    if (!(hasDigit ? ANY_PATTERN : ANY_NONE_PATTERN).test(clauseText)) continue;
    const following = cls[ci + 1];
    const next = following ? text.slice(following.start, following.end) : '';
    const found: Hit[] = [];
    for (const c of COMPILED) {
      if (c.spec.kind === 'figure' && !hasDigit) continue;
      let metric = c.spec.key;
      if (c.spec.after) {
        const subj = subjectOf(latest, c.spec.after);
        if (!subj) continue;
        metric = metric.replace('{subject}', subj);
      }
      if (keys.has(metric)) continue;
      if (c.unless?.test(clauseText)) continue;
      if (c.followedBy && !c.followedBy.test(next)) continue;
      const hit = matchClause(c, clauseText, cl, claimed, metric);
      if (!hit) continue;
      keys.add(metric);
      found.push(hit);
    }
    found.sort((a, b) => a.offset - b.offset);
    for (const h of found) {
      out.push(h);
      latest = h.metric;
      out.push(...derive(text, sent, h, keys));
    }
  }
  return out;
}

function matchClause(c: Compiled, clauseText: string, cl: Span, claimed: Set<number>, metric: string): Hit | undefined {
  c.re.lastIndex = 0;
  for (let m = c.re.exec(clauseText); m; m = c.re.exec(clauseText)) {
    if (m[0].length === 0) {
      c.re.lastIndex++;
      continue;
    }
    const start = cl.start + m.index;
    if (c.spec.kind === 'none') {
      return {
        metric,
        value: 0,
        unit: c.spec.zeroUnit ?? null,
        approx: false,
        offset: start,
        figureEnd: start + m[0].length,
        textSpan: { start, end: start + m[0].length },
        label: cl,
      };
    }
    const fig = m.groups?.fig;
    if (fig === undefined) continue;
    const figAt = m.index + m[0].lastIndexOf(fig);
    const abs = cl.start + figAt;
    // The label part (before the figure) must not speak of another period or a change.
    if (DISQUALIFY.test(clauseText.slice(m.index, figAt))) continue;
    if (claimed.has(abs)) continue;
    const parsed = parseNumber(fig);
    if (!parsed || parsed.value === null) continue;
    claimed.add(abs);
    return {
      metric,
      value: parsed.value,
      unit: parsed.unit,
      approx: parsed.approx,
      offset: abs,
      figureEnd: abs + fig.length,
      textSpan: { start: abs, end: abs + fig.length },
      label: listItem(clauseText, cl, m.index, figAt + fig.length),
    };
  }
  return undefined;
}

/**
 * The list item a figure belongs to: "政府网站公开4140条" out of "其中政府公报公开28条、政府网站
 * 公开4140条、…". Items are cut at 、 — but only around the matched pattern, so a 、 inside
 * the label ("信息公示栏、LED显示屏等公开…") stays.
 */
function listItem(clauseText: string, cl: Span, matchAt: number, figEnd: number): Span {
  const before = clauseText.lastIndexOf('、', matchAt - 1);
  const after = clauseText.indexOf('、', figEnd);
  return {
    start: cl.start + (before >= 0 && matchAt > 0 ? before + 1 : 0),
    end: cl.start + (after >= 0 ? after : clauseText.length),
  };
}

function derive(text: string, sent: Span, h: Hit, keys: Set<string>): Hit[] {
  const out: Hit[] = [];
  if (h.derived) return out;
  const rest = text.slice(h.figureEnd, sent.end);
  for (const d of DERIVED) {
    if (d.from !== h.metric || keys.has(d.key) || !d.re.test(rest)) continue;
    keys.add(d.key);
    out.push({ ...h, metric: d.key, derived: true });
  }
  return out;
}
