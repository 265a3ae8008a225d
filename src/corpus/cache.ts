/**
 * The dataset's cache index (`_corpus.jsonl` in the output folder): one line per report —
 * content hash, file, report id, year partition and part file — so a re-run skips unchanged
 * files and rewrites only parts that hold stale reports.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ReportSummary } from './worker.ts';

export const CACHE_FILE = '_corpus.jsonl';
/** Bump when the dataset layout or the pipeline's output changes incompatibly. */
export const CACHE_VERSION = 2;

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

/**
 * The index written as reports arrive, one JSON line each, so the main thread never holds every
 * report's entry (a national corpus has millions). `commit` renames it over the previous index
 * (a crash mid-run leaves the previous one); `abort` discards it.
 */
export interface CacheWriter {
  add(entry: ReportSummary): void;
  commit(): void;
  abort(): void;
}

export function openCacheWriter(out: string, header: CacheHeader): CacheWriter {
  const file = path.join(out, CACHE_FILE);
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  let chunk = JSON.stringify(header) + '\n';
  let open = true;
  const drain = () => {
    if (chunk) writeSync(fd, chunk);
    chunk = '';
  };
  const close = () => {
    if (!open) return false;
    open = false;
    try {
      drain();
    } finally {
      closeSync(fd);
    }
    return true;
  };
  return {
    add(entry) {
      if (!entry.hash) return; // unreadable files are never skipped
      chunk += JSON.stringify(entry) + '\n';
      if (chunk.length > 1 << 20) drain();
    },
    commit() {
      if (close()) renameSync(tmp, file);
    },
    abort() {
      if (close()) rmSync(tmp, { force: true });
    },
  };
}
