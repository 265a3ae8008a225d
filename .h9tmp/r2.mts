import { loadReports } from '/work/main/src/load.ts';
import { SEEDS } from '/work/main/test/properties/fixtures.ts';
import { applyAll, join } from '/work/main/test/properties/mutate.ts';
const fx = SEEDS[3];
const m = applyAll(fx.text, [{"kind":"oddity","at":48779,"pos":96,"char":"\u2066"}]);
const i = m.origin.findIndex((o) => o === null);
console.log(i + 1, m.lines.slice(i - 3, i + 3).map((l) => JSON.stringify(l)));
const r = await loadReports({ file: 'x', text: join(m.lines) });
console.log(r.records.facts.filter((f) => f.line >= i - 2 && f.line <= i + 3).map((f) => [f.line, f.metric, f.value, f.text]));
