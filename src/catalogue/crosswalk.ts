/**
 * Loader of crosswalk.csv (outcome groups across eras). The CSV is the source of truth so an
 * analyst can read and edit it; it is read once per process.
 */
import { readFileSync } from 'node:fs';

export interface CrosswalkRow {
  group: string;
  era: string;
  /** Outcome key after `requests.outcome.`; `x.*` matches every sub-row of x. */
  key: string;
}

let cached: CrosswalkRow[] | undefined;

/** Parse crosswalk text: `#` comment lines and blank lines are skipped; header group,era,key. */
export function parseCrosswalk(text: string): CrosswalkRow[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const header = lines.shift()?.split(',').map((h) => h.trim()) ?? [];
  const at = (name: string) => header.indexOf(name);
  const [g, e, k] = [at('group'), at('era'), at('key')];
  if (g < 0 || e < 0 || k < 0) return [];
  return lines.map((line) => {
    const cells = line.split(',').map((c) => c.trim());
    return { group: cells[g] ?? '', era: cells[e] ?? '', key: cells[k] ?? '' };
  });
}

export function loadCrosswalk(): CrosswalkRow[] {
  cached ??= parseCrosswalk(readFileSync(new URL('./crosswalk.csv', import.meta.url), 'utf8'));
  return cached;
}

/** Does a crosswalk key (`denied`, `denied.*`) match an outcome key (`denied.privacy`)? */
export function keyMatches(pattern: string, outcome: string): boolean {
  return pattern.endsWith('.*') ? outcome.startsWith(pattern.slice(0, -1)) : pattern === outcome;
}

/** The group of an outcome key in an era, ignoring the aggregate/breakdown rule; null if unmapped. */
export function outcomeGroup(era: string | null, outcome: string, rows: CrosswalkRow[] = loadCrosswalk()): string | null {
  if (era === null) return null;
  return rows.find((r) => r.era === era && keyMatches(r.key, outcome))?.group ?? null;
}

/**
 * Aggregate keys of an era: mapped keys whose sub-rows (`key.*`) are also mapped — they count
 * only when their breakdown is missing or incomplete.
 */
export function aggregateKeys(era: string, rows: CrosswalkRow[] = loadCrosswalk()): string[] {
  const mapped = rows.filter((r) => r.era === era);
  return mapped
    .filter((r) => !r.key.endsWith('.*') && mapped.some((s) => s.key === `${r.key}.*`))
    .map((r) => r.key);
}
