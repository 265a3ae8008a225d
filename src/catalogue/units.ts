/** Units written in the 单位 column of 2008-era tables, and placeholders that mean "no unit". */
export const UNITS = ['条', '件', '次', '篇', '个', '人', '人次', '期', '份', '万元', '元', '项', '家', '场', '起', '宗'];
export const NO_UNIT = ['', '—', '——', '-', '/'];

/** Header cells of a 2008-era table; a second value column holds cumulative figures. */
export const VALUE_COLUMN_HEADERS = {
  label: ['^统计指标', '^指标名称', '^项目$', '^指标$'],
  unit: ['^单位$', '^计量单位$'],
  /** The year's own column: preferred. */
  year: ['^统计数', '^本年度?', '^本期', '^数量$', '^数值$', '^\\d{4}年'],
  /** Cumulative columns: never taken as the year's figure. */
  cumulative: ['累计', '历年'],
} as const;
