/**
 * Builds the format fixtures in test/fixtures/formats/ from the text seeds, so the same report
 * exists as txt, HTML, DOCX and PDF and the tests can ask for the same facts from each.
 *
 *   npx tsx scripts/make-fixtures.ts          (PDFs need Chromium: CHROME_PATH or /usr/bin/chromium)
 *
 * Seed 002 (2008 table) and seed 003 (2019 tables) are rebuilt as documents the way government
 * sites and Word produce them: the 2019 request matrix and appeals table with merged header
 * cells (rowspan/colspan, Word gridSpan/vMerge), the matrix's row groups merged down.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { layout } from '../src/layout/index.ts';
import { readSource } from '../src/read/index.ts';
import type { TableBlock } from '../src/types.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RAW = join(ROOT, 'data', 'raw');
export const OUT = join(ROOT, 'test', 'fixtures', 'formats');

interface Cell {
  text: string;
  rowspan?: number;
  colspan?: number;
  th?: boolean;
}
type Block = { p: string; heading?: boolean } | { table: Cell[][] };

const TITLE = /政府信息公开.{0,8}年度报告/;

function seed(prefix: string) {
  const name = readdirSync(RAW).find((f) => f.startsWith(prefix))!;
  const file = join(RAW, name);
  const doc = readSource({ file, bytes: readFileSync(file) });
  if ('error' in doc) throw new Error(doc.error.message);
  return { doc, blocks: layout({ lines: doc.lines, raw: doc.raw }) };
}

/** Raw text of a prose line without converter markers ([image: …], [bookmark: …]). */
function proseText(raw: string): string {
  return raw.replace(/\[(?:image|bookmark):[^\]]*\]/g, '').trim();
}

const rowsOf = (t: TableBlock) => t.rows.map((r) => r.cells.map((c) => c.raw));

// --- seed 002: 2008 table, one row per line ----------------------------------------------------

export function model002(): Block[] {
  const { doc, blocks } = seed('002');
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.kind === 'prose') {
      const text = proseText(doc.raw[b.line - 1]!);
      if (text) out.push({ p: text, heading: TITLE.test(text) && text.length < 40 });
      continue;
    }
    const rows = rowsOf(b);
    const width = Math.max(...rows.map((r) => r.length));
    out.push({
      table: rows.map((r, i) => {
        // A title row (one text cell, the rest empty) spans the table.
        if (r.slice(1).every((c) => c === '') && r.length === width && width > 3) return [{ text: r[0]!, colspan: width }];
        return r.map((text) => ({ text, th: i === 0 }));
      }),
    });
  }
  return out;
}

// --- seed 003: 2019 tables with merged cells ---------------------------------------------------

function art20Table(rows: string[][]): Cell[][] {
  return rows.map((r) => {
    if (r.length === 1) return [{ text: r[0]!, colspan: 4, th: true }];
    if (r.length === 3) return [{ text: r[0]! }, { text: r[1]! }, { text: r[2]!, colspan: 2 }];
    return r.map((text) => ({ text }));
  });
}

/** The request matrix: header block 3×3 merged, applicant headers, row groups merged down. */
function matrixTable(rows: string[][]): Cell[][] {
  const [h1, h2, h3, ...data] = rows;
  const out: Cell[][] = [
    [{ text: h1![0]!, rowspan: 3, colspan: 3, th: true }, { text: h1![1]!, colspan: 7, th: true }],
    [{ text: h2![1]!, rowspan: 2, th: true }, { text: h2![2]!, colspan: 5, th: true }, { text: h2![3]!, rowspan: 2, th: true }],
    h3!.slice(2, 7).map((text) => ({ text, th: true })),
  ];
  const labels = data.map((r) => r.slice(0, r.length - 7));
  const slotsOf = (l: string[]) => (l.length === 1 ? [l[0]!] : l.length === 2 ? [l[0]!, l[1]!] : [l[0]!, l[1]!, l[2]!]);
  // How many rows below continue (empty) a label slot.
  const down = (i: number, slot: number, width: number) => {
    let n = 1;
    for (let j = i + 1; j < labels.length && labels[j]!.length >= width && labels[j]![slot] === ''; j++) n++;
    return n;
  };
  data.forEach((r, i) => {
    const l = slotsOf(labels[i]!);
    const cells: Cell[] = [];
    if (l.length === 1) cells.push({ text: l[0]!, colspan: 3 });
    else {
      if (l[0] !== '') cells.push({ text: l[0]!, rowspan: down(i, 0, 2) });
      if (l.length === 2) cells.push({ text: l[1]!, colspan: 2 });
      else {
        if (l[1] !== '') cells.push({ text: l[1]!, rowspan: down(i, 1, 3) });
        cells.push({ text: l[2]! });
      }
    }
    cells.push(...r.slice(r.length - 7).map((text) => ({ text })));
    out.push(cells);
  });
  return out;
}

/** The appeals table: two levels of merged headers over a 15-cell row. */
function appealsTable(rows: string[][]): Cell[][] {
  const [h1, h2, h3, values] = rows;
  return [
    [{ text: h1![0]!, colspan: 5, th: true }, { text: h1![1]!, colspan: 10, th: true }],
    [...h2!.slice(0, 5).map((text) => ({ text, rowspan: 2, th: true })), { text: h2![5]!, colspan: 5, th: true }, { text: h2![6]!, colspan: 5, th: true }],
    h3!.slice(5).map((text) => ({ text, th: true })),
    values!.map((text) => ({ text })),
  ];
}

