/**
 * Corpus-level checks, across reports: the same agency and year loaded twice, and the
 * carry-over chain between consecutive years (结转下年度 of Y = 上年结转 of Y+1).
 *
 * `validateCorpus` runs them over records in memory; the corpus loader runs the same checks over
 * the numbers it keeps per report (src/corpus/checks.ts). Both take the cells with `carryCell`
 * and build their findings with `duplicateFindings` and `carryMismatch`, so the messages are
 * the same.
 */
import type { Fact, Finding, ReportRow } from '../types.ts';
import { fmt, indexCells, TOTAL_SLOT, type CellIndex } from './cells.ts';

/** What the corpus checks need of a report. */
export interface CorpusReport {
  report_id: string;
  file: string;
  agency: string;
  year: number;
}

/** A report's stated carry-over cell: its value and line. */
export interface CarryCell {
  value: number;
  line: number | null;
}

/** The metrics of the carry-over chain (this year's 结转下年度, next year's 上年结转). */
export const CARRY_METRICS = { toNext: 'requests.carried_to_next', over: 'requests.carried_over' } as const;

export function validateCorpus(reports: ReportRow[], facts: Fact[]): Finding[] {
  const groups = byAgencyYear(reports);
  const out: Finding[] = [];
  for (const group of groups.values()) if (group.length > 1) out.push(...duplicateFindings(group));
  out.push(...crossYear(groups, facts));
  return out;
}

/** One warning on each copy of an agency-year loaded more than once, copies in file-name order. */
export function duplicateFindings(group: readonly CorpusReport[]): Finding[] {
  // Sorted here, not by the caller: the message is the same whatever order the copies came in.
  const copies = [...group].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.report_id < b.report_id ? -1 : 1));
  const files = copies.map((r) => r.file).join(', ');
  return copies.map((r) => ({
    report_id: r.report_id,
    severity: 'warning',
    code: 'duplicate_report',
    message: `${r.agency} ${r.year} is loaded ${group.length} times: ${files}`,
    metric: null,
    line: null,
  }));
}

/** An error on both reports when year Y's carried_to_next differs from Y+1's carried_over. */
export function carryMismatch(before: CorpusReport, toNext: CarryCell, next: CorpusReport, over: CarryCell): Finding[] {
  if (toNext.value === over.value) return [];
  const message =
    `${before.agency}: ${CARRY_METRICS.toNext} ${before.year} = ${fmt(toNext.value)} ` +
    `(${before.file}:${toNext.line}) ≠ ${CARRY_METRICS.over} ${next.year} = ${fmt(over.value)} ` +
    `(${next.file}:${over.line})`;
  const metric = `${CARRY_METRICS.toNext},${CARRY_METRICS.over}`;
  return [
    { report_id: before.report_id, severity: 'error', code: 'cross_year_mismatch', message, metric, line: toNext.line },
    { report_id: next.report_id, severity: 'error', code: 'cross_year_mismatch', message, metric, line: over.line },
  ];
}

function byAgencyYear(reports: ReportRow[]): Map<string, CorpusReport[]> {
  const groups = new Map<string, CorpusReport[]>();
  for (const r of reports) {
    if (r.agency === null || r.year === null) continue;
    const key = `${r.agency}|${r.year}`;
    const group = groups.get(key);
    if (group) group.push(r as CorpusReport);
    else groups.set(key, [r as CorpusReport]);
  }
  return groups;
}

/**
 * A metric's carry-over cell in a report's table cells (indexReport's `table`, or indexCells of
 * its table facts): the first stated value of the 总计 column.
 */
export function carryCell(cells: CellIndex | undefined, metric: string): CarryCell | undefined {
  const c = cells?.get(metric)?.[TOTAL_SLOT];
  return c && c.value !== null ? { value: c.value, line: c.line } : undefined;
}

function crossYear(groups: Map<string, CorpusReport[]>, facts: Fact[]): Finding[] {
  const byReport = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.source !== 'table' || (f.metric !== CARRY_METRICS.toNext && f.metric !== CARRY_METRICS.over)) continue;
    const list = byReport.get(f.report_id);
    if (list) list.push(f);
    else byReport.set(f.report_id, [f]);
  }
  const relevant = new Map<string, CellIndex>();
  for (const [id, list] of byReport) relevant.set(id, indexCells(list));
  const out: Finding[] = [];
  for (const group of groups.values()) {
    for (const before of group) {
      const toNext = carryCell(relevant.get(before.report_id), CARRY_METRICS.toNext);
      if (!toNext) continue;
      for (const next of groups.get(`${before.agency}|${before.year + 1}`) ?? []) {
        const over = carryCell(relevant.get(next.report_id), CARRY_METRICS.over);
        if (over) out.push(...carryMismatch(before, toNext, next, over));
      }
    }
  }
  return out;
}
