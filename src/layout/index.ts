/**
 * Layout stage: normalized lines → prose lines and table grids (rows of cells with lines).
 * Empty cells stay empty strings here (the extract stage turns them into null, never 0).
 */
import type { Block, Cell, ProseBlock, Row, TableBlock } from '../types.ts';
import { gluedRows, hasTemplateMarker, isGluedHeaderLine, isGluedRowLine, mayBeGluedCell, splitGluedCell } from './glued.ts';
import { classifyLine, lastNonSpace, type LineClass, tabAt, trimmedSlice } from './lines.ts';
import { groupPipeCells } from './pipe-cells.ts';

export interface LayoutInput {
  /** Normalized lines (same length as raw, char for char). */
  lines: string[];
  /** Raw lines, for cell provenance. */
  raw: string[];
}

/** The lines of a document with the class of each (classified once: the readers look ahead and back). */
interface Lines {
  lines: string[];
  raw: string[];
  classes: LineClass[];
}

export function layout({ lines, raw }: LayoutInput): Block[] {
  const classes = new Array<LineClass>(lines.length);
  for (let i = 0; i < lines.length; i++) classes[i] = classifyLine(lines[i]!);
  const doc: Lines = { lines, raw, classes };
  const blocks: Block[] = [];
  let i = 0;
  // Each reader returns its block only: the next line to read is the block's endLine.
  while (i < lines.length) {
    const cls = classes[i]!;
    if (cls === 'tab_cell') {
      const block = cellPerLine(doc, i);
      blocks.push(block);
      i = block.endLine;
    } else if (cls === 'tab_row') {
      const block = tabRows(doc, i);
      if (block.rows.length >= 2) blocks.push(block);
      else for (const r of block.rows) blocks.push(prose(lines, r.line - 1));
      i = block.endLine;
    } else if (cls === 'pipe_cell') {
      const block = pipeCells(doc, i);
      blocks.push(block);
      i = block.endLine;
    } else {
      const glued = cls === 'text' && isGluedRowLine(lines[i]!) ? gluedBlock(doc, i) : undefined;
      if (typeof glued === 'number') {
        // Not a table, nor is any run starting further in (its text is a suffix of this one's):
        // its lines are prose, read once rather than rescanned from each of them.
        for (; i < glued; i++) if (classes[i] === 'text') blocks.push(prose(lines, i));
        continue;
      }
      if (glued) {
        // Header lines right above the first glued row ("第二十条第(一)项", "信息内容…") belong to it.
        const heads: Row[] = [];
        let from = glued.line;
        while (heads.length < 4) {
          const prev = blocks[blocks.length - 1];
          if (!prev || prev.kind !== 'prose' || !isGluedHeaderLine(prev.text)) break;
          if (lines.slice(prev.line, from - 1).some((l) => l.trim() !== '')) break;
          blocks.pop();
          heads.unshift(...gluedRows(lines, raw, prev.line - 1));
          from = prev.line;
        }
        blocks.push({ ...glued, rows: unglueRows([...heads, ...glued.rows]), line: from });
        i = glued.endLine;
        continue;
      }
      if (cls === 'text') blocks.push(prose(lines, i));
      i++;
    }
  }
  return blocks;
}

/**
 * Every row of a table has its last cell unglued (see unglueLastCell): the readers do it as they
 * finish a row, or over their rows in place (the list is theirs), so no pass over the tables and
 * no copy of one.
 */
