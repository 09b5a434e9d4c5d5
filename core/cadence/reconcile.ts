import type { PlannedCallback } from './planner';

/** What the reconciler reads of a stored callback. */
export interface ExistingCallback {
  id: string;
  planKey?: string;
  status: 'open' | 'done' | 'snoozed' | 'cancelled';
  dueAt: number;
  snoozedUntil?: number;
}

export interface CallbackChanges {
  create: PlannedCallback[];
  /** Open callbacks whose rule now gives another due time (or withdrawn ones that apply again). */
  reschedule: { id: string; dueAt: number; reopen: boolean }[];
  /** Open planned callbacks whose rule no longer applies (e.g. the grade became F, a newer contact superseded it). */
  cancel: string[];
}

/**
 * Turns a plan into writes, idempotently: one callback per plan key, ever. Done callbacks stay done;
 * a callback the consultant snoozed keeps its time; manual callbacks (no plan key) are never touched.
 */
export function reconcileCallbacks(planned: readonly PlannedCallback[], existing: readonly ExistingCallback[], now: number): CallbackChanges {
  const byKey = new Map<string, ExistingCallback>();
  for (const callback of existing) if (callback.planKey && !byKey.has(callback.planKey)) byKey.set(callback.planKey, callback);
  const wanted = new Set(planned.map((callback) => callback.planKey));
  const changes: CallbackChanges = { create: [], reschedule: [], cancel: [] };

  for (const callback of planned) {
    const found = byKey.get(callback.planKey);
    if (!found) {
      if (callback.supersededAt === undefined || now < callback.supersededAt) changes.create.push(callback);
    } else if (found.status === 'cancelled') {
      if (callback.supersededAt === undefined || now < callback.supersededAt) changes.reschedule.push({ id: found.id, dueAt: callback.dueAt, reopen: true });
    } else if ((found.status === 'open' || found.status === 'snoozed') && found.snoozedUntil === undefined && found.dueAt !== callback.dueAt) {
      changes.reschedule.push({ id: found.id, dueAt: callback.dueAt, reopen: false });
    }
  }
  for (const callback of existing) {
    if (callback.planKey && !wanted.has(callback.planKey) && (callback.status === 'open' || callback.status === 'snoozed')) changes.cancel.push(callback.id);
  }
  return changes;
}

export function hasChanges(changes: CallbackChanges): boolean {
  return changes.create.length + changes.reschedule.length + changes.cancel.length > 0;
}
