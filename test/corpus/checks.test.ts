import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/corpus/checks.ts';
import { openPartStream, writeParquetRows } from '../../src/corpus/parquet.ts';
import { queryParquet } from '../../src/corpus/query.ts';
import { DATASET_TABLES, partitionDir } from '../../src/corpus/schema.ts';
import type { Fact, ReportRow } from '../../src/types.ts';
import { validateCorpus } from '../../src/validate/corpus.ts';
import { fact, report } from '../validate/fixtures.ts';

type Row = Record<string, unknown>;

/** Write reports and facts as a year-partitioned dataset, the way the corpus loader lays it out. */
function dataset(reports: ReportRow[], facts: Fact[]): string {
  const out = mkdtempSync(path.join(os.tmpdir(), 'xxgk-checks-'));
  const years = new Map(reports.map((r) => [r.report_id, r.year]));
  for (const year of new Set(reports.map((r) => r.year))) {
    const dir = partitionDir(year);
    const ids = new Set(reports.filter((r) => r.year === year).map((r) => r.report_id));
    // `year` lives in the folder name, as in the loader's parts.
    const strip = (r: Row) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'year'));
    writeParquetRows(path.join(out, 'reports', dir, 'part-0.parquet'), DATASET_TABLES.reports, reports.filter((r) => ids.has(r.report_id)).map((r) => strip(r as unknown as Row)));
    const mine = facts.filter((f) => years.get(f.report_id) === year);
    if (mine.length) writeParquetRows(path.join(out, 'facts', dir, 'part-0.parquet'), DATASET_TABLES.facts, mine as unknown as Row[]);
  }
  return out;
}

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

describe('checkDataset', () => {
  it('finds over the Parquet dataset exactly what validateCorpus finds in memory', async () => {
    const out = dataset(reports, facts);
    const n = await checkDataset(out, 3);
    const expected = validateCorpus(reports, facts);
    // 2 duplicate warnings (2020 twice), 2019→2020 once against the first copy, twice against 2021.
    expect(expected.map((f) => f.code)).toEqual(['duplicate_report', 'duplicate_report', ...Array(6).fill('cross_year_mismatch')]);
    expect(n).toBe(expected.length);
    const got = await queryParquet(out, 'SELECT report_id, severity, code, message, metric, line FROM findings');
    const key = (f: object) => JSON.stringify(f);
    expect(got.objects().map(key).sort()).toEqual(expected.map(key).sort());
    // The duplicate message names the copies in file-name order.
    expect(expected[0].message).toBe('某区政府 2020 is loaded 2 times: in/2020-copy.txt, in/2020.txt');
    // Each finding sits in its report's year partition, in a part named for the run.
    const years = await queryParquet(out, `SELECT report_id, year, filename LIKE '%corpus-r003.parquet' AS named FROM read_parquet('${out}/findings/**/*.parquet', hive_partitioning = true, filename = true) ORDER BY ALL`);
    expect(new Set(years.objects().map((r) => `${(r as Row).report_id}:${(r as Row).year}:${(r as Row).named}`))).toEqual(
      new Set(['a19:2019:true', 'a20:2020:true', 'a20b:2020:true', 'a21:2021:true']),
    );
  });

  it('replaces the previous run’s corpus findings and finds nothing in a consistent corpus', async () => {
    const out = dataset(reports, facts);
    await checkDataset(out, 1);
    const clean = reports.filter((r) => r.report_id !== 'a20b' && r.report_id !== 'a19' && r.report_id !== 'a21');
    const again = dataset(clean, facts);
    expect(await checkDataset(again, 2)).toBe(0);
    expect(await checkDataset(out, 2)).toBe(8);
    const parts = await queryParquet(out, `SELECT count(DISTINCT filename) AS files, count(*) AS n FROM read_parquet('${out}/findings/**/*.parquet', filename = true)`);
    expect(parts.objects()).toEqual([{ files: 3, n: 8 }]);
  });

  it('stays within its memory cap on a dataset of many row groups, whatever the core count', async () => {
    // 1,000 reports of 150 facts in row groups of 500: given a thread per core (64 of them), the
    // capped DuckDB ran out of memory here ("could not allocate block"); it now always takes 2.
    const out = mkdtempSync(path.join(os.tmpdir(), 'xxgk-checks-cores-'));
    for (let y = 0; y < 10; y++) {
      const reports: Row[] = [];
      const facts: Row[] = [];
      for (let i = y; i < 1000; i += 10) {
        reports.push({ report_id: `r${i}`, file: `f${i}.txt`, agency: `agency ${i % 50}`, status: 'ok' });
        for (let k = 0; k < 150; k++) facts.push({ report_id: `r${i}`, metric: k < 2 ? ['requests.carried_to_next', 'requests.carried_over'][k] : `m${k}`, value: k, source: 'table', line: k + 1 });
      }
      writeParquetRows(path.join(out, 'reports', `year=${2014 + y}`, 'part-0.parquet'), DATASET_TABLES.reports, reports);
      const stream = openPartStream(path.join(out, 'facts', `year=${2014 + y}`, 'part-0.parquet'), DATASET_TABLES.facts);
      for (let i = 0; i < facts.length; i += 500) stream.append(facts.slice(i, i + 500));
      stream.close();
    }
    // Every report shares its agency-year with 19 others: 1,000 duplicate findings.
    expect(await checkDataset(out, 1)).toBe(1000);
  }, 60_000);
});
