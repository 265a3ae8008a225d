import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoize } from '../src/memo.ts';
import { bigDocument, heapKept } from './helpers.ts';

describe('memoize', () => {
  it('keeps no document alive through its keys or through answers that are slices of them', () => {
    const core = memoize((key: string) => ({ core: key.slice(2) }));
    const trimmed = memoize((key: string) => key.slice(1));
    // 40 documents of 256 KB: 10 MB if any cached string were still a view into its document.
    const kept = heapKept(() => {
      for (let i = 0; i < 40; i++) {
        const doc = bigDocument(i);
        expect(core(doc.slice(100, 140)).core).toBe(doc.slice(102, 140));
        expect(trimmed(doc.slice(200, 240))).toBe(doc.slice(201, 240));
      }
    });
    expect(kept).toBeLessThan(2 ** 21);
  });
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
  it('replays a repeated order (a key asked twice per round included) with one look-up per key', () => {
    const calls: string[] = [];
    const f = memoize((k) => (calls.push(k), `<${k}>`));
    const round = ['总计', '予以公开', '总计', '部分公开', 'undefined'];
    for (let r = 0; r < 3; r++) expect(round.map(f)).toEqual(round.map((k) => `<${k}>`));
    expect(calls).toEqual(['总计', '予以公开', '部分公开', 'undefined']);
  });
  it('answers a key by content: an equal string made anew (a slice of a line) hits the cache', () => {
    let calls = 0;
    const f = memoize((k) => (calls++, k.length));
    const line = '（一）予以公开政府信息数量（不同渠道和方式公开相同信息计1条）';
    expect(f(line.slice(3, 10))).toBe(7);
    expect(f(line.slice(3, 10))).toBe(7);
    expect(f(`${line}`.slice(3, 10))).toBe(7);
    expect(calls).toBe(1);
  });
  it('a variant round (keys left out, added or replaced) still gets the right answers', () => {
    const calls: string[] = [];
    const f = memoize((k) => (calls.push(k), k.length));
    const a = ['一', '二二', '三三三', '四四四四', '五五五五五'];
    const b = ['一', '三三三', '二二', '六', '四四四四', '五五五五五', '五五五五五'];
    for (const round of [a, b, a, b]) expect(round.map(f)).toEqual(round.map((k) => k.length));
    expect(calls).toEqual(['一', '二二', '三三三', '四四四四', '五五五五五', '六']);
  });
  it('always answers what the look-up answers, whatever the order, the repeats and the bound', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'ab', 'abcdefghijklmnop', ''), { maxLength: 3000 }),
        fc.integer({ min: 1, max: 6 }),
        (keys, max) => {
          const lookup = (k: string) => (k === 'c' ? undefined : `${k}!`);
          const f = memoize(lookup, max);
          for (const k of keys) if (f(k) !== lookup(k)) return false;
          return true;
        },
      ),
    );
  });
});
