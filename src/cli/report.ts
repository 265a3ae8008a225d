/** Text rendering of findings for `xxgk validate`: grouped by report, one line per finding. */
import type { LoadResult } from '../load.ts';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function formatFindings(r: LoadResult): string {
  const { reports, findings } = r.records;
  const lines: string[] = [];
  for (const report of reports) {
    const own = findings
      .filter((f) => f.report_id === report.report_id)
      .sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.line ?? 0) - (b.line ?? 0));
    const who = [report.agency ?? '(agency unknown)', report.year ?? '', report.template].filter(Boolean).join(' · ');
    lines.push(`${report.file}  [${report.status}] ${who}`);
    if (!own.length) lines.push('  no findings');
    for (const f of own) {
      const where = `${report.file}:${f.line ?? '-'}`;
      lines.push(`  ${where}  ${f.severity.padEnd(7)} ${f.code}  ${f.message}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
