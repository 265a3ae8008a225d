import { synthCorpus } from '../src/synth/index.ts';
const t0 = performance.now();
const r = await synthCorpus({ n: Number(process.argv[2]), out: process.argv[3], seed: 11 });
console.log(r, performance.now() - t0);
