/**
 * Extract facts from a 2008-era statistics table (统计指标 | 单位 | 统计数 [| 累计]).
 */
import { IDENTITY_RULES } from '../catalogue/identities.ts';
import { interned } from '../interned.ts';
import { hasCjk } from '../layout/lines.ts';
import { isLabelCell } from '../layout/pipe-cells.ts';
import { HEADERS_2008, METRICS_2008, RELATIVE_2008 } from '../catalogue/metrics2008.ts';
import { EXPECTED_UNITS, NO_UNIT, UNITS, VALUE_COLUMN_HEADERS } from '../catalogue/units.ts';
import type { Cell, Fact, Row, TableBlock } from '../types.ts';
import { cellValue, flatten, knownRows, type LocalFinding, type SettledRow, type Slot, type TableFact, tableFact, unparsedFinding, withoutReportId } from './cells.ts';
import { findEntry, labelCore, matchesAny } from './labels.ts';
import {
  type Cells,
  type Constraint,
  columnAtMost,
  columnSum,
  formatCandidates,
  recoverCells,
  resolveJointly,
  yearWithinCumulative,
} from './segment.ts';
import { memoize } from '../memo.ts';

/** Facts (final rows when the extractor was given a report id) and findings, in table order. */
export interface TableExtraction<F extends TableFact = TableFact> {
  facts: F[];
  findings: LocalFinding[];
}

interface Columns {
  /** Index among the row's non-label cells (after the unit) of the year's own value. */
  valueIndex: number;
  /** Header text of the chosen column, when a header told us. */
  chosen?: string;
  /** Number of value columns the header announced (1 without a header). */
  count: number;
  /** Index of a cumulative column among the value columns, when there is one. */
  cumulativeIndex?: number;
}

export interface Extract2008Options {
  /** The last statistics table runs to the end of the document (no closing prose after it). */
  endsDocument?: boolean;
  /** The report the facts belong to: given (processDoc), facts are final rows, report_id first. */
  reportId?: string;
  /** The report year: of columns headed with years (2016年 | 2017年), its own is taken. */
  year?: number | null;
}

/** A row whose glued value pair splits several ways: settled by the column identities later. */
interface Pending {
  metric: string;
  fact: Fact;
  candidates: Cells[];
  valueIndex: number;
  slot: number;
}

/** A header row (and the row below it, when it names the value columns), with the report year. */
interface Header {
  row: Row;
  /** The second row of a two-row header (统计数 spanning 历年累计 | 本年度). */
  sub?: Row;
  year?: number | null;
}

/** Column roles from the header; a cumulative column (累计) is never the year's figure. */
function readHeader({ row, sub, year }: Header): Columns & { note?: LocalFinding } {
  const values = valueHeaders(row, sub);
  if (values.length <= 1) return { valueIndex: 0, count: 1 };
  const { index, unmatched } = yearColumn(values, year ?? null);
  const cum = values.findIndex(isCumulative);
  const chosen = values[index]!;
  const others = values.filter((_, i) => i !== index).map((v) => `"${v}"`).join(', ');
  const note: LocalFinding = {
    severity: unmatched ? 'warning' : 'info',
    code: 'column_choice',
    message: unmatched
      ? `${year ? `no value column is headed with the report year ${year}` : 'the report year is unknown'}; took "${chosen}", the latest of the dated columns, and ignored ${others}: these may not be the year's figures`
      : `table has several value columns; took "${chosen}" as the year's figures and ignored ${others}`,
    metric: null,
    line: row.line,
  };
  return { valueIndex: index, chosen, count: values.length, ...(cum >= 0 && cum !== index ? { cumulativeIndex: cum } : {}), note };
}

const isCumulative = (core: string): boolean => matchesAny(core, VALUE_COLUMN_HEADERS.cumulative);
const DATED = new RegExp(VALUE_COLUMN_HEADERS.dated);

/**
 * The year's own column among the value headers: the one dated with the report year; else an
 * undated year header (本年度, 本期, 统计数); else, among dated ones, the latest (`unmatched`: no
 * header says it is the report year's); else the first column that is not cumulative.
 */
