/**
 * Synthetic corpus generator: realistic reports of the three templates for scale, fuzzing and
 * accuracy tests, with a manifest of the true values. Synthetic data is marked twice — file
 * names start with `synth_` and the first line is 【合成数据】 — and never goes to data/raw.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XxgkError } from '../errors.ts';
import { synthReport, type SynthManifestEntry, type SynthOptions } from './report.ts';

export { synthReport, SYNTH_MARKER } from './report.ts';

/**
 * The generator's version: corpora made by another one hold other reports for the same seed
 * (2: series — each body one report a year — and carry-over chains between them).
 */
export const SYNTH_GENERATOR = 2;
export type { Defect, DefectKind, SynthManifestEntry, SynthReport, SynthTemplate, TrueValue } from './report.ts';

export interface SynthCorpusOptions extends SynthOptions {
  n: number;
  out: string;
  seed?: number;
  /** Called every 1000 files. */
  onProgress?: (done: number) => void;
}

export interface SynthCorpusResult {
  files: number;
  bytes: number;
  manifest: string;
}

/** Relative path of report `index` inside the corpus folder: a province/year tree like real crawls. */
export function synthPath(entry: Pick<SynthManifestEntry, 'province' | 'year' | 'index'>): string {
  return path.join(entry.province, String(entry.year), `synth_${String(entry.index).padStart(7, '0')}.txt`);
}

export async function synthCorpus(options: SynthCorpusOptions): Promise<SynthCorpusResult> {
  const { n, out, seed = 1 } = options;
  if (!Number.isInteger(n) || n < 0) throw new XxgkError('bad_argument', `n must be a non-negative integer, got ${n}`);
  if (!out) throw new XxgkError('bad_argument', 'out folder is required');
  const resolved = path.resolve(out);
  if (resolved.split(path.sep).join('/').includes('/data/raw')) {
    throw new XxgkError('bad_argument', `synthetic data never goes to data/raw (got ${out})`);
  }
  mkdirSync(resolved, { recursive: true });
  const manifest = path.join(resolved, 'manifest.jsonl');
  const stream = createWriteStream(manifest);
  const made = new Set<string>();
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const { entry, text } = synthReport(seed, i, options);
    const rel = synthPath(entry);
    const dir = path.dirname(path.join(resolved, rel));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const buf = Buffer.from(text, 'utf8');
    writeFileSync(path.join(resolved, rel), buf);
    bytes += buf.byteLength;
    entry.file = rel;
    if (!stream.write(JSON.stringify(entry) + '\n')) await new Promise<void>((res) => stream.once('drain', () => res()));
    if ((i + 1) % 1000 === 0) options.onProgress?.(i + 1);
  }
  await new Promise<void>((res, rej) => stream.end((e?: Error | null) => (e ? rej(e) : res())));
  return { files: n, bytes, manifest };
}

/** Read a manifest.jsonl back. */
export async function readManifest(file: string): Promise<SynthManifestEntry[]> {
  const { readFile } = await import('node:fs/promises');
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as SynthManifestEntry);
}
