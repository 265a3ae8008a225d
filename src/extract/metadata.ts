/**
 * Report metadata from a document's lines: issuing agency, its type, region and level, the
 * report year, the publication date and the scope (own work vs. a government's aggregate).
 *
 * Precedence (README "Metadata"):
 * - agency: a name line in the title block > a title that starts with the name before the year
 *   ("XX2017年政府信息公开年度报告") > the signature (a name line next to a date line: the
 *   issuing body) > a 填报单位/单位名称 line > a table caption ("(威海市中小企业局)",
 *   "秀英区政府服务中心信息公开情况统计…") > "现公布XX2020年…" > "由XX编制" (the drafting
 *   office, often the government's general office, not the issuer) > the file name.
 * - year: title > the first sentence > the 统计期限 sentence > a table caption "(2017年度)" >
 *   the file name.
 * - published: the signature date > a 发布日期/成文日期 label > 填报日期 > a lone date line;
 *   dates before the report year are ignored (they are not publication dates).
 *
 * Patterns accept full-width and half-width punctuation: every line is folded to half-width
 * first (character for character, so offsets stay valid).
 */
import {
  AGENCY_SUFFIXES,
  AGGREGATE_PHRASES,
  DATE_LABELS,
  FIGURE_CONTEXT,
  GOVERNMENT_ZONE_PATTERN,
  NAME_LENGTH,
  NOT_A_NAME_CHAR,
  NOT_A_NAME_START,
  NOT_A_NAME_WORD,
  UNIT_LABELS,
} from '../catalogue/agency.ts';
import type { AgencyType, Finding, ReportMeta, Scope } from '../types.ts';
import { isTrimSpace } from '../layout/lines.ts';
import { memoize } from '../memo.ts';
import { escapeRegExp } from './regexp.ts';
import { findPlaces, resolveRegion } from './region.ts';

export interface MetadataOptions {
  /** File name (path); its base name is the last resort for agency and year. */
  file?: string;
  /** 1-based lines that belong to tables: never read as title, signature or sentence. */
  tableLines?: Set<number>;
  /**
   * The same as a mask (1 at index n when line n is a table line, length at least
   * lines.length + 1; entries past it are ignored); when given, tableLines is not read. The loader
   * passes it: no Set of every table line per report.
   */
  tableMask?: Uint8Array;
}

export type MetaFinding = Omit<Finding, 'report_id'>;

export interface MetadataResult {
  meta: ReportMeta;
  findings: MetaFinding[];
}

/** Where a value was found: the value, its 1-based line, and the rule that produced it. */
interface Found<T> {
  value: T;
  line: number | undefined;
  source: string;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

const FULL_WIDTH = /[\u3000\uff01-\uff5e]/;

/** Full-width ASCII and the ideographic space → half-width, one character for one. */
export function fold(s: string): string {
  // Lines come normalized (already half-width): one native scan settles most of them.
  if (!FULL_WIDTH.test(s)) return s;
  // A scan with slices: far cheaper than a replace callback per full-width comma.
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3000 || (c >= 0xff01 && c <= 0xff5e)) {
      out += s.slice(last, i) + (c === 0x3000 ? ' ' : String.fromCharCode(c - 0xfee0));
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Converter placeholders that may sit on a name or date line. */
const INLINE_NOISE = /\[(?:image|bookmark):[^\]]*\]/gi;

/** line.trim(), without the call when neither end is a space (most lines). */
function trimmed(line: string): string {
  const n = line.length;
  return n > 0 && (isTrimSpace(line.charCodeAt(0)) || isTrimSpace(line.charCodeAt(n - 1))) ? line.trim() : line;
}

/**
 * Whether clean has to rewrite the line: a full-width character or a placeholder's bracket
 * (/[\u3000\uff01-\uff5e[]/). A scan: lines are short, and a regex call per line cost more.
 */
function needsCleaning(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0xff01 ? c <= 0xff5e : c === 0x5b || c === 0x3000) return true;
  }
  return false;
}

