import dayjs from 'dayjs';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet program must show as text, never run: one starting with = + - @ (or a tab or
 * carriage return) gets a leading apostrophe (CSV and .xlsx alike).
 */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `neutralise`, so an export read back gives the very text that was written. */
export function unneutralise(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** A time as a spreadsheet shows it, in local time: `2026-11-03 14:05:09`, or just the day at midnight. */
export function formatCellTime(at: number): string {
  const text = dayjs(at).format('YYYY-MM-DD HH:mm:ss');
  return text.endsWith(' 00:00:00') ? text.slice(0, 10) : text;
}

/** A cell value as read from CSV or .xlsx: text, a number, or a date. */
export type CellValue = string | number | Date | undefined;

// Excel counts days from 1899-12-30; 1900-01-01 … 2199-12-31 is a plausible date range.
const EXCEL_EPOCH_DAYS = 25569;

/** Reads `2026-11-03`, `2026/11/3 14:05`, `2026年11月3日`, `11/03/2026`, an Excel date or day number; local time. */
export function parseCellTime(value: CellValue): number | undefined | 'invalid' {
  if (value === undefined || value === '') return undefined;
  if (value instanceof Date) {
    // Spreadsheet dates carry no zone: exceljs hands them over as UTC wall-clock time.
    return new Date(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate(), value.getUTCHours(), value.getUTCMinutes(), value.getUTCSeconds()).getTime();
  }
  if (typeof value === 'number') {
    if (value < 1 || value > 110_000) return 'invalid';
    const ms = Math.round((value - EXCEL_EPOCH_DAYS) * 86_400_000);
    const utc = new Date(ms);
    return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds()).getTime();
  }
  // Spreadsheet programs set to US English write dates as M/D/YYYY.
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (us) return parseCellTime(`${us[3]}-${us[1]}-${us[2]}`);
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
  if (!match) return 'invalid';
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return date.getMonth() === Number(mo) - 1 ? date.getTime() : 'invalid';
}

/** Reads `150000`, `15万`, `15.5 万元`, `¥150,000`. */
export function parseAmount(value: CellValue): number | undefined | 'invalid' {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return 'invalid';
  const match = /^[¥￥$]?\s*([\d,]+(?:\.\d+)?)\s*(万)?\s*元?$/.exec(value.trim());
  if (!match) return 'invalid';
  const amount = Number(match[1]!.replace(/,/g, ''));
  return match[2] ? Math.round(amount * 10_000) : amount;
}

/** `15-20万` → 150,000…200,000; `20万` → up to 200,000. */
export function parseBudget(value: CellValue): { min?: number; max?: number } | 'invalid' | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return { max: value };
  if (value instanceof Date) return 'invalid';
  const range = /^([\d.,]+)\s*[-–~～至到]\s*([\d.,]+)\s*(万)?\s*元?$/.exec(value.trim());
  if (range) {
    const scale = range[3] ? 10_000 : 1;
    return { min: Math.round(Number(range[1]!.replace(/,/g, '')) * scale), max: Math.round(Number(range[2]!.replace(/,/g, '')) * scale) };
  }
  const single = parseAmount(value);
  return single === 'invalid' || single === undefined ? single : { max: single };
}

/** A list cell: `宝马, 奔驰；奥迪` → three items. */
export function parseList(value: CellValue): string[] {
  if (value === undefined) return [];
  return String(value)
    .split(/[,，、;；\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

export function cellText(value: CellValue): string {
  if (value === undefined) return '';
  if (value instanceof Date) return formatCellTime(parseCellTime(value) as number);
  return String(value).trim();
}
