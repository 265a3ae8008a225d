/**
 * Writes src/catalogue/t2s.ts, the table of Han characters that toSimplified (OpenCC's
 * Traditional → Simplified, Taiwan then Hong Kong) changes on their own, from opencc-js itself.
 * Run it again after upgrading opencc-js: test/read/simplify.test.ts fails while the table is stale.
 *
 *   npx tsx scripts/make-t2s.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { conversionsAlone } from '../src/read/simplify.ts';

const OUT = fileURLToPath(new URL('../src/catalogue/t2s.ts', import.meta.url));
const version = (JSON.parse(readFileSync(new URL('../node_modules/opencc-js/package.json', import.meta.url), 'utf8')) as { version: string }).version;

const pairs = conversionsAlone();
const PER_LINE = 40; // pairs per source line: 80 characters, short enough to diff
const lines: string[] = [];
// Characters that Unicode normalization would replace (the compatibility ideographs) are
// written as escapes, so an editor that saves in NFC cannot change the table.
const literal = (text: string) => [...text].map((ch) => (ch.normalize('NFC') === ch ? ch : `\\u${ch.charCodeAt(0).toString(16)}`)).join('');
for (let i = 0; i < pairs.length; i += 2 * PER_LINE) lines.push(`  '${literal(pairs.slice(i, i + 2 * PER_LINE))}',`);

writeFileSync(
  OUT,
  `/**
 * Generated from opencc-js ${version} by \`npx tsx scripts/make-t2s.ts\`; do not edit by hand.
 *
 * The Han characters (one UTF-16 code unit each, in code order) that toSimplified in
 * src/read/simplify.ts changes when converted on their own, each followed by what it becomes:
 * ${pairs.length / 2} pairs. Traditional documents are detected with it (src/read/traditional.ts)
 * without loading OpenCC; test/read/simplify.test.ts checks it against the converters.
 */
export const T2S_CHARACTERS: string = [
${lines.join('\n')}
].join('');
`,
);
console.log(`wrote ${OUT}: ${pairs.length / 2} pairs (opencc-js ${version})`);