function yearColumn(values: readonly string[], year: number | null): { index: number; unmatched: boolean } {
  const dated = values.map((v) => (isCumulative(v) ? undefined : DATED.exec(v)?.[1])).map((y) => (y ? Number(y) : undefined));
  const own = year === null ? -1 : dated.indexOf(year);
  if (own >= 0) return { index: own, unmatched: false };
  const undated = values.findIndex((v, i) => dated[i] === undefined && !isCumulative(v) && matchesAny(v, VALUE_COLUMN_HEADERS.year));
  if (undated >= 0) return { index: undated, unmatched: false };
  const latest = dated.reduce<number>((best, y, i) => (y !== undefined && (best < 0 || y > dated[best]!) ? i : best), -1);
  if (latest >= 0) return { index: latest, unmatched: true };
  return { index: Math.max(0, values.findIndex((v) => !isCumulative(v))), unmatched: false };
}

/**
 * The value columns' header cores, in order: the header row's cells after the label, units and
 * blanks left out; a cell the row below splits (统计数 over 历年累计 | 本年度) is replaced by the
 * sub-headers under it, and a spanning header next to the columns it spans is dropped.
 */
function valueHeaders(row: Row, sub: Row | undefined): string[] {
  const at: Array<{ pos: number; core: string }> = [];
  row.cells.forEach((c, pos) => {
    const core = labelCore(c.text);
    if (pos > 0 && core !== '' && !matchesAny(core, VALUE_COLUMN_HEADERS.unit)) at.push({ pos, core });
  });
  const below = sub ? sub.cells.map((c, pos) => ({ pos, core: labelCore(c.text) })).filter((c) => c.core !== '') : [];
  let values: string[];
  if (below.length && at.length <= 1) values = below.map((c) => c.core);
  else {
    // Several header cells: each takes the sub-headers from its column to the next one's.
    values = at.flatMap(({ pos, core }, k) => {
      const under = below.filter((c) => c.pos >= pos && c.pos < (at[k + 1]?.pos ?? Infinity));
      return under.length ? under.map((c) => c.core) : [core];
    });
  }
  const spanned = values.filter((v) => !matchesAny(v, VALUE_COLUMN_HEADERS.spanning));
  return spanned.length >= 2 ? spanned : values;
}

/** The row under a header row that names the value columns (历年累计 | 本年度), if it is one. */
function isSubHeader(row: Row | undefined): boolean {
  if (!row) return false;
  let named = 0;
  for (const c of row.cells) {
    if (c.text === '') continue;
    const core = labelCore(c.text);
    if (!matchesAny(core, VALUE_COLUMN_HEADERS.year) && !isCumulative(core)) return false;
    named++;
  }
  return named >= 2;
}

const SHORT_CJK = /^[\u4e00-\u9fff]{1,2}$/;

/** Units, blank markers and SHORT_CJK are all at most this long: a longer cell is no unit, unsearched. */
const UNIT_MAX_LENGTH = Math.max(2, ...UNITS.map((u) => u.length), ...NO_UNIT.map((u) => u.length));

/** The row's unit cell: its second cell when that names a unit or is a blank marker. */
function unitCell(row: Row): Cell | undefined {
  const first = row.cells[1];
  if (!first || first.text.length > UNIT_MAX_LENGTH) return undefined;
  const t = first.text;
  return UNITS.includes(t) || NO_UNIT.includes(t) || SHORT_CJK.test(t) ? first : undefined;
}

/** What a row's first cell says: its label core, and whether it heads the table or a section. */
interface RowLabel {
  core: string;
  /** The header row's first cell (统计指标 …): the row names the columns. */
  header: boolean;
  /** A section header (主动公开情况 …). */
  section: boolean;
}

/**
 * One look-up per label text for all three: labels repeat across rows and reports, and a memo
 * per question (core, header?, section?) hashed the same text once per question.
 */
const rowLabel = memoize((text: string): RowLabel => {
  const core = labelCore(text);
  return { core, header: matchesAny(core, VALUE_COLUMN_HEADERS.label), section: matchesAny(core, HEADERS_2008) };
});

// Catalogue look-ups by label core (and parent row), memoised.

/** A row's metric and what the catalogue says of it: one memoised look-up per row answers all. */
interface RowMatch {
  key: string;
  /** Its generic sub-rows (relative entries) follow it. */
  opens: boolean;
  /** The unit of the row when its cells state none. */
  unit: string | null;
  /** The units the metric is counted in (unit_mismatch); undefined: any. */
  expected: readonly string[] | undefined;
  /** One of the rows that close the table (truncation). */
  closing: boolean;
}

