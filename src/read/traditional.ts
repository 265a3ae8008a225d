/**
 * Traditional-character documents: detect them and convert their normalized lines to
 * Simplified for matching. Length-preserving (toSimplified keeps every line's length), so
 * offsets into a line still point into the raw line, which keeps the original characters.
 */
import { MIN_TRADITIONAL_CHARACTERS, SHARED_CHARACTERS, TERM_VARIANTS } from '../catalogue/traditional.ts';
import { changedAlone, toSimplified } from './simplify.ts';

/** Characters checked to decide (enough for any report's title and first paragraphs). */
const SAMPLE = 6000;

let markTable: Uint8Array | undefined;

/**
 * One flag per BMP code unit: 1 when OpenCC converts the character on its own and it is not
 * also correct Simplified. Built once per thread (from OpenCC's dictionaries, see changedAlone)
 * so that detection is a table lookup per character — detection runs on every document,
 * conversion only on the rare Traditional ones.
 */
export function traditionalMarks(): Uint8Array {
  if (markTable) return markTable;
  const table = new Uint8Array(0x10000);
  const shared = new Set(SHARED_CHARACTERS);
  for (const ch of changedAlone()) if (!shared.has(ch)) table[ch.charCodeAt(0)] = 1;
  return (markTable = table);
}

/** True when the document is written in Traditional characters (not one stray variant). */
export function isTraditional(lines: readonly string[]): boolean {
  const table = traditionalMarks();
  const distinct = new Set<number>();
  let seen = 0;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      if (table[code] !== 1) continue;
      distinct.add(code);
      if (distinct.size >= MIN_TRADITIONAL_CHARACTERS) return true;
    }
    seen += line.length;
    if (seen > SAMPLE) break;
  }
  return false;
}

/** One line in Simplified, with the Traditional-script terms replaced (same length). */
export function simplifyForMatching(line: string): string {
  let out = toSimplified(line);
  for (const [from, to] of TERM_VARIANTS) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

/**
 * The document's lines for matching: a converted copy when it is Traditional, else `lines`
 * itself (nothing to convert). The caller hands its array over: it must not change it afterwards
 * unless it means to change the result too.
 */
export function simplifyDoc(lines: string[]): string[] {
  return isTraditional(lines) ? lines.map(simplifyForMatching) : lines;
}
