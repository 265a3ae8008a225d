/**
 * UTF-16 code units → strings, for the read stage's hot loops (UTF-8 decoding, character
 * folding). Both fill one reused buffer and turn it into a string with a single native call:
 * allocating a typed array per document or line, and String.fromCharCode.apply on typed arrays,
 * cost more than the loops themselves.
 */

/** Reused code-unit buffer (one per thread; a very large document gets its own). */
let scratch = new Uint16Array(1 << 14);
const MAX_SCRATCH = 1 << 22;

/**
 * A buffer of at least `size` code units. Its content is only valid until the next call: read
 * it back with `unitsToString` before anything else asks for units.
 */
export function scratchUnits(size: number): Uint16Array {
  if (size <= scratch.length) return scratch;
  if (size > MAX_SCRATCH) return new Uint16Array(size);
  return (scratch = new Uint16Array(Math.min(MAX_SCRATCH, Math.max(size, scratch.length * 2))));
}

/** Typed-array bytes are UTF-16LE only on a little-endian machine (every usual one). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The first `length` code units as a string. Node's UTF-16LE decoding copies the units as they
 * are (lone surrogates included); String.fromCharCode.apply, many times slower, is the
 * big-endian fallback (in chunks: its argument count is bounded).
 */
export function unitsToString(units: Uint16Array, length: number): string {
  if (LITTLE_ENDIAN) return Buffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le');
  let out = '';
  for (let k = 0; k < length; k += 8192) {
    out += String.fromCharCode.apply(null, units.subarray(k, Math.min(k + 8192, length)) as unknown as number[]);
  }
  return out;
}

/**
 * The rule that tells text from binary data, per code unit: 1 for a control character — the C0
 * controls other than tab … carriage return, DEL, and the C1 controls U+0080–U+009F — 0 for the
 * rest. Indexed by code units below 0xA0 (every control is one); both readValidUtf8 and the
 * decoder's check of decoded text (countText) count with it.
 */
export const CONTROL_UNITS: Uint8Array = (() => {
  const table = new Uint8Array(0xa0);
  for (let unit = 0; unit < 0xa0; unit++) if ((unit < 0x20 && (unit < 0x09 || unit > 0x0d)) || unit >= 0x7f) table[unit] = 1;
  return table;
})();

/**
 * The same rule for raw bytes of any encoding we read: a byte from 0x80 on is part of a
 * multi-byte character (UTF-8, GB18030, Big5), never a control by itself, so only the ASCII
 * half of CONTROL_UNITS applies.
 */
export const CONTROL_BYTES: Uint8Array = (() => {
  const table = new Uint8Array(256);
  table.set(CONTROL_UNITS.subarray(0, 0x80));
  return table;
})();

/** Valid UTF-8 decoded, with the counts that tell text from binary data, taken on the way. */
export interface Utf8Text {
  text: string;
  /** Control characters (CONTROL_UNITS) of one byte: C0 (but tab … carriage return) and DEL. */
  controlBytes: number;
  /** Control characters (CONTROL_UNITS) of two bytes: the C1 controls U+0080–U+009F. */
  c1Controls: number;
  /** U+FFFD replacement characters. */
  replacements: number;
}

/**
 * Decode bytes already checked to be valid UTF-8 (buffer.isUtf8), BOM kept — the same string as
 * a fatal TextDecoder with ignoreBOM, in well under half the time (V8's decoder validates as it
 * goes; validation here is done once, natively, beforehand, so each sequence's length is read
 * from its lead byte alone). The counts cost little here and spare the caller two more passes.
 */
export function readValidUtf8(bytes: Uint8Array): Utf8Text {
  const units = scratchUnits(bytes.length); // never more code units than bytes
  let n = 0;
  let controlBytes = 0;
  let c1Controls = 0;
  let replacements = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      units[n++] = b;
      controlBytes += CONTROL_UNITS[b];
      i += 1;
    } else if (b < 0xe0) {
      const unit = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      units[n++] = unit;
      if (unit < 0xa0) c1Controls += CONTROL_UNITS[unit];
      i += 2;
    } else if (b < 0xf0) {
      const unit = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      units[n++] = unit;
      if (unit === 0xfffd) replacements++;
      i += 3;
    } else {
      // Outside the BMP: a surrogate pair.
      const cp = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      units[n++] = 0xd800 | ((cp - 0x10000) >> 10);
      units[n++] = 0xdc00 | (cp & 0x3ff);
      i += 4;
    }
  }
  return { text: unitsToString(units, n), controlBytes, c1Controls, replacements };
}

/** readValidUtf8's text alone. */
export function decodeValidUtf8(bytes: Uint8Array): string {
  return readValidUtf8(bytes).text;
}