/** First catalogue entry per key (the entries' `opens` and `unit`). */
const ENTRY_BY_KEY = new Map<string, (typeof METRICS_2008)[number]>();
for (const e of METRICS_2008) if (!ENTRY_BY_KEY.has(e.key)) ENTRY_BY_KEY.set(e.key, e);

function rowMatch(key: string): RowMatch {
  const entry = ENTRY_BY_KEY.get(key);
  return {
    key,
    opens: entry?.opens === true,
    unit: entry?.unit ?? null,
    expected: EXPECTED_UNITS.find((e) => new RegExp(e.keys).test(key))?.units,
    closing: CLOSING_2008.includes(key),
  };
}

/**
 * The catalogue's rows as read under one parent row (the last row read that opens sub-rows), or
 * outside any: generic sub-row labels (维持, 纠错 …) name a metric only under their parent.
 */
interface RowsUnder {
  /** The parent row's key; undefined outside one. */
  parent: string | undefined;
  /** A row's match by label core, memoised. */
  match: (core: string) => RowMatch | undefined;
}

/** Parent row (or '' outside one) → its rows. */
const rowsByParent = new Map<string, RowsUnder>();

function rowsUnder(parent: string | undefined): RowsUnder {
  const id = parent ?? '';
  let entry = rowsByParent.get(id);
  if (!entry) {
    const match = memoize((core) => {
      const key = catalogueKey(core, parent);
      return key === undefined ? undefined : rowMatch(key);
    });
    rowsByParent.set(id, (entry = { parent, match }));
  }
  return entry;
}

