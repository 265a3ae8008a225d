import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadReports } from '../../src/load.ts';

function capture() {
  const err: string[] = [];
  return { io: { out: () => {}, err: (s: string) => void err.push(s) }, err: () => err.join('') };
}

/** A fake Io for progress: stderr a terminal or not, and a clock that moves `stepMs` per read. */
function fakeIo(isTTY: boolean, stepMs?: number) {
  const err: string[] = [];
  let t = 0;
  const now = stepMs === undefined ? undefined : () => (t += stepMs);
  return { io: { out: () => {}, err: (s: string) => void err.push(s), isTTY, now }, err: () => err.join('') };
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'xxgk-cli-'));

describe('progress on stderr (one writer for synth, corpus and the loads of the other commands)', () => {
  it('synth in a log: a plain line per 5 s (each read of the fake clock is 6 s on) and the final line, no \r', async () => {
    const f = fakeIo(false, 6000);
    const dir = tmp();
    expect(await main(['synth', '--n', '3000', '--out', dir], f.io)).toBe(0);
    // The clock is read when the writer is made, at the start, for each line and by each update.
    expect(f.err()).toBe(
      '[xxgk synth] 1,000/3,000 files · 167 files/s · ETA 0:12 · 0:06\n' +
        '[xxgk synth] 2,000/3,000 files · 111 files/s · ETA 0:09 · 0:18\n' +
        '[xxgk synth] 3,000/3,000 files · 100 files/s · 0:30\n' +
        `[xxgk] wrote 3000 synthetic report(s), 13.1 MB, manifest ${path.join(dir, 'manifest.jsonl')}\n`,
    );
  }, 60_000);

  it('synth on a terminal: one line redrawn with \r, ended once before the summary', async () => {
    const f = fakeIo(true, 6000);
    const dir = tmp();
    expect(await main(['synth', '--n', '2000', '--out', dir], f.io)).toBe(0);
    // A terminal's writer does not read the clock: the start and each line do.
    expect(f.err()).toBe(
      '\r[xxgk synth] 1,000/2,000 files · 167 files/s · ETA 0:06 · 0:06' +
        `\r[xxgk synth] 2,000/2,000 files · 167 files/s · 0:12${' '.repeat(11)}\n` +
        `[xxgk] wrote 2000 synthetic report(s), 8.7 MB, manifest ${path.join(dir, 'manifest.jsonl')}\n`,
    );
  }, 60_000);

  it('synth --quiet: only the summary', async () => {
    const f = fakeIo(false, 6000);
    const dir = tmp();
    expect(await main(['synth', '--n', '1000', '--out', dir, '--quiet'], f.io)).toBe(0);
    expect(f.err()).toBe(`[xxgk] wrote 1000 synthetic report(s), 4.4 MB, manifest ${path.join(dir, 'manifest.jsonl')}\n`);
  }, 60_000);

  const corpusLine = /^\[xxgk corpus\] \d+(\/5)? files · \d+ files\/s · \d+\.\d MB\/s( · ETA \d+:\d\d)? · \d+:\d\d$/;
  const finalLine = /^\[xxgk corpus\] 5(\/5)? files · \d+ files\/s · \d+\.\d MB\/s · \d+:\d\d$/;

  it('corpus in a log: plain lines (every 250 ms tick, the fake clock making each 6 s), the final one, the summary; no \r', async () => {
    const f = fakeIo(false, 6000);
    expect(await main(['corpus', 'data/raw', '--out', path.join(tmp(), 'dataset'), '--workers', '1'], f.io)).toBe(0);
    const err = f.err();
    expect(err).not.toContain('\r');
    const lines = err.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.pop()).toMatch(/^\[xxgk\] 5 report\(s\): 5 processed, 0 unchanged, 0 removed, 0 failed;/);
    expect(lines.pop()).toMatch(finalLine);
    for (const line of lines) expect(line).toMatch(corpusLine);
  }, 60_000);

  it('corpus on a terminal: frames redrawn with \r, one \n after the last, then the summary', async () => {
    const f = fakeIo(true);
    expect(await main(['corpus', 'data/raw', '--out', path.join(tmp(), 'dataset'), '--workers', '1'], f.io)).toBe(0);
    const [frames, summary, end] = f.err().split('\n');
    expect(end).toBe('');
    expect(summary).toMatch(/^\[xxgk\] 5 report\(s\): 5 processed,/);
    const drawn = frames.split('\r');
    expect(drawn.shift()).toBe(''); // the output starts with \r
    expect(drawn.at(-1)!.trimEnd()).toMatch(finalLine);
    for (const frame of drawn) expect(frame.trimEnd()).toMatch(corpusLine);
  }, 60_000);

  it('validate (a load in the main thread) logs one final line in a log and redraws per file on a terminal', async () => {
    const log = fakeIo(false, 6000);
    expect(await main(['validate', 'data/raw'], log.io)).toBe(0);
    // Each file read moves the clock 6 s: a line per file, then the final one.
    expect(log.err().split('\n').slice(0, 6)).toEqual([
      '[xxgk] read 1 file(s) — data/raw/000_3a5e0d9452cd99a5.txt',
      '[xxgk] read 2 file(s) — data/raw/001_f6584d2c7913d8cd.txt',
      '[xxgk] read 3 file(s) — data/raw/002_8ce2c52a2533517f.txt',
      '[xxgk] read 4 file(s) — data/raw/003_0c4d93608fc9577c.txt',
      '[xxgk] read 5 file(s) — data/raw/004_b5b9a5615959bd1c.txt',
      '[xxgk] read 5 file(s) in 36.0 s',
    ]);
    expect(log.err()).not.toContain('\r');

    const tty = fakeIo(true, 6000);
    expect(await main(['validate', 'data/raw'], tty.io)).toBe(0);
    const files = ['000_3a5e0d9452cd99a5', '001_f6584d2c7913d8cd', '002_8ce2c52a2533517f', '003_0c4d93608fc9577c', '004_b5b9a5615959bd1c'];
    expect(tty.err()).toBe(
      files.map((f, i) => `\r[xxgk] read ${i + 1} file(s) — data/raw/${f}.txt`).join('') +
        `\r[xxgk] read 5 file(s) in 6.0 s${' '.repeat(27)}\n` +
        '[xxgk] 5 report(s): 5 ok, 0 partial, 0 failed; 499 facts; 5 findings (5 errors)\n',
    );
  }, 60_000);
});

