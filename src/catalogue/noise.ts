/**
 * Noise that document converters leave in report text, as data. The read stage blanks the
 * matched characters with spaces (never deletes them), so line numbers and character offsets
 * stay those of the raw file. Patterns run on normalized lines (half-width brackets and colons).
 *
 * Only the listed noise is removed: stray URLs, phone numbers and the like stay, because they
 * may name the agency.
 */

/** Inline markers removed wherever they occur in a line. */
export interface InlineNoise {
  name: string;
  /** Global regex; every match is blanked. */
  pattern: RegExp;
  example: string;
}

export const INLINE_NOISE: readonly InlineNoise[] = [
  // Word → text converters write picture placeholders with the alt text: `[image: 首页截图]`.
  { name: 'image', pattern: /\[image:[^\]\r\n]*\]/gi, example: '[image: 中国瓯海门户网站首页]' },
  // Hidden Word bookmarks: `[bookmark: _GoBack]` glued to the start of a paragraph.
  { name: 'bookmark', pattern: /\[bookmark:[^\]\r\n]*\]/gi, example: '[bookmark: _GoBack]' },
];

/** The words of a chart series header (matched ignoring case). */
const SERIES_WORDS = ['系列', 'series'];

/**
 * Chart residue: an embedded chart's data sheet dumped as text. It starts with a series header
 * line (`系列 1`, often followed by a tab) and continues with tab-separated rows of category
 * labels and/or values, e.g. (001 lines 312–313, 003 lines 451–454):
 *
 *     系列 1\t
 *     当面申请数\t信函申请数\t网络申请数\t传真申请数\t138\t95\t11\t0\t
 *
 * A residue row has at least one tab and at least one non-empty field; its non-empty fields are
 * zero or more labels followed by zero or more numbers (a label after a number ends the block).
 * The block ends at the first line that is not a residue row or another series header
 * (including a blank line), or after `maxRows` rows — a guard against eating a real table.
 */
export const CHART_RESIDUE = {
  /** A line that can be a series header contains one of these words (the read stage gates on their first characters). */
  hintWords: SERIES_WORDS,
  /** Cheap pre-check: the same words as a regex. */
  hint: new RegExp(SERIES_WORDS.join('|'), 'i'),
  /** The whole line (trimmed of spaces/tabs) is a series header. */
  header: new RegExp(`^[ \\t]*(?:${SERIES_WORDS.join('|')})[ \\t]*\\d{1,2}[ \\t]*$`, 'i'),
  /** A numeric field of a residue row. */
  number: /^[+-]?\d+(?:\.\d+)?%?$/,
  /** A label field of a residue row (chart categories are short). */
  label: /^[^\t]{1,40}$/,
  maxRows: 20,
} as const;
