/**
 * The corpus-level checks (duplicate agency-years, the carry-over chain between years), kept as
 * the reports arrive. Each report's cache entry (this run's and reused ones) carries what the
 * checks need: agency, year and its two carry-over cells. The ledger keeps of it only fixed-size
 * numbers — a 64-bit key of the agency, the year, the cells' values, its part and where its line
 * sits in the index — and keeps them on disk (48 bytes per report), so the main thread's memory
 * does not grow with the corpus. At the end it finds the candidate groups and pairs from those
 * numbers, an agency-key bucket at a time, reads just their entries back from the committed cache
 * index, and builds the findings with the same builders as `validateCorpus`, so the messages are
 * the same. A key collision can only put two agencies in one candidate group: the entries read
 * back are compared by their agency itself.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../types.ts';
import { fnv1a } from '../fnv.ts';
import { carryMismatch, duplicateFindings, type CorpusReport } from '../validate/corpus.ts';
import { type EntryReader, type EntrySpan, openEntries } from './cache.ts';
import { openPartStream, type PartStream } from './parquet.ts';
import { CORPUS_PART_PREFIX, DATASET_TABLES, partFiles, partitionDir, runTag } from './schema.ts';
import type { ReportSummary } from './worker.ts';

/** What the ledger needs of a cache entry. */
type LedgerEntry = Pick<ReportSummary, 'agency' | 'year' | 'part' | 'toNext' | 'over'>;

/**
 * Copies of one agency key and year, or consecutive-year (before, next) pairs of one key whose
 * carry cells differ: entries by their place in the committed index.
 */
type Candidate = { duplicate: EntrySpan[] } | { carry: Array<[before: EntrySpan, next: EntrySpan]> };

const NONE = -1;
/** Findings per Parquet row group (pending over all years). */
const GROUP_ROWS = 20_000;

/**
 * The agency's 64-bit key: FNV-1a from two offset bases, so that two agencies rarely share a key
 * (the candidates it finds are compared by name in full).
 */
function agencyKey(agency: string): [number, number] {
  return [fnv1a(agency), fnv1a(agency, 0x5bd1e995)];
}

/** The ledger's file, in the output folder while a run lasts. */
export const LEDGER_FILE = '_ledger.tmp';

/**
 * A ledger record, little-endian: agency key hi, lo (u32), year (i32), part (u32), the carry
 * cells' values (f64, NaN when the report has none), its entry's offset in the index (f64) and
 * length (u32).
 */
const RECORD = 48;
const AT = { hi: 0, lo: 4, year: 8, part: 12, toNext: 16, over: 24, offset: 32, length: 40 } as const;
/** Records written at once, and read at once. */
const BLOCK = 4096;
/** Entries of one agency-key bucket the checks hold in memory at the end (≈ 6 MB). */
const BUCKET_ENTRIES = 1 << 17;

/**
 * The checks' numbers of every report, kept on disk as they arrive (a national corpus has
 * millions of reports): in memory only a block of records and a count per part. At the end the
 * entries with an agency and a year are split by agency key into buckets small enough to sort in
 * memory, one at a time, so the end too holds a bucket, not the corpus.
 */
export class CorpusLedger {
  private readonly file: string;
  private readonly records: RecordWriter;
  private readonly parts = new Map<string, number>();
  /** Entries and their lines' bytes (newline included), by part number. */
  private readonly perPart: Array<{ entries: number; bytes: number }> = [];
  private readonly dropped = new Set<number>();
  /** Where the index's first entry line starts (the header's size), and the entries' lines' bytes. */
  private base = 0;
  private bytes = 0;