describe('xxgk corpus', () => {
  const out = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'xxgk-cli-')), 'dataset');

  it('loads the seeds into a dataset and reports the counts', async () => {
    const c = capture();
    const dir = out();
    expect(await main(['corpus', 'data/raw', '--out', dir, '--workers', '1', '--quiet'], c.io)).toBe(0);
    expect(c.err()).toMatch(/^\[xxgk\] 5 report\(s\): 5 processed, 0 unchanged, 0 removed, 0 failed;/);
    expect(existsSync(path.join(dir, '_corpus.jsonl'))).toBe(true);
  }, 60_000);

  it('exits 1 when --worker-heap-mb is too small for a worker to start, and 2 on a bad value', async () => {
    const c = capture();
    expect(await main(['corpus', 'data/raw', '--out', out(), '--workers', '1', '--worker-heap-mb', '4', '--quiet'], c.io)).toBe(1);
    // Which worker it names (the first, or a replacement) depends on when it dies against when its first batch comes.
    expect(c.err()).toMatch(/^xxgk corpus: corpus worker \d+ stopped \(out of memory\) before reading any file; is its heap cap \(4 MB\) too small\?/);

    const bad = capture();
    expect(await main(['corpus', 'data/raw', '--out', out(), '--worker-heap-mb', 'lots'], bad.io)).toBe(2);
    expect(bad.err()).toBe('xxgk corpus: --worker-heap-mb must be a positive number (got "lots")\n');
  }, 60_000);

  it('runs under node flags a worker cannot take (node --max-old-space-size … bin/xxgk.js)', () => {
    // V8 flags apply process-wide; passed on to a Worker they used to stop the run at its start.
    const stderr = execFileSync(process.execPath, ['--max-old-space-size=2048', '--stack-size=2000', 'bin/xxgk.js', 'corpus', 'data/raw', '--out', out(), '--workers', '1', '--quiet'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(stderr).toBe('');
  }, 60_000);
});

