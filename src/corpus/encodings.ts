/**
 * The byte encodings Parquet pages are made of, written straight into byte arrays: unsigned
 * varints, the RLE/bit-packed hybrid (levels, dictionary indexes, booleans) and snappy
 * compression. Their layouts are hyparquet-writer's; its ByteWriter grew a byte at a time.
 */

/** `buffer` if it holds `size` bytes, else a bigger one (contents not kept). */
export function room<T extends Uint8Array>(buffer: T, size: number): T {
  if (buffer.length >= size) return buffer;
  const bigger = Math.max(size, 2 * buffer.length);
  return (Buffer.isBuffer(buffer) ? Buffer.allocUnsafe(bigger) : new Uint8Array(bigger)) as T;
}

/** Bytes `writeHybrid` may need for `count` values of `bitWidth` bits (at most 24). */
export const hybridBound = (count: number, bitWidth: number) => 16 + 2 * count + Math.ceil((count * bitWidth) / 8);

/**
 * The RLE/bit-packed hybrid encoding of `values[0..count)` written into `out` from `at`;
 * returns the end. Runs of 8 or more equal values become RLE runs, the rest bit-packed groups
 * of 8 (the last one padded with zeros) — hyparquet-writer's layout, written straight into a
 * byte array rather than a byte at a time through a growing ByteWriter.
 */
export function writeHybrid(out: Uint8Array, at: number, values: ArrayLike<number>, count: number, bitWidth: number): number {
  let packedFrom = -1; // first value of the pending bit-packed groups
  let i = 0;
  while (i < count) {
    const v = values[i];
    let end = i + 1;
    while (end < count && values[end] === v) end++;
    if (end - i >= 8) {
      if (packedFrom >= 0) at = writePacked(out, at, values, count, packedFrom, i, bitWidth);
      packedFrom = -1;
      at = writeRun(out, at, v, end - i, bitWidth);
      i = end;
    } else {
      if (packedFrom < 0) packedFrom = i;
      i += 8;
    }
  }
  if (packedFrom >= 0) at = writePacked(out, at, values, count, packedFrom, i, bitWidth);
  return at;
}

/** An RLE run: `count` times `value`. */
export function writeRun(out: Uint8Array, at: number, value: number, count: number, bitWidth: number): number {
  at = writeVarInt(out, at, count * 2);
  for (let b = 0; b < bitWidth; b += 8) out[at++] = (value >>> b) & 0xff;
  return at;
}

/** Bit-packed groups for values [from, to) (a multiple of 8; values past `count` are 0). */
function writePacked(out: Uint8Array, at: number, values: ArrayLike<number>, count: number, from: number, to: number, bitWidth: number): number {
  at = writeVarInt(out, at, ((to - from) >> 3) * 2 + 1);
  if (bitWidth === 1) {
    // Definition levels and booleans: a byte per 8 values.
    for (let i = from; i < to; i += 8) {
      let byte = 0;
      for (let b = 0; b < 8; b++) if (i + b < count && values[i + b]) byte |= 1 << b;
      out[at++] = byte;
    }
    return at;
  }
  const mask = (1 << bitWidth) - 1;
  const last = Math.min(to, count);
  let buffer = 0;
  let bits = 0;
  for (let i = from; i < last; i++) {
    buffer |= (values[i] & mask) << bits;
    bits += bitWidth;
    while (bits >= 8) {
      out[at++] = buffer & 0xff;
      buffer >>>= 8;
      bits -= 8;
    }
  }
  // Padding values are zeros: only whole bytes remain to be written.
  const total = ((to - from) * bitWidth) >> 3;
  const written = ((last - from) * bitWidth) >> 3;
  if (bits > 0) out[at++] = buffer & 0xff;
  const rest = total - written - (bits > 0 ? 1 : 0);
  for (let b = 0; b < rest; b++) out[at++] = 0;
  return at;
}