  /**
   * A ledger whose file lives in `dir` (the dataset folder) until `close`. `bucketEntries`: how
   * many entries the end's buckets hold, about (more when one agency has very many reports).
   */
  constructor(dir: string, private readonly bucketEntries = BUCKET_ENTRIES) {
    mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, LEDGER_FILE);
    this.records = new RecordWriter(this.file, BLOCK);
  }

  /** The next entry of the cache index, and where the index writer put its line. */
  add(e: LedgerEntry, at: EntrySpan): void {
    let part = this.parts.get(e.part);
    if (part === undefined) {
      this.parts.set(e.part, (part = this.parts.size));
      this.perPart.push({ entries: 0, bytes: 0 });
    }
    this.perPart[part]!.entries++;
    this.perPart[part]!.bytes += at.length + 1;
    if (!this.records.count) this.base = at.offset;
    this.bytes += at.length + 1;
    const known = e.agency !== null && e.year !== null;
    const [hi, lo] = known ? agencyKey(e.agency!) : [0, 0];
    this.records.push({
      hi,
      lo,
      year: known ? e.year! : NONE,
      part,
      toNext: known && e.toNext ? e.toNext.value : Number.NaN,
      over: known && e.over ? e.over.value : Number.NaN,
      offset: at.offset,
      length: at.length,
    });
  }

  /** Entries added and not dropped: those the committed index holds. */
  get kept(): number {
    let k = this.records.count;
    for (const part of this.dropped) k -= this.perPart[part]!.entries;
    return k;
  }

  /** Forget the entries of these parts, as the cache index does (a worker died before closing them). */
  drop(parts: ReadonlySet<string>): void {
    for (const p of parts) {
      const id = this.parts.get(p);
      if (id !== undefined) this.dropped.add(id);
    }
  }

  /**
   * The size the committed index must have: its header and the kept entries' lines. An index
   * of another size does not hold the lines where the ledger says they are.
   */
  indexBytes(): number {
    let bytes = this.base + this.bytes;
    for (const part of this.dropped) bytes -= this.perPart[part]!.bytes;
    return bytes;
  }

  /**
   * The candidates, from the numbers alone, one agency key at a time: each group of entries with
   * one key and year, and the (before, next) pairs of consecutive years whose carry cells differ.
   * Entries are given by where their lines sit in the committed index.
   */
  *candidates(): Generator<Candidate> {
    const buckets = Math.max(1, Math.ceil(this.records.count / this.bucketEntries));
    if (buckets === 1) {
      const bucket = new Bucket(this.records.count);
      this.forEachKept((r) => r.year !== NONE && bucket.push(r));
      yield* bucket.candidates();
      return;
    }
    // Split by key into bucket files, then sort and scan each alone.
    const writers = Array.from({ length: buckets }, (_, i) => new RecordWriter(`${this.file}.${i}`, 256));
    try {
      this.forEachKept((r) => r.year !== NONE && writers[r.lo % buckets]!.push(r));
      for (const w of writers) {
        const bucket = new Bucket(w.count);
        w.read((r) => bucket.push(r));
        yield* bucket.candidates();
      }
    } finally {
      for (const w of writers) w.remove();
    }
  }

  /** Remove the ledger's file. */
  close(): void {
    this.records.remove();
  }

  /**
   * Each kept entry in index order, its offset where the committed index has it: committing
   * leaves the dropped parts' lines out, so each later line moves back by those before it.
   */
  private forEachKept(visit: (r: LedgerRecord) => void): void {
    let shift = 0;
    this.records.read((r) => {
      if (this.dropped.has(r.part)) shift += r.length + 1;
      else {
        r.offset -= shift;
        visit(r);
      }
    });
  }
}

interface LedgerRecord {
  hi: number;
  lo: number;
  year: number;
  part: number;
  toNext: number;
  over: number;
  offset: number;
  length: number;
}

/** A file of ledger records (the ledger's, or a bucket's), written a block at a time and read back in order. */
class RecordWriter {
  count = 0;
  private readonly fd: number;
  private readonly block: Buffer;
  private pending = 0;
  private removed = false;

  constructor(
    private readonly file: string,
    private readonly blockRecords: number,
  ) {
    this.fd = openSync(file, 'w+');
    this.block = Buffer.alloc(RECORD * blockRecords);
  }

  push(r: LedgerRecord): void {
    const b = this.block;
    const o = this.pending * RECORD;
    b.writeUInt32LE(r.hi, o + AT.hi);
    b.writeUInt32LE(r.lo, o + AT.lo);
    b.writeInt32LE(r.year, o + AT.year);
    b.writeUInt32LE(r.part, o + AT.part);
    b.writeDoubleLE(r.toNext, o + AT.toNext);
    b.writeDoubleLE(r.over, o + AT.over);
    b.writeDoubleLE(r.offset, o + AT.offset);
    b.writeUInt32LE(r.length, o + AT.length);
    this.count++;
    if (++this.pending === this.blockRecords) this.flush();
  }

