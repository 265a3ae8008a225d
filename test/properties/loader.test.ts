/**
 * Property tests over mutated reports: the loader returns, accounts for every input, never
 * invents a number, never silently changes one, and is deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadReports } from '../../src/load.ts';
import { ALL_FIXTURES, type Fixture } from './fixtures.ts';
import { KNOWN_GAPS, accounted, configureFastCheck, inventedNumbers, rawLinesOf, silentChanges, snapshot } from './check.ts';
import { applyAll, endingsArb, join, mutationsArb } from './mutate.ts';

configureFastCheck();

const originals = new Map<string, Awaited<ReturnType<typeof loadReports>>['records']>();
async function originalOf(fx: Fixture) {
  let r = originals.get(fx.name);
  if (!r) {
    r = (await loadReports({ file: fx.name, text: fx.text })).records;
    originals.set(fx.name, r);
  }
  return r;
}

// By name, so a counterexample prints the fixture's name rather than its whole text.
const byName = new Map(ALL_FIXTURES.map((f) => [f.name, f]));
const fixtureArb = fc.constantFrom(...byName.keys());

describe('mutated reports (text inputs)', () => {
  it('load without throwing, account for the input, invent no number and change none silently', async () => {
    await fc.assert(
      fc.asyncProperty(fixtureArb, mutationsArb, endingsArb, async (name, muts, endings) => {
        const fx = byName.get(name)!;
        const m = applyAll(fx.text, muts);
        const text = join(m.lines, endings);
        const file = `mutated-${fx.name}`;
        const result = await loadReports({ file, text });
        expect(accounted(result, [file])).toEqual([]);
        const raw = rawLinesOf({ file, text });
        expect(inventedNumbers(result.records.facts, raw)).toEqual([]);
        // The line numbers the mutation tracked are the loader's (a trailing empty line opens none).
        if (raw !== null) expect(raw.length).toBe(m.lines.length - (m.lines.length > 1 && m.lines.at(-1) === '' ? 1 : 0));
        // Known limit: in the " |" layout (one cell per line, no row breaks) rows are inferred
        // from cell roles, so deleting a label with its neighbour's value leaves a well-formed
        // table that no identity can tell apart (README, "What happens to bad input").
        const inferredRows = fx.text.includes(' |\n') && muts.some((x) => x.kind === 'deleteLines' || x.kind === 'deleteCell');
        if (!m.reordered && !inferredRows) expect(silentChanges(await originalOf(fx), result.records, m.origin)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('give the same output for the same input (twice in one batch and across calls)', async () => {
    await fc.assert(
      fc.asyncProperty(fixtureArb, mutationsArb, async (name, muts) => {
        const fx = byName.get(name)!;
        const text = join(applyAll(fx.text, muts).lines);
        const a = await loadReports({ file: 'a.txt', text });
        const b = await loadReports({ file: 'a.txt', text });
        expect(snapshot(b)).toBe(snapshot(a));
        // The same text twice in a batch: two rows, distinct ids, identical facts otherwise.
        const both = await loadReports([{ file: 'one.txt', text }, { file: 'two.txt', text }]);
        expect(accounted(both, ['one.txt', 'two.txt'])).toEqual([]);
        const [r1, r2] = both.records.reports;
        const strip = (id: string) =>
          both.records.facts.filter((f) => f.report_id === id).map(({ report_id: _, ...f }) => f);
        expect(strip(r2!.report_id)).toEqual(strip(r1!.report_id));
      }),
      { numRuns: 200 },
    );
  });

  it('full-width/half-width swaps change nothing but the raw text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fixtureArb,
        fc.array(fc.record({ at: fc.nat({ max: 100_000 }), toFull: fc.boolean() }), { minLength: 1, maxLength: 20 }),
        async (name, swaps) => {
          const fx = byName.get(name)!;
          const m = applyAll(fx.text, swaps.map((s) => ({ kind: 'width' as const, ...s })));
          const result = await loadReports({ file: fx.name, text: join(m.lines) });
          const original = await originalOf(fx);
          const meaning = (fs: typeof original.facts) => fs.map((f) => `${f.line} ${f.source} ${f.metric}[${f.applicant}]=${f.value} ${f.unit} ${f.approx}`);
          expect(meaning(result.records.facts)).toEqual(meaning(original.facts));
          expect(result.records.findings.map((f) => `${f.code} ${f.line}`)).toEqual(original.findings.map((f) => `${f.code} ${f.line}`));
        },
      ),
      { numRuns: 200 },
    );
  });
});
