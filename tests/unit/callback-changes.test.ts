import Dexie, { type ObservabilitySet } from 'dexie';
import { expect, test } from 'vitest';
import { callbackChange } from '../../storage/callback-changes';
import { freshDatabase } from './support/database';

/** What Dexie reports for one write, as another tab receives it (structured-cloned, no RangeSet methods). */
async function reported(write: () => Promise<unknown>): Promise<ObservabilitySet> {
  const parts: ObservabilitySet = {};
  const listener = (mutated: ObservabilitySet) => Dexie.extendObservabilitySet(parts, mutated);
  Dexie.on('storagemutated', listener);
  try {
    await write();
  } finally {
    Dexie.on.storagemutated.unsubscribe(listener);
  }
  return structuredClone(parts);
}

const callback = (id: string, customerId: string) => ({ id, customerId, dueAt: 1, status: 'open' as const, kind: 'manual' as const, createdAt: 1, updatedAt: 1 });

test('a write names the customers of the callbacks it touched; one that names no keys means everything', async () => {
  const db = freshDatabase();
  // Creating the database reports every table whole.
  expect(callbackChange(await reported(() => db.open()), db.name)).toBe('everything');
  const few = await reported(() => db.callbacks.bulkAdd([callback('a-1~00ff', 'a-1'), callback('a-1~0100', 'a-1'), callback('b~2', 'b'), callback('plain', 'c')]));
  expect(callbackChange(few, db.name)).toEqual({ customerIds: new Set(['a-1', 'b']), callbackIds: new Set(['plain']) });
  // Another database's writes, and other tables', are not this book's.
  expect(callbackChange(few, 'another')).toBeUndefined();
  expect(callbackChange(await reported(() => db.settings.put({ id: 'x' } as never)), db.name)).toBeUndefined();

  const many = Array.from({ length: 60 }, (_, i) => callback(`d${i}~1`, `d${i}`));
  expect(callbackChange(await reported(() => db.callbacks.bulkAdd(many)), db.name)).toBe('everything');
  expect(callbackChange(await reported(() => db.callbacks.where('customerId').equals('b').delete()), db.name)).toEqual({ customerIds: new Set(['b']), callbackIds: new Set() });
  expect(callbackChange(await reported(() => db.callbacks.clear()), db.name)).toBe('everything');
  db.close();
});
