import Dexie from 'dexie';
import { localDateKey, planCallbacks, reconcileCallbacks, systemTimeZone, type CallbackChanges, type PlanSettings } from '../core/cadence';
import type { DealerDeskDatabase } from './database';
import { newId } from './schemas/common';
import type { Callback } from './schemas/callback';
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
  const live = customer !== undefined && customer.deletedAt === undefined;
  const planned = live ? planCallbacks(customer, followUps, planSettings(settings), now) : [];
  const changes = reconcileCallbacks(planned, existing, now);
  // A deleted customer leaves nobody to call: its manual callbacks go too (the badge must not count them).
  if (!live) for (const callback of existing) if (!callback.planKey && callback.status === 'open' && !changes.cancel.includes(callback.id)) changes.cancel.push(callback.id);
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

/** How far a full re-plan got: resume from `after` (a customer id); `done` when every customer was seen. */
export interface ReplanProgress {
  done: boolean;
  after?: string;
  /** Customers whose callbacks changed in this call. */
  changed: number;
}

/**
 * Re-plans every customer in id order, one transaction each (after a settings change, or daily).
 * Stops after `budgetMs` and says where it got, so a service worker that may be stopped at any time
 * resumes rather than starts over on a big book.
 */
export async function replanAll(db: DealerDeskDatabase, now: number, options: { after?: string; budgetMs?: number } = {}): Promise<ReplanProgress> {
  const started = Date.now();
  const batch = 200;
  let after = options.after;
  let changed = 0;
  for (;;) {
    const ids = (await (after === undefined ? db.customers.orderBy('id') : db.customers.where('id').above(after)).limit(batch).primaryKeys()) as string[];
    for (const id of ids) {
      const changes = await db.transaction('rw', replanTables(db), () => replanCustomer(db, id, now));
      if (changes.create.length + changes.reschedule.length + changes.cancel.length > 0) changed++;
      after = id;
    }
    if (ids.length < batch) return { done: true, changed };
    if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) return { done: false, after, changed };
  }
}
