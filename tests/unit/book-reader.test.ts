import { expect, test } from 'vitest';
import { CallbackRepository, CustomerRepository, DealerDeskDatabase } from '../../storage';
import { countOpenCallbacks, newestCustomerUpdate, openBookReader, openCallbackPage, recentCustomers } from '../../storage/book-reader';

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
  expect(await countOpenCallbacks(reader!)).toBe(open.length);
  expect((await openCallbackPage(reader!, 100)).map((callback) => callback.id)).toEqual(open.map((callback) => callback.id));
  db.close();
  await db.delete();
});
