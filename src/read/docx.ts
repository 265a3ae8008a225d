/**
 * Word .docx → rendered lines (see render.ts): the body's paragraphs and tables in document
 * order, merged cells expanded (w:gridSpan = colspan, w:vMerge continuation = an empty cell).
 * Headers, footers, footnotes, comments, drawings and deleted text are not read.
 *
 * The ZIP is inflated as a stream with a cap on the bytes it may produce, so a zip bomb becomes
 * a finding, not an out-of-memory crash.
 */
import { XMLParser } from 'fast-xml-parser';
import { Unzip, UnzipInflate } from 'fflate';
import { type DocBlock, type SpanCell, expandGrid, joinParts, renderBlocks, tableOrParagraphs } from './render.ts';

export interface DocxLimits {
  /** Most bytes word/document.xml may inflate to. Default 100 MB. */
  maxXmlBytes?: number;
  /** Most entries the archive may list. Default 10,000. */
  maxEntries?: number;
}

export const DEFAULT_MAX_XML_BYTES = 100 * 1024 * 1024;
export const DEFAULT_MAX_ENTRIES = 10_000;
/** Compressed bytes fed to the inflater at a time: bounds what one step can produce. */
const CHUNK = 16 * 1024;

export type DocxResult =
  | { lines: string[]; encoding: string }
  | { error: { code: 'unsupported_format' | 'file_too_large' | 'unreadable_file' | 'empty_file'; message: string } };

