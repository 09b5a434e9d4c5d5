import Papa from 'papaparse';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { cardFromRow, customerSheet } from '../../core/transfer/customer-columns';
import { readCustomerFile } from '../../core/transfer/customer-file';
import { writeCsv } from '../../core/transfer/csv';
import { readXlsx, writeXlsx } from '../../core/transfer/xlsx';
import { CustomerRepository, DealerDeskDatabase } from '../../storage';
import { editableFields } from '../../storage/customers';
import { commitImport, planImport } from '../../storage/customer-import';
import { fullCustomer } from './support/full-customer';
import { freshDatabase } from './support/database';

let db: DealerDeskDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await db.open();
});
afterEach(() => db.delete());

async function exportedThenImported(format: 'csv' | 'xlsx') {
  const customers = new CustomerRepository(db);
  await customers.create(fullCustomer());
  await customers.create({ name: '李雷', phones: [{ number: '+1 415 555 2671', primary: true }, { number: '13900001111' }, { number: '0571-87654321' }], stage: 'intent', grade: 'A' });
  await customers.create({ name: 'Han Meimei', wechat: 'hmm', deal: { status: 'won', won: { model: '领克03', orderedAt: new Date(2026, 9, 1).getTime() } } });
  const before = (await db.customers.toArray()).map(editableFields).sort((a, b) => a.name.localeCompare(b.name));

  const rows = customerSheet(await db.customers.toArray(), { includePrice: true });
  const bytes = format === 'csv' ? new TextEncoder().encode(writeCsv(rows)) : await writeXlsx([{ name: 'customers', rows }]);
  await db.customers.clear();

  const file = await readCustomerFile(`export.${format}`, bytes);
  expect(file.mapping.every((key) => key !== undefined)).toBe(true);
  const plan = await planImport(
    db,
    file.rows.map((row, index) => ({ line: index + 2, ...cardFromRow(row, file.mapping) })),
    'merge',
  );
  expect(plan.counts).toEqual({ create: 3, merge: 0, skip: 0, reject: 0 });
  await commitImport(db, plan);
  const after = (await db.customers.toArray()).map(editableFields).sort((a, b) => a.name.localeCompare(b.name));
  return { before, after, rows };
}

test.each(['csv', 'xlsx'] as const)('export to %s then import loses no field', async (format) => {
  const { before, after } = await exportedThenImported(format);
  expect(after).toEqual(before);
});

test('the CSV export has a BOM for Excel and neutralises formula-like cells', async () => {
  const { rows } = await exportedThenImported('csv');
  const csv = writeCsv(rows);
  expect(csv.startsWith('\uFEFF姓名,')).toBe(true);
  expect(csv).toContain(`"'=1+1 不是公式\n第二行备注"`);
  expect(csv).toContain("'+1 415 555 2671");
  // No cell a spreadsheet would read as a formula.
  const cells = Papa.parse<string[]>(csv.slice(1)).data.flat();
  expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
});

test('the .xlsx export neutralises formula-like cells too', async () => {
  await new CustomerRepository(db).create(fullCustomer());
  const bytes = await writeXlsx([{ name: 'customers', rows: customerSheet(await db.customers.toArray()) }]);
  const cells = (await readXlsx(bytes)).flat().map(String);
  expect(cells).toContain("'=1+1 不是公式\n第二行备注");
  expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
});

test('deal prices are left out of exports unless asked for', async () => {
  await new CustomerRepository(db).create(fullCustomer());
  const cards = await db.customers.toArray();
  expect(customerSheet(cards)[0]).not.toContain('成交价格');
  expect(customerSheet(cards).flat()).not.toContain('178800');
  expect(customerSheet(cards, { includePrice: true }).flat()).toContain('178800');
});
