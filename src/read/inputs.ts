/**
 * Inputs → Sources. Paths are files or folders (walked recursively, sorted, following symlinks
 * with loop detection); in-memory inputs pass through. One file is read at a time, so memory
 * stays bounded by the largest file (itself capped by maxFileBytes).
 */
import { closeSync, type Dirent, fstatSync, openSync, promises as fs, readSync } from 'node:fs';
import path from 'node:path';
import { XxgkError } from '../errors.ts';
import type { Source } from '../types.ts';

export type Input = string | { file: string; text: string } | { file: string; bytes: Uint8Array };

export interface CollectOptions {
  /** Files larger than this are not read (Source with readError file_too_large). Default 50 MB. */
  maxFileBytes?: number;
  /** Extensions (without dot, any case) taken from folders. Explicit file paths are always taken. */
  extensions?: string[];
}

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_EXTENSIONS: readonly string[] = ['txt', 'text', 'htm', 'html', 'docx', 'doc', 'wps', 'pdf'];

interface Settings {
  maxFileBytes: number;
  extensions: Set<string>;
}

function settingsOf(opts: CollectOptions | undefined): Settings {
  if (opts !== undefined && (opts === null || typeof opts !== 'object')) {
    throw new XxgkError('bad_argument', 'options must be an object');
  }
  const max = opts?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (typeof max !== 'number' || !(max >= 0)) {
    throw new XxgkError('bad_argument', `maxFileBytes must be a non-negative number, got ${String(max)}`);
  }
  const exts = opts?.extensions ?? DEFAULT_EXTENSIONS;
  if (!Array.isArray(exts) || exts.some((e) => typeof e !== 'string')) {
    throw new XxgkError('bad_argument', 'extensions must be an array of strings');
  }
  return { maxFileBytes: max, extensions: new Set(exts.map((e) => e.replace(/^\./, '').toLowerCase())) };
}

/** Programmer errors only: the shape of the arguments, never the state of the files. */
function checkInput(input: unknown, index: number): asserts input is Input {
  if (typeof input === 'string') {
    if (input === '') throw new XxgkError('bad_argument', `input ${index} is an empty path`);
    return;
  }
  if (input !== null && typeof input === 'object' && typeof (input as { file?: unknown }).file === 'string') {
    const o = input as { text?: unknown; bytes?: unknown };
    if (typeof o.text === 'string' || o.bytes instanceof Uint8Array) return;
  }
  throw new XxgkError(
    'bad_argument',
    `input ${index} must be a path string, {file, text} or {file, bytes}; got ${describe(input)}`,
  );
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? `an object with keys ${Object.keys(v as object).join(', ') || '(none)'}` : typeof v;
}

function osError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  // Node's messages mostly start with their code already ("ENOENT: no such file…").
  if (err?.code && !err.message?.startsWith(`${err.code}:`)) return `${err.code}: ${err.message}`;
  return String(err?.message ?? e);
}

function unreadable(file: string, e: unknown): Source {
  return { file, readError: { code: 'unreadable_file', message: `cannot read ${file}: ${osError(e)}` } };
}

/**
 * Read one regular file, respecting the size cap; never throws. Synchronous calls: a corpus is
 * hundreds of thousands of small files, and five promise round trips through the thread pool per
 * file made reading the loader's bottleneck. The size is checked on the open descriptor before
 * anything is read.
 */
function readFileSource(file: string, s: Settings): Source {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (!st.isFile()) {
      return { file, readError: { code: 'unreadable_file', message: `${file} is not a regular file` } };
    }
    if (st.size > s.maxFileBytes) {
      return {
        file,
        readError: {
          code: 'file_too_large',
          message: `${file} is ${st.size} bytes, over the limit of ${s.maxFileBytes} bytes`,
        },
      };
    }
    return { file, bytes: readAll(fd, st.size, s.maxFileBytes, file) };
  } catch (e) {
    return unreadable(file, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Read to the end (a file may grow or shrink between fstat and read). */
function readAll(fd: number, size: number, max: number, file: string): Uint8Array {
  let buf = Buffer.allocUnsafe(Math.max(size, 1) + 1);
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > max) throw Object.assign(new Error(`${file} grew past ${max} bytes while read`), { code: 'EFBIG' });
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, length);
}

function takesExtension(name: string, s: Settings): boolean {
  return s.extensions.has(path.extname(name).slice(1).toLowerCase());
}

/**
 * Walk a folder depth-first in sorted order, yielding files and unreadable entries.
 * `ancestors` holds the real paths of the folders above: a symlink back into one of them is a
 * loop and is not entered. A folder linked twice from different places is walked twice (its
 * files then show up as duplicate reports, which is what they are).
 */
async function* walk(dir: string, s: Settings, ancestors: ReadonlySet<string>): AsyncGenerator<Source> {
  let real: string;
  let entries: Dirent[];
  try {
    real = await fs.realpath(dir);
    if (ancestors.has(real)) return;
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield unreadable(dir, e);
    return;
  }
  const inside = new Set(ancestors).add(real);
  // Code-unit order: deterministic across platforms and locales.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.')) continue; // .git, .DS_Store, ._resource forks
    const full = path.join(dir, name);
    // A regular file needs no stat (the directory entry says so); symlinks are followed.
    if (entry.isFile()) {
      if (takesExtension(name, s)) yield readFileSource(full, s);
      continue;
    }
    let st;
    try {
      st = await fs.stat(full); // follows symlinks
    } catch (e) {
      // Broken symlink or vanished entry: report it only if it looks like a report.
      if (takesExtension(name, s)) yield unreadable(full, e);
      continue;
    }
    if (st.isDirectory()) yield* walk(full, s, inside);
    else if (st.isFile() && takesExtension(name, s)) yield readFileSource(full, s);
  }
}

/**
 * Yield one Source at a time, in input order (folders expanded in sorted order).
 * Throws XxgkError('bad_argument') only for malformed arguments, before yielding anything.
 */
export async function* iterateSources(inputs: readonly Input[], opts?: CollectOptions): AsyncGenerator<Source> {
  if (!Array.isArray(inputs)) throw new XxgkError('bad_argument', 'inputs must be an array');
  inputs.forEach((input, i) => checkInput(input, i));
  const s = settingsOf(opts);
  for (const input of inputs) {
    if (typeof input !== 'string') {
      if ('text' in input && typeof input.text === 'string') yield { file: input.file, text: input.text };
      else {
        const { file, bytes } = input as { file: string; bytes: Uint8Array };
        yield bytes.byteLength > s.maxFileBytes
          ? {
              file,
              readError: {
                code: 'file_too_large',
                message: `${file} is ${bytes.byteLength} bytes, over the limit of ${s.maxFileBytes} bytes`,
              },
            }
          : { file, bytes };
      }
      continue;
    }
    let st;
    try {
      st = await fs.stat(input);
    } catch (e) {
      yield unreadable(input, e);
      continue;
    }
    // An explicit file is always taken, whatever its extension.
    if (st.isDirectory()) yield* walk(input, s, new Set());
    else yield readFileSource(input, s);
  }
}

/** All Sources of the inputs (see iterateSources). */
export async function collectSources(inputs: readonly Input[], opts?: CollectOptions): Promise<Source[]> {
  const out: Source[] = [];
  for await (const source of iterateSources(inputs, opts)) out.push(source);
  return out;
}
