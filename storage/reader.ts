import Dexie from 'dexie';
import type { DealerDeskDatabase } from './database';

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