/** Inflate word/document.xml with limits. */
function documentXml(bytes: Uint8Array, limits: Required<DocxLimits>): Uint8Array | DocxResult {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let entries = 0;
  let found = false;
  let problem: DocxResult | undefined;
  const unzip = new Unzip((file) => {
    entries++;
    if (entries > limits.maxEntries) {
      problem ??= { error: { code: 'file_too_large', message: `ZIP archive lists over ${limits.maxEntries} entries (zip bomb?); not read` } };
      return;
    }
    if (file.name !== 'word/document.xml') return;
    found = true;
    file.ondata = (err, chunk) => {
      if (err) {
        problem ??= { error: { code: 'unreadable_file', message: `word/document.xml cannot be inflated: ${err.message}` } };
        return;
      }
      size += chunk.length;
      if (size > limits.maxXmlBytes) {
        problem ??= {
          error: { code: 'file_too_large', message: `word/document.xml inflates to over ${limits.maxXmlBytes} bytes (zip bomb?); not read` },
        };
        file.terminate();
        return;
      }
      chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < bytes.length && !problem; i += CHUNK) {
      unzip.push(bytes.subarray(i, i + CHUNK), i + CHUNK >= bytes.length);
    }
  } catch (e) {
    problem ??= { error: { code: 'unreadable_file', message: `broken ZIP archive: ${(e as Error).message}` } };
  }
  if (problem) return problem;
  if (!found) {
    return {
      error: {
        code: 'unsupported_format',
        message: 'ZIP archive without word/document.xml: not a Word .docx (an .odt, .xlsx or other package?)',
      },
    };
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// --- XML walking (fast-xml-parser, preserveOrder form) -----------------------------------------

type XNode = Record<string, unknown>;

function tagOf(n: XNode): string {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return '';
}
function kids(n: XNode): XNode[] {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
}
function attr(n: XNode, name: string): string | undefined {
  const a = n[':@'] as Record<string, string> | undefined;
  return a?.[name];
}
function child(n: XNode, tag: string): XNode | undefined {
  return kids(n).find((k) => tagOf(k) === tag);
}

/** Wrappers whose content is read as if it were in their place. */
const TRANSPARENT = new Set(['w:hyperlink', 'w:ins', 'w:smartTag', 'w:customXml', 'w:fldSimple', 'w:sdtContent', 'w:sdt', 'w:moveTo', 'w:dir', 'w:bdo']);

/** Text of a paragraph (runs in order; tabs and breaks become spaces). */
function paragraphText(p: XNode): string {
  let out = '';
  const walk = (n: XNode) => {
    const tag = tagOf(n);
    if (tag === 'w:t') {
      for (const k of kids(n)) if (typeof k['#text'] === 'string' || typeof k['#text'] === 'number') out += String(k['#text']);
    } else if (tag === 'w:tab' || tag === 'w:br' || tag === 'w:cr' || tag === 'w:ptab') {
      out += ' ';
    } else if (tag === 'w:noBreakHyphen') {
      out += '-';
    } else if (tag === 'w:r' || TRANSPARENT.has(tag)) {
      kids(n).forEach(walk);
    }
    // w:del, w:delText, w:instrText, w:drawing, w:pict, w:rPr, w:pPr …: not text.
  };
  kids(p).forEach(walk);
  return out;
}

/** Body-level content (w:p, w:tbl, w:sdt …) → blocks. */
function contentBlocks(nodes: XNode[]): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:p') blocks.push({ kind: 'para', text: paragraphText(n) });
    else if (tag === 'w:tbl') blocks.push(...tableBlocks(n));
    else if (TRANSPARENT.has(tag)) blocks.push(...contentBlocks(kids(n)));
  }
  return blocks;
}

function cellContent(tc: XNode): XNode[] {
  const out: XNode[] = [];
  for (const k of kids(tc)) {
    if (TRANSPARENT.has(tagOf(k))) out.push(...cellContent(k));
    else out.push(k);
  }
  return out;
}

function rowsOf(tbl: XNode): XNode[] {
  const out: XNode[] = [];
  for (const k of kids(tbl)) {
    const tag = tagOf(k);
    if (tag === 'w:tr') out.push(k);
    else if (TRANSPARENT.has(tag)) out.push(...rowsOf(k));
  }
  return out;
}

function cellsOf(tr: XNode): XNode[] {
  const out: XNode[] = [];
  for (const k of kids(tr)) {
    const tag = tagOf(k);
    if (tag === 'w:tc') out.push(k);
    else if (TRANSPARENT.has(tag)) out.push(...cellsOf(k));
  }
  return out;
}

function intVal(n: XNode | undefined, fallback: number): number {
  const v = n && Number.parseInt(attr(n, 'w:val') ?? '', 10);
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
}

function tableBlocks(tbl: XNode): DocBlock[] {
  const rows = rowsOf(tbl);
  // A table holding tables is a layout frame: read its cells as flow content.
  if (rows.some((tr) => cellsOf(tr).some((tc) => cellContent(tc).some((k) => tagOf(k) === 'w:tbl')))) {
    return rows.flatMap((tr) => cellsOf(tr).flatMap((tc) => contentBlocks(cellContent(tc))));
  }
  const spanRows: SpanCell[][] = rows.map((tr) => {
    const trPr = child(tr, 'w:trPr');
    const before = intVal(trPr && child(trPr, 'w:gridBefore'), 0);
    const cells: SpanCell[] = [];
    if (before > 0) cells.push({ text: '', rowspan: 1, colspan: before });
    for (const tc of cellsOf(tr)) {
      const tcPr = child(tc, 'w:tcPr');
      const colspan = Math.max(1, intVal(tcPr && child(tcPr, 'w:gridSpan'), 1));
      const vMerge = tcPr && child(tcPr, 'w:vMerge');
      // A vMerge without val (or val="continue") continues the cell above: its position is empty.
      const continued = vMerge !== undefined && (attr(vMerge, 'w:val') ?? 'continue') === 'continue';
      const text = continued
        ? ''
        : joinParts(cellContent(tc).filter((k) => tagOf(k) === 'w:p').map(paragraphText));
      cells.push({ text, rowspan: 1, colspan });
    }
    return cells;
  });
  return tableOrParagraphs(expandGrid(spanRows));
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
});

/** Word .docx bytes → rendered lines, or a read error (never throws on data). */
export function readDocx(bytes: Uint8Array, limits: DocxLimits = {}): DocxResult {
  const xml = documentXml(bytes, {
    maxXmlBytes: limits.maxXmlBytes ?? DEFAULT_MAX_XML_BYTES,
    maxEntries: limits.maxEntries ?? DEFAULT_MAX_ENTRIES,
  });
  if (!(xml instanceof Uint8Array)) return xml;
  let tree: XNode[];
  try {
    // `true`: validate, so a truncated or broken document.xml is an error, not an empty document.
    tree = parser.parse(Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString('utf8'), true) as XNode[];
  } catch (e) {
    return { error: { code: 'unreadable_file', message: `word/document.xml is not well-formed XML: ${(e as Error).message}` } };
  }
  const doc = tree.find((n) => tagOf(n) === 'w:document');
  const body = doc && child(doc, 'w:body');
  if (!body) return { error: { code: 'unsupported_format', message: 'word/document.xml has no w:body' } };
  const lines = renderBlocks(contentBlocks(kids(body)));
  if (!lines.length) return { error: { code: 'empty_file', message: 'the Word document has no text' } };
  return { lines, encoding: 'utf-8' };
}
