/**
 * Page chrome that crawls and mirror copies wrap around a report, as data: navigation
 * (breadcrumbs), share bars, font-size switches, page counters and site footers. The read stage
 * (src/read/chrome.ts) blanks every match with spaces — never deletes — so line numbers and
 * offsets stay those of the raw file, and chrome glued onto the same line as the report body
 * goes while the body stays. Patterns run on normalized lines (half-width colons and brackets).
 *
 * Crawler headers (标题:, 发布时间:, 原文链接:, 来源:) are NOT chrome: the metadata stage reads
 * the title and date from them. Phone numbers and e-mail addresses in a footer are blanked only
 * together with their footer label.
 */

export interface ChromePattern {
  name: string;
  /** Global regex; every match is blanked. */
  pattern: RegExp;
  /** Blank from the match to the end of the line (footers: nothing report-like follows them). */
  toLineEnd?: boolean;
  /**
   * Words every match contains one of: the pattern runs only on lines that hold one (most such
   * lines merely mention 单位 or 政务微博 in prose). A line without any pattern's keyword holds
   * no chrome. A row of buttons is the exception (`buttons`).
   */
  keywords: readonly string[];
  /**
   * A row of buttons with white space between them (the share bar): its other buttons (打印,
   * 关闭 …) are ordinary words, so it runs on any line that holds some pattern's keyword and such
   * a gap, not only on lines with its own keywords.
   */
  buttons?: boolean;
  example: string;
}

/**
 * One character of each keyword, the rarest in report prose (位 of 单位 and 位置, 微 of 微信 …):
 * the read stage looks for these while folding a line, and only a line with one of them can hold
 * chrome.
 */
export const CHROME_KEY_CHARACTERS = '位微Q字次访浏击阅版y©码I备技护们地声帮';

/** Buttons of a share bar; only a run of three or more of them, separated by spaces, is chrome. */
const SHARE_WORDS = [
  'QQ空间', 'QQ好友', '新浪微博', '腾讯微博', '微信', '微博', 'QQ', '全真版', '文字版', '无障碍', '长者模式', '文件下载',
  '分享到:?', '打印本页', '打印', '关闭窗口', '关闭', '收藏本页', '收藏', '返回顶部', '我要纠错', '纠错', '扫一扫',
  '[\\[(]?(?:打印|关闭|收藏)[\\])]?',
].join('|');

export const CHROME_PATTERNS: readonly ChromePattern[] = [
  {
    name: 'breadcrumb',
    // "当前位置:首页 > 政务公开 > 年度报告": the crumbs are words joined by > » › / -> .
    pattern: /(?:当前位置|您(?:现在)?的位置|您所在的位置|所在位置)\s*[:：]?\s*首页(?:\s*(?:>|»|›|->|\/)\s*[^\s>»›\/]{1,20})*/gu,
    keywords: ['位置'],
    example: '当前位置:首页 > 政务公开 > 政府信息公开年度报告',
  },
  {
    name: 'share_bar',
    pattern: new RegExp(`(?<=^|\\s)(?:(?:${SHARE_WORDS})(?:\\s+|$)){3,}`, 'gu'),
    keywords: ['微信', '微博', 'QQ'],
    buttons: true,
    example: '微信 微博 QQ空间 全真版 文字版 文件下载',
  },
  {
    name: 'font_size',
    pattern: /\[?\s*(?:字体|字号)\s*:?\s*(?:\[?大\]?\s*\[?中\]?\s*\[?小\]?)\s*\]?/gu,
    keywords: ['字体', '字号'],
    example: '[字体:大 中 小]',
  },
  {
    name: 'page_counter',
    // Visit counts are distractors for narrative figures, not report content.
    pattern: /(?:浏览次数|访问次数|访问量|浏览量|点击数|点击量|阅读次数|阅读量)\s*:\s*\d+/gu,
    keywords: ['次数', '访问', '浏览', '点击', '阅读'],
    example: '浏览次数:1234',
  },
  {
    name: 'footer',
    pattern: /(?:版权所有|Copyright|©|网站标识码|[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川黔滇陕甘青蒙桂藏宁新]ICP备|公网安备)/gu,
    toLineEnd: true,
    keywords: ['版权', 'Copyright', '©', '标识码', 'ICP', '公网安备'],
    example: '版权所有:威海市人民政府办公室 网站标识码:3710000001 鲁ICP备05045351号',
  },
  {
    name: 'footer_field',
    // Footer fields: the label, its colon and its value (up to the next space).
    pattern: /(?:主办单位|承办单位|协办单位|技术支持|运维单位|网站维护)\s*:\s*\S*/gu,
    keywords: ['单位', '技术支持', '网站维护'],
    example: '主办单位:威海市人民政府办公室',
  },
  {
    name: 'footer_link',
    // Footer links stand alone between spaces.
    pattern: /(?<=^|\s)(?:联系我们|网站地图|网站声明|隐私声明|使用帮助)(?=\s|$)/gu,
    keywords: ['联系我们', '网站地图', '声明', '帮助'],
    example: '联系我们 网站地图',
  },
];
