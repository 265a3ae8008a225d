import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XxgkError } from '../../src/errors.ts';
import { collectSources, iterateSources, type Input } from '../../src/read/inputs.ts';
import type { Source } from '../../src/types.ts';

let root: string;
const rel = (s: Source) => path.relative(root, s.file);
const text = (s: Source) => Buffer.from(s.bytes!).toString('utf8');

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'xxgk-read-'));
  const w = (p: string, content: string) => {
    mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    writeFileSync(path.join(root, p), content);
  };
  w('corpus/a.txt', '报告A');
  w('corpus/notes.md', '# not a report');
  w('corpus/image.png', 'png');
  w('corpus/sub/b.html', '<html>B</html>');
  w('corpus/sub/deeper/c.TXT', '报告C');
  w('corpus/z.docx', 'PK');
  w('corpus/.git/HEAD.txt', 'hidden dir');
  w('corpus/.hidden.txt', 'hidden file');
  w('corpus/10.txt', '报告10');
  // A symlink back to an ancestor (a loop) and a dangling symlink named like a report.
  symlinkSync(path.join(root, 'corpus'), path.join(root, 'corpus/sub/loop'));
  symlinkSync(path.join(root, 'corpus/missing.txt'), path.join(root, 'corpus/sub/dangling.txt'));
  w('big/large.txt', 'x'.repeat(100));
  w('big/small.txt', 'x'.repeat(5));
  w('locked/secret.txt', '秘密');
  chmodSync(path.join(root, 'locked/secret.txt'), 0o000);
});

afterAll(() => {
  chmodSync(path.join(root, 'locked/secret.txt'), 0o644);
  rmSync(root, { recursive: true, force: true });
});

describe('collectSources: folders', () => {
  it('walks nested folders in sorted order, takes report extensions only, skips hidden entries, survives a symlink loop', async () => {
    const sources = await collectSources([path.join(root, 'corpus')]);
    expect(sources.map(rel)).toEqual([
      'corpus/10.txt',
      'corpus/a.txt',
      'corpus/sub/b.html',
      'corpus/sub/dangling.txt',
      'corpus/sub/deeper/c.TXT',
      'corpus/z.docx',
    ]);
    expect(text(sources[1])).toBe('报告A');
    expect(text(sources[4])).toBe('报告C');
    const dangling = sources[3];
    expect(dangling.bytes).toBeUndefined();
    expect(dangling.readError?.code).toBe('unreadable_file');
    expect(dangling.readError?.message).toContain('ENOENT');
  });

  it('is deterministic', async () => {
    const a = await collectSources([path.join(root, 'corpus')]);
    const b = await collectSources([path.join(root, 'corpus')]);
    expect(a.map((s) => s.file)).toEqual(b.map((s) => s.file));
  });

  it('extensions option replaces the default list (case- and dot-insensitive)', async () => {
    const sources = await collectSources([path.join(root, 'corpus')], { extensions: ['.MD'] });
    expect(sources.map(rel)).toEqual(['corpus/notes.md']);
  });

  it('a file passed explicitly is taken whatever its extension', async () => {
    const sources = await collectSources([path.join(root, 'corpus/notes.md'), path.join(root, 'corpus/image.png')]);
    expect(sources.map(rel)).toEqual(['corpus/notes.md', 'corpus/image.png']);
    expect(text(sources[0])).toBe('# not a report');
  });
});

describe('collectSources: problems become readErrors', () => {
  it('file_too_large with a small maxFileBytes; smaller files still read', async () => {
    const sources = await collectSources([path.join(root, 'big')], { maxFileBytes: 10 });
    expect(sources.map(rel)).toEqual(['big/large.txt', 'big/small.txt']);
    expect(sources[0].bytes).toBeUndefined();
    expect(sources[0].readError?.code).toBe('file_too_large');
    expect(sources[0].readError?.message).toContain('100 bytes');
    expect(sources[1].readError).toBeUndefined();
    expect(text(sources[1])).toBe('xxxxx');
  });

  it('in-memory bytes over the limit are file_too_large too', async () => {
    const [s] = await collectSources([{ file: 'mem.txt', bytes: new Uint8Array(11) }], { maxFileBytes: 10 });
    expect(s.readError?.code).toBe('file_too_large');
  });

  it('a missing path → unreadable_file naming ENOENT', async () => {
    const [s] = await collectSources([path.join(root, 'nope.txt')]);
    expect(s.file).toBe(path.join(root, 'nope.txt'));
    expect(s.readError?.code).toBe('unreadable_file');
    expect(s.readError?.message).toMatch(/ENOENT/);
  });

  // A chmod 000 file → unreadable_file (EACCES): tested in test/nasty/files.test.ts, run as user
  // nobody in a child process, since root (CI) can read any file.
});

describe('collectSources: in-memory inputs and arguments', () => {
  it('passes {file, text} and {file, bytes} through, in input order', async () => {
    const bytes = Uint8Array.from([0x41]);
    const sources = await collectSources([{ file: 't', text: '报告' }, path.join(root, 'corpus/a.txt'), { file: 'b', bytes }]);
    expect(sources[0]).toEqual({ file: 't', text: '报告' });
    expect(rel(sources[1])).toBe('corpus/a.txt');
    expect(sources[2]).toEqual({ file: 'b', bytes });
  });

  it('malformed arguments throw XxgkError bad_argument', async () => {
    const bad = async (inputs: unknown, opts?: unknown) =>
      collectSources(inputs as Input[], opts as undefined).then(
        () => 'no error',
        (e: unknown) => (e instanceof XxgkError ? e.code : String(e)),
      );
    expect(await bad([42])).toBe('bad_argument');
    expect(await bad([null])).toBe('bad_argument');
    expect(await bad([{ file: 'x' }])).toBe('bad_argument');
    expect(await bad([{ file: 'x', bytes: [1, 2] }])).toBe('bad_argument');
    expect(await bad('data/raw')).toBe('bad_argument');
    expect(await bad([''])).toBe('bad_argument');
    expect(await bad([], { maxFileBytes: -1 })).toBe('bad_argument');
    expect(await bad([], { extensions: 'txt' })).toBe('bad_argument');
    expect(await bad([])).toBe('no error');
  });

  it('iterateSources yields one Source at a time', async () => {
    const it = iterateSources([path.join(root, 'corpus')]);
    const first = await it.next();
    expect(first.done).toBe(false);
    expect(rel(first.value as Source)).toBe('corpus/10.txt');
    await it.return(undefined);
  });
});
