/**
 * Extract facts from the 2019 and 2021 templates: the 第二十条 tables, the request matrix
 * (rows × applicant columns) and the 15-cell appeals row.
 */
import {
  APPEAL_KINDS,
  APPEAL_LABELS,
  APPEAL_RESULTS,
  APPLICANT_COLUMNS,
  ART20_MEASURES,
  ART20_SUBJECTS,
  MATRIX_HEADERS,
  MATRIX_ROWS,
} from '../catalogue/metrics2019.ts';
import { isLabelCell } from '../layout/pipe-cells.ts';
import type { Applicant, Cell, Row, TableBlock, Template } from '../types.ts';
import { cellValue, type LocalFinding, type TableFact, unparsedFinding } from './cells.ts';
import { labelCore, matchesAny } from './labels.ts';
import type { TableExtraction } from './table2008.ts';

type Mode = 'none' | 'art20' | 'matrix' | 'appeals';

const DEFAULT_APPLICANTS: Applicant[] = APPLICANT_COLUMNS.map((c) => c.applicant);

/** Label cells of a row (non-empty, not a number form) and the cells after the last one. */
function splitMatrixRow(row: Row): { labels: Cell[]; values: Cell[] } {
  let last = -1;
  row.cells.forEach((c, i) => {
    if (c.text !== '' && isLabelCell(c.text)) last = i;
  });
  return {
    labels: row.cells.slice(0, last + 1).filter((c) => c.text !== ''),
    values: row.cells.slice(last + 1),
  };
}

function fact(metric: string, applicant: Applicant | null, cell: Cell, label: string, unit: string | null): TableFact {
  const v = cellValue(cell);
  return {
    metric,
    applicant,
    value: v.value,
    unit: v.unit ?? unit,
    source: 'table',
    approx: v.approx,
    how: 'cell',
    label,
    text: cell.raw,
    line: cell.line,
  };
}

export function extractTable2019(tables: TableBlock[], template: Template): TableExtraction {
  const facts: TableFact[] = [];
  const findings: LocalFinding[] = [];
  let mode: Mode = 'none';
  let measures: Array<{ measure: string; unit: string | null } | undefined> = [];
  let group: string | undefined;
  const seen = { matrix: false, appeals: false };

  const push = (f: TableFact, cell: Cell) => {
    if (!cellValue(cell).parsed) findings.push(unparsedFinding(cell, f.label, f.metric));
    facts.push(f);
  };

  for (const table of tables) {
    for (const row of table.rows) {
      const joined = row.cells.map((c) => c.text.replace(/\s+/g, '')).join('|');
      const { labels, values } = splitMatrixRow(row);
      const cores = labels.map((c) => labelCore(c.text));

      if (joined.includes('第二十条')) {
        mode = 'art20';
        continue;
      }
      if (cores[0] === '信息内容') {
        mode = 'art20';
        measures = row.cells.slice(1).map((c) => {
          const m = ART20_MEASURES.find((x) => matchesAny(labelCore(c.text), x.labels));
          return m && { measure: m.measure, unit: /万元/.test(c.text) ? '万元' : null };
        });
        continue;
      }
      if (joined.includes('申请人情况') || cores.some((c) => /本年新收/.test(c))) mode = 'matrix';
      if (joined.includes('行政复议') && joined.includes('行政诉讼')) mode = 'appeals';

      if (mode === 'art20') {
        const subject = cores.length ? ART20_SUBJECTS.find((s) => matchesAny(cores[0]!, s.labels)) : undefined;
        if (!subject) {
          if (values.some((c) => c.text !== '') && labels.length) findings.push(unrecognised(labels, values));
          continue;
        }
        values.forEach((cell, i) => {
          const m = measures[i];
          if (!m) return;
          push(fact(`art20.${subject.subject}.${m.measure}`, null, cell, labels[0]!.raw, m.unit ?? (m.measure === 'amount' ? null : '件')), cell);
        });
        continue;
      }

      if (mode === 'matrix') {
        if (cores.some((c) => /^其他处理$/.test(c))) group = 'requests.outcome.other';
        if (!values.some((c) => c.text !== '')) continue; // header and group rows
        const entry = matchMatrix(cores, group);
        const label = labels.map((c) => c.raw).join(' ');
        if (!entry) {
          if (!cores.every((c) => matchesAny(c, MATRIX_HEADERS))) findings.push(unrecognised(labels, values));
          continue;
        }
        seen.matrix = true;
        if (values.length !== DEFAULT_APPLICANTS.length) {
          findings.push({
            severity: 'error',
            code: 'ambiguous_cells',
            message: `row "${label}" has ${values.length} value cells where the applicant columns need ${DEFAULT_APPLICANTS.length}; values left out`,
            metric: entry,
            line: row.line,
          });
          continue;
        }
        values.forEach((cell, i) => push(fact(entry, DEFAULT_APPLICANTS[i]!, cell, label, '件'), cell));
        continue;
      }

      if (mode === 'appeals') {
        if (labels.length || !values.some((c) => c.text !== '')) continue; // header rows
        const cells = values;
        if (cells.length !== APPEAL_KINDS.length * APPEAL_RESULTS.length) {
          findings.push({
            severity: 'error',
            code: 'ambiguous_cells',
            message: `appeals row has ${cells.length} cells where the template has 15; values left out`,
            metric: 'reconsideration,litigation_direct,litigation_after_reconsideration',
            line: row.line,
          });
          continue;
        }
        seen.appeals = true;
        cells.forEach((cell, i) => {
          const kind = APPEAL_KINDS[Math.floor(i / APPEAL_RESULTS.length)]!;
          const result = APPEAL_RESULTS[i % APPEAL_RESULTS.length]!;
          push(fact(`${kind}.${result}`, null, cell, `${APPEAL_LABELS[kind]} ${APPEAL_LABELS[result]}`, '件'), cell);
        });
        mode = 'none';
      }
    }
  }
  const firstLine = tables[0]?.line ?? null;
  if (!seen.matrix)
    findings.push(missing('requests', `the ${template} request table (收到和处理政府信息公开申请情况) was not found`, firstLine));
  if (!seen.appeals)
    findings.push(missing('reconsideration,litigation_direct,litigation_after_reconsideration', `the ${template} appeals table (行政复议、行政诉讼情况) was not found`, firstLine));
  return { facts, findings };
}

function matchMatrix(cores: string[], group: string | undefined): string | undefined {
  // The most specific label is the last one ("三、本年度办理结果 | （一）予以公开").
  for (const core of [...cores].reverse()) {
    const e = MATRIX_ROWS.find((r) => (!r.under || r.under === group) && matchesAny(core, r.labels));
    if (e) return e.key;
  }
  return undefined;
}

function unrecognised(labels: Cell[], values: Cell[]): LocalFinding {
  const label = labels.map((c) => c.raw).join(' ');
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
