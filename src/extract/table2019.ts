/**
 * Extract facts from the 2019 and 2021 templates: the 第二十条 tables, the request matrix
 * (rows × applicant columns) and the 15-cell appeals row.
 */
import {
  APPEAL_BLOCKS,
  APPEAL_LABELS,
  APPEAL_BLOCK_RESULTS,
  ART20_MEASURES,
  ART20_SUBJECTS,
  COUNT_UNIT,
  MATRIX_HEADERS,
  MATRIX_ROWS,
  SECTION_WORDS,
} from '../catalogue/metrics2019.ts';
import { ALL_APPLICANTS } from '../catalogue/labels.ts';
import { IDENTITY_RULES } from '../catalogue/identities.ts';
import { interned } from '../interned.ts';
import { hasCjk } from '../layout/lines.ts';
import { isLabelCell } from '../layout/pipe-cells.ts';
import type { Applicant, Cell, Fact, Row, TableBlock, Template } from '../types.ts';
import { type CellValue, cellValue, flatten, knownRows, type LocalFinding, type SettledRow, type Slot, tableFact, unparsedFinding, withoutReportId } from './cells.ts';
import { labelCore, matchesAny } from './labels.ts';
import {
  type Cells,
  type Constraint,
  blocksHold,
  blocksPrefix,
  columnBalance,
  columnSum,
  formatCandidates,
  recoverCells,
  resolveJointly,
  rowTotalHolds,
  rowTotalPrefix,
  type RunStretch,
  formatTextCandidates,
  splitSeparated,
  stretchesOf,
  tokensOf,
} from './segment.ts';
import { UNITS, WAN_YUAN } from '../catalogue/units.ts';
import type { TableExtraction } from './table2008.ts';
import { memoize } from '../memo.ts';

export interface Extract2019Options {
  /** The last statistics table runs to the end of the document (no closing prose after it). */
  endsDocument?: boolean;
  /** The report the facts belong to: given (processDoc), facts are final rows, report_id first. */
  reportId?: string;
}

/** A matrix row whose glued run splits more than one way by its own total: settled later by column identities. */
interface Pending {
  metric: string;
  label: string;
  cell: Cell;
  candidates: Cells[];
  /** Index in `out` where its facts go, so facts stay in table order. */
  slot: number;
}

type Mode = 'none' | 'art20' | 'matrix' | 'appeals';

// Keys and labels built from parts are made once and interned (see interned): every report's
// facts then carry the same string, which the validator, the views and the Parquet writer's
// dictionaries find by pointer instead of hashing and comparing a fresh copy.

/** The appeals row's columns in order (kind-major): metric key and label. */
const APPEAL_COLUMNS: ReadonlyArray<{ metric: string; label: string }> = APPEAL_BLOCKS.flatMap((kind) =>
  APPEAL_BLOCK_RESULTS.map((result) => ({ metric: interned(`${kind}.${result}`), label: interned(`${APPEAL_LABELS[kind]} ${APPEAL_LABELS[result]}`) })),
);

/** A 第二十条 column: its measure, unit, and the metric key of each subject's cell under it. */
interface Art20Column {
  measure: string;
  /** The unit of a cell that states none. */
  unit: string | null;
  /** Subject → `art20.<subject>.<measure>`. */
  keys: Readonly<Record<string, string>>;
}

/** The 第二十条 columns by measure: counted in 件 (an amount has no unit) or, under a 万元 header, in 万元. */
function art20Columns(inWan: boolean): ReadonlyMap<string, Art20Column> {
  return new Map(
    ART20_MEASURES.map(({ measure }) => {
      const keys: Record<string, string> = {};
      for (const { subject } of ART20_SUBJECTS) keys[subject] = interned(`art20.${subject}.${measure}`);
      return [measure, { measure, unit: inWan ? WAN_YUAN : measure === 'amount' ? null : COUNT_UNIT, keys }];
    }),
  );
}
const ART20_COLUMNS = art20Columns(false);
const ART20_COLUMNS_IN_WAN = art20Columns(true);

