import { detached } from './detach.ts';

/**
 * Bounded memoisation for pure look-ups by string key: label cores, catalogue matches and cell
 * values come back in every report, and each costs patterns or parsing. The cache is cleared
 * when full. The bound is small on purpose: keys are often slices of a document's lines, and a
 * slice keeps its whole line (or document) alive, so a large cache would hold thousands of
 * documents and a worker's memory would grow with the corpus. The labels and figures that do
 * repeat (catalogue rows, small numbers) are far fewer than the bound.
 */
export const MEMO_MAX = 2_000;

/**
 * Calls remembered for the replay (a power of two): more than a report asks of one memo, so the
 * previous report's calls are still there when the next one asks.
 */
const TRAIL = 1024;

/** A cached answer. */
interface Entry<T> {
  key: string;
  value: T;
  /** Slot in the trail of its latest call. */
  at: number;
}

/**
 * Reports of one template ask the same keys in the same order, and the keys are fresh strings
 * (slices of the lines) whose hash is not computed yet: hashing one costs a pass over it, and
 * the hashed look-up a second pass to compare. So the calls are kept in order (the trail) and
 * replayed: the entry after the one that answered last time is tried first, by one comparison
 * that fails at the first differing character (or at once on another length). A key asked
 * twice in a report (总计) is followed by its own successor each time, as the trail replays
 * positions, not keys. A wrong guess falls back to the hashed look-up, and the replay goes on
 * from that key's latest call (or, for a new key, as if it stood in for the one guessed).
 */
export function memoize<T>(lookup: (key: string) => T, max = MEMO_MAX): (key: string) => T {
  const cache = new Map<string, Entry<T>>();
  const trail = new Array<Entry<T> | undefined>(TRAIL).fill(undefined);
  /** Slot of the next call, and slot whose entry answered the last call (in an earlier round). */
  let write = 0;
  let read = -1;
  return (key) => {
    const next = (read + 1) & (TRAIL - 1);
    let entry = trail[next];
    if (entry !== undefined && entry.key === key) read = next;
    else {
      entry = cache.get(key);
      if (entry !== undefined) read = entry.at;
      else {
        // Answered from the detached copy: an answer that is a slice of its key (a trimmed
        // label, an object holding its core) then keeps the copy alive, not the document.
        const own = detached(key);
        const value = lookup(own);
        if (cache.size >= max) {
          // The trail holds only entries of the cache, so a cleared entry is never answered.
          cache.clear();
          trail.fill(undefined);
        }
        entry = newEntry(own, value);
        cache.set(entry.key, entry);
        read = next;
      }
    }
    entry.at = write;
    trail[write] = entry;
    write = (write + 1) & (TRAIL - 1);
    return entry.value;
  };
}

/**
 * Entries of every memo share one shape, whose `value` holds each memo's kind of answer (a
 * record, a string, a number, undefined). The first entry of each new kind would widen that
 * field, and every optimized function that has inlined a memo would be thrown away and compiled
 * again, in each worker: two entries made here, a number and an object, with `at` written, widen
 * it once before any code runs.
 */
function newEntry<T>(key: string, value: T): Entry<T> {
  return { key, value, at: -1 };
}
newEntry('', 0).at = 0;
newEntry('', {}).at = 0;
