/**
 * The rendering shared by the HTML, DOCX and PDF readers: a document as paragraphs and table
 * grids, written out as text lines the layout stage already reads.
 *
 * - A paragraph is one line (tabs and line breaks inside it become spaces).
 * - A table row is one line: a leading tab (the layout's mark of a table line), then the cells
 *   separated by tabs, then a blank line that ends the row. The leading tab keeps an empty first
 *   cell (a rowspan continuation) in its place. Merged cells are expanded into the grid: the
 *   positions a rowspan/colspan covers become empty cells, as Word text dumps leave them.
 *
 * Line numbers of facts from html/docx/pdf files refer to these lines (`renderText` shows them).
 */

export type DocBlock = { kind: 'para'; text: string } | { kind: 'table'; rows: string[][] };

/** A table cell before grid expansion. */
export interface SpanCell {
  text: string;
  rowspan: number;
  colspan: number;
}

/** Column and row spans beyond these are treated as data errors and clipped. */
const MAX_COLSPAN = 100;
const MAX_COLUMNS = 500;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]/;

/** Join two text parts: nothing between CJK characters, else one space. */
export function joinParts(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const p = raw.trim();
    if (p === '') continue;
    if (out === '') out = p;
    else out += CJK.test(out[out.length - 1]!) && CJK.test(p[0]!) ? p : ` ${p}`;
  }
  return out;
}

/** Tabs and line breaks would split a line or a cell: make them spaces, collapse runs. */
export function cleanText(text: string): string {
  return text.replace(/[\t\r\n\f\v]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Expand rowspan/colspan into a rectangular grid. A rowspan of 0 (HTML: "to the end of the
 * section") and spans running past the last row are clipped to the table.
 */
export function expandGrid(rows: readonly (readonly SpanCell[])[]): string[][] {
  const grid: string[][] = rows.map(() => []);
  const taken: boolean[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken[r]![c]) c++;
      const colspan = Math.min(Math.max(1, cell.colspan | 0), MAX_COLSPAN);
      const rowspan = cell.rowspan <= 0 ? rows.length - r : Math.min(cell.rowspan | 0, rows.length - r);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan && c + dc < MAX_COLUMNS; dc++) {
          taken[r + dr]![c + dc] = true;
          grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cleanText(cell.text) : '';
        }
      }
      c += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((g) => g.length));
  return grid.map((g) => Array.from({ length: width }, (_, i) => g[i] ?? ''));
}

/** Blocks → lines (see the module comment for the form). */
export function renderBlocks(blocks: readonly DocBlock[]): string[] {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'para') {
      const text = cleanText(b.text);
      if (text !== '') lines.push(text);
      continue;
    }
    for (const row of b.rows) {
      const cells = row.map(cleanText);
      if (cells.every((c) => c === '')) continue;
      lines.push(`\t${cells.join('\t')}`, '');
    }
  }
  return lines;
}

/**
 * A table whose grid has a single column, or a single row of long text, is a box around text,
 * not a statistics table: give its cells back as paragraphs.
 */
export function tableOrParagraphs(rows: string[][]): DocBlock[] {
  const width = Math.max(0, ...rows.map((r) => r.filter((c) => c !== '').length));
  if (width <= 1) return rows.flat().filter((c) => c.trim() !== '').map((text) => ({ kind: 'para', text }));
  return [{ kind: 'table', rows }];
}
