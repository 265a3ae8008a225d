import { readFileSync } from 'node:fs';
import { loadReports } from '../src/load.ts';
const lines = readFileSync('/work/main/data/raw/004_b5b9a5615959bd1c.txt', 'utf8').split('\n');
// find staff region
for (let del = 185; del < 200; del++) {
  const m = [...lines]; m.splice(del, 3);
  const r = await loadReports([{ file: 'x.txt', text: m.join('\n') }]);
  const staff = r.records.facts.find((f) => f.metric === 'capacity.staff' && f.source === 'table');
  const fl = r.records.findings.filter((f) => f.severity !== 'info').map((f) => f.code).join(',');
  console.log(del + 1, staff?.value, staff?.line, fl);
}
