import { loadReports } from '/work/main/src/load.ts';
import { readFileSync } from 'node:fs';
const text = readFileSync('/work/main/data/raw/002_8ce2c52a2533517f.txt','utf8');
const r = await loadReports({file:'s', text}, { maxTableRows: 10 });
console.log(r.records.findings.filter(f=>f.code==='table_too_large').map(f=>f.message), r.records.facts.filter(f=>f.source==='table').length);
