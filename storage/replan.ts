import Dexie from 'dexie';
import { DATE_ROLLING_KINDS, localDateKey, planCallbacks, ROLLS_WITHIN_MS, reconcileCallbacks, systemTimeZone, type CallbackChanges, type PlannedCallback, type PlanSettings } from '../core/cadence';
import type { DealerDeskDatabase } from './database';
import { waitForForegroundReads } from './foreground-read';
import { customerRowId } from './schemas/common';
import { CALLBACK_STATUSES, type Callback } from './schemas/callback';
import type { Customer } from './schemas/customer';
import type { CustomerRecord } from './customer-search-keys';
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

/** Rows of `rows` by their customer, in the order of `ids` (an empty list for a customer with none). */
function byCustomer<T extends { customerId: string }>(ids: readonly string[], rows: readonly T[]): T[][] {
  const grouped = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.customerId)?.push(row);
  return ids.map((id) => grouped.get(id)!);
}

/**
 * The follow-ups and callbacks of `ids`. Customers that are consecutive in id order (a full re-plan's
 * slice) are read with one index range per table rather than one request per customer: on a 100k
 * book a slice's fifty-odd round trips to the browser's database were most of a re-plan's time.
 */
async function readHistory(db: DealerDeskDatabase, ids: readonly string[], consecutive: boolean): Promise<[FollowUp[][], Callback[][]]> {
  if (consecutive && ids.length > 1) {
    const first = ids[0]!;
    const last = ids[ids.length - 1]!;
    const [followUps, callbacks] = await Promise.all([
      db.followUps.where('[customerId+at]').between([first, -Infinity], [last, Infinity]).toArray(),
      db.callbacks.where('customerId').between(first, last, true, true).toArray(),
    ]);
    return [byCustomer(ids, followUps), byCustomer(ids, callbacks)];
  }
  return Promise.all([
    Promise.all(ids.map((id) => db.followUps.where('[customerId+at]').between([id, -Infinity], [id, Infinity]).toArray())),
    Promise.all(ids.map((id) => db.callbacks.where('customerId').equals(id).toArray())),
  ]);
}

/**
 * What `ids` need, planned from what the current transaction reads (all reads in flight at once): one
 * `CallbackChanges` per id, empty when its callbacks are already right. `read`: the cards, when the
 * caller has them; `settings`: the planner's settings, when the caller read them already;
 * `consecutive`: `ids` are ascending and no other customer's id lies between them.
 */
async function planCustomers(
  db: DealerDeskDatabase,
  ids: readonly string[],
  now: number,
  { read, settings, consecutive = false }: { read?: readonly (Customer | undefined)[] | undefined; settings?: PlanSettings; consecutive?: boolean } = {},
): Promise<CallbackChanges[]> {
  const [customers, plan, [followUps, existing]] = await Promise.all([
    read ?? db.customers.bulkGet([...ids]),
    settings ?? readSettings(db).then(planSettings),
    readHistory(db, ids, consecutive),
  ]);
  return ids.map((_, index) => changesFor(customers[index], followUps[index]!, existing[index]!, plan, now));
}

/** The stored callback for one the planner wants created: every write path creates callbacks this way. */
export function plannedCallbackRecord(customerId: string, callback: PlannedCallback, now: number): Callback {
  return { id: customerRowId(customerId), customerId, kind: callback.kind, planKey: callback.planKey, dueAt: callback.dueAt, status: 'open', createdAt: now, updatedAt: now };
}

/**
 * The callbacks a card just added should get: it has no follow-ups and no callbacks yet, so the card
 * alone plans them (no read). Pure, so a benchmark can compute what an import writes.
 */
export function newCustomerCallbacks(card: Customer, settings: PlanSettings, now: number): Callback[] {
  return changesFor(card, [], [], settings, now).create.map((callback) => plannedCallbackRecord(card.id, callback, now));
}