function clean(line: string): string {
  if (!needsCleaning(line)) return trimmed(line);
  const folded = fold(line);
  return (folded.includes('[') ? folded.replace(INLINE_NOISE, ' ') : folded).trim();
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "2017" or "二〇一七" → 2017; "12" or "十二" → 12. */
function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.includes('十')) {
    const [tens, ones] = s.split('十');
    return (tens ? CN_DIGIT[tens] : 1) * 10 + (ones ? CN_DIGIT[ones] : 0);
  }
  return Number([...s].map((c) => CN_DIGIT[c] ?? NaN).join(''));
}

const YEAR = String.raw`(\d{4}|[〇零○一二三四五六七八九]{4})`;
const MD = String.raw`(\d{1,2}|[一二三四五六七八九十]{1,3})`;
/** A year as the report's year ("2017年", "2017 年度"), not the year of a full date. */
const YEAR_OF_REPORT = new RegExp(String.raw`${YEAR}\s*年(?!\s*${MD}\s*月)`, 'u');
const DATE_CN = new RegExp(String.raw`${YEAR}\s*年\s*${MD}\s*月\s*${MD}\s*日`, 'u');
const DATE_ISO = /(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})/u;

function plausibleYear(y: number): boolean {
  return y >= 2007 && y <= 2099;
}

function yearIn(text: string): number | null {
  const m = YEAR_OF_REPORT.exec(text);
  if (!m) return null;
  const y = cnNumber(m[1]);
  return plausibleYear(y) ? y : null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDate(y: number, m: number, d: number): string | null {
  if (!plausibleYear(y) || !(m >= 1 && m <= 12 && d >= 1)) return null; // NaN too
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!)) return null; // 2月30日
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The first date in `text` as ISO yyyy-mm-dd. */
export function parseDate(text: string): string | null {
  const cn = DATE_CN.exec(text);
  if (cn) return isoDate(cnNumber(cn[1]), cnNumber(cn[2]), cnNumber(cn[3]));
  const iso = DATE_ISO.exec(text);
  return iso ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
}

/** Fifteen or more non-space characters. */
const MORE_THAN_14 = /^\s*(?:\S\s*){15}/;

/** A line that is only a date: "2018年1月12日", "2018 年 3 月 20 日", "二〇一八年一月十二日". */
function isDateLine(text: string): boolean {
  if (MORE_THAN_14.test(text)) return false; // most lines: too long to be a bare date
  const bare = text.replace(/\s+/g, '');
  return bare.length > 0 && bare.length <= 14 && (DATE_CN.exec(bare)?.[0] === bare || DATE_ISO.exec(bare)?.[0] === bare);
}

// ---------------------------------------------------------------------------------------------
// Agency names

/** Every catalogue suffix → its type (the first list naming it), and the suffix lengths, longest first. */
const SUFFIX_TYPE = new Map<string, AgencyType>();
for (const [type, suffixes] of Object.entries(AGENCY_SUFFIXES) as [AgencyType, readonly string[]][]) {
  for (const s of suffixes) if (!SUFFIX_TYPE.has(s)) SUFFIX_TYPE.set(s, type);
}
const SUFFIX_LENGTHS = [...new Set([...SUFFIX_TYPE.keys()].map((s) => s.length))].sort((a, b) => b - a);

/** Type of the longest catalogue suffix `name` ends with. */
function suffixType(name: string): AgencyType | undefined {
  for (const len of SUFFIX_LENGTHS) {
    if (len > name.length) continue;
    const type = SUFFIX_TYPE.get(name.slice(name.length - len));
    if (type) return type;
  }
  return undefined;
}

/**
 * Type of an agency by its name's ending (longest suffix across the catalogue lists). Agencies
 * report year after year: their names come back, so the answer is memoised.
 */
export const agencyType = memoize((name: string): AgencyType => {
  if (GOVERNMENT_ZONE_PATTERN.test(name)) return 'government';
  return suffixType(name) ?? 'other';
});

function hasAgencySuffix(name: string): boolean {
  return GOVERNMENT_ZONE_PATTERN.test(name) || suffixType(name) !== undefined;
}

/** Most non-space characters a name line may hold: the name, plus brackets and a (盖章) note. */
const NAME_TEXT_MAX = NAME_LENGTH.max + 6;

