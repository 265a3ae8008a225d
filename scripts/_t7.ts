import { loadCorpus } from '../src/corpus/index.ts';
const r = await loadCorpus([process.argv[2]], { out: process.argv[3], workers: Number(process.argv[4] ?? 2) });
console.log(r);
