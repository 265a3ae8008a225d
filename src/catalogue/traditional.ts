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
 * length, applied after character conversion, in this order: "政府資訊公開" → 政府资讯公开 →
 * 政府信息公开. Taiwan-style copies (OpenCC s2twp and the like) also rewrite mainland words:
 * 規範性檔案 for 规范性文件, 釋出 for 发布, 設定 for 设置, 線上 for 在线. Only documents told Traditional are
 * converted, where these words are that rewriting, not the mainland words they also are.
 */
export const TERM_VARIANTS: ReadonlyArray<readonly [string, string]> = [
  ['资讯', '信息'],
  ['网路', '网络'],
  ['规范性档案', '规范性文件'],
  ['政策档案', '政策文件'],
  ['入口网站', '门户网站'],
  ['释出', '发布'],
  ['设定', '设置'],
  ['专案', '项目'],
  ['物件', '对象'],
  ['程式', '程序'],
  ['线上', '在线'],
];
