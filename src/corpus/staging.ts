/**
 * How a run hands a dataset over, so that readers (DuckDB over `<table>/**\/*.parquet`, Spark on
 * `<table>/`) always see the last complete run. A run writes its new part files, its rewrites of
 * parts that held stale reports, its corpus findings and its index into a hidden staging folder
 * (`.staging-r006/`) that no dataset glob matches. At the end it commits: a journal names the
 * staging folder and the dataset files the run's data no longer holds; those are removed, the
 * staged files renamed into place (a rewrite replaces its part atomically), the index last.
 *
 * A run killed before its journal leaves the dataset as it was; the next run removes its staging.
 * A run killed during the commit (a few renames) leaves a journal; the next run completes it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_FILE } from './cache.ts';
import { partFiles, runTag } from './schema.ts';

export const STAGING_PREFIX = '.staging-';
/** The commit journal in the dataset folder: present only while a commit is being applied. */
export const JOURNAL_FILE = '_commit.json';
/** In a staging folder: the run's process id; its modification time is the run's heartbeat. */
const OWNER_FILE = '_owner.json';
/** A staging folder whose owner has not touched it for this long belongs to a dead run. */
export const STALE_MS = 120_000;
/** Temporaries of xxgk versions that wrote the index and ledger in the dataset folder itself. */
const LEGACY_TEMPS = ['_ledger.tmp', `${CACHE_FILE}.tmp`, `${JOURNAL_FILE}.tmp`];

/** Staging folders of this process's runs under way: one of its own left by a run that threw early is dead. */
const active = new Set<string>();

interface Journal {
  /** The staging folder's name. */
  staging: string;
  /** Dataset files (relative paths) the committed run does not hold. */
  remove: string[];
}

export interface Staging {
  /** The folder the run writes into: workers' parts, rewrites, corpus findings, index, ledger. */
  readonly dir: string;
  /** Tell later runs this one is alive (call every few seconds). */
  touch(): void;
  /** Discard it (the run failed or was interrupted): the dataset stays as it was. */
  remove(): void;
}

/** The run's staging folder, owned by this process. */
export function openStaging(out: string, run: number): Staging {
  const dir = path.join(out, `${STAGING_PREFIX}${runTag(run)}`);
  const owner = path.join(dir, OWNER_FILE);
  mkdirSync(dir);
  writeFileSync(owner, JSON.stringify({ pid: process.pid }));
  active.add(dir);
  return {
    dir,
    touch() {
      const now = new Date();
      try {
        utimesSync(owner, now, now);
      } catch {
        // Committed already (the folder is gone).
      }
    },
    remove() {
      active.delete(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Another run (pid) is writing the dataset, or null. */
export function liveRun(out: string): number | null {
  for (const name of stagingFolders(out)) {
    const owner = path.join(out, name, OWNER_FILE);
    try {
      const { pid } = JSON.parse(readFileSync(owner, 'utf8')) as { pid: number };
      const mine = pid === process.pid;
      if (mine ? active.has(path.join(out, name)) : Date.now() - statSync(owner).mtimeMs < STALE_MS && running(pid)) return pid;
    } catch {
      // No owner yet or any more: dead, or just starting (its mkdir came first) or ending.
    }
  }
  return null;
}

/**
 * Before a run (no other run alive): complete a commit a killed run began, then remove what dead
 * runs left (staging folders, temporaries of earlier versions).
 */
export function recover(out: string): void {
  const journal = path.join(out, JOURNAL_FILE);
  if (existsSync(journal)) apply(out, JSON.parse(readFileSync(journal, 'utf8')) as Journal);
  for (const name of stagingFolders(out)) rmSync(path.join(out, name), { recursive: true, force: true });
  for (const name of readdirSync(out)) {
    if (LEGACY_TEMPS.some((t) => name.startsWith(t))) rmSync(path.join(out, name), { force: true });
  }
}

/**
 * Put a complete staging folder in place. `remove`: dataset files the run's data does not hold
 * (parts of a replaced dataset, parts emptied of stale reports, the previous corpus findings);
 * a staged file of the same name replaces its dataset file by the rename itself.
 */
export function commit(out: string, staging: Staging, remove: readonly string[]): void {
  const journal: Journal = { staging: path.basename(staging.dir), remove: [...remove] };
  const file = path.join(out, JOURNAL_FILE);
  // Written whole, then renamed: a journal on disk is always complete.
  writeFileSync(`${file}.tmp`, JSON.stringify(journal));
  renameSync(`${file}.tmp`, file);
  active.delete(staging.dir);
  apply(out, journal);
}

/** Apply a journal; again after a crash, it does what is left (every step is idempotent). */
function apply(out: string, journal: Journal): void {
  const dir = path.join(out, journal.staging);
  const emptied = new Set<string>();
  for (const rel of journal.remove) {
    rmSync(path.join(out, rel), { force: true });
    emptied.add(path.dirname(path.join(out, rel)));
  }
  const made = new Set<string>();
  for (const f of partFiles(dir)) {
    const dest = path.join(out, path.relative(dir, f.file));
    const parent = path.dirname(dest);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true });
    made.add(parent);
    renameSync(f.file, dest);
  }
  if (existsSync(path.join(dir, CACHE_FILE))) renameSync(path.join(dir, CACHE_FILE), path.join(out, CACHE_FILE));
  // A year no part is left in goes too (a rebuild of a corpus without it).
  for (const d of emptied) {
    try {
      rmdirSync(d);
    } catch {
      // Not empty.
    }
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.join(out, JOURNAL_FILE), { force: true });
}

function stagingFolders(out: string): string[] {
  return existsSync(out) ? readdirSync(out).filter((n) => n.startsWith(STAGING_PREFIX)) : [];
}

/** Whether a process of this id runs (EPERM: it does, another user's). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed run stays a zombie until its new parent reaps it, which a container's init may do
  // late: on Linux its state says so.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return true;
  }
}
