import type { Callback, CustomerRecord, CustomerRepository, FollowUp } from '../../storage';
import { book, type BookEntry } from '../data/book';
import { SeededRandom } from '../data/random';
import { rawPutAll } from './raw-idb';

// Writing a generated book: set-up, not a measure. The runner caches the profile holding the 100k book
// under a hash of this file and the generator, so change them together with care.

/** Records as storage writes them; follow-ups and callbacks skip validation (seeding is not measured). */
function records(customers: CustomerRepository, entries: readonly BookEntry[], now: number, ids: SeededRandom) {
  const out = { customers: [] as CustomerRecord[], followUps: [] as FollowUp[], callbacks: [] as Callback[] };
  for (const entry of entries) {
    const prepared = customers.prepare(entry.customer, entry.customer.id);
    if (!prepared.ok) throw new Error(`generated card rejected: ${JSON.stringify(prepared.errors)}`);
    out.customers.push(prepared.value);
    for (const followUp of entry.followUps) out.followUps.push({ ...followUp, id: ids.uuid(), createdAt: followUp.at } as FollowUp);
    for (const callback of entry.callbacks) out.callbacks.push({ status: 'open', ...callback, id: ids.uuid(), createdAt: now, updatedAt: now } as Callback);
  }
  return out;
}

export async function writeBook(
  idb: IDBDatabase,
  customers: CustomerRepository,
  size: number,
  now: number,
  shape?: (entry: BookEntry, index: number) => void,
): Promise<{ customers: number; followUps: number; callbacks: number }> {
  let index = 0;
  const report = { customers: 0, followUps: 0, callbacks: 0 };
  // The next chunk is built while the last one is written; the three tables are written side by side.
  let writing: Promise<unknown> = Promise.resolve();
  const ids = new SeededRandom(size);
  for (const entries of book(size, { now })) {
    if (shape) for (const entry of entries) shape(entry, index++);
    const batch = records(customers, entries, now, ids);
    await writing;
    writing = Promise.all([
      rawPutAll(idb, 'customers', batch.customers, 'relaxed'),
      rawPutAll(idb, 'followUps', batch.followUps, 'relaxed'),
      rawPutAll(idb, 'callbacks', batch.callbacks, 'relaxed'),
    ]);
    report.customers += batch.customers.length;
    report.followUps += batch.followUps.length;
    report.callbacks += batch.callbacks.length;
  }
  await writing;
  return report;
}
