/**
 * Bytes → text lines. The encoding is detected, never assumed: byte-order mark, then a strict
 * UTF-8 check, then chardet restricted to the encodings Chinese reports use, decoded with
 * iconv-lite. Data problems come back as `{ error }`, never as exceptions.
 */
import type { ReaderNote } from './pdf.ts';
import { isUtf8 } from 'node:buffer';
import * as crypto from 'node:crypto';
import path from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { XxgkError } from '../errors.ts';
import type { DecodedDoc, FindingCode, Source } from '../types.ts';
import { CONTROL_BYTES, CONTROL_UNITS, decodeValidUtf8, readValidUtf8 } from './units.ts';

export interface ReadFailure {
  error: { code: FindingCode; message: string };
}

export type DecodeResult = DecodedDoc | ReadFailure;

export function isReadFailure(r: DecodeResult): r is ReadFailure {
  return 'error' in r;
}

/** Share of U+FFFD replacement characters above which a decoding is rejected. */
const MAX_REPLACEMENT_RATIO = 0.01;
/** Share of control characters above which decoded text is taken for binary data. */
const MAX_CONTROL_RATIO = 0.05;
/** chardet reads this much of the file; detection does not need more. */
const SNIFF_BYTES = 256 * 1024;

/**
 * chardet names we accept, with the name we decode with and record. GBK and GB2312 are subsets
 * of GB18030, so decoding as gb18030 is always right for them.
 */
const CHARDET_ENCODINGS: Readonly<Record<string, string>> = {
  'GB18030': 'gb18030',
  'GBK': 'gb18030',
  'GB2312': 'gb18030',
  'Big5': 'big5',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};
/** chardet candidates below this confidence (0–100) are not tried. */
const MIN_CONFIDENCE = 10;

const FORMATS: Readonly<Record<string, string>> = {
  txt: 'txt', text: 'txt', htm: 'html', html: 'html', xhtml: 'html',
  docx: 'docx', doc: 'doc', wps: 'wps', pdf: 'pdf',
};

/** Report format from the file extension: txt, html, docx, doc, wps, pdf, else the extension (or txt). */
export function formatOf(file: string): string {
  const ext = path.extname(file).slice(1).toLowerCase();
  if (ext === '') return 'txt';
  return FORMATS[ext] ?? ext;
}

/** Container formats recognised by magic bytes; their text is not reachable by decoding. */
const CONTAINERS: ReadonlyArray<{ magic: number[]; what: string }> = [
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'PDF document (read by the PDF reader: readSourceAsync / loadReports)' }, // %PDF-
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP container (a .docx is read by the DOCX reader: readSource / loadReports)' },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'binary .doc/.wps (OLE compound document), not supported: convert it to .docx or .pdf first, e.g. with LibreOffice (soffice --headless --convert-to docx FILE)',
  },
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Node's one-shot hash (20.12+) skips the Hash object; the same hex digest either way. */
const oneShotHash = typeof crypto.hash === 'function' ? crypto.hash : undefined;