/** A converter placeholder ("[image:…]") may start here; folded, ［ is [ too. */
const PLACEHOLDER_BRACKET = /[[［]/;
/** More non-space characters than any name line (\s is the set trim() removes). */
const MORE_THAN_NAME_TEXT = new RegExp(`^\\s*(?:\\S\\s*){${NAME_TEXT_MAX + 1}}`);

/**
 * `text` as an agency name, or null: short, no sentence punctuation or digits, not a heading,
 * not a self-reference ("我局", "本中心", "区政府…"), ending like an organ's name. Spaces are
 * removed (PDF dumps space out characters) and a caption's brackets dropped.
 */
export function asAgencyName(text: string): string | null {
  // Most lines are sentences, headings or dates: a character no name holds, or too many
  // characters, settles them without the full test (text no longer than NAME_TEXT_MAX cannot
  // have too many). Only text without a placeholder: removing "[image:…]" can take both away.
  // (Folding keeps a NOT_A_NAME_CHAR one: ，→, ！→! …)
  if (
    !PLACEHOLDER_BRACKET.test(text) &&
    (NOT_A_NAME_CHAR.test(text) || (text.length > NAME_TEXT_MAX && MORE_THAN_NAME_TEXT.test(text)))
  ) return null;
  return shortAgencyName(text);
}

/** asAgencyName of a line short enough to be one; headings and signatures repeat across reports. */
const shortAgencyName = memoize((text: string): string | null => {
  const folded = fold(text);
  let name = (folded.includes('[') ? folded.replace(INLINE_NOISE, '') : folded).replace(/\s+/g, '');
  // Brackets and a (盖章) note below remove at most 6 characters: longer text is no name.
  if (name.length > NAME_TEXT_MAX || name.length < NAME_LENGTH.min) return null;
  const bracketed = /^[(\[【〔]([^()]+)[)\]】〕]$/u.exec(name);
  if (bracketed) name = bracketed[1];
  name = name.replace(/[(]?(盖章|公章|签章)[)]?$/u, '');
  if (name.length < NAME_LENGTH.min || name.length > NAME_LENGTH.max) return null;
  if (NOT_A_NAME_CHAR.test(name) || NOT_A_NAME_WORD.test(name)) return null;
  // 本/镇/全… open a self-reference ("本中心", "镇政府") or a place's name (本溪市, 镇江市, 全椒县).
  if (NOT_A_NAME_START.test(name) && findPlaces(name, true)[0]?.start !== 0) return null;
  if (/[()\[\]]/.test(name)) return null;
  return hasAgencySuffix(name) ? name : null;
});

interface Line {
  /** 1-based line number. */
  n: number;
  text: string;
}

/**
 * The lines' texts, one per line. A loop, not `map().join()`: an empty `map` result is an array
 * of another kind, which the optimized metadata reader deopts on.
 */
function joinedText(lines: readonly Line[]): string {
  let text = lines.length ? lines[0]!.text : '';
  for (let i = 1; i < lines.length; i++) text += '\n' + lines[i]!.text;
  return text;
}

/** Title block: the short lines at the top, before the first sentence-like line. */
function titleBlock(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    if (l.text.length > 60 || /[。;]/.test(l.text) || out.length >= 4) break;
    out.push(l);
  }
  return out;
}

const TITLE_PREFIX = new RegExp(String.raw`^(.+?)(?:关于)?\s*${YEAR}\s*年`, 'u');
/** A title without its year: "威海市文登区住房和城乡建设局政府信息公开工作年度报告". */
const TITLE_NO_YEAR = /^(.+?)(?:关于)?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/u;

/** "威海市中小企业局2017年政府信息公开年度报告" (or without 2017年) → 威海市中小企业局. */
function titleName(text: string): string | null {
  if (!/报告|年报/.test(text)) return null;
  // Crawled pages carry the title as a header field: "标题:XX2017年…".
  const title = text.replace(/^(?:标题|题目|名称)\s*:\s*/u, '');
  const m = TITLE_PREFIX.exec(title) ?? TITLE_NO_YEAR.exec(title);
  return m ? asAgencyName(m[1]) : null;
}