  /** Every record written so far, in order (one object reused: copy what you keep). */
  read(visit: (r: LedgerRecord) => void): void {
    this.flush();
    const block = Buffer.allocUnsafe(RECORD * BLOCK);
    const r: LedgerRecord = { hi: 0, lo: 0, year: 0, part: 0, toNext: 0, over: 0, offset: 0, length: 0 };
    for (let pos = 0; ; ) {
      const got = readSync(this.fd, block, 0, block.length, pos);
      if (got < RECORD) return;
      const whole = got - (got % RECORD);
      for (let o = 0; o < whole; o += RECORD) {
        r.hi = block.readUInt32LE(o + AT.hi);
        r.lo = block.readUInt32LE(o + AT.lo);
        r.year = block.readInt32LE(o + AT.year);
        r.part = block.readUInt32LE(o + AT.part);
        r.toNext = block.readDoubleLE(o + AT.toNext);
        r.over = block.readDoubleLE(o + AT.over);
        r.offset = block.readDoubleLE(o + AT.offset);
        r.length = block.readUInt32LE(o + AT.length);
        visit(r);
      }
      pos += whole;
    }
  }

  /** Close and delete the file (again: nothing). */
  remove(): void {
    if (this.removed) return;
    this.removed = true;
    closeSync(this.fd);
    rmSync(this.file, { force: true });
  }

  private flush(): void {
    if (this.pending) writeSync(this.fd, this.block, 0, this.pending * RECORD);
    this.pending = 0;
  }
}

/** One bucket's entries in memory, as columns. */
class Bucket {
  private n = 0;
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private readonly year: Int32Array;
  private readonly toNext: Float64Array;
  private readonly over: Float64Array;
  private readonly offset: Float64Array;
  private readonly length: Uint32Array;

  constructor(capacity: number) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.year = new Int32Array(capacity);
    this.toNext = new Float64Array(capacity);
    this.over = new Float64Array(capacity);
    this.offset = new Float64Array(capacity);
    this.length = new Uint32Array(capacity);
  }

  push(r: LedgerRecord): void {
    const i = this.n++;
    this.hi[i] = r.hi;
    this.lo[i] = r.lo;
    this.year[i] = r.year;
    this.toNext[i] = r.toNext;
    this.over[i] = r.over;
    this.offset[i] = r.offset;
    this.length[i] = r.length;
  }

  /** Sorted by key, year and place in the index; then one scan for groups and carry pairs. */
  *candidates(): Generator<Candidate> {
    const { hi, lo, year, toNext, over, offset } = this;
    const live = Uint32Array.from({ length: this.n }, (_, i) => i).sort(
      (a, b) => hi[a]! - hi[b]! || lo[a]! - lo[b]! || year[a]! - year[b]! || offset[a]! - offset[b]!,
    );
    const entry = (i: number): EntrySpan => ({ offset: offset[i]!, length: this.length[i]! });
    const sameKey = (a: number, b: number) => hi[a] === hi[b] && lo[a] === lo[b];
    let prevStart = -1;
    let prevEnd = -1;
    for (let s = 0; s < live.length; ) {
      let e = s + 1;
      while (e < live.length && sameKey(live[e]!, live[s]!) && year[live[e]!] === year[live[s]!]) e++;
      if (e - s > 1) yield { duplicate: Array.from(live.subarray(s, e), entry) };
      if (prevStart >= 0 && sameKey(live[prevStart]!, live[s]!) && year[live[prevStart]!]! + 1 === year[live[s]!]) {
        const carry: Array<[EntrySpan, EntrySpan]> = [];
        for (let x = prevStart; x < prevEnd; x++) {
          const b = live[x]!;
          if (Number.isNaN(toNext[b])) continue;
          for (let y = s; y < e; y++) {
            const n = live[y]!;
            if (!Number.isNaN(over[n]) && toNext[b] !== over[n]) carry.push([entry(b), entry(n)]);
          }
        }
        if (carry.length) yield { carry };
      }
      prevStart = s;
      prevEnd = e;
      s = e;
    }
  }
}

/**
 * The findings of the corpus checks over a ledger whose cache index is committed in `out`, a
 * candidate at a time (only its entries are read back), each with the year it belongs to.
 */
