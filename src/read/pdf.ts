/**
 * PDF → rendered lines (see render.ts), from the text layer (pdfjs-dist, no worker thread).
 *
 * - Ruled tables: the thin filled rectangles and straight path segments a PDF draws as cell
 *   borders are collected; connected rules form a table, their distinct y's and x's its row and
 *   column lines. A border missing inside a row (or between two rows) means a merged cell: the
 *   text of a merged region goes to its top-left grid position and the rest stay empty, as in an
 *   HTML colspan/rowspan expansion.
 * - Other text: items grouped into lines by baseline, lines joined into paragraphs when a line
 *   runs to the right edge and the next starts at the paragraph's left edge.
 * - Rows of text with wide gaps but no rules (borderless tables) are split at the gaps into cells
 *   and get a `pdf_layout` finding: wrapped labels and merged headers cannot be told apart there.
 *
 * Scanned PDFs (no text layer) fail with unsupported_format: there is no OCR.
 */
import type { FindingCode, Severity } from '../types.ts';
import { type DocBlock, joinParts, renderBlocks } from './render.ts';

export interface ReaderNote {
  severity: Severity;
  code: FindingCode;
  message: string;
  metric: string | null;
  line: number | null;
}

export type PdfResult =
  | { lines: string[]; encoding: string; notes: ReaderNote[] }
  | { error: { code: FindingCode; message: string } };

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}
interface HRule { y: number; x1: number; x2: number }
interface VRule { x: number; y1: number; y2: number }

/** A border is at most this thick (points); anything thicker is a shape, not a rule. */
const RULE_MAX = 2.5;
/** Positions closer than this (points) are the same line of the grid. */
const TOL = 2;
/** Pages read at most (a report has a few dozen). */
const MAX_PAGES = 500;
/** Rules per page beyond which grids are not rebuilt (pairing them is quadratic). */
const MAX_RULES = 20_000;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}
function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * CJK Radicals Supplement code points that fonts (Noto CJK among them) map ordinary ideographs
 * to in a PDF's ToUnicode table. NFKC does not fold these, so they are listed.
 */
const RADICALS: Readonly<Record<string, string>> = {
  '⺟': '母', '⺠': '民', '⺫': '目', '⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝',
  '⻋': '车', '⻐': '钅', '⻑': '長', '⻓': '长', '⻔': '门', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页',
  '⻛': '风', '⻜': '飞', '⻝': '食', '⻠': '饣', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤',
  '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⺰': '纟',
};

/** Radical code points → the ideographs they stand for (Kangxi radicals ⽂ → 文 by NFKC). */
function foldRadicals(s: string): string {
  return s.replace(/[\u2e80-\u2fdf]/g, (c) => RADICALS[c] ?? c.normalize('NFKC'));
}

// --- rules from the operator list --------------------------------------------------------------

interface PdfOps {
  constructPath: number;
  save: number;
  restore: number;
  transform: number;
  rectangle: number;
  moveTo: number;
  lineTo: number;
  curveTo: number;
  curveTo2: number;
  curveTo3: number;
  closePath: number;
}

function rulesOf(fnArray: number[], argsArray: unknown[], OPS: PdfOps): { h: HRule[]; v: VRule[] } {
  const h: HRule[] = [];
  const v: VRule[] = [];
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  const addBox = (x1: number, y1: number, x2: number, y2: number) => {
    const [ax, ay] = apply(ctm, x1, y1);
    const [bx, by] = apply(ctm, x2, y2);
    const w = Math.abs(bx - ax);
    const ht = Math.abs(by - ay);
    if (ht <= RULE_MAX && w > RULE_MAX) h.push({ y: (ay + by) / 2, x1: Math.min(ax, bx), x2: Math.max(ax, bx) });
    else if (w <= RULE_MAX && ht > RULE_MAX) v.push({ x: (ax + bx) / 2, y1: Math.min(ay, by), y2: Math.max(ay, by) });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = mul(ctm, args as unknown as Matrix);
    else if (fn === OPS.constructPath) {
      const ops = args[0] as number[];
      const c = args[1] as number[];
      let k = 0;
      let px = 0;
      let py = 0;
      for (const op of ops) {
        if (op === OPS.rectangle) {
          addBox(c[k]!, c[k + 1]!, c[k]! + c[k + 2]!, c[k + 1]! + c[k + 3]!);
          k += 4;
        } else if (op === OPS.moveTo) {
          px = c[k]!;
          py = c[k + 1]!;
          k += 2;
        } else if (op === OPS.lineTo) {
          const x = c[k]!;
          const y = c[k + 1]!;
          if (Math.abs(x - px) < 0.01 || Math.abs(y - py) < 0.01) addBox(px, py, x, y);
          px = x;
          py = y;
          k += 2;
        } else if (op === OPS.curveTo) k += 6;
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) k += 4;
      }
    }
  }
  return { h, v };
}

