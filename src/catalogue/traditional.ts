/**
 * Traditional-character copies of reports (mirror sites, Hong Kong/Taiwan aggregators), as
 * data. The read stage converts such a document to Simplified for matching only (the raw text
 * stays for provenance), character by character with OpenCC — phrase-level conversion is not
 * used because it rewrites domain words (統計指標 → 统计指针).
 */

/**
 * Characters OpenCC changes although they are also correct Simplified (显著 → 显着): their
 * change alone does not make a document Traditional.
 */
export const SHARED_CHARACTERS = ['著', '乾', '於', '瞭', '麽', '藉', '鍾', '甦', '夥', '閒', '谿', '嚐', '祇'];

/** Distinct converted characters (outside SHARED_CHARACTERS) that make a document Traditional. */
export const MIN_TRADITIONAL_CHARACTERS = 2;

/**
 * Words of Traditional-script disclosure reports that differ from the mainland term, same
 * length, applied after character conversion: "政府資訊公開" → 政府资讯公开 → 政府信息公开.
 */
export const TERM_VARIANTS: ReadonlyArray<readonly [string, string]> = [
  ['资讯公开', '信息公开'],
  ['政府资讯', '政府信息'],
  ['公开资讯', '公开信息'],
  ['资讯数', '信息数'],
  ['网路申请', '网络申请'],
];
