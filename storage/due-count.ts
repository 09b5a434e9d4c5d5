import type { DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { callbackWritesMiddleware } from './callback-writes-middleware';
import type { Callback } from './schemas/callback';

/**
 * The badge's counts (open callbacks due by now, and by an hour ago) without counting thousands of index
 * entries: Chromium counts an index range one entry at a time (~1 s for 86k overdue callbacks of a
 * 100k-customer book, more while other work runs). Storage keeps, per count the badge asks for,
 * `count` = open callbacks due before `boundary`, corrected inside every transaction that writes
 * callbacks; a read adds the few callbacks between the boundary and the time asked about, and moves
 * the boundary up to that time when they are many (an import plans every new lead's first contact at
 * the same instant: that crowd is counted once, not on every read for hours).
 */
export interface DueCounter {
  id: DueCounterId;
  boundary: number;
  count: number;
}

/** Callbacks due by now (the badge's number). */
export const DUE_COUNTER_ID = 'openCallbacksDueBefore';
/** Callbacks due by an hour ago (the badge's colour): its own counter, so each boundary follows one clock. */
export const OVERDUE_COUNTER_ID = 'openCallbacksOverdueBefore';
export type DueCounterId = typeof DUE_COUNTER_ID | typeof OVERDUE_COUNTER_ID;
const COUNTER_IDS: readonly DueCounterId[] = [DUE_COUNTER_ID, OVERDUE_COUNTER_ID];

/** Whether a callback is in the counter's count for this boundary. */
export function countedBefore(callback: Pick<Callback, 'status' | 'dueAt'> | undefined, boundary: number): boolean {
  return callback !== undefined && callback.status === 'open' && callback.dueAt < boundary;
}

function keysOf(req: DBCoreMutateRequest, table: DBCoreTable): unknown[] {
  if (req.type === 'delete') return req.keys;
  if (req.type === 'deleteRange') return [];
  const keyPath = table.schema.primaryKey.keyPath as string;
  return req.keys ?? req.values.map((value: Record<string, unknown>) => value[keyPath]);
}

async function mutateCounted(req: DBCoreMutateRequest, callbacks: DBCoreTable, counters: DBCoreTable): Promise<Awaited<ReturnType<DBCoreTable['mutate']>>> {
  const stored = (await counters.getMany({ trans: req.trans, keys: COUNTER_IDS as DueCounterId[] })) as (DueCounter | undefined)[];
  const kept = stored.filter((counter): counter is DueCounter => counter !== undefined);
  // No counter yet (never read): nothing to keep right; the first read computes it.
  if (kept.length === 0) return callbacks.mutate(req);
  if (req.type === 'deleteRange') {
    // clear() and range deletes: recount on the next read rather than list what went.
    await counters.mutate({ type: 'delete', trans: req.trans, keys: kept.map((counter) => counter.id) });
    return callbacks.mutate(req);
  }
  const keys = keysOf(req, callbacks);
  const before = req.type === 'add' ? keys.map(() => undefined) : ((await callbacks.getMany({ trans: req.trans, keys })) as (Callback | undefined)[]);
  const result = await callbacks.mutate(req);
  const changed = kept.flatMap((counter) => {
    let delta = 0;
    keys.forEach((_, i) => {
      if (result.failures[i]) return;
      const after = req.type === 'delete' ? undefined : (req.values[i] as Callback);
      delta += Number(countedBefore(after, counter.boundary)) - Number(countedBefore(before[i], counter.boundary));
    });
    return delta === 0 ? [] : [{ ...counter, count: counter.count + delta }];
  });
  if (changed.length > 0) await counters.mutate({ type: 'put', trans: req.trans, values: changed });
  return result;
}

/** Dexie middleware: every read-write transaction on callbacks also corrects the due counters. */
export const dueCountMiddleware = callbackWritesMiddleware('dueCount', mutateCounted);
