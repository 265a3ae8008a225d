/**
 * Unique report ids for a corpus run: the first file with some content is named by its content
 * hash (16 hex digits), each further copy gets `-2`, `-3`, …. Every earlier id must be known
 * before a file goes to a worker, so this is what the main thread keeps per report: hash ids as
 * 64-bit keys in a sorted run (8 bytes each) plus a small hash table of the latest ones, which
 * is merged into the run when it fills. A Map of every id string cost ≈ 150 bytes per report; a
 * hash table of all keys, half empty so that probing stays short, 16. Only ids seen twice, and
 * the rare ids that are not a hash (unreadable files), go into a Map.
 */
const HASH_ID = /^[0-9a-f]{16}$/;
/** The all-zero key marks an empty slot, so that one id takes the Map path. */
const ZERO = '0000000000000000';
/** Keys the table takes before a merge: at least this many, and at least 1/16 of the run (merges then cost O(16 n) over a run). */
const RECENT_MIN = 1 << 15;
/** The run is indexed by the top bits of each key: a look-up searches one bucket (≈ 16 keys at a million reports). */
const BUCKET_BITS = 16;

export class ReportIds {
  /** Merged keys in ascending order, as (low word, high word) pairs. */
  private run = new Uint32Array(0);
  /** `starts[b]`: the first key of the run whose high word's top bits are ≥ b. */
  private starts = new Uint32Array((1 << BUCKET_BITS) + 1);
  /** The latest keys, not yet merged (open addressing; zero marks an empty slot). */
  private hi = new Uint32Array(2 * RECENT_MIN);
  private lo = new Uint32Array(2 * RECENT_MIN);
  private used = 0;
  private counts = new Map<string, number>();

  /** The id for the next report whose natural id is `id`: `id` itself the first time. */
  next(id: string): string {
    const hashed = HASH_ID.test(id) && id !== ZERO;
    if (hashed && this.add(parseInt(id.slice(0, 8), 16), parseInt(id.slice(8), 16))) return id;
    // Seen before (a hashed id's first copy is in the run or the table, not in the Map).
    const n = (this.counts.get(id) ?? (hashed ? 1 : 0)) + 1;
    this.counts.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  }

  /** Add a key; false when it is there already. */
  private add(hi: number, lo: number): boolean {
    if (this.inRun(hi, lo)) return false;
    const mask = this.hi.length - 1;
    // Hash digits are uniformly random: the low word is a good slot number as it is.
    for (let i = lo & mask; ; i = (i + 1) & mask) {
      if (this.hi[i] === 0 && this.lo[i] === 0) {
        this.hi[i] = hi;
        this.lo[i] = lo;
        if (++this.used * 2 >= this.hi.length) this.merge();
        return true;
      }
      if (this.hi[i] === hi && this.lo[i] === lo) return false;
    }
  }

  /** Binary search of the key's bucket in the run. */
  private inRun(hi: number, lo: number): boolean {
    const run = this.run;
    const b = hi >>> (32 - BUCKET_BITS);
    let from = this.starts[b]!;
    let to = this.starts[b + 1]!;
    while (from < to) {
      const mid = (from + to) >>> 1;
      const h = run[2 * mid + 1]!;
      const l = run[2 * mid]!;
      if (h === hi && l === lo) return true;
      if (less(h, l, hi, lo)) from = mid + 1;
      else to = mid;
    }
    return false;
  }

  /** Merge the table's keys into the run (a new run, exactly as long), and start an empty table. */
  private merge(): void {
    const { hi, lo, run } = this;
    // The table's keys in ascending order (sorted as 64-bit numbers), then split back into words.
    const fresh = new BigUint64Array(this.used);
    let k = 0;
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0 || lo[i] !== 0) fresh[k++] = (BigInt(hi[i]!) << 32n) | BigInt(lo[i]!);
    fresh.sort();
    const freshHi = new Uint32Array(k);
    const freshLo = new Uint32Array(k);
    for (let j = 0; j < k; j++) {
      freshHi[j] = Number(fresh[j]! >> 32n);
      freshLo[j] = Number(fresh[j]! & 0xffffffffn);
    }
    const a = run.length / 2;
    const out = new Uint32Array(2 * (a + k));
    for (let o = 0, i = 0, j = 0; o < a + k; o++) {
      const fromRun = j === k || (i < a && less(run[2 * i + 1]!, run[2 * i]!, freshHi[j]!, freshLo[j]!));
      out[2 * o + 1] = fromRun ? run[2 * i + 1]! : freshHi[j]!;
      out[2 * o] = fromRun ? run[2 * i++]! : freshLo[j++]!;
    }
    this.run = out;
    // Bucket starts, from the top bits of each key's high word.
    const starts = this.starts;
    let b = 0;
    for (let o = 0; o < a + k; o++) {
      const top = out[2 * o + 1]! >>> (32 - BUCKET_BITS);
      while (b <= top) starts[b++] = o;
    }
    while (b < starts.length) starts[b++] = a + k;
    let size = 2 * RECENT_MIN;
    while (size < (a + k) / 8) size *= 2;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.used = 0;
  }
}

/** Key (hi1, lo1) < key (hi2, lo2). */
const less = (hi1: number, lo1: number, hi2: number, lo2: number): boolean => hi1 < hi2 || (hi1 === hi2 && lo1 < lo2);
