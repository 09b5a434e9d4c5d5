import { afterEach, expect, test, vi } from 'vitest';
import { liveQuery } from 'dexie';
import { CustomerBook, type BookSources } from '../../entrypoints/options/customer-book';
import { CallbackRepository, CustomerRepository, DealerDeskDatabase } from '../../storage';
import { watchCallbackChanges } from '../../storage/callback-changes';
import { readFirstScreen } from '../../storage/first-screen';
import { freshDatabase } from './support/database';

const books: CustomerBook[] = [];

/** What the dashboard hands the book: the plain-IndexedDB first screen, then the repositories. */
function sources(db: DealerDeskDatabase): BookSources {
  return {
    firstScreen: (limit) => readFirstScreen(limit, db.name),
    storage: async () => ({
      customers: new CustomerRepository(db),
      callbacks: new CallbackRepository(db),
      watchCallbacks: (listener) => watchCallbackChanges(db.name, listener),
      liveQuery,
    }),
  };
}
afterEach(() => {
  for (const book of books.splice(0)) book.stop();
});

test('the book loads every live customer, newest first, and follows later changes', async () => {
  const db = freshDatabase();
  let clock = 1_000;
  const customers = new CustomerRepository(db, () => clock++);
  const ids: string[] = [];
  for (let i = 0; i < 130; i++) {
    const created = await customers.create({ name: `客户${i}`, wechat: `w${i}` });
    if (created.ok) ids.push(created.value.id);
  }
  await customers.softDelete(ids[5]!);
  const book = new CustomerBook(sources(db));
  books.push(book);
  await book.load();
  expect(book.complete).toBe(true);
  expect(book.size).toBe(129);
  // The soft delete was the latest change, but deleted customers are left out.
  expect(book.all()[0]!.id).toBe(ids[129]);
  const times = book.all().map((row) => row.updatedAt);
  expect(times).toEqual([...times].sort((a, b) => b - a));

  // An edit elsewhere moves the customer to the front; a deletion drops them; a callback shows as due.
  const before = book.all();
  await customers.update(ids[0]!, { grade: 'H' });
  await customers.softDelete(ids[1]!);
  await new CallbackRepository(db).create({ customerId: ids[2]!, dueAt: 5, kind: 'manual' });
  await vi.waitFor(
    () => {
      expect(book.all()[0]).toMatchObject({ id: ids[0], grade: 'H' });
    expect(book.size).toBe(128);
      expect(book.all().find((row) => row.id === ids[2])?.dueAt).toBe(5);
    },
    { timeout: 4000 },
  );
  // A new array on every change: views cache by identity.
  expect(book.all()).not.toBe(before);
}, 20_000);

test('the first screen is on show before the storage code has loaded, and the rest follows it', async () => {
  const db = freshDatabase();
  let clock = 1_000;
  const customers = new CustomerRepository(db, () => clock++);
  for (let i = 0; i < 70; i++) await customers.create({ name: `客户${i}`, wechat: `w${i}` });
  let release: () => void = () => undefined;
  const storageLoaded = new Promise<void>((resolve) => (release = resolve));
  const book = new CustomerBook({
    ...sources(db),
    storage: async () => {
      await storageLoaded;
      return sources(db).storage();
    },
  });
  books.push(book);
  const loading = book.load();
  await vi.waitFor(() => expect(book.size).toBe(60));
  expect(book.complete).toBe(false);
  expect(book.all()[0]!.name).toBe('客户69');
  release();
  await loading;
  expect(book.complete).toBe(true);
  expect(book.size).toBe(70);
});

test('done, snoozed and new callbacks from another connection move only their rows, without reading every open callback again', async () => {
  const db = freshDatabase();
  let clock = 1_000;
  const customers = new CustomerRepository(db, () => clock++);
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    const created = await customers.create({ name: `客户${i}`, wechat: `w${i}` });
    if (created.ok) ids.push(created.value.id);
  }
  // Only the callbacks below (new customers come with a first call planned).
  await db.callbacks.clear();
  const callbacks = new CallbackRepository(db);
  const first = await callbacks.create({ customerId: ids[0]!, dueAt: 100, kind: 'manual' });
  await callbacks.create({ customerId: ids[0]!, dueAt: 300, kind: 'manual' });
  const second = await callbacks.create({ customerId: ids[1]!, dueAt: 200, kind: 'manual' });
  // An older row whose id does not start with its customer's.
  await db.callbacks.add({ id: 'legacy-callback', customerId: ids[2]!, dueAt: 400, status: 'open', kind: 'manual', createdAt: 1, updatedAt: 1 });

  const storage = await sources(db).storage();
  const reads = { pages: 0, customers: [] as string[] };
  const book = new CustomerBook({
    ...sources(db),
    storage: async () => ({
      ...storage,
      callbacks: {
        openDuePage: (limit, after) => (reads.pages++, storage.callbacks.openDuePage(limit, after)),
        earliestOpenDue: (customerIds) => (reads.customers.push(...customerIds), storage.callbacks.earliestOpenDue(customerIds)),
        customersOf: (callbackIds) => storage.callbacks.customersOf(callbackIds),
      },
    }),
  });
  books.push(book);
  await book.load();
  const due = (index: number) => book.all().find((row) => row.id === ids[index])?.dueAt;
  expect([due(0), due(1), due(2), due(3)]).toEqual([100, 200, 400, undefined]);
  const pagesAtLoad = reads.pages;

  // Another connection to the same database (another tab, the worker) writes.
  const other = new DealerDeskDatabase(db.name);
  const elsewhere = new CallbackRepository(other);
  await elsewhere.markDone(first.ok ? first.value.id : '');
  await elsewhere.snooze(second.ok ? second.value.id : '', 900);
  await elsewhere.create({ customerId: ids[3]!, dueAt: 50, kind: 'manual' });
  await elsewhere.markDone('legacy-callback');
  await vi.waitFor(() => expect([due(0), due(1), due(2), due(3)]).toEqual([300, 900, undefined, 50]), { timeout: 4000 });
  expect(reads.pages).toBe(pagesAtLoad);
  expect(new Set(reads.customers)).toEqual(new Set(ids.slice(0, 4)));

  // A write that names no keys (clearing the table) reads every open callback again.
  await other.callbacks.clear();
  await vi.waitFor(() => expect([due(0), due(1), due(2), due(3)]).toEqual([undefined, undefined, undefined, undefined]), { timeout: 4000 });
  expect(reads.pages).toBeGreaterThan(pagesAtLoad);
  other.close();
}, 20_000);
