/**
 * The corpus loader's worker threads. Regular workers share the batches, at most two in flight
 * each; a file too large for their heap goes, alone, to one more worker with a larger heap, started
 * on first need (most corpora never start it). Capping the regular workers' heaps low keeps a run's
 * memory flat: V8 otherwise lets each old generation grow towards its cap before collecting.
 *
 * A worker that runs out of memory is replaced, and what it lost is handed back (`onLost`): the
 * part files it had not closed, whose reports must be read again, and the batches it had not
 * finished. One file of the batch it was reading caused it, so the loader sends each of those files
 * alone to the large-file worker; a file that kills that worker too is the cause. Workers that keep
 * dying without finishing a batch (a cap too small for any report), a death while the parts are
 * being closed, and any other death or error (a bug, a full disk) stop the run.
 */
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { XxgkError } from '../errors.ts';
import type { WorkerEntry } from './bundle.ts';
import { workerExecArgv } from './flags.ts';
import type { WorkItem } from './process.ts';
import { partFiles } from './schema.ts';
import type { FromWorker, ReportSummary, ToWorker, WorkerConfig } from './worker.ts';

/** What a dead worker lost. */
export interface Lost {
  /** Part files it had not closed (`year=…/part-…`): deleted, their reports to be read again. */
  parts: string[];
  /** The batch it was reading: one of these files caused its death. */
  suspects: WorkItem[];
  /** Batches it had been sent and not started. */
  queued: WorkItem[];
  /** It was the large-file worker, which reads one file at a time: the one suspect is the cause. */
  large: boolean;
  /** Why it stopped (it ran out of memory: any other death stops the run). */
  why: string;
}

export interface PoolOptions {
  entry: WorkerEntry;
  /** Every worker's config but its tag; tags are `${tag}w00`, `${tag}w01`… in start order. */
  config: Omit<WorkerConfig, 'tag'>;
  tag: string;
  workers: number;
  /** Old-generation cap of a regular worker, in MB. */
  heapMb: number;
  /** Old-generation cap of the large-file worker, in MB. */
  largeHeapMb: number;
  /** A batch's reports are written: their cache entries, and the worker's time on them. */
  onDone(summaries: ReportSummary[], busyMs: number): void;
  /** A worker died and was replaced; what it lost must be read again. */
  onLost(lost: Lost): void;
}

interface Slot {
  worker: Worker;
  /** Its part files are `part-<tag>-NNNN.parquet`. */
  tag: string;
  /** "corpus worker 2", "corpus worker 3 (large files)". */
  name: string;
  large: boolean;
  inFlight: number;
  /** The items (without bytes) of each batch sent and not yet done, oldest first. */
  pending: WorkItem[][];
  /** Parts with reports and no footer yet (a part is closed only after its reports' `done`). */
  open: Set<string>;
  closed: Set<string>;
  finished: Promise<string[]>;
  /** Reject `finished` (the run is being stopped). */
  abandon: (e: Error) => void;
  /** It finished, or died and was dealt with: later events are ignored. */
  over: boolean;
}

/**
 * Bytes a file may have and still go to a regular worker: a regular worker holds one batch
 * (≤ 8 MB), its buffered row group (≈ 20 MB) and one report in processing, about 6× the file.
 */
export const largeFileBytes = (heapMb: number): number => (heapMb * 2 ** 20) / 32;

/** The large-file worker's cap: room for the largest file read (a 45 MB report needs ≈ 250 MB). */
export const largeHeapMb = (heapMb: number, maxFileBytes: number): number => Math.max(heapMb, Math.ceil(maxFileBytes / 2 ** 20) * 8 + 64);

const OUT_OF_MEMORY = 'out of memory';

/**
 * Regular workers may die this many times in a row (plus two per worker) without one finishing a
 * batch before the run stops: a folder of several deadly files in a row is recovered from, a heap
 * cap too small for any report is not retried forever.
 */
