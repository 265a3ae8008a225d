/**
 * Selections of a load result for analysis: one agency and/or year, and without the reports
 * `xxgk synth` wrote (synthetic data is for scale and accuracy tests, never for analysis).
 */
import * as aq from 'arquero';
import type { LoadResult } from '../load.ts';

type Table = LoadResult['reports'];
const syntheticIds = new WeakMap<Table, Set<string>>();

/** Reports flagged `synthetic_report` (written by `xxgk synth`). */
export function syntheticReportIds(findings: Table): Set<string> {
  let ids = syntheticIds.get(findings);
  if (!ids) {
    ids = new Set((findings.objects() as Array<{ report_id: string; code: string }>).filter((f) => f.code === 'synthetic_report').map((f) => f.report_id));
    syntheticIds.set(findings, ids);
  }
  return ids;
}

/**
 * Filter every table of a load result to one agency and/or year, and (unless `includeSynthetic`)
 * without the reports `xxgk synth` wrote.
 */
export function selectResult(r: LoadResult, o: { agency?: string; year?: number; includeSynthetic?: boolean }): LoadResult {
  const synthetic = o.includeSynthetic ? new Set<string>() : syntheticReportIds(r.findings);
  if (!o.agency && !o.year && !synthetic.size) return r;
  const keep = new Set(
    r.records.reports
      .filter((x) => (!o.agency || x.agency === o.agency) && (!o.year || x.year === o.year) && !synthetic.has(x.report_id))
      .map((x) => x.report_id),
  );
  const { records: _records, ...tables } = r;
  return {
    ...tablesOf(tables, (id) => keep.has(id)),
    records: {
      reports: r.records.reports.filter((x) => keep.has(x.report_id)),
      facts: r.records.facts.filter((x) => keep.has(x.report_id)),
      findings: r.records.findings.filter((x) => keep.has(x.report_id)),
    },
  };
}

/** Each of these tables with only the rows of the reports `keep` accepts. */
export function tablesOf<T extends Record<string, Table>>(tables: T, keep: (reportId: string) => boolean): T {
  const kept = aq.escape((d: { report_id: string }) => keep(d.report_id));
  return Object.fromEntries(Object.entries(tables).map(([name, t]) => [name, t.filter(kept)])) as T;
}

/** The load result without synthetic reports (what the analysis notebooks chart). */
export const withoutSynthetic = (r: LoadResult): LoadResult => selectResult(r, {});
