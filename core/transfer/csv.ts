import Papa from 'papaparse';
import { neutralise } from './cells';

export interface ParsedCsv {
  rows: string[][];
  /** Rows the parser could not read cleanly (1-based line of the record), with the reason. */
  problems: { row: number; message: string }[];
}

/** Rows of a CSV text (comma, semicolon or tab separated, detected), empty lines dropped. */
export function parseCsv(text: string): ParsedCsv {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] });
  return {
    rows: parsed.data,
    problems: parsed.errors.map((error) => ({ row: (error.row ?? 0) + 1, message: error.message })),
  };
}

const BOM = '\uFEFF';

/** CSV text Excel opens correctly in Chinese: UTF-8 with a byte-order mark, CRLF, formulas neutralised. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return BOM + Papa.unparse(rows.map((row) => row.map(neutralise)) as string[][], { newline: '\r\n' }) + '\r\n';
}