/** Section markers a row's cells carry (whitespace ignored); a marker never spans two cells. */
const ART20_MARK = 1;
const MATRIX_MARK = 2;
const RECONSIDERATION_MARK = 4;
const LITIGATION_MARK = 8;

/** The section marker phrases with their bits. */
const MARKS: ReadonlyArray<readonly [string, number]> = [
  [SECTION_WORDS.art20, ART20_MARK],
  [SECTION_WORDS.matrix, MATRIX_MARK],
  [SECTION_WORDS.reconsideration, RECONSIDERATION_MARK],
  [SECTION_WORDS.litigation, LITIGATION_MARK],
];

/** The marker bits of a cell's text (read once per text: see cellInfo). */
function markBits(text: string): number {
  const bare = /\s/.test(text) ? text.replace(/\s+/g, '') : text;
  let m = 0;
  for (const [phrase, bit] of MARKS) if (bare.includes(phrase)) m |= bit;
  return m;
}

/** What a cell holding CJK text means for reading its row. */
interface CellInfo {
  /** A label cell of a matrix row; a run of values with their units ("129宗16671万元") is a value cell. */
  label: boolean;
  /** Its label core (labelCore). */
  core: string;
  /** The section markers it holds. */
  marks: number;
}

/**
 * Everything a row needs of a CJK cell, in one look-up per cell: cell texts repeat across rows
 * and reports, and a separate memo per question (label? core? markers?) hashed each text thrice.
 */
const cellInfo = memoize(
  (t: string): CellInfo => ({ label: isLabelCell(t) && !stretchesOf(t, UNITS), core: labelCore(t), marks: markBits(t) }),
);

/** A row's section markers, its label cells (non-empty, up to the last label) with their cores, and the cells after. */
interface RowReading {
  marks: number;
  labels: Cell[];
  cores: string[];
  /** Read-only: may be the row's own cells. */
  values: Cell[];
}

/** Infos of the cells of the row being read (reused: rows are read one at a time). */
const infoAt: Array<CellInfo | undefined> = [];

function readRow(row: Row): RowReading {
  const cells = row.cells;
  let marks = 0;
  let last = -1;
  for (let i = 0; i < cells.length; i++) {
    const t = cells[i]!.text;
    // Most cells are figures: settled by a character scan, without a look-up (markers and
    // labels all hold CJK text).
    const info = hasCjk(t) ? cellInfo(t) : undefined;
    infoAt[i] = info;
    if (!info) continue;
    marks |= info.marks;
    if (info.label) last = i;
  }
  // Cells after the last label are values; a figure before it is read as a label. The arrays
  // are made at their size (one or two labels): grown by push, each would get room for 16.
  let count = 0;
  for (let i = 0; i <= last; i++) if (cells[i]!.text !== '') count++;
  const labels = new Array<Cell>(count);
  const cores = new Array<string>(count);
  for (let i = 0, k = 0; i <= last; i++) {
    const cell = cells[i]!;
    if (cell.text === '') continue;
    labels[k] = cell;
    cores[k++] = infoAt[i]?.core ?? labelCore(cell.text);
  }
  return { marks, labels, cores, values: last < 0 ? cells : cells.slice(last + 1) };
}

/** True when some cell is not blank. */
function anyFilled(cells: readonly Cell[]): boolean {
  for (const c of cells) if (c.text !== '') return true;
  return false;
}

// Catalogue look-ups by label core (and parent row or group), memoised.

const art20Measure = memoize((core) => ART20_MEASURES.find((x) => matchesAny(core, x.labels)));
const art20Subject = memoize((core) => ART20_SUBJECTS.find((s) => matchesAny(core, s.labels)));
const isMatrixHeader = memoize((core) => matchesAny(core, MATRIX_HEADERS));
/** The matrix's group rows: those other rows are `under` (generic labels such as "3.其他" match only below one). */
const MATRIX_GROUPS = MATRIX_ROWS.filter((r) => MATRIX_ROWS.some((s) => s.under === r.key));
/** The group a label core opens (its metric key), if it is a group row's label. */
const matrixGroup = memoize((core) => MATRIX_GROUPS.find((r) => matchesAny(core, r.labels))?.key);
/** Group (or '' outside one) → memoised look-up of a matrix row's metric by label core. */
const matrixRowsByGroup = new Map<string, (core: string) => string | undefined>();

