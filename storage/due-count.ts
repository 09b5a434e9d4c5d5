import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Callback } from './schemas/callback';

/**
 * The badge's count (open callbacks due by now) without counting thousands of index entries: Chromium
 * counts an index range one entry at a time (~170 ms for the overdue callbacks of a 100k-customer book).
 * Storage keeps `count` = open callbacks due before `boundary`, corrected inside every transaction that
 * writes callbacks; a read adds the few callbacks due between the boundary and now.
 */
export interface DueCounter {
  id: typeof DUE_COUNTER_ID;
  boundary: number;
  count: number;
}

export const DUE_COUNTER_ID = 'openCallbacksDueBefore';
export const COUNTERS_TABLE = 'counters';
const CALLBACKS_TABLE = 'callbacks';

/** Whether a callback is in the counter's count for this boundary. */
export function countedBefore(callback: Pick<Callback, 'status' | 'dueAt'> | undefined, boundary: number): boolean {
  return callback !== undefined && callback.status === 'open' && callback.dueAt < boundary;
}

// Mutations of one transaction correct the counter one after another, never from the same stale read.
const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();

function serialised<T>(trans: DBCoreTransaction, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(trans) ?? Promise.resolve()).then(work, work);
  queues.set(trans, next.catch(() => undefined));
  return next;
}

function keysOf(req: DBCoreMutateRequest, table: DBCoreTable): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return [];
  const keyPath = table.schema.primaryKey.keyPath as string;
  return req.keys ?? req.values.map((value: Record<string, unknown>) => value[keyPath]);
}

async function mutateCounted(req: DBCoreMutateRequest, callbacks: DBCoreTable, counters: DBCoreTable): Promise<Awaited<ReturnType<DBCoreTable['mutate']>>> {
  const counter = (await counters.get({ trans: req.trans, key: DUE_COUNTER_ID })) as DueCounter | undefined;
  // No counter yet (never read): nothing to keep right; the first read computes it.
  if (!counter) return callbacks.mutate(req);
  if (req.type === 'deleteRange') {
    // clear() and range deletes: recount on the next read rather than list what went.
    await counters.mutate({ type: 'delete', trans: req.trans, keys: [DUE_COUNTER_ID] });
    return callbacks.mutate(req);
  }
  const keys = keysOf(req, callbacks);
  const before = req.type === 'add' ? keys.map(() => undefined) : ((await callbacks.getMany({ trans: req.trans, keys })) as (Callback | undefined)[]);
  const result = await callbacks.mutate(req);
  let delta = 0;
  keys.forEach((_, i) => {
    if (result.failures[i]) return;
    const after = req.type === 'delete' ? undefined : (req.values[i] as Callback);
    delta += Number(countedBefore(after, counter.boundary)) - Number(countedBefore(before[i], counter.boundary));
  });
  if (delta !== 0) await counters.mutate({ type: 'put', trans: req.trans, values: [{ ...counter, count: counter.count + delta }] });
  return result;
}

/** Dexie middleware: every read-write transaction on callbacks also corrects the due counter. */
export const dueCountMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'dueCount',
  create(down) {
    const hasCounters = down.schema.tables.some((table) => table.name === COUNTERS_TABLE);
    if (!hasCounters) return {};
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
          mutate: (req) => serialised(req.trans, () => mutateCounted(req, table, counters)),
        };
      },
    };
  },
};
