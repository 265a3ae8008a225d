/**
 * Traditional → Simplified with OpenCC (Taiwan, then Hong Kong variants), length-preserving, and
 * what that conversion does to each character on its own (the table Traditional documents are
 * detected with).
 *
 * Only OpenCC's Traditional → Simplified build is loaded ('opencc-js/t2cn': the same converters
 * and dictionaries as the full package, a tenth of the code), and only when a line needs
 * converting: detection reads the generated table in src/catalogue/t2s.ts instead.
 */
import { createRequire } from 'node:module';
import { T2S_CHARACTERS } from '../catalogue/t2s.ts';

type Convert = (text: string) => string;

/** The locales converted from, in order (each to mainland Simplified). */
const LOCALES = ['tw', 'hk'] as const;

let converters: Convert[] | undefined;

/**
 * Built on first use: most corpora are all Simplified, so most threads never need OpenCC.
 * `require` because toSimplified is synchronous (the package's CommonJS build of t2cn).
 */
function getConverters(): Convert[] {
  if (converters) return converters;
  const OpenCC = createRequire(import.meta.url)('opencc-js/t2cn') as typeof import('opencc-js/t2cn');
  return (converters = LOCALES.map((from) => OpenCC.Converter({ from, to: 'cn' })));
}

/** The Han code unit ranges: CJK ideographs (Extension A on) and compatibility ideographs. */
export const HAN_RANGES: ReadonlyArray<readonly [number, number]> = [[0x3400, 0x9fff], [0xf900, 0xfaff]];
const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
// Cheap pre-check: text without CJK ideographs needs no conversion.
const HAN = new RegExp(`[${HAN_RANGES.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]`);

/**
 * Convert Traditional characters (Taiwan and Hong Kong variants) to Simplified, keeping the
 * length: a conversion that would change a line's length (phrase-level rewrites) is redone
 * character by character, and a character whose conversion changes length is kept as is.
 * Lines (split on \n) are processed separately so offsets stay valid per line.
 */
export function toSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  return text
    .split('\n')
    .map((line) => simplifyLine(line))
    .join('\n');
}

function simplifyLine(line: string): string {
  if (!HAN.test(line)) return line;
  let out = line;
  for (const convert of getConverters()) {
    const whole = convert(out);
    out = whole.length === out.length ? whole : charByChar(out, convert);
  }
  return out;
}

function charByChar(line: string, convert: Convert): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    const c = HAN.test(ch) ? convert(ch) : ch;
    out += c.length === 1 ? c : ch;
  }
  return out;
}

/**
 * Every Han character (one code unit) that toSimplified changes when converted on its own, in
 * code unit order: the keys of the generated table (no OpenCC needed).
 */
export function changedAlone(): string[] {
  const changed: string[] = [];
  for (let i = 0; i < T2S_CHARACTERS.length; i += 2) changed.push(T2S_CHARACTERS[i]);
  return changed;
}

/**
 * What the generated table must hold, asked of the converters themselves: each Han character
 * that toSimplified changes on its own, followed by what it becomes ('資资訊讯…'). For
 * scripts/make-t2s.ts and the test that keeps the table in step with opencc-js.
 */
export function conversionsAlone(): string {
  const han: string[] = [];
  for (const [from, to] of HAN_RANGES) for (let code = from; code <= to; code++) han.push(String.fromCharCode(code));
  // One character per line: toSimplified converts each on its own.
  const converted = toSimplified(han.join('\n')).split('\n');
  return han.map((ch, i) => (converted[i] === ch ? '' : ch + converted[i])).join('');
}
