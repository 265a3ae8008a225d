import { describe, expect, it } from 'vitest';
import { detached } from '../src/detach.ts';
import { bigDocument, heapKept } from './helpers.ts';

describe('detached', () => {
  it('is the same text', () => {
    const doc = bigDocument(7, 64);
    for (const [a, b] of [[0, 0], [0, 12], [3, 16], [0, 73]]) expect(detached(doc.slice(a, b))).toBe(doc.slice(a, b));
    expect(detached('温州市瓯海区政务公开领导小组办公室')).toBe('温州市瓯海区政务公开领导小组办公室');
  });

  it('keeps its document out of memory, where the substring it copies would keep it in', () => {
    const copies: string[] = [];
    const views: string[] = [];
    // 40 documents of 256 KB: 10 MB kept by views, almost nothing by copies.
    expect(heapKept(() => { for (let i = 0; i < 40; i++) copies.push(detached(bigDocument(i).slice(0, 40))); })).toBeLessThan(2 ** 21);
    expect(heapKept(() => { for (let i = 0; i < 40; i++) views.push(bigDocument(i).slice(0, 40)); })).toBeGreaterThan(2 ** 23);
    expect(copies).toEqual(views);
  });
});
