/**
 * The streaming, parallel corpus loader: a folder tree of any size → a Hive-partitioned
 * Parquet dataset (`out/<table>/year=YYYY/part-….parquet`) with bounded memory.
 *
 * The main thread walks the inputs (one file in memory at a time), hashes each file, skips
 * files the cache index knows unchanged, and hands batches to worker threads; the workers run
 * read → processDoc → validateReport → views and write their own part files. Each report's
 * cache entry goes straight to the index on disk, and its agency, year and carry-over cells to
 * the corpus checks' ledger file as a few numbers (checks.ts), which at the end writes
 * `findings/year=Y/corpus-….parquet`; so the main thread holds only its id's 64-bit key per
 * report (ids.ts). A worker that dies is replaced and what it lost is read
 * again (pool.ts): one bad file never costs the run.
 *
 * Everything a run writes goes to a hidden staging folder first, moved into place only when the
 * run is complete (staging.ts): readers of the dataset see the last complete run, and a run that
 * fails, is interrupted or killed leaves the dataset as it was.
 */
import { existsSync, mkdirSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isXxgkError, XxgkError } from '../errors.ts';
import { sha256 } from '../read/decode.ts';
import { DEFAULT_EXTENSIONS, DEFAULT_MAX_FILE_BYTES, iterateSources, type Input } from '../read/inputs.ts';
import { type Cache, CACHE_VERSION, openCacheWriter, previousRun, readCache } from './cache.ts';
import { checkCorpus, CorpusLedger } from './checks.ts';
import { workerEntry } from './bundle.ts';
import { ReportIds } from './ids.ts';
import { filterPart } from './parquet.ts';
import { defaultWorkers, largeFileBytes, largeHeapMb, WorkerPool } from './pool.ts';
import { fallbackId, type WorkItem } from './process.ts';
import { type Progress, stderrProgress } from './progress.ts';
import { CORPUS_PART_PREFIX, DATASET_TABLES, partFiles, runTag, TABLE_NAMES } from './schema.ts';
import { commit, liveRun, openStaging, recover, type Staging } from './staging.ts';
import type { Source } from '../types.ts';
import type { ReportSummary } from './worker.ts';

export interface CorpusOptions {
  out: string;
  /** Worker threads. Default: one per core, fewer when the free memory would not hold them (≈ 256 MB each). */
  workers?: number;
  /**
   * Reports per batch sent to a worker (a batch is also cut at 8 MB). Default 128: each batch
   * costs two messages and two thread wake-ups, and at 32 a 100k-report load took ≈ 4% longer.
   */
  batchSize?: number;
  /**
   * Rows (facts + reports) per part file before a worker starts a new one. Default 500,000: a
   * re-run rewrites every part that holds a changed report, so parts stay moderate.
   */
  partRows?: number;
  /**
   * Bytes (estimated) a worker holds in columns over all tables and years before it writes the
   * files holding most as Parquet row groups. Default 4 MB (≈ 13,000 facts rows a row group on
   * 18 years; 8 MB gave ≈ 17,700, and 20 MB more at the peak of a 100k load and 44 MB of a
   * million-report one).
   */
  bufferBytes?: number;
  /** Ignore and replace an existing dataset instead of reusing unchanged reports. */
  rebuild?: boolean;
  /** Build the analysis views (channels, requests, outcomes, appeals). Default true. */
  views?: boolean;
  maxFileBytes?: number;
  /**
   * Old-generation heap cap of each regular worker, in MB. Default 128. A file over 1/32 of it
   * (4 MB by default) goes alone to one more worker, started on first need, whose cap leaves room
   * for the largest file read: 8 × maxFileBytes + 64 MB (464 MB by default). A worker that
   * exceeds its cap is replaced and what it lost read again (pool.ts); a file that runs even the
   * large-file worker out of memory becomes a failed report (`out_of_memory`).
   */
  workerHeapMb?: number;
  /** Progress callback (about every 250 ms, and once at the end). */
  onProgress?: (p: Progress) => void;
  /** Write a progress line to stderr (default true when onProgress is not given). */
  progress?: boolean;
  /**
   * Stops the run (the CLI's on SIGINT): loadCorpus then rejects with the signal's reason, its
   * workers stopped and its staging removed; the dataset stays as the last complete run left it.
   */
  signal?: AbortSignal;
}

