/** Text encodings a spreadsheet saved in China may use. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Which encoding a CSV was saved in: a byte-order mark decides; otherwise strict UTF-8 if the bytes
 * are valid UTF-8, else GB18030 (a superset of GBK/GB2312, what Excel in China writes as "CSV").
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The text of a CSV file, its byte-order mark dropped. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(bytes);
  // TextDecoder drops a BOM of its own encoding by default.
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}
