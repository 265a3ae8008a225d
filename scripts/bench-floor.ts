/**
 * The I/O floor of a corpus, alone in its own process for `npm run bench`: walk, read, decode
 * and split lines, nothing else (one thread, streaming), with the files in the page cache. In a
 * fresh process like the loader's, so neither is slowed by the bench's own heap (Arquero and
 * danfo tables of earlier sizes).
 *
 *   tsx scripts/bench-floor.ts <corpus dir>
 *
 * Prints one JSON object: { ms, files, bytes, lines }.
 */
import { decode, iterateSources } from '../src/read/index.ts';

const [dir] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: tsx scripts/bench-floor.ts <corpus dir>\n');
  process.exit(2);
}
// Warm: a first pass reads every file into the page cache, where the loader (run after this)
// finds them too; a cold floor would time the disk and flatter the loader.
for await (const _ of iterateSources([dir]));
const t0 = performance.now();
let files = 0;
let bytes = 0;
let lines = 0;
for await (const source of iterateSources([dir])) {
  files++;
  bytes += source.bytes?.byteLength ?? 0;
  const d = decode(source);
  if (!('error' in d)) lines += d.raw.length;
}
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, files, bytes, lines }) + '\n');
