/**
 * Bounded memoisation for pure look-ups by string key: label cores, catalogue matches and cell
 * values come back in every report, and each costs patterns or parsing. The cache is cleared
 * when full. The bound is small on purpose: keys are often slices of a document's lines, and a
 * slice keeps its whole line (or document) alive, so a large cache would hold thousands of
 * documents and a worker's memory would grow with the corpus. The labels and figures that do
 * repeat (catalogue rows, small numbers) are far fewer than the bound.
 */
export const MEMO_MAX = 2_000;

export function memoize<T>(lookup: (key: string) => T, max = MEMO_MAX): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) {
      v = lookup(key);
      if (cache.size >= max) cache.clear();
      cache.set(key, v);
    }
    return v as T;
  };
}
