import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReports } from '../../src/load.ts';
import { readSourceAsync, renderText } from '../../src/read/index.ts';
import { readPdf } from '../../src/read/pdf.ts';
import { ROOT, seedPath } from '../helpers.ts';

const FIX = join(ROOT, 'test', 'fixtures', 'formats');

async function load(file: string) {
  const r = await loadReports(file);
  const facts = r.records.facts.map((f) => `${f.source} ${f.metric}${f.applicant ? `[${f.applicant}]` : ''} ${f.value}`).sort();
  const { report_id: _id, file: _file, format, encoding, ...meta } = r.records.reports[0]!;
  return { facts, meta, format, encoding, findings: r.records.findings };
}

const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIX, name)));

/** A one-page PDF with no text (what a scan without OCR looks like to a text reader). */
const NO_TEXT_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n' +
    '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

describe('PDF with ruled tables (Chromium print of the HTML fixtures)', () => {
  it.each([
    ['002.pdf', '002'],
    ['003.pdf', '003'],
  ])('%s gives seed %s\'s facts and metadata, with no pdf_layout finding', async (name, seed) => {
    const pdf = await load(join(FIX, name));
    const txt = await load(seedPath(seed));
    expect(pdf.format).toBe('pdf');
    expect(pdf.encoding).toBe('unicode');
    expect(pdf.facts).toEqual(txt.facts);
    expect(pdf.meta).toEqual(txt.meta);
    expect(pdf.findings.filter((f) => f.code === 'pdf_layout')).toEqual([]);
  });

  it('cell borders rebuild the merged 2019 grid, also for a row pushed to the next page', async () => {
    const text = await renderText({ file: '003.pdf', bytes: bytesOf('003.pdf') });
    if (typeof text !== 'string') throw new Error(text.error.message);
    const rows = text.split('\n').filter((l) => l.startsWith('\t')).map((l) => l.replace(/\t/g, '→'));
    expect(rows).toContain('→→→→自然人→法人或其他组织→→→→→总计');
    expect(rows).toContain('→三、本年度办理结果→（一）予以公开→→13→0→0→0→0→0→13');
    expect(rows).toContain('→→→4.保护第三方合法权益→0→0→0→0→0→0→0');
    expect(rows).toContain('→→（七）总计→→17→0→0→0→0→0→17');
    expect(rows).toContain('→0→0→0→0→0→0→0→1→0→1→0→0→0→0→0');
  });

  it('radical code points from the font map are folded back (⺠ → 民, ⽂ → 文)', async () => {
    const text = await renderText({ file: '003.pdf', bytes: bytesOf('003.pdf') });
    expect(text).toEqual(expect.stringContaining('威海市环翠区人民政府'));
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
  });

  it('a paragraph wrapped over several lines is one line again', async () => {
    const text = await renderText({ file: '002.pdf', bytes: bytesOf('002.pdf') });
    expect(text).toEqual(expect.stringContaining('通过政府网站主动公开政府信息数259条，通过政务微博公开信息105条'));
  });
});

describe('PDF without cell borders', () => {
  it('rows are split at wide gaps, with a pdf_layout warning; the 2008 table still gives its figures', async () => {
    const pdf = await load(join(FIX, '002-borderless.pdf'));
    const txt = await load(seedPath('002'));
    const layoutNotes = pdf.findings.filter((f) => f.code === 'pdf_layout');
    expect(layoutNotes).toHaveLength(1);
    expect(layoutNotes[0]).toMatchObject({ severity: 'warning', line: null });
    expect(layoutNotes[0]!.message).toMatch(/^page\(s\) 1, 3, 4: rows without cell borders/);
    // What the finding covers: the table facts of this report all come through.
    const table = (facts: string[]) => facts.filter((f) => f.startsWith('table '));
    expect(table(pdf.facts)).toEqual(table(txt.facts));
    expect(table(pdf.facts)).toHaveLength(65);
  });
});

describe('PDFs that cannot be read', () => {
  it('no text layer (a scan) → unsupported_format, saying there is no OCR', async () => {
    const r = await readPdf(NO_TEXT_PDF);
    expect(r).toMatchObject({ error: { code: 'unsupported_format' } });
    expect('error' in r && r.error.message).toMatch(/no text layer/);
  });

  it('garbage after %PDF- → a failed report, not a crash', async () => {
    const r = await loadReports({ file: 'broken.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n\u00e2\u00e3 garbage') });
    expect(r.records.reports[0]).toMatchObject({ status: 'failed', format: 'pdf' });
    expect(['unreadable_file', 'unsupported_format']).toContain(r.records.findings[0]!.code);
  });

  it('the bytes given are not detached or changed', async () => {
    const bytes = bytesOf('002.pdf');
    const copy = bytes.slice();
    const r = await readSourceAsync({ file: '002.pdf', bytes });
    expect('error' in r).toBe(false);
    expect(Buffer.compare(bytes, copy)).toBe(0);
  });
});
