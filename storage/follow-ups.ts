import { customerRowId } from './schemas/common';
import { followUpInputSchema, type FollowUp, type FollowUpInput } from './schemas/follow-up';
import type { DealerDeskDatabase } from './database';
import { validate, type WriteResult } from './validation';

/** Follow-up records (跟进记录): written once, read as a customer's timeline. */
export class FollowUpRepository {
  constructor(
    private readonly db: DealerDeskDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  prepare(input: FollowUpInput): WriteResult<FollowUp> {
    const result = validate(followUpInputSchema, input);
    return result.ok ? { ok: true, value: { ...result.value, id: customerRowId(result.value.customerId), createdAt: this.now() } } : result;
  }

  async create(input: FollowUpInput): Promise<WriteResult<FollowUp>> {
    const prepared = this.prepare(input);
    if (prepared.ok) await this.db.followUps.add(prepared.value);
    return prepared;
  }

  /** A customer's follow-ups, newest first. */
  async forCustomer(customerId: string): Promise<FollowUp[]> {
    return this.db.followUps
      .where('[customerId+at]')
      .between([customerId, -Infinity], [customerId, Infinity])
      .reverse()
      .toArray();
  }
}
