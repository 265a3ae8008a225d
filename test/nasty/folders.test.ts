/** Nasty folders: thousands of non-report files, symlink loops, broken and self links. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReports } from '../../src/load.ts';
import { seedPath } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-folders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a folder with 3000 non-report files and 2 reports', () => {
  const root = join(dir, 'crawl');
  mkdirSync(join(root, 'assets', 'img'), { recursive: true });
  for (let i = 0; i < 1500; i++) {
    writeFileSync(join(root, 'assets', 'img', `pic${i}.jpg`), '\xff\xd8\xff\xe0');
    writeFileSync(join(root, 'assets', `style${i}.css`), 'body{color:red}');
  }
  writeFileSync(join(root, '.DS_Store'), '\0\0\0\x01Bud1');
  copyFileSync(seedPath('000'), join(root, 'a.txt'));
  mkdirSync(join(root, 'deep', 'er'), { recursive: true });
  copyFileSync(seedPath('003'), join(root, 'deep', 'er', 'b.TXT'));

  it('gives exactly the 2 reports, both ok, and no row for the other files', async () => {
    const r = await loadReports(root);
    expect(r.records.reports.map((x) => [x.file, x.status])).toEqual([
      [join(root, 'a.txt'), 'ok'],
      [join(root, 'deep', 'er', 'b.TXT'), 'ok'],
    ]);
  });
});

describe('symlinks', () => {
  const root = join(dir, 'links');
  mkdirSync(join(root, 'sub'), { recursive: true });
  copyFileSync(seedPath('004'), join(root, 'sub', 'r.txt'));
  symlinkSync(root, join(root, 'sub', 'up')); // loop: sub/up → root
  symlinkSync(join(root, 'sub'), join(root, 'sub', 'self')); // loop: sub/self → sub
  symlinkSync(join(root, 'nowhere.txt'), join(root, 'broken.txt')); // dangling
  symlinkSync(join(root, 'me.txt'), join(root, 'me.txt')); // link to itself (ELOOP)
  symlinkSync(join(root, 'nowhere.css'), join(root, 'broken.css')); // dangling, not a report

  it('loops are not followed; a broken or self link named like a report is a failed unreadable_file row', async () => {
    const r = await loadReports(root);
    expect(r.records.reports.map((x) => [x.file, x.status])).toEqual([
      [join(root, 'broken.txt'), 'failed'],
      [join(root, 'me.txt'), 'failed'],
      [join(root, 'sub', 'r.txt'), 'ok'],
    ]);
    const codes = r.records.findings.filter((f) => f.code === 'unreadable_file').map((f) => f.message.split(':').slice(0, 2).join(':'));
    expect(codes).toEqual([`${join(root, 'broken.txt')}: cannot read ${join(root, 'broken.txt')}`, `${join(root, 'me.txt')}: cannot read ${join(root, 'me.txt')}`]);
    expect(r.records.findings.find((f) => f.message.includes('me.txt'))!.message).toContain('ELOOP');
  });

  it('an explicit path that is a symlink loop is one failed row', async () => {
    const r = await loadReports(join(root, 'me.txt'));
    expect(r.records.reports.map((x) => x.status)).toEqual(['failed']);
    expect(r.records.findings.map((f) => f.code)).toEqual(['unreadable_file']);
  });
});
