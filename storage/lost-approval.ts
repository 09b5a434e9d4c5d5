import { t } from '../core/i18n';
import { CustomerRepository } from './customers';
import type { CustomerRecord } from './customer-search-keys';
import type { DealerDeskDatabase } from './database';
import { customerRowId } from './schemas/common';
import { RejectedWrite, type WriteResult } from './validation';

const DAY = 24 * 60 * 60 * 1000;

/** Lost-deal (战败) requests waiting for the manager, oldest request first (an index lookup). */
export async function pendingLostRequests(db: DealerDeskDatabase): Promise<CustomerRecord[]> {
  const pending = await db.customers.where('deal.lost.approval').equals('pending').toArray();
  return pending
    .filter((customer) => customer.deletedAt === undefined)
    .sort((a, b) => (a.deal.lost?.requestedAt ?? a.updatedAt) - (b.deal.lost?.requestedAt ?? b.updatedAt));
}

async function decide(db: DealerDeskDatabase, id: string, now: () => number, change: (customer: CustomerRecord, at: number) => Promise<void> | void, patch: (customer: CustomerRecord, at: number) => object): Promise<WriteResult<CustomerRecord>> {
  const customers = new CustomerRepository(db, now);
  try {
    return await db.transaction('rw', db.customers, db.callbacks, async () => {
      const existing = await customers.get(id);
      if (!existing || existing.deal.lost?.approval !== 'pending') throw new RejectedWrite([{ path: 'deal.lost.approval', field: t('field_deal_lost'), message: t('approval_error_not_pending') }]);
      const at = now();
      const result = await customers.update(id, patch(existing, at));
      if (!result.ok) throw new RejectedWrite(result.errors);
      await change(existing, at);
      return result;
    });
  } catch (error) {
    if (error instanceof RejectedWrite) return { ok: false, errors: error.errors };
    throw error;
  }
}

/** The manager agrees: the customer is lost (战败, grade F) and their open callbacks are cancelled. */
export function approveLost(db: DealerDeskDatabase, id: string, now: () => number = Date.now): Promise<WriteResult<CustomerRecord>> {
  return decide(
    db,
    id,
    now,
    async (customer, at) => {
      await db.callbacks
        .where('customerId')
        .equals(customer.id)
        .filter((callback) => callback.status === 'open' || callback.status === 'snoozed')
        .modify({ status: 'cancelled', updatedAt: at });
    },
    (customer, at) => ({
      stage: 'lost',
      grade: 'F',
      deal: { ...customer.deal, status: 'lost', lost: { ...customer.deal.lost!, approval: 'approved', decidedAt: at } },
    }),
  );
}

/**
 * The manager sends the request back: the customer stays active (意向) with the deal open, and a
 * callback is planned for the next day so the consultant tries again.
 */
export function returnLost(db: DealerDeskDatabase, id: string, note: string, now: () => number = Date.now): Promise<WriteResult<CustomerRecord>> {
  return decide(
    db,
    id,
    now,
    async (customer, at) => {
      await db.callbacks.add({ id: customerRowId(customer.id), customerId: customer.id, kind: 'manual', dueAt: at + DAY, status: 'open', note: note || t('approval_callback_note'), createdAt: at, updatedAt: at });
    },
    (customer, at) => ({
      stage: customer.stage === 'lost' || customer.stage === 'dormant' ? 'intent' : customer.stage,
      grade: customer.grade === 'F' ? 'C' : customer.grade,
      deal: { ...customer.deal, status: 'open', lost: { ...customer.deal.lost!, approval: 'returned', decidedAt: at } },
    }),
  );
}
