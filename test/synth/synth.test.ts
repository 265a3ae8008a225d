import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReports } from '../../src/load.ts';
import { measureAccuracy } from '../../src/synth/accuracy.ts';
import { agencyCount } from '../../src/synth/places.ts';
import { seriesPlace } from '../../src/synth/series.ts';
import { readManifest, synthCorpus, synthReport, SYNTH_MARKER, type SynthManifestEntry } from '../../src/synth/index.ts';

describe('synthReport', () => {
  it('is deterministic by seed and index', () => {
    expect(synthReport(5, 17)).toEqual(synthReport(5, 17));
    expect(synthReport(5, 17).text).not.toBe(synthReport(6, 17).text);
    expect(synthReport(5, 17).text).not.toBe(synthReport(5, 18).text);
  });
  it('marks every file synthetic on its first line and writes all three templates and layouts', () => {
    const reports = Array.from({ length: 200 }, (_, i) => synthReport(1, i));
    expect(reports.every((r) => r.text.startsWith(`${SYNTH_MARKER}\n`))).toBe(true);
    expect(new Set(reports.map((r) => r.entry.template))).toEqual(new Set(['2008', '2019', '2021']));
    expect(new Set(reports.filter((r) => r.entry.template === '2008').map((r) => r.entry.layout))).toEqual(
      new Set(['cell_per_line', 'tab_rows', 'pipe_cells']),
    );
    // Names look real: a place from the division list and a government or department suffix.
    expect(reports.every((r) => /(人民政府|局|委员会)$/.test(r.entry.agency))).toBe(true);
  });
  it('is flagged by the loader: a synthetic_report info finding on line 1, nothing for a real report', async () => {
    const r = await loadReports([{ file: 'synth_1.txt', text: synthReport(1, 3).text }, { file: 'real.txt', text: synthReport(1, 3).text.replace(`${SYNTH_MARKER}\n`, '') }]);
    const flagged = r.records.findings.filter((f) => f.code === 'synthetic_report');
    expect(flagged.map((f) => [f.severity, f.line, r.records.reports.find((x) => x.report_id === f.report_id)!.file])).toEqual([['info', 1, 'synth_1.txt']]);
  });
  it('keeps the identities of the true values (2019/2021: new + carried over = outcomes + carried to next)', () => {
    for (let i = 0; i < 50; i++) {
      const { entry } = synthReport(3, i, { defectRate: 0 });
      if (entry.template === '2008' || entry.blanks !== 'full') continue;
      const v = (m: string, a: string) => entry.values.find((x) => x.metric === m && x.applicant === a)!.value!;
      for (const a of ['natural_person', 'commercial', 'total']) {
        expect(v('requests.received', a) + v('requests.carried_over', a)).toBe(v('requests.outcome.total', a) + v('requests.carried_to_next', a));
      }
    }
  });
  it('injects defects at the requested rate only', () => {
    const none = Array.from({ length: 100 }, (_, i) => synthReport(9, i, { defectRate: 0 }));
    expect(none.some((r) => r.entry.defects.length)).toBe(false);
    const all = Array.from({ length: 100 }, (_, i) => synthReport(9, i, { defectRate: 1 }));
    const kinds = new Set(all.flatMap((r) => r.entry.defects.map((d) => d.kind)));
    expect(kinds).toEqual(new Set(['shifted', 'conflict', 'identity', 'carry']));
  });
});

