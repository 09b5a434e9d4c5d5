import Dexie from 'dexie';
import { localDateKey, planCallbacks, reconcileCallbacks, systemTimeZone, type CallbackChanges, type PlanSettings } from '../core/cadence';
import type { DealerDeskDatabase } from './database';
import { newId } from './schemas/common';
import type { Callback } from './schemas/callback';
import type { Customer } from './schemas/customer';
import type { FollowUp } from './schemas/follow-up';
import { settingsSchema, type Settings } from './schemas/settings';

/** The planner's view of the settings. */
export function planSettings(settings: Settings): PlanSettings {
  return {
    cadence: settings.cadence,
    ...settings.followUpRules,
    workingHours: settings.workingHours,
    quietHours: settings.quietHours,
    timeZone: settings.timeZone ?? systemTimeZone(),
  };
}

export async function readSettings(db: DealerDeskDatabase): Promise<Settings> {
  const parsed = settingsSchema.safeParse((await db.settings.get('settings')) ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

/** The tables a re-plan reads and writes: a transaction that re-plans must include them all. */
export function replanTables(db: DealerDeskDatabase) {
  return [db.customers, db.followUps, db.callbacks, db.settings];
}

/**
 * Whether a write can re-plan in place: outside any transaction (it opens its own), or inside one that
 * includes `replanTables`. A caller with a narrower transaction (e.g. customers + callbacks) writes
 * without re-planning and plans what it needs itself (capture writes the first-contact callback).
 */
export function canReplanHere(db: DealerDeskDatabase): boolean {
  const current = Dexie.currentTransaction;
  return !current || replanTables(db).every((table) => current.storeNames.includes(table.name));
}

/** What one customer's callbacks need, from rows already read: the planner's answer reconciled with them. */
function changesFor(customer: Customer | undefined, followUps: FollowUp[], existing: Callback[], settings: PlanSettings, now: number): CallbackChanges {
  const live = customer !== undefined && customer.deletedAt === undefined;
  const planned = live ? planCallbacks(customer, followUps, settings, now) : [];
  const changes = reconcileCallbacks(planned, existing, now);
  // A deleted customer leaves nobody to call: its manual callbacks go too (the badge must not count them).
  if (!live) for (const callback of existing) if (!callback.planKey && callback.status === 'open' && !changes.cancel.includes(callback.id)) changes.cancel.push(callback.id);
  return changes;
}

function isEmpty(changes: CallbackChanges): boolean {
  return changes.create.length + changes.reschedule.length + changes.cancel.length === 0;
}

/**
 * Brings one customer's planned callbacks in line with its card and follow-ups. Call it inside the
 * transaction that changed them (see `replanTables`), so the change and its callbacks land together.
 */
export async function replanCustomer(db: DealerDeskDatabase, customerId: string, now: number): Promise<CallbackChanges> {
  const [customer, followUps, existing, settings] = await Promise.all([
    db.customers.get(customerId),
    db.followUps.where('[customerId+at]').between([customerId, -Infinity], [customerId, Infinity]).toArray(),
    db.callbacks.where('customerId').equals(customerId).toArray(),
    readSettings(db),
  ]);
  const changes = changesFor(customer, followUps, existing, planSettings(settings), now);
  const created: Callback[] = changes.create.map((callback) => ({
    id: newId(),
    customerId,
    kind: callback.kind,
    planKey: callback.planKey,
    dueAt: callback.dueAt,
    status: 'open',
    createdAt: now,
    updatedAt: now,
  }));
  if (created.length) await db.callbacks.bulkAdd(created);
  for (const { id, dueAt, reopen } of changes.reschedule) {
    await db.callbacks.update(id, reopen ? { dueAt, status: 'open', updatedAt: now } : { dueAt, updatedAt: now });
  }
  for (const id of changes.cancel) await db.callbacks.update(id, { status: 'cancelled', updatedAt: now });
  return changes;
}

/**
 * Lets the pages' transactions in between two slices of background work: a macrotask, so the
 * IndexedDB requests the dashboard, popup or sidebar queued meanwhile are served first.
 */
export function yieldToForeground(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * What a full re-plan depends on besides the customers: the planning settings and the local date
 * (birthdays roll to next year, stale steps stop being created). When it changes, re-plan everyone.
 */
export async function planStamp(db: DealerDeskDatabase, now: number): Promise<string> {
  const settings = planSettings(await readSettings(db));
  return `${localDateKey(now, settings.timeZone)}|${JSON.stringify(settings)}`;
}

/**
 * Re-plans the customers written after `since` (by `updatedAt`) — imports, bulk edits and restores
 * that wrote cards without planning — and returns the `updatedAt` it got through, for the next call.
 * With `budgetMs` it stops early, but never between two cards written at the same moment (a bulk
 * import shares one), so resuming from the returned time skips nobody.
 */
export async function replanChangedSince(db: DealerDeskDatabase, since: number, now: number, budgetMs = Infinity): Promise<number> {
  const started = Date.now();
  const range = () => db.customers.where('updatedAt').above(since);
  const [times, ids] = await Promise.all([range().keys(), range().primaryKeys()]);
  let through = since;
  for (const [index, id] of (ids as string[]).entries()) {
    if (index > 0 && index % REPLAN_SLICE === 0) await yieldToForeground();
    await db.transaction('rw', replanTables(db), () => replanCustomer(db, id, now));
    through = times[index] as number;
    if (Date.now() - started > budgetMs && times[index + 1] !== times[index]) break;
  }
  return through;
}

/** The newest `updatedAt` of any card (0 when there is none): a one-row index read. */
export async function newestCustomerUpdate(db: DealerDeskDatabase): Promise<number> {
  return (await db.customers.orderBy('updatedAt').last())?.updatedAt ?? 0;
}

/** Customers per slice of a full re-plan: each slice's transactions stay within a few milliseconds. */
export const REPLAN_SLICE = 25;

/** How far a full re-plan got: resume from `after` (a customer id); `done` when every customer was seen. */
export interface ReplanProgress {
  done: boolean;
  after?: string;
  /** Customers whose callbacks changed in this call. */
  changed: number;
}

/** One slice of a full re-plan, as reported to `onSlice`: how many customers it saw and how many it wrote. */
export interface ReplanSlice {
  customers: number;
  written: number;
  /** The last customer id done: where to resume. */
  after?: string;
}

/**
 * Re-plans every customer in id order (after a settings change, or daily), a slice of `REPLAN_SLICE`
 * customers at a time, yielding to the pages between slices. Each slice first reads and plans in a
 * read-only transaction; only the customers whose callbacks would change are re-planned, in one short
 * read-write transaction that plans them again from what it reads (so a page's write in between is
 * never undone). An unchanged book therefore writes nothing and takes no write lock.
 * Stops after `budgetMs` and says where it got, so a service worker that may be stopped at any time
 * resumes rather than starts over on a big book.
 */
export async function replanAll(
  db: DealerDeskDatabase,
  now: number,
  options: { after?: string; budgetMs?: number; onSlice?: (slice: ReplanSlice) => void | Promise<void> } = {},
): Promise<ReplanProgress> {
  const started = Date.now();
  let after = options.after;
  let changed = 0;
  for (;;) {
    const { ids, stale } = await db.transaction('r', replanTables(db), async () => {
      const ids = (await (after === undefined ? db.customers.orderBy('id') : db.customers.where('id').above(after)).limit(REPLAN_SLICE).primaryKeys()) as string[];
      const [customers, settings] = await Promise.all([db.customers.bulkGet(ids), readSettings(db)]);
      const plan = planSettings(settings);
      const stale: string[] = [];
      await Promise.all(
        ids.map(async (id, index) => {
          const [followUps, existing] = await Promise.all([
            db.followUps.where('[customerId+at]').between([id, -Infinity], [id, Infinity]).toArray(),
            db.callbacks.where('customerId').equals(id).toArray(),
          ]);
          if (!isEmpty(changesFor(customers[index], followUps, existing, plan, now))) stale.push(id);
        }),
      );
      return { ids, stale };
    });
    let written = 0;
    if (stale.length) {
      written = await db.transaction('rw', replanTables(db), async () => {
        let count = 0;
        for (const id of stale) if (!isEmpty(await replanCustomer(db, id, now))) count++;
        return count;
      });
    }
    changed += written;
    if (ids.length) after = ids[ids.length - 1];
    await options.onSlice?.({ customers: ids.length, written, ...(after === undefined ? {} : { after }) });
    if (ids.length < REPLAN_SLICE) return { done: true, changed };
    if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) return { done: false, after, changed };
    await yieldToForeground();
  }
}
