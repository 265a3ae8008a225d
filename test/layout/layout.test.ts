import { describe, expect, it } from 'vitest';
import { layout } from '../../src/layout/index.ts';
import { gluedPieces, gluedRows, isGluedRowLine, isUnitValues } from '../../src/layout/glued.ts';
import { classifyLine, isTrimSpace, lastNonSpace, trimmedSlice } from '../../src/layout/lines.ts';
import { groupPipeCells } from '../../src/layout/pipe-cells.ts';
import type { TableBlock } from '../../src/types.ts';
import { seedDoc, textDoc } from '../helpers.ts';

const tables = (text: string) => {
  const doc = textDoc(text);
  return layout({ lines: doc.lines, raw: doc.raw }).filter((b): b is TableBlock => b.kind === 'table');
};
const grid = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.text));

describe('line classes', () => {
  it('tells cell lines, row lines, pipe cells, blanks and text apart', () => {
    expect(['\t条', '\t', 'a\tb', '条 |', '|', '', '   ', '正文'].map(classifyLine)).toEqual([
      'tab_cell', 'tab_cell', 'tab_row', 'pipe_cell', 'pipe_cell', 'blank', 'blank', 'text',
    ]);
  });
});

describe('one cell per line behind a tab (Word dumps)', () => {
  it('splits rows at blank lines, keeps empty cells empty and joins wrapped labels', () => {
    const [t] = tables(['标题', '\t（一）主动公开政府信息数', '（不同渠道计1条）', '\t条', '\t', '', '\t2.政府网站公开政府信息数', '\t条', '\t63', '', '正文'].join('\n'));
    expect(grid(t!)).toEqual([
      ['(一)主动公开政府信息数(不同渠道计1条)', '条', ''],
      ['2.政府网站公开政府信息数', '条', '63'],
    ]);
    expect(t!.rows.map((r) => r.cells.map((c) => c.line))).toEqual([[2, 4, 5], [7, 8, 9]]);
    expect(t!.rows[0]!.cells[0]!.raw).toBe('（一）主动公开政府信息数（不同渠道计1条）');
  });
  it('an empty cell line continued by its value points at the value\'s line', () => {
    // A line break inside the cell "\t0": the 0 is on the next line, without a tab.
    const [t] = tables(['\t5.属于三类内部事务信息', '\t', '0', '\t0', '', '\t6.属于四类过程性信息', '\t1'].join('\n'));
    expect(grid(t!)).toEqual([['5.属于三类内部事务信息', '0', '0'], ['6.属于四类过程性信息', '1']]);
    expect(t!.rows.map((r) => r.cells.map((c) => c.line))).toEqual([[1, 3, 4], [6, 7]]);
  });
  it('a row line run into a cell line keeps its cells and their line (not joined to the label)', () => {
    // The unit cell's line break was lost: "件" and the value run together behind other text.
    const [t] = tables(['\t1.属于已主动公开范围数', 'ĀĀ㐀\t7', '', '\t2.同意公开答复数', '\t件', '\t128'].join('\n'));
    expect(grid(t!)).toEqual([['1.属于已主动公开范围数', 'ĀĀ㐀', '7'], ['2.同意公开答复数', '件', '128']]);
    expect(t!.rows.map((r) => r.cells.map((c) => c.line))).toEqual([[1, 2, 2], [4, 5, 6]]);
  });
  it('a narrower row after a wider one holds only its own cells, in a list of its own', () => {
    const [t] = tables(['\t甲', '\t条', '\t1', '\t2', '', '\t乙', '\t3', '', '\t丙', '\t条', '\t4'].join('\n'));
    expect(grid(t!)).toEqual([['甲', '条', '1', '2'], ['乙', '3'], ['丙', '条', '4']]);
    expect(t!.rows.map((r) => r.line)).toEqual([1, 6, 9]);
    expect(new Set(t!.rows.map((r) => r.cells)).size).toBe(3);
  });
  it('ends the table at text after a blank line, which stays prose', () => {
    const doc = textDoc(['\t单位', '\t件', '', '（注：各子栏目数总数要等于总栏目数量）'].join('\n'));
    const blocks = layout({ lines: doc.lines, raw: doc.raw });
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'prose']);
    expect(blocks[1]).toMatchObject({ kind: 'prose', line: 4 });
  });
  it('recovers seed 003 header cells split over lines ("本年新\\n制作数量")', () => {
    const doc = seedDoc('003');
    const t = layout({ lines: doc.lines, raw: doc.raw }).find((b): b is TableBlock => b.kind === 'table')!;
    expect(grid(t).slice(0, 3)).toEqual([['第二十条第(一)项'], ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'], ['规章', '0', '0', '0']]);
  });
});

