/**
 * Number forms found in reports: `37353`, `3.7万多`, `1000多`, `85.4`, `16671万元`, `129宗`,
 * `+41`, `-133`, and the blanks `—`, `/`, `无`, ``. Input is normalized text (half-width).
 * The grammar's words (units, magnitudes, 多/余, 约/近/超过…, 共/达, 左右/以上) are data in
 * ../catalogue/numerals.ts.
 */
import {
  APPROX_ENDINGS,
  APPROX_PREFIXES,
  FIGURE_UNITS,
  MAGNITUDE_FACTORS,
  MAGNITUDES,
  MONEY_UNIT,
  MORE_THAN,
  TOTAL_PREFIXES,
} from '../catalogue/numerals.ts';

export interface ParsedNumber {
  /** null for an explicit blank (—, /, 无, empty). */
  value: number | null;
  /** Unit written after the number (FIGURE_UNITS: 万元, 条, 宗 …); `万` as a multiplier is not a unit. */
  unit: string | null;
  /** The text qualifies the number (MORE_THAN, APPROX_PREFIXES or APPROX_ENDINGS of the catalogue: 多, 约, 左右 …). */
  approx: boolean;
  /** Precision of the stated figure in units of the value (1 for 37353, 1000 for 3.7万). */
  precision: number;
}

const BLANKS = new Set(['', '—', '——', '-', '--', '/', '无', '空', '——/', 'N/A', 'n/a']);

/**
 * The digits of a figure, as a regex source without groups: 37353, 2,330, 85.4. The one spelling
 * of them: NUMBER_RE and the narrative figures (src/extract/narrative.ts) are built from it.
 */
export const FIGURE_DIGITS = '\\d+(?:,\\d{3})*(?:\\.\\d+)?';

const alternation = (words: readonly string[]): string => words.join('|');
// Groups: 1 prefix (approximate or total), 2 sign, 3 digits, 4 magnitude, 5 more-than, 6 unit, 7 ending.
const PREFIX = alternation([...APPROX_PREFIXES, ...TOTAL_PREFIXES]);
const UNIT = `(?:${alternation(FIGURE_UNITS)})`;
const ENDING = alternation([...MORE_THAN, ...APPROX_ENDINGS]);
/** The number grammar: a whole cell or captured figure. */
const NUMBER_RE = new RegExp(
  `^(${PREFIX})?\\s*([+-])?\\s*(${FIGURE_DIGITS})\\s*(${alternation(MAGNITUDES)})?\\s*(${alternation(MORE_THAN)})?\\s*(${UNIT})?\\s*(${ENDING})?$`,
);

const HAS_SPACE = /\s/;

/** Parse a whole cell or captured figure. Returns undefined when the text is not a number form. */
export function parseNumber(input: string): ParsedNumber | undefined {
  // Most inputs hold no whitespace: no replace, no copy.
  const text = HAS_SPACE.test(input) ? input.replace(/\s+/g, ' ').trim() : input;
  if (BLANKS.has(text)) return { value: null, unit: null, approx: false, precision: 1 };
  const m = NUMBER_RE.exec(text);
  if (!m) return undefined;
  const prefix = m[1], sign = m[2], digits = m[3]!, mult = m[4], afterMult = m[5], unit = m[6], suffix = m[7];
  const plain = digits.includes(',') ? digits.replace(/,/g, '') : digits;
  let value = Number(plain);
  if (!Number.isFinite(value)) return undefined;
  const decimals = plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0;
  let precision = 10 ** -decimals;
  // "16671万元" is 16671 in the unit 万元, not 166710000 元.
  const moneyUnit = mult && unit === MONEY_UNIT ? `${mult}${MONEY_UNIT}` : undefined;
  const factor = moneyUnit || !mult ? 1 : MAGNITUDE_FACTORS[mult]!;
  value = roundTo(value * factor, decimals);
  precision = factor > 1 ? roundTo(precision * factor, 0) || 1 : precision;
  if (sign === '-') value = -value;
  const approx = Boolean((prefix && !TOTAL_PREFIXES.includes(prefix)) || afterMult || suffix);
  // 1000多条: the qualifier makes the trailing zeros imprecise.
  if (approx && factor === 1 && decimals === 0) precision = trailingPrecision(plain);
  return { value, unit: moneyUnit ?? unit ?? null, approx, precision };
}

/** 10^(6 − decimals) for 0 … 6 decimals, made once (parseNumber rounds every figure); more decimals: 1. */
const ROUNDING = [1e6, 1e5, 1e4, 1e3, 1e2, 1e1, 1];

function roundTo(x: number, decimals: number): number {
  const f = decimals < ROUNDING.length ? ROUNDING[decimals]! : 1;
  return Math.round(x * f) / f;
}

/** 1000 → 1000, 1200 → 100, 37 → 1: the place value of the last significant digit. */
function trailingPrecision(digits: string): number {
  const m = /0+$/.exec(digits);
  return m ? 10 ** m[0].length : 1;
}

/** True when an approximate or rounded figure agrees with an exact one within its precision. */
export function agreesWithin(stated: { value: number; approx: boolean; precision: number }, exact: number): boolean {
  if (stated.precision <= 1 && !stated.approx) return stated.value === exact;
  // "3.7万多" means 37000 ≤ x < 38000; "3.3万" means 32500 ≤ x < 33500 (rounded); "1000多" means 1000 ≤ x < 2000.
  if (stated.approx) return exact >= stated.value && exact < stated.value + stated.precision;
  return Math.abs(exact - stated.value) <= stated.precision / 2;
}
