import { expect, test } from 'vitest';
import { CallbackRepository, CustomerRepository, SettingsRepository } from '../../storage';
import { readFirstScreen } from '../../storage/first-screen';
import { freshDatabase } from './support/database';

test('the first screen is the newest live cards with their earliest open callback, read without Dexie', async () => {
  const db = freshDatabase();
  let clock = 1_000;
  const customers = new CustomerRepository(db, () => clock);
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) {
    // Two cards share each updatedAt (as after a bulk edit): the id breaks the tie.
    if (i % 2 === 0) clock += 1;
    const created = await customers.create({ name: `客户${i}`, wechat: `w${i}` });
    if (created.ok) ids.push(created.value.id);
  }
  clock += 1;
  await customers.softDelete(ids[7]!);
  const callbacks = new CallbackRepository(db);
  await callbacks.create({ customerId: ids[6]!, dueAt: 900, kind: 'manual' });
  await callbacks.create({ customerId: ids[6]!, dueAt: 500, kind: 'manual' });
  await new SettingsRepository(db).update({ language: 'en' });
  const expected = (await customers.recent(5)).map((card) => card.id);
  db.close();

  const screen = await readFirstScreen(5, db.name);
  expect(screen.customers.map((card) => card.id)).toEqual(expected);
  expect(screen.customers.map((card) => card.id)).not.toContain(ids[7]);
  expect(screen.customers).toHaveLength(5);
  expect(screen.dueAt.get(ids[6]!)).toBe(500);
  expect(screen.language).toBe('en');
  await db.delete();
});

test('with no database yet the first screen is empty and no database is left behind', async () => {
  const screen = await readFirstScreen(5, 'first-screen-missing');
  expect(screen.customers).toEqual([]);
  const names = (await indexedDB.databases()).map((database) => database.name);
  expect(names).not.toContain('first-screen-missing');
});

test('read in one request where the browser has getAllRecords, and still a full screen when the newest cards are deleted', async () => {
  // fake-indexeddb lacks Chromium's getAllRecords: this one reads backwards with a cursor, as Chromium's does in one request.
  const prototype = IDBIndex.prototype as IDBIndex & { getAllRecords?: unknown };
  let requests = 0;
  prototype.getAllRecords = function (this: IDBIndex, { count, direction }: { count: number; direction: IDBCursorDirection }) {
    requests++;
    const records: { value: unknown }[] = [];
    const cursor = this.openCursor(null, direction);
    const result = { result: records, onsuccess: null as null | (() => void), onerror: null };
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at || records.length >= count) return result.onsuccess?.();
      records.push({ value: at.value });
      at.continue();
    };
    return result;
  };
  try {
    const db = freshDatabase();
    let clock = 1_000;
    const customers = new CustomerRepository(db, () => clock++);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const created = await customers.create({ name: `客户${i}`, wechat: `w${i}` });
      if (created.ok) ids.push(created.value.id);
    }
    db.close();
    const screen = await readFirstScreen(5, db.name);
    expect(screen.customers.map((card) => card.name)).toEqual(['客户39', '客户38', '客户37', '客户36', '客户35']);
    expect(requests).toBe(1);

    // The 30 newest cards deleted: more than one request's margin, so the cursor steps back past them.
    await db.open();
    for (const id of ids.slice(10)) await customers.softDelete(id);
    db.close();
    const after = await readFirstScreen(5, db.name);
    expect(after.customers.map((card) => card.name)).toEqual(['客户9', '客户8', '客户7', '客户6', '客户5']);
    await db.delete();
  } finally {
    delete prototype.getAllRecords;
  }
});