/**
 * A name line paired with a date line within three lines (either order): the signature; the
 * last such pair, so the lines are read from the end (signatures close a report).
 */
function signature(lines: Line[]): { agency?: Line & { name: string }; date?: Line } | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    const name = asAgencyName(l.text);
    if (!name) continue;
    // The next line first, then the previous one.
    const date = dateLineNear(l, lines[i + 1]) ?? dateLineNear(l, lines[i - 1]);
    if (date) return { agency: { n: l.n, text: l.text, name }, date };
  }
  // A name alone among the last lines of prose also signs the report.
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 5); i--) {
    const l = lines[i]!;
    const name = asAgencyName(l.text);
    if (name) return { agency: { n: l.n, text: l.text, name } };
  }
  return null;
}

/** `other` when it is a date line within three lines of `l`. */
function dateLineNear(l: Line, other: Line | undefined): Line | undefined {
  return other && Math.abs(other.n - l.n) <= 3 && isDateLine(other.text) ? other : undefined;
}

/** The first of the first `limit` lines `pick` reads a value from. */
function firstMatch<T>(lines: Line[], pick: (l: Line) => T | null, source: string, limit = lines.length): Found<T> | null {
  for (let i = 0; i < Math.min(limit, lines.length); i++) {
    const value = pick(lines[i]!);
    if (value !== null) return { value, line: lines[i]!.n, source };
  }
  return null;
}

const UNIT_LINE = new RegExp(String.raw`(?:${UNIT_LABELS.join('|')})\s*:\s*(\S+)`, 'u');
const CAPTION_PREFIX = /^(.+?)(?:政府)?信息公开.*(?:统计|情况)/u;
const ANNOUNCE = new RegExp(String.raw`(?:现公布|现发布|现将)(.{2,40}?)${YEAR}\s*年`, 'u');
const COMPILED_BY = /由(.{2,40}?)(?:负责|组织|牵头)?(?:编制|编写|起草)/u;

