/**
 * Bounded memoisation for pure look-ups by string key: label cores, catalogue matches and cell
 * values come back in every report, and each costs patterns or parsing. The cache is cleared
 * when full. The bound is small on purpose: keys are often slices of a document's lines, and a
 * slice keeps its whole line (or document) alive, so a large cache would hold thousands of
 * documents and a worker's memory would grow with the corpus. The labels and figures that do
 * repeat (catalogue rows, small numbers) are far fewer than the bound.
 */
export const MEMO_MAX = 2_000;

/** Stands for a cached undefined, so a miss is told from a hit by get alone. */
const NONE: unique symbol = Symbol('none');

export function memoize<T>(lookup: (key: string) => T, max = MEMO_MAX): (key: string) => T {
  const cache = new Map<string, T | typeof NONE>();
  return (key) => {
    // One hashed look-up per hit, also for look-ups that answer undefined (no catalogue match).
    const hit = cache.get(key);
    if (hit !== undefined) return (hit === NONE ? undefined : hit) as T;
    const v = lookup(key);
    if (cache.size >= max) cache.clear();
    cache.set(detached(key), v === undefined ? NONE : v);
    return v;
  };
}

/**
 * A copy of the key that does not keep its document alive: V8 makes a substring of 13 or more
 * characters a view into its parent string (the line, or the whole document), so a cached view
 * would hold the document for as long as the cache lives. Concatenating then slicing makes V8
 * flatten the key into a string of its own.
 */
function detached(key: string): string {
  return key.length < 13 ? key : (' ' + key).slice(1);
}
