import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_VERSION, openCacheWriter } from '../../src/corpus/cache.ts';
import { checkCorpus, CorpusLedger, LEDGER_FILE } from '../../src/corpus/checks.ts';
import { queryParquet } from '../../src/corpus/query.ts';
import type { ReportSummary } from '../../src/corpus/worker.ts';
import type { Fact, ReportRow } from '../../src/types.ts';
import { CARRY_METRICS, carryCell, validateCorpus } from '../../src/validate/corpus.ts';
import { indexReport } from '../../src/validate/cells.ts';
import { fact, report } from '../validate/fixtures.ts';

type Row = Record<string, unknown>;

/** The cache entry the corpus loader records for a report (part: one per year, as a worker's). */
function summary(r: ReportRow, facts: readonly Fact[], part = `year=${r.year}/part-r001w00-0000`): ReportSummary {
  const mine = facts.filter((f) => f.report_id === r.report_id);
  const { table } = indexReport(mine, r.report_id);
  return {
    hash: null,
    file: r.file,
    report_id: r.report_id,
    year: r.year,
    part,
    status: r.status,
    facts: mine.length,
    findings: 0,
    errors: 0,
    agency: r.agency,
    toNext: carryCell(table, CARRY_METRICS.toNext) ?? null,
    over: carryCell(table, CARRY_METRICS.over) ?? null,
  };
}

/** A run: entries to the index and the ledger side by side, the index committed, the checks run. */
function run(entries: ReportSummary[], opts: { out?: string; run?: number; lost?: { after: number; parts: string[] }; bucketEntries?: number } = {}) {
  const out = opts.out ?? mkdtempSync(path.join(os.tmpdir(), 'xxgk-checks-'));
  const index = openCacheWriter(out, { version: CACHE_VERSION, run: opts.run ?? 3 });
  const ledger = new CorpusLedger(out, opts.bucketEntries);
  entries.forEach((e, i) => {
    ledger.add(e, index.add(e));
    if (opts.lost && i + 1 === opts.lost.after) {
      const parts = new Set(opts.lost.parts);
      index.drop(parts);
      ledger.drop(parts);
    }
  });
  index.commit();
  try {
    const found = checkCorpus(ledger, out, opts.run ?? 3);
    return { out, count: found.findings, errors: found.errors };
  } finally {
    ledger.close();
  }
}

const findingsOf = async (out: string) =>
  (await queryParquet(out, `SELECT report_id, severity, code, message, metric, line, year, filename LIKE '%corpus-r003.parquet' AS named FROM read_parquet('${out}/findings/**/*.parquet', hive_partitioning = true, filename = true)`)).objects() as Row[];

const agency = '某区政府';
const reports = [
  report({ report_id: 'a19', file: 'in/2019.txt', agency, year: 2019, template: '2019' }),
  report({ report_id: 'a20', file: 'in/2020.txt', agency, year: 2020, template: '2019' }),
  report({ report_id: 'a20b', file: 'in/2020-copy.txt', agency, year: 2020, template: '2019' }),
  report({ report_id: 'a21', file: 'in/2021.txt', agency, year: 2021, template: '2019' }),
  report({ report_id: 'b19', file: 'in/b2019.txt', agency: '另一区政府', year: 2019, template: '2019' }),
  report({ report_id: 'b20', file: 'in/b2020.txt', agency: '另一区政府', year: 2020, template: '2019' }),
  report({ report_id: 'nul', file: 'in/unknown.txt', agency: null, year: 2020 }),
];
const facts = [
  fact('requests.carried_to_next', 4, { report_id: 'a19', applicant: 'total', line: 40 }),
  fact('requests.carried_to_next', 3, { report_id: 'a19', applicant: 'natural_person', line: 41 }),
  fact('requests.carried_over', 2, { report_id: 'a20', applicant: 'total', line: 30 }),
  fact('requests.carried_over', 4, { report_id: 'a20b', applicant: 'total', line: 31 }),
  fact('requests.carried_to_next', 7.5, { report_id: 'a20', applicant: 'total', line: 50 }),
  fact('requests.carried_to_next', 7.5, { report_id: 'a20b', applicant: 'total', line: 50 }),
  fact('requests.carried_over', 7, { report_id: 'a21', applicant: 'total', line: 20 }),
  // Prose and blanks never count; the other agency's chain agrees.
  fact('requests.carried_over', 9, { report_id: 'a21', source: 'narrative', line: 5 }),
  fact('requests.carried_to_next', 1, { report_id: 'b19', applicant: 'total', line: 40 }),
  fact('requests.carried_over', 1, { report_id: 'b20', applicant: 'total', line: 30 }),
  fact('requests.carried_to_next', null, { report_id: 'b20', applicant: 'total', line: 44 }),
];
const key = (f: object) => JSON.stringify(f);
const plain = (rows: Row[]) => rows.map(({ year: _y, named: _n, ...f }) => f);

