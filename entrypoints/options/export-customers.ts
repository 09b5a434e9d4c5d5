import { customerSheet } from '../../core/transfer/customer-columns';
import { writeCsv } from '../../core/transfer/csv';
import { followUpSheet, type FollowUpLine } from '../../core/transfer/follow-up-columns';
import { writeXlsx } from '../../core/transfer/xlsx';
import { t } from '../../core/i18n';
import { openDatabase, type CustomerRecord } from '../../storage';
import { CSV_TYPE, saveFile, today, XLSX_TYPE } from './download';

export type ExportFormat = 'csv' | 'xlsx' | 'followups-csv' | 'followups-xlsx';

async function cardsOf(ids: readonly string[]): Promise<CustomerRecord[]> {
  const db = openDatabase();
  const cards: CustomerRecord[] = [];
  for (let start = 0; start < ids.length; start += 5000) {
    const chunk = await db.customers.bulkGet(ids.slice(start, start + 5000));
    for (const card of chunk) if (card && card.deletedAt === undefined) cards.push(card);
  }
  return cards;
}

async function followUpLines(cards: readonly CustomerRecord[]): Promise<FollowUpLine[]> {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const followUps = await openDatabase().followUps.orderBy('at').toArray();
  return followUps
    .filter((followUp) => byId.has(followUp.customerId))
    .map((followUp) => {
      const card = byId.get(followUp.customerId)!;
      return { ...followUp, customerName: card.name, customerPhone: card.phoneNumbers[0] ?? '' };
    });
}

/** Exports the customers shown (the current filter) or their follow-ups; resolves with the row count. */
export async function exportCustomers(format: ExportFormat, ids: readonly string[], { includePrice = false } = {}): Promise<number> {
  const cards = await cardsOf(ids);
  const followUps = format.startsWith('followups') ? await followUpLines(cards) : [];
  const rows = format.startsWith('followups') ? followUpSheet(followUps) : customerSheet(cards, { includePrice });
  const base = format.startsWith('followups') ? `dealer-desk-follow-ups-${today()}` : `dealer-desk-customers-${today()}`;
  if (format.endsWith('csv')) saveFile(`${base}.csv`, writeCsv(rows), CSV_TYPE);
  else {
    const title = format.startsWith('followups') ? t('export_sheet_follow_ups') : t('export_sheet_customers');
    const bytes = await writeXlsx([{ name: title, rows, widths: rows[0]?.map(() => 16) }]);
    saveFile(`${base}.xlsx`, bytes as BlobPart, XLSX_TYPE);
  }
  return rows.length - 1;
}