function matrixRowsOf(group: string | undefined): (core: string) => string | undefined {
  const g = group ?? '';
  let lookup = matrixRowsByGroup.get(g);
  if (!lookup) {
    lookup = memoize((c) => MATRIX_ROWS.find((r) => (!r.under || r.under === group) && matchesAny(c, r.labels))?.key);
    matrixRowsByGroup.set(g, lookup);
  }
  return lookup;
}

/** The fact of one cell whose value `v` is read (`unit` when the cell states none). */
function fact(
  reportId: string,
  metric: string,
  applicant: Applicant | null,
  cell: Cell,
  v: Readonly<CellValue>,
  label: string,
  unit: string | null,
  how: Fact['how'],
): Fact {
  return tableFact(reportId, metric, applicant, v.value, v.unit ?? unit, v.approx, how, label, cell.raw, cell.line);
}

/** Facts of one glued run, split one way: one fact per piece, how = 'segmented'. */
function segmentedFacts(
  reportId: string,
  metricOf: (i: number) => string,
  applicantOf: (i: number) => Applicant | null,
  labelOf: (i: number) => string,
  cell: Cell,
  cells: Cells,
): Fact[] {
  return cells.map((value, i) => tableFact(reportId, metricOf(i), applicantOf(i), value, COUNT_UNIT, false, 'segmented', labelOf(i), String(value), cell.line));
}