const FRUITLESS_MAX = 8;

/** Most memory one regular worker takes: a 96 MB young generation, its capped old one, code. */
const workerBytes = (heapMb: number): number => (96 + heapMb + 32) * 2 ** 20;

/**
 * Workers by default: one per core, but no more than the available memory holds, keeping 512 MB
 * for the main thread and the large-file worker (at least one worker).
 */
export function defaultWorkers(cores: number, availableBytes: number, heapMb: number): number {
  return Math.max(1, Math.min(cores, Math.floor((availableBytes - 512 * 2 ** 20) / workerBytes(heapMb))));
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private large: Slot | null = null;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private seq = 0;
  private started = 0;
  /** Regular workers dead since one last finished a batch. */
  private fruitless = 0;
  private finishing = false;
  /** Terminated (the run is over, or failed): deaths are expected and ignored. */
  private terminated = false;
  /** Complete part files of workers that died. */
  private readonly retired: string[] = [];

  constructor(private readonly opts: PoolOptions) {
    for (let i = 0; i < opts.workers; i++) this.slots.push(this.start(false));
  }

  /** Send a batch to the least busy regular worker, or one file to the large-file worker. */
  async send(items: WorkItem[], large = false): Promise<void> {
    let slot: Slot;
    for (;;) {
      if (this.failure) throw this.failure;
      if (large) slot = this.large ??= this.start(true);
      else slot = this.slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      if (slot.inFlight < 2) break;
      await this.changed();
    }
    // One fresh buffer per batch, transferred (not copied) to the worker.
    const all = new Uint8Array(items.reduce((n, it) => n + (it.bytes?.byteLength ?? 0), 0));
    let off = 0;
    for (const it of items) {
      if (!it.bytes) continue;
      all.set(it.bytes, off);
      it.bytes = all.subarray(off, off + it.bytes.byteLength);
      off += it.bytes.byteLength;
    }
    slot.inFlight++;
    slot.pending.push(items.map(({ bytes: _bytes, ...item }) => item));
    slot.worker.postMessage({ type: 'batch', seq: this.seq++, items } satisfies ToWorker, [all.buffer]);
  }

  /** Wait until no worker has a batch in flight (finished, or lost and handed back). */
  async idle(): Promise<void> {
    while (!this.failure && this.all().some((s) => s.inFlight > 0)) await this.changed();
    if (this.failure) throw this.failure;
  }

  /** Let every worker write what it buffers and close its parts; the part files written. */
  async finish(): Promise<string[]> {
    this.finishing = true;
    const all = this.all();
    for (const s of all) s.worker.postMessage({ type: 'finish' } satisfies ToWorker);
    const parts = (await Promise.all(all.map((s) => s.finished))).flat();
    if (this.failure) throw this.failure;
    return [...this.retired, ...parts];
  }

  /** Stop the run now (it was interrupted): every wait of the pool throws `reason`. */
  async abort(reason: Error): Promise<void> {
    this.fail(reason);
    for (const s of this.all()) if (!s.over) s.abandon(reason);
    await this.terminate();
  }

  async terminate(): Promise<void> {
    this.terminated = true;
    await Promise.all(this.all().map((s) => s.worker.terminate()));
  }

  private all(): Slot[] {
    return this.large ? [...this.slots, this.large] : this.slots;
  }

  private changed(): Promise<void> {
    return new Promise<void>((res) => (this.wake = res));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.wake?.();
  }

  /**
   * A dead worker's part files: the closed ones count, the others have no footer and go. Its
   * last messages may not have arrived, so the files on disk are what is sorted, not only the
   * parts it reported.
   */
  private sortParts(slot: Slot): void {
    for (const f of partFiles(this.opts.config.out)) {
      if (!f.name.startsWith(`part-${slot.tag}-`)) continue;
      if (slot.closed.has(f.part)) this.retired.push(f.file);
      else rmSync(f.file, { force: true });
    }
  }

  private start(large: boolean): Slot {
    const n = this.started++;
    const tag = `${this.opts.tag}w${String(n).padStart(2, '0')}`;
    const worker = new Worker(this.opts.entry.url, {
      workerData: { ...this.opts.config, tag } satisfies WorkerConfig,
      // XXGK_WORKER_PROF=dir writes a V8 CPU profile per worker (node --cpu-prof) for hot-spot hunting.
      execArgv: workerExecArgv(process.execArgv, process.env.XXGK_WORKER_PROF || undefined),
      // A larger young generation lets most per-report garbage die without promotion: 96 MB took
      // 3–5% less CPU than 64 MB, with no higher peak (128 MB: no faster, 30% more memory).
      resourceLimits: { maxOldGenerationSizeMb: large ? this.opts.largeHeapMb : this.opts.heapMb, maxYoungGenerationSizeMb: 96 },
    });
    let resolve!: (parts: string[]) => void;
    let reject!: (e: Error) => void;
    const slot: Slot = {
      worker,
      tag,
      name: `corpus worker ${n + 1}${large ? ' (large files)' : ''}`,
      large,
      inFlight: 0,
      pending: [],
      open: new Set(),
      closed: new Set(),
      finished: new Promise((res, rej) => ((resolve = res), (reject = rej))),
      abandon: (e) => reject(e),
      over: false,
    };
    slot.finished.catch(() => {}); // observed through `failure`
    worker.on('message', (msg: FromWorker) => {
      if (slot.over) return;
      if (msg.type === 'done') {
        slot.inFlight--;
        slot.pending.shift();
        if (!large) this.fruitless = 0;
        for (const s of msg.summaries) slot.open.add(s.part);
        this.opts.onDone(msg.summaries, msg.busyMs);
      } else if (msg.type === 'closed') {
        slot.open.delete(msg.part);
        slot.closed.add(msg.part);
      } else if (msg.type === 'finished') {
        slot.over = true;
        resolve(msg.parts);
      } else {
        // A JavaScript error in the worker (a bug, or a disk error while writing): the run stops.
        this.fail(new Error(msg.message));
        reject(this.failure!);
      }
      this.wake?.();
    });
    const died = (why: string) => {
      if (slot.over || this.terminated) return;
      slot.over = true;
      if (this.failure) return reject(this.failure); // the run is failing already: no recovery
      const suspects = slot.pending[0] ?? [];
      const files = slot.pending.flat().map((it) => it.file);
      const reading = files.length ? `while reading ${files.slice(0, 5).join(', ')}${files.length > 5 ? `, … (${files.length} files)` : ''}` : 'before reading any file';
      const fatal = (hint: string) => {
        this.fail(new XxgkError('worker_failed', `${slot.name} stopped (${why}) ${reading}; ${hint}the run is abandoned (the next run removes what it wrote)`));
        reject(this.failure!);
      };
      // While parts are being closed there is nothing left to hand back to; a worker that dies
      // before any file, or regular workers that keep dying, have a cap too small for any report.
      if (this.finishing || why !== OUT_OF_MEMORY) return fatal('');
      if (!suspects.length) return fatal(`is its heap cap (${large ? this.opts.largeHeapMb : this.opts.heapMb} MB) too small? `);
      if (!large && ++this.fruitless > FRUITLESS_MAX + 2 * this.opts.workers) {
        return fatal(`${this.fruitless} workers in a row stopped without finishing a batch: is the heap cap (${this.opts.heapMb} MB) too small? `);
      }
      // Replace it (the large-file worker on next need) and hand back what it lost.
      if (large) this.large = null;
      else this.slots[this.slots.indexOf(slot)] = this.start(false);
      this.sortParts(slot);
      this.opts.onLost({ parts: [...slot.open], suspects, queued: slot.pending.slice(1).flat(), large, why });
      this.wake?.();
    };
    worker.on('error', (e) => died((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : e.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    return slot;
  }
}
