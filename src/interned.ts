/**
 * The engine's one shared copy of a key. V8 compares two strings in a Map look-up by pointer
 * when both are internalized (one copy per content), while a key built by concatenation
 * (`${kind}.${result}`) is a new string that costs hashing and a character comparison in every
 * look-up — in the validator, the views and the Parquet writer's dictionaries. Property names
 * are internalized, so this is that copy. For keys built once (catalogue tables, look-up
 * results that are memoised), never per report: internalized strings live as long as the
 * process.
 */
export function interned(key: string): string {
  return Object.keys({ [key]: 0 })[0]!;
}
