import { synthReport } from '../src/synth/index.ts';
for (const i of [0,1,2,3,4,5]) { const { entry, text } = synthReport(7, i, { defectRate: 0.5 }); console.log(entry.template, entry.layout, entry.agency, entry.blanks, JSON.stringify(entry.defects)); if (i < 3) console.log(text.slice(0, 1500).replace(/\t/g,'→')); }