/** An unsigned varint (LEB128), as the hybrid's run headers and snappy's preamble use. */
function writeVarInt(out: Uint8Array, at: number, value: number): number {
  while (value > 0x7f) {
    out[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  out[at++] = value;
  return at;
}

/** Compressed bytes of the last `snappy` call (a worker compresses one page at a time). */
let snappyScratch = new Uint8Array(1 << 16);

const HASH_BITS = 14;
const hashTable = new Int32Array(1 << HASH_BITS);

/**
 * Snappy compression (the reference algorithm, as snappyjs and hyparquet-writer port it),
 * written into a scratch array sized for the worst case instead of a growing ByteWriter.
 * The result is valid until the next call.
 */
export function snappy(input: Uint8Array): Uint8Array {
  const n = input.length;
  const out = (snappyScratch = room(snappyScratch, 32 + n + Math.ceil(n / 6)));
  let op = writeVarInt(out, 0, n);
  let bits = 1;
  while (1 << bits <= n && bits <= HASH_BITS) bits++;
  bits--;
  const shift = 32 - bits;
  const table = hashTable.subarray(0, 1 << bits).fill(0);
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const load32 = (i: number) => view.getInt32(i, true);
  const hash = (i: number) => Math.imul(load32(i), 0x1e35a7bd) >>> shift;
  let emitted = 0;
  if (n >= 15) {
    const limit = n - 15;
    let ip = 1;
    let nextHash = hash(ip);
    search: for (;;) {
      // Look for a 4-byte match, skipping faster the longer none is found.
      let skip = 32;
      let next = ip;
      let candidate: number;
      do {
        ip = next;
        const h = nextHash;
        next = ip + (skip++ >>> 5);
        if (next > limit) break search;
        nextHash = hash(next);
        candidate = table[h];
        table[h] = ip;
      } while (ip - candidate > 0xffff || load32(ip) !== load32(candidate));
      op = emitLiteral(out, op, input, emitted, ip - emitted);
      // Emit copies as long as the next bytes match again.
      do {
        const base = ip;
        let matched = 4;
        // Four bytes at a time, then byte by byte.
        while (ip + matched + 4 <= n && load32(ip + matched) === load32(candidate + matched)) matched += 4;
        while (ip + matched < n && input[ip + matched] === input[candidate + matched]) matched++;
        ip += matched;
        op = emitCopy(out, op, base - candidate, matched);
        emitted = ip;
        if (ip >= limit) break search;
        table[hash(ip - 1)] = ip - 1;
        const h = hash(ip);
        candidate = table[h];
        table[h] = ip;
      } while (ip - candidate <= 0xffff && load32(ip) === load32(candidate));
      ip++;
      nextHash = hash(ip);
    }
  }
  if (emitted < n) op = emitLiteral(out, op, input, emitted, n - emitted);
  return out.subarray(0, op);
}

function emitLiteral(out: Uint8Array, op: number, input: Uint8Array, from: number, length: number): number {
  const v = length - 1;
  if (v < 60) out[op++] = v << 2;
  else {
    const bytes = v < 0x100 ? 1 : v < 0x10000 ? 2 : v < 0x1000000 ? 3 : 4;
    out[op++] = (59 + bytes) << 2;
    for (let b = 0; b < bytes; b++) out[op++] = (v >>> (8 * b)) & 0xff;
  }
  if (length < 16) for (let i = 0; i < length; i++) out[op + i] = input[from + i];
  else out.set(input.subarray(from, from + length), op);
  return op + length;
}

function emitCopy(out: Uint8Array, op: number, offset: number, length: number): number {
  // Copies of at most 64 bytes; a 60-byte one first if the remainder would be under 4.
  while (length >= 68) {
    op = emitShortCopy(out, op, offset, 64);
    length -= 64;
  }
  if (length > 64) {
    op = emitShortCopy(out, op, offset, 60);
    length -= 60;
  }
  return emitShortCopy(out, op, offset, length);
}

function emitShortCopy(out: Uint8Array, op: number, offset: number, length: number): number {
  if (length < 12 && offset < 2048) {
    out[op++] = 1 + ((length - 4) << 2) + ((offset >>> 8) << 5);
    out[op++] = offset & 0xff;
  } else {
    out[op++] = 2 + ((length - 1) << 2);
    out[op++] = offset & 0xff;
    out[op++] = offset >>> 8;
  }
  return op;
}
