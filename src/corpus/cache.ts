/**
 * The dataset's cache index (`_corpus.jsonl` in the output folder): one line per report —
 * content hash, file, report id, year partition and part file, plus what corpus validation
 * needs — so a re-run skips unchanged files and rewrites only parts that hold stale reports.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportSummary } from './worker.ts';

export const CACHE_FILE = '_corpus.jsonl';
/** Bump when the dataset layout or the pipeline's output changes incompatibly. */
export const CACHE_VERSION = 1;

export interface CacheHeader {
  version: number;
  /** Runs so far (part names carry the run number, so new parts never overwrite old ones). */
  run: number;
}

export interface Cache {
  header: CacheHeader;
  /** cacheKey(hash, file) → summary (unreadable files have no hash and are never cached). */
  entries: Map<string, ReportSummary>;
}

/** A report is unchanged when the same file has the same content. */
export const cacheKey = (hash: string, file: string) => `${hash}|${file}`;

export function readCache(out: string): Cache | null {
  const file = path.join(out, CACHE_FILE);
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  if (!lines.length) return null;
  const header = JSON.parse(lines[0]) as CacheHeader;
  if (header.version !== CACHE_VERSION) return null;
  const entries = new Map<string, ReportSummary>();
  for (const l of lines.slice(1)) {
    const e = JSON.parse(l) as ReportSummary;
    if (e.hash) entries.set(cacheKey(e.hash, e.file), e);
  }
  return { header, entries };
}

/** Write atomically (a crash mid-write leaves the previous index). */
export function writeCache(out: string, header: CacheHeader, entries: Iterable<ReportSummary>): void {
  const file = path.join(out, CACHE_FILE);
  const parts = [JSON.stringify(header)];
  for (const e of entries) if (e.hash) parts.push(JSON.stringify(e));
  writeFileSync(`${file}.tmp`, parts.join('\n') + '\n');
  renameSync(`${file}.tmp`, file);
}
