import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Progress, progressLine, progressWriter, stderrProgress } from '../../src/corpus/progress.ts';

const at = (over: Partial<Progress>): Progress => ({
  done: 1500, total: 10_000, skipped: 0, bytes: 30e6, startedMs: 0, nowMs: 3000, final: false, ...over,
});

describe('progressLine', () => {
  it('shows files, rate, MB/s, ETA and elapsed time; the final line has no ETA', () => {
    expect(progressLine(at({}))).toBe('[xxgk corpus] 1,500/10,000 files · 500 files/s · 10.0 MB/s · ETA 0:17 · 0:03');
    expect(progressLine(at({ done: 10_000, nowMs: 3_725_000, final: true, skipped: 40 }))).toBe(
      '[xxgk corpus] 10,000/10,000 files · 3 files/s · 0.0 MB/s · 40 unchanged · 1:02:05',
    );
  });

  it('leaves out the total and ETA while the total is unknown, and MB/s when asked (synth)', () => {
    expect(progressLine(at({ total: null }))).toBe('[xxgk corpus] 1,500 files · 500 files/s · 10.0 MB/s · 0:03');
    expect(progressLine(at({}), { label: 'synth', bytes: false })).toBe('[xxgk synth] 1,500/10,000 files · 500 files/s · ETA 0:17 · 0:03');
  });
});

describe('stderrProgress (loadCorpus’s own progress, with no onProgress)', () => {
  afterEach(() => vi.restoreAllMocks());
  const capture = (isTTY: boolean) => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (written.push(String(s)), true));
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    Object.defineProperty(process.stderr, 'isTTY', { value: isTTY, configurable: true });
    const report = stderrProgress();
    if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
    else delete (process.stderr as { isTTY?: boolean }).isTTY;
    return { report, written };
  };

  it('in a log: nothing within the first 5 s, then the final line alone, without \\r', () => {
    const { report, written } = capture(false);
    report(at({}));
    report(at({ done: 2000 }));
    report(at({ done: 10_000, final: true }));
    expect(written.join('')).toBe(`${progressLine(at({ done: 10_000, final: true }))}\n`);
  });

  it('on a terminal: every state redrawn in place, the final one ended by \\n', () => {
    const { report, written } = capture(true);
    report(at({}));
    report(at({ done: 10_000, final: true }));
    const first = progressLine(at({}));
    // The shorter final line is padded over what the first one left.
    expect(written).toEqual([`\r${first}`, `\r${progressLine(at({ done: 10_000, final: true })).padEnd(first.length)}`, '\n']);
  });
});

/** A fake Io: stderr captured, and a clock that reads the given times in turn. */
function fakeIo(isTTY: boolean, times: number[] = []) {
  const err: string[] = [];
  let i = 0;
  return { io: { err: (s: string) => void err.push(s), isTTY, now: () => times[i++] ?? times.at(-1) ?? 0 }, err: () => err.join('') };
}

describe('progressWriter in a log (stderr not a terminal)', () => {
  it('writes a plain line once per 5 s and always the final one, never \\r', () => {
    // The clock is read once when the writer is made, then once per update.
    const f = fakeIo(false, [0, 1000, 4999, 5000, 6000, 9999, 10_000, 10_001]);
    const w = progressWriter(f.io);
    for (const s of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) w.update(s);
    w.done('end');
    expect(f.err()).toBe('c\nf\nend\n');
  });

  it('writes only the final line for a run shorter than the interval, and nothing after done', () => {
    const f = fakeIo(false, [0, 100, 200]);
    const w = progressWriter(f.io);
    w.update('1 of 2');
    w.done('2 of 2');
    w.update('late');
    w.done('again');
    expect(f.err()).toBe('2 of 2\n');
  });
});

describe('progressWriter on a terminal', () => {
  it('redraws one line in place, spaces over a longer previous line, and ends it at done', () => {
    const f = fakeIo(true);
    const w = progressWriter(f.io);
    w.update('abc');
    w.update('a');
    w.done('xy');
    w.update('late');
    expect(f.err()).toBe('\rabc\ra  \rxy\n');
  });

  it('cuts a line to 119 characters (a wrapped line cannot be redrawn)', () => {
    const f = fakeIo(true);
    progressWriter(f.io).done('x'.repeat(200));
    expect(f.err()).toBe(`\r${'x'.repeat(119)}\n`);
  });
});
