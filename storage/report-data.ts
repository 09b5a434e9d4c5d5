import { CALLBACK_STATUSES, type Callback } from './schemas/callback';
import type { FollowUp } from './schemas/follow-up';
import type { CustomerRecord } from './customer-search-keys';
import type { DealerDeskDatabase } from './database';

/**
 * What the monthly report needs, read by index where it can: every card (grade mix, lost deals and
 * sales are over the whole book), the follow-ups of the month's new leads only, and callbacks due in
 * the month from the `[status+dueAt]` index.
 */
export async function reportData(db: DealerDeskDatabase, from: number, to: number): Promise<{ customers: CustomerRecord[]; followUps: FollowUp[]; callbacks: Callback[] }> {
  const customers = await db.customers.toArray();
  const leads = customers.filter((customer) => customer.createdAt >= from && customer.createdAt <= to).map((customer) => customer.id);
  const followUps = leads.length ? await db.followUps.where('customerId').anyOf(leads).toArray() : [];
  const callbacks = (
    await Promise.all(CALLBACK_STATUSES.map((status) => db.callbacks.where('[status+dueAt]').between([status, from], [status, to], true, true).toArray()))
  ).flat();
  return { customers, followUps, callbacks };
}
