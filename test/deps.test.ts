import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

describe('runtime dependencies load', () => {
  it('arquero: builds, filters and sums a table', async () => {
    const aq = await import('arquero');
    const t = aq.table({ channel: ['gazette', 'website', 'weibo'], count: [42, 33196, 13026] });
    const sum = t.filter((d: { count: number }) => d.count > 100).rollup({ s: aq.op.sum('count') });
    expect(sum.get('s', 0)).toBe(46222);
  });

  it('danfojs-node: builds a DataFrame and sums a column', async () => {
    const dfd = await import('danfojs-node');
    const df = new dfd.DataFrame({ channel: ['gazette', 'website'], count: [42, 33196] });
    expect(df.shape).toEqual([2, 2]);
    expect(df.column('count').sum()).toBe(33238);
  });

  it('plotly.js-dist-min: the browser bundle resolves and is the v3 UMD build', () => {
    const path = require.resolve('plotly.js-dist-min');
    const head = readFileSync(path, 'utf8').slice(0, 400);
    expect(head).toMatch(/plotly\.js v3\.\d+\.\d+/);
    expect(readFileSync(path, 'utf8').trimEnd().endsWith('}));')).toBe(true);
  });
});
