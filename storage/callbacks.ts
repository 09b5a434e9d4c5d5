import { OVERDUE_AFTER_MS } from '../core/cadence/rules';
import { newId } from './schemas/common';
import { callbackInputSchema, type Callback, type CallbackInput } from './schemas/callback';
import type { DealerDeskDatabase } from './database';
import type { CustomerRecord } from './customer-search-keys';
import { validate, type WriteResult } from './validation';

export { OVERDUE_AFTER_MS };

/** What the badge shows: open callbacks due by now, and how many of them are overdue. */
export interface DueCounts {
  due: number;
  overdue: number;
}

/** A callback with the customer it is for, as lists show it. */
export interface CallbackWithCustomer {
  callback: Callback;
  customer: CustomerRecord;
}

/** Callbacks (回访任务): open ones are read by due time from the `[status+dueAt]` index. */
export class CallbackRepository {
  constructor(
    private readonly db: DealerDeskDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  prepare(input: CallbackInput): WriteResult<Callback> {
    const result = validate(callbackInputSchema, input);
    if (!result.ok) return result;
    const at = this.now();
    return { ok: true, value: { ...result.value, id: newId(), createdAt: at, updatedAt: at } };
  }

  /** Writes a callback; one with a plan key the customer already has is not written twice (the stored one is returned). */
  async create(input: CallbackInput): Promise<WriteResult<Callback>> {
    const prepared = this.prepare(input);
    if (!prepared.ok) return prepared;
    return this.db.transaction('rw', this.db.callbacks, async () => {
      const { customerId, planKey } = prepared.value;
      if (planKey) {
        const existing = await this.db.callbacks.where('[customerId+planKey]').equals([customerId, planKey]).first();
        if (existing) return { ok: true, value: existing } as const;
      }
      await this.db.callbacks.add(prepared.value);
      return prepared;
    });
  }

  /** Open callbacks due at or before `until`, earliest first. */
  async openDueBy(until: number, limit?: number): Promise<Callback[]> {
    const due = this.db.callbacks.where('[status+dueAt]').between(['open', -Infinity], ['open', until], true, true);
    return limit ? due.limit(limit).toArray() : due.toArray();
  }

  /** Open callbacks due in `[from, until)`, earliest first. */
  async openBetween(from: number, until: number, limit?: number): Promise<Callback[]> {
    const due = this.db.callbacks.where('[status+dueAt]').between(['open', from], ['open', until], true, false);
    return limit ? due.limit(limit).toArray() : due.toArray();
  }

  /** How many open callbacks are due at or before `until`: an index count, not a scan. */
  async countOpenDueBy(until: number): Promise<number> {
    return this.db.callbacks.where('[status+dueAt]').between(['open', -Infinity], ['open', until], true, true).count();
  }

  /** The badge's numbers: two index-range counts (each as fast as `countOpenDueBy` can make it). */
  async dueCounts(): Promise<DueCounts> {
    const now = this.now();
    const [due, overdue] = await Promise.all([this.countOpenDueBy(now), this.countOpenDueBy(now - OVERDUE_AFTER_MS - 1)]);
    return { due, overdue: Math.min(overdue, due) };
  }

  async forCustomer(customerId: string): Promise<Callback[]> {
    return this.db.callbacks.where('customerId').equals(customerId).sortBy('dueAt');
  }

  /** Attaches each callback's customer; callbacks of deleted customers are left out. */
  async withCustomers(callbacks: readonly Callback[]): Promise<CallbackWithCustomer[]> {
    const ids = [...new Set(callbacks.map((callback) => callback.customerId))];
    const found = await this.db.customers.bulkGet(ids);
    const byId = new Map<string, CustomerRecord>();
    found.forEach((customer) => customer && customer.deletedAt === undefined && byId.set(customer.id, customer));
    return callbacks.flatMap((callback) => {
      const customer = byId.get(callback.customerId);
      return customer ? [{ callback, customer }] : [];
    });
  }

  async markDone(id: string): Promise<boolean> {
    const at = this.now();
    return (await this.db.callbacks.update(id, { status: 'done', doneAt: at, updatedAt: at })) === 1;
  }

  /**
   * Puts a callback off until `until`: it stays open (the badge and lists read one index), falls due
   * again then, and keeps that time when the customer is re-planned.
   */
  async snooze(id: string, until: number): Promise<boolean> {
    const at = this.now();
    return this.db.transaction('rw', this.db.callbacks, async () => {
      const callback = await this.db.callbacks.get(id);
      if (!callback || callback.status === 'done' || callback.status === 'cancelled') return false;
      await this.db.callbacks.update(id, { status: 'open', dueAt: until, snoozedUntil: until, updatedAt: at });
      return true;
    });
  }
}
