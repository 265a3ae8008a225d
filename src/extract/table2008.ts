/**
 * Extract facts from a 2008-era statistics table (统计指标 | 单位 | 统计数 [| 累计]).
 */
import { HEADERS_2008, METRICS_2008, RELATIVE_2008 } from '../catalogue/metrics2008.ts';
import { NO_UNIT, UNITS, VALUE_COLUMN_HEADERS } from '../catalogue/units.ts';
import type { Cell, Row, TableBlock } from '../types.ts';
import { cellValue, type LocalFinding, type TableFact, unparsedFinding } from './cells.ts';
import { findEntry, labelCore, matchesAny } from './labels.ts';

export interface TableExtraction {
  facts: TableFact[];
  findings: LocalFinding[];
}

interface Columns {
  /** Index among the row's non-label cells (after the unit) of the year's own value. */
  valueIndex: number;
  /** Header text of the chosen column, when a header told us. */
  chosen?: string;
}

/** Column roles from the header row; a second value column (累计) is never the year's figure. */
function readHeader(row: Row): Columns | undefined {
  const cores = row.cells.map((c) => labelCore(c.text));
  if (!cores.length || !matchesAny(cores[0]!, VALUE_COLUMN_HEADERS.label)) return undefined;
  const values = cores.slice(1).filter((c) => !matchesAny(c, VALUE_COLUMN_HEADERS.unit) && c !== '');
  if (values.length <= 1) return { valueIndex: 0 };
  const yearIdx = values.findIndex(
    (c) => matchesAny(c, VALUE_COLUMN_HEADERS.year) && !matchesAny(c, VALUE_COLUMN_HEADERS.cumulative),
  );
  const idx = yearIdx >= 0 ? yearIdx : values.findIndex((c) => !matchesAny(c, VALUE_COLUMN_HEADERS.cumulative));
  return { valueIndex: Math.max(0, idx), chosen: values[Math.max(0, idx)] };
}

/** Split a row into label, unit and value cells. */
function splitRow(row: Row): { label: Cell | undefined; unit: Cell | undefined; values: Cell[] } {
  const [label, ...rest] = row.cells;
  if (!rest.length) return { label, unit: undefined, values: [] };
  const first = rest[0]!;
  const isUnit = UNITS.includes(first.text) || NO_UNIT.includes(first.text) || /^[\u4e00-\u9fff]{1,2}$/.test(first.text);
  return isUnit ? { label, unit: first, values: rest.slice(1) } : { label, unit: undefined, values: rest };
}

export function extractTable2008(tables: TableBlock[]): TableExtraction {
  const facts: TableFact[] = [];
  const findings: LocalFinding[] = [];
  let columns: Columns = { valueIndex: 0 };
  let parent: string | undefined;
  // A value on a section header means the block below may be shifted: the finding names the
  // block's metrics, so the views do not trust them.
  let shifted: LocalFinding | undefined;

  for (const table of tables) {
    for (const row of table.rows) {
      const header = readHeader(row);
      if (header) {
        columns = header;
        if (header.chosen) {
          findings.push({
            severity: 'info',
            code: 'column_choice',
            message: `table has several value columns; took "${header.chosen}" as the year's figures, cumulative columns ignored`,
            metric: null,
            line: row.line,
          });
        }
        continue;
      }
      const { label, unit, values } = splitRow(row);
      if (!label) continue;
      const core = labelCore(label.text);
      const valueCell = values[columns.valueIndex];
      const v = cellValue(valueCell);
      if (!core) {
        if (v.value !== null) findings.push(unrecognised(label, valueCell));
        continue;
      }
      if (matchesAny(core, HEADERS_2008)) {
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
      const key = matchRow(core, parent);
      if (!key) {
        // Rows without any value and without a unit are stray captions, not statistics rows.
        if (v.value !== null || unit) findings.push(unrecognised(label, valueCell));
        continue;
      }
      if (METRICS_2008.find((e) => e.key === key)?.opens) parent = key;
      if (shifted) shifted.metric = shifted.metric ? `${shifted.metric},${key}` : key;
      if (valueCell && !v.parsed) findings.push(unparsedFinding(valueCell, label.raw, key));
      const entryUnit = METRICS_2008.find((e) => e.key === key)?.unit ?? null;
      facts.push({
        metric: key,
        applicant: null,
        value: v.value,
        unit: unit && UNITS.includes(unit.text) ? unit.text : (v.unit ?? entryUnit),
        source: 'table',
        approx: v.approx,
        how: 'cell',
        label: label.raw,
        text: valueCell?.raw ?? '',
        line: valueCell?.line ?? label.line,
      });
    }
  }
  return { facts, findings };
}

function matchRow(core: string, parent: string | undefined): string | undefined {
  if (parent) {
    const rel = RELATIVE_2008.find((r) => r.parents.includes(parent) && matchesAny(core, r.labels));
    if (rel) return `${parent.replace(/\.total$/, '')}.${rel.suffix}`;
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