/** With `options.reportId` the facts are final rows (processDoc); without, they have no report_id. */
export function extractTable2019(tables: TableBlock[], template: Template, options: Extract2019Options & { reportId: string }): TableExtraction<Fact>;
export function extractTable2019(tables: TableBlock[], template: Template, options?: Extract2019Options): TableExtraction;
export function extractTable2019(tables: TableBlock[], template: Template, options: Extract2019Options = {}): TableExtraction {
  const reportId = options.reportId ?? '';
  // Facts in table order; a pending glued row reserves a slot filled after the column pass.
  const out: Slot[] = [];
  const findings: LocalFinding[] = [];
  const pending: Pending[] = [];
  /** Each matrix metric's first settled row, for the column identities. */
  const settled = new Map<string, SettledRow>();
  const settle = (metric: string, row: SettledRow): void => {
    if (!settled.has(metric)) settled.set(metric, row);
  };
  let mode: Mode = 'none';
  /** The 第二十条 columns, once their header row is read. */
  let measures: Array<Art20Column | undefined> | undefined;
  let group: string | undefined;
  const seen = { matrix: false, appeals: false };
  /** The appeals table's first line, once its header is read (where a missing value row is). */
  let appealsLine: number | undefined;
  /** The closing rows seen (CLOSING_ROWS). */
  const closedBy = new Set<string>();

  /** Puts the fact of one cell (`unit` when the cell states none), a text that is no number form also a finding; returns its value. */
  const put = (metric: string, applicant: Applicant | null, cell: Cell, label: string, unit: string | null): number | null => {
    const v = cellValue(cell);
    if (!v.parsed) findings.push(unparsedFinding(cell, label, metric));
    out.push(fact(reportId, metric, applicant, cell, v, label, unit, 'cell'));
    return v.value;
  };

  for (const table of tables) {
    for (const row of table.rows) {
      const { marks, labels, cores, values } = readRow(row);

      if (marks & ART20_MARK) {
        mode = 'art20';
        continue;
      }
      if (cores[0] === SECTION_WORDS.art20Header) {
        mode = 'art20';
        measures = art20Header(row.cells);
        continue;
      }
      if (marks & MATRIX_MARK || cores.some((c) => c.includes(SECTION_WORDS.matrixFirstRow))) mode = 'matrix';
      if ((marks & RECONSIDERATION_MARK) && (marks & LITIGATION_MARK)) mode = 'appeals';

      if (mode === 'art20') {
        const subject = cores.length ? art20Subject(cores[0]!) : undefined;
        if (!subject) {
          if (anyFilled(values) && labels.length) findings.push(unrecognised(labels, values));
          continue;
        }
        let cells = values;
        // No header read: no columns, so the row is left out below (`measures` is not used).
        const wanted = measures?.length ?? 0;
        const filled = values.filter((c) => c.text !== '');
        // One run where several columns stand: glued (or spaced) cells. Separate cells that are
        // fewer than the columns are read by position, as before.
        const stretches = values.length < wanted && filled.length === 1 ? stretchesOf(filled[0]!.text, UNITS) : undefined;
        if (stretches && filled[0]!.text.replace(/\D/g, '').length >= 2) {
          const tokens = tokensOf(filled[0]!.text);
          if (tokens?.length === wanted) cells = tokens.map((t) => ({ ...filled[0]!, text: t, raw: t }));
          else {
            out.push(art20Run(reportId, subject.subject, measures!, labels[0]!.raw, filled[0]!, stretches, wanted, findings));
            continue;
          }
        }
        // These columns have no identity: a row with a cell too many or too few (or a second
        // label run into it) cannot be placed, so it is left out, never read by position.
        let labelCount = 0;
        for (const c of labels) if (isLabelCell(c.text)) labelCount++;
        if (cells.length !== wanted || labelCount > 1) {
          findings.push({
            severity: 'error',
            code: 'ambiguous_cells',
            message: `row "${rawText(labels)}" has ${cells.length} value cells${labelCount > 1 ? ` and ${labelCount} labels` : ''} under ${wanted} columns; values left out`,
            metric: `art20.${subject.subject}`,
            line: row.line,
          });
          continue;
        }
        cells.forEach((cell, i) => {
          const m = measures![i];
          if (!m) return;
          put(m.keys[subject.subject]!, null, cell, labels[0]!.raw, m.unit);
        });
        continue;
      }

      if (mode === 'matrix') {
        // A group row's label opens its group, also where its cell shares a row with its first sub-row.
        for (const core of cores) {
          const opened = matrixGroup(core);
          if (opened) {
            group = opened;
            break;
          }
        }
        const entry = matchMatrix(cores, group);
        // Header and group rows have no values; a catalogue row left wholly blank is stated as
        // blank (null facts), not dropped.
        if (!anyFilled(values) && !(entry && values.length === ALL_APPLICANTS.length)) continue;
        const label = rawText(labels);
        if (!entry) {
          if (!cores.every(isMatrixHeader)) findings.push(unrecognised(labels, values));
          continue;
        }
        seen.matrix = true;
        if (CLOSING_ROWS.includes(entry)) closedBy.add(entry);
        const width = ALL_APPLICANTS.length;
        if (values.length === width) {
          for (let i = 0; i < width; i++) put(entry, ALL_APPLICANTS[i]!, values[i]!, label, COUNT_UNIT);
          settle(entry, { kind: 'cells', cells: values, from: 0, count: width });
          continue;
        }
        const recovered = recoverCells(values.map((c) => c.text), width, {
          accept: rowTotalHolds,
          lastIsSum: true,
          prefixOk: rowTotalPrefix(values.reduce((n, c) => n + c.text.replace(/\s+/g, '').length, 0), width),
        });
        // Only text that lost its cell boundaries is split into digits; in a table read cell by
        // cell (one cell per line, tabs, pipes, documents) separate cells are never re-split.
        const separate = table.layout !== 'glued' && values.filter((c) => c.text !== '').length > 1;
        const rec = separate && recovered?.kind === 'split' ? undefined : recovered;
        if (rec?.kind === 'tokens') {
          const cells = rec.tokens.map((t) => ({ ...values[t.cell]!, text: t.text, raw: t.text }));
          const read = cells.map((cell, i) => put(entry, ALL_APPLICANTS[i]!, cell, label, COUNT_UNIT));
          settle(entry, { kind: 'values', values: read });
          continue;
        }
        const firstCell = values.find((c) => c.text !== '') ?? values[0] ?? row.cells[0]!;
        if (rec?.kind === 'split' && rec.result.complete && rec.result.candidates.length === 1) {
          const cells = rec.result.candidates[0]!;
          out.push(segmentedFacts(reportId, () => entry, (i) => ALL_APPLICANTS[i]!, () => label, firstCell, cells));
          settle(entry, { kind: 'values', values: cells });
          continue;
        }
        if (rec?.kind === 'split' && rec.result.complete && rec.result.candidates.length > 1) {
          pending.push({ metric: entry, label, cell: firstCell, candidates: rec.result.candidates, slot: out.length });
          out.push([]);
          continue;
        }
        findings.push({
          severity: 'error',
          code: 'ambiguous_cells',
          message: rec
            ? `row "${label}": the digits ${rec.digits} cannot be split into ${width} cells whose 总计 is the sum of the six applicant columns${rec.result.complete ? '' : ' (too many possible splits)'}; values left out`
            : `row "${label}" has ${values.length} value cells where the applicant columns need ${width}; values left out`,
          metric: entry,
          line: row.line,
        });
        continue;
      }

      if (mode === 'appeals') {
        const width = APPEAL_COLUMNS.length;
        appealsLine ??= row.line;
        // Header rows have labels; a row of exactly the template's cells, all blank, is the value
        // row stated blank (null facts), not a header.
        if (labels.length || (!anyFilled(values) && values.length !== width)) continue;
        const cells = values;
        if (cells.length !== width) {
          const size = APPEAL_BLOCK_RESULTS.length;
          const rec = recoverCells(cells.map((c) => c.text), width, { accept: blocksHold(size), prefixOk: blocksPrefix(size) });
          const firstCell = cells.find((c) => c.text !== '') ?? cells[0]!;
          const appealKeys = 'reconsideration,litigation_direct,litigation_after_reconsideration';
          if (rec?.kind === 'tokens') {
            seen.appeals = true;
            rec.tokens.forEach((t, i) => {
              const cell = { ...cells[t.cell]!, text: t.text, raw: t.text };
              put(APPEAL_COLUMNS[i]!.metric, null, cell, APPEAL_COLUMNS[i]!.label, COUNT_UNIT);
            });
          } else if (rec?.kind === 'split' && rec.result.complete && rec.result.candidates.length === 1) {
            seen.appeals = true;
            out.push(segmentedFacts(reportId, (i) => APPEAL_COLUMNS[i]!.metric, () => null, (i) => APPEAL_COLUMNS[i]!.label, firstCell, rec.result.candidates[0]!));
          } else {
            findings.push({
              severity: 'error',
              code: 'ambiguous_cells',
              message: !rec
                ? `appeals row has ${cells.length} cells where the template has ${width}; values left out`
                : rec.result.candidates.length > 1 || !rec.result.complete
                  ? `appeals row: the digits ${rec.digits} split into ${width} cells (each block's 总计 = 维持 + 纠正 + 其他 + 尚未审结) in more than one way: ${formatCandidates(rec.result.candidates)}; values left out`
                  : `appeals row: the digits ${rec.digits} cannot be split into ${width} cells whose block totals add up; values left out`,
              metric: appealKeys,
              line: row.line,
            });
          }
          mode = 'none';
          continue;
        }
        seen.appeals = true;
        for (let i = 0; i < width; i++) put(APPEAL_COLUMNS[i]!.metric, null, cells[i]!, APPEAL_COLUMNS[i]!.label, COUNT_UNIT);
        mode = 'none';
      }
    }
  }
  settlePending(reportId, pending, settled, out, findings);

  const firstLine = tables[0]?.line ?? null;
  const lastLine = tables[tables.length - 1]?.endLine ?? null;
  // A matrix without its closing rows, or a document that stops inside its last table: the
  // rows never seen are missing (no fact), not 0.
  const unclosed = CLOSING_ROWS.filter((k) => !closedBy.has(k));
  const truncated = (seen.matrix && unclosed.length > 0) || (options.endsDocument === true && !seen.appeals);
  if (truncated) {
    findings.push({
      severity: 'warning',
      code: 'truncated',
      message: seen.matrix && unclosed.length
        ? `the request table stops before its closing rows (${unclosed.join(', ')})${seen.appeals ? '' : ' and the appeals table is absent'}: the document looks cut off; rows not present have no facts`
        : 'the document ends inside its statistics tables: rows not present have no facts',
      metric: [...unclosed, ...(seen.appeals ? [] : [APPEAL_BLOCKS.join(',')])].join(',') || null,
      line: lastLine,
    });
  }
  if (!seen.matrix)
    findings.push(missing('requests', `the ${template} request table (收到和处理政府信息公开申请情况) was not found`, firstLine));
  if (!seen.appeals && !truncated) {
    const keys = APPEAL_BLOCKS.join(',');
    findings.push(
      appealsLine === undefined
        ? missing(keys, `the ${template} appeals table (行政复议、行政诉讼情况) was not found`, firstLine)
        : missing(keys, `the ${template} appeals table (行政复议、行政诉讼情况) has its header but no row of ${APPEAL_COLUMNS.length} value cells`, appealsLine),
    );
  }
  const all = flatten(out);
  return { facts: options.reportId === undefined ? withoutReportId(all) : all, findings };
}


