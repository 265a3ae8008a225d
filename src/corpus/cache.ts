/**
 * The dataset's cache index (`_corpus.jsonl` in the output folder): one line per report —
 * content hash, file, report id, year partition and part file, and what the corpus checks need
 * (agency, carry-over cells) — so a re-run skips unchanged files, rewrites only parts that hold
 * stale reports, and checks reused reports against new ones.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fnv1a } from '../fnv.ts';
import { withRoom } from './columns.ts';
import type { ReportSummary } from './worker.ts';

export const CACHE_FILE = '_corpus.jsonl';
/** Bump when the dataset layout or the pipeline's output changes incompatibly (5: entries count their error findings). */
export const CACHE_VERSION = 5;

export interface CacheHeader {
  version: number;
  /** Runs so far (part names carry the run number, so new parts never overwrite old ones). */
  run: number;
}

export interface Cache {
  header: CacheHeader;
  /** The part files the index's reports are in (`year=…/part-…`): any other part is an orphan of a failed run. */
  parts: ReadonlySet<string>;
  /** The previous run's entries (unreadable files have no hash: never matched, always stale). */
  entries: PreviousIndex;
}

/**
 * The previous run's index, kept on disk: in memory only a 64-bit key, the line's place in the
 * file and a taken flag per report (≈ 40 bytes, where the parsed entries took ≈ 300), so a
 * re-run over a national corpus does not hold millions of entries. An entry is read back from
 * the file when its file shows up again.
 */
export interface PreviousIndex {
  readonly size: number;
  /** The entry of this hash and file if `accept` takes it; it is then no longer stale. */
  take(hash: string, file: string, accept: (entry: ReportSummary) => boolean): ReportSummary | undefined;
  /** The entries nobody took, in file order: reports whose file vanished or changed. */
  rest(): ReportSummary[];
  close(): void;
}

/** 64-bit key of (content hash, file: mixed in by FNV-1a); the entry read back is always compared in full. */
function keyOf(hash: string, file: string): [number, number] {
  return [(parseInt(hash.slice(0, 8), 16) ^ fnv1a(file)) >>> 0, parseInt(hash.slice(8, 16), 16) >>> 0];
}

/** The run count of the index in `out`, whatever its version (0 without one): run numbers only grow, so a rebuild's parts never take an earlier run's names. */
export function previousRun(out: string): number {
  const file = path.join(out, CACHE_FILE);
  if (!existsSync(file)) return 0;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const text = head.toString('utf8', 0, readSync(fd, head, 0, head.length, 0));
    const run = Number((JSON.parse(text.split('\n')[0]!) as Partial<CacheHeader>).run);
    return Number.isInteger(run) && run > 0 ? run : 0;
  } catch {
    return 0;
  } finally {
    closeSync(fd);
  }
}

export function readCache(out: string): Cache | null {
  const file = path.join(out, CACHE_FILE);
  if (!existsSync(file)) return null;
  const fd = openSync(file, 'r');
  let header: CacheHeader | undefined;
  // Per entry line: byte offset, byte length, and its key's halves (keyed 0: an unreadable file).
  let offsets = new Float64Array(1024);
  let lengths = new Uint32Array(1024);
  let keyHi = new Uint32Array(1024);
  let keyLo = new Uint32Array(1024);
  let keyed = new Uint8Array(1024);
  let lines = 0;
  const parts = new Set<string>();
  try {
    for (const [text, offset, length] of linesOf(fd)) {
      if (!header) {
        header = JSON.parse(text) as CacheHeader;
        if (header.version !== CACHE_VERSION) return closeAnd(fd, null);
        continue;
      }
      const e = JSON.parse(text) as ReportSummary;
      parts.add(e.part);
      (offsets = withRoom(offsets, lines))[lines] = offset;
      (lengths = withRoom(lengths, lines))[lines] = length;
      keyHi = withRoom(keyHi, lines);
      keyLo = withRoom(keyLo, lines);
      keyed = withRoom(keyed, lines);
      // An unreadable file has no hash: never matched, so always stale (its rows are replaced).
      if (e.hash) {
        [keyHi[lines], keyLo[lines]] = keyOf(e.hash, e.file);
        keyed[lines] = 1;
      }
      lines++;
    }
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  if (!header) return closeAnd(fd, null);
  // Open addressing on the key: slot → line + 1 (0 = empty).
  let size = 1 << 10;
  while (size < lines * 2) size *= 2;
  const hi = new Uint32Array(size);
  const lo = new Uint32Array(size);
  const slots = new Uint32Array(size);
  const mask = size - 1;
  for (let line = 0; line < lines; line++) {
    if (!keyed[line]) continue;
    let i = keyLo[line] & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    hi[i] = keyHi[line];
    lo[i] = keyLo[line];
    slots[i] = line + 1;
  }
  const taken = new Uint8Array(lines);
  const entryAt = (line: number): ReportSummary => readEntry(fd, offsets[line], lengths[line]);
  const entries: PreviousIndex = {
    size: lines,
    take(hash, file, accept) {
      const [h, l] = keyOf(hash, file);
      for (let i = l & mask; slots[i] !== 0; i = (i + 1) & mask) {
        if (hi[i] !== h || lo[i] !== l) continue;
        const line = slots[i] - 1;
        if (taken[line]) continue;
        const e = entryAt(line);
        if (e.hash !== hash || e.file !== file) continue;
        if (!accept(e)) return undefined;
        taken[line] = 1;
        return e;
      }
      return undefined;
    },
    rest() {
      const out: ReportSummary[] = [];
      for (let line = 0; line < lines; line++) if (!taken[line]) out.push(entryAt(line));
      return out;
    },
    close() {
      closeSync(fd);
    },
  };
  return { header, parts, entries };
}

/** Where an entry's line sits in an index file: its byte offset and length (newline excluded). */
export interface EntrySpan {
  offset: number;
  length: number;
}

/** Entries of a committed index, read back by where their lines sit. */
export interface EntryReader {
  /** The file's size in bytes (its header line included). */
  readonly bytes: number;
  at(span: EntrySpan): ReportSummary;
  close(): void;
}

/** Open the committed index of `out` for reading entries back: each is read and parsed alone. */
export function openEntries(out: string): EntryReader {
  const fd = openSync(path.join(out, CACHE_FILE), 'r');
  return {
    bytes: fstatSync(fd).size,
    at: (span) => readEntry(fd, span.offset, span.length),
    close() {
      closeSync(fd);
    },
  };
}

/** The entry on the index line at this byte offset. */
function readEntry(fd: number, offset: number, length: number): ReportSummary {
  const buf = Buffer.allocUnsafe(length);
  readSync(fd, buf, 0, length, offset);
  return JSON.parse(buf.toString('utf8')) as ReportSummary;
}

/** Non-empty lines of a file, read 4 MB at a time: [text, byte offset, byte length]. */
function* linesOf(fd: number): Generator<[string, number, number]> {
  const chunk = Buffer.allocUnsafe(1 << 22);
  let carry = Buffer.alloc(0);
  let at = 0; // file offset of buf[0]
  for (let pos = 0; ; ) {
    const n = readSync(fd, chunk, 0, chunk.length, pos);
    pos += n;
    // At the end, a last line without a newline still counts.
    const buf = n ? Buffer.concat([carry, chunk.subarray(0, n)]) : Buffer.concat([carry, Buffer.from('\n')]);
    let start = 0;
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, start)) {
      if (nl > start) yield [buf.toString('utf8', start, nl), at + start, nl - start];
      start = nl + 1;
    }
    if (!n) return;
    carry = Buffer.from(buf.subarray(start));
    at += start;
  }
}

