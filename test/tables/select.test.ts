import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReports } from '../../src/load.ts';
import { synthCorpus } from '../../src/synth/index.ts';
import { selectResult, syntheticReportIds, withoutSynthetic } from '../../src/tables/select.ts';

describe('selections of a load result', () => {
  it('leave out synthetic reports from every table, and select by agency and year', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'xxgk-select-'));
    await synthCorpus({ n: 2, out: path.join(dir, 'synth'), seed: 1 });
    copyFileSync('data/raw/001_f6584d2c7913d8cd.txt', path.join(dir, '001.txt'));
    copyFileSync('data/raw/003_0c4d93608fc9577c.txt', path.join(dir, '003.txt'));
    const all = await loadReports([dir]);
    expect(all.records.reports).toHaveLength(4);
    expect(syntheticReportIds(all.findings).size).toBe(2);

    const real = withoutSynthetic(all);
    expect(real.records.reports.map((x) => x.agency).sort()).toEqual(['威海市环翠区人民政府', '温州市瓯海区人民政府']);
    for (const t of ['reports', 'facts', 'findings', 'channels', 'requests', 'outcomes', 'appeals'] as const) {
      const ids = new Set((real[t].objects() as Array<{ report_id: string }>).map((x) => x.report_id));
      expect([...ids].every((id) => !syntheticReportIds(all.findings).has(id)), t).toBe(true);
    }
    expect(selectResult(all, { year: 2020 }).records.reports.map((x) => x.agency)).toEqual(['威海市环翠区人民政府']);
    expect(selectResult(all, { includeSynthetic: true })).toBe(all);
  }, 60_000);
});
