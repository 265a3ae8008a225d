/**
 * What a file is, from its first bytes (extensions lie: gov sites serve HTML as .doc, and a
 * renamed .doc can arrive as .docx).
 */
import path from 'node:path';

export type Kind = 'pdf' | 'zip' | 'ole' | 'html' | 'text';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);
}

const HTML_START = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>])/;

export function sniffKind(bytes: Uint8Array, file: string): Kind {
  // %PDF- may follow a little junk (the spec allows it within the first 1024 bytes).
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, OLE)) return 'ole';
  const start = head.replace(/^\xef\xbb\xbf/, '').trimStart();
  // Both HTML tests below need a leading '<': plain text skips lower-casing and the regex.
  if (start.charCodeAt(0) !== 0x3c) return 'text';
  if (HTML_START.test(start.toLowerCase())) return 'html';
  const ext = path.extname(file).slice(1).toLowerCase();
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  return 'text';
}
