/**
 * Unique report ids for a corpus run: the first file with some content is named by its content
 * hash (16 hex digits), each further copy gets `-2`, `-3`, …. A Map of every id string cost
 * ~150 bytes per report on the main thread; hash ids are kept instead as 64-bit keys in an
 * open-addressing table (at most 16 bytes per report). Only ids seen twice, and the rare ids
 * that are not a hash (unreadable files), go into a Map.
 */
const HASH_ID = /^[0-9a-f]{16}$/;
/** The all-zero key marks an empty slot, so that one id takes the Map path. */
const ZERO = '0000000000000000';

export class ReportIds {
  private hi = new Uint32Array(1 << 12);
  private lo = new Uint32Array(1 << 12);
  private used = 0;
  private counts = new Map<string, number>();

  /** The id for the next report whose natural id is `id`: `id` itself the first time. */
  next(id: string): string {
    const hashed = HASH_ID.test(id) && id !== ZERO;
    if (hashed && this.add(parseInt(id.slice(0, 8), 16), parseInt(id.slice(8), 16))) return id;
    // Seen before (a hashed id's first copy is in the table, not in the Map).
    const n = (this.counts.get(id) ?? (hashed ? 1 : 0)) + 1;
    this.counts.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  }

  /** Add a key; false when it is there already. */
  private add(hi: number, lo: number): boolean {
    if ((this.used + 1) * 2 > this.hi.length) this.grow();
    const mask = this.hi.length - 1;
    // Hash digits are uniformly random: the low word is a good slot number as it is.
    for (let i = lo & mask; ; i = (i + 1) & mask) {
      if (this.hi[i] === 0 && this.lo[i] === 0) {
        this.hi[i] = hi;
        this.lo[i] = lo;
        this.used++;
        return true;
      }
      if (this.hi[i] === hi && this.lo[i] === lo) return false;
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.used = 0;
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0 || lo[i] !== 0) this.add(hi[i], lo[i]);
  }
}
