/**
 * Template stage: decide 2008 / 2019 / 2021 / narrative from the tables' own labels, not from the
 * year (the year is only a cross-check, done by the validator).
 */
import { TEMPLATE_MARKERS } from '../catalogue/metrics2019.ts';
import type { Block, TableBlock, Template } from '../types.ts';
import { isTrimSpace } from '../layout/lines.ts';

export interface TemplateDecision {
  template: Template;
  /** The statistics tables (blocks whose labels carry a template's markers). */
  tables: TableBlock[];
  /** Which markers decided it, for the README/debugging. */
  evidence: string[];
}

type Era = keyof typeof TEMPLATE_MARKERS;
const ERAS: readonly Era[] = ['2021', '2019', '2008'];
/** Every marker once, with its era; a table's markers are a bit set over this list. */
const MARKERS: ReadonlyArray<{ era: Era; marker: string }> = ERAS.flatMap((era) =>
  (TEMPLATE_MARKERS[era] as readonly string[]).map((marker) => ({ era, marker })),
);
// Bit sets are 32-bit: a catalogue with more markers needs another representation here.
if (MARKERS.length > 31) throw new Error(`detect.ts: ${MARKERS.length} template markers do not fit a 31-bit set`);
/** Markers are phrases of several characters: shorter cells (figures, units) cannot hold one. */
const SHORTEST_MARKER = Math.min(...MARKERS.map((m) => m.marker.length));

/**
 * One look-up per character of a cell: which markers start with it (a group in MARKER_GROUPS,
 * stored + 1), or WHITESPACE. A cell is then searched only where a marker can start, without a
 * cache keyed by the cell's text (hashing every label cost more than this scan).
 */
const WHITESPACE = 0xff;
const FIRST_CHAR = new Uint8Array(0x10000);
const MARKER_GROUPS: number[][] = [];
/**
 * Each marker's second character, compared before the marker itself: the first characters (本,
 * 申, 行 …) start many labels, the first two far fewer.
 */
const SECOND_CHAR = Uint16Array.from(MARKERS, (m) => {
  if (m.marker.length < 2) throw new Error(`detect.ts: template marker "${m.marker}" is shorter than the two characters the scan compares`);
  return m.marker.charCodeAt(1);
});
for (let k = 0; k < MARKERS.length; k++) {
  const c = MARKERS[k]!.marker.charCodeAt(0);
  if (!FIRST_CHAR[c]) FIRST_CHAR[c] = MARKER_GROUPS.push([]);
  MARKER_GROUPS[FIRST_CHAR[c]! - 1]!.push(k);
}
// What the marker search ignores inside a cell: the characters a regex \s matches.
for (let c = 0; c < 0x10000; c++) if (isTrimSpace(c)) FIRST_CHAR[c] = WHITESPACE;
if (MARKER_GROUPS.length >= WHITESPACE) throw new Error('detect.ts: too many marker first characters');

/**
 * Markers a cell holds (whitespace ignored), as bits over MARKERS. A marker never spans two
 * cells (the tables' text was matched with cells joined by "|").
 */
function cellMarkers(text: string): number {
  if (text.length < SHORTEST_MARKER) return 0;
  let bits = 0;
  for (let p = 0; p < text.length; p++) {
    const g = FIRST_CHAR[text.charCodeAt(p)]!;
    if (g === 0) continue;
    // Whitespace inside (rare): search the text without it, a marker may be broken by spaces.
    if (g === WHITESPACE) return cellMarkers(text.replace(/\s+/g, ''));
    const second = text.charCodeAt(p + 1);
    for (const k of MARKER_GROUPS[g - 1]!) if (second === SECOND_CHAR[k] && text.startsWith(MARKERS[k]!.marker, p)) bits |= 1 << k;
  }
  return bits;
}

/**
 * The markers of one era the tables hold, table by table, each table's in catalogue order (a
 * marker repeats for each table holding it).
 */
function evidenceOf(tableBits: readonly number[], era: Era): string[] {
  const out: string[] = [];
  for (const bits of tableBits) {
    for (let k = 0; k < MARKERS.length; k++) if (bits & (1 << k) && MARKERS[k]!.era === era) out.push(MARKERS[k]!.marker);
  }
  return out;
}

function tableMarkers(t: TableBlock): number {
  let bits = 0;
  for (const row of t.rows) for (const cell of row.cells) bits |= cellMarkers(cell.text);
  return bits;
}

export function detectTemplate(blocks: Block[]): TemplateDecision {
  const stats: TableBlock[] = [];
  // The marker bits of each statistics table; the evidence is listed only for the era chosen.
  const tableBits: number[] = [];
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const bits = tableMarkers(b);
    if (bits) {
      stats.push(b);
      tableBits.push(bits);
    }
  }
  const e21 = evidenceOf(tableBits, '2021');
  const e19 = evidenceOf(tableBits, '2019');
  // The 2021 markers are columns and rows the 2019 form lacks; both share the request matrix.
  if (e21.length && (e19.length || e21.length >= 2)) return { template: '2021', tables: stats, evidence: e21 };
  if (e19.length) return { template: '2019', tables: stats, evidence: e19 };
  const e08 = evidenceOf(tableBits, '2008');
  if (e08.length >= 2) return { template: '2008', tables: stats, evidence: e08 };
  return { template: 'narrative', tables: [], evidence: [] };
}

/** Figures a flattened statistics table holds at least: a prose paragraph naming its rows has a few. */
const FLATTENED_FIGURES = 20;

/**
 * Whether a prose line reads like a whole statistics table flattened into it (a page saved as
 * one line): three or more markers of one era and at least FLATTENED_FIGURES figures. Its table
 * is not read; the caller says so instead of losing it silently.
 */
export function isFlattenedTable(text: string): boolean {
  if (text.length < 200) return false;
  const bits = cellMarkers(text);
  if (!bits) return false;
  let best = 0;
  for (const era of ERAS) best = Math.max(best, evidenceOf([bits], era).length);
  if (best < 3) return false;
  let figures = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    if (c >= 0x30 && c <= 0x39 && !(prev >= 0x30 && prev <= 0x39) && ++figures >= FLATTENED_FIGURES) return true;
  }
  return false;
}

