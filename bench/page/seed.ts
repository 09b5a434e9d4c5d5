import { planCallbacks, reconcileCallbacks, type PlanSettings } from '../../core/cadence';
import type { Callback, CustomerRecord, CustomerRepository, FollowUp } from '../../storage';
import { plannedCallbackRecord } from '../../storage/replan';
import { customerRowId } from '../../storage/schemas/common';
import { book, type BookEntry } from '../data/book';
import { SeededRandom } from '../data/random';
import { rawPutAll } from './raw-idb';

// Writing a generated book: set-up, not a measure. The runner caches the profile holding the 100k book
// under a hash of this file, the generator and the planner, so change them together with care.

/**
 * Records as storage writes them; follow-ups and callbacks skip validation (seeding is not measured).
 * With `plan`, the book is written as the product keeps it: each card holds the callbacks the planner
 * gives it, as if every card had been saved through storage/ (which re-plans in the writing
 * transaction); the generated callbacks stay as history (done, cancelled) and as the consultant's own
 * (open ones become manual, which no re-plan touches). Without it the generated callbacks are written
 * as they are (a shaped book the caller keeps unplanned on purpose).
 */
/** A follow-up's or callback's id as storage makes it (the customer's id first), from the seeded random source. */
function seededRowId(customerId: string, ids: SeededRandom): string {
  return customerRowId(customerId, ids.uuid().replaceAll('-', '').slice(0, 16));
}

function records(customers: CustomerRepository, entries: readonly BookEntry[], now: number, ids: SeededRandom, plan?: PlanSettings) {
  const out = { customers: [] as CustomerRecord[], followUps: [] as FollowUp[], callbacks: [] as Callback[] };
  for (const entry of entries) {
    const prepared = customers.prepare(entry.customer, entry.customer.id);
    if (!prepared.ok) throw new Error(`generated card rejected: ${JSON.stringify(prepared.errors)}`);
    // A planned book's cards say so, as storage's planned writes mark them (the written-cards pass skips their history).
    const customer = plan ? { ...prepared.value, plannedAt: prepared.value.updatedAt } : prepared.value;
    out.customers.push(customer);
    const followUps = entry.followUps.map((followUp) => ({ ...followUp, id: seededRowId(customer.id, ids), createdAt: followUp.at }) as FollowUp);
    out.followUps.push(...followUps);
    for (const callback of entry.callbacks) {
      const own = plan && callback.status === 'open' ? { customerId: callback.customerId, dueAt: callback.dueAt, kind: 'manual' as const, status: 'open' as const } : callback;
      out.callbacks.push({ status: 'open', ...own, id: seededRowId(customer.id, ids), createdAt: now, updatedAt: now } as Callback);
    }
    if (!plan) continue;
    for (const planned of reconcileCallbacks(planCallbacks(customer, followUps, plan, now), [], now).create) {
      out.callbacks.push({ ...plannedCallbackRecord(customer.id, planned, now), id: seededRowId(customer.id, ids) });
    }
  }
  return out;
}

export async function writeBook(
  idb: IDBDatabase,
  customers: CustomerRepository,
  size: number,
  now: number,
  options: { plan?: PlanSettings; shape?: (entry: BookEntry, index: number) => void } = {},
): Promise<{ customers: number; followUps: number; callbacks: number }> {
  let index = 0;
  const report = { customers: 0, followUps: 0, callbacks: 0 };
  // The next chunk is built while the last one is written; the three tables are written side by side.
  let writing: Promise<unknown> = Promise.resolve();
  const ids = new SeededRandom(size);
  for (const entries of book(size, { now })) {
    if (options.shape) for (const entry of entries) options.shape(entry, index++);
    const batch = records(customers, entries, now, ids, options.plan);
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