/** The entry lines of an index file (after its header), each with its text. */
function* entryLines(fd: number): Generator<[string, ReportSummary]> {
  let first = true;
  for (const [text] of linesOf(fd)) {
    if (first) first = false;
    else yield [text, JSON.parse(text) as ReportSummary];
  }
}

function closeAnd<T>(fd: number, value: T): T {
  closeSync(fd);
  return value;
}

/**
 * The index written as reports arrive, one JSON line each, so the main thread never holds every
 * report's entry (a national corpus has millions). `commit` completes it as `_corpus.jsonl` in its
 * folder (the corpus loader's is the run's staging folder, moved into place with the run's parts:
 * staging.ts); `abort` discards it.
 */
export interface CacheWriter {
  /**
   * Append an entry. Returns where its line sits in the file as written; committing without
   * dropped parts keeps it there, and dropping moves each later line back by the dropped lines.
   */
  add(entry: ReportSummary): EntrySpan;
  /**
   * Forget the entries of these part files (a worker died before closing them, so they are
   * deleted and their reports read again): they are left out when the index is committed.
   * Returns the entries forgotten.
   */
  drop(parts: ReadonlySet<string>): ReportSummary[];
  commit(): void;
  abort(): void;
}

export function openCacheWriter(out: string, header: CacheHeader): CacheWriter {
  const file = path.join(out, CACHE_FILE);
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  let chunk = JSON.stringify(header) + '\n';
  /** Bytes of the file so far, written or pending. */
  let size = Buffer.byteLength(chunk);
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
  const dropped = new Set<string>();
  return {
    add(entry) {
      // Unreadable files too: they are never skipped, but the index must know their parts.
      const line = JSON.stringify(entry);
      const span = { offset: size, length: Buffer.byteLength(line) };
      size += span.length + 1;
      chunk += line + '\n';
      if (chunk.length > 1 << 20) drain();
      return span;
    },
    drop(parts) {
      if (!open) return [];
      // Rare (a worker died): read back what is written so far, line by line.
      drain();
      const found: ReportSummary[] = [];
      const rfd = openSync(tmp, 'r');
      try {
        for (const [, entry] of entryLines(rfd)) if (parts.has(entry.part) && !dropped.has(entry.part)) found.push(entry);
      } finally {
        closeSync(rfd);
      }
      for (const p of parts) dropped.add(p);
      return found;
    },
    commit() {
      if (!close()) return;
      if (dropped.size) {
        // Copy without the dropped parts' entries, then rename: the previous index stays until then.
        const rfd = openSync(tmp, 'r');
        const wfd = openSync(`${tmp}2`, 'w');
        try {
          let kept = JSON.stringify(header) + '\n';
          for (const [text, entry] of entryLines(rfd)) {
            if (!dropped.has(entry.part)) kept += text + '\n';
            if (kept.length > 1 << 20) {
              writeSync(wfd, kept);
              kept = '';
            }
          }
          writeSync(wfd, kept);
        } finally {
          closeSync(rfd);
          closeSync(wfd);
        }
        renameSync(`${tmp}2`, tmp);
      }
      renameSync(tmp, file);
    },
    abort() {
      if (close()) rmSync(tmp, { force: true });
    },
  };
}
