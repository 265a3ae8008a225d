import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadReports } from '../../src/load.ts';
import { readDocx } from '../../src/read/docx.ts';
import { ROOT, seedPath } from '../helpers.ts';

const FIX = join(ROOT, 'test', 'fixtures', 'formats');

async function factsAndMeta(file: string) {
  const r = await loadReports(file);
  const facts = r.records.facts.map((f) => `${f.source} ${f.metric}${f.applicant ? `[${f.applicant}]` : ''} ${f.value}`).sort();
  const { report_id: _id, file: _file, format, encoding, ...meta } = r.records.reports[0]!;
  return { facts, meta, format, encoding };
}

/** A minimal .docx: just word/document.xml around the given body XML. */
function docxOf(body: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({ 'word/document.xml': new TextEncoder().encode(xml) });
}
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;

function lines(bytes: Uint8Array): string[] {
  const r = readDocx(bytes);
  if ('error' in r) throw new Error(r.error.message);
  return r.lines.map((l) => l.replace(/\t/g, '→'));
}

describe('DOCX fixtures give the text seed\'s facts', () => {
  it.each([
    ['002.docx', '002'],
    ['003.docx', '003'],
  ])('%s = seed %s', async (name, seed) => {
    const docx = await factsAndMeta(join(FIX, name));
    const txt = await factsAndMeta(seedPath(seed));
    expect(docx.format).toBe('docx');
    expect(docx.encoding).toBe('utf-8');
    expect(docx.facts).toEqual(txt.facts);
    expect(docx.meta).toEqual(txt.meta);
  });

  it('merged cells of the 2019 matrix (gridSpan, vMerge) give the seed\'s rows', () => {
    const r = readDocx(new Uint8Array(readFileSync(join(FIX, '003.docx'))));
    if ('error' in r) throw new Error(r.error.message);
    const rows = r.lines.filter((l) => l.startsWith('\t')).map((l) => l.replace(/\t/g, '→'));
    expect(rows).toContain('→→→→自然人→法人或其他组织→→→→→总计');
    expect(rows).toContain('→一、本年新收政府信息公开申请数量→→→17→0→0→0→0→0→17');
    expect(rows).toContain('→→→2.其他法律行政法规禁止公开→0→0→0→0→0→0→0');
    expect(rows).toContain('→0→0→0→0→0→0→0→1→0→1→0→0→0→0→0');
  });
});

describe('document.xml structure', () => {
  it('paragraphs in order; tabs and breaks are spaces; deleted text and field codes are not read', () => {
    const body =
      '<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:tab/><w:t>总体</w:t><w:br/><w:t>情况</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>' +
      '<w:r><w:instrText> PAGE </w:instrText></w:r><w:ins><w:r><w:t>增</w:t></w:r></w:ins><w:hyperlink><w:r><w:t>链</w:t></w:r></w:hyperlink></w:p>' +
      p('第二段') + p('   ');
    expect(lines(docxOf(body))).toEqual(['一、 总体 情况增链', '第二段']);
  });

  it('gridSpan is a colspan, vMerge continuation an empty cell, gridBefore leading empty cells', () => {
    const body =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      `<w:tr>${tc('项目', '<w:gridSpan w:val="2"/>')}${tc('数')}</w:tr>` +
      `<w:tr>${tc('三、结果', '<w:vMerge w:val="restart"/>')}${tc('公开')}${tc('1')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('部分')}${tc('2')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('其他')}${tc('3')}</w:tr>` +
      '</w:tbl>';
    expect(lines(docxOf(body))).toEqual(['→项目→→数', '', '→三、结果→公开→1', '', '→→部分→2', '', '→→其他→3', '']);
  });

  it('several paragraphs in a cell join without a space between CJK characters', () => {
    const body = `<w:tbl><w:tr><w:tc>${p('本年新')}${p('制作数量')}</w:tc>${tc('5')}</w:tr><w:tr>${tc('a')}${tc('b')}</w:tr></w:tbl>`;
    expect(lines(docxOf(body))).toEqual(['→本年新制作数量→5', '', '→a→b', '']);
  });

  it('a docx written by the docx package (rowSpan/columnSpan) reads back as the grid', async () => {
    const cell = (t: string, o: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ children: [new Paragraph({ children: [new TextRun(t)] })], ...o });
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph('标题'),
          new Table({
            rows: [
              new TableRow({ children: [cell('行政复议', { columnSpan: 2 }), cell('总计', { rowSpan: 2 })] }),
              new TableRow({ children: [cell('维持'), cell('纠正')] }),
              new TableRow({ children: [cell('0'), cell('1'), cell('1')] }),
            ],
          }),
        ],
      }],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    expect(lines(bytes)).toEqual(['标题', '→行政复议→→总计', '', '→维持→纠正→', '', '→0→1→1', '']);
  });
});

describe('broken and hostile files', () => {
  it('a zip bomb (document.xml inflating past 100 MB) is a file_too_large finding, not a crash', async () => {
    const file = join(FIX, 'bomb.docx');
    expect(readFileSync(file).length).toBeLessThan(200_000);
    const r = await loadReports(file);
    expect(r.records.reports[0]).toMatchObject({ status: 'failed', format: 'docx' });
    expect(r.records.findings).toMatchObject([{ code: 'file_too_large', severity: 'error' }]);
    expect(r.records.findings[0]!.message).toMatch(/bomb\.docx: word\/document\.xml inflates to over 104857600 bytes/);
  });

  it('the caps are options: inflated size and entry count', () => {
    const big = docxOf(p('x'.repeat(5000)));
    expect(readDocx(big, { maxXmlBytes: 1000 })).toMatchObject({ error: { code: 'file_too_large' } });
    const many: Record<string, Uint8Array> = { 'word/document.xml': new TextEncoder().encode('<w:document/>') };
    for (let i = 0; i < 20; i++) many[`x/${i}`] = new Uint8Array(1);
    expect(readDocx(zipSync(many), { maxEntries: 10 })).toMatchObject({ error: { code: 'file_too_large' } });
  });

  it('a ZIP without word/document.xml is unsupported_format; a broken ZIP or XML is unreadable_file', () => {
    expect(readDocx(zipSync({ 'content.xml': new Uint8Array(3) }))).toMatchObject({ error: { code: 'unsupported_format' } });
    expect(readDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toHaveProperty('error');
    expect(readDocx(zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document><w:body><w:p>') }))).toMatchObject({ error: { code: 'unreadable_file' } });
  });
});

it('a Word document without text is an empty_file', () => {
  expect(readDocx(docxOf('<w:p/>'))).toMatchObject({ error: { code: 'empty_file' } });
});
