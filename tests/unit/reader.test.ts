import { expect, test } from 'vitest';
import { CustomerRepository, DATABASE_NAME, DealerDeskDatabase } from '../../storage';
import { readDueCallbacks, readDueScreen, readReminderSettings } from '../../storage/due-list';
import { EXTENSION_DATABASE_NAME } from '../../storage/plain-indexeddb';
import { openReader, type ReadableDatabase } from '../../storage/reader';
import { loadDueLists } from '../../entrypoints/shared/due-callbacks';

test('the plain-IndexedDB first screens (popup, dashboard) open the database the extension writes', () => {
  expect(EXTENSION_DATABASE_NAME).toBe(DATABASE_NAME);
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
  const snapshot = reader!.snapshot();
  const settings = await readReminderSettings(snapshot);
  const due = await readDueCallbacks(snapshot, 1_800_000_000_000, 3_600_000, settings.timeZone, { overdue: 5, today: 5, upcoming: 5 });
  expect(due.today.callbacks.map((callback) => callback.planKey)).toEqual(['first_contact']);
  expect([due.overdue.total, due.today.total, due.upcoming.total]).toEqual([0, 1, 0]);
  // An hour later the same callback is overdue; only the first rows of a section are read.
  const later = await readDueCallbacks(reader!.snapshot(), 1_800_000_000_000 + 3_600_001, 3_600_000, settings.timeZone, { overdue: 0, today: 5, upcoming: 5 });
  expect([later.overdue.total, later.overdue.callbacks.length, later.today.total]).toEqual([1, 0, 0]);
  reader!.close();
  db.close();
  await db.delete();
});

test('the view never holds up a schema upgrade: it closes for it and reads the upgraded database afterwards', async () => {
  const name = 'reader-upgrade';
  const db = new DealerDeskDatabase(name);
  const customers = new CustomerRepository(db, () => 1_800_000_000_000);
  expect((await customers.create({ name: '李娜', phones: [{ number: '13800138001' }] })).ok).toBe(true);
  const version = db.verno;
  db.close();
  const reader = await openReader(name);
  // Another page upgrades the database while the popup is open.
  const upgrade = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, version * 10 + 10);
    open.onupgradeneeded = () => open.result.createObjectStore('later');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
    open.onblocked = () => reject(new Error('blocked by the read-only view'));
  });
  upgrade.close();
  const snapshot = reader!.snapshot();
  const due = await readDueCallbacks(snapshot, 1_800_000_000_000, 3_600_000, (await readReminderSettings(snapshot)).timeZone, { overdue: 5, today: 5, upcoming: 5 });
  expect(due.today.total).toBe(1);
  reader!.close();
  await new DealerDeskDatabase(name).delete();
});

test('the popup\'s first screen reads six rows in all; a later section with callbacks still shows its first', async () => {
  const name = 'reader-first-screen';
  const now = 1_800_000_000_000;
  const db = new DealerDeskDatabase(name);
  const customers = new CustomerRepository(db, () => now);
  for (let i = 0; i < 9; i++) expect((await customers.create({ name: `客户${i}`, phones: [{ number: `1380013800${i}` }] })).ok).toBe(true);
  // One customer's callbacks move to the day after tomorrow: the "next 7 days" section.
  const later = (await db.customers.toArray())[0]!;
  await db.callbacks.where('customerId').equals(later.id).modify({ dueAt: now + 2 * 86_400_000 });
  const reader = await openReader(name);
  const lists = await loadDueLists(reader!, { overdue: 6, today: 6, upcoming: 6 }, now, 6);
  expect([lists.overdue.total, lists.today.total]).toEqual([0, 8]);
  expect(lists.upcoming.total).toBeGreaterThan(1);
  expect([lists.overdue.items.length, lists.today.items.length, lists.upcoming.items.length]).toEqual([0, 6, 1]);
  // After the first paint the popup reads its first 25 rows of each section.
  const full = await loadDueLists(reader!, { overdue: 25, today: 25, upcoming: 25 }, now);
  expect([full.today.items.length, full.upcoming.items.length]).toEqual([8, Math.min(25, lists.upcoming.total!)]);
  reader!.close();
  db.close();
  await db.delete();
});

test('the first screen\'s rows do not wait for the counts: a section read to its end has its total, the others are counted after', async () => {
  const name = 'reader-counted-after';
  const now = 1_800_000_000_000;
  const db = new DealerDeskDatabase(name);
  const customers = new CustomerRepository(db, () => now);
  for (let i = 0; i < 9; i++) expect((await customers.create({ name: `客户${i}`, phones: [{ number: `1390013900${i}` }] })).ok).toBe(true);
  const reader = await openReader(name);
  const screen = await readDueScreen(reader!, { overdue: 6, today: 6, upcoming: 6 }, now, 3_600_000, 6);
  expect(screen.due.today.callbacks).toHaveLength(6);
  expect(screen.customers.size).toBe(6);
  // Nothing overdue: read to its end, so known; today has more than the six read: counted after.
  expect([screen.due.overdue.total, screen.due.today.total]).toEqual([0, undefined]);
  expect(await screen.totals).toMatchObject({ overdue: 0, today: 9 });
  reader!.close();
  db.close();
  await db.delete();
});

test('the customers of the rows shown last are read beside the callbacks: when the rows are still theirs, no second read; a stale guess changes nothing', async () => {
  const name = 'reader-likely-customers';
  const now = 1_800_000_000_000;
  const db = new DealerDeskDatabase(name);
  const customers = new CustomerRepository(db, () => now);
  for (let i = 0; i < 4; i++) expect((await customers.create({ name: `客户${i}`, phones: [{ number: `1370013700${i}` }] })).ok).toBe(true);
  const reader = await openReader(name);
  // Counts the snapshot's customer reads (each is one round trip to the database).
  const asked: string[][] = [];
  const counted: ReadableDatabase = {
    ...reader!,
    snapshot: () => {
      const snapshot = reader!.snapshot();
      return { ...snapshot, customers: (ids) => (asked.push([...ids]), snapshot.customers(ids)) };
    },
  };
  const rows = { overdue: 6, today: 6, upcoming: 6 };
  const plain = await readDueScreen(reader!, rows, now, 3_600_000, 6);
  const ids = [...plain.customers.keys()];
  expect(ids).toHaveLength(4);

  // The guess is read as given (a customer not due now among it), and nothing after it.
  const guessed = await readDueScreen(counted, rows, now, 3_600_000, 6, [...ids, 'c-other']);
  expect([...guessed.customers.keys()].sort()).toEqual([...ids].sort());
  expect(asked).toEqual([[...ids, 'c-other']]);

  // Since last shown: one customer deleted, one guess no longer due at all.
  await customers.softDelete(ids[0]!);
  asked.length = 0;
  const stale = await readDueScreen(counted, rows, now, 3_600_000, 6, [...ids, 'c-no-longer-due']);
  const fresh = await readDueScreen(reader!, rows, now, 3_600_000, 6);
  expect([...stale.customers.keys()].sort()).toEqual([...fresh.customers.keys()].sort());
  expect(stale.customers.has(ids[0]!)).toBe(false);
  expect(asked).toEqual([[...ids, 'c-no-longer-due']]);
  reader!.close();
  db.close();
  await db.delete();
});
