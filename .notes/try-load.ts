import { loadReports } from '../src/load.ts';
const r = await loadReports([process.argv[2] ?? 'data/raw']);
console.log(r.reports.objects());
for (const f of r.records.findings) console.log(f.report_id.slice(0,6), f.severity, f.code, f.line, f.message.slice(0, 140));
console.log(r.records.facts.filter(f => f.source === 'narrative').map(f => `${f.report_id.slice(0,6)} ${f.line} ${f.metric} ${f.value}`).join('\n'));
console.log(r.channels.objects().filter((x:any) => true).map((x:any)=>`${x.agency} ${x.channel} ${x.count} ${x.source}`).join('\n'));
