/**
 * READ stage: inputs → Sources → decoded, normalized lines.
 * `readSource` is what the pipeline calls per Source; the parts are exported for reuse and tests.
 */
import type { DecodedDoc, Source } from '../types.ts';
import { decode, type DecodeResult } from './decode.ts';
import { normalizeDoc } from './normalize.ts';

export { collectSources, iterateSources, DEFAULT_EXTENSIONS, DEFAULT_MAX_FILE_BYTES } from './inputs.ts';
export type { Input, CollectOptions } from './inputs.ts';
export { decode, formatOf, isReadFailure, sha256, splitLines } from './decode.ts';
export type { DecodeResult, ReadFailure } from './decode.ts';
export {
  blankChartResidue,
  blankInlineNoise,
  normalizeDoc,
  normalizeLine,
  toSimplified,
} from './normalize.ts';

/** Decode a Source and normalize its lines (`lines` index- and length-aligned with `raw`). */
export function readSource(source: Source): DecodeResult {
  const decoded = decode(source);
  if ('error' in decoded) return decoded;
  const doc: DecodedDoc = { ...decoded, lines: normalizeDoc(decoded.raw) };
  return doc;
}