/** With `options.reportId` the facts are final rows (processDoc); without, they have no report_id. */
export function extractTable2008(tables: TableBlock[], options: Extract2008Options & { reportId: string }): TableExtraction<Fact>;
export function extractTable2008(tables: TableBlock[], options?: Extract2008Options): TableExtraction;
export function extractTable2008(tables: TableBlock[], options: Extract2008Options = {}): TableExtraction {
  const reportId = options.reportId ?? '';
  // Facts in table order; a pending glued pair reserves a slot filled after the column pass.
  const out: Slot[] = [];
  const findings: LocalFinding[] = [];
  const pending: Pending[] = [];
  /** Each metric's first row, to flag a repeat (and for the column identities). */
  const firstRows = new Map<string, FirstRow>();
  /** Rows matched, and whether one closes the table (truncation). */
  let seenAny = false;
  let seenClosing = false;
  let columns: Columns = { valueIndex: 0, count: 1 };
  /** The rows under the last row read that opens sub-rows. */
  let under = rowsUnder(undefined);
  // A value on a section header means the block below may be shifted: the finding names the
  // block's metrics, so the views do not trust them.
  let shifted: LocalFinding | undefined;

  for (const table of tables) {
    const rows = unmerged(table.rows);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      // Most rows are statistics rows: the first cell tells, before the others are read.
      const label = row.cells[0];
      const read = label && rowLabel(label.text);
      if (read?.header) {
        // A two-row header: the row below names the value columns (and is read here).
        const sub = isSubHeader(rows[r + 1]) ? rows[++r] : undefined;
        const { note, ...header } = readHeader({ row, sub, year: options.year });
        columns = header;
        if (note) findings.push(note);
        continue;
      }
      if (!label || !read) continue;
      const cells = row.cells;
      const unit = unitCell(row);
      // The value cells are the cells after the label and the unit (read in place, no copy).
      const from = cells.length < 2 ? cells.length : unit ? 2 : 1;
      const core = read.core;
      // Two value columns but fewer cells: a glued pair ("12345" = 12 | 345) or spaced ("12 345").
      const glued = columns.count > 1 ? unglue(cells.slice(from), columns) : undefined;
      const valueCell = glued?.cell ?? cells[from + columns.valueIndex];
      const v = glued ? { value: glued.value, unit: null, approx: false, parsed: true } : cellValue(valueCell);
      if (!core) {
        if (v.value !== null) findings.push(unrecognised(label, valueCell));
        continue;
      }
      if (read.section) {
        shifted = undefined;
        if (v.value !== null) {
          findings.push((shifted = {
            severity: 'error',
            code: 'value_on_header_row',
            message: `section header "${label.raw}" carries a value ${valueCell!.raw}; the figures of this block may be shifted against their labels`,
            metric: null,
            line: valueCell!.line,
          }));
        }
        continue;
      }
      // A flattened row may carry its unit glued to the label ("…政府及其部门个"): retry without it.
      const gluedUnit = !unit ? UNITS_LONGEST_FIRST.find((u) => core.endsWith(u) && core.length > u.length + 1) : undefined;
      const match = under.match(core) ?? (gluedUnit ? under.match(core.slice(0, -gluedUnit.length)) : undefined);
      if (!match) {
        // Rows without any value and without a unit are stray captions, not statistics rows.
        if (v.value !== null || unit) findings.push(unrecognised(label, valueCell));
        continue;
      }
      const key = match.key;
      if (holdsOtherRows(core)) {
        findings.push({
          severity: 'error',
          code: 'ambiguous_cells',
          message: `row "${label.raw}" runs on into the figures and labels of other rows (cell boundaries lost): which value is its own is unknown; values left out`,
          metric: key,
          line: label.line,
        });
        continue;
      }
      if (match.opens && under.parent !== key) under = rowsUnder(key);
      seenAny = true;
      if (match.closing) seenClosing = true;
      if (shifted) shifted.metric = shifted.metric ? `${shifted.metric},${key}` : key;
      if (valueCell && !v.parsed) findings.push(unparsedFinding(valueCell, label.raw, key));
      // The unit cell when it names a unit (not a blank marker), as the catalogue's copy of it.
      const stated = unit && catalogueUnit(unit.text);
      const expected = stated && match.expected;
      if (stated && expected && !expected.includes(stated)) {
        findings.push({
          severity: 'error',
          code: 'unit_mismatch',
          message: `row "${label.raw}" is stated in ${stated} where ${key} is counted in ${expected.join('/')}: its cells may have slid against the label`,
          metric: key,
          line: unit!.line,
        });
      }
      const entryUnit = match.unit;
      // The label's last characters are its unit cell when the row means the same without them.
      const labelUnit = gluedUnit && under.match(core.slice(0, -gluedUnit.length))?.key === key ? gluedUnit : undefined;
      const f = tableFact(
        reportId,
        key,
        null,
        v.value,
        stated ?? v.unit ?? labelUnit ?? entryUnit,
        v.approx,
        glued?.how ?? 'cell',
        label.raw,
        glued?.text ?? valueCell?.raw ?? '',
        valueCell?.line ?? label.line,
      );
      if (glued?.candidates) {
        pending.push({ metric: key, fact: f, candidates: glued.candidates, valueIndex: columns.valueIndex, slot: out.length });
        out.push([]);
        continue;
      }
      if (glued?.failed) {
        findings.push({ severity: 'error', code: 'ambiguous_cells', message: `row "${label.raw}": ${glued.failed}; value left out`, metric: key, line: f.line });
        continue;
      }
      const first = firstRows.get(key)?.line;
      if (first === undefined) {
        firstRows.set(key, glued?.cells ? { kind: 'values', values: glued.cells, line: f.line } : { kind: 'cells', cells, from, count: columns.count, line: f.line });
      } else {
        // A 2008 table states each row once: a repeat means the rows below lost their section
        // header (their 维持/纠错/其他 rows read under the previous section). Flagged, so the
        // views trust neither copy.
        findings.push({
          severity: 'error',
          code: 'missing_section',
          message: `row "${label.raw}" repeats ${key}, already read on line ${first}: a section header above it may be missing, so these rows may belong to another section`,
          metric: key,
          line: f.line,
        });
      }
      out.push(f);
    }
  }
  settlePending(pending, firstRows, out, findings, columns.count);
  const truncated = truncation(seenAny, seenClosing, tables, options);
  if (truncated) findings.push(truncated);
  const all = flatten(out);
  return { facts: options.reportId === undefined ? withoutReportId(all) : all, findings };
}


const UNITS_LONGEST_FIRST = [...UNITS].sort((a, b) => b.length - a.length);

/**
 * The catalogue's copy of a unit cell's text, undefined when it names no unit. A fact's unit
 * is then the same string in every report (found by pointer in later look-ups), not the cell's.
 */
