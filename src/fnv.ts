/** FNV's 32-bit offset basis. */
const BASIS = 0x811c9dc5;

/**
 * FNV-1a of a string's UTF-16 code units (32 bits, unsigned): a cheap, stable hash for keys and
 * ids. Another `basis` gives a second hash of the same text for a wider key.
 */
export function fnv1a(text: string, basis = BASIS): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
