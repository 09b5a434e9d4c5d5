import { expect, test } from 'vitest';
import { CallbackRepository, CustomerRepository, DATABASE_NAME, DealerDeskDatabase } from '../../storage';
import { readDueCallbacks, readReminderSettings } from '../../storage/due-list';
import { countOpenCallbacks, newestCustomerUpdate, openCallbackPage, openReader, READER_DATABASE_NAME, recentCustomers } from '../../storage/reader';

test('the read-only view opens the database the extension writes', () => {
  expect(READER_DATABASE_NAME).toBe(DATABASE_NAME);
});

test('with no database yet the view is empty, and opening the real database afterwards still builds every table', async () => {
  const name = 'reader-missing';
  expect(await openReader(name)).toBeUndefined();
  const db = new DealerDeskDatabase(name);
  const customers = new CustomerRepository(db, () => 1_800_000_000_000);
  expect((await customers.create({ name: '王芳', phones: [{ number: '13800138000' }] })).ok).toBe(true);
  expect(await db.callbacks.count()).toBe(2);

  const reader = await openReader(name);
  expect(reader).toBeDefined();
  const settings = await readReminderSettings(reader!);
  const due = await readDueCallbacks(reader!, 1_800_000_000_000, 3_600_000, settings, { overdue: 5, today: 5, upcoming: 5 });
  expect(due.today.callbacks.map((callback) => callback.planKey)).toEqual(['first_contact']);
  expect([due.overdue.total, due.today.total, due.upcoming.total]).toEqual([0, 1, 0]);
  // An hour later the same callback is overdue; only the first rows of a section are read.
  const later = await readDueCallbacks(reader!, 1_800_000_000_000 + 3_600_001, 3_600_000, settings, { overdue: 0, today: 5, upcoming: 5 });
  expect([later.overdue.total, later.overdue.callbacks.length, later.today.total]).toEqual([1, 0, 0]);
  db.close();
  await db.delete();
});

test('the read-only view pages the book newest first and the open callbacks earliest first, as the repositories do', async () => {
  const name = 'reader-book';
  const db = new DealerDeskDatabase(name);
  const customers = new CustomerRepository(db, () => 1_800_000_000_000);
  for (let i = 0; i < 9; i++) await customers.create({ name: `客户${i}`, phones: [{ number: `1380013800${i}` }] });
  const reader = await openReader(name);
  const seen: string[] = [];
  let page = await recentCustomers(reader!, 4);
  while (page.length) {
    seen.push(...page.map((card) => card.id));
    page = await recentCustomers(reader!, 4, page[page.length - 1]);
  }
  expect(seen).toEqual((await customers.recent(100)).map((card) => card.id));
  expect(await newestCustomerUpdate(reader!)).toBe(1_800_000_000_000);
  const open = await new CallbackRepository(db).openDueBy(Number.MAX_SAFE_INTEGER);
  expect(await countOpenCallbacks(reader!)).toBe(open.length);
  expect((await openCallbackPage(reader!, 100)).map((callback) => callback.id)).toEqual(open.map((callback) => callback.id));
  db.close();
  await db.delete();
});
