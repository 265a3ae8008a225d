/**
 * Layout stage: normalized lines → prose lines and table grids (rows of cells with lines).
 * Empty cells stay empty strings here (the extract stage turns them into null, never 0).
 */
import type { Block, Cell, ProseBlock, Row, TableBlock } from '../types.ts';
import { gluedRows, hasTemplateMarker, isGluedHeaderLine, isGluedRowLine, mayBeGluedCell, splitGluedCell } from './glued.ts';
import { classifyLine, isTrimSpace, type LineClass, tabAt } from './lines.ts';
import { groupPipeCells } from './pipe-cells.ts';

export interface LayoutInput {
  /** Normalized lines (same length as raw, char for char). */
  lines: string[];
  /** Raw lines, for cell provenance. */
  raw: string[];
}

export function layout({ lines, raw }: LayoutInput): Block[] {
  const classes = lines.map(classifyLine);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const cls = classes[i]!;
    if (cls === 'tab_cell') {
      const { block, next } = cellPerLine(lines, raw, classes, i);
      blocks.push(block);
      i = next;
    } else if (cls === 'tab_row') {
      const { block, next } = tabRows(lines, raw, classes, i);
      if (block.rows.length >= 2) blocks.push(block);
      else blocks.push(...block.rows.map((r) => prose(lines, r.line - 1)));
      i = next;
    } else if (cls === 'pipe_cell') {
      const { block, next } = pipeCells(lines, raw, classes, i);
      blocks.push(block);
      i = next;
    } else {
      const glued = cls === 'text' && isGluedRowLine(lines[i]!) ? gluedBlock(lines, raw, classes, i) : undefined;
      if (glued) {
        // Header lines right above the first glued row ("第二十条第(一)项", "信息内容…") belong to it.
        const heads: Row[] = [];
        let from = glued.block.line;
        while (heads.length < 4) {
          const prev = blocks[blocks.length - 1];
          if (!prev || prev.kind !== 'prose' || !isGluedHeaderLine(prev.text)) break;
          if (lines.slice(prev.line, from - 1).some((l) => l.trim() !== '')) break;
          blocks.pop();
          heads.unshift(...gluedRows(lines, raw, prev.line - 1));
          from = prev.line;
        }
        blocks.push({ ...glued.block, rows: [...heads, ...glued.block.rows], line: from });
        i = glued.next;
        continue;
      }
      if (cls === 'text') blocks.push(prose(lines, i));
      i++;
    }
  }
  // In place: the list is ours, and a copy would be one more array per document.
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.kind === 'table') blocks[k] = unglueTable(b);
  }
  return blocks;
}

/** The table with every row's last cell unglued; a copy only when a row changed. */
function unglueTable(b: TableBlock): TableBlock {
  let rows: Row[] | undefined;
  for (let r = 0; r < b.rows.length; r++) {
    const row = b.rows[r]!;
    const split = unglueLastCell(row);
    if (split !== row) (rows ??= b.rows.slice(0, r)).push(split);
    else rows?.push(row);
  }
  return rows ? { ...b, rows } : b;
}

/** A label cell with its value glued on, at the end of a row, becomes label + value cells. */
function unglueLastCell(row: Row): Row {
  let k = row.cells.length - 1;
  while (k >= 0 && row.cells[k]!.text === '') k--;
  // Most last cells are figures: tested before splitGluedCell, which would allocate a list.
  if (k < 0 || !mayBeGluedCell(row.cells[k]!.text)) return row;
  const split = splitGluedCell(row.cells[k]!);
  return split.length === 1 ? row : { ...row, cells: [...row.cells.slice(0, k), ...split, ...row.cells.slice(k + 1)] };
}

/**
 * Flattened table text (see glued.ts): consecutive lines that are glued rows, with header
 * lines and blank lines between them. Header lines after the last glued row stay prose. Kept
 * only when the lines carry a template marker and hold at least two rows; otherwise undefined
 * (the lines are prose).
 */
function gluedBlock(lines: string[], raw: string[], classes: LineClass[], start: number) {
  let last = start;
  for (let j = start + 1; j < lines.length; j++) {
    const cls = classes[j]!;
    if (cls === 'blank') continue;
    if (cls !== 'text') break;
    if (isGluedRowLine(lines[j]!)) last = j;
    else if (!isGluedHeaderLine(lines[j]!)) break;
  }
  const rows: Row[] = [];
  let text = '';
  for (let j = start; j <= last; j++) {
    if (classes[j] === 'blank') continue;
    rows.push(...gluedRows(lines, raw, j));
    text += lines[j];
  }
  if (rows.length < 2 || !hasTemplateMarker(text)) return undefined;
  // LayoutKind has no 'glued' (types.ts is shared): flattened tables come from HTML pages.
  const block: TableBlock = { kind: 'table', layout: 'glued', rows, line: start + 1, endLine: last + 1 };
  return { block, next: last + 1 };
}

function prose(lines: string[], i: number): ProseBlock {
  return { kind: 'prose', text: lines[i]!, line: i + 1 };
}