export interface CorpusResult {
  out: string;
  files: number;
  processed: number;
  skipped: number;
  /** Reports of earlier runs removed because their file vanished or changed. */
  removed: number;
  failed: number;
  bytes: number;
  facts: number;
  findings: number;
  corpusFindings: number;
  /** Error findings in the dataset: of every report in it (reused ones too) and of the corpus checks. */
  errors: number;
  workers: number;
  elapsedMs: number;
  /** Sum over workers of time spent processing batches. */
  busyMs: number;
  /** Highest process RSS sampled during the run (workers are threads of the same process). */
  peakRssBytes: number;
  /**
   * Process RSS sampled every 250 ms as [files done, bytes], thinned to at most ~1,000 points
   * on long runs: shows whether memory grows with the files read (it should not).
   */
  memory: Array<[files: number, rssBytes: number]>;
  parts: number;
}

/** Count the files a run will see (cheap: names only), so progress can show an ETA; stops walking when `signal` aborts. */
export async function countInputs(inputs: readonly Input[], extensions: readonly string[] = DEFAULT_EXTENSIONS, signal?: AbortSignal): Promise<number> {
  const exts = new Set(extensions);
  let n = 0;
  const walk = async (dir: string): Promise<void> => {
    if (signal?.aborted) return;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (exts.has(path.extname(e.name).slice(1).toLowerCase())) n++;
    }
  };
  for (const input of inputs) {
    if (typeof input !== 'string') n++;
    else {
      const st = await fs.stat(input).catch(() => null);
      if (st?.isDirectory()) await walk(input);
      else n++;
    }
  }
  return n;
}

