/**
 * HTML pages → rendered lines (see render.ts). The charset comes from the byte-order mark, then
 * the page's own `<meta charset>` / `http-equiv` declaration (GBK/GB2312 decoded as GB18030),
 * then detection. Page chrome (scripts, navigation, share bars, footers) is dropped and the
 * report body is found: the smallest element that holds the report title and most of the text.
 */
import iconv from 'iconv-lite';
import { Parser } from 'htmlparser2';
import { decode } from './decode.ts';
import { type DocBlock, type SpanCell, expandGrid, joinParts, renderBlocks, tableOrParagraphs } from './render.ts';

export interface HtmlText {
  lines: string[];
  encoding: string;
}

// --- charset -----------------------------------------------------------------------------------

/** Declared charset names → the iconv-lite name we decode with and record. */
const CHARSETS: Readonly<Record<string, string>> = {
  'utf-8': 'utf-8', utf8: 'utf-8',
  gb2312: 'gb18030', gbk: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030', 'euc-cn': 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5',
  'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be',
};

/** The charset a page declares in its first bytes (meta charset or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  return m ? CHARSETS[m[1]!.toLowerCase()] : undefined;
}

function isStrictUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decode HTML bytes: BOM, then the declared charset, then detection (the text decoder's). */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } | { error: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const declared = declaredCharset(bytes);
  // Pages that declare gb2312 but are served as UTF-8 are common; GBK text is almost never
  // valid UTF-8, so valid UTF-8 wins over a GB declaration.
  if (declared && !(declared !== 'utf-8' && isStrictUtf8(bytes))) {
    const text = iconv.decode(buf, declared);
    const bad = text.split('\ufffd').length - 1;
    if (bad <= text.length * 0.01) return { text, encoding: declared };
  }
  const d = decode({ file: 'page.html', bytes });
  if ('error' in d) return { error: d.error.message };
  return { text: d.raw.join('\n'), encoding: d.encoding };
}

// --- a minimal tree ----------------------------------------------------------------------------

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  parent?: El;
}
type Node = El | string;

/** Elements whose content is never report text. */
const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'nav', 'iframe', 'object', 'embed', 'svg',
  'select', 'option', 'button', 'input', 'textarea', 'map', 'canvas', 'video', 'audio',
]);
// Not 'form': ASP.NET sites wrap the whole page, report included, in one <form>.

/** Chrome recognised by id/class (share bars, breadcrumbs, menus, footers). */
const CHROME_CLASS = /(^|[\s_-])(nav|navbar|menu|breadcrumb|crumbs?|share|bdshare|footer|foot|copyright|toolbar|sidebar|location|position)([\s_-]|$)/i;

/** Chrome recognised by its text: page furniture that sits beside a report on government sites. */
const CHROME_TEXT: readonly RegExp[] = [
  /^(当前位置|您现在的位置|您的位置|所在位置)[:：]/,
  /^(分享到|分享)[:：]?\s*(微信|微博|QQ)/,
  /^(微信|微博|QQ空间)(\s*(微信|微博|QQ空间|人人网|豆瓣))+$/,
  /^(【?\s*(打印本页|打印|关闭窗口|关闭|返回顶部|字号|大|中|小|收藏)\s*】?\s*)+$/,
  /^(主办单位|承办单位|网站标识码|版权所有|技术支持)[:：]/,
  /ICP备\d+号/,
  /公网安备\s*\d+号/,
];

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'address', 'hr', 'br', 'table', 'tr',
  'td', 'th', 'caption', 'body', 'html', 'figure', 'figcaption', 'fieldset', 'legend',
]);

