/**
 * Bounded memoisation for pure look-ups by string key: catalogue matches by label core come
 * back in every report, and each tries dozens of patterns. The cache is cleared when full, so
 * a corpus of odd labels cannot grow it without bound.
 */
export function memoize<T>(lookup: (key: string) => T, max = 20_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const v = lookup(key);
    if (cache.size >= max) cache.clear();
    cache.set(key, v);
    return v;
  };
}
