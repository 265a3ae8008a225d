/**
 * Flattened tables: a crawler that turns an HTML table into text may drop every cell boundary,
 * leaving rows as "label + digit run" ("一、本年新收政府信息公开申请数量640020470"), several rows
 * on one line, the next row's list number stuck to the last value ("…70000072.没有现成…"), or
 * a whole appeals row as one digit string. This module cuts such text back into label cells
 * and one value cell per row; splitting the digit run into cells is the extract stage's job
 * (src/extract/segment.ts), which knows the table's identities.
 *
 * Only lines without a sentence end (。!?) are read as flattened rows; a page flattened onto one
 * line together with its prose stays prose (its table is then not read — see README).
 */
import { TEMPLATE_MARKERS } from '../catalogue/metrics2019.ts';
import {
  BOUND_AFTER_DIGITS,
  BOUND_BEFORE_DIGITS,
  FIGURE_UNITS,
  MAGNITUDES,
  MORE_THAN,
} from '../catalogue/numerals.ts';
import { UNITS } from '../catalogue/units.ts';
import type { Cell, Row } from '../types.ts';
import { firstNonSpace, hasCjk, hasSentenceEnd, isBlank, isSentenceEnd, lastNonSpace } from './lines.ts';

/**
 * Punctuation right after a digit run that makes it part of a phrase, not a cell: a decimal or
 * thousands mark, a sentence or list mark, a closing bracket, a range or date mark ("2018-3",
 * "1/2", "1~3").
 */
const PUNCTUATION_AFTER_DIGITS = ['.', ',', '，', '。', '、', ';', '；', ':', '：', ')', '）', '〕', ']', '-', '/', '~', '～', '—'];

/** A regex character class holding exactly the characters of `words` (each taken once). */
function charClass(words: Iterable<string>): string {
  const chars = new Set<string>();
  for (const w of words) for (const ch of w) chars.add(ch);
  return `[${[...chars].map((ch) => (/[\\\]\[^-]/.test(ch) ? `\\${ch}` : ch)).join('')}]`;
}

/**
 * Characters after a digit run that make it part of a phrase (a unit, a date, a measure), not a
 * cell: any character of a unit, magnitude or "more than" word, of the other words that bind
 * digits (../catalogue/numerals.ts), or punctuation. Sticky: tested at an index of the line, no
 * copy of the rest. Exported for its test.
 */
export const NOT_A_CELL_AFTER = new RegExp(
  charClass([
    ...FIGURE_UNITS, // every unit of UNITS too
    ...MAGNITUDES,
    ...MORE_THAN,
    ...Object.values(BOUND_AFTER_DIGITS).flat(),
    ...PUNCTUATION_AFTER_DIGITS,
  ]),
  'uy',
);
/**
 * Words before a digit run that make it part of a phrase ("第2", "计1", "约3", "超过3", "1-3"): the
 * binding words and figure prefixes (../catalogue/numerals.ts) and a range dash. Exported for its test.
 */
export const NOT_A_CELL_BEFORE = new RegExp(
  `(?:${[...BOUND_BEFORE_DIGITS, '-'].join('|')})$`,
  'u',
);
/**
 * A list number starting the next label: "2." "2、" right after the last value (sticky, as above),
 * also before a space (PDF copies write "条62. 政府网站…": 6, then "2. 政府网站").
 */