function catalogueUnit(text: string): string | undefined {
  for (const u of UNITS) if (u === text) return u;
  return undefined;
}

/** A metric's first row (`count`: the value columns of its table), and its line for a repeat's finding. */
type FirstRow = SettledRow & { line: number };

interface Unglued {
  value: number | null;
  cell: Cell;
  how: 'cell' | 'segmented';
  text: string;
  /** All value columns of the row, when settled. */
  cells?: Array<number | null>;
  /** Several splits: the row waits for the column pass. */
  candidates?: Cells[];
  /** Why no value could be read. */
  failed?: string;
}

/**
 * A row of a two-column table (本年度 | 历年累计) with fewer value cells than columns: spaced
 * values are separate cells; a glued run is split with this year ≤ cumulative. A lone value
 * that cannot be two numbers is not placed in either column (never positional guessing).
 */
function unglue(values: Cell[], columns: Columns): Unglued | undefined {
  const filled = values.filter((c) => c.text !== '');
  if (values.length === columns.count || !filled.length) return undefined;
  const rec = recoverCells(
    values.map((c) => c.text),
    columns.count,
    columns.cumulativeIndex !== undefined ? { accept: yearWithinCumulative(columns.valueIndex, columns.cumulativeIndex) } : {},
  );
  const first = filled[0]!;
  if (!rec) return undefined; // not digits (a blank marker, text): read as before
  if (rec.kind === 'tokens') {
    const t = rec.tokens[columns.valueIndex]!;
    return { value: Number(t.text), cell: { ...values[t.cell]!, text: t.text, raw: t.text }, how: 'cell', text: t.text, cells: rec.tokens.map((x) => Number(x.text)) };
  }
  const { candidates, complete } = rec.result;
  if (complete && candidates.length === 1) {
    const cells = candidates[0]!;
    return { value: cells[columns.valueIndex]!, cell: first, how: 'segmented', text: String(cells[columns.valueIndex]), cells };
  }
  if (complete && candidates.length > 1) return { value: null, cell: first, how: 'segmented', text: rec.digits, candidates };
  return {
    value: null,
    cell: first,
    how: 'segmented',
    text: rec.digits,
    failed: `the digits ${rec.digits} cannot be split into ${columns.count} columns (this year ≤ cumulative)`,
  };
}

/** The 2008 identities as constraints on every value column. */
function constraints2008(count: number): Constraint[] {
  const out: Constraint[] = [];
  for (const rule of IDENTITY_RULES) {
    if (!rule.eras.includes('2008')) continue;
    if (rule.kind === 'sum') out.push(columnSum(rule.id, rule.total, rule.parts, count));
    if (rule.kind === 'le') out.push(columnAtMost(rule.id, rule.part, rule.total, count));
  }
  return out;
}

function settlePending(pending: Pending[], firstRows: ReadonlyMap<string, FirstRow>, out: Slot[], findings: LocalFinding[], count: number): void {
  if (!pending.length) return;
  /** Settled rows (metric → value per column). */
  const known = knownRows(firstRows);
  const ambiguous = new Map<string, Cells[]>();
  for (const p of pending) if (!ambiguous.has(p.metric)) ambiguous.set(p.metric, p.candidates);
  const { surviving } = resolveJointly(ambiguous, known, constraints2008(count));
  for (const p of pending) {
    const left = ambiguous.get(p.metric) === p.candidates ? surviving.get(p.metric)! : p.candidates;
    const years = [...new Set(left.map((c) => c[p.valueIndex]!))];
    // Several splits that agree on this year's figure still give one value.
    if (years.length === 1) {
      out[p.slot] = [{ ...p.fact, value: years[0]!, text: String(years[0]) }];
      continue;
    }
    findings.push({
      severity: 'error',
      code: 'ambiguous_cells',
      message: `row "${p.fact.label}": the glued digits ${p.fact.text} split into this year | cumulative in several ways (${formatCandidates(left.length ? left : p.candidates)}); value left out`,
      metric: p.metric,
      line: p.fact.line,
    });
  }
}

/**
 * A 2008 table that stops mid-way: the document ends inside the table and none of the rows
 * that close it (capacity, fees, meetings and training) was seen.
 */
