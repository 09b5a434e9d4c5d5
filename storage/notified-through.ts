import type { DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { callbackWritesMiddleware } from './callback-writes-middleware';
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
export const lateCallbacksMiddleware = callbackWritesMiddleware('lateCallbacks', (req, callbacks, counters) =>
  req.type === 'add' || req.type === 'put' ? putNotingLate(req, callbacks, counters) : callbacks.mutate(req),
);
