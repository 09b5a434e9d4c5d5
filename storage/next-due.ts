import type { Callback } from './schemas/callback';

/**
 * Notes in `dueAt` each customer's next due time, the earliest of its open callbacks (customers with
 * none are left out): the dashboard's "next callback" column, from whatever callbacks a read brought.
 */
export function noteEarliestOpenDue(dueAt: Map<string, number>, callbacks: Iterable<Pick<Callback, 'customerId' | 'status' | 'dueAt'>>): Map<string, number> {
  for (const callback of callbacks) {
    if (callback.status !== 'open') continue;
    const earliest = dueAt.get(callback.customerId);
    if (earliest === undefined || callback.dueAt < earliest) dueAt.set(callback.customerId, callback.dueAt);
  }
  return dueAt;
}