/** The cell at [start, end) of `line` (line number `lineNo`), trimmed; `raw` is the raw line. */
function makeCell(line: string, raw: string | undefined, lineNo: number, start: number, end: number): Cell {
  // Trim by bounds, then one slice: no intermediate untrimmed copy.
  let s = start;
  let e = end;
  while (s < e && isTrimSpace(line.charCodeAt(s))) s++;
  while (e > s && isTrimSpace(line.charCodeAt(e - 1))) e--;
  const text = line.slice(s, e);
  // Most lines come through normalization unchanged: their raw cell is the same text.
  return { text, raw: raw === line ? text : (raw ?? '').slice(start, end).trim(), line: lineNo };
}

/** Next non-blank line index at or after i, or -1. */
function nextNonBlank(classes: LineClass[], i: number): number {
  for (let j = i; j < classes.length; j++) if (classes[j] !== 'blank') return j;
  return -1;
}

/**
 * One cell per line behind a tab, rows separated by blank lines (Word dumps: seeds 000, 001, 003).
 * A text line right after a cell line (no blank between) continues that cell: wrapped labels and
 * header cells such as "本年新\n制作数量". A text line after a blank line ends the table.
 */
function cellPerLine(lines: string[], raw: string[], classes: LineClass[], start: number) {
  const rows: Row[] = [];
  let cells: Cell[] = [];
  let i = start;
  let prev: LineClass = 'blank';
  for (; i < lines.length; i++) {
    const cls = classes[i]!;
    if (cls === 'blank') {
      if (cells.length) rows.push({ cells, line: cells[0]!.line });
      cells = [];
    } else if (cls === 'tab_cell') {
      // A line may hold several tab-separated cells; the leading tab only marks "cell line".
      // Most cell lines start with their tab: no search for it.
      const line = lines[i]!;
      pushTabCells(cells, line, raw[i], i + 1, line.charCodeAt(0) === 9 ? 1 : tabAt(line, 0) + 1);
    } else if (cls === 'tab_row' && prev !== 'blank' && cells.length) {
      // Cells after text on one line ("…\t7"): a row line run into the cell line above, not a
      // wrapped label; its cells keep their own line (a joined cell would give the 7 line above).
      pushTabCells(cells, lines[i]!, raw[i], i + 1, 0);
    } else if (prev !== 'blank' && cells.length) {
      const last = cells[cells.length - 1]!;
      const cont = makeCell(lines[i]!, raw[i], i + 1, 0, lines[i]!.length);
      // An empty cell line continued by text: the value is on the continuation line (provenance).
      const line = last.text === '' ? cont.line : last.line;
      cells[cells.length - 1] = { text: last.text + cont.text, raw: last.raw + cont.raw, line };
    } else {
      break;
    }
    prev = cls;
  }
  if (cells.length) rows.push({ cells, line: cells[0]!.line });
  const block: TableBlock = { kind: 'table', layout: 'cell_per_line', rows, line: start + 1, endLine: i };
  return { block, next: i };
}

/** Push the tab-separated cells of a line from `offset` on. */
function pushTabCells(cells: Cell[], line: string, raw: string | undefined, lineNo: number, offset: number): void {
  for (;;) {
    const tab = tabAt(line, offset);
    cells.push(makeCell(line, raw, lineNo, offset, tab < 0 ? line.length : tab));
    if (tab < 0) return;
    offset = tab + 1;
  }
}

/** One row per line, cells separated by tabs (PDF dumps: seed 002). Blank lines inside are skipped. */
function tabRows(lines: string[], raw: string[], classes: LineClass[], start: number) {
  const rows: Row[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const cls = classes[i]!;
    if (cls === 'blank') {
      const j = nextNonBlank(classes, i);
      if (j < 0 || classes[j] !== 'tab_row') break;
      continue;
    }
    if (cls !== 'tab_row') break;
    const cells: Cell[] = [];
    pushTabCells(cells, lines[i]!, raw[i], i + 1, 0);
    rows.push({ cells, line: i + 1 });
  }
  const block: TableBlock = { kind: 'table', layout: 'tab_rows', rows, line: start + 1, endLine: i };
  return { block, next: i };
}

/** One cell per line ending in " |" (seed 004); rows are regrouped from the cells' roles. */
function pipeCells(lines: string[], raw: string[], classes: LineClass[], start: number) {
  const cells: Cell[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const cls = classes[i]!;
    if (cls === 'blank') {
      const j = nextNonBlank(classes, i);
      if (j < 0 || classes[j] !== 'pipe_cell') break;
      continue;
    }
    if (cls !== 'pipe_cell') break;
    const line = lines[i]!;
    cells.push(makeCell(line, raw[i], i + 1, 0, line.lastIndexOf('|')));
  }
  const block: TableBlock = { kind: 'table', layout: 'pipe_cells', rows: groupPipeCells(cells), line: start + 1, endLine: i };
  return { block, next: i };
}
