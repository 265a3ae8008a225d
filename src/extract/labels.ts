/**
 * Label matching: reduce a row label to its core and test it against catalogue patterns.
 * Provinces renumber sections and wrap or annotate labels, so numbering, 其中 prefixes,
 * parenthetical notes and all whitespace are dropped before matching.
 */
import { memoize } from '../memo.ts';

const NUMBERING = [
  /^[一二三四五六七八九十]+[、.．]/,
  /^[(（][一二三四五六七八九十]+[)）]/,
  /^[(（]\d+[)）]/,
  /^\d+[、.．](?!\d)/,
  /^[①②③④⑤⑥⑦⑧⑨⑩]/,
  /^第[一二三四五六七八九十]+[项部分]/,
];

/** First characters any NUMBERING pattern or 其中 can start with: other labels skip the strip loop. */
const NUMBERING_START = new Set('一二三四五六七八九十(（0123456789①②③④⑤⑥⑦⑧⑨⑩第其');

/** Table labels repeat across rows and reports: cores are memoised (bounded). */
const cores = memoize((label: string) => computeCore(label));

/** Core of a label: "（一）主动公开政府信息数（不同渠道…计1条）" → "主动公开政府信息数". */
export function labelCore(label: string): string {
  return cores(label);
}

function computeCore(label: string): string {
  let s = label.replace(/[\s\u200b-\u200f\u2060\ufeff]+/g, '');
  for (let changed = NUMBERING_START.has(s[0] ?? ''); changed; ) {
    changed = false;
    for (const re of NUMBERING) {
      const next = s.replace(re, '');
      if (next !== s) {
        s = next;
        changed = true;
      }
    }
    const next = s.replace(/^其中[:：]?/, '');
    if (next !== s) {
      s = next;
      changed = true;
    }
  }
  // Drop parenthetical notes but keep the text after them ("开通…网站（或设立…专栏）数" → "开通…网站数").
  if (s.includes('(') || s.includes('（')) s = s.replace(/[(（][^()（）]*[)）]/g, '');
  return s.replace(/[:：]$/, '');
}

const cache = new Map<string, RegExp>();
function re(source: string): RegExp {
  let r = cache.get(source);
  if (!r) cache.set(source, (r = new RegExp(source)));
  return r;
}

/** True when the core matches any of the patterns. */
export function matchesAny(core: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => re(p).test(core));
}

/** First entry whose patterns match the core. */
export function findEntry<T extends { labels: readonly string[] }>(core: string, entries: readonly T[]): T | undefined {
  return entries.find((e) => matchesAny(core, e.labels));
}
