import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, formatOf, sha256, splitLines } from '../../src/read/decode.ts';
import { XxgkError } from '../../src/errors.ts';
import type { DecodedDoc, Source } from '../../src/types.ts';

const SEEDS = [
  ['000_3a5e0d9452cd99a5.txt', 395, 396],
  ['001_f6584d2c7913d8cd.txt', 313, 314],
  ['002_8ce2c52a2533517f.txt', 175, 176],
  ['003_0c4d93608fc9577c.txt', 454, 455],
  ['004_b5b9a5615959bd1c.txt', 217, 218],
] as const;
const seedPath = (name: string) => new URL(`../../data/raw/${name}`, import.meta.url);
const seedBytes = (name: string) => new Uint8Array(readFileSync(seedPath(name)));

function ok(r: ReturnType<typeof decode>): DecodedDoc {
  if ('error' in r) throw new Error(`expected a document, got ${r.error.code}: ${r.error.message}`);
  return r;
}
function code(r: ReturnType<typeof decode>): string {
  return 'error' in r ? r.error.code : `decoded as ${r.encoding}`;
}
const bytesOf = (file: string, bytes: Uint8Array | number[]): Source => ({
  file,
  bytes: bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes),
});

describe('decode: seeds', () => {
  for (const [name, wcLines, lines] of SEEDS) {
    it(`${name} decodes as utf-8 with ${lines} lines (wc -l ${wcLines} + unterminated last line)`, () => {
      const bytes = seedBytes(name);
      const newlines = bytes.filter((b) => b === 0x0a).length;
      expect(newlines).toBe(wcLines); // what `wc -l` prints
      expect(bytes[bytes.length - 1]).not.toBe(0x0a); // so the last line is unterminated
      const doc = ok(decode({ file: `data/raw/${name}`, bytes }));
      expect(doc.encoding).toBe('utf-8');
      expect(doc.format).toBe('txt');
      expect(doc.raw.length).toBe(lines);
      expect(doc.lines).toEqual(doc.raw);
      expect(doc.hash).toBe(sha256(bytes));
      expect(doc.hash).toMatch(/^[0-9a-f]{64}$/);
    });
  }

  it('001 line 1 and line 313 are the title and the chart residue row', () => {
    const doc = ok(decode({ file: '001.txt', bytes: seedBytes(SEEDS[1][0]) }));
    expect(doc.raw[0]).toBe('2017年度政府信息公开工作年度报告');
    expect(doc.raw[312]).toBe('当面申请数\t信函申请数\t网络申请数\t传真申请数\t138\t95\t11\t0\t');
  });
});

describe('decode: encodings of seed 002', () => {
  const text = readFileSync(seedPath(SEEDS[2][0]), 'utf8');
  const utf8 = ok(decode({ file: '002.txt', bytes: seedBytes(SEEDS[2][0]) }));

  it('GB18030 (no BOM) is detected and gives the same lines', () => {
    const doc = ok(decode(bytesOf('002.txt', iconv.encode(text, 'gb18030'))));
    expect(doc.encoding).toBe('gb18030');
    expect(doc.raw).toEqual(utf8.raw);
  });

  it('GBK bytes are decoded as gb18030', () => {
    const doc = ok(decode(bytesOf('002.txt', iconv.encode(text, 'gbk'))));
    expect(doc.encoding).toBe('gb18030');
    expect(doc.raw).toEqual(utf8.raw);
  });

  it('UTF-16LE with BOM', () => {
    const doc = ok(decode(bytesOf('002.txt', iconv.encode(text, 'utf-16le', { addBOM: true }))));
    expect(doc.encoding).toBe('utf-16le');
    expect(doc.raw).toEqual(utf8.raw);
  });

  it('UTF-16BE with BOM', () => {
    const bytes = iconv.encode(text, 'utf-16be', { addBOM: true });
    expect([bytes[0], bytes[1]]).toEqual([0xfe, 0xff]);
    const doc = ok(decode(bytesOf('002.txt', bytes)));
    expect(doc.encoding).toBe('utf-16be');
    expect(doc.raw).toEqual(utf8.raw);
  });

  it('UTF-16LE without BOM is recognised by the position of its NUL bytes', () => {
    const doc = ok(decode(bytesOf('002.txt', iconv.encode(text, 'utf-16le'))));
    expect(doc.encoding).toBe('utf-16le');
    expect(doc.raw).toEqual(utf8.raw);
  });

  it('the hash is of the raw bytes, so re-encodings hash differently', () => {
    const gb = ok(decode(bytesOf('002.txt', iconv.encode(text, 'gb18030'))));
    expect(gb.hash).not.toBe(utf8.hash);
  });
});

