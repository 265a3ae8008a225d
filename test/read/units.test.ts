import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/read/decode.ts';
import { CONTROL_BYTES, CONTROL_UNITS, decodeValidUtf8, readValidUtf8, scratchUnits, unitsToString } from '../../src/read/units.ts';

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

  it('counts exactly the control characters of CONTROL_UNITS, for every one- and two-byte character', () => {
    for (let unit = 0; unit < 0x800; unit++) {
      const r = readValidUtf8(utf8(String.fromCharCode(unit)));
      const expected = unit < 0xa0 ? CONTROL_UNITS[unit] : 0;
      expect([unit, r.controlBytes + r.c1Controls]).toEqual([unit, expected]);
      if (unit >= 0x80) expect([unit, r.controlBytes]).toEqual([unit, 0]);
    }
  });
});

describe('CONTROL_UNITS', () => {
  it('is C0 but tab … carriage return, DEL and C1; CONTROL_BYTES is its ASCII half', () => {
    const controls = [...CONTROL_UNITS.keys()].filter((unit) => CONTROL_UNITS[unit] === 1);
    const expected = [...Array(0xa0).keys()].filter((u) => u < 0x09 || (u > 0x0d && u < 0x20) || u >= 0x7f);
    expect(controls).toEqual(expected);
    expect(controls.length).toBe(9 + 18 + 1 + 32);
    for (let b = 0; b < 256; b++) expect([b, CONTROL_BYTES[b]]).toEqual([b, b < 0x80 ? CONTROL_UNITS[b] : 0]);
  });

  it('valid UTF-8 (counted while decoding) and UTF-16 (counted in the decoded text) agree on every character below U+00A1', () => {
    // 10 of the character among 100: 10 % of the text, but under 5 % of the UTF-8 bytes, so
    // both decodings reach the check of the text's characters.
    const outcome = (bytes: Uint8Array) => {
      const d = decode({ file: 'x.txt', bytes });
      return 'error' in d ? d.error.message : 'text';
    };
    for (let unit = 1; unit <= 0xa0; unit++) {
      const text = String.fromCharCode(unit).repeat(10) + '政'.repeat(90);
      const expected = CONTROL_UNITS[unit] === 1 ? '10 control characters in 100 (not text)' : 'text';
      const viaUtf8 = outcome(utf8(text));
      const viaUtf16 = outcome(new Uint8Array(Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(text, 'utf16le')])));
      expect([unit, viaUtf8, viaUtf16]).toEqual([unit, expected, expected]);
    }
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
