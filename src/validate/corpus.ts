/**
 * Corpus-level checks, across reports: the same agency and year loaded twice, and the
 * carry-over chain between consecutive years (结转下年度 of Y = 上年结转 of Y+1).
 */
import type { Fact, Finding, ReportRow } from '../types.ts';
import { fmt } from './cells.ts';

export function validateCorpus(reports: ReportRow[], facts: Fact[]): Finding[] {
  return [...duplicates(reports), ...crossYear(reports, facts)];
}

function byAgencyYear(reports: ReportRow[]): Map<string, ReportRow[]> {
  const groups = new Map<string, ReportRow[]>();
  for (const r of reports) {
    if (r.agency === null || r.year === null) continue;
    const key = `${r.agency}|${r.year}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return groups;
}

function duplicates(reports: ReportRow[]): Finding[] {
  const out: Finding[] = [];
  for (const group of byAgencyYear(reports).values()) {
    if (group.length < 2) continue;
    const files = group.map((r) => r.file);
    for (const r of group) {
      out.push({
        report_id: r.report_id,
        severity: 'warning',
        code: 'duplicate_report',
        message: `${r.agency} ${r.year} is loaded ${group.length} times: ${files.join(', ')}`,
        metric: null,
        line: null,
      });
    }
  }
  return out;
}

/** The stated table value of a metric's 总计 column (applicant total or null) in a report. */
function totalCell(facts: Map<string, Fact[]>, reportId: string, metric: string): Fact | undefined {
  return (facts.get(reportId) ?? []).find(
    (f) =>
      f.metric === metric &&
      f.source === 'table' &&
      (f.applicant === null || f.applicant === 'total') &&
      f.value !== null,
  );
}

function crossYear(reports: ReportRow[], facts: Fact[]): Finding[] {
  const relevant = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.metric !== 'requests.carried_to_next' && f.metric !== 'requests.carried_over') continue;
    relevant.set(f.report_id, [...(relevant.get(f.report_id) ?? []), f]);
  }
  const groups = byAgencyYear(reports);
  const out: Finding[] = [];
  for (const group of groups.values()) {
    for (const before of group) {
      const after = groups.get(`${before.agency}|${(before.year as number) + 1}`) ?? [];
      for (const next of after) {
        const toNext = totalCell(relevant, before.report_id, 'requests.carried_to_next');
        const over = totalCell(relevant, next.report_id, 'requests.carried_over');
        if (!toNext || !over || toNext.value === over.value) continue;
        const message =
          `${before.agency}: requests.carried_to_next ${before.year} = ${fmt(toNext.value as number)} ` +
          `(${before.file}:${toNext.line}) ≠ requests.carried_over ${next.year} = ${fmt(over.value as number)} ` +
          `(${next.file}:${over.line})`;
        const metric = 'requests.carried_to_next,requests.carried_over';
        out.push(
          { report_id: before.report_id, severity: 'error', code: 'cross_year_mismatch', message, metric, line: toNext.line },
          { report_id: next.report_id, severity: 'error', code: 'cross_year_mismatch', message, metric, line: over.line },
        );
      }
    }
  }
  return out;
}