describe('xxgk corpus: options, errors and interruptions', () => {
  const out = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'xxgk-cli-')), 'dataset');
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

  it('--strict exits 1 when the dataset holds an error finding, also when every report is reused', async () => {
    const dir = out();
    const plain = capture();
    expect(await main(['corpus', 'data/raw', '--out', dir, '--workers', '1', '-q'], plain.io)).toBe(0);
    for (let run = 0; run < 2; run++) {
      const strict = capture();
      expect(await main(['corpus', 'data/raw', '--out', dir, '--workers', '1', '-q', '--strict'], strict.io)).toBe(1);
      expect(strict.err()).toMatch(/^\[xxgk\] 5 report\(s\): 0 processed, 5 unchanged, [^\n]*\n\[xxgk\] --strict: the dataset holds 5 error finding\(s\)\n$/);
    }
  }, 60_000);

  it('names an output folder it cannot write, in one line (exit 1), and warns of an input that does not exist', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = path.join(tmp(), 'afile');
    writeFileSync(file, '');
    const exists = capture();
    expect(await main(['corpus', 'data/raw', '--out', file, '-q'], exists.io)).toBe(1);
    expect(exists.err()).toBe(`xxgk corpus: cannot write ${file}: EEXIST: file already exists, mkdir '${file}'\n`);
    const under = capture();
    expect(await main(['corpus', 'data/raw', '--out', path.join(file, 'ds'), '-q'], under.io)).toBe(1);
    expect(under.err()).toBe(`xxgk corpus: cannot write ${path.join(file, 'ds')}: ENOTDIR: not a directory, mkdir '${path.join(file, 'ds')}'\n`);

    const missing = capture();
    expect(await main(['corpus', 'data/raw', '/nonexistent/x.txt', '--out', out(), '--workers', '1', '-q'], missing.io)).toBe(0);
    expect(missing.err()).toMatch(/^\[xxgk\] warning: \/nonexistent\/x.txt does not exist; it is a failed report\n\[xxgk\] 6 report\(s\): 6 processed, 0 unchanged, 0 removed, 1 failed;/);
  }, 60_000);

  /** A corpus loaded once; then a run that is stopped once it has staged a part file. */
  async function stopped(signal: NodeJS.Signals, args: string[]) {
    const { spawn } = await import('node:child_process');
    const { readdirSync, readFileSync } = await import('node:fs');
    const { queryParquet } = await import('../../src/corpus/query.ts');
    const src = path.join(tmp(), 'src');
    await main(['synth', '--n', '1500', '--out', src, '--seed', '4', '-q'], capture().io);
    const dir = out();
    expect(await main(['corpus', src, '--out', dir, '--workers', '1', '-q'], capture().io)).toBe(0);
    const state = async () =>
      (await queryParquet(dir, 'SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM facts) AS facts, (SELECT count(*) FROM findings) AS findings')).objects()[0];
    const complete = await state();
    const index = readFileSync(path.join(dir, '_corpus.jsonl'), 'utf8');
    // Half the files change, so a re-run has work to do.
    const { appendFileSync } = await import('node:fs');
    for (const line of readFileSync(path.join(src, 'manifest.jsonl'), 'utf8').trim().split('\n').slice(0, 750)) appendFileSync(path.join(src, JSON.parse(line).file), '\n补充说明。\n');
    const child = spawn(process.execPath, ['bin/xxgk.js', 'corpus', src, '--out', dir, '--workers', '1', '-q', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    const staged = () => {
      try {
        return readdirSync(path.join(dir, '.staging-r002', 'facts'), { recursive: true }).some((f) => String(f).endsWith('.parquet'));
      } catch {
        return false;
      }
    };
    while (!staged()) await new Promise((res) => setTimeout(res, 20));
    child.kill(signal);
    const code = await exited;
    // Whatever the run had staged, readers see the last complete run.
    expect(await state()).toEqual(complete);
    expect(readFileSync(path.join(dir, '_corpus.jsonl'), 'utf8')).toBe(index);
    return { dir, src, code, stderr: () => stderr, state };
  }

  it('Ctrl-C (SIGINT): one line, exit 130, the dataset unchanged and nothing of the run left', async () => {
    const run = await stopped('SIGINT', ['--rebuild']);
    expect(run.code).toBe(130);
    expect(run.stderr()).toBe(`xxgk corpus: interrupted; the dataset in ${run.dir} is unchanged (its last complete run)\n`);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(run.dir).filter((f) => f.startsWith('.') || f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('a killed run (SIGKILL) leaves the dataset unchanged; the next run clears its staging and loads what loadReports loads', async () => {
    const run = await stopped('SIGKILL', []);
    expect(run.code).toBeNull();
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(run.dir).filter((f) => f.startsWith('.'))).toEqual(['.staging-r002']);
    const next = capture();
    expect(await main(['corpus', run.src, '--out', run.dir, '--workers', '1', '-q'], next.io)).toBe(0);
    expect(next.err()).toMatch(/^\[xxgk\] 1500 report\(s\): 750 processed, 750 unchanged, 750 removed, 0 failed;/);
    expect(readdirSync(run.dir).filter((f) => f.startsWith('.'))).toEqual([]);
    const ref = await loadReports([run.src]);
    expect(await run.state()).toEqual({ reports: 1500, facts: ref.records.facts.length, findings: ref.records.findings.length });
  }, 120_000);
});

describe('npm run xxgk', () => {
  it('runs the CLI, as `npx xxgk` does', () => {
    // Usage goes to stderr; the exit code is 0 for --help.
    const run = spawnSync('npm', ['run', '-s', 'xxgk', '--', '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: xxgk <command> \[options\]/m);
  }, 60_000);
});

describe('synthetic reports in briefs and charts', () => {
  it('brief leaves them out and says so; --include-synthetic takes them in', async () => {
    const dir = tmp();
    await main(['synth', '--n', '3', '--out', path.join(dir, 'synth'), '--quiet'], capture().io);
    const { copyFileSync, readFileSync } = await import('node:fs');
    copyFileSync('data/raw/001_f6584d2c7913d8cd.txt', path.join(dir, '001.txt'));
    const out = path.join(tmp(), 'brief.html'); // not in the input folder, which the second run reads
    const c = capture();
    expect(await main(['brief', dir, '--out', out, '--quiet'], c.io)).toBe(0);
    expect(c.err()).toContain('[xxgk] left out 3 synthetic report(s) (xxgk synth: for tests, never for analysis); --include-synthetic to include them\n');
    const meta = () => /<p class="meta">([^<]*)<\/p>/.exec(readFileSync(out, 'utf8'))?.[1];
    expect(meta()).toMatch(/^来源：1 份年报（2017）（另有 3 份合成年报未计入）；/);
    const all = capture();
    expect(await main(['brief', dir, '--out', out, '--quiet', '--include-synthetic'], all.io)).toBe(0);
    expect(all.err()).toContain('[xxgk] 3 synthetic report(s) (xxgk synth) included, as asked, and marked in the source line\n');
    expect(meta()).toMatch(/^来源：4 份年报（[^）]*），其中 3 份为合成年报（xxgk synth，仅供测试）；/);
  }, 60_000);
});

describe('usage', () => {
  function io() {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out: () => out.join(''), err: () => err.join('') };
  }

  it('--help is the output (stdout, exit 0), per command; chart --help lists the kinds', async () => {
    const top = io();
    expect(await main(['--help'], top.io)).toBe(0);
    expect(top.out()).toMatch(/^Usage: xxgk <command> \[options\]/);
    const exp = io();
    expect(await main(['export', '--help'], exp.io)).toBe(0);
    expect(exp.out()).toMatch(/^Usage: xxgk export <files or folders…> --out DIR/);
    expect(exp.out()).not.toContain('validate <files');
    const chart = io();
    expect(await main(['chart', '-h'], chart.io)).toBe(0);
    expect(chart.out()).toMatch(/\nKinds:\n {2}channel-mix {9}主动公开渠道构成（按机构）\n/);
    expect(chart.err()).toBe('');
  });

  it('an unknown or malformed option is a usage error (exit 2), not a crash', async () => {
    const bogus = io();
    expect(await main(['validate', 'data/raw', '--bogus'], bogus.io)).toBe(2);
    expect(bogus.err()).toBe("xxgk validate: Unknown option '--bogus'; see `xxgk validate --help`\n");
    const missing = io();
    expect(await main(['export', 'data/raw', '--out'], missing.io)).toBe(2);
    expect(missing.err()).toBe("xxgk export: Option '-o, --out <value>' argument missing; see `xxgk export --help`\n");
  });

  it('an option the command does not take is a usage error naming it (exit 2), before anything runs', async () => {
    const cases: Array<[string[], string]> = [
      [['corpus', 'data/raw', '--out', 'ds', '--format', 'csv'], 'xxgk corpus: --format is not an option of corpus (it takes --out, --workers, --rebuild, --worker-heap-mb, --strict, --quiet); see `xxgk corpus --help`\n'],
      [['export', 'data/raw', '--out', 'o', '--rebuild', '--workers', '3', '--seed', '5'], 'xxgk export: --rebuild is not an option of export (it takes --out, --format, --strict, --quiet); see `xxgk export --help`\n'],
      [['export', 'data/raw', '--out', 'o', '--seed', '5'], 'xxgk export: --seed is not an option of export (it takes --out, --format, --strict, --quiet); see `xxgk export --help`\n'],
      [['validate', 'data/raw', '-o', 'x'], 'xxgk validate: --out is not an option of validate (it takes --strict, --quiet); see `xxgk validate --help`\n'],
      [['brief', 'data/raw', '--out', 'b.html', '--strict'], 'xxgk brief: --strict is not an option of brief (it takes --out, --agency, --year, --include-synthetic, --quiet); see `xxgk brief --help`\n'],
      [['synth', '--n', '3', '--out', 'x', '--rebuild'], 'xxgk synth: --rebuild is not an option of synth (it takes --n, --out, --seed, --defect-rate, --quiet); see `xxgk synth --help`\n'],
    ];
    for (const [args, message] of cases) {
      const c = io();
      expect(await main(args, c.io), args.join(' ')).toBe(2);
      expect(c.err()).toBe(message);
    }
    // Help lists the common options a command takes, and only those.
    const chart = io();
    await main(['chart', '--help'], chart.io);
    expect(chart.out()).toContain('\n  --quiet    no progress on stderr\n');
    expect(chart.out()).not.toContain('\n  --strict');
    const corpus = io();
    await main(['corpus', '--help'], corpus.io);
    expect(corpus.out()).toMatch(/^Usage: xxgk corpus <files or folders…> --out DIR \[--workers N\] \[--rebuild\] \[--worker-heap-mb MB\] \[--strict\]\n/);
    expect(corpus.out()).toContain('\n  --strict   exit 1 when any error finding is present (export, validate, corpus)\n');
  });

  it('warns of each input path that does not exist; its failed report row stays and the exit code does not change', async () => {
    const dir = tmp();
    const exp = io();
    expect(await main(['export', 'data/raw', '/nonexistent.txt', 'nope/', '--out', dir, '-q'], exp.io)).toBe(0);
    expect(exp.err()).toBe(
      '[xxgk] warning: /nonexistent.txt does not exist; it is a failed report\n' +
        '[xxgk] warning: nope/ does not exist; it is a failed report\n' +
        '[xxgk] 7 report(s): 5 ok, 0 partial, 2 failed; 499 facts; 7 findings (7 errors)\n',
    );
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path.join(dir, 'reports.csv'), 'utf8')).toContain(',/nonexistent.txt,');
    const strict = io();
    expect(await main(['validate', '/nonexistent.txt', '-q', '--strict'], strict.io)).toBe(1);
    expect(strict.err()).toMatch(/^\[xxgk\] warning: \/nonexistent.txt does not exist; it is a failed report\n\[xxgk\] 1 report\(s\): 0 ok, 0 partial, 1 failed;/);
  }, 60_000);

  it('chart checks its arguments before loading, and names a file it cannot write', async () => {
    const ext = io();
    expect(await main(['chart', 'channel-mix', 'data/raw', '--out', 'c.jpg'], ext.io)).toBe(2);
    expect(ext.err()).toBe('xxgk chart: cannot export a chart to "c.jpg": use .png, .svg or .html\n');
    const dir = tmp();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'afile'), '');
    const target = path.join(dir, 'afile', 'x.html');
    const blocked = io();
    expect(await main(['chart', 'channel-mix', 'data/raw', '--out', target, '-q'], blocked.io)).toBe(1);
    expect(blocked.err()).toMatch(new RegExp(`^xxgk chart: cannot write ${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: EEXIST`));
  }, 60_000);

  it('warns of an empty selection: no report files, or an agency no report names', async () => {
    const empty = io();
    expect(await main(['validate', tmp(), '-q'], empty.io)).toBe(0);
    expect(empty.err()).toMatch(/^\[xxgk\] warning: no report files found in the inputs \(extensions read: txt, /);
    const agency = io();
    expect(await main(['brief', 'data/raw', '--out', path.join(tmp(), 'b.html'), '--agency', '不存在', '-q'], agency.io)).toBe(0);
    expect(agency.err()).toContain('[xxgk] warning: no report of agency "不存在"; agencies: 威海市中小企业局、');
  }, 60_000);

  it('export --quiet leaves only the summary line', async () => {
    const quiet = io();
    expect(await main(['export', 'data/raw', '--out', tmp(), '-q'], quiet.io)).toBe(0);
    expect(quiet.err()).toMatch(/^\[xxgk\] 5 report\(s\): [^\n]*\n$/);
  }, 60_000);
});
