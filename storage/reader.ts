import Dexie from 'dexie';
import type { CustomerRecord } from './customer-search-keys';
import type { DealerDeskDatabase } from './database';
import type { Callback } from './schemas/callback';

/** The tables a read-only view needs (the popup's lists). */
export type ReadableDatabase = Pick<DealerDeskDatabase, 'callbacks' | 'customers' | 'settings' | 'scripts' | 'name'>;

/** Must equal `DATABASE_NAME` (a unit test checks); not imported, because database.ts pulls every schema version and their upgrades. */
export const READER_DATABASE_NAME = 'dealer-desk';

/**
 * Opens the existing database as it is, without declaring versions (Dexie's dynamic mode): no
 * upgrade code and none of its libraries are loaded, so a popup opens fast. Resolves `undefined` when
 * there is no database yet (nothing has been written: nothing is due). Writes go through `openDatabase()`.
 */
export async function openReader(name: string = READER_DATABASE_NAME): Promise<ReadableDatabase | undefined> {
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
  return { name, callbacks: db.table('callbacks'), customers: db.table('customers'), settings: db.table('settings'), scripts: db.table('scripts') } as ReadableDatabase;
}

// The dashboard's book reads these through the read-only view (Dexie only: they need none of the
// writing code); the repositories answer the same questions through them.

/**
 * Most recently changed live cards first; pass the last row to get the next page. Keyset on
 * `[updatedAt+id]`, never offset, so cards sharing an `updatedAt` (bulk edits, imports) are neither
 * skipped nor repeated.
 */
export function recentCustomers(db: Pick<ReadableDatabase, 'customers'>, limit: number, after?: Pick<CustomerRecord, 'updatedAt' | 'id'>): Promise<CustomerRecord[]> {
  const range = after ? db.customers.where('[updatedAt+id]').below([after.updatedAt, after.id]) : db.customers.orderBy('[updatedAt+id]');
  return range
    .reverse()
    .filter((customer) => customer.deletedAt === undefined)
    .limit(limit)
    .toArray();
}

/** The latest `updatedAt` of any card (0 when there is none): a one-row index read. */
export async function newestCustomerUpdate(db: Pick<ReadableDatabase, 'customers'>): Promise<number> {
  return (await db.customers.orderBy('updatedAt').last())?.updatedAt ?? 0;
}

/** Every card changed after `since` (soft-deleted ones included): keeps an in-memory table in step. */
export function customersChangedSince(db: Pick<ReadableDatabase, 'customers'>, since: number): Promise<CustomerRecord[]> {
  return db.customers.where('updatedAt').above(since).toArray();
}

/**
 * Open callbacks, earliest due first, a page at a time: pass the last one to get the next. Keyset on
 * `[status+dueAt]` (ties in id order, as the index keeps them), never offset.
 */
export async function openCallbackPage(db: Pick<ReadableDatabase, 'callbacks'>, limit: number, after?: Pick<Callback, 'dueAt' | 'id'>): Promise<Callback[]> {
  const open = () => db.callbacks.where('[status+dueAt]');
  if (!after) return open().between(['open', -Infinity], ['open', Infinity], true, true).limit(limit).toArray();
  return db.callbacks.db.transaction('r', db.callbacks, async () => {
    // Those due at the same time as `after` and after it by id, then the next due times.
    const ties = (await open().equals(['open', after.dueAt]).toArray()).filter((callback) => callback.id > after.id);
    if (ties.length >= limit) return ties.slice(0, limit);
    const next = await open().between(['open', after.dueAt], ['open', Infinity], false, true).limit(limit - ties.length).toArray();
    return ties.concat(next);
  });
}

/** How many callbacks are open, counted by IndexedDB (a cheap query to watch for any change to them). */
export function countOpenCallbacks(db: Pick<ReadableDatabase, 'callbacks'>): Promise<number> {
  return db.callbacks.where('[status+dueAt]').between(['open', -Infinity], ['open', Infinity], true, true).count();
}
