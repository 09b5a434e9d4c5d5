import { DealerDeskDatabase } from '../../../storage/database';

let opened = 0;

/** A fresh database of its own for each test, in fake-indexeddb. */
export function freshDatabase(): DealerDeskDatabase {
  opened += 1;
  return new DealerDeskDatabase(`test-${opened}-${Math.random().toString(36).slice(2)}`);
}

/** Everything in every table, for "nothing changed" assertions. */
export async function snapshot(db: DealerDeskDatabase): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return tables;
}
