/**
 * Template stage: decide 2008 / 2019 / 2021 / narrative from the tables' own labels, not from the
 * year (the year is only a cross-check, done by the validator).
 */
import { TEMPLATE_MARKERS } from '../catalogue/metrics2019.ts';
import type { Block, TableBlock, Template } from '../types.ts';
import { memoize } from '../memo.ts';

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

/** True when the text holds a character at or above U+3400 (every marker is CJK; figures are not). */
function hasWideChar(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) >= 0x3400) return true;
  return false;
}

/** Every catalogue marker holds a CJK character: a cell without one (a figure) cannot hold a marker. */
const MARKERS_ARE_WIDE = MARKERS.every((m) => hasWideChar(m.marker));

/**
 * Markers a cell holds (whitespace ignored), as bits over MARKERS. A marker never spans two
 * cells (the tables' text was matched with cells joined by "|"). Label cells repeat across
 * reports, so the answer is memoised per cell text (bounded).
 */
function cellMarkers(text: string): number {
  if (text.length < SHORTEST_MARKER || (MARKERS_ARE_WIDE && !hasWideChar(text))) return 0;
  return markerBits(text);
}

const markerBits = memoize((text: string): number => {
  const bare = /\s/.test(text) ? text.replace(/\s+/g, '') : text;
  let bits = 0;
  for (let k = 0; k < MARKERS.length; k++) if (bare.includes(MARKERS[k]!.marker)) bits |= 1 << k;
  return bits;
});

/** The markers of one era a table holds, in catalogue order. */
function markersIn(bits: number, era: Era): string[] {
  const out: string[] = [];
  for (let k = 0; k < MARKERS.length; k++) if (bits & (1 << k) && MARKERS[k]!.era === era) out.push(MARKERS[k]!.marker);
  return out;
}

function tableMarkers(t: TableBlock): number {
  let bits = 0;
  for (const row of t.rows) for (const cell of row.cells) bits |= cellMarkers(cell.text);
  return bits;
}

export function detectTemplate(blocks: Block[]): TemplateDecision {
  const tables = blocks.filter((b): b is TableBlock => b.kind === 'table');
  const stats: TableBlock[] = [];
  const found = { '2021': [] as string[], '2019': [] as string[], '2008': [] as string[] };
  for (const t of tables) {
    const bits = tableMarkers(t);
    const m21 = bits ? markersIn(bits, '2021') : [];
    const m19 = bits ? markersIn(bits, '2019') : [];
    const m08 = bits ? markersIn(bits, '2008') : [];
    if (m21.length || m19.length || m08.length) stats.push(t);
    found['2021'].push(...m21);
    found['2019'].push(...m19);
    found['2008'].push(...m08);
  }
  // The 2021 markers are columns and rows the 2019 form lacks; both share the request matrix.
  if (found['2021'].length && (found['2019'].length || found['2021'].length >= 2))
    return { template: '2021', tables: stats, evidence: found['2021'] };
  if (found['2019'].length) return { template: '2019', tables: stats, evidence: found['2019'] };
  if (found['2008'].length >= 2) return { template: '2008', tables: stats, evidence: found['2008'] };
  return { template: 'narrative', tables: [], evidence: [] };
}