/** Writes the changes of several customers with one bulk add and one bulk update. */
async function writeChanges(db: DealerDeskDatabase, ids: readonly string[], changes: readonly CallbackChanges[], now: number, added: readonly Callback[] = []): Promise<void> {
  const created: Callback[] = [...added];
  const updates: { key: string; changes: Partial<Callback> }[] = [];
  changes.forEach((change, index) => {
    for (const callback of change.create) created.push(plannedCallbackRecord(ids[index]!, callback, now));
    for (const { id, dueAt, reopen } of change.reschedule) updates.push({ key: id, changes: reopen ? { dueAt, status: 'open', updatedAt: now } : { dueAt, updatedAt: now } });
    for (const id of change.cancel) updates.push({ key: id, changes: { status: 'cancelled', updatedAt: now } });
  });
  await Promise.all([created.length ? db.callbacks.bulkAdd(created) : undefined, updates.length ? db.callbacks.bulkUpdate(updates) : undefined]);
}

/**
 * Brings several customers' planned callbacks in line with their cards and follow-ups, reading them
 * all at once and writing with one bulk add and one bulk update. Call it inside the transaction that
 * changed them (see `replanTables`), so the change and its callbacks land together. `read`: the cards,
 * when the caller has them.
 */
export async function replanCustomers(db: DealerDeskDatabase, ids: readonly string[], now: number, read?: readonly (Customer | undefined)[]): Promise<CallbackChanges[]> {
  const changes = await planCustomers(db, ids, now, { read });
  await writeChanges(db, ids, changes, now);
  return changes;
}

/** `replanCustomers` for one customer. */
export async function replanCustomer(db: DealerDeskDatabase, customerId: string, now: number): Promise<CallbackChanges> {
  const [changes] = await replanCustomers(db, [customerId], now);
  return changes!;
}

/**
 * Plans a batch of cards the current transaction (with `replanTables`) has just written: `added` cards
 * from the cards alone (`newCustomerCallbacks`), `changed` ones read and reconciled with what they have.
 * The settings are read once; all the batch's new callbacks go in one bulk add. An import's batch.
 */
export async function planWrittenCards(db: DealerDeskDatabase, added: readonly Customer[], changed: readonly Customer[], now: number, known?: Settings): Promise<void> {
  const settings = planSettings(known ?? (await readSettings(db)));
  const ids = changed.map((card) => card.id);
  const changes = changed.length ? await planCustomers(db, ids, now, { read: changed, settings }) : [];
  await writeChanges(db, ids, changes, now, added.flatMap((card) => newCustomerCallbacks(card, settings, now)));
}

/**
 * One slice of background re-planning: `readSlice` reads the slice's cards, which are planned in the
 * same read-only transaction; only the customers whose callbacks would change are re-planned, in one
 * short read-write transaction that plans them again from what it reads (so a page's write in between
 * is never undone). An unchanged slice takes no write lock. Returns the cards read and how many
 * customers' callbacks changed.
 */
async function replanSlice(
  db: DealerDeskDatabase,
  readSlice: () => Promise<CustomerRecord[]>,
  now: number,
  { consecutive = false, skipPlanned = false }: { consecutive?: boolean; skipPlanned?: boolean } = {},
): Promise<{ cards: CustomerRecord[]; written: number }> {
  const { cards, stale } = await db.transaction('r', replanTables(db), async () => {
    const cards = await readSlice();
    // A card planned by the write that stamped it needs no second look (an import's 100k cards).
    const unplanned = skipPlanned ? cards.filter((card) => card.plannedAt !== card.updatedAt) : cards;
    if (unplanned.length === 0) return { cards, stale: [] };
    const ids = unplanned.map((card) => card.id);
    const planned = await planCustomers(db, ids, now, { read: unplanned, consecutive: consecutive && unplanned.length === cards.length });
    return { cards, stale: ids.filter((_, index) => !isEmpty(planned[index]!)) };
  });
  if (stale.length === 0) return { cards, written: 0 };
  const written = await db.transaction('rw', replanTables(db), async () => {
    const changes = await replanCustomers(db, stale, now);
    return changes.filter((change) => !isEmpty(change)).length;
  });
  return { cards, written };
}

/**
 * Lets the pages' transactions in between two slices of background work: a macrotask, so the
 * IndexedDB requests the dashboard, popup or sidebar queued meanwhile are served first, and a wait
 * while a page reads its first screen (see foreground-read.ts).
 */
export async function yieldToForeground(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await waitForForegroundReads();
}

/**
 * What a full re-plan depends on besides the customers: the planning settings. When they change,
 * re-plan everyone. The date is not in it: as days pass only the customers whose birthday or holiday
 * greeting has just rolled on need re-planning (`replanRolled`), not the whole book.
 */