export function sha256(data: Uint8Array | string): string {
  if (oneShotHash) return oneShotHash('sha256', data, 'hex');
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Split on \r\n, \r and \n (mixed endings allowed); a final line ending does not open a line. */
export function splitLines(text: string): string[] {
  // Most files use \n alone: splitting on a one-character string is much cheaper than the regex.
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const fail = (code: FindingCode, message: string): ReadFailure => ({ error: { code, message } });

interface Decoded {
  text: string;
  encoding: string;
  /** The bytes ended inside a multi-byte character (a cut-off download). */
  cutInCharacter?: boolean;
  /** checkText's counts, when decoding took them already (the text then has no NUL). */
  census?: Census;
}

/** Characters that tell text from binary data (see checkText). */
interface Census {
  controls: number;
  replacements: number;
}

/** A decoded source before its lines are normalized (`lines` is left to the caller). */
export interface RawDoc {
  file: string;
  format: string;
  encoding: string;
  hash: string;
  raw: string[];
  /** The bytes ended inside a multi-byte character (a cut-off download). */
  cutInCharacter?: boolean;
}

/** Decode a source into lines, or say why not. */
export function decode(source: Source): DecodeResult {
  const r = decodeRaw(source);
  return 'error' in r ? r : withLines(r, r.raw.slice());
}

/**
 * Decode a source into raw lines, or say why not. The reader (index.ts) calls this rather than
 * `decode` so it can normalize the lines (or render an HTML page) without copying them first.
 */
export function decodeRaw(source: Source): RawDoc | ReadFailure {
  if (source === null || typeof source !== 'object' || typeof source.file !== 'string') {
    throw new XxgkError('bad_argument', 'decode() expects a Source object with a file name');
  }
  const { file } = source;
  if (source.readError) return { error: { ...source.readError } };

  let decoded: Decoded | ReadFailure;
  let hash: string;
  if (typeof source.text === 'string') {
    decoded = { text: source.text, encoding: 'utf-8' };
    hash = sha256(source.text);
  } else if (source.bytes instanceof Uint8Array) {
    decoded = decodeBytes(source.bytes);
    hash = source.hash ?? sha256(source.bytes);
  } else {
    throw new XxgkError('bad_argument', 'Source has neither bytes nor text', { file });
  }
  if ('error' in decoded) return decoded;

  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  const problem = checkText(text, decoded.census);
  if (problem) return problem;

  const doc: RawDoc = { file, format: sniffFormat(formatOf(file), text), encoding: decoded.encoding, hash, raw: splitLines(text) };
  if (decoded.cutInCharacter) doc.cutInCharacter = true;
  return doc;
}

/** The decoded document with its `lines` (and a note when the file was cut off). */
export function withLines(r: RawDoc, lines: string[]): DecodedDoc & { notes?: ReaderNote[] } {
  const { file, format, encoding, hash, raw } = r;
  const doc: DecodedDoc & { notes?: ReaderNote[] } = { file, format, encoding, hash, raw, lines };
  if (r.cutInCharacter) {
    doc.notes = [
      {
        severity: 'warning',
        code: 'truncated',
        message: 'the file ends inside a UTF-8 character: it was probably cut off (an interrupted download or copy)',
        metric: null,
        line: raw.length,
      },
    ];
  }
  return doc;
}

/** Crawled "doc"/"txt" files are often HTML pages; say so, so layout can treat them as HTML. */
function sniffFormat(format: string, text: string): string {
  const head = text.slice(0, 1024).trimStart();
  // Every HTML start begins with '<': plain text skips lower-casing and the regex.
  if (head.charCodeAt(0) !== 0x3c) return format;
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!doctype html|<html[\s>])/.test(head.toLowerCase())) return 'html';
  return format;
}

