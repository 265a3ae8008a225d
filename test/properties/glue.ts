/**
 * Flatten a document's tables the way a crawler does (issue 6): every table row on one line,
 * its cells' raw text joined with no boundary; prose lines kept as they are.
 */
import { layout } from '../../src/layout/index.ts';
import type { DecodedDoc, Fact, Finding } from '../../src/types.ts';

export function glue(doc: DecodedDoc): string {
  const out: string[] = [];
  for (const b of layout({ lines: doc.lines, raw: doc.raw })) {
    if (b.kind === 'prose') out.push(doc.raw[b.line - 1]!);
    else for (const r of b.rows) out.push(r.cells.map((c) => c.raw).join(''));
  }
  return out.join('\n');
}

/** True when an ambiguous_cells finding names the fact's row: its metric or a prefix of it. */
export function coveredByAmbiguity(metric: string, findings: readonly Pick<Finding, 'code' | 'metric'>[]): boolean {
  return findings.some(
    (f) => f.code === 'ambiguous_cells' && (f.metric ?? '').split(',').some((m) => m === metric || metric.startsWith(`${m}.`)),
  );
}

type TableFactLike = Pick<Fact, 'metric' | 'applicant' | 'value' | 'unit' | 'source'>;

/**
 * What gluing broke, as a list (empty = kept): a glued table fact whose key the clean table
 * lacks or whose value/unit differs; a clean table fact with no glued fact of the same value
 * and no ambiguous_cells finding naming its row.
 */
export function gluedBreaks(clean: readonly TableFactLike[], glued: readonly TableFactLike[], gluedFindings: readonly Pick<Finding, 'code' | 'metric'>[]): string[] {
  const k = (f: TableFactLike) => `${f.metric}[${f.applicant ?? ''}]`;
  const table = (fs: readonly TableFactLike[]) => new Map(fs.filter((f) => f.source === 'table').map((f) => [k(f), f]));
  const c = table(clean);
  const g = table(glued);
  const out: string[] = [];
  for (const [key, f] of g) {
    const o = c.get(key);
    if (!o) out.push(`${key} = ${f.value} not in the clean table`);
    else if (o.value !== f.value || o.unit !== f.unit) out.push(`${key} = ${f.value} ${f.unit}, clean ${o.value} ${o.unit}`);
  }
  for (const [key, f] of c) {
    if (!g.has(key) && !coveredByAmbiguity(f.metric, gluedFindings)) out.push(`${key} = ${f.value} silently missing`);
  }
  return out;
}
