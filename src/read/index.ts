/**
 * READ stage: inputs → Sources → decoded, normalized lines.
 *
 * `readSourceAsync` is what the pipeline calls per Source: it tells the format from the bytes
 * (PDF, Word .docx, OLE .doc/.wps, HTML, text) and hands the file to its reader. HTML, DOCX and
 * PDF readers render the document as text lines (render.ts): a paragraph per line, a table row
 * per line with tab-separated cells. `readSource` is the synchronous path (text, HTML, DOCX).
 */
import path from 'node:path';
import type { DecodedDoc, FindingCode, Source } from '../types.ts';
import { decodeRaw, sha256, withLines, type DecodeResult, type ReadFailure } from './decode.ts';
import { readDocx } from './docx.ts';
import { decodeHtml, htmlToLines } from './html.ts';
import { normalizeDoc } from './normalize.ts';
import { type ReaderNote, readPdf } from './pdf.ts';
import { type Kind, sniffKind } from './sniff.ts';

export { collectSources, iterateSources, DEFAULT_EXTENSIONS, DEFAULT_MAX_FILE_BYTES } from './inputs.ts';
export type { Input, CollectOptions } from './inputs.ts';
export { decode, formatOf, isReadFailure, sha256, splitLines } from './decode.ts';
export type { DecodeResult, ReadFailure } from './decode.ts';
export {
  blankChartResidue,
  blankInlineNoise,
  normalizeDoc,
  normalizeLine,
} from './normalize.ts';
export { toSimplified } from './simplify.ts';
export type { ReaderNote } from './pdf.ts';

/** A decoded document plus what its reader noticed (e.g. a PDF table it could not rebuild). */
export type ReadDoc = DecodedDoc & { notes?: ReaderNote[] };

const fail = (code: FindingCode, message: string): ReadFailure => ({ error: { code, message } });

/** Binary Word (.doc) and WPS files: no reader; say how to convert. */
export function oleFailure(file: string): ReadFailure {
  const ext = path.extname(file).slice(1).toLowerCase();
  const what = ext === 'wps' ? 'WPS Office (.wps)' : 'Word 97–2003 (.doc)';
  return fail(
    'unsupported_format',
    `binary ${what} document (OLE compound file) is not supported: convert it to .docx or .pdf first, ` +
      `e.g. with LibreOffice: soffice --headless --convert-to docx "${path.basename(file)}"`,
  );
}

function docOf(file: string, format: string, encoding: string, hash: string, raw: string[], notes?: ReaderNote[]): ReadDoc {
  const doc: ReadDoc = { file, format, encoding, hash, raw, lines: normalizeDoc(raw) };
  if (notes?.length) doc.notes = notes;
  return doc;
}

function fromDocx(source: Source, bytes: Uint8Array): DecodeResult {
  const r = readDocx(bytes);
  if ('error' in r) return fail(r.error.code, r.error.message);
  return docOf(source.file, 'docx', r.encoding, source.hash ?? sha256(bytes), r.lines);
}

function fromHtml(source: Source, bytes: Uint8Array): DecodeResult {
  const d = decodeHtml(bytes);
  if ('error' in d) return fail('unknown_encoding', d.error);
  return docOf(source.file, 'html', d.encoding, source.hash ?? sha256(bytes), htmlToLines(d.text));
}

/** Text decoding; text that turns out to be an HTML page is rendered as one. */
function fromText(source: Source): DecodeResult {
  const decoded = decodeRaw(source);
  if ('error' in decoded) return decoded;
  if (decoded.format === 'html') {
    return docOf(source.file, 'html', decoded.encoding, decoded.hash, htmlToLines(decoded.raw.join('\n')));
  }
  return withLines(decoded, normalizeDoc(decoded.raw));
}

/** Synchronous read: text, HTML and DOCX. PDFs need `readSourceAsync`. */
export function readSource(source: Source): DecodeResult {
  if (source.readError || typeof source.text === 'string' || !(source.bytes instanceof Uint8Array)) return fromText(source);
  return readKind(source, source.bytes, sniffKind(source.bytes, source.file));
}

/** Hand sniffed bytes to their reader (the async entry sniffs once and reuses the kind). */
function readKind(source: Source, bytes: Uint8Array, kind: Kind): DecodeResult {
  switch (kind) {
    case 'pdf':
      return fail('unsupported_format', 'PDF document: read it with readSourceAsync (loadReports does)');
    case 'zip':
      return fromDocx(source, bytes);
    case 'ole':
      return oleFailure(source.file);
    case 'html':
      return fromHtml(source, bytes);
    default:
      return fromText(source);
  }
}

/** Read any supported format (the loader's entry): PDF is read asynchronously, the rest as `readSource`. */
export async function readSourceAsync(source: Source): Promise<ReadDoc | ReadFailure> {
  if (source.readError || !(source.bytes instanceof Uint8Array)) return readSource(source);
  const bytes = source.bytes;
  const kind = sniffKind(bytes, source.file);
  if (kind !== 'pdf') return typeof source.text === 'string' ? fromText(source) : readKind(source, bytes, kind);
  const r = await readPdf(bytes);
  if ('error' in r) return fail(r.error.code, r.error.message);
  return docOf(source.file, 'pdf', r.encoding, source.hash ?? sha256(bytes), r.lines, r.notes);
}

/** The text lines a file is read as (what `line` in facts and findings refers to). */
export async function renderText(source: Source): Promise<string | ReadFailure> {
  const r = await readSourceAsync(source);
  if ('error' in r) return r;
  return r.raw.join('\n') + '\n';
}

