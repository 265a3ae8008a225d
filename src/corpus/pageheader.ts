/**
 * Parquet page headers in Thrift's compact protocol, written straight into a byte array. A
 * column chunk has only two kinds of page (a PLAIN dictionary page and a data page V2, always
 * compressed), so the header's layout is fixed: the same bytes hyparquet-writer's general
 * Thrift writer produces from a header object, without building and walking the object.
 */
import { writeVarInt } from './encodings.ts';

/** Longest header: 3 + 6 fields of at most 6 bytes each, two stops and the field bytes. */
export const PAGE_HEADER_MAX = 64;

const I32 = 5;
const STRUCT = 12;
const STOP = 0;
/** PageType values (parquet.thrift). */
const DICTIONARY_PAGE = 2;
const DATA_PAGE_V2 = 3;

/** Encoding values (parquet.thrift) of the encodings a data page here may have. */
const ENCODING_ID = { PLAIN: 0, RLE: 3, RLE_DICTIONARY: 8 } as const;
export type PageEncoding = keyof typeof ENCODING_ID;

/** The header of a PLAIN dictionary page of `values` keys. Returns the end. */
export function writeDictionaryPageHeader(out: Uint8Array, at: number, uncompressed: number, compressed: number, values: number): number {
  at = writePageStart(out, at, DICTIONARY_PAGE, uncompressed, compressed);
  out[at++] = (4 << 4) | STRUCT; // field 7, dictionary_page_header
  out[at++] = (1 << 4) | I32; // num_values
  at = writeZigZag(out, at, values);
  out[at++] = (1 << 4) | I32; // encoding
  at = writeZigZag(out, at, ENCODING_ID.PLAIN);
  out[at++] = STOP;
  out[at++] = STOP;
  return at;
}

/**
 * The header of a compressed data page V2 of `rows` rows, `nulls` of them null, its values in
 * `encoding` after `levelBytes` bytes of definition levels (no repetition levels). Returns the end.
 */
export function writeDataPageHeader(
  out: Uint8Array,
  at: number,
  uncompressed: number,
  compressed: number,
  rows: number,
  nulls: number,
  encoding: PageEncoding,
  levelBytes: number,
): number {
  at = writePageStart(out, at, DATA_PAGE_V2, uncompressed, compressed);
  out[at++] = (5 << 4) | STRUCT; // field 8, data_page_header_v2
  at = writeI32Field(out, at, rows); // num_values
  at = writeI32Field(out, at, nulls); // num_nulls
  at = writeI32Field(out, at, rows); // num_rows
  at = writeI32Field(out, at, ENCODING_ID[encoding]);
  at = writeI32Field(out, at, levelBytes); // definition_levels_byte_length
  at = writeI32Field(out, at, 0); // repetition_levels_byte_length
  // is_compressed (field 7) defaults to true and is left out.
  out[at++] = STOP;
  out[at++] = STOP;
  return at;
}

/** Fields 1–3 of a PageHeader: type, uncompressed and compressed size (no CRC). */
function writePageStart(out: Uint8Array, at: number, type: number, uncompressed: number, compressed: number): number {
  at = writeI32Field(out, at, type);
  at = writeI32Field(out, at, uncompressed);
  return writeI32Field(out, at, compressed);
}

/** An i32 field whose id is the previous one's plus 1. */
function writeI32Field(out: Uint8Array, at: number, value: number): number {
  out[at++] = (1 << 4) | I32;
  return writeZigZag(out, at, value);
}

/** A zigzag varint, exactly as hyparquet-writer's ByteWriter.appendZigZag writes an i32. */
function writeZigZag(out: Uint8Array, at: number, value: number): number {
  return writeVarInt(out, at, ((value << 1) ^ (value >> 31)) >>> 0);
}
