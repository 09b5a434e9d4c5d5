import type { CellValue } from './cells';
import { neutralise } from './cells';

// exceljs is large: loaded only when a workbook is read or written.
async function excel() {
  const module = await import('exceljs');
  return (module as unknown as { default?: typeof module }).default ?? module;
}

/** The first worksheet's rows: text, numbers and dates as the cells hold them (formulas as their result). */
export async function readXlsx(bytes: Uint8Array): Promise<CellValue[][]> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value);
    });
    for (let index = 0; index < cells.length; index++) if (cells[index] === undefined) cells[index] = '';
    rows.push(cells);
  });
  return rows;
}

function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const object = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: string; error?: string };
    if (object.richText) return object.richText.map((part) => part.text).join('');
    // A formula cell: its cached result, never the formula.
    if ('formula' in object || 'sharedFormula' in object) return cellValue(object.result);
    if (object.text !== undefined) return cellValue(object.text);
    if (object.error) return '';
  }
  return String(value);
}

export interface SheetImage {
  /** PNG bytes. */
  png: Uint8Array;
  width: number;
  height: number;
}

export interface SheetSpec {
  name: string;
  rows: readonly (readonly (string | number)[])[];
  /** Column widths in characters. */
  widths?: readonly number[];
  images?: readonly SheetImage[];
}

/** An .xlsx workbook; text cells starting with = + - @ are neutralised like in CSV. */
export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Dealer Desk';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31));
    for (const row of spec.rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : cell)));
    if (spec.rows.length) sheet.getRow(1).font = { bold: true };
    spec.widths?.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
    let top = 0;
    for (const image of spec.images ?? []) {
      const id = workbook.addImage({ buffer: image.png as never, extension: 'png' });
      sheet.addImage(id, { tl: { col: 0, row: top }, ext: { width: image.width, height: image.height } });
      top += Math.ceil(image.height / 20) + 1;
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
