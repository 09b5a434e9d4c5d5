import { afterEach, expect, test, vi } from 'vitest';
import { CallbackRepository, CustomerRepository, DealerDeskDatabase } from '../../storage';
import { earliestOpenDue, newestCustomerUpdate, openBookReader, openCallbackPage, recentCustomers } from '../../storage/book-reader';

test('the read-only view pages the book newest first and the open callbacks earliest first, as the repositories do', async () => {
  const name = 'reader-book';
  const db = new DealerDeskDatabase(name);
  const customers = new CustomerRepository(db, () => 1_800_000_000_000);
  for (let i = 0; i < 9; i++) await customers.create({ name: `客户${i}`, phones: [{ number: `1380013800${i}` }] });
  const reader = await openBookReader(name);
  const seen: string[] = [];
  let page = await recentCustomers(reader!, 4);
  while (page.length) {
    seen.push(...page.map((card) => card.id));
    page = await recentCustomers(reader!, 4, page[page.length - 1]);
  }
  expect(seen).toEqual((await customers.recent(100)).map((card) => card.id));
  expect(await newestCustomerUpdate(reader!)).toBe(1_800_000_000_000);
  const open = await new CallbackRepository(db).openDueBy(Number.MAX_SAFE_INTEGER);
  expect((await openCallbackPage(reader!, 100)).map((callback) => callback.id)).toEqual(open.map((callback) => callback.id));
  db.close();
  await db.delete();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Counts the callbacks IndexedDB hands over (getAll results and cursor steps), whoever asks. */
function countReads(): { rows: number } {
  const reads = { rows: 0 };
  const getAll = IDBIndex.prototype.getAll;
  vi.spyOn(IDBIndex.prototype, 'getAll').mockImplementation(function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
    const request = getAll.apply(this, args);
    request.addEventListener('success', () => (reads.rows += (request.result as unknown[]).length));
    return request;
  });
  const step = (name: 'continue' | 'continuePrimaryKey') => {
    const original = IDBCursor.prototype[name] as (...args: unknown[]) => void;
    vi.spyOn(IDBCursor.prototype, name).mockImplementation(function (this: IDBCursor, ...args: unknown[]) {
      reads.rows += 1;
      original.apply(this, args);
    });
  };
  step('continue');
  step('continuePrimaryKey');
  return reads;
}

test('a thousand callbacks due at one instant are paged without repeats or gaps, each page reading about a page', async () => {
  const name = 'reader-ties';
  const db = new DealerDeskDatabase(name);
  const at = 1_800_000_000_000;
  const rows = [];
  // An import planned every lead's first call at the same instant; a few others around it, some done.
  for (let i = 0; i < 1200; i++) {
    const customerId = `c${String(i % 600).padStart(5, '0')}`;
    const status = i % 97 === 0 ? 'done' : 'open';
    const dueAt = i % 10 === 0 ? at + (i % 3) - 1 : at;
    rows.push({ id: `${customerId}~${(i * 2654435761 % 2 ** 32).toString(16).padStart(16, '0')}`, customerId, dueAt, status, kind: 'manual', createdAt: at, updatedAt: at });
  }
  await db.callbacks.bulkAdd(rows as never);
  const expected = rows
    .filter((row) => row.status === 'open')
    .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1))
    .map((row) => row.id);
  const reader = await openBookReader(name);

  const seen: string[] = [];
  const reads = countReads();
  let pages = 0;
  let page = await openCallbackPage(reader!, 100);
  while (page.length) {
    pages += 1;
    seen.push(...page.map((callback) => callback.id));
    page = await openCallbackPage(reader!, 100, page[page.length - 1]);
  }
  expect(seen).toEqual(expected);
  // Reading the whole tie group for every page would hand over ~1,000 callbacks a page, ~12,000 in all.
  expect(reads.rows).toBeLessThan(expected.length + 3 * (pages + 1));

  // A customer's next due time comes from their own callbacks only.
  const first = await earliestOpenDue(reader!, ['c00000', 'c00001', 'nobody']);
  expect(first.get('c00000')).toBe(at - 1);
  expect(first.get('c00001')).toBe(at);
  expect(first.has('nobody')).toBe(false);
  db.close();
  await db.delete();
}, 20_000);
