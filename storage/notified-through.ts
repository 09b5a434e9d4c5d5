import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Callback } from './schemas/callback';

/** A callback due longer ago than this when first seen is left to the badge and lists, not notified. */
export const NOTIFY_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Callbacks written open behind the watermark that the next claim looks at; past this many, the rest
 * of such a crowd (a restore, a re-plan of the whole book, an import of long-overdue cards) is left to
 * the badge and lists, like callbacks older than the lookback.
 */
export const LATE_CAP = 500;

/**
 * How far the reminders looked, in `[status+dueAt]` order (ties by id): every open callback up to this
 * key was claimed (notified, folded into a summary, or already recorded). A row of `counters`, so a
 * claim moves it in the transaction that records the notifications. `late` lists callbacks written
 * open at or behind it since (an overdue callback from a re-plan or an edit, a write that committed
 * just after a claim that saw a later one): the scan ahead of the watermark would never meet them.
 */
export interface NotifiedThrough {
  id: typeof NOTIFIED_THROUGH_ID;
  dueAt: number;
  callbackId: string;
  late: string[];
  /**
   * While a crowd is claimed a page a tick (an import, a long quiet spell): how many it has folded into
   * the summary so far. Only its first page shows callbacks one by one; later pages update the summary.
   */
  backlog?: number;
}

export const NOTIFIED_THROUGH_ID = 'notifiedThrough';
const COUNTERS_TABLE = 'counters';
const CALLBACKS_TABLE = 'callbacks';

/** A position in `[status+dueAt]` order among open callbacks. */
export interface DueKey {
  dueAt: number;
  id: string;
}

/** Key order of `[status+dueAt]` with ties by primary key (JavaScript compares strings as IndexedDB does). */
export function isAfter(a: DueKey, b: DueKey): boolean {
  return a.dueAt > b.dueAt || (a.dueAt === b.dueAt && a.id > b.id);
}

export function watermarkKey(row: NotifiedThrough): DueKey {
  return { dueAt: row.dueAt, id: row.callbackId };
}

// Mutations of one transaction note late callbacks one after another, never from the same stale read.
const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();

function serialised<T>(trans: DBCoreTransaction, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(trans) ?? Promise.resolve()).then(work, work);
  queues.set(trans, next.catch(() => undefined));
  return next;
}

async function putNotingLate(req: DBCoreMutateRequest & { type: 'add' | 'put' }, callbacks: DBCoreTable, counters: DBCoreTable): Promise<Awaited<ReturnType<DBCoreTable['mutate']>>> {
  const [row, result] = await Promise.all([counters.get({ trans: req.trans, key: NOTIFIED_THROUGH_ID }) as Promise<NotifiedThrough | undefined>, callbacks.mutate(req)]);
  // No watermark (nothing claimed yet): the first claim scans the whole lookback.
  if (!row) return result;
  const through = watermarkKey(row);
  const late = new Set(row.late);
  const before = late.size;
  req.values.forEach((value, i) => {
    const callback = value as Callback;
    if (result.failures[i] || callback.status !== 'open' || late.size >= LATE_CAP) return;
    if (callback.dueAt >= row.dueAt - NOTIFY_LOOKBACK_MS && !isAfter(callback, through)) late.add(callback.id);
  });
  if (late.size !== before) await counters.mutate({ type: 'put', trans: req.trans, values: [{ ...row, late: [...late] }] });
  return result;
}

/**
 * Dexie middleware: a callback written open at or behind the reminders' watermark is noted on it, in
 * the writing transaction (claims and writes both hold `counters`, so none slips between them).
 */
export const lateCallbacksMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'lateCallbacks',
  create(down) {
    if (!down.schema.tables.some((table) => table.name === COUNTERS_TABLE)) return {};
    return {
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.includes(CALLBACKS_TABLE) && !stores.includes(COUNTERS_TABLE) ? [...stores, COUNTERS_TABLE] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== CALLBACKS_TABLE) return table;
        const counters = down.table(COUNTERS_TABLE);
        return {
          ...table,
          mutate: (req) => (req.type === 'add' || req.type === 'put' ? serialised(req.trans, () => putNotingLate(req, table, counters)) : table.mutate(req)),
        };
      },
    };
  },
};