export function model003(): Block[] {
  const { doc, blocks } = seed('003');
  const out: Block[] = [];
  const builders = [art20Table, matrixTable, appealsTable];
  let t = 0;
  for (const b of blocks) {
    if (b.kind === 'prose') {
      const text = proseText(doc.raw[b.line - 1]!);
      if (text) out.push({ p: text, heading: TITLE.test(text) && text.length < 40 });
      continue;
    }
    out.push({ table: builders[t++]!(rowsOf(b)) });
  }
  if (t !== 3) throw new Error(`seed 003: expected 3 tables, found ${t}`);
  return out;
}

// --- writers -----------------------------------------------------------------------------------

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlBody(model: Block[]): string {
  return model
    .map((b) => {
      if ('p' in b) return b.heading ? `<h1 class="title">${esc(b.p)}</h1>` : `<p>${esc(b.p)}</p>`;
      const rows = b.table.map((r) => {
        const cells = r.map((c) => {
          const tag = c.th ? 'th' : 'td';
          const attrs = `${c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}`;
          return `<${tag}${attrs}>${c.text === '' ? '&nbsp;' : esc(c.text)}</${tag}>`;
        });
        return `  <tr>${cells.join('')}</tr>`;
      });
      return `<table border="1" cellspacing="0" cellpadding="3">\n${rows.join('\n')}\n</table>`;
    })
    .join('\n');
}

const STYLE = `body{font-family:"Noto Sans CJK SC",sans-serif;font-size:12px}table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:2px;font-weight:normal}`;

function htmlPage(model: Block[], charset = 'utf-8', style = STYLE): string {
  return `<!DOCTYPE html>\n<html><head><meta charset="${charset}"><title>年度报告</title><style>${style}</style></head><body>\n${htmlBody(model)}\n</body></html>\n`;
}

/** A table printed without cell borders: the PDF reader must fall back to text positions. */
const BORDERLESS = `${STYLE} td,th{border:none;padding:2px 12px} table{border:none}`;

/** A government-site page around the report: header, menu, breadcrumb, sidebar, share bar, footer. */
function chromePage(model: Block[]): string {
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>威海市人民政府</title>
<script>var _hmt = _hmt || []; document.write("统计 2016年政府信息公开工作年度报告");</script><style>${STYLE}</style></head>
<body>
<div class="header"><img src="logo.png" alt="威海市人民政府"><span>威海市人民政府门户网站 2018年3月20日 星期二</span></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/bs">政务服务</a></li><li><a href="/hd">互动交流</a></li></ul></div>
<table width="1000" align="center"><tr>
<td width="200" valign="top"><div class="left"><h3>信息公开年报</h3><ul>
<li><a href="/2016.html">2016年政府信息公开工作年度报告</a></li><li><a href="/2015.html">2015年政府信息公开工作年度报告</a></li></ul></div></td>
<td width="800" valign="top">
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 年度报告</div>
<div class="article">
<div class="info">发布日期：2018-03-20 &nbsp; 来源：威海市中小企业局 &nbsp; 浏览次数：328</div>
<div class="content">
${htmlBody(model)}
</div>
<div class="bdsharebuttonbox">分享到：微信 微博 QQ空间</div>
<div>【打印本页】 【关闭窗口】</div>
</div>
</td></tr></table>
<div class="footer"><p>主办单位：威海市人民政府办公室 &nbsp; 网站标识码：3710000001</p><p>鲁ICP备05001234号 &nbsp; 鲁公网安备 37100202000123号</p><p>微信 微博 QQ空间</p></div>
</body></html>
`;
}

function docxCell(c: Cell): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun(c.text)] })],
    ...(c.rowspan && c.rowspan > 1 ? { rowSpan: c.rowspan } : {}),
    ...(c.colspan && c.colspan > 1 ? { columnSpan: c.colspan } : {}),
  });
}

async function docxFile(model: Block[]): Promise<Uint8Array> {
  const children = model.map((b) => {
    if ('p' in b) {
      return b.heading
        ? new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun(b.p)] })
        : new Paragraph({ children: [new TextRun(b.p)] });
    }
    return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: b.table.map((r) => new TableRow({ children: r.map(docxCell) })) });
  });
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A DOCX whose document.xml inflates past the reader's 100 MB cap (a few hundred KB on disk). */
function zipBomb(): Uint8Array {
  const xml = new Uint8Array(101 * 1024 * 1024).fill(0x20);
  return zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': xml }, { level: 9 });
}

/** OLE compound-file header: what a binary .doc or .wps starts with. */
function oleStub(): Uint8Array {
  const b = new Uint8Array(1536);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  b.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00, 0x06, 0x00], 24);
  return b;
}

async function pdfFrom(html: string): Promise<Uint8Array> {
  const { startChromium } = await import('./chromium.ts');
  const browser = await startChromium();
  try {
    const page = await browser.context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } }));
  } finally {
    await browser.close();
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const m002 = model002();
  const m003 = model003();
  const write = (name: string, data: string | Uint8Array) => {
    writeFileSync(join(OUT, name), data);
    console.log(`${name}\t${typeof data === 'string' ? Buffer.byteLength(data) : data.length} bytes`);
  };
  write('002.html', htmlPage(m002));
  write('003.html', htmlPage(m003));
  write('003-gbk.html', iconv.encode(htmlPage(m003, 'gb2312'), 'gb18030'));
  write('002-chrome.html', chromePage(m002));
  write('002.docx', await docxFile(m002));
  write('003.docx', await docxFile(m003));
  write('bomb.docx', zipBomb());
  write('002.doc', oleStub());
  write('003.wps', oleStub());
  if (!process.argv.includes('--no-pdf')) {
    write('002.pdf', await pdfFrom(htmlPage(m002)));
    write('003.pdf', await pdfFrom(htmlPage(m003)));
    write('002-borderless.pdf', await pdfFrom(htmlPage(m002, 'utf-8', BORDERLESS)));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