function* corpusFindings(ledger: CorpusLedger, out: string): Generator<{ year: number; finding: Finding }> {
  let entries: EntryReader | null = null;
  try {
    for (const candidate of ledger.candidates()) {
      if (!entries) {
        entries = openEntries(out);
        // A finding reaches its report through where the report's line sits: both must agree.
        const expected = ledger.indexBytes();
        if (entries.bytes !== expected) {
          throw new Error(`the cache index of ${out} is ${entries.bytes} bytes where the corpus checks expect ${expected} (${ledger.kept} entries)`);
        }
      }
      const entryAt = (span: EntrySpan) => entries!.at(span);
      if ('duplicate' in candidate) {
        // The copies of one agency-year (a key two agencies share splits here).
        const byAgency = new Map<string, CorpusReport[]>();
        for (const span of candidate.duplicate) {
          const r = reportOf(entryAt(span));
          const list = byAgency.get(r.agency);
          if (list) list.push(r);
          else byAgency.set(r.agency, [r]);
        }
        for (const group of byAgency.values()) {
          if (group.length > 1) for (const finding of duplicateFindings(group)) yield { year: group[0].year, finding };
        }
        continue;
      }
      // Pairs of one agency (not only one key), in file order.
      const pairs = candidate.carry
        .map(([bi, ni]) => {
          const [b, n] = [entryAt(bi), entryAt(ni)];
          return { before: reportOf(b), next: reportOf(n), toNext: b.toNext!, over: n.over! };
        })
        .filter((p) => p.before.agency === p.next.agency)
        .sort((x, y) => byName(x.before.file, y.before.file) || byName(x.next.file, y.next.file));
      for (const p of pairs) {
        const [a, b] = carryMismatch(p.before, p.toNext, p.next, p.over);
        if (a) yield { year: p.before.year, finding: a };
        if (b) yield { year: p.next.year, finding: b };
      }
    }
  } finally {
    entries?.close();
  }
}

const reportOf = (e: ReportSummary): CorpusReport => ({ report_id: e.report_id, file: e.file, agency: e.agency!, year: e.year! });

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Run the corpus checks over the ledger of a run whose cache index is committed in `out`, and
 * write their findings as `findings/year=Y/corpus-r<run>.parquet`, replacing the previous run's.
 * Returns their count, and how many are errors.
 */
export function checkCorpus(ledger: CorpusLedger, out: string, run: number): { findings: number; errors: number } {
  removeCorpusParts(out);
  // Findings are buffered per year; when `GROUP_ROWS` are pending over all years, the biggest
  // year's are written as a row group, so a corpus with very many duplicates stays bounded.
  type Year = { stream: PartStream | null; rows: Finding[] };
  const years = new Map<string, Year>();
  let count = 0;
  let errors = 0;
  let pending = 0;
  const flushYear = (dir: string, y: Year) => {
    if (!y.rows.length) return;
    y.stream ??= openPartStream(path.join(out, 'findings', dir, `${CORPUS_PART_PREFIX}${runTag(run)}.parquet`), DATASET_TABLES.findings);
    y.stream.append(y.rows as unknown as Array<Record<string, unknown>>);
    pending -= y.rows.length;
    y.rows = [];
  };
  try {
    for (const { year, finding } of corpusFindings(ledger, out)) {
      const dir = partitionDir(year);
      let y = years.get(dir);
      if (!y) years.set(dir, (y = { stream: null, rows: [] }));
      y.rows.push(finding);
      count++;
      if (finding.severity === 'error') errors++;
      if (++pending < GROUP_ROWS) continue;
      let biggest: [string, Year] = [dir, y];
      for (const entry of years) if (entry[1].rows.length > biggest[1].rows.length) biggest = entry;
      flushYear(...biggest);
    }
    for (const [dir, y] of years) flushYear(dir, y);
  } finally {
    for (const y of years.values()) y.stream?.close();
  }
  return { findings: count, errors };
}

/** Delete the corpus findings of earlier runs (the checks always cover the whole dataset). */
function removeCorpusParts(out: string): void {
  if (!existsSync(path.join(out, 'findings'))) return;
  for (const f of partFiles(out)) if (f.table === 'findings' && f.name.startsWith(CORPUS_PART_PREFIX)) unlinkSync(f.file);
}
