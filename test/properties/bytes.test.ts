/**
 * Property tests on bytes: mutated reports in the encodings Chinese reports use (UTF-8 with and
 * without BOM, GB18030, UTF-16LE with and without BOM), then byte-level damage (truncation at any
 * byte, random bytes overwritten or inserted).
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadReports } from '../../src/load.ts';
import { ALL_FIXTURES } from './fixtures.ts';
import { accounted, configureFastCheck, inventedNumbers, rawLinesOf, snapshot } from './check.ts';
import { applyAll, join, mutationsArb } from './mutate.ts';

configureFastCheck();

const byName = new Map(ALL_FIXTURES.map((f) => [f.name, f]));
const fixtureArb = fc.constantFrom(...byName.keys());

const ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030', 'utf-16le-bom', 'utf-16le'] as const;
type Enc = (typeof ENCODINGS)[number];

function encode(text: string, enc: Enc): Uint8Array {
  const buf =
    enc === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
    : enc === 'utf-16le-bom' ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])
    : iconv.encode(text, enc);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Encoding name the loader records for each. */
const RECORDED: Record<Enc, string> = {
  'utf-8': 'utf-8', 'utf-8-bom': 'utf-8', gb18030: 'gb18030', 'utf-16le-bom': 'utf-16le', 'utf-16le': 'utf-16le',
};

const READ_CODES = new Set(['empty_file', 'binary_file', 'unknown_encoding']);

type ByteDamage =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'insert'; at: number; bytes: Uint8Array };

const damageArb: fc.Arbitrary<ByteDamage> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

function damage(bytes: Uint8Array, d: ByteDamage): Uint8Array {
  if (d.kind === 'none') return bytes;
  const at = d.at % (bytes.length + 1);
  if (d.kind === 'truncate') return bytes.slice(0, at);
  if (d.kind === 'insert') return Uint8Array.from([...bytes.subarray(0, at), ...d.bytes, ...bytes.subarray(at)]);
  const out = bytes.slice();
  out.set(d.bytes.subarray(0, Math.max(0, out.length - at)), at);
  return out;
}

describe('mutated reports as bytes', () => {
  it('decode in every supported encoding to the same facts as the text itself', async () => {
    await fc.assert(
      fc.asyncProperty(fixtureArb, mutationsArb, fc.constantFrom(...ENCODINGS), async (name, muts, enc) => {
        const text = join(applyAll(byName.get(name)!.text, muts).lines);
        const asText = await loadReports({ file: 'x.txt', text });
        const asBytes = await loadReports({ file: 'x.txt', bytes: encode(text, enc) });
        const [tr, br] = [asText.records.reports[0]!, asBytes.records.reports[0]!];
        // Text the read stage rejects (empty, NUL or control characters) is rejected as bytes too.
        if (tr.status === 'failed' && asText.records.findings.some((f) => READ_CODES.has(f.code))) {
          expect(br.status).toBe('failed');
          expect(asBytes.records.facts).toEqual([]);
          return;
        }
        // Encoding detection needs material: a few CJK bytes are as valid in Big5 as in GB18030
        // ("威" alone reads as Big5). Below 20 non-ASCII characters only the damaged-bytes
        // property applies (no throw, no invented number).
        const nonAscii = text.replace(/[\x00-\x7f]/g, '').length;
        if (nonAscii > 0 && nonAscii < 20) return;
        // ASCII-only text is the same bytes in GB18030 and UTF-8, and reads as UTF-8.
        const ascii = nonAscii === 0;
        expect(br.encoding).toBe(ascii && enc === 'gb18030' ? 'utf-8' : RECORDED[enc]);
        const meaning = (r: typeof asText) => r.records.facts.map((f) => `${f.line} ${f.metric}[${f.applicant}]=${f.value} ${f.text}`);
        expect(meaning(asBytes)).toEqual(meaning(asText));
      }),
      { numRuns: 400 },
    );
  });

  it('damaged bytes: never throw, one row, no invented number, deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(fixtureArb, fc.constantFrom(...ENCODINGS), damageArb, async (name, enc, d) => {
        const bytes = damage(encode(byName.get(name)!.text, enc), d);
        const input = { file: `damaged-${name}`, bytes };
        const r = await loadReports(input);
        expect(accounted(r, [input.file])).toEqual([]);
        expect(inventedNumbers(r.records.facts, rawLinesOf(input))).toEqual([]);
        if (r.records.reports[0]!.status === 'failed') expect(r.records.facts).toEqual([]);
        expect(snapshot(await loadReports(input))).toBe(snapshot(r));
      }),
      { numRuns: 400 },
    );
  });
});
