import fc from '/work/main/node_modules/fast-check/lib/fast-check.js';
import { loadReports } from '/work/main/src/load.ts';
import { ALL_FIXTURES } from '/work/main/test/properties/fixtures.ts';
import { accounted, inventedNumbers, rawLinesOf, silentChanges } from '/work/main/test/properties/check.ts';
import { applyAll, join, mutationArb, endingsArb } from '/work/main/test/properties/mutate.ts';
const N = Number(process.argv[2] ?? 2000);
const orig = new Map();
for (const fx of ALL_FIXTURES) orig.set(fx.name, (await loadReports({ file: fx.name, text: fx.text })).records);
const samples = fc.sample(fc.tuple(fc.constantFrom(...ALL_FIXTURES.map(f=>f.name)), mutationArb, endingsArb), { numRuns: N, seed: Number(process.argv[3] ?? 1) });
const groups = new Map();
for (const [name, mut, endings] of samples) {
  const fx = ALL_FIXTURES.find(f=>f.name===name)!;
  const m = applyAll(fx.text, [mut]);
  const text = join(m.lines, endings);
  let problems: string[] = [];
  try {
    const r = await loadReports({ file: 'm.txt', text });
    problems.push(...accounted(r, ['m.txt']).map(p=>'ACC '+p));
    problems.push(...inventedNumbers(r.records.facts, rawLinesOf({file:'m.txt', text})).map(p=>'INV '+p));
    problems.push(...silentChanges(orig.get(name), r.records, m.origin).map(p=>'SIL '+p));
  } catch (e) { problems.push('THROW ' + (e as Error).stack?.slice(0,300)); }
  for (const p of problems) {
    const k = `${name.slice(0,4)} ${mut.kind} ${p.slice(0,3)}`;
    if (!groups.has(k)) groups.set(k, { n: 0, ex: [] });
    const g = groups.get(k); g.n++; if (g.ex.length < 2) g.ex.push(JSON.stringify(mut) + ' :: ' + p.slice(0, 250));
  }
}
for (const [k, g] of [...groups].sort()) console.log(k, g.n, '\n   ' + g.ex.join('\n   '));