// Readers of one line for findAgency (module-level: no closures made per report).
const nameLine = (l: Line) => asAgencyName(l.text);
const titlePrefix = (l: Line) => titleName(l.text);
/** In a page flattened onto one line, the title's agency: the word before "2017 年政府信息公开…", after any page chrome. */
const FLATTENED_TITLE = /(\S{2,40})\s*20\d\d\s*年度?\s*(?:政府)?信息公开/u;
const flattenedTitle = (l: Line) => {
  if (l.text.length <= 60) return null;
  const first = titleName(l.text.split(/\s+/)[0] ?? '');
  if (first) return first;
  const m = FLATTENED_TITLE.exec(l.text.slice(0, 400));
  return m ? asAgencyName(m[1]) : null;
};
const unitLabel = (l: Line) => {
  const m = UNIT_LINE.exec(l.text);
  return m ? asAgencyName(m[1]) : null;
};
const caption = (l: Line) => {
  if (/^[(\[【]/.test(l.text)) return asAgencyName(l.text);
  const m = CAPTION_PREFIX.exec(l.text.replace(/\s+/g, ''));
  return m && l.text.length <= 60 ? asAgencyName(m[1]) : null;
};
const announcement = (l: Line) => {
  const m = ANNOUNCE.exec(l.text);
  return m ? asAgencyName(m[1]) : null;
};
const compiledBy = (l: Line) => {
  const m = COMPILED_BY.exec(l.text);
  return m ? asAgencyName(m[1]) : null;
};

function findAgency(prose: Line[], title: Line[], sig: ReturnType<typeof signature>, file?: string): Found<string> | null {
  const opening = 5;
  return (
    firstMatch(title, nameLine, 'title') ??
    firstMatch(title, titlePrefix, 'title_prefix') ??
    // A page flattened onto one line starts with its title: "XX局2019年…年度报告 根据《条例》…".
    firstMatch(prose, flattenedTitle, 'title_prefix', 1) ??
    (sig?.agency ? { value: sig.agency.name, line: sig.agency.n, source: 'signature' } : null) ??
    firstMatch(prose, unitLabel, 'unit_label') ??
    firstMatch(prose, caption, 'caption') ??
    firstMatch(prose, announcement, 'announcement', opening) ??
    firstMatch(prose, compiledBy, 'compiled_by', opening) ??
    (file ? fileAgency(file) : null)
  );
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

function fileAgency(file: string): Found<string> | null {
  const base = fold(baseName(file));
  const value = titleName(base) ?? asAgencyName(base);
  return value ? { value, line: undefined, source: 'file' } : null;
}

// ---------------------------------------------------------------------------------------------
// Year, date, scope

const PERIOD = new RegExp(String.raw`统计(?:期限|时限|区间|时间).{0,8}?${YEAR}\s*年\s*(?:1|一)\s*月\s*(?:1|一)\s*日`, 'u');
const CAPTION_YEAR = new RegExp(String.raw`[(\[]\s*${YEAR}\s*年度?\s*[)\]]|${YEAR}\s*年度?.{0,20}统计表`, 'u');

const isReportTitle = (l: Line) => /报告|年报/.test(l.text);
const lineYear = (l: Line) => yearIn(l.text);
const periodYear = (l: Line) => {
  const m = PERIOD.exec(l.text);
  const y = m ? cnNumber(m[1]) : NaN;
  return plausibleYear(y) ? y : null;
};
const captionYear = (l: Line) => {
  const m = CAPTION_YEAR.exec(l.text);
  const y = m ? cnNumber(m[1] ?? m[2]) : NaN;
  return plausibleYear(y) ? y : null;
};

const SENTENCE_END = /[。;!?]/;

function findYear(prose: Line[], title: Line[], file?: string): Found<number> | null {
  const titled = title.filter(isReportTitle);
  const fromTitle = firstMatch(titled, lineYear, 'title');
  if (fromTitle) return fromTitle;
  const first = prose.find((l) => !title.includes(l));
  if (first) {
    const end = first.text.search(SENTENCE_END);
    const sentence = end < 0 ? first.text : first.text.slice(0, end);
    const y = yearIn(sentence);
    if (y !== null) return { value: y, line: first.n, source: 'first_sentence' };
  }
  const period = firstMatch(prose, periodYear, 'period', 15);
  if (period) return period;
  const fromCaption = firstMatch(prose, captionYear, 'caption');
  if (fromCaption) return fromCaption;
  if (file) {
    const y = yearIn(fold(baseName(file)));
    if (y !== null) return { value: y, line: undefined, source: 'file' };
  }
  return null;
}

const LABELLED = new Map<readonly string[], RegExp>();

function labelled(lines: Line[], labels: readonly string[], source: string): Found<string> | null {
  let re = LABELLED.get(labels);
  if (!re) LABELLED.set(labels, (re = new RegExp(String.raw`(?:${labels.join('|')})\s*:?\s*(.+)$`, 'u')));
  let found: Found<string> | null = null;
  for (const l of lines) {
    const m = re.exec(l.text);
    const date = m ? parseDate(m[1]) : null;
    if (date) found = { value: date, line: l.n, source };
  }
  return found;
}

/** A date found, unless it lies before the report year (then it is no publication date). */
function acceptable(f: Found<string> | null, year: number | null): Found<string> | null {
  return f && (year === null || Number(f.value.slice(0, 4)) >= year) ? f : null;
}

/** The last line that is only a date. */
function loneDateLine(prose: Line[]): Found<string> | null {
  const lone = prose.findLast((l) => isDateLine(l.text));
  const loneDate = lone ? parseDate(lone.text) : null;
  return lone && loneDate ? { value: loneDate, line: lone.n, source: 'date_line' } : null;
}

function findPublished(prose: Line[], sig: ReturnType<typeof signature>, year: number | null): Found<string> | null {
  const sigDate = sig?.date ? parseDate(sig.date.text) : null;
  return (
    acceptable(sigDate && sig?.date ? { value: sigDate, line: sig.date.n, source: 'signature' } : null, year) ??
    acceptable(labelled(prose, DATE_LABELS.issued, 'issued_label'), year) ??
    acceptable(labelled(prose, DATE_LABELS.filled, 'filled_label'), year) ??
    acceptable(loneDateLine(prose), year)
  );
}

/**
 * Scope: departments (and other bodies) report their own work. A government's report is an
 * aggregate when a figure sentence about requests or proactive disclosure speaks for the whole
 * area or its units ("全区各有关单位共受理…244件"); without such evidence it is unknown.
 */
export function scopeOf(type: AgencyType | null, prose: string[]): Scope {
  if (type === null) return 'unknown';
  if (type !== 'government') return 'self';
  return prose.some(speaksForTheArea) ? 'aggregate' : 'unknown';
}

/** Any aggregate phrase, as one pattern: one scan of a line instead of one per phrase. */
const AGGREGATE = new RegExp(AGGREGATE_PHRASES.map(escapeRegExp).join('|'));
const DIGIT = /\d/;

/** A figure sentence about requests or proactive disclosure that speaks for the whole area. */
function speaksForTheArea(text: string): boolean {
  return AGGREGATE.test(text) && FIGURE_CONTEXT.test(text) && DIGIT.test(text);
}

/** scopeOf over the prose lines themselves (no copy of their texts). */
function scopeOfLines(type: AgencyType | null, prose: Line[]): Scope {
  if (type !== 'government') return scopeOf(type, []);
  for (const l of prose) if (speaksForTheArea(l.text)) return 'aggregate';
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------

/**
 * The first line from `from` on outside tables: a native search for the next 0 of the mask skips
 * a table's lines at once (lines outside tables mostly follow one another: no search for those).
 * Lines past the mask are outside.
 */
function nextOutside(inTable: Uint8Array, from: number): number {
  if (from >= inTable.length || inTable[from] === 0) return from;
  const n = inTable.indexOf(0, from);
  return n >= 0 ? n : Math.max(from, inTable.length);
}

/** Metadata of one report from its normalized lines (index i = line i + 1). Never throws. */
export function extractMetadata(lines: string[], opts: MetadataOptions = {}): MetadataResult {
  // Most lines of a report are table lines: a mask is much cheaper than a Set lookup per line.
  const inTable = opts.tableMask ?? new Uint8Array(lines.length + 1);
  if (!opts.tableMask && opts.tableLines) for (const n of opts.tableLines) if (n >= 1 && n <= lines.length) inTable[n] = 1;
  const prose: Line[] = [];
  for (let n = nextOutside(inTable, 1); n <= lines.length; n = nextOutside(inTable, n + 1)) {
    const text = clean(lines[n - 1]!);
    if (text) prose.push({ n, text });
  }
  const title = titleBlock(prose);
  const sig = signature(prose);

  const agency = findAgency(prose, title, sig, opts.file);
  const year = findYear(prose, title, opts.file);
  const published = findPublished(prose, sig, year?.value ?? null);
  const type = agency ? agencyType(agency.value) : null;
  const region = resolveRegion(agency?.value ?? null, {
    title: joinedText(title),
    text: () => joinedText(prose),
  });

  const findings: MetaFinding[] = [];
  if (!agency) {
    findings.push({
      severity: 'warning',
      code: 'unknown_agency',
      message: 'No agency name found (title, signature, 填报单位, caption or file name); the report names itself only as 我局/我中心 or not at all.',
      metric: null,
      line: null,
    });
  }
  if (!year) {
    findings.push({
      severity: 'error',
      code: 'unknown_year',
      message: 'No report year found in the title, first sentence, 统计期限, table caption or file name.',
      metric: null,
      line: null,
    });
  }

  const meta: ReportMeta = {
    agency: agency?.value ?? null,
    agency_type: type,
    province: region.province,
    city: region.city,
    county: region.county,
    admin_code: region.admin_code,
    level: region.level,
    year: year?.value ?? null,
    scope: scopeOfLines(type, prose),
    published: published?.value ?? null,
    evidence: {},
  };
  // Only the lines known, in this order.
  if (agency?.line !== undefined) meta.evidence.agency = agency.line;
  if (year?.line !== undefined) meta.evidence.year = year.line;
  if (published?.line !== undefined) meta.evidence.published = published.line;
  return { meta, findings };
}
