import { t, type MessageKey } from '../i18n';
import { formatCellTime } from './cells';

/** What a follow-up row of an export shows (a stored follow-up and its customer's name and phone). */
export interface FollowUpLine {
  customerName: string;
  customerPhone: string;
  at: number;
  method: string;
  summary: string;
  feedback?: string;
  attitude?: string;
  nextPlan?: string;
  nextAt?: number;
  by?: string;
}

/** Header row and one row per follow-up, for CSV or .xlsx. */
export function followUpSheet(lines: readonly FollowUpLine[]): string[][] {
  const header: MessageKey[] = ['field_name', 'field_phone', 'field_at', 'field_method', 'field_summary', 'export_field_feedback', 'export_field_attitude', 'export_field_next_plan', 'export_field_next_at', 'export_field_by'];
  return [
    header.map((key) => t(key)),
    ...lines.map((line) => [
      line.customerName,
      line.customerPhone,
      formatCellTime(line.at),
      t(`export_method_${line.method}` as MessageKey),
      line.summary,
      line.feedback ?? '',
      line.attitude ? t(`export_attitude_${line.attitude}` as MessageKey) : '',
      line.nextPlan ?? '',
      line.nextAt ? formatCellTime(line.nextAt) : '',
      line.by ?? '',
    ]),
  ];
}