describe('series', () => {
  const total = (e: SynthManifestEntry, metric: string) => e.values.find((v) => v.metric === metric && v.applicant === 'total')?.value ?? null;

  it('gives each body one report a year: ten consecutive indexes are one body\'s 2014–2023', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => synthReport(4, i, { defectRate: 0 }).entry);
    expect(new Set(entries.map((e) => `${e.agency}|${e.year}`)).size).toBe(3000);
    for (let b = 0; b < 300; b++) {
      const series = entries.slice(10 * b, 10 * b + 10);
      expect(new Set(series.map((e) => e.agency)).size).toBe(1);
      expect(series.map((e) => e.year).sort()).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    }
    expect(new Set(entries.map((e) => e.agency)).size).toBe(300);
    // The template follows the year.
    expect(entries.every((e) => e.template === (e.year < 2019 ? '2008' : e.year < 2021 ? '2019' : '2021'))).toBe(true);
  });

  it('names every body once before any body twice (the shuffle is a permutation of all 129,232)', () => {
    const n = agencyCount();
    expect(n).toBe(129_232);
    const slots = new Set<number>();
    for (let block = 0; block < n; block++) slots.add(seriesPlace(11, block * 10).slot);
    expect(slots.size).toBe(n);
    expect(seriesPlace(11, n * 10).slot).toBe(seriesPlace(11, 0).slot);
  });

  it('carries over what the previous year left open, except where a carry defect breaks the chain', () => {
    const entries = Array.from({ length: 2000 }, (_, i) => synthReport(6, i).entry);
    let chained = 0;
    let broken = 0;
    for (let i = 1; i < entries.length; i++) {
      const [before, next] = [entries[i - 1]!, entries[i]!];
      if (before.agency !== next.agency || before.year + 1 !== next.year || next.year < 2020) continue;
      const [toNext, over] = [total(before, 'requests.carried_to_next'), total(next, 'requests.carried_over')];
      if (toNext === null || over === null) continue;
      if (next.defects.some((d) => d.kind === 'carry')) {
        expect(over).not.toBe(toNext);
        broken++;
      } else {
        expect(over).toBe(toNext);
        chained++;
      }
    }
    expect(chained).toBeGreaterThan(500);
    expect(broken).toBeGreaterThan(5);
  });
});

describe('synthCorpus', () => {
  it('never writes into data/raw', async () => {
    await expect(synthCorpus({ n: 1, out: path.join(os.tmpdir(), 'x', 'data', 'raw') })).rejects.toThrow(/data\/raw/);
  });

  it('writes synth_ files in a province/year tree and a manifest; the loader recovers ≥ 99% of the true values and flags every defect', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'xxgk-synth-'));
    const r = await synthCorpus({ n: 60, out, seed: 42, defectRate: 0.3 });
    expect(r.files).toBe(60);
    const manifest = await readManifest(r.manifest);
    expect(manifest).toHaveLength(60);
    expect(manifest.every((e) => path.basename(e.file).startsWith('synth_'))).toBe(true);
    const first = manifest[0];
    expect(first.file.split(path.sep).slice(0, 2)).toEqual([first.province, String(first.year)]);
    expect(readFileSync(path.join(out, first.file), 'utf8').split('\n')[0]).toBe(SYNTH_MARKER);
    expect(readdirSync(out)).toContain('manifest.jsonl');

    const loaded = await loadReports([out]);
    const acc = measureAccuracy(manifest, loaded.records);
    expect(acc.missingReports).toBe(0);
    expect(acc.values).toBeGreaterThan(5000);
    expect(acc.accuracy).toBeGreaterThanOrEqual(0.99);
    expect(acc.narrativeExact / acc.narrativeValues).toBeGreaterThanOrEqual(0.99);
    expect(acc.defects).toBeGreaterThan(5);
    // Broken carry-over chains too: the corpus checks flag them across two reports.
    expect(manifest.some((e) => e.defects.some((d) => d.kind === 'carry'))).toBe(true);
    expect(acc.defectsFlagged).toBe(acc.defects);
    expect(acc.wrong).toBeGreaterThan(0);
    expect(acc.wrongUnflagged).toBe(0);
    // Agencies look real in reports.agency (the marker is not taken for the name).
    expect(loaded.records.reports.filter((x) => x.agency?.includes('合成')).length).toBe(0);
  }, 120_000);
});