export async function loadCorpus(inputs: Input | Input[], options: CorpusOptions): Promise<CorpusResult> {
  const items = Array.isArray(inputs) ? inputs : [inputs];
  if (!items.length) throw new XxgkError('bad_argument', 'loadCorpus needs at least one file or folder');
  if (!options?.out) throw new XxgkError('bad_argument', 'loadCorpus needs options.out (the dataset folder)');
  const out = path.resolve(options.out);
  const heapMb = options.workerHeapMb ?? 128;
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  const nWorkers = Math.max(1, Math.floor(options.workers ?? defaultWorkers(cores, availableMemory(), heapMb)));
  const batchSize = Math.max(1, options.batchSize ?? 128);
  const signal = options.signal;
  signal?.throwIfAborted();
  const started = performance.now();

  // The last complete run's index (none on --rebuild), and this run's staging folder beside it.
  const { cache, run, staging } = prepare(out, options.rebuild === true);
  // Entries of the previous run; each one matched by an unchanged file is taken, so what
  // remains at the end is stale.
  const old = cache?.entries;
  let committing = false;
  const counting = new AbortController();
  let index: ReturnType<typeof openCacheWriter> | undefined;
  let ledger: CorpusLedger | undefined;
  let entry: Awaited<ReturnType<typeof workerEntry>> | undefined;
  let pool: WorkerPool | undefined;
  let sampler: ReturnType<typeof setInterval> | undefined;
  const onAbort = () => void pool?.abort(signal!.reason as Error);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // Each report's entry goes straight to the new cache index, in the staging folder.
    const writer = (index = openCacheWriter(staging.dir, { version: CACHE_VERSION, run }));
    // What the corpus checks need of each entry, in the index's order (on disk until the end).
    const checks = (ledger = new CorpusLedger(staging.dir));
    /** Error findings of the reports in the index: `--strict` fails on them, reused reports' too. */
    let errors = 0;
    const record = (entry: ReportSummary) => {
      errors += entry.errors;
      checks.add(entry, writer.add(entry));
    };
    const totals = { processed: 0, skipped: 0, failed: 0, facts: 0, findings: 0 };

    // Progress and peak memory.
    const progress: Progress = { done: 0, total: null, skipped: 0, bytes: 0, startedMs: started, nowMs: started, final: false };
    const report = options.onProgress ?? (options.progress === false ? undefined : stderrProgress());
    let peakRss = process.memoryUsage.rss();
    // Sample memory and report progress every 250 ms (the stderr writer keeps a log to a line per
    // 5 s), and every 10 s tell later runs this one is alive.
    let ticks = 0;
    const memory: Array<[number, number]> = [];
    let keepEvery = 1;
    sampler = setInterval(() => {
      const rss = process.memoryUsage.rss();
      peakRss = Math.max(peakRss, rss);
      if (ticks % 40 === 0) staging.touch();
      if (ticks++ % keepEvery === 0) memory.push([progress.done, rss]);
      if (memory.length >= 1000) {
        // Keep every other sample and sample half as often from now on: bounded on any run.
        for (let i = 0; i < memory.length / 2; i++) memory[i] = memory[2 * i];
        memory.length = Math.floor(memory.length / 2);
        keepEvery *= 2;
      }
      progress.nowMs = performance.now();
      report?.(progress);
    }, 250);
    if (items.every((i) => typeof i === 'string')) void countInputs(items, DEFAULT_EXTENSIONS, counting.signal).then((n) => (progress.total = n));

    entry = await workerEntry();
    signal?.throwIfAborted();
    const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const largeBytes = largeFileBytes(heapMb);
    const largeHeap = largeHeapMb(heapMb, maxFileBytes);
    let busyMs = 0;
    /** Reports into (+1) or out of (−1) the run's totals. */
    const count = (reports: readonly ReportSummary[], sign: 1 | -1) => {
      for (const s of reports) {
        totals.processed += sign;
        if (s.status === 'failed') totals.failed += sign;
        totals.facts += sign * s.facts;
        totals.findings += sign * s.findings;
      }
      progress.done += sign * reports.length;
    };
    // Work a dead worker lost (items without bytes: read again), and the files that killed the
    // large-file worker (they stay failed reports if they come round again).
    const again: Array<{ item: WorkItem; alone: boolean }> = [];
    const culprits = new Map<string, NonNullable<WorkItem['readError']>>();
    const readAgain = async (item: WorkItem): Promise<WorkItem> => {
      const { file, id, hash } = item;
      const culprit = culprits.get(file);
      if (culprit) return { file, id, hash, readError: culprit };
      if (item.readError) return item;
      const memory = items.find((i) => typeof i !== 'string' && i.file === file);
      const input = memory ?? file;
      for await (const source of iterateSources([input], { maxFileBytes })) {
        const bytes = bytesOf(source);
        return source.readError || !bytes ? { file, id, hash, readError: source.readError } : { file, id, hash, bytes };
      }
      return { file, id, hash, readError: { code: 'unreadable_file', message: `${file} is gone` } };
    };
    const workers = (pool = new WorkerPool({
      entry,
      // Workers write into the staging folder: the dataset's globs never see a part being written.
      config: { out: staging.dir, partRows: options.partRows ?? 500_000, bufferBytes: options.bufferBytes ?? 4 << 20, views: options.views !== false },
      tag: runTag(run),
      workers: nWorkers,
      heapMb,
      largeHeapMb: largeHeap,
      onLost: (lost) => {
        // The reports in its unclosed parts are gone from the dataset: out of the index and the
        // totals, and read again; so are the batches it had not finished.
        const parts = new Set(lost.parts);
        const dropped = writer.drop(parts);
        checks.drop(parts);
        count(dropped, -1);
        for (const e of dropped) {
          errors -= e.errors;
          again.push({ item: { file: e.file, id: e.report_id, hash: e.hash }, alone: false });
        }
        for (const item of lost.queued) again.push({ item, alone: false });
        for (const item of lost.suspects) {
          // Alone in the large-file worker, the file is the cause: read again, it is a failed report.
          if (lost.large) culprits.set(item.file, { code: 'out_of_memory', message: `processing it stopped the large-file worker (${lost.why}; heap cap ${largeHeap} MB)` });
          again.push({ item, alone: !lost.large });
        }
      },
      onDone: (summaries, ms) => {
        busyMs += ms;
        for (const s of summaries) record(s);
        count(summaries, 1);
      },
    }));

    const ids = new ReportIds();
    let batch: WorkItem[] = [];
    let batchBytes = 0;
    const send = async () => {
      if (!batch.length) return;
      const items = batch;
      batch = [];
      batchBytes = 0;
      await workers.send(items);
    };
    /** A large file goes alone to the large-file worker (as does a suspect); the rest in batches. */
    const dispatch = async (item: WorkItem, alone = false) => {
      const bytes = item.bytes?.byteLength ?? 0;
      if (alone || bytes > largeBytes) return workers.send([item], true);
      batch.push(item);
      batchBytes += bytes;
      if (batch.length >= batchSize || batchBytes > 8 << 20) await send();
    };

    let read = 0;
    for await (const source of iterateSources(items, { maxFileBytes: options.maxFileBytes })) {
      // Unchanged files are skipped without waiting on anything: now and then let a signal in.
      if (signal && ++read % 1024 === 0) await new Promise(setImmediate);
      signal?.throwIfAborted();
      const bytes = bytesOf(source);
      if (source.readError || !bytes) {
        await dispatch({ file: source.file, readError: source.readError, id: ids.next(fallbackId(source.file)), hash: null });
        continue;
      }
      progress.bytes += bytes.byteLength;
      // The hash the read stage computes (of the bytes; of the text for in-memory text).
      const hash = sha256(source.text ?? bytes);
      const id = ids.next(hash.slice(0, 16));
      // A file is unchanged when it has the same content under the same path (and id).
      const hit = old?.take(hash, source.file, (e) => e.report_id === id);
      if (hit) {
        record(hit);
        totals.skipped++;
        progress.skipped++;
        progress.done++;
        continue;
      }
      await dispatch({ file: source.file, bytes, id, hash });
    }
    await send();
    // Read again what dead workers lost, until every worker is idle and nothing is left.
    for (;;) {
      for (let lost = again.pop(); lost; lost = again.pop()) await dispatch(await readAgain(lost.item), lost.alone);
      await send();
      await workers.idle();
      if (!again.length) break;
    }
    const parts = await workers.finish();
    // The workers' heaps go before the main thread's end work (corpus checks, cache index).
    await workers.terminate();

    // Reports of earlier runs whose file vanished or changed: their parts are staged without them.
    const stale = old?.rest() ?? [];
    const emptied = await stageStale(out, staging.dir, stale, signal);
    // From here on the run finishes without waiting on anything: an interruption now comes too late.
    signal?.throwIfAborted();

    // Corpus-level checks over the whole dataset (this run's reports and reused ones); they read
    // the entries they report on back from the index, complete in the staging folder.
    writer.commit();
    const corpus = checkCorpus(checks, staging.dir, run);
    committing = true;
    commit(out, staging, replaced(out, staging.dir, cache, emptied));

    progress.nowMs = performance.now();
    progress.final = true;
    report?.(progress);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    memory.push([progress.done, process.memoryUsage.rss()]);
    return {
      out,
      files: progress.done,
      processed: totals.processed,
      skipped: totals.skipped,
      removed: stale.length,
      failed: totals.failed,
      bytes: progress.bytes,
      facts: totals.facts,
      findings: totals.findings,
      corpusFindings: corpus.findings,
      errors: errors + corpus.errors,
      workers: nWorkers,
      elapsedMs: performance.now() - started,
      busyMs,
      peakRssBytes: peakRss,
      memory,
      parts: parts.length,
    };
  } catch (e) {
    throw writeError(out, e); // the index or ledger could not be written (a full disk): one line naming the folder
  } finally {
    clearInterval(sampler);
    counting.abort();
    signal?.removeEventListener('abort', onAbort);
    index?.abort(); // no-op after its commit
    ledger?.close();
    await pool?.terminate();
    entry?.dispose();
    old?.close();
    // A run that fails or is stopped before its commit leaves the dataset as it was. (A commit
    // that failed midway keeps its staging: its journal lets the next run complete it.)
    if (!committing) staging.remove();
  }
}

