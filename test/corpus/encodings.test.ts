import { describe, expect, it } from 'vitest';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { snappyUncompress } from 'hyparquet/src/snappy.js';
import { hybridBound, snappy, writeHybrid } from '../../src/corpus/encodings.ts';

describe('page encoders', () => {
  // A small deterministic generator (no Math.random: the inputs are the same every run).
  const bytes = (n: number, seed: number, alphabet = 256) => {
    const out = new Uint8Array(n);
    let x = seed;
    for (let i = 0; i < n; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      out[i] = (x >>> 16) % alphabet;
    }
    return out;
  };
  const repeat = (unit: Uint8Array, n: number) => Uint8Array.from({ length: n }, (_, i) => unit[i % unit.length]);
  const unsnappy = (compressed: Uint8Array, n: number) => {
    const out = new Uint8Array(n);
    snappyUncompress(compressed, out);
    return out;
  };

  it('snappy-compresses what hyparquet decompresses exactly, short literals to long copies', () => {
    const text = new TextEncoder().encode('依申请公开政府信息数（不同渠道和方式公开相同信息计1条）'.repeat(400));
    const inputs: [string, Uint8Array][] = [
      ['empty', new Uint8Array(0)],
      ['one byte', Uint8Array.of(7)],
      ['under the 15-byte margin', bytes(14, 1)],
      ['random (literals over 64 KiB)', bytes(100_000, 2)],
      ['one byte repeated (copies over 64 bytes)', new Uint8Array(200_000).fill(9)],
      ['period 3,000 (offsets over 2,048)', repeat(bytes(3_000, 3), 50_000)],
      ['period 70,000 (too far to copy)', repeat(bytes(70_000, 4), 150_000)],
      ['few symbols', bytes(30_000, 5, 3)],
      ['Chinese text', text],
    ];
    for (const [what, input] of inputs) {
      const compressed = snappy(input).slice();
      expect(unsnappy(compressed, input.length), what).toEqual(input);
    }
    expect(snappy(new Uint8Array(200_000).fill(9)).length).toBeLessThan(10_000);
    expect(snappy(text).length).toBeLessThan(text.length / 10);
  });

  it('writes the RLE/bit-packed hybrid that hyparquet reads back, for every width and run length', () => {
    const cases: [string, number[], number][] = [
      ['width 0', Array(21).fill(0), 0],
      ['levels with runs of 7, 8 and 9', [...Array(7).fill(1), ...Array(8).fill(0), ...Array(9).fill(1), 0, 1, 0], 1],
      ['a single value', [1], 1],
      ['random 3-bit', Array.from(bytes(1001, 6, 8)), 3],
      ['runs of 8-bit values', Array.from({ length: 500 }, (_, i) => (Math.floor(i / 13) * 37) % 256), 8],
      ['random 11-bit', Array.from({ length: 999 }, (_, i) => (i * 7919) % 2048), 11],
      ['16-bit, runs and groups mixed', Array.from({ length: 777 }, (_, i) => (i % 50 < 20 ? 65535 : (i * 31) % 65536)), 16],
    ];
    for (const [what, values, width] of cases) {
      const out = new Uint8Array(hybridBound(values.length, width));
      const end = writeHybrid(out, 0, Uint32Array.from(values), values.length, width);
      const read = new Array(values.length);
      readRleBitPackedHybrid({ view: new DataView(out.buffer, 0, end), offset: 0 }, width, read, end);
      expect(read, what).toEqual(values);
    }
  });
});