/**
 * A glued 第二十条 run: these columns have no identity, so only the separators (a sign starts a
 * cell, a unit ends one) and "no number starts with 0" constrain the split, and a flattened row
 * may have lost blank cells. A column every candidate agrees on is read (how = 'segmented');
 * the others are left out with `ambiguous_cells` listing the candidates — never guessed.
 */
function art20Run(
  reportId: string,
  subject: string,
  measures: Array<Art20Column | undefined>,
  label: string,
  cell: Cell,
  stretches: RunStretch[],
  wanted: number,
  findings: LocalFinding[],
): Fact[] {
  const { candidates, complete } = splitSeparated(stretches, wanted, true);
  const out: Fact[] = [];
  const open: string[] = [];
  for (let i = 0; i < wanted; i++) {
    const m = measures[i];
    if (!m) continue;
    const metric = m.keys[subject]!;
    const texts = new Set(candidates.map((c) => c[i]));
    if (!complete || texts.size !== 1) {
      open.push(metric);
      continue;
    }
    const text = [...texts][0] ?? '';
    const piece: Cell = { text, raw: text, line: cell.line };
    out.push(fact(reportId, metric, null, piece, cellValue(piece), label, m.unit, 'segmented'));
  }
  if (open.length) {
    findings.push({
      severity: 'error',
      code: 'ambiguous_cells',
      message: candidates.length
        ? `row "${label}": the run ${cell.raw} splits into its ${wanted} columns in ${complete ? candidates.length : 'too many'} ways (${formatTextCandidates(candidates)}; ∅ = blank) and these columns have no identity to decide; ${open.length === wanted ? 'values' : `${open.join(', ')}`} left out`
        : `row "${label}": the run ${cell.raw} cannot be split into ${wanted} columns; values left out`,
      metric: open.join(','),
      line: cell.line,
    });
  }
  return out;
}