describe('tab-separated rows (PDF dumps)', () => {
  it('reads a row per line, keeps trailing empty cells, skips blank lines inside', () => {
    const [t] = tables(['统计指标\t单位\t统计数', '一、主动公开情况\t\t', '', '1. 政府公报公开政府信息数\t条\t6'].join('\n'));
    expect(grid(t!)).toEqual([['统计指标', '单位', '统计数'], ['一、主动公开情况', '', ''], ['1. 政府公报公开政府信息数', '条', '6']]);
    expect(t!.rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });
  it('a shorter row after a longer one holds only its own cells, in a list of its own', () => {
    const [t] = tables(['甲\t条\t1\t2', '乙\t3', '丙\t条\t4'].join('\n'));
    expect(grid(t!)).toEqual([['甲', '条', '1', '2'], ['乙', '3'], ['丙', '条', '4']]);
    expect(new Set(t!.rows.map((r) => r.cells)).size).toBe(3);
  });
  it('treats a single tabbed line as prose, not a table', () => {
    const doc = textDoc('附件\t说明');
    expect(layout({ lines: doc.lines, raw: doc.raw }).map((b) => b.kind)).toEqual(['prose']);
  });
});

describe('" |"-terminated cells (seed 004)', () => {
  it('regroups cells into rows from the header width and label cells', () => {
    const [t] = tables(['统计指标 |', '单位 |', '统计数 |', '一、主动公开情况 |', '|', '300 |', '(一)主动公开政府信息数 |', '条 |', '0 |', '制发规范性文件总数 |', '件 |', '|'].join('\n'));
    expect(grid(t!)).toEqual([
      ['统计指标', '单位', '统计数'],
      ['一、主动公开情况', '', '300'],
      ['(一)主动公开政府信息数', '条', '0'],
      ['制发规范性文件总数', '件', ''],
    ]);
  });
  it('starts a new row at a label even when a row lost a cell', () => {
    const cell = (text: string, line: number) => ({ text, raw: text, line });
    const rows = groupPipeCells([cell('统计指标', 1), cell('单位', 2), cell('统计数', 3), cell('收到申请数', 4), cell('5', 5), cell('当面申请数', 6), cell('件', 7), cell('2', 8)]);
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([['统计指标', '单位', '统计数'], ['收到申请数', '5'], ['当面申请数', '件', '2']]);
  });
});

describe('flattened rows with units (issue 6)', () => {
  it('values that carry their units are one value run: "129宗16671万元"', () => {
    expect(gluedRows(['政府集中采购129宗16671万元'], ['政府集中采购129宗16671万元'], 0).map((r) => r.cells.map((c) => c.text))).toEqual([['政府集中采购', '129宗16671万元']]);
    expect(isUnitValues('129宗16671万元')).toBe(true);
    // One value with a unit is a phrase, not a row.
    expect(isUnitValues('12件')).toBe(false);
    expect(isGluedRowLine('全年受理12件')).toBe(false);
  });
  it('a blank row is a label with its unit: it belongs to the table, the unit split off', () => {
    expect(isGluedRowLine('（一）召开政府信息公开工作会议或专题会议数次')).toBe(true);
    expect(isGluedRowLine('二、回应解读情况(不同方式回应同一热点或舆情计1次)')).toBe(false);
    const line = '(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)条';
    expect(gluedRows([line], [line], 0)[0]!.cells.map((c) => c.text)).toEqual(['(一)主动公开政府信息数(不同渠道和方式公开相同信息计1条)', '条']);
  });
});

describe('flattened rows without a template marker', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, k) => `办结数${k + 1}`);
  it('stay prose, every line once and in order, blank lines skipped', () => {
    const text = [...rows(3), '', ...rows(2), '说明。'].join('\n');
    expect(layout(textDoc(text)).map((b) => [b.kind, b.line])).toEqual([
      ['prose', 1], ['prose', 2], ['prose', 3], ['prose', 5], ['prose', 6], ['prose', 7],
    ]);
  });
  it('a marker anywhere in the run makes the whole run one table', () => {
    const text = [...rows(3), '本年新收政府信息公开申请数量12'].join('\n');
    const blocks = layout(textDoc(text));
    expect(blocks.map((b) => [b.kind, b.line])).toEqual([['table', 1]]);
    expect((blocks[0] as TableBlock).endLine).toBe(4);
  });
});

describe('line class fast paths (same answers as the regular expressions they replace)', () => {
  it('reads a tab behind invisible characters as a cell line, any other inner tab as a row', () => {
    expect(['\u00a0\u200b\t条', '\u3000\t条', 'x\t条', '条\t'].map(classifyLine)).toEqual(['tab_cell', 'tab_cell', 'tab_row', 'tab_row']);
  });
  it('treats every trimmed character as blank, and nothing else', () => {
    expect(['\u00a0\u3000\ufeff \u2028', '\u200b'].map(classifyLine)).toEqual(['blank', 'text']);
  });
  it('takes a line ending in "|" and spaces as a pipe cell unless three more bars stand before it', () => {
    expect(['a | b |\u3000 ', 'a|b|c|', 'a|b|c|d|', 'a | b', '|a|b|c'].map(classifyLine)).toEqual([
      'pipe_cell', 'pipe_cell', 'text', 'text', 'text',
    ]);
  });
});