const STUCK_NUMBER = /[.．、][ \u3000]*(?=[\u3400-\u9fff(（])/uy;

/** Where a label is cut into cells: before (一) / 一、 / 1. numbering inside a glued label. */
const NUMBERING_CUT = /(?=[(（][一二三四五六七八九十]{1,3}[)）])|(?<![一二三四五六七八九十])(?=[一二三四五六七八九十]{1,3}、)|(?<!\d)(?=\d{1,2}[.．](?!\d))/gu;

/** Header words of a glued 2008 header line ("统计指标单位本年度历年累计"). */
const HEADER_WORDS = /统计指标|指标名称|计量单位|单位|统计数|本年度?数?|本期数?|历年累计数?|累计数?|\d{4}年度?/gu;
/** Column words of a glued 第二十条 header line ("信息内容本年新制作数量本年新公开数量对外公开总数量"). */
const ART20_HEADER_WORDS =
  /信息内容|本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/?减|本年处理决定数量|处理决定数量|采购项目数量|采购总金额(?:\(单位:万元\))?|本年收费金额(?:\(单位:万元\))?|本年制发件数|本年废止件数|现行有效件数/gu;

/** Units, longest first (人次 before 人). */
const UNIT_ALT = [...UNITS].sort((a, b) => b.length - a.length).join('|');
/**
 * Labels that end with a glued unit cell: "主动公开政府信息数条" → label + 条; a note in
 * brackets may stand between ("…数（不同渠道和方式公开相同信息计1条）条").
 */
const LABEL_THEN_UNIT = new RegExp(`^(.*(?:数|数量|总数|费用|经费|人员|次数|期数|份数|[)）]))\\s*(${UNIT_ALT})\\s*$`, 'u');
/**
 * Values that carry their units, glued ("129宗16671万元"): the units separate the cells. At
 * least two values, so a phrase like "受理12件" is never a row.
 */
const UNIT_VALUES = new RegExp(`^(?:[+-]?\\d+(?:\\.\\d+)?\\s*(?:${UNIT_ALT})\\s*)+(?:[+-]?\\d+(?:\\.\\d+)?\\s*)?$`, 'u');

/** True when `tail` (the rest of a line) is a run of values with units, at least two of them. */
export function isUnitValues(tail: string): boolean {
  return UNIT_VALUES.test(tail) && (tail.match(/\d+(?:\.\d+)?/g) ?? []).length >= 2;
}

export interface GluedPiece {
  /** Offsets in the line: label text [labelStart, runStart), value run [runStart, runEnd). */
  labelStart: number;
  runStart: number;
  runEnd: number;
}

// Digits, with stray spaces inside and signed changes glued on ("196+4134757": 本年增/减 +41).
const RUN = /(?<![\d+-])[+-]?\d+(?:\.\d+)?(?:(?:[ ]+|(?=[+-]\d))[+-]?\d+(?:\.\d+)?)*/gu;

/**
 * The row pieces of a line: each digit run that stands where a cell value stands (followed by
 * the line end, the next label's numbering, or a label) with the label text before it.
 * Returns [] when the line has no such run. Label text after the last run is a trailing piece
 * with runStart = runEnd = line length.
 */
export function gluedPieces(line: string): GluedPiece[] {
  const pieces: GluedPiece[] = [];
  let labelStart = 0;
  // Values with units run to the line end, so the line ends with a digit or a unit; most lines
  // with a digit ("2014年…报告") do not: no copy of the tail for the regex then.
  const mayEndInValues = endsWithValueOrUnit(line);
  // exec over the shared global regex, not matchAll (which clones the regex on every call).
  RUN.lastIndex = 0;
  for (let m = RUN.exec(line); m; m = RUN.exec(line)) {
    const start = m.index;
    let end = start + m[0].length;
    // PDF dumps space out words ("计 1 次", "2018 年 3 月"): look past spaces.
    const before = line.slice(labelStart, start).trimEnd();
    if (NOT_A_CELL_BEFORE.test(before)) continue;
    const tail = mayEndInValues ? line.slice(start).trimEnd() : '';
    if (mayEndInValues && isUnitValues(tail) && (before === '' || /[\u3400-\u9fff)）]$/u.test(before))) {
      // Values with their units glued on ("129宗16671万元") are one value run to the line end;
      // the extract stage cuts it at the units.
      pieces.push({ labelStart, runStart: start, runEnd: start + tail.length });
      labelStart = line.length;
      break;
    }
    if (testAt(STUCK_NUMBER, line, end)) {
      // The last digit is the next row's list number ("…7000007" + "2.没有现成…"); spaced out
      // ("条 6 2. 政府网站…"), the run is what stands before it.
      end -= 1;
      while (end > start && line[end - 1] === ' ') end--;
      if (end <= start) continue;
    } else if (testAt(NOT_A_CELL_AFTER, line, firstNonSpace(line, end))) continue;
    // A run inside a label ("第2项") has label text on both sides but no CJK label before it.
    if (before !== '' && !/[\u3400-\u9fff)）\]”’"」』]$/u.test(before)) continue;
    pieces.push({ labelStart, runStart: start, runEnd: end });
    labelStart = end;
  }
  if (pieces.length && labelStart < line.length && !isBlank(line, labelStart)) {
    pieces.push({ labelStart, runStart: line.length, runEnd: line.length });
  }
  return pieces;
}

