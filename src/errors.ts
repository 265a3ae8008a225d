/**
 * The one error type of xxgk. Data problems never throw — they become findings (closed list:
 * FINDING_CODES in types.ts); XxgkError is for programmer errors, CLI usage and the tools
 * around the data (browser, disk).
 */

export const ERROR_CODES = [
  /** A programmer error: wrong argument types or values (never a data problem). */
  'bad_argument',
  /** A CLI usage error (exit code 2). */
  'usage',
  /** No Chromium to render charts with (it is never downloaded). */
  'browser_missing',
  /** Writing an export failed (disk, browser rendering). */
  'export_failed',
  /** A corpus worker thread stopped (out of memory, a crash): the run is abandoned, the previous dataset index kept. */
  'worker_failed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Location {
  file?: string;
  line?: number;
}

export class XxgkError extends Error {
  readonly code: ErrorCode;
  readonly location: Location;

  constructor(code: ErrorCode, message: string, location: Location = {}) {
    const where = location.file ? `${location.file}${location.line ? `:${location.line}` : ''}: ` : '';
    super(`${where}${message}`);
    this.name = 'XxgkError';
    this.code = code;
    this.location = location;
  }
}

export function isXxgkError(e: unknown): e is XxgkError {
  return e instanceof XxgkError;
}
