import { fitToWorkingHours, localDayAt, systemTimeZone, toLocal, type CallbackChanges } from '../core/cadence';
import { t } from '../core/i18n';
import type { Grade } from '../core/vocabulary';
import { CustomerRepository } from './customers';
import type { DealerDeskDatabase } from './database';
import { planSettings, readSettings, replanCustomer, replanTables } from './replan';
import type { CustomerInput } from './schemas/customer';
import type { FollowUp, FollowUpInput } from './schemas/follow-up';
import { FollowUpRepository } from './follow-ups';
import { RejectedWrite, type FieldError, type WriteResult } from './validation';

/** Everything the consultant enters after a call, in one form. */
export interface FollowUpLogInput extends Omit<FollowUpInput, 'customerId' | 'at'> {
  customerId: string;
  /** When the contact happened; now when omitted. */
  at?: number;
  /** The due callback this contact answers: marked done. */
  callbackId?: string;
  /** The grade after this contact, when the consultant changed it. */
  grade?: Grade;
  /** Asks to close the lead as lost (战败): needs a reason, then waits for the manager's approval. */
  lost?: { reason: string; competitorModel?: string };
}

export interface LoggedFollowUp {
  followUp: FollowUp;
  changes: CallbackChanges;
}

function rejected(path: string, field: string, message: string): FieldError[] {
  return [{ path, field, message }];
}

/**
 * Logs a contact in one step: writes the follow-up, marks the callback it answers done, changes the
 * grade or asks for 战败 approval, and re-plans the customer's callbacks — all in one transaction, so
 * either everything lands or nothing does.
 */
export async function logFollowUp(db: DealerDeskDatabase, input: FollowUpLogInput, now: number = Date.now()): Promise<WriteResult<LoggedFollowUp>> {
  const clock = () => now;
  const customers = new CustomerRepository(db, clock);
  const followUps = new FollowUpRepository(db, clock);
  try {
    return await db.transaction('rw', replanTables(db), async () => {
      const customer = await customers.get(input.customerId);
      if (!customer) throw new RejectedWrite(rejected('customerId', t('field_record'), t('error_not_found')));

      const { grade, lost, ...fields } = input;
      let nextAt = fields.nextAt;
      if (fields.outcome === 'no_answer' && nextAt === undefined) {
        // Nobody answered: try again the next working day at the same time.
        const settings = await readSettings(db);
        const zone = settings.timeZone ?? systemTimeZone();
        const at = fields.at ?? now;
        const { hour, minute } = toLocal(at, zone);
        const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        nextAt = fitToWorkingHours(localDayAt(at, 1, time, zone), planSettings(settings), zone);
      }
      const prepared = followUps.prepare({ ...fields, at: fields.at ?? now, ...(nextAt !== undefined ? { nextAt } : {}) });
      if (!prepared.ok) throw new RejectedWrite(prepared.errors);

      if (input.callbackId) {
        const callback = await db.callbacks.get(input.callbackId);
        if (!callback || callback.customerId !== input.customerId) throw new RejectedWrite(rejected('callbackId', t('field_record'), t('error_not_found')));
        if (callback.status !== 'done') await db.callbacks.update(callback.id, { status: 'done', doneAt: now, updatedAt: now });
      }

      const patch: Partial<CustomerInput> = {};
      if (grade && grade !== customer.grade) patch.grade = grade;
      if (lost) {
        if (!lost.reason?.trim()) throw new RejectedWrite(rejected('lost.reason', t('field_deal_lost_reason'), t('error_lost_reason_required')));
        patch.deal = {
          ...customer.deal,
          status: 'lost',
          lost: {
            reason: lost.reason,
            ...(lost.competitorModel ? { competitorModel: lost.competitorModel } : {}),
            approval: 'pending',
            requestedAt: now,
          },
        };
      }
      if (Object.keys(patch).length > 0) {
        const updated = await customers.update(customer.id, patch);
        if (!updated.ok) throw new RejectedWrite(updated.errors);
      }

      await db.followUps.add(prepared.value);
      const changes = await replanCustomer(db, customer.id, now);
      return { ok: true, value: { followUp: prepared.value, changes } } as const;
    });
  } catch (error) {
    if (error instanceof RejectedWrite) return { ok: false, errors: error.errors };
    throw error;
  }
}
