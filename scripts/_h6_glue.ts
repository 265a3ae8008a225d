import { layout } from '../src/layout/index.ts';
import { processDoc } from '../src/extract/document.ts';
import { seedDoc, textDoc } from '../test/helpers.ts';

export function glue(doc: ReturnType<typeof seedDoc>): string {
  const out: string[] = [];
  for (const b of layout({ lines: doc.lines, raw: doc.raw })) {
    if (b.kind === 'prose') out.push(doc.raw[b.line - 1]!);
    else for (const r of b.rows) out.push(r.cells.map((c) => c.raw).join(''));
  }
  return out.join('\n');
}
const seed = process.argv[2]!;
const doc = seedDoc(seed);
const g = glue(doc);
const a = processDoc(doc, 'a');
const b = processDoc(textDoc(g), 'b');
const key = (f: { metric: string; applicant: string | null; value: number | null }) => `${f.metric}[${f.applicant}] ${f.value}`;
const A = a.facts.filter(f => f.source === 'table').map(key), B = b.facts.filter(f => f.source === 'table').map(key);
console.log('clean', A.length, 'glued', B.length);
console.log('only clean:', A.filter(x => !B.includes(x)).slice(0, 40));
console.log('only glued:', B.filter(x => !A.includes(x)).slice(0, 40));
console.log(b.findings.map(f => `${f.code} ${f.line} ${f.message.slice(0, 150)}`).join('\n'));
if (process.argv[3]) console.log(g);
