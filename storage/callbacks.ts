import Dexie from 'dexie';
import { OVERDUE_AFTER_MS } from '../core/cadence/rules';
import { customerRowId } from './schemas/common';
import { callbackInputSchema, type Callback, type CallbackInput } from './schemas/callback';
import type { DealerDeskDatabase } from './database';
import { customersOfCallbacks, earliestOpenDue, openCallbackPage } from './book-reader';
import type { CustomerRecord } from './customer-search-keys';
import { DUE_COUNTER_ID, OVERDUE_COUNTER_ID, type DueCounter, type DueCounterId } from './due-count';
import { validate, type WriteResult } from './validation';

export { OVERDUE_AFTER_MS };

/** Index keys a badge read reads at most before it counts the rest once and moves its counter's boundary. */
const NEARBY_KEYS = 256;

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
    return { ok: true, value: { ...result.value, id: customerRowId(result.value.customerId), createdAt: at, updatedAt: at } };
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

  /** Open callbacks, earliest due first, a page at a time (keyset on `[status+dueAt]`): see book-reader.ts. */
  openDuePage(limit: number, after?: Pick<Callback, 'dueAt' | 'id'>): Promise<Callback[]> {
    return openCallbackPage(this.db, limit, after);
  }

  /** Each customer's earliest open due time (those with no open callback are left out). */
  earliestOpenDue(customerIds: readonly string[]): Promise<Map<string, number>> {
    return earliestOpenDue(this.db, customerIds);
  }

  /** The customers of the given callbacks, or `undefined` if any of them no longer exists. */
  customersOf(ids: readonly string[]): Promise<string[] | undefined> {
    return customersOfCallbacks(this.db, ids);
  }

  /** Open callbacks due in `[from, until)`, earliest first. */
  async openBetween(from: number, until: number, limit?: number): Promise<Callback[]> {
    const due = this.db.callbacks.where('[status+dueAt]').between(['open', from], ['open', until], true, false);
    return limit ? due.limit(limit).toArray() : due.toArray();
  }

  /**
   * How many open callbacks are due at or before `until` (the badge), from a maintained counter
   * (see due-count.ts): the counter plus or minus the callbacks between its boundary and `until`,
   * reading at most `NEARBY_KEYS` index keys. When more lie between, they are counted once and the
   * boundary moves to `until`. `counter` names the clock the caller follows (now, or an hour ago), so
   * each boundary only ever moves forward. Call it outside transactions, or in one that includes `counters`.
   */
  async countOpenDueBy(until: number, counterId: DueCounterId = DUE_COUNTER_ID): Promise<number> {
    const { db } = this;
    const open = (from: number, to: number, includeFrom: boolean, includeTo: boolean) => db.callbacks.where('[status+dueAt]').between(['open', from], ['open', to], includeFrom, includeTo);
    // Those between the boundary and `until` (due times are whole milliseconds).
    const between = (counter: DueCounter) => (until >= counter.boundary ? open(counter.boundary, until, true, true) : open(until, counter.boundary, false, false));
    const sign = (counter: DueCounter) => (until >= counter.boundary ? 1 : -1);
    const nearby = async (counter: DueCounter): Promise<number | undefined> => {
      const keys = await between(counter).limit(NEARBY_KEYS + 1).primaryKeys();
      return keys.length > NEARBY_KEYS ? undefined : counter.count + sign(counter) * keys.length;
    };
    const exact = async (counter: DueCounter | undefined): Promise<number> =>
      counter ? counter.count + sign(counter) * (await between(counter).count()) : open(-Infinity, until, true, true).count();
    const current = Dexie.currentTransaction;
    if (current) {
      // Inside a caller's transaction: use the counter if it is in scope, never move it.
      const counter = current.storeNames.includes('counters') ? await db.counters.get(counterId) : undefined;
      return (counter && (await nearby(counter))) ?? exact(counter);
    }
    const fast = await db.transaction('r', db.callbacks, db.counters, async () => {
      const counter = await db.counters.get(counterId);
      return counter && nearby(counter);
    });
    if (fast !== undefined) return fast;
    // First read, or many callbacks between the boundary and `until`: count them once and move the boundary.
    return db.transaction('rw', db.callbacks, db.counters, async () => {
      const count = await exact(await db.counters.get(counterId));
      await db.counters.put({ id: counterId, boundary: until + 1, count });
      return count;
    });
  }

  /** The badge's numbers: due by now, and overdue (due by an hour ago), each from its own counter. */
  async dueCounts(): Promise<DueCounts> {
    const now = this.now();
    const [due, overdue] = await Promise.all([this.countOpenDueBy(now), this.countOpenDueBy(now - OVERDUE_AFTER_MS - 1, OVERDUE_COUNTER_ID)]);
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
