/**
 * The corpus-level checks (duplicate agency-years, the carry-over chain between years) as
 * DuckDB queries over the written Parquet dataset, so the main thread keeps nothing per report
 * and its memory stays flat however large the corpus. The findings are the ones
 * `validateCorpus` gives in memory (same builders, same messages); only the order of the files
 * in a duplicate message is by file name rather than by arrival.
 */
import { existsSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Finding } from '../types.ts';
import { CARRY_METRICS, carryMismatch, duplicateFindings, type CorpusReport } from '../validate/corpus.ts';
import { openPartStream, type PartStream } from './parquet.ts';
import { parquetSource } from './query.ts';
import { CORPUS_PART_PREFIX, DATASET_TABLES, partFiles, partitionDir } from './schema.ts';

/** Reports whose agency and year are known: the ones the corpus checks compare. */
const knownReports = (out: string) => `
  SELECT * FROM (SELECT report_id, file, agency, TRY_CAST(year AS INTEGER) AS year FROM ${parquetSource(out, 'reports')})
  WHERE agency IS NOT NULL AND year IS NOT NULL`;

/** Every copy of an agency-year loaded more than once, copies of one group adjacent. */
const duplicatesSql = (out: string) => `
  WITH r AS (${knownReports(out)})
  SELECT report_id, file, agency, year FROM r
  WHERE (agency, year) IN (SELECT agency, year FROM r GROUP BY agency, year HAVING count(*) > 1)
  ORDER BY agency, year, file, report_id`;

/**
 * Consecutive-year pairs of one agency whose carry-over cells disagree. A report's cell is its
 * first stated 总计 value by line, as `validateCorpus` takes the first in fact order.
 */
const carrySql = (out: string) => `
  WITH r AS (${knownReports(out)}),
  cell AS (
    SELECT report_id, metric, arg_min(value, coalesce(line, 2147483647)) AS value, min(line) AS line
    FROM ${parquetSource(out, 'facts')}
    WHERE metric IN ('${CARRY_METRICS.toNext}', '${CARRY_METRICS.over}') AND source = 'table'
      AND (applicant IS NULL OR applicant = 'total') AND value IS NOT NULL
    GROUP BY report_id, metric)
  SELECT b.report_id AS b_id, b.file AS b_file, b.agency, b.year AS b_year, t.value AS t_value, t.line AS t_line,
         n.report_id AS n_id, n.file AS n_file, n.year AS n_year, o.value AS o_value, o.line AS o_line
  FROM r b
  JOIN cell t ON t.report_id = b.report_id AND t.metric = '${CARRY_METRICS.toNext}'
  JOIN r n ON n.agency = b.agency AND n.year = b.year + 1
  JOIN cell o ON o.report_id = n.report_id AND o.metric = '${CARRY_METRICS.over}'
  WHERE t.value <> o.value
  ORDER BY b.agency, b.year, b.file, n.file`;

type Row = Record<string, unknown>;
/** Findings per Parquet row group. */
const GROUP_ROWS = 20_000;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Run the corpus checks over the dataset in `out` and write their findings as
 * `findings/year=Y/corpus-r<run>.parquet`, replacing the previous run's. Returns the count.
 */
export async function checkDataset(out: string, run: number): Promise<number> {
  removeCorpusParts(out);
  if (!existsSync(path.join(out, 'reports'))) return 0;
  // A small, capped DuckDB: the checks read a few columns, and the loader's memory stays flat.
  // What does not fit (a corpus with very many duplicates) spills to a folder removed after.
  const spill = path.join(out, '.checks-tmp');
  // Two threads, whatever the core count: DuckDB's memory need grows with its threads (buffers per
  // thread and row group scanned), not much with the corpus. At 64 MB, 3 threads failed on a
  // 100k-report dataset ("failed to pin block") and 8 threads failed at 320 MB on 300k, where 2
  // threads passed at 64.
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '128MB', temp_directory: spill });
  const conn = await instance.connect();
  // Findings are buffered per year; when `GROUP_ROWS` are pending over all years, the biggest
  // year's are written as a row group. A bound per year instead let memory grow with the corpus:
  // a large corpus has many duplicate agency-years in every year (300k synthetic reports: 357k
  // findings, ≈ 110 MB more at the peak).
  type Year = { stream: PartStream | null; rows: Finding[] };
  const years = new Map<string, Year>();
  let count = 0;
  let pending = 0;
  const flushYear = (dir: string, y: Year) => {
    if (!y.rows.length) return;
    y.stream ??= openPartStream(path.join(out, 'findings', dir, `${CORPUS_PART_PREFIX}r${String(run).padStart(3, '0')}.parquet`), DATASET_TABLES.findings);
    y.stream.append(y.rows as unknown as Row[]);
    pending -= y.rows.length;
    y.rows = [];
  };
  const write = (year: number, findings: Finding[]) => {
    const dir = partitionDir(year);
    let y = years.get(dir);
    if (!y) years.set(dir, (y = { stream: null, rows: [] }));
    for (const f of findings) y.rows.push(f);
    count += findings.length;
    pending += findings.length;
    if (pending < GROUP_ROWS) return;
    let biggest: [string, Year] = [dir, y];
    for (const entry of years) if (entry[1].rows.length > biggest[1].rows.length) biggest = entry;
    flushYear(...biggest);
  };
  try {
    // Duplicates: the copies of one group arrive together, in file order.
    let group: CorpusReport[] = [];
    const flush = () => {
      if (group.length > 1) write(group[0].year, duplicateFindings(group));
      group = [];
    };
    for await (const rows of (await conn.stream(duplicatesSql(out))).yieldRowObjectJs()) {
      for (const row of rows) {
        const r = { report_id: String(row.report_id), file: String(row.file), agency: String(row.agency), year: num(row.year) as number };
        if (group.length && (group[0].agency !== r.agency || group[0].year !== r.year)) flush();
        group.push(r);
      }
    }
    flush();

    if (existsSync(path.join(out, 'facts'))) {
      for await (const rows of (await conn.stream(carrySql(out))).yieldRowObjectJs()) {
        for (const row of rows) {
          const agency = String(row.agency);
          const before = { report_id: String(row.b_id), file: String(row.b_file), agency, year: num(row.b_year) as number };
          const next = { report_id: String(row.n_id), file: String(row.n_file), agency, year: num(row.n_year) as number };
          const [a, b] = carryMismatch(before, { value: num(row.t_value) as number, line: num(row.t_line) }, next, { value: num(row.o_value) as number, line: num(row.o_line) });
          if (a) write(before.year, [a]);
          if (b) write(next.year, [b]);
        }
      }
    }
    for (const [dir, y] of years) flushYear(dir, y);
  } finally {
    for (const y of years.values()) y.stream?.close();
    conn.closeSync();
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
  return count;
}

/** Delete the corpus findings of earlier runs (the checks always cover the whole dataset). */
function removeCorpusParts(out: string): void {
  for (const f of partFiles(out)) if (f.table === 'findings' && f.name.startsWith(CORPUS_PART_PREFIX)) unlinkSync(f.file);
}
