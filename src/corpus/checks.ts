/**
 * The corpus-level checks (duplicate agency-years, the carry-over chain between years), kept as
 * the reports arrive. Each report's cache entry (this run's and reused ones) carries what the
 * checks need: agency, year and its two carry-over cells. The ledger keeps of it only fixed-size
 * numbers — a 64-bit key of the agency, the year, the cells' values, its part and flags: 33
 * bytes per report, so the main thread's memory stays flat on a national corpus. At the end it finds the candidate
 * groups and pairs from those numbers, reads just their entries back from the committed cache
 * index, and builds the findings with the same builders as `validateCorpus`, so the messages are
 * the same. A key collision can only put two agencies in one candidate group: the entries read
 * back are compared by their agency itself.
 */
import { existsSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../types.ts';
import { fnv1a } from '../fnv.ts';
import { carryMismatch, duplicateFindings, type CorpusReport } from '../validate/corpus.ts';
import { type EntryReader, openEntries } from './cache.ts';
import { withRoom } from './columns.ts';
import { openPartStream, type PartStream } from './parquet.ts';
import { CORPUS_PART_PREFIX, DATASET_TABLES, partFiles, partitionDir, runTag } from './schema.ts';
import type { ReportSummary } from './worker.ts';

/** What the ledger needs of a cache entry. */
type LedgerEntry = Pick<ReportSummary, 'agency' | 'year' | 'part' | 'toNext' | 'over'>;

/**
 * Copies of one agency key and year, or consecutive-year (before, next) pairs of one key whose
 * carry cells differ: entries by their place in the committed index.
 */
type Candidate = { duplicate: number[] } | { carry: Array<[before: number, next: number]> };

const NONE = -1;
const START = 1024;
/** Findings per Parquet row group (pending over all years). */
const GROUP_ROWS = 20_000;

/**
 * The agency's 64-bit key: FNV-1a from two offset bases, so that two agencies rarely share a key
 * (the candidates it finds are compared by name in full).
 */
function agencyKey(agency: string): [number, number] {
  return [fnv1a(agency), fnv1a(agency, 0x5bd1e995)];
}

export class CorpusLedger {
  /** Entries added, in cache-index order (dropped ones included). */
  private n = 0;
  private hi = new Uint32Array(START);
  private lo = new Uint32Array(START);
  /** The year, NONE when the agency or the year is unknown (the checks skip the report). */
  private year = new Int32Array(START);
  /** The carry cells' values (their lines are read back with the entry). */
  private toNext = new Float64Array(START);
  private over = new Float64Array(START);
  /** Bit 1: has a carried_to_next cell; 2: a carried_over cell; 4: dropped (its part was lost). */
  private flags = new Uint8Array(START);
  private part = new Uint32Array(START);
  private readonly parts = new Map<string, number>();

  /** The next entry of the cache index. */
  add(e: LedgerEntry): void {
    if (this.n === this.year.length) this.grow();
    const i = this.n++;
    let part = this.parts.get(e.part);
    if (part === undefined) this.parts.set(e.part, (part = this.parts.size));
    this.part[i] = part;
    let flags = 0;
    if (e.agency !== null && e.year !== null) {
      [this.hi[i], this.lo[i]] = agencyKey(e.agency);
      this.year[i] = e.year;
      if (e.toNext) {
        flags |= 1;
        this.toNext[i] = e.toNext.value;
      }
      if (e.over) {
        flags |= 2;
        this.over[i] = e.over.value;
      }
    } else this.year[i] = NONE;
    this.flags[i] = flags;
  }

  /** Entries not forgotten (`drop`): as many as the committed index holds. */
  get kept(): number {
    let k = 0;
    for (let i = 0; i < this.n; i++) if (!(this.flags[i] & 4)) k++;
    return k;
  }

  /** Forget the entries of these parts, as the cache index does (a worker died before closing them). */
  drop(parts: ReadonlySet<string>): void {
    const ids = new Set<number>();
    for (const p of parts) {
      const id = this.parts.get(p);
      if (id !== undefined) ids.add(id);
    }
    if (!ids.size) return;
    for (let i = 0; i < this.n; i++) if (ids.has(this.part[i])) this.flags[i] |= 4;
  }

  /**
   * The candidates, from the numbers alone, one agency key at a time: each group of entries with
   * one key and year, and the (before, next) pairs of consecutive years whose carry cells differ.
   * Entries are given by their place in the committed index (dropped ones are not there).
   */
  *candidates(): Generator<Candidate> {
    const ordinal = new Int32Array(this.n);
    const known = new Int32Array(this.n);
    let count = 0;
    for (let i = 0, k = 0; i < this.n; i++) {
      if (this.flags[i] & 4) continue;
      ordinal[i] = k++;
      if (this.year[i] !== NONE) known[count++] = i;
    }
    const { hi, lo, year, flags } = this;
    const live = known.subarray(0, count).sort((a, b) => hi[a] - hi[b] || lo[a] - lo[b] || year[a] - year[b] || a - b);
    const entry = (i: number): number => ordinal[i];
    const sameKey = (a: number, b: number) => hi[a] === hi[b] && lo[a] === lo[b];
    let prevStart = -1;
    let prevEnd = -1;
    for (let s = 0; s < live.length; ) {
      let e = s + 1;
      while (e < live.length && sameKey(live[e], live[s]) && year[live[e]] === year[live[s]]) e++;
      if (e - s > 1) yield { duplicate: Array.from(live.subarray(s, e), entry) };
      if (prevStart >= 0 && sameKey(live[prevStart], live[s]) && year[live[prevStart]] + 1 === year[live[s]]) {
        const carry: Array<[number, number]> = [];
        for (let x = prevStart; x < prevEnd; x++) {
          const b = live[x];
          if (!(flags[b] & 1)) continue;
          for (let y = s; y < e; y++) if (flags[live[y]] & 2 && this.toNext[b] !== this.over[live[y]]) carry.push([entry(b), entry(live[y])]);
        }
        if (carry.length) yield { carry };
      }
      prevStart = s;
      prevEnd = e;
      s = e;
    }
  }

  private grow(): void {
    const i = this.n;
    this.hi = withRoom(this.hi, i);
    this.lo = withRoom(this.lo, i);
    this.year = withRoom(this.year, i);
    this.toNext = withRoom(this.toNext, i);
    this.over = withRoom(this.over, i);
    this.flags = withRoom(this.flags, i);
    this.part = withRoom(this.part, i);
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
        // A finding reaches its report by the report's place in the index: both must hold the same entries.
        if (entries.size !== ledger.kept) throw new Error(`the cache index of ${out} holds ${entries.size} entries where the corpus checks kept ${ledger.kept}`);
      }
      const entryAt = (ordinal: number) => entries!.at(ordinal);
      if ('duplicate' in candidate) {
        // The copies of one agency-year (a key two agencies share splits here).
        const byAgency = new Map<string, CorpusReport[]>();
        for (const ordinal of candidate.duplicate) {
          const r = reportOf(entryAt(ordinal));
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
 * Returns the count.
 */
export function checkCorpus(ledger: CorpusLedger, out: string, run: number): number {
  removeCorpusParts(out);
  // Findings are buffered per year; when `GROUP_ROWS` are pending over all years, the biggest
  // year's are written as a row group, so a corpus with very many duplicates stays bounded.
  type Year = { stream: PartStream | null; rows: Finding[] };
  const years = new Map<string, Year>();
  let count = 0;
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
      if (++pending < GROUP_ROWS) continue;
      let biggest: [string, Year] = [dir, y];
      for (const entry of years) if (entry[1].rows.length > biggest[1].rows.length) biggest = entry;
      flushYear(...biggest);
    }
    for (const [dir, y] of years) flushYear(dir, y);
  } finally {
    for (const y of years.values()) y.stream?.close();
  }
  return count;
}

/** Delete the corpus findings of earlier runs (the checks always cover the whole dataset). */
function removeCorpusParts(out: string): void {
  if (!existsSync(path.join(out, 'findings'))) return;
  for (const f of partFiles(out)) if (f.table === 'findings' && f.name.startsWith(CORPUS_PART_PREFIX)) unlinkSync(f.file);
}
