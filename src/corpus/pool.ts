/**
 * The corpus loader's worker threads. Regular workers share the batches, at most two in flight
 * each; a file too large for their heap goes, alone, to one more worker with a larger heap, started
 * on first need (most corpora never start it). Capping the regular workers' heaps low keeps a run's
 * memory flat: V8 otherwise lets each old generation grow towards its cap before collecting.
 *
 * A worker that dies (its memory cap, a crash) fails the run with `worker_failed` naming the files
 * it was reading, instead of leaving it waiting forever.
 */
import { Worker } from 'node:worker_threads';
import { XxgkError } from '../errors.ts';
import type { WorkerEntry } from './bundle.ts';
import { workerExecArgv } from './flags.ts';
import type { WorkItem } from './process.ts';
import type { FromWorker, ReportSummary, ToWorker, WorkerConfig } from './worker.ts';

export interface PoolOptions {
  entry: WorkerEntry;
  /** Every worker's config but its tag; tags are `${tag}w00`, `${tag}w01`… */
  config: Omit<WorkerConfig, 'tag'>;
  tag: string;
  workers: number;
  /** Old-generation cap of a regular worker, in MB. */
  heapMb: number;
  /** Old-generation cap of the large-file worker, in MB. */
  largeHeapMb: number;
  /** A batch's reports are written: their cache entries, and the worker's time on them. */
  onDone(summaries: ReportSummary[], busyMs: number): void;
}

interface Slot {
  worker: Worker;
  inFlight: number;
  /** The files of each batch sent and not yet done, to name them if the worker dies. */
  pending: string[][];
  finished: Promise<string[]>;
  done: boolean;
}

/**
 * Bytes a file may have and still go to a regular worker: a regular worker holds one batch
 * (≤ 8 MB), its buffered row group (≈ 20 MB) and one report in processing, about 6× the file.
 */
export const largeFileBytes = (heapMb: number): number => (heapMb * 2 ** 20) / 32;

/** The large-file worker's cap: room for the largest file read (a 45 MB report needs ≈ 250 MB). */
export const largeHeapMb = (heapMb: number, maxFileBytes: number): number => Math.max(heapMb, Math.ceil(maxFileBytes / 2 ** 20) * 8 + 64);

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private large: Slot | null = null;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private seq = 0;

  constructor(private readonly opts: PoolOptions) {
    for (let i = 0; i < opts.workers; i++) this.slots.push(this.start(opts.heapMb, ''));
  }

  /** Send a batch to the least busy regular worker, or a large file to the large-file worker. */
  async send(items: WorkItem[], large = false): Promise<void> {
    if (large) this.large ??= this.start(this.opts.largeHeapMb, ' (large files)');
    const candidates = large ? [this.large!] : this.slots;
    let slot: Slot;
    for (;;) {
      if (this.failure) throw this.failure;
      slot = candidates.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      if (slot.inFlight < 2) break;
      await new Promise<void>((res) => (this.wake = res));
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
    slot.pending.push(items.map((it) => it.file));
    slot.worker.postMessage({ type: 'batch', seq: this.seq++, items } satisfies ToWorker, [all.buffer]);
  }

  /** Let every worker write what it buffers and close its parts; the part files written. */
  async finish(): Promise<string[]> {
    const all = this.all();
    for (const s of all) s.worker.postMessage({ type: 'finish' } satisfies ToWorker);
    const parts = (await Promise.all(all.map((s) => s.finished))).flat();
    if (this.failure) throw this.failure;
    return parts;
  }

  async terminate(): Promise<void> {
    await Promise.all(this.all().map((s) => s.worker.terminate()));
  }

  private all(): Slot[] {
    return this.large ? [...this.slots, this.large] : this.slots;
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.wake?.();
  }

  private start(heapMb: number, role: string): Slot {
    const n = this.slots.length + (this.large ? 1 : 0);
    const worker = new Worker(this.opts.entry.url, {
      workerData: { ...this.opts.config, tag: `${this.opts.tag}w${String(n).padStart(2, '0')}` } satisfies WorkerConfig,
      // XXGK_WORKER_PROF=dir writes a V8 CPU profile per worker (node --cpu-prof) for hot-spot hunting.
      execArgv: workerExecArgv(process.execArgv, process.env.XXGK_WORKER_PROF || undefined),
      // A larger young generation lets most per-report garbage die without promotion: 96 MB took
      // 3–5% less CPU than 64 MB, with no higher peak (128 MB: no faster, 30% more memory).
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 96 },
    });
    let resolve!: (parts: string[]) => void;
    let reject!: (e: Error) => void;
    const slot: Slot = { worker, inFlight: 0, pending: [], finished: new Promise((res, rej) => ((resolve = res), (reject = rej))), done: false };
    slot.finished.catch(() => {}); // observed through `failure`
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'done') {
        slot.inFlight--;
        slot.pending.shift();
        this.opts.onDone(msg.summaries, msg.busyMs);
      } else if (msg.type === 'finished') {
        slot.done = true;
        resolve(msg.parts);
      } else this.fail(new Error(msg.message));
      this.wake?.();
    });
    const died = (why: string) => {
      if (slot.done) return;
      const files = slot.pending.flat();
      const shown = files.slice(0, 5).join(', ') + (files.length > 5 ? `, … (${files.length} files)` : '');
      const e = new XxgkError('worker_failed', `corpus worker ${n + 1}${role} stopped (${why}) while reading ${shown || 'no file'}; the run is abandoned (the next run removes what it wrote)`);
      this.fail(e);
      reject(this.failure!);
    };
    worker.on('error', (e) => died((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : e.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    return slot;
  }
}
