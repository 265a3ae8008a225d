/**
 * Corpus worker: processes batches of sources and writes its own Parquet parts — per year, one
 * file per table, written a row group at a time and closed at `partRows` rows or at the end.
 * Only small summaries go back to the main thread.
 */
import path from 'node:path';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { CARRY_METRICS, carryCell, type CarryCell } from '../validate/corpus.ts';
import { processItem, type Row, type TableRows, type WorkItem } from './process.ts';
import { openPartStream, type PartStream } from './parquet.ts';
import { DATASET_TABLES, partitionDir, TABLE_NAMES, type DatasetTable } from './schema.ts';

export interface WorkerConfig {
  out: string;
  /** Unique per run and worker: part files never collide with earlier runs' parts. */
  tag: string;
  /** Rows (facts + reports) per part file before the worker starts a new one. */
  partRows: number;
  /**
   * Bytes of columns (estimated) a worker holds over all its open files; past it, the files
   * holding most are written as row groups (see `relieve`).
   */
  bufferBytes: number;
  views: boolean;
}

/** Per report, its entry in the cache index (and the run's totals and the corpus checks). */
export interface ReportSummary {
  hash: string | null;
  file: string;
  report_id: string;
  year: number | null;
  part: string;
  status: string;
  facts: number;
  findings: number;
  /** Its error findings (`xxgk corpus --strict` fails on any in the dataset). */
  errors: number;
  agency: string | null;
  /** Its carry-over cells (`carryCell`), which the corpus checks compare across years. */
  toNext: CarryCell | null;
  over: CarryCell | null;
}

export type ToWorker = { type: 'batch'; seq: number; items: WorkItem[] } | { type: 'finish' };
export type FromWorker =
  | { type: 'done'; seq: number; summaries: ReportSummary[]; busyMs: number }
  | { type: 'finished'; parts: string[] }
  /** A part file is complete (footer written): its reports survive this worker. */
  | { type: 'closed'; part: string }
  | { type: 'error'; message: string };

/** One year's open part: a Parquet stream per table, each holding its next row group's columns. */
interface OpenPart {
  name: string;
  dir: string;
  streams: Partial<Record<DatasetTable, PartStream>>;
  /** Per table, rows not yet gathered into its stream (fewer than `GATHER_ROWS`). */
  rows: TableRows;
  /** Facts + reports added (the part is closed at `partRows`). */
  added: number;
}

const config = workerData as WorkerConfig;
const open = new Map<string, OpenPart>();
/** Bytes pending over all parts' streams (their `pendingBytes`): memory stays bounded however many years a corpus spans. */
let buffered = 0;
const written: string[] = [];
let seq = 0;

function partFor(dir: string): OpenPart {
  let p = open.get(dir);
  if (!p) {
    p = { name: `part-${config.tag}-${String(seq++).padStart(4, '0')}`, dir, streams: {}, rows: noRows(), added: 0 };
    open.set(dir, p);
  }
  return p;
}

/**
 * A table's rows wait until there are this many before they are gathered into its columns:
 * a report has one `reports` row and a few findings and view rows, and gathering them report by
 * report cost more in calls (one per column) than in values (≈ 4% of a run).
 */
const GATHER_ROWS = 256;
/**
 * A report's rows of a table, when it has this many (its facts), are gathered at once: kept
 * waiting, they would outlive a young collection and cost more than the calls saved.
 */
const GATHER_AT_ONCE = 64;

const noRows = (): TableRows => ({ reports: [], facts: [], findings: [], channels: [], requests: [], outcomes: [], appeals: [] });

/** Add one report's rows to a part (a table's file is created with its first row). */
function addRows(p: OpenPart, rows: TableRows): void {
  for (const t of TABLE_NAMES) {
    const add = rows[t];
    if (!add.length) continue;
    if (add.length >= GATHER_AT_ONCE) {
      gather(p, t); // the waiting rows first: a table keeps its reports' order
      addTo(p, t, add);
      continue;
    }
    const pending = p.rows[t];
    for (const r of add) pending.push(r);
    if (pending.length >= GATHER_ROWS) gather(p, t);
  }
}

/** A part's stream of a table, created with its first rows. */
function streamOf(p: OpenPart, t: DatasetTable): PartStream {
  let stream = p.streams[t];
  if (!stream) {
    stream = p.streams[t] = openPartStream(path.join(config.out, t, p.dir, `${p.name}.parquet`), DATASET_TABLES[t]);
    written.push(stream.file);
  }
  return stream;
}

