import { ByteWriter } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { describe, expect, it } from 'vitest';
import { type PageEncoding, writeDataPageHeader, writeDictionaryPageHeader, PAGE_HEADER_MAX } from '../../src/corpus/pageheader.ts';

/** What hyparquet-writer's Thrift writer makes of a header object. */
function expectedHeader(header: Parameters<typeof writePageHeader>[1]): number[] {
  const writer = new ByteWriter();
  writePageHeader(writer, header);
  return [...new Uint8Array(writer.getBuffer())];
}

const written = (write: (out: Uint8Array) => number): number[] => {
  const out = new Uint8Array(PAGE_HEADER_MAX);
  return [...out.subarray(0, write(out))];
};

describe('page headers', () => {
  const sizes = [0, 1, 63, 64, 127, 128, 8191, 8192, 300_000, 2 ** 30 - 1, 2 ** 30, 2 ** 31 - 1];

  it('are the bytes hyparquet-writer writes for a dictionary page', () => {
    for (const size of sizes) {
      expect(written((out) => writeDictionaryPageHeader(out, 0, size, 7, 3))).toEqual(
        expectedHeader({ type: 'DICTIONARY_PAGE', uncompressed_page_size: size, compressed_page_size: 7, dictionary_page_header: { num_values: 3, encoding: 'PLAIN' } }),
      );
    }
  });

  it('are the bytes hyparquet-writer writes for a data page V2, for every encoding used', () => {
    const encodings: PageEncoding[] = ['PLAIN', 'RLE', 'RLE_DICTIONARY'];
    for (const encoding of encodings) {
      for (const size of sizes) {
        const rows = Math.min(size, 2 ** 31 - 1);
        const header = {
          type: 'DATA_PAGE_V2' as const,
          uncompressed_page_size: size,
          compressed_page_size: Math.floor(size / 2),
          data_page_header_v2: {
            num_values: rows,
            num_nulls: Math.floor(rows / 3),
            num_rows: rows,
            encoding,
            definition_levels_byte_length: 12,
            repetition_levels_byte_length: 0,
            is_compressed: true,
          },
        };
        expect(written((out) => writeDataPageHeader(out, 0, size, Math.floor(size / 2), rows, Math.floor(rows / 3), encoding, 12))).toEqual(expectedHeader(header));
      }
    }
  });

  it('are written at the given offset and return their end', () => {
    const out = new Uint8Array(PAGE_HEADER_MAX + 5).fill(0xee);
    const end = writeDictionaryPageHeader(out, 5, 10, 8, 2);
    expect(out.subarray(0, 5).every((b) => b === 0xee)).toBe(true);
    expect([...out.subarray(5, end)]).toEqual(written((o) => writeDictionaryPageHeader(o, 0, 10, 8, 2)));
  });
});
