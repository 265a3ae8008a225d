import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { numberCells } from '../../scripts/notebooks.ts';

describe('numberCells', () => {
  it('numbers the code cells of an executed notebook in order, results too, and leaves markdown alone', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'xxgk-nb-')), 'n.ipynb');
    const nb = {
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# 标题'] },
        { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: ['const a = 1;'] },
        { cell_type: 'code', execution_count: null, metadata: {}, outputs: [{ output_type: 'execute_result', execution_count: null, data: {}, metadata: {} }], source: ['a'] },
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    };
    writeFileSync(file, JSON.stringify(nb));
    numberCells(file);
    const text = readFileSync(file, 'utf8');
    const out = JSON.parse(text);
    expect(out.cells.map((c: { execution_count?: number }) => c.execution_count)).toEqual([undefined, 1, 2]);
    expect(out.cells[2].outputs[0].execution_count).toBe(2);
    expect(out.cells[0].source).toEqual(['# 标题']);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