/** Rows that close the request matrix: a matrix without them was cut off. */
const CLOSING_ROWS: readonly string[] = ['requests.outcome.total', 'requests.carried_to_next'];

/** The matrix's column identities (every applicant column and 总计), from the catalogue. */
function matrixConstraints(): Constraint[] {
  const columns = ALL_APPLICANTS.length;
  const out: Constraint[] = [];
  for (const rule of IDENTITY_RULES) {
    if (!rule.eras.includes('2019') && !rule.eras.includes('2021')) continue;
    if (rule.kind === 'sum' && rule.perApplicant) out.push(columnSum(rule.id, rule.total, rule.parts, columns));
    if (rule.kind === 'balance') out.push(columnBalance(rule.id, rule.left, rule.right, columns));
  }
  return out;
}

/**
 * Second pass over glued matrix rows a row total could not settle: keep the splits that fit the
 * column identities with the rest of the table; exactly one left → segmented facts, else
 * `ambiguous_cells` listing the candidates, values left out.
 */
function settlePending(reportId: string, pending: Pending[], settled: ReadonlyMap<string, SettledRow>, out: Slot[], findings: LocalFinding[]): void {
  if (!pending.length) return;
  const known = knownRows(settled);
  const ambiguous = new Map<string, Cells[]>();
  for (const p of pending) if (!ambiguous.has(p.metric)) ambiguous.set(p.metric, p.candidates);
  const { surviving, searched } = resolveJointly(ambiguous, known, matrixConstraints());
  for (const p of pending) {
    const left = ambiguous.get(p.metric) === p.candidates ? surviving.get(p.metric)! : p.candidates;
    if (left.length === 1) {
      out[p.slot] = segmentedFacts(reportId, () => p.metric, (i) => ALL_APPLICANTS[i]!, () => p.label, p.cell, left[0]!);
      continue;
    }
    const why = !searched
      ? 'the column identities could not narrow them'
      : left.length === 0
        ? 'none of them fits the column identities (新收 + 结转 = 总计 + 结转下年度; 总计 = Σ 办理结果)'
        : 'the column identities leave more than one';
    const shown = left.length ? left : p.candidates;
    findings.push({
      severity: 'error',
      code: 'ambiguous_cells',
      message: `row "${p.label}": the glued digits split into 7 cells whose 总计 is the sum of the applicant columns in ${p.candidates.length} ways (${formatCandidates(shown)}); ${why}; values left out`,
      metric: p.metric,
      line: p.cell.line,
    });
  }
}

