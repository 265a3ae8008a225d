/**
 * The words of the number grammar, as data: what reports write before a figure, after its
 * digits and after its unit ("约300条", "3.7万多", "16671万元", "1000条左右"). parseNumber
 * (src/extract/numbers.ts) and the narrative figures (src/extract/narrative.ts) build their
 * regexes from these lists; the flattened-table reader (src/layout/glued.ts) uses them to tell
 * a figure inside a phrase from a cell value.
 *
 * Order matters: the regexes try the words in list order, so a word comes before any shorter
 * word it begins with (超过 before 超, 万元 before 元, 人次 before 人).
 */

import { UNITS } from './units.ts';

/**
 * Units the grammar reads that the 2008 unit column (UNITS, ./units.ts) does not list: 亿元 as a
 * unit of its own, and counters prose and other tables use.
 */
export const FIGURE_ONLY_UNITS: readonly string[] = ['亿元', '批次', '户', '册', '页', '套', '台'];

/**
 * Units written after a figure in tables and prose: every unit of the 2008 unit column and the
 * grammar's own, longest first so that no unit shadows a longer one it begins with (人次 before
 * 人, 万元 before 元). 万元 and 亿元 are units of their own; a bare 万 or 亿 is a magnitude (a
 * multiplier), not a unit.
 */
export const FIGURE_UNITS: readonly string[] = [...new Set([...UNITS, ...FIGURE_ONLY_UNITS])].sort(
  (a, b) => b.length - a.length,
);

/** Multipliers written after the digits, with their factors: 3.7万 is 37000. */
export const MAGNITUDE_FACTORS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };
/** The magnitudes, in the order the grammar tries them. */
export const MAGNITUDES: readonly string[] = Object.keys(MAGNITUDE_FACTORS);
/**
 * The unit a magnitude joins instead of multiplying: "16671万元" is 16671 in the unit 万元, not
 * 166710000 元.
 */
export const MONEY_UNIT = '元';

/** "More than", after the digits or the magnitude (1000多条, 5万余) or after the unit (300条多): approximate. */
export const MORE_THAN: readonly string[] = ['多', '余'];

/** Words before a figure that make it approximate: 约 about, 近 nearly, 超过 / 超 / 逾 over. */
export const APPROX_PREFIXES: readonly string[] = ['约', '近', '超过', '超', '逾'];

/** Words before a figure that introduce a total: 共 in all, 达 amounting to. The figure stays exact. */
export const TOTAL_PREFIXES: readonly string[] = ['共', '达'];

/** Words after a figure (and its unit) that make it approximate, besides MORE_THAN: 左右 about, 以上 or more. */
export const APPROX_ENDINGS: readonly string[] = ['左右', '以上'];

/**
 * Regex sources of words right before digits that bind them into a phrase, besides the figure
 * prefixes: an ordinal ("第2项"), a count ("计1条" — but 总计 / 合计 are labels a value cell
 * follows), a range ("1至3").
 */
const PHRASE_BEFORE_DIGITS: readonly string[] = ['第', '(?<![总合])计', '至'];

/**
 * Regex sources of words right before digits that bind them into a phrase, so the digits are no
 * table cell of their own: PHRASE_BEFORE_DIGITS and every figure prefix ("约3件", "超过3件").
 */
export const BOUND_BEFORE_DIGITS: readonly string[] = [...PHRASE_BEFORE_DIGITS, ...APPROX_PREFIXES, ...TOTAL_PREFIXES];

/**
 * Characters right after digits that bind them into a phrase, so the digits are no table cell of
 * their own (besides the units, magnitudes and MORE_THAN above): dates and times ("2018年"),
 * counters and measures the grammar does not read ("3名", "5倍", "20亩", "100平方米"), percent.
 */
export const BOUND_AFTER_DIGITS = {
  dates: ['年', '月', '日', '号', '时'],
  counters: ['届', '名', '位', '天', '倍', '岁'],
  measures: ['里', '米', '克', '吨', '亩', '平'],
  percent: ['%', '％'],
} as const satisfies Record<string, readonly string[]>;
