import type { MessageKey } from '../i18n';
import type { CellValue } from './cells';
import { parseCsv } from './csv';
import { decodeText, type TextEncoding } from './encoding';
import { guessColumns } from './customer-columns';
import { readXlsx } from './xlsx';

/** A file bigger than this is refused before it is read (a whole dealership's book is ~30 MB of CSV). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;

export interface CustomerFile {
  format: 'csv' | 'xlsx';
  encoding?: TextEncoding;
  headers: string[];
  /** Data rows (the header row left out). */
  rows: CellValue[][];
  /** Guessed card field per column. */
  mapping: (string | undefined)[];
  /** Data rows the CSV parser found broken: 0-based index into `rows` → reason. */
  brokenRows: Map<number, string>;
}

/** Why a file cannot be imported at all: a message key, and its substitutions. */
export class UnreadableFile extends Error {
  constructor(
    readonly key: MessageKey,
    readonly substitutions: (string | number)[] = [],
  ) {
    super(key);
    this.name = 'UnreadableFile';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads a customer list exported from a spreadsheet or another CRM: CSV in any encoding Excel writes
 * (UTF-8 with or without BOM, GB18030/GBK, UTF-16) or .xlsx. Refuses, with a reason, anything else.
 */
export async function readCustomerFile(name: string, bytes: Uint8Array): Promise<CustomerFile> {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension !== 'csv' && extension !== 'xlsx') throw new UnreadableFile('import_error_type');
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new UnreadableFile('import_error_too_big', [Math.round(MAX_IMPORT_BYTES / 1024 / 1024)]);
  if (bytes.byteLength === 0) throw new UnreadableFile('import_error_empty');
  const isZip = ZIP.every((byte, index) => bytes[index] === byte);
  let table: CellValue[][];
  let encoding: TextEncoding | undefined;
  const brokenRows = new Map<number, string>();
  if (extension === 'xlsx') {
    if (!isZip) throw new UnreadableFile('import_error_not_xlsx');
    try {
      table = await readXlsx(bytes);
    } catch {
      throw new UnreadableFile('import_error_not_xlsx');
    }
  } else {
    if (isZip) throw new UnreadableFile('import_error_csv_is_zip');
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    if (decoded.text.slice(0, 4096).includes('\u0000')) throw new UnreadableFile('import_error_binary');
    const parsed = parseCsv(decoded.text);
    const quote = parsed.problems.find((problem) => /quote/i.test(problem.message));
    if (quote) throw new UnreadableFile('import_error_broken_csv', [quote.row]);
    table = parsed.rows;
    // Problem rows are 1-based data-and-header rows from the parser's 0-based index.
    for (const problem of parsed.problems) brokenRows.set(problem.row - 2, problem.message);
  }
  const [header, ...rows] = table;
  if (!header || rows.length === 0) throw new UnreadableFile('import_error_empty');
  if (rows.length > MAX_IMPORT_ROWS) throw new UnreadableFile('import_error_too_many_rows', [MAX_IMPORT_ROWS]);
  const headers = header.map((cell) => String(cell ?? '').trim());
  const mapping = guessColumns(headers);
  if (!mapping.some((key) => key === 'name')) throw new UnreadableFile('import_error_no_name_column');
  return { format: extension, encoding, headers, rows, mapping, brokenRows };
}
