import { loadReports } from '../src/load.ts';
for (const text of ['\u200b', '\u200b\n', '']) {
  const r = await loadReports({ file: 'z.txt', text });
  console.log(JSON.stringify(text), r.records.reports.map((x) => x.status), r.records.findings.map((f) => f.code));
}
