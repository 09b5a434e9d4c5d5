import type { CustomerRecord } from './customer-search-keys';
import type { Callback } from './schemas/callback';
import { holdForegroundRead } from './foreground-read';
import { noteEarliestOpenDue } from './next-due';
import { EXTENSION_DATABASE_NAME, openExisting, request } from './plain-indexeddb';

/** What the dashboard draws before any other storage code has loaded. */
export interface FirstScreen {
  /** The most recently changed live cards, newest first (`[updatedAt+id]` descending). */
  customers: CustomerRecord[];
  /** Earliest open callback per customer in `customers`. */
  dueAt: Map<string, number>;
  /** The language chosen in Settings, when there is one. */
  language?: string;
}


const EMPTY: FirstScreen = { customers: [], dueAt: new Map() };

/** A few more than the screen needs, so a deleted card or two among the newest costs no second read. */
const DELETED_MARGIN = 20;

interface RecordsIndex extends IDBIndex {
  /** Chromium 141+: records in either direction in one request. */
  getAllRecords?(options: { count?: number; direction?: IDBCursorDirection }): IDBRequest<{ value: unknown }[]>;
}

/**
 * The newest `limit` live cards, newest first: one request where the browser reads an index backwards
 * in one (`getAllRecords`), otherwise a cursor stepping back card by card.
 */
async function newestLiveCards(index: RecordsIndex, limit: number): Promise<CustomerRecord[]> {
  if (typeof index.getAllRecords === 'function') {
    const count = limit + DELETED_MARGIN;
    const records = await request(index.getAllRecords({ count, direction: 'prev' }));
    const live = records.map((record) => record.value as CustomerRecord).filter((card) => card.deletedAt === undefined);
    // More deleted cards among the newest than the margin: step back with the cursor instead.
    if (live.length >= limit || records.length < count) return live.slice(0, limit);
  }
  return new Promise<CustomerRecord[]>((resolve, reject) => {
    const found: CustomerRecord[] = [];
    const cursor = index.openCursor(null, 'prev');
    cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB cursor failed'));
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at || found.length >= limit) return resolve(found);
      const card = at.value as CustomerRecord;
      if (card.deletedAt === undefined) found.push(card);
      at.continue();
    };
  });
}

/**
 * The first screenful of the customer table, read with plain IndexedDB (no Dexie, no schemas, no
 * validation: nothing to load or parse first), in one read-only transaction: a keyset read of the
 * `[updatedAt+id]` index from the newest end (never an offset), each card's open callbacks through
 * the `customerId` index, and the language setting. The connection is closed at once so it never holds
 * up a schema upgrade. Resolves empty when there is no database yet. While it reads, the worker's
 * re-planning waits (see foreground-read.ts).
 */
export function readFirstScreen(limit: number, name: string = EXTENSION_DATABASE_NAME): Promise<FirstScreen> {
  const read = readNewest(limit, name);
  holdForegroundRead(read);
  return read;
}

async function readNewest(limit: number, name: string): Promise<FirstScreen> {
  const db = await openExisting(name);
  if (!db) return EMPTY;
  try {
    const stores = ['customers', 'callbacks', 'settings'].filter((store) => db.objectStoreNames.contains(store));
    if (!stores.includes('customers')) return EMPTY;
    const tx = db.transaction(stores, 'readonly');
    const customers = tx.objectStore('customers');
    // Databases from before version 4 have no `[updatedAt+id]` index yet: `updatedAt` orders the same.
    const index: RecordsIndex = customers.indexNames.contains('[updatedAt+id]') ? customers.index('[updatedAt+id]') : customers.index('updatedAt');
    const languageRead = stores.includes('settings') ? request(tx.objectStore('settings').get('settings')) : Promise.resolve(undefined);
    const page = await newestLiveCards(index, limit);
    const dueAt = new Map<string, number>();
    if (stores.includes('callbacks')) {
      const byCustomer = tx.objectStore('callbacks').index('customerId');
      const callbacks = await Promise.all(page.map((card) => request(byCustomer.getAll(card.id) as IDBRequest<Callback[]>)));
      for (const ofCard of callbacks) noteEarliestOpenDue(dueAt, ofCard);
    }
    const settings = (await languageRead) as { language?: string } | undefined;
    return { customers: page, dueAt, ...(settings?.language ? { language: settings.language } : {}) };
  } finally {
    db.close();
  }
}
