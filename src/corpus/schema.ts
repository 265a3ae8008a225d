/**
 * The Parquet dataset's tables and column types. Every table is partitioned by the report
 * year (Hive style `table/year=2019/part-….parquet`); `year` lives in the folder name, not in
 * the files, so engines add it as a partition column (DuckDB hive_partitioning, Spark, Trino).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { BasicType } from 'hyparquet-writer';

export type ColumnSpec = readonly [name: string, type: BasicType];

/** How a view's count was resolved: which source won, whether it is a zero the identities proved, its line. */
const RESOLVED = [['source', 'STRING'], ['inferred', 'BOOLEAN'], ['line', 'INT32']] as const satisfies readonly ColumnSpec[];

export const DATASET_TABLES = {
  reports: [
    ['report_id', 'STRING'], ['file', 'STRING'], ['format', 'STRING'], ['encoding', 'STRING'], ['agency', 'STRING'],
    ['agency_type', 'STRING'], ['province', 'STRING'], ['city', 'STRING'], ['county', 'STRING'], ['admin_code', 'STRING'],
    ['level', 'STRING'], ['template', 'STRING'], ['scope', 'STRING'], ['published', 'STRING'], ['status', 'STRING'],
    ['content_hash', 'STRING'],
  ],
  facts: [
    ['report_id', 'STRING'], ['metric', 'STRING'], ['applicant', 'STRING'], ['value', 'DOUBLE'], ['unit', 'STRING'],
    ['source', 'STRING'], ['approx', 'BOOLEAN'], ['how', 'STRING'], ['label', 'STRING'], ['text', 'STRING'], ['line', 'INT32'],
  ],
  findings: [
    ['report_id', 'STRING'], ['severity', 'STRING'], ['code', 'STRING'], ['message', 'STRING'], ['metric', 'STRING'], ['line', 'INT32'],
  ],
  // The views as loadReports builds them (VIEW_COLUMNS), `year` in the folder name.
  channels: [
    ['report_id', 'STRING'], ['agency', 'STRING'], ['channel', 'STRING'], ['count', 'DOUBLE'], ...RESOLVED,
  ],
  requests: [
    ['report_id', 'STRING'], ['agency', 'STRING'], ['template', 'STRING'], ['by', 'STRING'], ['key', 'STRING'], ['count', 'DOUBLE'],
    ...RESOLVED,
  ],
  outcomes: [
    ['report_id', 'STRING'], ['agency', 'STRING'], ['template', 'STRING'], ['outcome', 'STRING'], ['group', 'STRING'], ['count', 'DOUBLE'],
    ...RESOLVED,
  ],
  appeals: [['report_id', 'STRING'], ['agency', 'STRING'], ['kind', 'STRING'], ['result', 'STRING'], ['count', 'DOUBLE'], ...RESOLVED],
} as const satisfies Record<string, readonly ColumnSpec[]>;

/**
 * Min/max statistics only on numeric and boolean columns. String statistics were a third of the
 * Parquet writing time, and rows are not sorted by any string column, so an engine could not
 * prune row groups with them anyway (the year is the partition folder).
 */
export const withStatistics = (type: BasicType): boolean => type !== 'STRING';

export type DatasetTable = keyof typeof DATASET_TABLES;
export const TABLE_NAMES = Object.keys(DATASET_TABLES) as DatasetTable[];

/** Folder name of a year partition; an unknown year goes where Hive/Spark put nulls. */
export function partitionDir(year: number | null): string {
  return `year=${year ?? '__HIVE_DEFAULT_PARTITION__'}`;
}

/** The prefix of the corpus findings' part files (one per year and run, src/corpus/checks.ts). */
export const CORPUS_PART_PREFIX = 'corpus-';

/** A run's tag in part names (`r003`): parts of a new run never overwrite an earlier run's. */
export const runTag = (run: number): string => `r${String(run).padStart(3, '0')}`;

/** A Parquet file of a dataset: its table, its part (`year=…/part-…`, no extension) and path. */
export interface PartFile {
  table: DatasetTable;
  part: string;
  name: string;
  file: string;
}

/** Every Parquet file under a dataset folder, table by table and year by year. */
export function* partFiles(out: string): Generator<PartFile> {
  for (const table of TABLE_NAMES) {
    const root = path.join(out, table);
    if (!existsSync(root)) continue;
    for (const dir of readdirSync(root)) {
      for (const name of readdirSync(path.join(root, dir))) {
        yield { table, part: `${dir}/${name.replace(/\.parquet$/, '')}`, name, file: path.join(root, dir, name) };
      }
    }
  }
}