function unglueRows(rows: Row[]): Row[] {
  for (let r = 0; r < rows.length; r++) rows[r] = unglueLastCell(rows[r]!);
  return rows;
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
 * only when the lines carry a template marker and hold at least two rows; otherwise the end of
 * the run (its lines are prose).
 */
function gluedBlock({ lines, raw, classes }: Lines, start: number): TableBlock | number {
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
  if (rows.length < 2 || !hasTemplateMarker(text)) return last + 1;
  // LayoutKind has no 'glued' (types.ts is shared): flattened tables come from HTML pages.
  const block: TableBlock = { kind: 'table', layout: 'glued', rows, line: start + 1, endLine: last + 1 };
  return block;
}

function prose(lines: string[], i: number): ProseBlock {
  return { kind: 'prose', text: lines[i]!, line: i + 1 };
}

/** The cell at [start, end) of `line` (line number `lineNo`), trimmed; `raw` is the raw line. */
function makeCell(line: string, raw: string | undefined, lineNo: number, start: number, end: number): Cell {
  const text = trimmedSlice(line, start, end);
  // Most lines come through normalization unchanged: their raw cell is the same text.
  return { text, raw: raw === line ? text : trimmedSlice(raw ?? '', start, end), line: lineNo };
}

/**
 * Index of the next non-blank line at or after i (the document's length if none). A reader
 * skipping blank lines inside its table goes on from there: a run of blanks is passed once.
 */
function nextNonBlank(classes: readonly LineClass[], i: number): number {
  let j = i;
  while (j < classes.length && classes[j] === 'blank') j++;
  return j;
}

/** The row of `cells` (a row's line is its first cell's), its last cell unglued. */
function toRow(cells: Cell[]): Row {
  return unglueLastCell({ cells, line: cells[0]!.line });
}

/**
 * One cell per line behind a tab, rows separated by blank lines (Word dumps: seeds 000, 001, 003).
 * A text line right after a cell line (no blank between) continues that cell: wrapped labels and
 * header cells such as "本年新\n制作数量". A text line after a blank line ends the table.
 */
function cellPerLine({ lines, raw, classes }: Lines, start: number): TableBlock {
  const rows: Row[] = [];
  let cells: Cell[] = []; // the current row's cells
  let i = start;
  let prev: LineClass = 'blank';
  for (; i < lines.length; i++) {
    const cls = classes[i]!;
    if (cls === 'blank') {
      if (cells.length) rows.push(toRow(cells));
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
  if (cells.length) rows.push(toRow(cells));
  return { kind: 'table', layout: 'cell_per_line', rows, line: start + 1, endLine: i };
}

/** Push the tab-separated cells of a line, from `offset` on, onto `cells`. */
function pushTabCells(cells: Cell[], line: string, raw: string | undefined, lineNo: number, offset: number): void {
  for (;;) {
    const tab = tabAt(line, offset);
    cells.push(makeCell(line, raw, lineNo, offset, tab < 0 ? line.length : tab));
    if (tab < 0) return;
    offset = tab + 1;
  }
}

/**
 * One row per line, cells separated by tabs (PDF dumps: seed 002). Blank lines inside are skipped.
 * A row whose first cells are empty starts with a tab ("\t\t历年累计\t本年度", the second row of a
 * two-row header): a cell line by its class, but several cells on it make it a row of this table.
 */
function tabRows({ lines, raw, classes }: Lines, start: number): TableBlock {
  const rows: Row[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const cls = classes[i]!;
    if (cls === 'blank') {
      const j = nextNonBlank(classes, i);
      if (classes[j] !== 'tab_row') break;
      i = j - 1;
      continue;
    }
    if (cls !== 'tab_row' && !(cls === 'tab_cell' && tabCount(lines[i]!) >= 2)) break;
    const cells: Cell[] = [];
    pushTabCells(cells, lines[i]!, raw[i], i + 1, 0);
    rows.push(toRow(cells));
  }
  return { kind: 'table', layout: 'tab_rows', rows, line: start + 1, endLine: i };
}

/** Number of tabs in the line. */
function tabCount(line: string): number {
  let n = 0;
  for (let k = tabAt(line, 0); k >= 0; k = tabAt(line, k + 1)) n++;
  return n;
}

/** One cell per line ending in " |" (seed 004); rows are regrouped from the cells' roles. */
function pipeCells({ lines, raw, classes }: Lines, start: number): TableBlock {
  const cells: Cell[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const cls = classes[i]!;
    if (cls === 'blank') {
      const j = nextNonBlank(classes, i);
      if (classes[j] !== 'pipe_cell') break;
      i = j - 1;
      continue;
    }
    if (cls !== 'pipe_cell') break;
    const line = lines[i]!;
    // A pipe cell line ends with its "|" (then only spaces): no search for the last "|".
    cells.push(makeCell(line, raw[i], i + 1, 0, lastNonSpace(line)));
  }
  return { kind: 'table', layout: 'pipe_cells', rows: unglueRows(groupPipeCells(cells)), line: start + 1, endLine: i };
}
