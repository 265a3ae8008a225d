/**
 * Template stage: decide 2008 / 2019 / 2021 / narrative from the tables' own labels, not from the
 * year (the year is only a cross-check, done by the validator).
 */
import { TEMPLATE_MARKERS } from '../catalogue/metrics2019.ts';
import type { Block, TableBlock, Template } from '../types.ts';

export interface TemplateDecision {
  template: Template;
  /** The statistics tables (blocks whose labels carry a template's markers). */
  tables: TableBlock[];
  /** Which markers decided it, for the README/debugging. */
  evidence: string[];
}

function tableText(t: TableBlock): string {
  return t.rows.map((r) => r.cells.map((c) => c.text.replace(/\s+/g, '')).join('|')).join('\n');
}

function markersIn(text: string, era: keyof typeof TEMPLATE_MARKERS): string[] {
  const markers: readonly string[] = TEMPLATE_MARKERS[era];
  return markers.filter((m) => text.includes(m));
}

export function detectTemplate(blocks: Block[]): TemplateDecision {
  const tables = blocks.filter((b): b is TableBlock => b.kind === 'table');
  const stats: TableBlock[] = [];
  const found = { '2021': [] as string[], '2019': [] as string[], '2008': [] as string[] };
  for (const t of tables) {
    const text = tableText(t);
    const m21 = markersIn(text, '2021');
    const m19 = markersIn(text, '2019');
    const m08 = markersIn(text, '2008');
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
