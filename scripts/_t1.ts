import { readFileSync, readdirSync } from 'node:fs';
import { readSource } from '/work/main/src/read/index.ts';
import { processDoc } from '/work/main/src/extract/document.ts';
import { validateReport } from '/work/main/src/validate/validate.ts';
const files = readdirSync('/work/main/data/raw').map(f => '/work/main/data/raw/' + f);
const bufs = files.map(f => readFileSync(f));
let n = 0; const t0 = performance.now();
let tRead = 0, tProc = 0, tVal = 0;
for (let i = 0; i < 300; i++) for (let j = 0; j < files.length; j++) {
  const a = performance.now();
  const doc = readSource({ file: files[j], bytes: bufs[j] });
  const b = performance.now();
  if ('error' in doc) continue;
  const r = processDoc(doc, 'x' + n);
  const c = performance.now();
  validateReport(r);
  const d = performance.now();
  tRead += b - a; tProc += c - b; tVal += d - c; n++;
}
const ms = performance.now() - t0;
console.log(n, 'docs', (n / ms * 1000).toFixed(0), 'docs/s', { tRead, tProc, tVal });