export async function planStamp(db: DealerDeskDatabase): Promise<string> {
  const [settings, restored] = await Promise.all([readSettings(db), db.table(BOOK_RESTORED.table).get(BOOK_RESTORED.id) as Promise<{ at?: number } | undefined>]);
  return `${JSON.stringify(planSettings(settings))}|${restored?.at ?? ''}`;
}

/**
 * Where a restore notes when a backup last replaced the book (its plans are as old as the backup): a
 * row of `counters`, which backups leave out. It is part of the plan stamp, so a restore re-plans everyone.
 */
export const BOOK_RESTORED = { table: 'counters', id: 'bookRestoredAt' } as const;

/** The local calendar day of `at` in the planning time zone (`YYYY-MM-DD`): date-rolling rules move on when it changes. */
export async function planDay(db: DealerDeskDatabase, at: number): Promise<string> {
  return localDateKey(at, planSettings(await readSettings(db)).timeZone);
}

/** Customers per slice of background re-planning: each slice's transactions stay within a few milliseconds. */
export const REPLAN_SLICE = 25;

/**
 * How long a write may take between stamping a card's `updatedAt` and committing it (an import's batch
 * is stamped as its transaction starts, then writes its 2,000 cards and their callbacks): cards stamped
 * this recently are left to the next pass.
 */
export const SETTLE_MS = 5_000;

/**
 * Where re-planning the written cards got, in `[updatedAt+id]` order: every card before this key is
 * planned. `id: ''` means none at `updatedAt` is (ids are never empty).
 */
export interface PlannedThrough {
  updatedAt: number;
  id: string;
}

/** A stored watermark, or the number older builds stored (every card up to that `updatedAt` planned). */
export function plannedThrough(stored: unknown): PlannedThrough {
  if (typeof stored === 'number') return { updatedAt: stored, id: '' };
  const value = stored as Partial<PlannedThrough> | undefined;
  return typeof value?.updatedAt === 'number' && typeof value.id === 'string' ? { updatedAt: value.updatedAt, id: value.id } : { updatedAt: 0, id: '' };
}

/** Key order of `[updatedAt+id]` (JavaScript compares strings as IndexedDB does). */
function isBefore(a: PlannedThrough, b: PlannedThrough): boolean {
  return a.updatedAt < b.updatedAt || (a.updatedAt === b.updatedAt && a.id < b.id);
}

/** How far a pass over the written cards got. */
export interface ChangedSinceProgress {
  /** Every card stamped before the pass's bound is planned (false: the budget ran out first). */
  done: boolean;
  /** Where the next pass starts. */
  through: PlannedThrough;
  /** Cards looked at, and customers whose callbacks changed, in this pass. */
  seen: number;
  changed: number;
}

/**
 * Plans the cards written without planning (writes inside a transaction without the planning tables,
 * a freshly seeded book; an import plans each batch as it writes it and marks its cards `plannedAt`,
 * so the pass reads those cards and nothing else for them): those after `since` in `[updatedAt+id]` order and stamped before `until` (default `now - SETTLE_MS`),
 * a slice of `REPLAN_SLICE` at a time, read-only unless a customer's callbacks change, yielding to the
 * pages between slices. The key order is total, so cards sharing an `updatedAt` are each planned
 * once, and a card written during the pass is stamped after `until`: the next pass plans it.
 * With `budgetMs` it stops after a slice and says where it got.
 */