function decodeBytes(bytes: Uint8Array): Decoded | ReadFailure {
  if (bytes.length === 0) return fail('empty_file', 'file is empty (0 bytes)');

  for (const { magic, what } of CONTAINERS) {
    if (startsWith(bytes, magic)) {
      return fail('unsupported_format', `${what}; its text cannot be decoded directly`);
    }
  }

  // Byte-order marks settle the question.
  // With a UTF-8 BOM a few broken sequences (a truncated download) are tolerated as U+FFFD;
  // checkText still rejects a text with too many of them.
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return withEncoding(bytes.subarray(3), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return withEncoding(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return withEncoding(bytes.subarray(2), 'utf-16be');

  // NUL bytes never occur in UTF-8 or GB text: either BOM-less UTF-16 or binary data.
  if (bytes.includes(0)) {
    const utf16 = utf16ByHighBytes(bytes);
    if (utf16 === 'binary') return fail('binary_file', 'file contains NUL bytes (binary data)');
    return validated(withEncoding(bytes, utf16));
  }

  // In UTF-8, GB18030 and Big5 no byte of a multi-byte character is below 0x40, so C0 control
  // bytes are real control characters: many of them mean binary data, whatever the encoding.
  // The usual case, valid UTF-8 (a native check), counts them while decoding; the others first.
  if (isUtf8(bytes)) {
    const utf8 = readValidUtf8(bytes);
    if (utf8.controlBytes / bytes.length > MAX_CONTROL_RATIO) return tooManyControlBytes();
    const census = { controls: utf8.controlBytes + utf8.c1Controls, replacements: utf8.replacements };
    return { text: utf8.text, encoding: 'utf-8', census };
  }
  if (controlByteShare(bytes) > MAX_CONTROL_RATIO) return tooManyControlBytes();

  const cut = decodeCutUtf8(bytes);
  if (cut) return cut;

  const sample = bytes.subarray(0, SNIFF_BYTES);
  const candidates = [
    ...new Set(
      chardet
        .analyse(sample)
        .filter((m) => m.confidence >= MIN_CONFIDENCE && m.name in CHARDET_ENCODINGS)
        .map((m) => CHARDET_ENCODINGS[m.name]),
    ),
  ];
  if (candidates.length === 0) {
    const guess = chardet.detect(sample);
    return fail(
      'unknown_encoding',
      `not UTF-8, GB18030/GBK/GB2312, Big5 or UTF-16${guess ? ` (detector suggests ${guess})` : ''}`,
    );
  }
  let last: ReadFailure | undefined;
  for (const encoding of candidates) {
    const d = validated(withEncoding(bytes, encoding));
    if (!('error' in d)) return d;
    last = d;
  }
  return last!;
}

const tooManyControlBytes = (): ReadFailure => fail('binary_file', 'too many control bytes (binary data)');

function controlByteShare(bytes: Uint8Array): number {
  let control = 0;
  for (let i = 0; i < bytes.length; i++) control += CONTROL_BYTES[bytes[i]];
  return control / bytes.length;
}

/**
 * Bytes that are not valid UTF-8 may still be a download cut off inside a character: valid up
 * to an incomplete last sequence (a lead byte in the last three bytes). Read them as UTF-8 and
 * say they were cut. (No full strict decode first: after isUtf8 fails it could only throw.)
 */
function decodeCutUtf8(bytes: Uint8Array): Decoded | undefined {
  const cut = incompleteTail(bytes);
  if (cut > 0) {
    const sub = bytes.subarray(0, bytes.length - cut);
    if (isUtf8(sub)) return { text: decodeValidUtf8(sub), encoding: 'utf-8', cutInCharacter: true };
  }
  return undefined;
}

/** Bytes of an unfinished UTF-8 sequence at the end (0 when the last sequence is complete). */
function incompleteTail(bytes: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const b = bytes[bytes.length - k]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

function withEncoding(bytes: Uint8Array, encoding: string): Decoded {
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding), encoding };
}

/** Reject a decoding that produced too many replacement characters. */
function validated(d: Decoded): Decoded | ReadFailure {
  let bad = 0;
  for (let i = 0; i < d.text.length; i++) if (d.text.charCodeAt(i) === 0xfffd) bad++;
  if (d.text.length > 0 && bad / d.text.length > MAX_REPLACEMENT_RATIO) {
    return fail(
      'binary_file',
      `decoding as ${d.encoding} gives ${bad} replacement characters in ${d.text.length} (not text)`,
    );
  }
  return d;
}

/**
 * BOM-less UTF-16, told apart from binary data by the high byte of each code unit (odd offsets
 * for LE, even for BE): in Chinese text it is almost always 0x00 (ASCII: digits, tabs, line
 * ends), 0x20 (punctuation), 0x30 (CJK symbols), 0x4E–0x9F (CJK ideographs), 0xFF (full-width
 * forms) or 0xD8–0xDF (surrogates). Random or binary bytes hit that set about a third of the
 * time. Only asked when the bytes contain NULs (which UTF-8 and GB text never do).
 */
function utf16ByHighBytes(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'binary' {
  if (bytes.length % 2 !== 0 || bytes.length < 8) return 'binary';
  const units = bytes.length / 2;
  let le = 0;
  let be = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (isTextHighByte(bytes[i + 1])) le++;
    if (isTextHighByte(bytes[i])) be++;
  }
  if (le / units >= UTF16_HIGH_BYTE_SHARE && le > be) return 'utf-16le';
  if (be / units >= UTF16_HIGH_BYTE_SHARE && be > le) return 'utf-16be';
  return 'binary';
}

const UTF16_HIGH_BYTE_SHARE = 0.9;

function isTextHighByte(b: number): boolean {
  // 0xD8–0xDF: the halves of a surrogate pair (a character beyond the BMP, e.g. CJK extension B).
  return b === 0x00 || b === 0x20 || b === 0x30 || b === 0xff || (b >= 0x4e && b <= 0x9f) || (b >= 0xd8 && b <= 0xdf);
}

/**
 * Checks on decoded text: empty, whitespace only, binary (NUL / control characters). `census`:
 * the counts, when decoding took them (of a text without NUL).
 */
function checkText(text: string, census?: Census): ReadFailure | undefined {
  // \s covers U+3000, NBSP and U+FEFF; add the zero-width characters.
  if (/^[\s\u200B-\u200D\u2060]*$/.test(text)) {
    return fail('empty_file', text.length === 0 ? 'file has no text' : 'file contains only whitespace');
  }
  const counted = census ?? countText(text);
  if ('error' in counted) return counted;
  const { controls: control, replacements: bad } = counted;
  if (control / text.length > MAX_CONTROL_RATIO) {
    return fail('binary_file', `${control} control characters in ${text.length} (not text)`);
  }
  if (bad / text.length > MAX_REPLACEMENT_RATIO) {
    return fail('binary_file', `${bad} replacement characters in ${text.length} (not text)`);
  }
  return undefined;
}

/** checkText's counts, or the NUL failure. */
function countText(text: string): Census | ReadFailure {
  let control = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return fail('binary_file', 'text contains NUL characters (binary data)');
    if (c < 0xa0) control += CONTROL_UNITS[c]; // the one control rule (units.ts)
    else if (c === 0xfffd) bad++;
  }
  return { controls: control, replacements: bad };
}
