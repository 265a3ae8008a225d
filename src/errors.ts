/**
 * The one error type of xxgk. Data problems never throw — they become findings; XxgkError is
 * for programmer errors (bad arguments) and for stages that must abort one file, which the
 * pipeline then turns into a finding naming the file and line.
 */

export const ERROR_CODES = [
  'bad_argument',
  'unreadable_file',
  'empty_file',
  'binary_file',
  'unknown_encoding',
  'file_too_large',
  'unsupported_format',
  'no_report',
  'browser_missing',
  'export_failed',
  'usage',
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
