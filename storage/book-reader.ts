import Dexie, { cmp } from 'dexie';
import type { CustomerRecord } from './customer-search-keys';
import type { DealerDeskDatabase } from './database';
import type { Callback } from './schemas/callback';
import { noteEarliestOpenDue } from './next-due';

import { EXTENSION_DATABASE_NAME } from './plain-indexeddb';

/** The tables the dashboard's book reads (Dexie's live queries need Dexie tables, not plain IndexedDB). */
export type BookDatabase = Pick<DealerDeskDatabase, 'callbacks' | 'customers' | 'settings' | 'scripts' | 'name'>;

/**
 * Opens the existing database as it is, without declaring versions (Dexie's dynamic mode): no
 * upgrade code, schemas or their libraries are loaded, so the dashboard's book reads with Dexie alone. Resolves `undefined` when
 * there is no database yet (nothing has been written: nothing is due). Writes go through `openDatabase()`.
 */
export async function openBookReader(name: string = EXTENSION_DATABASE_NAME): Promise<BookDatabase | undefined> {
  const db = new Dexie(name);
  try {
    await db.open();
  } catch {
    db.close();
    return undefined;
  }
  const names = db.tables.map((table) => table.name);
  if (!['callbacks', 'customers', 'settings', 'scripts'].every((table) => names.includes(table))) {
    db.close();
    return undefined;
  }
  return { name, callbacks: db.table('callbacks'), customers: db.table('customers'), settings: db.table('settings'), scripts: db.table('scripts') } as BookDatabase;
}

// The dashboard's book reads these through the read-only view (Dexie only: they need none of the
// writing code); the repositories answer the same questions through them.

/**
 * Most recently changed live cards first; pass the last row to get the next page. Keyset on
 * `[updatedAt+id]`, never offset, so cards sharing an `updatedAt` (bulk edits, imports) are neither
 * skipped nor repeated.
 */
export function recentCustomers(db: Pick<BookDatabase, 'customers'>, limit: number, after?: Pick<CustomerRecord, 'updatedAt' | 'id'>): Promise<CustomerRecord[]> {
  const range = after ? db.customers.where('[updatedAt+id]').below([after.updatedAt, after.id]) : db.customers.orderBy('[updatedAt+id]');
  return range
    .reverse()
    .filter((customer) => customer.deletedAt === undefined)
    .limit(limit)
    .toArray();
}

/** The newest `updatedAt` of any card (0 when there is none): one key of the index, no card read. */
export async function newestCustomerUpdate(db: Pick<BookDatabase, 'customers'>): Promise<number> {
  const [newest] = await db.customers.orderBy('updatedAt').reverse().limit(1).keys();
  return typeof newest === 'number' ? newest : 0;
}

/** Every card changed after `since` (soft-deleted ones included): keeps an in-memory table in step. */
export function customersChangedSince(db: Pick<BookDatabase, 'customers'>, since: number): Promise<CustomerRecord[]> {
  return db.customers.where('updatedAt').above(since).toArray();
}

/**
 * Open callbacks, earliest due first, a page at a time: pass the last one to get the next. Keyset on
 * `[status+dueAt]`, ties in id order (as the index keeps entries with equal keys), never offset.
 * Tens of thousands may share one due time (an import plans every new lead's first call at the same
 * instant): a cursor jumps straight to `after` within them (`continuePrimaryKey`) and reads on from
 * there, so a page reads about `limit` callbacks, never the whole group that shares `after.dueAt`.
 * `through`: only callbacks due by then (inclusive).
 */
export async function openCallbackPage(db: Pick<BookDatabase, 'callbacks'>, limit: number, after?: Pick<Callback, 'dueAt' | 'id'>, through = Infinity): Promise<Callback[]> {
  const open = () => db.callbacks.where('[status+dueAt]');
  if (!after) return open().between(['open', -Infinity], ['open', through], true, true).limit(limit).toArray();
  if (after.dueAt > through) return [];
  return db.callbacks.db.transaction('r', db.callbacks, (transaction) => {
    // Plain IndexedDB inside Dexie's transaction: Dexie has no way to continue at a primary key.
    const index = transaction.idbtrans.objectStore(db.callbacks.name).index('[status+dueAt]');
    const tie = ['open', after.dueAt];
    const page: Callback[] = [];
    return new Promise<Callback[]>((resolve, reject) => {
      const later = () => {
        if (after.dueAt === through) return resolve(page); // no due time past the ties (and an empty range throws)
        // Past the ties: the next due times, read in one go.
        const request = index.getAll(Dexie.dependencies.IDBKeyRange.bound(tie, ['open', through], true, false), limit - page.length);
        request.onsuccess = () => resolve(page.concat(request.result as Callback[]));
        request.onerror = () => reject(request.error);
      };
      const cursor = index.openCursor(Dexie.dependencies.IDBKeyRange.only(tie));
      let jumped = false;
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return later();
        const order = cmp(at.primaryKey, after.id);
        if (order < 0 && !jumped) {
          jumped = true;
          return at.continuePrimaryKey(tie, after.id);
        }
        if (order <= 0) return at.continue();
        page.push(at.value as Callback);
        if (page.length < limit) at.continue();
        else resolve(page);
      };
    });
  });
}

/**
 * The earliest due time of each customer's open callbacks (customers with none are left out): what the
 * book reads after a write names the customers whose callbacks changed, instead of every open callback.
 */
export async function earliestOpenDue(db: Pick<BookDatabase, 'callbacks'>, customerIds: readonly string[]): Promise<Map<string, number>> {
  if (customerIds.length === 0) return new Map();
  return noteEarliestOpenDue(new Map(), await db.callbacks.where('customerId').anyOf(customerIds).toArray());
}

/** The customers of the given callbacks, or `undefined` if any of them no longer exists. */
export async function customersOfCallbacks(db: Pick<BookDatabase, 'callbacks'>, ids: readonly string[]): Promise<string[] | undefined> {
  const found = await db.callbacks.bulkGet([...ids]);
  const customerIds: string[] = [];
  for (const callback of found) {
    if (!callback) return undefined;
    customerIds.push(callback.customerId);
  }
  return customerIds;
}
