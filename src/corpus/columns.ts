/**
 * Growing typed arrays, for the per-report columns the main thread keeps (the cache index's
 * offsets and keys, the corpus checks' ledger): a few bytes per report, never an object each.
 */
export type Column = Float64Array | Uint32Array | Int32Array | Uint8Array;

/** `column` if index `i` fits, else a copy twice as long (doubling: appends stay amortized O(1)). */
export function withRoom<T extends Column>(column: T, i: number): T {
  if (i < column.length) return column;
  const bigger = new (column.constructor as new (length: number) => T)(Math.max(2 * column.length, i + 1, 1024));
  bigger.set(column);
  return bigger;
}
