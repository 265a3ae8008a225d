import { readFileSync } from 'node:fs';
import { readSource } from '../src/read/index.ts';
import { layout } from '../src/layout/index.ts';
import { detectTemplate } from '../src/template/detect.ts';
import { extractTable2008 } from '../src/extract/table2008.ts';
import { extractTable2019 } from '../src/extract/table2019.ts';
const f = process.argv[2]!;
const doc = readSource({ file: f, bytes: readFileSync(f) }) as any;
if (doc.error) { console.log(doc.error); process.exit(1); }
const blocks = layout({ lines: doc.lines, raw: doc.raw });
const d = detectTemplate(blocks);
console.log('template', d.template, d.evidence, 'tables', d.tables.map(t => [t.layout, t.line, t.endLine, t.rows.length]));
const r = d.template === '2008' ? extractTable2008(d.tables) : extractTable2019(d.tables, d.template);
for (const x of r.facts) console.log(x.line, x.metric, x.applicant ?? '', x.value, x.unit, JSON.stringify(x.text), x.label.slice(0, 30));
for (const x of r.findings) console.log('FINDING', x.line, x.severity, x.code, x.message);
