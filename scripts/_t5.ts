import { loadReports } from '../src/load.ts';
const r = await loadReports([process.argv[2]]);
console.log(r.records.findings.map(f => `${f.code} ${f.line} ${f.message}`).join('\n'));
console.log(r.records.facts.filter(f=>f.source==='table').map(f=>`${f.line} ${f.metric}[${f.applicant}] ${f.value}`).slice(0,400).join('\n'));
