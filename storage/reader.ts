import type { CustomerRecord } from './customer-search-keys';
import type { Callback } from './schemas/callback';
import type { Script } from './schemas/script';
import type { Settings } from './schemas/settings';
import { EXTENSION_DATABASE_NAME, openExisting, request } from './plain-indexeddb';


const TABLES = ['callbacks', 'customers', 'settings', 'scripts'] as const;
/** Dexie's name for the compound index of `[status+dueAt]` (storage/versions.ts). */
const DUE_INDEX = '[status+dueAt]';

/**
 * One read-only IndexedDB transaction over the tables the popup's lists need: every read sees the
 * same state. Chain reads with `await` only (no timers in between), or the transaction commits.
 */
export interface ReadSnapshot {
  settings(): Promise<Partial<Settings> | undefined>;
  /** Every stored script (the user's edits of built-ins and their own). */
  scripts(): Promise<Script[]>;
  /** The first `limit` open callbacks due in [from, to), earliest first. */
  openCallbacks(from: number, to: number, limit: number): Promise<Callback[]>;
  /** How many open callbacks are due in [from, to): the index walks every entry of the range for it. */
  countOpenCallbacks(from: number, to: number): Promise<number>;
  /** The customers with these ids, in order (`undefined` where there is none). */
  customers(ids: readonly string[]): Promise<(CustomerRecord | undefined)[]>;
}

/** A read-only view of the extension's database. Writes go through `openDatabase()`. */
export interface ReadableDatabase {
  name: string;
  snapshot(): ReadSnapshot;
  close(): void;
}

/**
 * The database as it is, or `undefined` when it does not exist yet or lacks a table (never creates
 * it). `onClosed` runs when it closes for another context's schema upgrade.
 */
async function connect(name: string, onClosed: () => void): Promise<IDBDatabase | undefined> {
  const db = await openExisting(name);
  if (!db) return undefined;
  if (!TABLES.every((table) => db.objectStoreNames.contains(table))) {
    db.close();
    return undefined;
  }
  // Never hold up a schema upgrade by another page or the worker: close, reopen for the next read.
  db.onversionchange = () => {
    db.close();
    onClosed();
  };
  db.onclose = onClosed;
  return db;
}

function dueRange(from: number, to: number): IDBKeyRange {
  return IDBKeyRange.bound(['open', from], ['open', to], false, true);
}

function snapshotOf(connection: Promise<IDBDatabase | undefined>): ReadSnapshot {
  let transaction: Promise<IDBTransaction | undefined> | undefined;
  const store = async (name: (typeof TABLES)[number]): Promise<IDBObjectStore | undefined> => {
    transaction ??= connection.then((db) => db?.transaction([...TABLES], 'readonly'));
    return (await transaction)?.objectStore(name);
  };
  return {
    async settings() {
      const settings = await store('settings');
      return settings && ((await request(settings.get('settings'))) as Partial<Settings> | undefined);
    },
    async scripts() {
      const scripts = await store('scripts');
      return scripts ? ((await request(scripts.getAll())) as Script[]) : [];
    },
    async openCallbacks(from, to, limit) {
      const callbacks = await store('callbacks');
      if (!callbacks || !(to > from) || !(limit > 0)) return [];
      return (await request(callbacks.index(DUE_INDEX).getAll(dueRange(from, to), limit))) as Callback[];
    },
    async countOpenCallbacks(from, to) {
      const callbacks = await store('callbacks');
      if (!callbacks || !(to > from)) return 0;
      return request(callbacks.index(DUE_INDEX).count(dueRange(from, to)));
    },
    async customers(ids) {
      const customers = await store('customers');
      if (!customers) return ids.map(() => undefined);
      return Promise.all(ids.map((id) => request(customers.get(id)) as Promise<CustomerRecord | undefined>));
    },
  };
}

/**
 * Opens the existing database with plain IndexedDB: no Dexie, no schema versions, no validation, so
 * the popup's first screen costs one connection and one transaction. Resolves `undefined` when there
 * is no database yet (nothing has been written: nothing is due).
 */
export async function openReader(name: string = EXTENSION_DATABASE_NAME): Promise<ReadableDatabase | undefined> {
  let stale = false;
  const closed = () => {
    stale = true;
  };
  let connection = connect(name, closed);
  if (!(await connection)) return undefined;
  return {
    name,
    snapshot: () => {
      if (stale) {
        stale = false;
        connection = connect(name, closed);
      }
      return snapshotOf(connection);
    },
    close: () => void connection.then((db) => db?.close()),
  };
}
