/**
 * Growing typed arrays: per-report columns (a previous run's index: offsets and keys, a few
 * bytes per report rather than an object each) and a text column's key chain (gather.ts).
 */
export type Column = Float64Array | Uint32Array | Uint8Array;

/** `column` if index `i` fits, else a copy twice as long (doubling: appends stay amortized O(1)). */
export function withRoom<T extends Column>(column: T, i: number): T {
  if (i < column.length) return column;
  const bigger = new (column.constructor as new (length: number) => T)(Math.max(2 * column.length, i + 1, 1024));
  bigger.set(column);
  return bigger;
}
