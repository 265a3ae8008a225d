/**
 * Loader accuracy against a synthetic manifest: how many true values came back exactly, and —
 * the number that must be 0 — how many wrong values no finding points at.
 */
import { byReport } from '../tables/views.ts';
import type { Fact, Finding, ReportRow } from '../types.ts';
import type { SynthManifestEntry } from './report.ts';

export interface AccuracyReport {
  reports: number;
  /** Manifest reports the loader returned no row for. */
  missingReports: number;
  /** Table values outside any injected defect. */
  values: number;
  exact: number;
  /** exact / values. */
  accuracy: number;
  /**
   * Blank true values whose row the loader left out altogether (a fully blank matrix row):
   * "not reported" either way, so neither exact nor wrong; outside `values`.
   */
  blankRowsDropped: number;
  narrativeValues: number;
  narrativeExact: number;
  /** Loaded table values that differ from the truth (defects included). */
  wrong: number;
  /** …of which no error/warning finding names the metric. Must be 0. */
  wrongUnflagged: number;
  defects: number;
  defectsFlagged: number;
  /** Up to 20 examples of misses, for debugging. */
  samples: string[];
}

export interface LoadedRecords {
  reports: readonly ReportRow[];
  facts: readonly Fact[];
  findings: readonly Finding[];
}

const k = (metric: string, applicant: string | null) => `${metric}|${applicant ?? ''}`;

export function measureAccuracy(manifest: readonly SynthManifestEntry[], loaded: LoadedRecords): AccuracyReport {
  const byFile = new Map<string, ReportRow>();
  for (const r of loaded.reports) byFile.set(r.file.split('\\').join('/'), r);
  const find = (rel: string): ReportRow | undefined => {
    for (const [file, r] of byFile) if (file === rel || file.endsWith('/' + rel)) return r;
    return undefined;
  };
  // Fast path: index by the synth_ file name (unique within a corpus).
  const byName = new Map<string, ReportRow>();
  for (const [file, r] of byFile) byName.set(file.slice(file.lastIndexOf('/') + 1), r);
  const facts = byReport(loaded.facts);
  const findings = byReport(loaded.findings);
  const out: AccuracyReport = {
    reports: manifest.length, missingReports: 0, blankRowsDropped: 0, values: 0, exact: 0, accuracy: 0, narrativeValues: 0, narrativeExact: 0,
    wrong: 0, wrongUnflagged: 0, defects: 0, defectsFlagged: 0, samples: [],
  };
  const sample = (s: string) => out.samples.length < 20 && out.samples.push(s);
  for (const entry of manifest) {
    const report = byName.get(entry.file.slice(entry.file.lastIndexOf('/') + 1)) ?? find(entry.file);
    if (!report) {
      out.missingReports++;
      continue;
    }
    const own = facts.get(report.report_id) ?? [];
    const table = new Map<string, Fact>();
    const narrative = new Map<string, Fact[]>();
    for (const f of own) {
      if (f.source === 'table') {
        if (!table.has(k(f.metric, f.applicant))) table.set(k(f.metric, f.applicant), f);
      } else narrative.set(f.metric, [...(narrative.get(f.metric) ?? []), f]);
    }
    const flags = (findings.get(report.report_id) ?? []).filter((f) => f.severity !== 'info');
    const flagged = (metric: string) => flags.some((f) => f.metric?.split(',').some((m) => m.trim() === metric));
    const defectMetrics = new Set(entry.defects.flatMap((d) => d.metrics));
    for (const v of entry.values) {
      const got = table.get(k(v.metric, v.applicant));
      if (got && got.value !== v.value) {
        out.wrong++;
        if (!flagged(v.metric)) {
          out.wrongUnflagged++;
          sample(`UNFLAGGED ${entry.file} ${v.metric}[${v.applicant ?? ''}] true ${v.value} loaded ${got.value}`);
        }
      }
      if (defectMetrics.has(v.metric)) continue;
      if (!got && v.value === null) {
        out.blankRowsDropped++;
        continue;
      }
      out.values++;
      if (got && got.value === v.value) out.exact++;
      else sample(`MISS ${entry.file} ${entry.template}/${entry.layout} ${v.metric}[${v.applicant ?? ''}] true ${v.value} loaded ${got ? got.value : 'absent'}`);
    }
    for (const v of entry.narrative) {
      if (defectMetrics.has(v.metric)) continue;
      out.narrativeValues++;
      if ((narrative.get(v.metric) ?? []).some((f) => f.value === v.value)) out.narrativeExact++;
      else sample(`NARRATIVE ${entry.file} ${v.metric} true ${v.value} loaded ${(narrative.get(v.metric) ?? []).map((f) => f.value).join('/') || 'absent'}`);
    }
    for (const d of entry.defects) {
      out.defects++;
      if (d.metrics.some(flagged)) out.defectsFlagged++;
      else sample(`DEFECT NOT FLAGGED ${entry.file} ${d.kind} ${d.metrics.join(',')}`);
    }
  }
  out.accuracy = out.values ? out.exact / out.values : 1;
  return out;
}
