import type { FindingCode, Severity } from '../types.ts';
export interface ReaderNote { severity: Severity; code: FindingCode; message: string; metric: string | null; line: number | null }
export async function readPdf(_bytes: Uint8Array): Promise<{ lines: string[]; encoding: string; notes: ReaderNote[] } | { error: { code: FindingCode; message: string } }> {
  return { error: { code: 'unsupported_format', message: 'todo' } };
}
