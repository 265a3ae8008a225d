/** Test helpers: the bundled seeds, decoded by the real read stage. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { readSource } from '../src/read/index.ts';
import type { DecodedDoc } from '../src/types.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RAW = join(ROOT, 'data', 'raw');

/** Path of the seed whose name starts with the prefix ("001"). */
export function seedPath(prefix: string): string {
  const name = readdirSync(RAW).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return join(RAW, name);
}

export function seedDoc(prefix: string): DecodedDoc {
  const file = seedPath(prefix);
  const doc = readSource({ file, bytes: readFileSync(file) });
  if ('error' in doc) throw new Error(doc.error.message);
  return doc;
}

/** A decoded document from inline text (fixtures). */
export function textDoc(text: string, file = 'fixture.txt'): DecodedDoc {
  const doc = readSource({ file, text });
  if ('error' in doc) throw new Error(doc.error.message);
  return doc;
}

/** "line metric value" triples, compact for exact whole-table assertions. */
export function triples(facts: Array<{ line: number; metric: string; value: number | null; applicant?: string | null }>): string[] {
  return facts.map((f) => `${f.line} ${f.metric}${f.applicant ? `[${f.applicant}]` : ''} ${f.value}`);
}

/**
 * Heap bytes that stay in use after `run`, once everything it did not keep is collected. For
 * tests that a kept substring does not hold its whole document: V8 makes a substring of 13 or
 * more characters a view into its parent, invisible to JavaScript but not to the heap.
 */
export function heapKept(run: () => void): number {
  const collect = garbageCollector();
  collect();
  const before = process.memoryUsage().heapUsed;
  run();
  collect();
  return process.memoryUsage().heapUsed - before;
}

let gc: (() => void) | undefined;
function garbageCollector(): () => void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  return gc;
}

/** A document of about `bytes` characters (one-byte text, distinct per `seed`). */
export function bigDocument(seed: number, bytes = 1 << 18): string {
  return `${String(seed).padStart(8, '0')} ${Buffer.alloc(bytes, 97 + (seed % 26)).toString('latin1')}`;
}
