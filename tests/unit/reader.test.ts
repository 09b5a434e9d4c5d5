import { expect, test } from 'vitest';
import { CustomerRepository, DATABASE_NAME, DealerDeskDatabase } from '../../storage';
import { readDueCallbacks, readReminderSettings } from '../../storage/due-list';
import { openReader, READER_DATABASE_NAME } from '../../storage/reader';

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