function parseTree(html: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [] };
  let cur = root;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: El = { tag: name, attrs, children: [], parent: cur };
        cur.children.push(el);
        cur = el;
      },
      ontext(text) {
        cur.children.push(text);
      },
      onclosetag() {
        cur = cur.parent ?? root;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

function isHidden(el: El): boolean {
  const style = (el.attrs.style ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden') || 'hidden' in el.attrs;
}

function isChromeByClass(el: El): boolean {
  return CHROME_CLASS.test(`${el.attrs.id ?? ''} ${el.attrs.class ?? ''}`);
}

/** All text of a node, whitespace collapsed. */
function textOf(node: Node): string {
  if (typeof node === 'string') return node;
  if (DROPPED.has(node.tag) || isHidden(node)) return '';
  return node.children.map(textOf).join(BLOCK.has(node.tag) ? ' ' : '');
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Drop what is never report text, in place. */
function prune(el: El): void {
  el.children = el.children.filter((c) => {
    if (typeof c === 'string') return true;
    if (DROPPED.has(c.tag) || isHidden(c) || isChromeByClass(c)) return false;
    // A block whose whole text is chrome goes; the test is on the text, so it never drops a report.
    if (BLOCK.has(c.tag) && c.tag !== 'table') {
      const t = textOf(c).replace(/\s+/g, ' ').trim();
      if (t && t.length < 200 && CHROME_TEXT.some((re) => re.test(t))) return false;
    }
    prune(c);
    return true;
  });
}

// --- the report body ---------------------------------------------------------------------------

const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

const TITLE = /政府信息公开.{0,8}年度报告|政务公开.{0,8}年度报告|信息公开年报/;

/** Length of text not inside links (navigation is mostly links). */
function ownTextLength(node: Node, inLink = false): number {
  if (typeof node === 'string') return inLink ? 0 : squash(node).length;
  const link = inLink || node.tag === 'a';
  return node.children.reduce((n, c) => n + ownTextLength(c, link), 0);
}

function containsTitle(el: El): boolean {
  const walk = (n: Node, inLink: boolean): boolean => {
    if (typeof n === 'string') return !inLink && TITLE.test(squash(n));
    const link = inLink || n.tag === 'a';
    return n.children.some((c) => walk(c, link));
  };
  return walk(el, false);
}

/**
 * Descend from the root while one child holds most (≥ 80 %) of the non-link text and does not
 * leave the report title behind.
 */
function reportBody(root: El): El {
  let cur = root;
  for (;;) {
    const total = ownTextLength(cur);
    if (total === 0) return cur;
    const kids = cur.children.filter((c): c is El => typeof c !== 'string');
    const big = kids.find((k) => ownTextLength(k) >= 0.8 * total);
    if (!big) return cur;
    // A statistics table is read whole; only a layout table (one holding tables) is entered.
    if (TABLE_PARTS.has(big.tag) && !hasTable(big.tag === 'table' ? big : cur)) return cur;
    if (containsTitle(cur) && !containsTitle(big)) return cur;
    cur = big;
  }
}

// --- rendering ---------------------------------------------------------------------------------

/** Rows of a table (its own, not a nested table's), with their cells. */
function tableRows(table: El): El[][] {
  const rows: El[][] = [];
  const walk = (el: El) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (c.tag === 'tr') rows.push(c.children.filter((x): x is El => typeof x !== 'string' && (x.tag === 'td' || x.tag === 'th')));
      else if (c.tag === 'thead' || c.tag === 'tbody' || c.tag === 'tfoot') walk(c);
    }
  };
  walk(table);
  return rows;
}

function hasTable(el: El): boolean {
  return el.children.some((c) => typeof c !== 'string' && (c.tag === 'table' || hasTable(c)));
}

/** Text of a cell: its blocks joined (no space between CJK characters). */
function cellText(el: El): string {
  const parts: string[] = [];
  let inline = '';
  const walk = (n: Node) => {
    if (typeof n === 'string') {
      inline += n;
      return;
    }
    const block = BLOCK.has(n.tag);
    if (block) {
      parts.push(inline);
      inline = '';
    }
    n.children.forEach(walk);
    if (block) {
      parts.push(inline);
      inline = '';
    }
  };
  el.children.forEach(walk);
  parts.push(inline);
  return joinParts(parts.map(collapse));
}

/** HTML whitespace collapsing; a line break between CJK characters is dropped (source wrapping). */
function collapse(s: string): string {
  return s
    .replace(/([\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])[ \t\f]*[\r\n]\s*(?=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])/g, '$1')
    .replace(/[ \t\r\n\f]+/g, ' ');
}

function span(v: string | undefined): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) ? n : 1;
}

function renderEl(el: El): DocBlock[] {
  const blocks: DocBlock[] = [];
  let inline = '';
  const flush = () => {
    const t = collapse(inline).trim();
    if (t) blocks.push({ kind: 'para', text: t });
    inline = '';
  };
  const walk = (n: Node) => {
    if (typeof n === 'string') {
      inline += n;
      return;
    }
    if (n.tag === 'table') {
      flush();
      const rows = tableRows(n);
      if (rows.some((r) => r.some(hasTable))) {
        // A layout table: its cells are page regions, read as flow content.
        for (const r of rows) for (const c of r) blocks.push(...renderEl(c));
        return;
      }
      const grid = expandGrid(
        rows.map((r) => r.map((c): SpanCell => ({ text: cellText(c), rowspan: span(c.attrs.rowspan), colspan: span(c.attrs.colspan) }))),
      );
      blocks.push(...tableOrParagraphs(grid));
      return;
    }
    if (n.tag === 'img') {
      return;
    }
    const block = BLOCK.has(n.tag);
    if (block) flush();
    n.children.forEach(walk);
    if (block) flush();
  };
  el.children.forEach(walk);
  flush();
  return blocks;
}

/** HTML text → rendered lines of the report body. */
export function htmlToLines(html: string): string[] {
  const root = parseTree(html);
  prune(root);
  return renderBlocks(renderEl(reportBody(root)));
}

/** HTML bytes → rendered lines, or why not. */
export function readHtml(bytes: Uint8Array): HtmlText | { error: string } {
  const d = decodeHtml(bytes);
  if ('error' in d) return d;
  return { lines: htmlToLines(d.text), encoding: d.encoding };
}