function matchMatrix(cores: string[], group: string | undefined): string | undefined {
  // The most specific label is the last one ("三、本年度办理结果 | （一）予以公开").
  const matrixRowOf = matrixRowsOf(group);
  for (let i = cores.length - 1; i >= 0; i--) {
    const e = matrixRowOf(cores[i]!);
    if (e) return e;
  }
  return undefined;
}

/**
 * The 第二十条 columns a header row names, in order (undefined under a header it does not know).
 * Built by push: `map` returns arrays of more than one kind, and each new kind at a use site
 * deoptimizes the whole table reader.
 */
function art20Header(cells: readonly Cell[]): Array<Art20Column | undefined> {
  const columns: Array<Art20Column | undefined> = [];
  for (let i = 1; i < cells.length; i++) {
    const text = cells[i]!.text;
    const m = art20Measure(labelCore(text));
    columns.push(m && (text.includes(SECTION_WORDS.art20InWan) ? ART20_COLUMNS_IN_WAN : ART20_COLUMNS).get(m.measure));
  }
  return columns;
}

/**
 * Label cells as written, joined by a space. A loop, not `map().join()`: an empty row's `map`
 * result is an array of another kind, which a call site optimized for full ones deopts on.
 */
function rawText(cells: readonly Cell[]): string {
  let text = cells.length ? cells[0]!.raw : '';
  for (let i = 1; i < cells.length; i++) text += ' ' + cells[i]!.raw;
  return text;
}

function unrecognised(labels: Cell[], values: Cell[]): LocalFinding {
  const label = rawText(labels);
  return {
    severity: 'warning',
    code: 'unrecognised_row',
    message: `row "${label}" (values ${values.map((c) => c.raw || '∅').join(' ')}) matches no catalogue metric`,
    metric: null,
    line: labels[0]?.line ?? values[0]?.line ?? null,
  };
}

function missing(metric: string, message: string, line: number | null): LocalFinding {
  return { severity: 'warning', code: 'missing_section', message, metric, line };
}
