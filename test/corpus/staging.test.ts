import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commit, JOURNAL_FILE, liveRun, openStaging, recover, STALE_MS } from '../../src/corpus/staging.ts';

/** Every file under a folder (relative path → content), hidden ones included. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

function put(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

/** A pid no process has any more. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

/**
 * A dataset of run 1 and run 2's staging: a part rewritten (2020: a stale report dropped), a part
 * emptied (2019: to remove), a new part (2021), the new index. Contents stand for the files.
 */
function fixture() {
  const out = mkdtempSync(path.join(os.tmpdir(), 'xxgk-staging-'));
  put(out, {
    '_corpus.jsonl': 'index 1',
    'facts/year=2019/part-r001w00-0000.parquet': 'old 2019',
    'facts/year=2020/part-r001w00-0000.parquet': 'old 2020',
    'findings/year=2020/corpus-r001.parquet': 'corpus 1',
  });
  const staging = openStaging(out, 2);
  put(staging.dir, {
    '_corpus.jsonl': 'index 2',
    'facts/year=2020/part-r001w00-0000.parquet': 'rewritten 2020',
    'facts/year=2021/part-r002w00-0000.parquet': 'new 2021',
    'findings/year=2021/corpus-r002.parquet': 'corpus 2',
  });
  const remove = ['facts/year=2019/part-r001w00-0000.parquet', 'findings/year=2020/corpus-r001.parquet'];
  return { out, staging, remove };
}

const committed = {
  '_corpus.jsonl': 'index 2',
  'facts/year=2020/part-r001w00-0000.parquet': 'rewritten 2020',
  'facts/year=2021/part-r002w00-0000.parquet': 'new 2021',
  'findings/year=2021/corpus-r002.parquet': 'corpus 2',
};

describe('a run’s staging folder and its commit', () => {
  it('stages out of the dataset’s globs (a hidden folder owned by this process), then commits: removed, replaced, moved, index last', () => {
    const { out, staging, remove } = fixture();
    expect(path.relative(out, staging.dir)).toBe('.staging-r002');
    expect(JSON.parse(readFileSync(path.join(staging.dir, '_owner.json'), 'utf8'))).toEqual({ pid: process.pid });
    expect(liveRun(out)).toBe(process.pid);
    commit(out, staging, remove);
    expect(tree(out)).toEqual(committed);
    // The emptied year's folder goes with its last part; no staging, no journal.
    expect(readdirSync(path.join(out, 'facts')).sort()).toEqual(['year=2020', 'year=2021']);
    expect(liveRun(out)).toBeNull();
  });

  it('completes a commit a killed run left half done (its journal), and removes dead runs’ staging and old temporaries', () => {
    const { out, staging, remove } = fixture();
    // Killed after its journal, one removal and one move.
    writeFileSync(path.join(out, JOURNAL_FILE), JSON.stringify({ staging: '.staging-r002', remove }));
    put(out, { 'facts/year=2021/part-r002w00-0000.parquet': 'new 2021' });
    rmSync(path.join(staging.dir, 'facts/year=2021/part-r002w00-0000.parquet'));
    rmSync(path.join(out, remove[0]!));
    // Its owner is gone; an earlier dead run's staging and an older xxgk's temporaries lie about.
    writeFileSync(path.join(staging.dir, '_owner.json'), JSON.stringify({ pid: deadPid() }));
    put(out, { '.staging-r001/facts/year=2020/part-r001w00-0000.parquet': '', '_ledger.tmp': 'x', '_corpus.jsonl.tmp': 'x', '_ledger.tmp.3': 'x' });
    expect(liveRun(out)).toBeNull();
    recover(out);
    expect(tree(out)).toEqual(committed);
  });

  it('takes another process’s staging folder for a live run’s only while the process lives and touches it; this process’s only while its run is under way', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'xxgk-staging-'));
    const other = spawn('sleep', ['30']);
    const owner = path.join(out, '.staging-r007', '_owner.json');
    put(out, { '.staging-r007/_owner.json': JSON.stringify({ pid: other.pid }) });
    expect(liveRun(out)).toBe(other.pid);
    // Not touched for longer than STALE_MS: dead, whoever has its pid now.
    const then = new Date(Date.now() - STALE_MS - 1000);
    utimesSync(owner, then, then);
    expect(liveRun(out)).toBeNull();
    utimesSync(owner, new Date(), new Date());
    expect(liveRun(out)).toBe(other.pid);
    other.kill('SIGKILL');
    await new Promise((res) => other.on('exit', res));
    expect(liveRun(out)).toBeNull();
    // A killed run not yet reaped (a zombie: here the child of a `sleep` that never waits) is dead.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30']);
    const zombie = Number(await new Promise<string>((res) => parent.stdout.once('data', (d) => res(String(d)))));
    await new Promise((res) => setTimeout(res, 300));
    put(out, { '.staging-r007/_owner.json': JSON.stringify({ pid: zombie }) });
    expect(readFileSync(`/proc/${zombie}/stat`, 'utf8')).toMatch(/^\d+ \(sleep\) Z /);
    expect(liveRun(out)).toBeNull();
    parent.kill('SIGKILL');

    // This process: its run's staging is live (touched or not) until removed; one a run of it left
    // behind (it threw before its clean-up) is dead.
    const staging = openStaging(out, 8);
    utimesSync(path.join(staging.dir, '_owner.json'), then, then);
    expect(liveRun(out)).toBe(process.pid);
    staging.remove();
    put(out, { '.staging-r009/_owner.json': JSON.stringify({ pid: process.pid }) });
    expect(liveRun(out)).toBeNull();
    recover(out);
    expect(readdirSync(out)).toEqual([]);
  });
});