// --- tables from rules -------------------------------------------------------------------------

interface Grid {
  top: number;
  bottom: number;
  left: number;
  right: number;
  rows: string[][];
  items: Set<Item>;
}

/** Distinct values, merged within TOL. */
function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - out[out.length - 1]! > TOL) out.push(v);
  return out;
}

/** Rules that touch each other form one table. */
function components(h: HRule[], v: VRule[]): Array<{ h: HRule[]; v: VRule[] }> {
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      const a = h[i]!;
      const b = v[j]!;
      if (b.x >= a.x1 - TOL && b.x <= a.x2 + TOL && a.y >= b.y1 - TOL && a.y <= b.y2 + TOL) parent[find(i)] = find(h.length + j);
    }
  }
  // Pieces of one border line (a cell's edge drawn per cell) touch end to end.
  const chain = (segs: Array<{ at: number; from: number; to: number; i: number }>) => {
    segs.sort((a, b) => a.at - b.at);
    let cluster = 0;
    const keyed = segs.map((s, k) => {
      if (k > 0 && s.at - segs[k - 1]!.at > TOL) cluster++;
      return { ...s, cluster };
    });
    keyed.sort((a, b) => a.cluster - b.cluster || a.from - b.from);
    let reach = -Infinity;
    for (let k = 0; k < keyed.length; k++) {
      const s = keyed[k]!;
      const prev = keyed[k - 1];
      if (prev && prev.cluster === s.cluster && s.from <= reach + TOL) parent[find(s.i)] = find(prev.i);
      reach = prev && prev.cluster === s.cluster ? Math.max(reach, s.to) : s.to;
    }
  };
  chain(h.map((r, i) => ({ at: r.y, from: r.x1, to: r.x2, i })));
  chain(v.map((r, j) => ({ at: r.x, from: r.y1, to: r.y2, i: h.length + j })));
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  const group = (i: number) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((r, i) => group(i).h.push(r));
  v.forEach((r, j) => group(h.length + j).v.push(r));
  return [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
}

function textOfItems(items: Item[]): string {
  return joinParts(visualLines(items).map((l) => l.text));
}