/** Gather a table's pending rows into its stream. */
function gather(p: OpenPart, t: DatasetTable): void {
  const pending = p.rows[t];
  if (!pending.length) return;
  addTo(p, t, pending);
  p.rows[t] = [];
}

/** Add rows to a part's stream of a table, counting the memory they take. */
function addTo(p: OpenPart, t: DatasetTable, rows: readonly Row[]): void {
  const stream = streamOf(p, t);
  buffered -= stream.pendingBytes;
  stream.add(rows);
  buffered += stream.pendingBytes;
}

/** Bytes a part's stream of a table holds, not yet written. */
const pendingOf = (p: OpenPart, t: DatasetTable): number => p.streams[t]?.pendingBytes ?? 0;

/** Write a part's pending rows of a table as one row group. */
function writeGroup(p: OpenPart, t: DatasetTable): void {
  gather(p, t);
  buffered -= pendingOf(p, t);
  p.streams[t]?.flush();
}

/**
 * Over budget: write the files holding most as row groups, until half the budget is free. Each
 * table's file is written when its own rows weigh, not with the facts': a year's reports,
 * findings and views wait while its facts fill, and make row groups of hundreds to thousands of
 * rows (cut with the facts', a reports row group held ≈ 130 rows; engines pay per row group and
 * per column chunk). Freeing half, not just the biggest file, lets the next ones fill again:
 * freeing only down to the budget made facts row groups a third as big (100k synthetic reports
 * over 18 years).
 */
function relieve(): void {
  while (buffered > config.bufferBytes / 2) {
    let most: OpenPart | undefined;
    let table: DatasetTable = 'facts';
    let bytes = 0;
    for (const p of open.values()) {
      for (const t of TABLE_NAMES) {
        const held = pendingOf(p, t);
        if (held <= bytes) continue;
        most = p;
        table = t;
        bytes = held;
      }
    }
    if (!most) return;
    writeGroup(most, table);
  }
}

/**
 * Parts that reached `partRows` during the batch being read: closed only after the batch's
 * `done`, so a closed part never holds a report of a batch the main thread may send again (if
 * this worker dies before `done`, the part has no footer and is deleted with its reports).
 */
const full: OpenPart[] = [];

/** Write what is buffered and close the part's files. */
function closePart(p: OpenPart): void {
  for (const t of TABLE_NAMES) writeGroup(p, t);
  for (const stream of Object.values(p.streams)) stream.close();
  parentPort!.postMessage({ type: 'closed', part: `${p.dir}/${p.name}` } satisfies FromWorker);
}

async function handle(items: WorkItem[]): Promise<ReportSummary[]> {
  const out: ReportSummary[] = [];
  for (const item of items) {
    const { result, rows, cells } = await processItem(item, { views: config.views });
    const year = result.report.year;
    const dir = partitionDir(year);
    const part = partFor(dir);
    addRows(part, rows);
    part.added += rows.facts.length + 1;
    out.push({
      hash: item.hash,
      file: item.file,
      report_id: result.report.report_id,
      year,
      part: `${dir}/${part.name}`,
      status: result.report.status,
      facts: rows.facts.length,
      findings: rows.findings.length,
      errors: errorsOf(rows.findings),
      agency: result.report.agency,
      toNext: carryCell(cells.table, CARRY_METRICS.toNext) ?? null,
      over: carryCell(cells.table, CARRY_METRICS.over) ?? null,
    });
    if (part.added >= config.partRows) {
      open.delete(dir); // the year's next report starts a new part
      full.push(part);
    } else if (buffered >= config.bufferBytes) relieve();
  }
  return out;
}

/** A report's error findings (a few findings per report: no per-fact work). */
function errorsOf(findings: readonly Row[]): number {
  let n = 0;
  for (const f of findings) if (f.severity === 'error') n++;
  return n;
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
      for (const p of full.splice(0)) closePart(p);
    } else {
      for (const p of open.values()) closePart(p);
      open.clear();
      parentPort!.postMessage({ type: 'finished', parts: written } satisfies FromWorker);
    }
  } catch (e) {
    parentPort!.postMessage({ type: 'error', message: `worker ${threadId}: ${(e as Error)?.stack ?? String(e)}` } satisfies FromWorker);
  }
}
