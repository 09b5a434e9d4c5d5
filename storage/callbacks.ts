import { newId } from './schemas/common';
import { callbackInputSchema, type Callback, type CallbackInput } from './schemas/callback';
import type { DealerDeskDatabase } from './database';
import { validate, type WriteResult } from './validation';

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

  async create(input: CallbackInput): Promise<WriteResult<Callback>> {
    const prepared = this.prepare(input);
    if (prepared.ok) await this.db.callbacks.add(prepared.value);
    return prepared;
  }

  /** Open callbacks due at or before `until`, earliest first. */
  async openDueBy(until: number, limit?: number): Promise<Callback[]> {
    const due = this.db.callbacks.where('[status+dueAt]').between(['open', -Infinity], ['open', until], true, true);
    return limit ? due.limit(limit).toArray() : due.toArray();
  }

  /** How many open callbacks are due at or before `until`: an index count, not a scan. */
  async countOpenDueBy(until: number): Promise<number> {
    return this.db.callbacks.where('[status+dueAt]').between(['open', -Infinity], ['open', until], true, true).count();
  }

  async forCustomer(customerId: string): Promise<Callback[]> {
    return this.db.callbacks.where('customerId').equals(customerId).sortBy('dueAt');
  }

  async markDone(id: string): Promise<boolean> {
    const at = this.now();
    return (await this.db.callbacks.update(id, { status: 'done', doneAt: at, updatedAt: at })) === 1;
  }
}
