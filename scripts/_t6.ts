import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { processItem } from '../src/corpus/process.ts';
const files = execSync('find /tmp/synth1 -name "*.txt" | head -300').toString().trim().split('\n');
const bufs = files.map(f => readFileSync(f));
for (const views of [false, true]) {
  const t0 = performance.now();
  for (let k = 0; k < 2; k++) files.forEach((f, i) => processItem({ file: f, bytes: bufs[i], id: 'x' + i, hash: null }, { views }));
  const ms = performance.now() - t0;
  console.log('views', views, (600 / ms * 1000).toFixed(0), 'docs/s', (bufs.reduce((s,b)=>s+b.length,0)/300/1024).toFixed(1), 'KB avg');
}
