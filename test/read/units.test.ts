import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeValidUtf8, readValidUtf8, scratchUnits, unitsToString } from '../../src/read/units.ts';

const reference = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('decodeValidUtf8', () => {
  it('decodes ASCII, CJK, two-byte and astral characters', () => {
    expect(decodeValidUtf8(utf8('abc 123\t\n'))).toBe('abc 123\t\n');
    expect(decodeValidUtf8(utf8('政府信息公开（一）１２'))).toBe('政府信息公开（一）１２');
    expect(decodeValidUtf8(utf8('©é§±'))).toBe('©é§±');
    const astral = '𠀀😀𪚥';
    expect(decodeValidUtf8(utf8(astral))).toBe(astral);
    expect(decodeValidUtf8(utf8(astral)).length).toBe(6);
  });

  it('keeps a byte-order mark (the caller strips it), as TextDecoder with ignoreBOM does', () => {
    const s = decodeValidUtf8(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41));
    expect(s).toBe('\ufeffA');
  });

  it('reads a subarray at its own offset', () => {
    const bytes = utf8('xx政府yy');
    expect(decodeValidUtf8(bytes.subarray(2, 8))).toBe('政府');
  });

  it('equals a fatal TextDecoder on any valid UTF-8 (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const bytes = utf8(s);
        return decodeValidUtf8(bytes) === reference.decode(bytes);
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes a text larger than the reused buffer, and a small one after it', () => {
    const big = '年度报告'.repeat(300_000);
    expect(decodeValidUtf8(utf8(big))).toBe(big);
    expect(decodeValidUtf8(utf8('小'))).toBe('小');
  });
});

describe('readValidUtf8', () => {
  it('counts control bytes (C0 but tab … CR, DEL), C1 controls and U+FFFD while decoding', () => {
    const r = readValidUtf8(utf8('\x00\x01\t\n\r\x0b\x0c\x1f\x7f a\u0080\u009f\u00a0政\ufffd\ufffd😀'));
    expect(r.text).toBe('\x00\x01\t\n\r\x0b\x0c\x1f\x7f a\u0080\u009f\u00a0政\ufffd\ufffd😀');
    expect([r.controlBytes, r.c1Controls, r.replacements]).toEqual([4, 2, 2]);
  });
});

describe('unitsToString', () => {
  it('keeps lone surrogates and reads only the first `length` units', () => {
    expect(unitsToString(Uint16Array.of(0xd800, 0x41, 0xdc00, 0x42), 3)).toBe('\ud800A\udc00');
    expect(unitsToString(new Uint16Array(4), 0)).toBe('');
  });

  it('scratchUnits gives at least the size asked for', () => {
    expect(scratchUnits(10).length).toBeGreaterThanOrEqual(10);
    expect(scratchUnits(100_000).length).toBeGreaterThanOrEqual(100_000);
  });
});