function truncation(seenAny: boolean, seenClosing: boolean, tables: TableBlock[], options: Extract2008Options): LocalFinding | undefined {
  if (!options.endsDocument || !seenAny || seenClosing) return undefined;
  return {
    severity: 'warning',
    code: 'truncated',
    message: 'the document ends inside the statistics table before its closing sections (fees, staff, meetings and training): rows not present have no facts',
    metric: null,
    line: tables[tables.length - 1]?.endLine ?? null,
  };
}

/** Keys of the 2008 table's last sections. */
const CLOSING_2008: readonly string[] = [
  'fees.collected',
  'capacity.units',
  'capacity.staff',
  'capacity.budget',
  'training.meetings',
  'training.sessions',
  'training.trainees',
  'gazette.issues',
  'capacity.reading_points',
];

/**
 * A row whose row break was lost runs into the next one ("（三）其他情形数 件 2 五、行政诉讼数量
 * 件 0"): it is split before every later cell that is itself a row label or a section header,
 * so the next row is read (and its section opened) instead of its cells being ignored as surplus.
 * A section header has no cells of its own, so the row right after it may start at its second
 * cell ("（二）通过不同渠道…情况 | 1.政府公报公开政府信息数 | 条 | 6"). Undefined when the row is whole.
 */
function splitMerged(row: Row): Row[] | undefined {
  const cells = row.cells;
  let out: Row[] | undefined;
  let start = 0;
  let section = isSectionLabel(cells[0]?.text ?? '');
  for (let i = 1; i < cells.length; i++) {
    if (i < start + (section ? 1 : 2)) continue;
    // After a section header any label starts a row (an unknown one is then reported, not lost).
    const text = cells[i]!.text;
    if (!isRowLabel(text) && !(section && isLabelCell(text))) continue;
    (out ??= []).push({ cells: cells.slice(start, i), line: cells[start]!.line });
    start = i;
    section = isSectionLabel(text);
  }
  if (!out) return undefined;
  out.push({ cells: cells.slice(start), line: cells[start].line });
  return out;
}

/** The rows with every merged row split (splitMerged): the table's own rows when none is. */
function unmerged(rows: Row[]): Row[] {
  let out: Row[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    const parts = splitMerged(rows[i]!);
    if (parts && !out) out = rows.slice(0, i);
    if (out) out.push(...(parts ?? [rows[i]!]));
  }
  return out ?? rows;
}

/**
 * A label core that runs on into other rows' figures and labels ("政府网站公开政府信息数条1463.政务微博
 * 公开…"): a flattened table whose cell boundaries were lost. Where its value belongs is unknown.
 */
function holdsOtherRows(core: string): boolean {
  if (!/\d/.test(core)) return false;
  for (const m of core.matchAll(/\d+[.．、]?/g)) {
    if (isRowLabel(core.slice(m.index! + m[0].length))) return true;
  }
  return false;
}

/** A section header or a row of its own (sub-rows named only by their parent do not count). */
function isRowLabel(text: string): boolean {
  if (!hasCjk(text) || UNITS.includes(text)) return false;
  const { core, section } = rowLabel(text);
  return !!core && (section || matchTopRow(core) !== undefined);
}

/** A section header (主动公开情况 …): a row without figures of its own (the table's header row names columns). */
function isSectionLabel(text: string): boolean {
  if (!hasCjk(text)) return false;
  const read = rowLabel(text);
  return read.section && !read.header;
}

/** Rows matched outside any parent row. */
const matchTopRow = rowsUnder(undefined).match;

/** The metric key a label core names (under `parent`, a generic sub-row label names its sub-metric). */
function catalogueKey(core: string, parent: string | undefined): string | undefined {
  if (parent) {
    const rel = RELATIVE_2008.find((r) => r.parents.includes(parent) && matchesAny(core, r.labels));
    // Interned: made once per (parent, core), then the same key in every report.
    if (rel) return interned(`${parent.replace(/\.total$/, '')}.${rel.suffix}`);
  }
  return findEntry(core, METRICS_2008)?.key;
}

function unrecognised(label: Cell, value: Cell | undefined): LocalFinding {
  return {
    severity: 'warning',
    code: 'unrecognised_row',
    message: `row "${label.raw}"${value?.raw ? ` (value ${value.raw})` : ''} matches no catalogue metric`,
    metric: null,
    line: label.line,
  };
}