describe('decode: other encodings and quirks', () => {
  it('Big5 traditional text', () => {
    const text = '政府資訊公開工作年度報告\n一、概述\n本年度共受理申請15件，已全部答覆。\n';
    const doc = ok(decode(bytesOf('tw.txt', iconv.encode(text, 'big5'))));
    expect(doc.encoding).toBe('big5');
    expect(doc.raw).toEqual(['政府資訊公開工作年度報告', '一、概述', '本年度共受理申請15件，已全部答覆。']);
  });

  it('UTF-8 BOM is stripped and recorded as utf-8', () => {
    const doc = ok(decode(bytesOf('bom.txt', [0xef, 0xbb, 0xbf, ...Buffer.from('年度报告\n第二行')])));
    expect(doc.encoding).toBe('utf-8');
    expect(doc.raw).toEqual(['年度报告', '第二行']);
  });

  it('UTF-8 BOM with one broken byte in a long text still decodes (U+FFFD in place)', () => {
    const body = Buffer.concat([Buffer.from('年度报告'.repeat(50)), Buffer.from([0xff]), Buffer.from('\n完')]);
    const doc = ok(decode(bytesOf('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]))));
    expect(doc.encoding).toBe('utf-8');
    expect(doc.raw[0].endsWith('\ufffd')).toBe(true);
    expect(doc.raw[1]).toBe('完');
  });

  it('mixed line endings \\r\\n, \\r and \\n; blank lines kept; trailing ending opens no line', () => {
    const doc = ok(decode(bytesOf('mixed.txt', Buffer.from('a\r\nb\rc\n\nd\r\n'))));
    expect(doc.raw).toEqual(['a', 'b', 'c', '', 'd']);
    expect(splitLines('a\n')).toEqual(['a']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(splitLines('a\r\r\nb')).toEqual(['a', '', 'b']);
  });

  it('splitLines equals a split on /\\r\\n|\\r|\\n/ without the empty last line (property)', () => {
    const reference = (s: string) => {
      const lines = s.split(/\r\n|\r|\n/);
      if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
      return lines;
    };
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('')).toEqual(['']);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '报', '\r', '\n', '\t'), maxLength: 30 }), (s) => {
        expect(splitLines(s)).toEqual(reference(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('in-memory text: utf-8, hash of its UTF-8 bytes', () => {
    const doc = ok(decode({ file: 'memo', text: '\uFEFF报告\r\n2020' }));
    expect(doc.raw).toEqual(['报告', '2020']);
    expect(doc.encoding).toBe('utf-8');
    expect(doc.format).toBe('txt');
    expect(doc.hash).toBe(sha256(Buffer.from('\uFEFF报告\r\n2020', 'utf8')));
  });

  it('an HTML page saved as .doc is reported as html', () => {
    const doc = ok(decode(bytesOf('report.doc', Buffer.from('\n<!DOCTYPE html><html><body>报告</body></html>'))));
    expect(doc.format).toBe('html');
    expect(ok(decode(bytesOf('report.txt', Buffer.from(' \u3000<HTML>报告</HTML>')))).format).toBe('html');
    expect(ok(decode(bytesOf('report.doc', Buffer.from('报告 <html>')))).format).toBe('doc');
  });

  it('UTF-8 with four-byte characters decodes as TextDecoder does', () => {
    const text = '𠀀报告😀\n第二行';
    const doc = ok(decode(bytesOf('astral.txt', Buffer.from(text))));
    expect(doc.raw).toEqual(['𠀀报告😀', '第二行']);
    expect(doc.encoding).toBe('utf-8');
  });
});

describe('decode: failures', () => {
  it('empty file → empty_file', () => {
    expect(code(decode(bytesOf('e.txt', [])))).toBe('empty_file');
    expect(code(decode({ file: 'e', text: '' }))).toBe('empty_file');
  });

  it('whitespace only (incl. U+3000, BOM, CRLF) → empty_file', () => {
    expect(code(decode(bytesOf('w.txt', Buffer.from(' \t\r\n\u3000\n  '))))).toBe('empty_file');
    expect(code(decode(bytesOf('w.txt', [0xef, 0xbb, 0xbf, 0x20, 0x0a])))).toBe('empty_file');
  });

  it('binary bytes with a .txt name → binary_file', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0];
    expect(code(decode(bytesOf('image.txt', png)))).toBe('binary_file');
  });

  it('random bytes → binary_file', () => {
    // Deterministic pseudo-random bytes (LCG), 4096 of them.
    let x = 12345;
    const bytes = new Uint8Array(4096).map(() => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
    expect(code(decode(bytesOf('noise.txt', bytes)))).toBe('binary_file');
  });

  it('random bytes without NULs → binary_file (control bytes)', () => {
    let x = 999;
    const bytes = new Uint8Array(4096).map(() => ((x = (x * 1103515245 + 12345) >>> 0), 1 + ((x >>> 24) % 255)));
    expect(bytes.includes(0)).toBe(false);
    expect(code(decode(bytesOf('noise.txt', bytes)))).toBe('binary_file');
  });

  it('random high bytes (no controls, no NULs) → binary_file (replacement characters)', () => {
    let x = 7;
    const bytes = new Uint8Array(4096).map(() => ((x = (x * 1103515245 + 12345) >>> 0), 0x80 + ((x >>> 24) % 128)));
    expect(code(decode(bytesOf('noise.txt', bytes)))).toBe('binary_file');
  });

  it('text full of control characters → binary_file', () => {
    expect(code(decode(bytesOf('ctl.txt', Buffer.from('\x01\x02\x03\x04abc\x05\x06\x07\x08'))))).toBe('binary_file');
  });

  // Valid UTF-8 is checked with counts taken while decoding: the same verdicts and messages as
  // counting the decoded text (control characters and U+FFFD per character, control bytes per byte).
  it('valid UTF-8: control bytes above 5% → binary_file; exactly 5% still decodes', () => {
    const utf8 = (s: string) => bytesOf('x.txt', Buffer.from(s, 'utf8'));
    expect(decode(utf8('\x01'.repeat(6) + 'a'.repeat(94)))).toEqual({ error: { code: 'binary_file', message: 'too many control bytes (binary data)' } });
    expect(ok(decode(utf8('\x01'.repeat(5) + 'a'.repeat(95)))).raw[0]).toHaveLength(100);
  });

  it('valid UTF-8: C1 control characters and U+FFFD are counted per character', () => {
    const utf8 = (s: string) => bytesOf('x.txt', Buffer.from(s, 'utf8'));
    // 10 × U+0085 (two bytes each, no control byte) in 112 characters.
    expect(decode(utf8('ab' + '\u0085'.repeat(10) + 'x'.repeat(100)))).toEqual({
      error: { code: 'binary_file', message: '10 control characters in 112 (not text)' },
    });
    // Control bytes and C1 characters add up: 3 + 3 in 100 characters.
    expect(decode(utf8('\x01\x02\x03' + '\u0090'.repeat(3) + '政'.repeat(94)))).toEqual({
      error: { code: 'binary_file', message: '6 control characters in 100 (not text)' },
    });
    expect(decode(utf8('政'.repeat(50) + '\ufffd\ufffd'))).toEqual({
      error: { code: 'binary_file', message: '2 replacement characters in 52 (not text)' },
    });
    expect(ok(decode(utf8('政'.repeat(99) + '\ufffd'))).raw[0]).toHaveLength(100);
  });

  it('a Latin-1 (non-Chinese, non-UTF-8) text → unknown_encoding', () => {
    const bytes = iconv.encode("Le café est très bon. Résumé de l'année, élève, où, déjà.", 'latin1');
    expect(code(decode(bytesOf('fr.txt', bytes)))).toBe('unknown_encoding');
  });

  it('PDF / docx / doc containers → unsupported_format', () => {
    expect(code(decode(bytesOf('r.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3'))))).toBe('unsupported_format');
    expect(code(decode(bytesOf('r.docx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0])))).toBe('unsupported_format');
    expect(code(decode(bytesOf('r.doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])))).toBe('unsupported_format');
  });

  it('a Source with a readError passes the error through', () => {
    const r = decode({ file: 'x.txt', readError: { code: 'file_too_large', message: 'too big' } });
    expect(r).toEqual({ error: { code: 'file_too_large', message: 'too big' } });
  });

  it('a malformed Source is a programmer error', () => {
    expect(() => decode({ file: 'x.txt' })).toThrow(XxgkError);
    expect(() => decode(null as unknown as Source)).toThrow(/Source/);
  });
});

describe('formatOf', () => {
  it('maps extensions', () => {
    expect(['a.txt', 'a.TEXT', 'a.htm', 'a.HTML', 'a.docx', 'a.doc', 'a.wps', 'a.pdf', 'a.md', 'noext'].map(formatOf)).toEqual([
      'txt', 'txt', 'html', 'html', 'docx', 'doc', 'wps', 'pdf', 'md', 'txt',
    ]);
  });
});

describe('decode: BOM-less UTF-16', () => {
  it('UTF-16BE without BOM', () => {
    const text = '一、总体情况\n主动公开政府信息数\t12\n';
    const doc = ok(decode(bytesOf('be.txt', iconv.encode(text, 'utf-16be'))));
    expect(doc.encoding).toBe('utf-16be');
    expect(doc.raw).toEqual(['一、总体情况', '主动公开政府信息数\t12']);
  });
  it('UTF-16LE without BOM that starts with characters beyond the BMP (surrogate pairs)', () => {
    const text = '𠀀𠀁𐀀𐀀 威海市环翠区政务服务中心';
    const doc = ok(decode(bytesOf('le.txt', iconv.encode(text, 'utf-16le'))));
    expect(doc.encoding).toBe('utf-16le');
    expect(doc.raw).toEqual([text]);
  });
});
