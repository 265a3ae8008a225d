/** Writing an export's file: its folder made first, and a failure that names the file. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { XxgkError } from '../errors.ts';

export async function writeOut(path: string, bytes: Uint8Array | string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  } catch (e) {
    throw new XxgkError('export_failed', `cannot write ${path}: ${(e as Error).message}`);
  }
}