function gridOf(comp: { h: HRule[]; v: VRule[] }, items: Item[]): Grid | undefined {
  // A row cut by a page break has its side borders but no top (or bottom) border on this page:
  // the ends of the vertical rules close the grid.
  const vEnds = [Math.max(...comp.v.map((r) => r.y2)), Math.min(...comp.v.map((r) => r.y1))];
  const ys = distinct([...comp.h.map((r) => r.y), ...vEnds]).reverse(); // top to bottom (PDF y grows upwards)
  const xs = distinct(comp.v.map((r) => r.x));
  // One column is a frame around text (a page border, a text box), not a table.
  if (ys.length < 2 || xs.length < 3) return undefined;
  const R = ys.length - 1;
  const C = xs.length - 1;
  const hasV = (x: number, yTop: number, yBottom: number) =>
    comp.v.some((r) => Math.abs(r.x - x) <= TOL && r.y1 <= yBottom + TOL && r.y2 >= yTop - TOL);
  const hasH = (y: number, xLeft: number, xRight: number) =>
    comp.h.some((r) => Math.abs(r.y - y) <= TOL && r.x1 <= xLeft + TOL && r.x2 >= xRight - TOL);
  // Union-find over grid positions: no border between two positions = one merged cell.
  const id = (r: number, c: number) => r * C + c;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); // the top-left position is the root
  };
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const midY = (ys[r]! + ys[r + 1]!) / 2;
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < C && !hasV(xs[c + 1]!, midY + 1, midY - 1)) union(id(r, c), id(r, c + 1));
      if (r + 1 < R && !hasH(ys[r + 1]!, midX - 1, midX + 1)) union(id(r, c), id(r + 1, c));
    }
  }
  const top = ys[0]!;
  const bottom = ys[R]!;
  const left = xs[0]!;
  const right = xs[C]!;
  const inside = items.filter((it) => {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.size * 0.3;
    return cx > left && cx < right && cy < top && cy > bottom;
  });
  const byCell = new Map<number, Item[]>();
  for (const it of inside) {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.size * 0.3;
    const c = Math.max(0, xs.findIndex((x, k) => k < C && cx >= x && cx < xs[k + 1]!));
    const r = Math.max(0, ys.findIndex((y, k) => k < R && cy <= y && cy > ys[k + 1]!));
    const root = find(id(r, c));
    (byCell.get(root) ?? byCell.set(root, []).get(root)!).push(it);
  }
  const rows = Array.from({ length: R }, (_, r) =>
    Array.from({ length: C }, (_, c) => (find(id(r, c)) === id(r, c) ? textOfItems(byCell.get(id(r, c)) ?? []) : '')),
  );
  return { top, bottom, left, right, rows, items: new Set(inside) };
}

// --- lines and paragraphs ----------------------------------------------------------------------

interface VLine {
  y: number;
  x1: number;
  x2: number;
  size: number;
  items: Item[];
  text: string;
}

/** Items → visual lines (same baseline within a third of the font size), left to right. */
function visualLines(items: Item[]): VLine[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last[0]!.y - it.y) <= Math.max(1, it.size / 3)) last.push(it);
    else lines.push([it]);
  }
  return lines.map((l) => {
    l.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const it of l) {
      if (text !== '' && it.x - end > it.size * 0.25) text += ' ';
      text += it.str;
      end = Math.max(end, it.x + it.w);
    }
    const size = Math.max(...l.map((i) => i.size));
    return { y: l[0]!.y, x1: l[0]!.x, x2: end, size, items: l, text: text.trim() };
  });
}

/** A line split at gaps wider than two characters: cells of a table without rules. */
function gapCells(line: VLine): string[] {
  const cells: Item[][] = [];
  let end = -Infinity;
  for (const it of line.items) {
    if (!cells.length || it.x - end > line.size * 2) cells.push([]);
    cells[cells.length - 1]!.push(it);
    end = Math.max(end, it.x + it.w);
  }
  return cells.map((c) => textOfItems(c));
}

/** Page furniture: page numbers such as "- 3 -", "3", "第 3 页 共 5 页", "3/5". */
const PAGE_NUMBER = /^(?:[-—–\s]*\d+[-—–\s]*|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

interface Placed {
  y: number;
  block: DocBlock;
  unruled?: boolean;
}

function pageBlocks(items: Item[], grids: Grid[]): Placed[] {
  const placed: Placed[] = grids.map((g) => ({ y: g.top, block: { kind: 'table', rows: g.rows } }));
  const free = items.filter((it) => !grids.some((g) => g.items.has(it)));
  const lines = visualLines(free).filter((l) => l.text !== '' && !PAGE_NUMBER.test(l.text));
  if (!lines.length) return placed;
  const left = Math.min(...lines.map((l) => l.x1));
  const right = Math.max(...lines.map((l) => l.x2));
  let para: VLine[] = [];
  const flush = () => {
    if (para.length) placed.push({ y: para[0]!.y, block: { kind: 'para', text: joinParts(para.map((l) => l.text)) } });
    para = [];
  };
  let unruled: { y: number; rows: string[][] } | undefined;
  const flushUnruled = () => {
    if (unruled) placed.push({ y: unruled.y, block: { kind: 'table', rows: unruled.rows }, unruled: true });
    unruled = undefined;
  };
  const split = lines.map(gapCells);
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    const cells = split[k]!;
    // A one-cell line between split rows is a section row of the same table (一、主动公开情况).
    const sectionRow = cells.length === 1 && unruled !== undefined && (split[k + 1]?.length ?? 0) >= 2;
    if (cells.length >= 2 || sectionRow) {
      flush();
      unruled ??= { y: l.y, rows: [] };
      unruled.rows.push(cells);
      continue;
    }
    flushUnruled();
    const prev = para[para.length - 1];
    const continues =
      prev !== undefined &&
      prev.x2 >= right - prev.size * 2 &&
      prev.y - l.y <= prev.size * 2 &&
      l.x1 <= para[0]!.x1 + l.size * 0.5 &&
      Math.abs(l.x1 - left) <= l.size * 0.5;
    if (!continues) flush();
    para.push(l);
  }
  flush();
  flushUnruled();
  return placed;
}

