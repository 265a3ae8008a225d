/**
 * Query the Parquet dataset beyond memory with an embedded DuckDB; results come back as
 * Arquero tables. Only the aggregate crosses into JavaScript, never the facts.
 *
 *   const t = await queryParquet('out/national', `
 *     SELECT year, channel, sum(count) AS n FROM channels GROUP BY ALL ORDER BY ALL`);
 *
 * Every dataset table (reports, facts, findings, channels, requests, outcomes, appeals) is a
 * view over `read_parquet('<dir>/<table>/**\/*.parquet', hive_partitioning = true)`, so
 * `year` is a column and `WHERE year = 2021` reads only that partition.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as aq from 'arquero';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { XxgkError } from '../errors.ts';
import { DATASET_TABLES, TABLE_NAMES, type DatasetTable } from './schema.ts';

type Table = ReturnType<typeof aq.table>;

/** The read_parquet expression of a dataset table. */
function parquetSource(dir: string, table: string): string {
  const glob = path.join(path.resolve(dir), table, '**', '*.parquet').split("'").join("''");
  return `read_parquet('${glob}', hive_partitioning = true, union_by_name = true)`;
}

const SQL_TYPES = { STRING: 'VARCHAR', DOUBLE: 'DOUBLE', INT32: 'INTEGER', BOOLEAN: 'BOOLEAN' } as const;

/** A table's columns, and its hive `year` (a BIGINT, as DuckDB reads it from the folder names), without rows. */
function emptySource(table: DatasetTable): string {
  const columns = DATASET_TABLES[table].map(([name, type]) => `CAST(NULL AS ${SQL_TYPES[type as keyof typeof SQL_TYPES]}) AS "${name}"`);
  return `(SELECT ${[...columns, 'CAST(NULL AS BIGINT) AS "year"'].join(', ')} WHERE false)`;
}

/** Whether a folder holds a .parquet file at any depth. */
function holdsParquet(dir: string): boolean {
  if (!existsSync(dir)) return false;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() ? holdsParquet(path.join(dir, entry.name)) : entry.name.endsWith('.parquet')) return true;
  }
  return false;
}

const connections = new Map<string, Promise<DuckDBConnection>>();

/** One in-memory DuckDB per dataset folder, with a view per table present. */
async function connect(dir: string): Promise<DuckDBConnection> {
  const key = path.resolve(dir);
  let c = connections.get(key);
  if (!c) {
    c = (async () => {
      if (!existsSync(key)) throw new XxgkError('bad_argument', `no Parquet dataset at ${dir}`);
      const instance = await DuckDBInstance.create(':memory:');
      const conn = await instance.connect();
      // A table without part files (a corpus with no findings, say) is an empty view of its
      // columns: a query over it answers nothing rather than failing.
      for (const t of TABLE_NAMES) {
        const source = holdsParquet(path.join(key, t)) ? parquetSource(key, t) : emptySource(t);
        await conn.run(`CREATE VIEW "${t}" AS SELECT * FROM ${source}`);
      }
      return conn;
    })();
    connections.set(key, c);
  }
  return c;
}

/** Run SQL over the dataset in `dir` (tables by name) and return an Arquero table. */
export async function queryParquet(dir: string, sql: string): Promise<Table> {
  const conn = await connect(dir);
  const reader = await conn.runAndReadAll(sql);
  const columns = reader.getColumnsObjectJS() as Record<string, unknown[]>;
  // BIGINT sums come back as BigInt: analysts want numbers.
  for (const name of Object.keys(columns)) {
    const col = columns[name];
    for (let i = 0; i < col.length; i++) if (typeof col[i] === 'bigint') col[i] = Number(col[i]);
  }
  // Keep the column order of the query, also for an empty result.
  const ordered: Record<string, unknown[]> = {};
  for (const name of reader.columnNames()) ordered[name] = columns[name] ?? [];
  return aq.table(ordered);
}

/** Close the cached DuckDB connections (scripts that want to exit promptly). */
export function closeQueries(): void {
  for (const c of connections.values()) void c.then((conn) => conn.closeSync?.()).catch(() => undefined);
  connections.clear();
}

/** The standard aggregations, as SQL over the dataset's views. */
export const STANDARD_SQL = {
  /** Items published per channel per year (the resolved channel counts, without totals). */
  channelMixByYear: `SELECT year, channel, sum(count) AS count, count(DISTINCT report_id) AS reports
    FROM channels WHERE channel <> 'total' AND count IS NOT NULL GROUP BY year, channel ORDER BY year, channel`,
  /**
   * Request outcomes per crosswalk group and year (and the outcomes' `total`). Rows whose group
   * is null are aggregates whose sub-rows are counted already (2008 `denied`): left out.
   */
  outcomesByGroup: `SELECT year, "group", sum(count) AS count, count(DISTINCT report_id) AS reports
    FROM outcomes WHERE count IS NOT NULL AND "group" IS NOT NULL GROUP BY year, "group" ORDER BY year, "group"`,
  /** Appeals (reconsideration, litigation …) per result and year. */
  appealsByResult: `SELECT year, kind, result, sum(count) AS count
    FROM appeals WHERE count IS NOT NULL GROUP BY year, kind, result ORDER BY year, kind, result`,
} as const;

export const channelMixByYear = (dir: string) => queryParquet(dir, STANDARD_SQL.channelMixByYear);
export const outcomesByGroup = (dir: string) => queryParquet(dir, STANDARD_SQL.outcomesByGroup);
export const appealsByResult = (dir: string) => queryParquet(dir, STANDARD_SQL.appealsByResult);
