/**
 * Number forms found in reports: `37353`, `3.7万多`, `1000多`, `85.4`, `16671万元`, `129宗`,
 * `+41`, `-133`, and the blanks `—`, `/`, `无`, ``. Input is normalized text (half-width).
 */

export interface ParsedNumber {
  /** null for an explicit blank (—, /, 无, empty). */
  value: number | null;
  /** Unit written after the number (万元, 条, 宗 …); `万` as a multiplier is not a unit. */
  unit: string | null;
  /** The text qualifies the number (多, 余, 约, 近, 超, 逾, 左右, 以上). */
  approx: boolean;
  /** Precision of the stated figure in units of the value (1 for 37353, 1000 for 3.7万). */
  precision: number;
}

const BLANKS = new Set(['', '—', '——', '-', '--', '/', '无', '空', '——/', 'N/A', 'n/a']);

// Units as tables and prose write them; 万元 stays a unit, a bare 万 is a multiplier.
const UNIT = '(?:万元|亿元|元|人次|条|件|次|篇|人|个|期|份|宗|项|起|场|家|批次|户|册|页|套|台)';
/** What may follow a number's digits before its unit: a magnitude (a multiplier), then "more than". */
export const MAGNITUDES = ['万', '亿'];
export const MORE_THAN = ['多', '余'];
const NUMBER_RE = new RegExp(
  `^(约|近|超过|超|逾|共|达)?\\s*([+-])?\\s*(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(${MAGNITUDES.join('|')})?\\s*(${MORE_THAN.join('|')})?\\s*(${UNIT})?\\s*(${MORE_THAN.join('|')}|左右|以上)?$`,
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
  const moneyUnit = mult && unit === '元' ? `${mult}元` : undefined;
  const factor = moneyUnit ? 1 : mult === '万' ? 1e4 : mult === '亿' ? 1e8 : 1;
  value = roundTo(value * factor, decimals);
  precision = factor > 1 ? roundTo(precision * factor, 0) || 1 : precision;
  if (sign === '-') value = -value;
  const approx = Boolean(
    (prefix && prefix !== '共' && prefix !== '达') || afterMult || suffix,
  );
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
