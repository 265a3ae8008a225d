/**
 * SEED EXPECTATIONS (issue 4) — end to end through the loader (src/load.ts, written by the
 * lead in parallel). Until the loader extracts the seeds' facts these tests fail; that is
 * expected. They pin what the issue promises on the five real reports.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReports } from '../../src/load.ts';
import { RAW } from '../helpers.ts';

type Rec = Record<string, unknown>;
type Loaded = Awaited<ReturnType<typeof loadReports>>;

let loaded: Loaded;
const idOf = (seed: string) => {
  const row = (loaded.reports.objects() as Rec[]).find((r) => String(r.file).includes(`${seed}_`));
  if (!row) throw new Error(`seed ${seed} not loaded`);
  return row.report_id as string;
};
const findingsOf = (seed: string) => (loaded.findings.objects() as Rec[]).filter((f) => f.report_id === idOf(seed));
const channelsOf = (seed: string) => (loaded.channels.objects() as Rec[]).filter((c) => c.report_id === idOf(seed));

beforeAll(async () => {
  loaded = await loadReports([RAW]);
});

describe('seed 002 (威海市中小企业局 2017)', () => {
  it('has a narrative/table conflict on the website channel: prose 259, table 146', () => {
    const conflict = findingsOf('002').filter((f) => f.code === 'narrative_table_conflict' && f.metric === 'proactive.channel.website');
    expect(conflict).toHaveLength(1);
    expect(conflict[0]).toMatchObject({ severity: 'error' });
    expect(conflict[0]!.message).toMatch(/narrative 259.*≠ table 146/);
  });

  it('keeps the table value 146 for the website channel: a conflict with the prose alone does not implicate the table', () => {
    const website = channelsOf('002').find((c) => c.channel === 'website')!;
    expect(website).toMatchObject({ count: 146, source: 'table' });
  });

  it('has an identity violation on archive submissions (9 ≠ 9 + 9)', () => {
    const v = findingsOf('002').filter((f) => f.code === 'identity_violation' && String(f.metric).startsWith('archive.'));
    expect(v.map((f) => [f.message, f.metric, f.line])).toEqual([
      ['archive.submitted 9 ≠ archive.paper 9 + archive.electronic 9 = 18', 'archive.submitted,archive.paper,archive.electronic', 161],
    ]);
  });
});

describe('seed 004 (秀英区政府服务中心 2017)', () => {
  it('has a header-row/shift finding on its first block and a conflict on proactive.total', () => {
    const codes = findingsOf('004').map((f) => `${f.code}:${f.metric}`);
    expect(codes.some((c) => c.startsWith('value_on_header_row'))).toBe(true);
    expect(codes).toContain('subitem_exceeds_total:proactive.normative_docs,proactive.total');
    expect(codes).toContain('narrative_table_conflict:proactive.total');
  });

  it('resolves proactive.total to 300 from the prose, not the table 0', () => {
    const total = channelsOf('004').find((c) => c.channel === 'total');
    expect(total).toMatchObject({ count: 300, source: 'narrative' });
  });
});

describe('seed 003 (环翠区 2020, 2019 template)', () => {
  it('resolves its channels from the prose, summing to the total 24079', () => {
    const rows = channelsOf('003');
    const byChannel = Object.fromEntries(rows.map((c) => [c.channel, [c.count, c.source]]));
    expect(byChannel).toEqual({
      gazette: [28, 'narrative'],
      website: [4140, 'narrative'],
      weibo: [10825, 'narrative'],
      wechat: [8178, 'narrative'],
      other: [908, 'narrative'],
      total: [24079, 'narrative'],
    });
    const sum = rows.filter((c) => c.channel !== 'total').reduce((s, c) => s + (c.count as number), 0);
    expect(sum).toBe(24079);
  });
});

describe('seed 001', () => {
  it('has no error findings', () => {
    expect(findingsOf('001').filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('has views equal to its table facts (no error implicates anything)', () => {
    const facts = (loaded.facts.objects() as Rec[]).filter((f) => f.report_id === idOf('001') && f.source === 'table');
    const byMetric = new Map(facts.map((f) => [f.metric as string, f.value]));
    for (const c of channelsOf('001')) {
      const key = c.channel === 'total' ? 'proactive.total' : `proactive.channel.${c.channel}`;
      if (c.source === 'table') expect([key, c.count]).toEqual([key, byMetric.get(key)]);
    }
  });
});
