import { describe, expect, it } from 'vitest';
import { memoize } from '../src/memo.ts';

describe('memoize', () => {
  it('calls the look-up once per key, also for undefined results', () => {
    const calls: string[] = [];
    const f = memoize((k) => (calls.push(k), k === 'none' ? undefined : k.length));
    expect([f('ab'), f('ab'), f('none'), f('none')]).toEqual([2, 2, undefined, undefined]);
    expect(calls).toEqual(['ab', 'none']);
  });
  it('is bounded: the cache is cleared when full, results stay right', () => {
    const calls: string[] = [];
    const f = memoize((k) => (calls.push(k), k.toUpperCase()), 2);
    expect(['a', 'b', 'c', 'a'].map(f)).toEqual(['A', 'B', 'C', 'A']);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