/**
 * Make the dataset folder ready for a run: complete or clear what an earlier run left (a commit
 * it began, its staging), read the last complete run's index (not on --rebuild), and make this
 * run's staging folder. A folder that cannot be written is an `export_failed` error naming it.
 */
function prepare(out: string, rebuild: boolean): { cache: Cache | null; run: number; staging: Staging } {
  let cache: Cache | null = null;
  try {
    mkdirSync(out, { recursive: true });
    const pid = liveRun(out);
    if (pid !== null) throw new XxgkError('export_failed', `cannot write ${out}: another xxgk corpus run (process ${pid}) is writing it`);
    recover(out);
    cache = rebuild ? null : readCache(out);
    if (cache) removeOrphanParts(out, cache.parts);
    const run = previousRun(out) + 1;
    return { cache, run, staging: openStaging(out, run) };
  } catch (e) {
    cache?.entries.close();
    throw writeError(out, e);
  }
}

/** A file-system error (EACCES, ENOSPC …) on the dataset folder as one line naming it, as `xxgk export` does; other errors as they are. */
function writeError(out: string, e: unknown): unknown {
  if (isXxgkError(e) || typeof (e as NodeJS.ErrnoException)?.syscall !== 'string') return e;
  return new XxgkError('export_failed', `cannot write ${out}: ${(e as Error).message}`);
}