describe('glued-row pre-checks', () => {
  it('reads a digitless label ending in its unit as a blank row, and other digitless lines as not rows', () => {
    expect(isGluedRowLine('召开政府信息公开会议数次')).toBe(true);
    expect(isGluedRowLine('召开政府信息公开会议数  次  ')).toBe(true);
    expect(isGluedRowLine('召开政府信息公开会议数')).toBe(false);
    expect(isGluedRowLine('会议数次。')).toBe(false);
  });
});

describe('character tests and scans (same answers as trim() and the searches they replace)', () => {
  it('isTrimSpace is exactly what trim() removes, for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isTrimSpace(c) !== (String.fromCharCode(c).trim() === '')) differ.push(c);
    expect(differ).toEqual([]);
    expect([NaN, 0x1f600].map(isTrimSpace)).toEqual([false, false]);
  });
  it('trims by bounds, past a too short text too', () => {
    expect(trimmedSlice('\t 本年 \u3000x', 1, 6)).toBe('本年');
    expect(trimmedSlice('ab  ', 0, 9)).toBe('ab');
    expect(trimmedSlice('ab', 5, 9)).toBe('');
    expect([lastNonSpace('a |\u3000 '), lastNonSpace(' \t')]).toEqual([2, -1]);
  });
  it('a tab after the last "|" keeps a pipe cell; an inner tab after text is a row', () => {
    expect(['x |\t', '\u200e\t5', '\u200b', 'a\u200b\tb'].map(classifyLine)).toEqual(['pipe_cell', 'tab_cell', 'text', 'tab_row']);
  });
  it('cuts a pipe cell at its last "|" with spaces after it', () => {
    const [t] = tables(['统计指标 |', '单位 |\u3000', '统计数 | ', '收到申请数 |', '件 |', '5 |  '].join('\n'));
    expect(grid(t!)).toEqual([['统计指标', '单位', '统计数'], ['收到申请数', '件', '5']]);
  });
  it('unglues the last cell of every row of every table kind', () => {
    const [cpl] = tables(['\t一、本年新收政府信息公开申请数量640020470', '', '\t二、其他', '\t3'].join('\n'));
    expect(grid(cpl!)).toEqual([['一、本年新收政府信息公开申请数量', '640020470'], ['二、其他', '3']]);
    const [pipe] = tables(['统计指标 |', '单位 |', '统计数 |', '收到申请数 |', '件 |', '主动公开政府信息数12 |'].join('\n'));
    expect(grid(pipe!)).toEqual([['统计指标', '单位', '统计数'], ['收到申请数', '件'], ['主动公开政府信息数', '12']]);
  });
});

describe('glued pieces without copies of the line', () => {
  it('a line ending in its sentence is never a row; one with a sentence end inside neither', () => {
    expect(isGluedRowLine('主动公开政府信息数12条。')).toBe(false);
    expect(isGluedRowLine('主动公开政府信息数12。其后')).toBe(false);
    expect(isGluedRowLine('主动公开政府信息数12\t')).toBe(false);
  });
  it('skips runs followed by a unit or date (past spaces), cuts a stuck list number', () => {
    expect(gluedPieces('2020年政府信息公开工作年度报告')).toEqual([]);
    expect(gluedPieces('报告 2018 年 3 月')).toEqual([]);
    expect(gluedPieces('一、收到申请数1232.办结数5')).toEqual([
      { labelStart: 0, runStart: 7, runEnd: 10 },
      { labelStart: 10, runStart: 15, runEnd: 16 },
    ]);
    expect(gluedPieces('政府集中采购129宗16671万元  ')).toEqual([{ labelStart: 0, runStart: 6, runEnd: 17 }]);
  });
});

describe('2008 tables: two-row headers and one-line tables', () => {
  it('keeps a tab-rows row whose first cells are empty (a second header row) in its table', () => {
    const [t] = tables(['统计指标\t单位\t统计数\t', '\t\t历年累计\t本年度', '（一）收到申请数\t件\t12\t3'].join('\n'));
    expect(grid(t!)).toEqual([['统计指标', '单位', '统计数', ''], ['', '', '历年累计', '本年度'], ['(一)收到申请数', '件', '12', '3']]);
  });
  it('cuts the next list number off a value also when a space follows its mark, glued or spaced out', () => {
    const rows = (line: string) => gluedRows([line], [line], 0).map((r) => r.cells.map((c) => c.text));
    expect(rows('1.政府公报公开政府信息数条62. 政府网站公开政府信息数条1463. 政务微博公开政府信息数条105')).toEqual([
      ['1.政府公报公开政府信息数', '条', '6'],
      ['2. 政府网站公开政府信息数', '条', '146'],
      ['3. 政务微博公开政府信息数', '条', '105'],
    ]);
    expect(rows('1. 政府公报公开政府信息数 条 6 2. 政府网站公开政府信息数 条 146')).toEqual([
      ['1. 政府公报公开政府信息数', '条', '6'],
      ['2. 政府网站公开政府信息数', '条', '146'],
    ]);
  });
});
