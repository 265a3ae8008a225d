import { describe, expect, it } from 'vitest';
import { layout } from '../../src/layout/index.ts';
import { processDoc } from '../../src/extract/document.ts';
import { detectTemplate, isFlattenedTable } from '../../src/template/detect.ts';
import { seedDoc, textDoc } from '../helpers.ts';

const detect = (doc: ReturnType<typeof textDoc>) => detectTemplate(layout({ lines: doc.lines, raw: doc.raw }));

describe('template detection from the tables’ own labels', () => {
  it.each([
    ['000', '2008'],
    ['001', '2008'],
    ['002', '2008'],
    ['003', '2019'],
    ['004', '2008'],
  ])('seed %s is %s', (seed, template) => {
    expect(detect(seedDoc(seed)).template).toBe(template);
  });
  it('finds all three 2019 tables of seed 003 (第二十条, request matrix, appeals)', () => {
    expect(detect(seedDoc('003')).tables.map((t) => t.line)).toEqual([41, 122, 390]);
  });
  it('does not take the year as evidence: a 2019-titled report with a 2008 table is 2008', () => {
    const doc = textDoc(['2019年政府信息公开工作年度报告', '统计指标\t单位\t统计数', '（一）主动公开政府信息数\t条\t5', '（一）收到申请数\t件\t1'].join('\n'));
    expect(detect(doc).template).toBe('2008');
  });
  it('a report without a statistics table is narrative, and a table of contents is not a statistics table', () => {
    const doc = textDoc(['目录\t一、概述\t二、主动公开', '说明\t三、依申请公开\t四、复议', '全年主动公开政府信息120条。'].join('\n'));
    expect(detect(doc)).toMatchObject({ template: 'narrative', tables: [] });
  });
});

describe('marker search per cell', () => {
  it('finds a marker broken by spaces inside a cell, but never one spanning two cells', () => {
    const spaced = detect(textDoc(['\t本年新收政府 信息公开申请', '\t1', '', '\t正文', '']. join('\n')));
    expect(spaced.template).toBe('2019');
    expect(spaced.evidence).toEqual(['本年新收政府信息公开申请']);
    const split = detect(textDoc(['\t本年新收政府', '\t信息公开申请', '', '\t正文', ''].join('\n')));
    expect(split.template).toBe('narrative');
  });
});

describe('marker search by first and second character', () => {
  it('finds markers sharing their first characters with other labels, at any position in a cell', () => {
    const doc = textDoc(['统计指标\t单位\t统计数', '本年度申请人\t件\t1', '（二）收到申请数\t件\t5', '申请办结数\t件\t5'].join('\n'));
    const d = detect(doc);
    expect(d.template).toBe('2008');
    expect(d.evidence).toEqual(['收到申请数', '申请办结数', '统计指标']);
  });
});

describe('isFlattenedTable', () => {
  // Seed 002's prose and table, as a page saved onto one line (spaces between cells and rows).
  const page = () => seedDoc('002').raw.join(' ').replace(/\t/g, ' ');
  it('a whole page on one line, table included, reads as a flattened table', () => {
    expect(isFlattenedTable(page())).toBe(true);
  });
  it('prose that names the table rows with a few figures does not', () => {
    const prose = '本年新收政府信息公开申请17件，上年结转政府信息公开申请2件，结转下年度继续办理1件，' + '全区政务公开工作取得新成效，'.repeat(12);
    expect(isFlattenedTable(prose)).toBe(false);
    expect(isFlattenedTable('统计指标 单位 统计数 主动公开政府信息数 条 259 收到申请数 件 3')).toBe(false); // too short to be a page
  });
  it('every line of the seeds is not', () => {
    for (const seed of ['000', '001', '002', '003', '004']) for (const line of seedDoc(seed).lines) expect(isFlattenedTable(line), `${seed}: ${line.slice(0, 40)}`).toBe(false);
  });
  it('a report whose only table is flattened into prose says so on that line (missing_section), and is partial', () => {
    const r = processDoc(textDoc(page()), 'r');
    expect(r.report.template).toBe('narrative');
    expect(r.report.status).toBe('partial');
    expect(r.findings.filter((f) => f.code === 'missing_section').map((f) => [f.severity, f.line])).toEqual([['warning', 1]]);
    expect(r.report.agency).toBe('威海市中小企业局');
  });
});