/** Memory this process may still use: a container's limit counts (process.availableMemory). */
function availableMemory(): number {
  return process.availableMemory?.() ?? os.freemem();
}

/** A source's bytes (in-memory text is encoded as UTF-8). */
function bytesOf(source: Source): Uint8Array | undefined {
  return source.bytes ?? (source.text !== undefined ? new TextEncoder().encode(source.text) : undefined);
}

/**
 * Delete part files no report of the index is in: what a failed or interrupted run wrote
 * (its index was never committed), so queries never count those reports twice.
 */
function removeOrphanParts(out: string, parts: ReadonlySet<string>): void {
  for (const f of partFiles(out)) {
    // The corpus checks' findings are replaced every run.
    if (!f.name.startsWith(CORPUS_PART_PREFIX) && !parts.has(f.part)) rmSync(f.file, { force: true });
  }
}

/**
 * Stage the parts that hold stale reports without those reports' rows (same names: the commit's
 * rename replaces each part at once). Returns the dataset files left without rows.
 */
async function stageStale(out: string, dir: string, stale: readonly ReportSummary[], signal?: AbortSignal): Promise<Set<string>> {
  const byPart = new Map<string, Set<string>>();
  for (const s of stale) byPart.set(s.part, (byPart.get(s.part) ?? new Set()).add(s.report_id));
  const emptied = new Set<string>();
  for (const [part, ids] of byPart) {
    for (const t of TABLE_NAMES) {
      signal?.throwIfAborted();
      const rel = path.join(t, `${part}.parquet`);
      if (!existsSync(path.join(out, rel))) continue;
      const kept = await filterPart(path.join(out, rel), path.join(dir, rel), DATASET_TABLES[t], (r) => !ids.has(r.report_id as string));
      if (!kept) emptied.add(rel);
    }
  }
  return emptied;
}

/**
 * The dataset files the run's data does not hold, which its commit removes: without a previous
 * index (or on --rebuild) every part; else parts no indexed report is in, parts emptied of stale
 * reports and the previous corpus findings. A staged file replaces its namesake by the rename.
 */
function replaced(out: string, dir: string, cache: Cache | null, emptied: ReadonlySet<string>): string[] {
  const staged = new Set<string>();
  for (const f of partFiles(dir)) staged.add(path.relative(dir, f.file));
  const remove: string[] = [];
  for (const f of partFiles(out)) {
    const rel = path.relative(out, f.file);
    if (staged.has(rel)) continue;
    const kept = cache !== null && cache.parts.has(f.part) && !f.name.startsWith(CORPUS_PART_PREFIX) && !emptied.has(rel);
    if (!kept) remove.push(rel);
  }
  return remove;
}

export type { Progress } from './progress.ts';
