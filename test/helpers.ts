/** Test helpers: the bundled seeds, decoded by the real read stage. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
