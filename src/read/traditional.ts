/**
 * Traditional-character documents: detect them and convert their normalized lines to
 * Simplified for matching. Length-preserving (toSimplified keeps every line's length), so
 * offsets into a line still point into the raw line, which keeps the original characters.
 */
import { MIN_TRADITIONAL_CHARACTERS, SHARED_CHARACTERS, TERM_VARIANTS } from '../catalogue/traditional.ts';
import { toSimplified } from './normalize.ts';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
const SHARED = new Set(SHARED_CHARACTERS);
/** Characters checked to decide (enough for any report's title and first paragraphs). */
const SAMPLE = 6000;

/** True when the document is written in Traditional characters (not one stray variant). */
export function isTraditional(lines: readonly string[]): boolean {
  let sample = '';
  for (const l of lines) {
    if (sample.length > SAMPLE) break;
    if (HAN.test(l)) sample += l + '\n';
  }
  if (!sample) return false;
  const converted = toSimplified(sample);
  const changed = new Set<string>();
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== converted[i] && !SHARED.has(sample[i]!)) changed.add(sample[i]!);
    if (changed.size >= MIN_TRADITIONAL_CHARACTERS) return true;
  }
  return false;
}

/** One line in Simplified, with the Traditional-script terms replaced (same length). */
export function simplifyForMatching(line: string): string {
  let out = toSimplified(line);
  for (const [from, to] of TERM_VARIANTS) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

/** The document's lines for matching: converted when it is Traditional, else unchanged. */
export function simplifyDoc(lines: readonly string[]): string[] {
  return isTraditional(lines) ? lines.map(simplifyForMatching) : lines.slice();
}
