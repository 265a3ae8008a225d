/**
 * Corpus worker: processes batches of sources and writes its own Parquet parts, one open part
 * per year, flushed every `partRows` facts. Only small summaries go back to the main thread.
 */
import path from 'node:path';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { carryFacts, processItem, type Row, type TableRows, type WorkItem } from './process.ts';
import { writeParquetRows } from './parquet.ts';
import { DATASET_TABLES, partitionDir, TABLE_NAMES } from './schema.ts';
import type { Fact } from '../types.ts';

export interface WorkerConfig {
  out: string;
  /** Unique per run and worker: part files never collide with earlier runs' parts. */
  tag: string;
  partRows: number;
  views: boolean;
}

/** Per report, what the main thread keeps: the cache entry and what corpus validation needs. */
export interface ReportSummary {
  hash: string | null;
  file: string;
  report_id: string;
  year: number | null;
  part: string;
  agency: string | null;
  status: string;
  facts: number;
  findings: number;
  carry: Array<Pick<Fact, 'metric' | 'applicant' | 'value' | 'line'>>;
}

export type ToWorker = { type: 'batch'; seq: number; items: WorkItem[] } | { type: 'finish' };
export type FromWorker =
  | { type: 'done'; seq: number; summaries: ReportSummary[]; busyMs: number }
  | { type: 'finished'; parts: string[] }
  | { type: 'error'; message: string };

interface OpenPart {
  name: string;
  rows: TableRows;
  facts: number;
}

const config = workerData as WorkerConfig;
const open = new Map<string, OpenPart>();
/** Rows buffered over all open parts: memory stays bounded however many years a corpus spans. */
let buffered = 0;
const budget = () => config.partRows;
const written: string[] = [];
let seq = 0;

function emptyRows(): TableRows {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as Row[]])) as unknown as TableRows;
}

function partFor(dir: string): OpenPart {
  let p = open.get(dir);
  if (!p) {
    p = { name: `part-${config.tag}-${String(seq++).padStart(4, '0')}`, rows: emptyRows(), facts: 0 };
    open.set(dir, p);
  }
  return p;
}

function flush(dir: string): void {
  const p = open.get(dir);
  if (!p) return;
  open.delete(dir);
  buffered -= p.facts;
  for (const t of TABLE_NAMES) {
    if (!p.rows[t].length) continue;
    const file = path.join(config.out, t, dir, `${p.name}.parquet`);
    writeParquetRows(file, DATASET_TABLES[t], p.rows[t]);
    written.push(file);
  }
}

async function handle(items: WorkItem[]): Promise<ReportSummary[]> {
  const out: ReportSummary[] = [];
  for (const item of items) {
    const { result, rows } = await processItem(item, { views: config.views });
    const year = result.report.year;
    const dir = partitionDir(year);
    const part = partFor(dir);
    for (const t of TABLE_NAMES) for (const r of rows[t]) part.rows[t].push(r);
    const n = rows.facts.length + 1;
    part.facts += n;
    buffered += n;
    out.push({
      hash: item.hash,
      file: item.file,
      report_id: result.report.report_id,
      year,
      part: `${dir}/${part.name}`,
      agency: result.report.agency,
      status: result.report.status,
      facts: result.facts.length,
      findings: result.findings.length,
      carry: carryFacts(result.facts).map((f) => ({ metric: f.metric, applicant: f.applicant, value: f.value, line: f.line })),
    });
    if (part.facts >= config.partRows) flush(dir);
    else if (buffered > budget()) {
      // Over budget: flush the biggest open part (a small year never blocks a big one).
      let biggest = dir;
      for (const [d, p] of open) if (p.facts > (open.get(biggest)?.facts ?? -1)) biggest = d;
      flush(biggest);
    }
  }
  return out;
}

// Reading is async (PDF); messages are handled one after another, in arrival order.
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', (msg: ToWorker) => {
  queue = queue.then(() => onMessage(msg));
});

async function onMessage(msg: ToWorker): Promise<void> {
  try {
    if (msg.type === 'batch') {
      const t0 = performance.now();
      const summaries = await handle(msg.items);
      parentPort!.postMessage({ type: 'done', seq: msg.seq, summaries, busyMs: performance.now() - t0 } satisfies FromWorker);
    } else {
      for (const dir of [...open.keys()]) flush(dir);
      parentPort!.postMessage({ type: 'finished', parts: written } satisfies FromWorker);
    }
  } catch (e) {
    parentPort!.postMessage({ type: 'error', message: `worker ${threadId}: ${(e as Error)?.stack ?? String(e)}` } satisfies FromWorker);
  }
}