/**
 * True when a line reads as flattened table rows: a value run and no sentence end — or a row
 * whose value cell was blank, a label ending with its unit ("…会议数次"), so a blank row at the
 * edge of a table still belongs to it (the clean table gives it a null fact).
 */
export function isGluedRowLine(line: string): boolean {
  const chars = rowLineChars(line);
  if (chars === 'never') return false;
  // Without a digit there is no value run: only a label ending with its unit can be a row.
  if (chars === 'no_digit') return endsWithUnitChar(line) && LABEL_THEN_UNIT.test(line.trim());
  const pieces = gluedPieces(line);
  if (pieces.some((p) => p.runEnd > p.runStart)) return true;
  return !pieces.length && endsWithUnitChar(line) && !/\d{3,}/.test(line) && LABEL_THEN_UNIT.test(line.trim());
}

/**
 * One scan of a line (most are short headings), instead of a search for a tab, one for a
 * sentence end (isSentenceEnd) and one for an ASCII digit: 'never' for a tab or a sentence end.
 */
function rowLineChars(line: string): 'never' | 'digit' | 'no_digit' {
  // Most prose lines end with their sentence: settled without a scan.
  if (isSentenceEnd(line.charCodeAt(lastNonSpace(line)))) return 'never';
  let digit = false;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === 0x09 || isSentenceEnd(c)) return 'never';
    if (c >= 0x30 && c <= 0x39) digit = true;
  }
  return digit ? 'digit' : 'no_digit';
}
/** Last characters of the units: a line ending otherwise cannot end with a unit cell. */
const UNIT_LAST_CHARS = new Set(UNITS.map((u) => u.charCodeAt(u.length - 1)));

/** A sticky regex matches at index `at` of the line (no copy of the rest; false at the end). */
function testAt(re: RegExp, line: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(line);
}


/** The line (trimmed) ends with an ASCII digit or the last character of a unit. */
function endsWithValueOrUnit(line: string): boolean {
  const k = lastNonSpace(line);
  if (k < 0) return false;
  const c = line.charCodeAt(k);
  return (c >= 0x30 && c <= 0x39) || UNIT_LAST_CHARS.has(c);
}

/** The last character before trailing whitespace ends a unit. */
function endsWithUnitChar(line: string): boolean {
  const k = lastNonSpace(line);
  return k >= 0 && UNIT_LAST_CHARS.has(line.charCodeAt(k));
}

/** A short line without digits or sentence end: a header or group row of a flattened table. */
export function isGluedHeaderLine(line: string): boolean {
  const t = line.trim();
  return t !== '' && t.length <= 120 && !line.includes('\t') && !hasSentenceEnd(t) && !/\d{3,}/.test(t);
}

/** True when the text carries any template marker (a statistics table, not a list in prose). */
export function hasTemplateMarker(text: string): boolean {
  const bare = text.replace(/\s+/g, '');
  return Object.values(TEMPLATE_MARKERS).some((ms) => (ms as readonly string[]).some((m) => bare.includes(m)));
}