// --- the reader --------------------------------------------------------------------------------

/** PDF bytes → rendered lines, with notes on what could not be rebuilt. Never throws on data. */
export async function readPdf(bytes: Uint8Array): Promise<PdfResult> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']> | undefined;
  try {
    // pdfjs takes ownership of (and may detach) the buffer it is given: pass a copy.
    doc = await pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    const code: FindingCode = /password/i.test(msg) ? 'unsupported_format' : 'unreadable_file';
    return { error: { code, message: `PDF cannot be opened: ${msg}` } };
  }
  try {
    const blocks: DocBlock[] = [];
    const unruledPages: number[] = [];
    const busyPages: number[] = [];
    let chars = 0;
    const pages = Math.min(doc.numPages, MAX_PAGES);
    for (let p = 1; p <= pages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || raw.str.trim() === '') continue;
        const t = raw.transform as number[];
        const size = Math.hypot(t[2]!, t[3]!) || Math.abs(t[3]!) || 10;
        items.push({ str: foldRadicals(raw.str), x: t[4]!, y: t[5]!, w: raw.width, size });
        chars += raw.str.length;
      }
      const ops = await page.getOperatorList();
      const { h, v } = rulesOf(ops.fnArray, ops.argsArray, pdfjs.OPS as unknown as PdfOps);
      const tooMany = h.length + v.length > MAX_RULES;
      if (tooMany) busyPages.push(p);
      const grids = (tooMany ? [] : components(h, v))
        .map((c) => gridOf(c, items))
        .filter((g): g is Grid => g !== undefined && g.rows.length > 0);
      const placed = pageBlocks(items, grids).sort((a, b) => b.y - a.y);
      if (placed.some((x) => x.unruled)) unruledPages.push(p);
      blocks.push(...placed.map((x) => x.block));
      page.cleanup();
    }
    if (chars === 0) {
      return { error: { code: 'unsupported_format', message: 'PDF has no text layer (a scanned image?): OCR is not supported' } };
    }
    const notes: ReaderNote[] = [];
    if (unruledPages.length) {
      notes.push({
        severity: 'warning',
        code: 'pdf_layout',
        message:
          `page(s) ${unruledPages.join(', ')}: rows without cell borders were split into cells at wide gaps; ` +
          'wrapped labels and merged headers may be misaligned there, so their figures are less certain',
        metric: null,
        line: null,
      });
    }
    if (busyPages.length) {
      notes.push({
        severity: 'warning',
        code: 'pdf_layout',
        message: `page(s) ${busyPages.join(', ')}: over ${MAX_RULES} drawn lines; tables there were not rebuilt from borders`,
        metric: null,
        line: null,
      });
    }
    if (doc.numPages > MAX_PAGES) {
      notes.push({ severity: 'warning', code: 'truncated', message: `PDF has ${doc.numPages} pages; only the first ${MAX_PAGES} were read`, metric: null, line: null });
    }
    return { lines: renderBlocks(blocks), encoding: 'unicode', notes };
  } catch (e) {
    return { error: { code: 'unreadable_file', message: `PDF text cannot be read: ${(e as Error).message ?? String(e)}` } };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