describe('checkCorpus', () => {
  it('refuses an index that does not hold the ledger\'s entries (findings would land on the wrong reports)', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'xxgk-checks-'));
    const index = openCacheWriter(out, { version: CACHE_VERSION, run: 3 });
    const ledger = new CorpusLedger(out);
    const entries = reports.map((r) => summary(r, facts));
    // The first entry's line never reaches the index; the ledger is told it is there.
    const elsewhere = openCacheWriter(mkdtempSync(path.join(os.tmpdir(), 'xxgk-checks-')), { version: CACHE_VERSION, run: 3 });
    entries.forEach((e, i) => ledger.add(e, i === 0 ? elsewhere.add(e) : index.add(e)));
    elsewhere.abort();
    index.commit();
    expect(() => checkCorpus(ledger, out, 3)).toThrow(/the cache index of .* is \d+ bytes where the corpus checks expect \d+ \(7 entries\)/);
    ledger.close();
    expect(existsSync(path.join(out, LEDGER_FILE))).toBe(false);
  });

  // bucketEntries 1: every entry in a bucket file of its own key, as on a national corpus.
  it.each([undefined, 1])('finds from the ledger and the index exactly what validateCorpus finds in memory, whatever the arrival order (buckets of %s)', async (bucketEntries) => {
    const expected = validateCorpus(reports, facts);
    // 2 duplicate warnings (2020 twice), 2019→2020 once against the first copy, twice against 2021.
    expect(expected.map((f) => f.code)).toEqual(['duplicate_report', 'duplicate_report', ...Array(6).fill('cross_year_mismatch')]);
    expect(expected[0].message).toBe('某区政府 2020 is loaded 2 times: in/2020-copy.txt, in/2020.txt');
    for (const order of [reports, [...reports].reverse()]) {
      const { out, count, errors } = run(order.map((r) => summary(r, facts)), { bucketEntries });
      expect(count).toBe(expected.length);
      expect(errors).toBe(6); // the carry-over mismatches; duplicates are warnings
      expect(readdirSync(out).filter((f) => f.startsWith(LEDGER_FILE))).toEqual([]);
      const got = await findingsOf(out);
      expect(plain(got).map(key).sort()).toEqual(expected.map(key).sort());
      // Each finding sits in its report's year partition, in a part named for the run.
      expect(new Set(got.map((r) => `${r.report_id}:${r.year}:${r.named}`))).toEqual(new Set(['a19:2019:true', 'a20:2020:true', 'a20b:2020:true', 'a21:2021:true']));
    }
  });

  it.each([undefined, 1])("leaves out the entries of a dead worker's parts (read again, they count once; buckets of %s)", async (bucketEntries) => {
    const lost = 'year=2020/part-r003w01-0002';
    const entries = reports.map((r) => summary(r, facts));
    // a20 and a20b first arrive in a part that is then lost, and come again from another worker.
    const first = entries.map((e) => (e.year === 2020 && e.agency === agency ? { ...e, part: lost } : e));
    const again = entries.filter((e) => e.year === 2020 && e.agency === agency).map((e) => ({ ...e, part: 'year=2020/part-r003w02-0000' }));
    const { out, count } = run([...first, ...again], { lost: { after: first.length, parts: [lost] }, bucketEntries });
    expect(count).toBe(8); // not 4 copies of 2020
    expect((await findingsOf(out)).filter((f) => f.code === 'duplicate_report').map((f) => f.message)).toEqual(Array(2).fill('某区政府 2020 is loaded 2 times: in/2020-copy.txt, in/2020.txt'));
  });

  it('replaces the previous run’s corpus findings and finds nothing in a consistent corpus', async () => {
    const { out } = run(reports.map((r) => summary(r, facts)), { run: 1 });
    const clean = reports.filter((r) => r.report_id !== 'a20b' && r.report_id !== 'a19' && r.report_id !== 'a21');
    expect(run(clean.map((r) => summary(r, facts))).count).toBe(0);
    expect(run(reports.map((r) => summary(r, facts)), { out, run: 2 }).count).toBe(8);
    const parts = await queryParquet(out, `SELECT count(DISTINCT filename) AS files, count(*) AS n FROM read_parquet('${out}/findings/**/*.parquet', filename = true)`);
    expect(parts.objects()).toEqual([{ files: 3, n: 8 }]);
  });

  it('writes many findings a row group at a time (1,000 reports in 50 agency-years)', async () => {
    const entries: ReportSummary[] = [];
    for (let i = 0; i < 1000; i++) {
      const year = 2014 + (i % 10);
      entries.push({ ...summary(report({ report_id: `r${i}`, file: `f${String(i).padStart(4, '0')}.txt`, agency: `agency ${i % 50}`, year }), []), toNext: { value: 1, line: 3 }, over: { value: 1, line: 2 } });
    }
    const { out, count } = run(entries);
    // Every report shares its agency-year with 19 others; the chain agrees.
    expect(count).toBe(1000);
    const got = await findingsOf(out);
    expect(new Set(got.map((f) => f.report_id)).size).toBe(1000);
    expect(got.find((f) => f.report_id === 'r0')!.message).toMatch(/^agency 0 2014 is loaded 20 times: f0000.txt, f0050.txt, /);
  });
});