function cell(lines: readonly string[], raw: readonly string[], i: number, start: number, end: number): Cell {
  const text = lines[i]!.slice(start, end);
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  return {
    text: text.trim(),
    raw: (raw[i] ?? '').slice(start + lead, end - trail),
    line: i + 1,
  };
}

/** Label text [start, end) of line i as cells: cut at numbering, a glued unit split off, header words split. */
export function labelCells(lines: readonly string[], raw: readonly string[], i: number, start: number, end: number): Cell[] {
  const text = lines[i]!.slice(start, end);
  if (text.trim() === '') return [];
  const bare = text.replace(/\s+/g, '');
  // A glued header line of a 2008 table: split it into its column words when they cover it.
  const header = /^(统计指标|指标名称)/u.test(bare) ? HEADER_WORDS : /^信息内容/u.test(bare) ? ART20_HEADER_WORDS : undefined;
  if (header) {
    const words = [...text.matchAll(header)];
    if (words.map((w) => w[0]).join('') === bare) return words.map((w) => cell(lines, raw, i, start + w.index!, start + w.index! + w[0].length));
  }
  const cuts = [0, ...[...text.matchAll(NUMBERING_CUT)].map((m) => m.index!).filter((x) => x > 0), text.length];
  const out: Cell[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    if (cuts[k] === cuts[k + 1]) continue;
    const c = cell(lines, raw, i, start + cuts[k]!, start + cuts[k + 1]!);
    if (c.text !== '') out.push(c);
  }
  const last = out[out.length - 1];
  const unit = last ? LABEL_THEN_UNIT.exec(last.text) : null;
  if (last && unit) {
    const rawAt = last.raw.length - unit[2]!.length;
    out[out.length - 1] = { ...last, text: unit[1]!.trim(), raw: last.raw.slice(0, rawAt).trim() };
    out.push({ text: unit[2]!, raw: last.raw.slice(rawAt), line: last.line });
  }
  return out;
}

/** Rows of one flattened line: label cells followed by the value run, per piece. */
export function gluedRows(lines: readonly string[], raw: readonly string[], i: number): Row[] {
  const line = lines[i]!;
  const pieces = gluedPieces(line);
  if (!pieces.length) {
    const cells = labelCells(lines, raw, i, 0, line.length);
    return cells.length ? [{ cells, line: i + 1 }] : [];
  }
  const rows: Row[] = [];
  for (const p of pieces) {
    const cells = labelCells(lines, raw, i, p.labelStart, p.runStart);
    if (p.runEnd > p.runStart) cells.push(cell(lines, raw, i, p.runStart, p.runEnd));
    if (cells.length) rows.push({ cells, line: i + 1 });
  }
  return rows;
}

/** The last character is an ASCII digit (most value cells; then the CJK test decides). */
function endsWithDigit(text: string): boolean {
  const c = text.charCodeAt(text.length - 1); // NaN for ''
  return c >= 0x30 && c <= 0x39;
}
/** Cheap test before splitGluedCell: only a cell ending in a digit and holding CJK text can split. */
export function mayBeGluedCell(text: string): boolean {
  return endsWithDigit(text) && hasCjk(text);
}

/**
 * A cell of a regular table that holds a label with its value glued on
 * ("一、本年新收政府信息公开申请数量640020470") → label cells and the value cell. Other cells are
 * returned unchanged.
 */
export function splitGluedCell(c: Cell): Cell[] {
  if (!mayBeGluedCell(c.text)) return [c];
  const pieces = gluedPieces(c.text);
  if (pieces.length !== 1 || pieces[0]!.runEnd !== c.text.length || pieces[0]!.runStart === 0) return [c];
  // Raw and text of a cell have the same length (normalization is length-preserving).
  const lines = [c.text];
  const raw = [c.raw.length === c.text.length ? c.raw : c.text];
  const p = pieces[0]!;
  const out = [...labelCells(lines, raw, 0, 0, p.runStart), cell(lines, raw, 0, p.runStart, p.runEnd)];
  return out.map((x) => ({ ...x, line: c.line }));
}
