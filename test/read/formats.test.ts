import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReports } from '../../src/load.ts';
import { readSource, readSourceAsync, renderText } from '../../src/read/index.ts';
import { sniffKind } from '../../src/read/sniff.ts';
import { ROOT, seedPath } from '../helpers.ts';

const FIX = join(ROOT, 'test', 'fixtures', 'formats');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const factKeys = (facts: Array<{ source: string; metric: string; applicant: string | null; value: number | null }>) =>
  facts.map((f) => `${f.source} ${f.metric}${f.applicant ? `[${f.applicant}]` : ''} ${f.value}`).sort();

describe('a folder mixing formats loads in one call', () => {
  it('txt, html, docx, pdf, doc and wps side by side: one reports row each, the binaries failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-formats-'));
    dirs.push(dir);
    copyFileSync(seedPath('002'), join(dir, 'a-002.txt'));
    copyFileSync(join(FIX, '003-gbk.html'), join(dir, 'b-003.html'));
    copyFileSync(join(FIX, '002.docx'), join(dir, 'c-002.docx'));
    copyFileSync(join(FIX, '003.pdf'), join(dir, 'd-003.pdf'));
    copyFileSync(join(FIX, '002.doc'), join(dir, 'e-002.doc'));
    copyFileSync(join(FIX, '003.wps'), join(dir, 'f-003.wps'));
    const r = await loadReports(dir);
    const reports = r.records.reports.map((x) => [x.file.slice(dir.length + 1), x.format, x.status, x.template, x.year]);
    expect(reports).toEqual([
      ['a-002.txt', 'txt', 'ok', '2008', 2017],
      ['b-003.html', 'html', 'ok', '2019', 2020],
      ['c-002.docx', 'docx', 'ok', '2008', 2017],
      ['d-003.pdf', 'pdf', 'ok', '2019', 2020],
      ['e-002.doc', 'doc', 'failed', 'unknown', null],
      ['f-003.wps', 'wps', 'failed', 'unknown', null],
    ]);
    const byFile = (name: string) => r.records.reports.find((x) => x.file.endsWith(name))!.report_id;
    const factsOf = (name: string) => factKeys(r.records.facts.filter((f) => f.report_id === byFile(name)));
    expect(factsOf('a-002.txt')).toEqual(factsOf('c-002.docx'));
    expect(factsOf('b-003.html')).toEqual(factsOf('d-003.pdf'));
    expect(factsOf('b-003.html')).toHaveLength(208);

    for (const [name, what] of [['e-002.doc', 'Word 97–2003 (.doc)'], ['f-003.wps', 'WPS Office (.wps)']] as const) {
      const findings = r.records.findings.filter((f) => f.report_id === byFile(name));
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ code: 'unsupported_format', severity: 'error' });
      expect(findings[0]!.message).toContain(join(dir, name));
      expect(findings[0]!.message).toContain(what);
      expect(findings[0]!.message).toContain('LibreOffice');
      expect(findings[0]!.message).toContain('soffice --headless --convert-to docx');
    }
  });

  it('the same report as txt, html, docx and pdf gives the same facts', async () => {
    const files = [seedPath('003'), join(FIX, '003.html'), join(FIX, '003.docx'), join(FIX, '003.pdf')];
    const r = await loadReports(files);
    const sets = r.records.reports.map((rep) => factKeys(r.records.facts.filter((f) => f.report_id === rep.report_id)));
    expect(sets.map((s) => s.length)).toEqual([208, 208, 208, 208]);
    for (const s of sets.slice(1)) expect(s).toEqual(sets[0]);
  });
});

describe('format sniffing: the bytes decide, not the extension', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['r.pdf', '%PDF-1.7\n', 'pdf'],
    ['r.bin', 'junk before %PDF-1.4\n', 'pdf'],
    ['r.docx', 'PK\u0003\u0004rest', 'zip'],
    ['r.html', '\ufeff  <!DOCTYPE html><html>', 'html'],
    ['r.doc', '<html><body>x</body></html>', 'html'],
    ['r.txt', '<?xml version="1.0"?>\n<!-- c --><html xmlns="x">', 'html'],
    ['r.htm', '<div>片段</div>', 'html'],
    ['r.txt', '<div>片段</div>', 'text'],
    ['r.txt', '威海市 2020年', 'text'],
    ['r.txt', ' \r\n\t<HTML LANG="zh">', 'html'],
    ['r.html', '报告 <html>', 'text'],
    ['r.html', ' \n ', 'text'],
    ['r.txt', '', 'text'],
  ])('%s %j → %s', (file, content, kind) => {
    expect(sniffKind(enc(content), file)).toBe(kind);
  });

  it('an OLE header is ole whatever the extension', () => {
    expect(sniffKind(new Uint8Array(readFileSync(join(FIX, '002.doc'))), 'renamed.docx')).toBe('ole');
  });

  it('a .doc renamed to .docx fails with the LibreOffice advice too', async () => {
    const r = await readSourceAsync({ file: 'x.docx', bytes: new Uint8Array(readFileSync(join(FIX, '003.wps'))) });
    expect(r).toMatchObject({ error: { code: 'unsupported_format' } });
    expect('error' in r && r.error.message).toMatch(/Word 97–2003 \(\.doc\).*LibreOffice/);
  });
});

describe('readSource (synchronous) and renderText', () => {
  it('readSource reads HTML and DOCX, and sends PDFs to readSourceAsync', () => {
    expect(readSource({ file: '002.docx', bytes: new Uint8Array(readFileSync(join(FIX, '002.docx'))) })).toMatchObject({ format: 'docx' });
    expect(readSource({ file: '003.html', bytes: new Uint8Array(readFileSync(join(FIX, '003.html'))) })).toMatchObject({ format: 'html' });
    const pdf = readSource({ file: '002.pdf', bytes: new Uint8Array(readFileSync(join(FIX, '002.pdf'))) });
    expect(pdf).toMatchObject({ error: { code: 'unsupported_format' } });
    expect('error' in pdf && pdf.error.message).toContain('readSourceAsync');
  });

  it('text files read as before (normalized lines aligned with raw)', async () => {
    const file = seedPath('002');
    const a = readSource({ file, bytes: new Uint8Array(readFileSync(file)) });
    const b = await readSourceAsync({ file, bytes: new Uint8Array(readFileSync(file)) });
    expect(b).toEqual(a);
    expect(a).toMatchObject({ format: 'txt', encoding: 'utf-8' });
  });

  it('renderText shows the lines that facts\' line numbers refer to', async () => {
    const r = await loadReports(join(FIX, '003.html'));
    const text = await renderText({ file: '003.html', bytes: new Uint8Array(readFileSync(join(FIX, '003.html'))) });
    if (typeof text !== 'string') throw new Error(text.error.message);
    const lines = text.split('\n');
    const fact = r.records.facts.find((f) => f.metric === 'requests.outcome.unable.not_held' && f.applicant === 'total')!;
    expect(fact.value).toBe(3);
    expect(lines[fact.line - 1]).toBe('\t\t（四）无法提供\t1.本机关不掌握相关政府信息\t3\t0\t0\t0\t0\t0\t3');
  });

  it('renderText passes read failures through', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-render-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'x.doc'), readFileSync(join(FIX, '002.doc')));
    expect(await renderText({ file: 'x.doc', bytes: new Uint8Array(readFileSync(join(dir, 'x.doc'))) })).toMatchObject({ error: { code: 'unsupported_format' } });
  });
});