export async function replanChangedSince(
  db: DealerDeskDatabase,
  since: PlannedThrough,
  now: number,
  options: { until?: number; budgetMs?: number; slice?: number; onSlice?: (slice: { cards: number; written: number; through: PlannedThrough }) => void | Promise<void> } = {},
): Promise<ChangedSinceProgress> {
  const started = Date.now();
  const until = options.until ?? now - SETTLE_MS;
  const size = options.slice ?? REPLAN_SLICE;
  let through = since;
  let seen = 0;
  let changed = 0;
  for (;;) {
    if (!isBefore(through, { updatedAt: until, id: '' })) break;
    const { cards, written } = await replanSlice(
      db,
      () => db.customers.where('[updatedAt+id]').between([through.updatedAt, through.id], [until, ''], false, false).limit(size).toArray(),
      now,
      { skipPlanned: true },
    );
    seen += cards.length;
    changed += written;
    const last = cards[cards.length - 1];
    if (last) through = { updatedAt: last.updatedAt, id: last.id };
    if (cards.length) await options.onSlice?.({ cards: cards.length, written, through });
    if (cards.length < size) break;
    if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) return { done: false, through, seen, changed };
    await yieldToForeground();
  }
  // Everything stamped before `until` is planned: the next pass starts there.
  if (isBefore(through, { updatedAt: until, id: '' })) through = { updatedAt: until, id: '' };
  return { done: true, through, seen, changed };
}

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
 * customers at a time, yielding to the pages between slices (see `replanSlice`: an unchanged book
 * writes nothing and takes no write lock).
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
    const from = after;
    const { cards, written } = await replanSlice(
      db,
      () => (from === undefined ? db.customers.orderBy('id') : db.customers.where('id').above(from)).limit(REPLAN_SLICE).toArray(),
      now,
      { consecutive: true },
    );
    changed += written;
    if (cards.length) after = cards[cards.length - 1]!.id;
    await options.onSlice?.({ customers: cards.length, written, ...(after === undefined ? {} : { after }) });
    if (cards.length < REPLAN_SLICE) return { done: true, changed };
    if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) return { done: false, after, changed };
    await yieldToForeground();
  }
}

/** The window of due times whose date-rolling callbacks the daily re-plan looks at: `[from, to)`. */
export interface RollingWindow {
  /** When the customers were last planned as of (the previous daily re-plan, or a full one). */
  from: number;
  /** When this daily re-plan started: its window stays the same when it resumes. */
  to: number;
}

/**
 * The customers whose plan may have moved on between `from` and `to` because a date passed: those
 * with a birthday or holiday callback (open, snoozed, done or cancelled: every such rule leaves its
 * row) due from `from - ROLLS_WITHIN_MS` on. Read through the `[status+dueAt]` index: a few days of
 * callbacks, not the whole book. Ascending ids, each once.
 */
export async function customersRolledOn(db: DealerDeskDatabase, { from, to }: RollingWindow): Promise<string[]> {
  const since = from - ROLLS_WITHIN_MS;
  const due = await Promise.all(CALLBACK_STATUSES.map((status) => db.callbacks.where('[status+dueAt]').between([status, since], [status, to], true, false).toArray()));
  const ids = new Set<string>();
  for (const callbacks of due) for (const callback of callbacks) if ((DATE_ROLLING_KINDS as readonly string[]).includes(callback.kind)) ids.add(callback.customerId);
  return [...ids].sort();
}

/**
 * The daily re-plan: re-plans the customers of `customersRolledOn(window)` (next year's birthday,
 * the next holiday's greeting; the passed one withdrawn if unsent), a slice of `REPLAN_SLICE` at a
 * time, read-only for the unchanged, yielding to the pages in between. On an ordinary day that is
 * the few customers whose birthday just passed; the day after a holiday, every customer greeted.
 * With `budgetMs` it stops after a slice and says where it got (`after`), to resume with the same window.
 */
export async function replanRolled(
  db: DealerDeskDatabase,
  window: RollingWindow,
  now: number,
  options: { after?: string; budgetMs?: number; slice?: number; onSlice?: (slice: ReplanSlice) => void | Promise<void> } = {},
): Promise<ReplanProgress> {
  const started = Date.now();
  const size = options.slice ?? REPLAN_SLICE;
  const ids = (await customersRolledOn(db, window)).filter((id) => options.after === undefined || id > options.after);
  let after = options.after;
  let changed = 0;
  for (let start = 0; start < ids.length; start += size) {
    const slice = ids.slice(start, start + size);
    const { written } = await replanSlice(db, async () => (await db.customers.bulkGet(slice)).filter((card) => card !== undefined), now);
    changed += written;
    after = slice[slice.length - 1];
    await options.onSlice?.({ customers: slice.length, written, ...(after === undefined ? {} : { after }) });
    if (start + size >= ids.length) break;
    if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) return { done: false, ...(after === undefined ? {} : { after }), changed };
    await yieldToForeground();
  }
  return { done: true, changed };
}
