import '../../storage/zod';
import { t } from '../../core/i18n';
import type { CallbackListItem } from '../../components/callback-list/callback-list.component';
import { CallbackRepository } from '../../storage/callbacks';
import type { DealerDeskDatabase } from '../../storage/database';
import { logFollowUp } from '../../storage/follow-up-log';

// Loaded on the first click: writing needs validation, reading the lists does not.

/** Done from the popup still leaves a follow-up behind, so the grade cadence goes on from it. */
export async function markDone(db: DealerDeskDatabase, item: CallbackListItem): Promise<string> {
  const result = await logFollowUp(db, {
    customerId: item.customerId,
    callbackId: item.id,
    // An SMS step is done by sending the SMS; anything else by calling.
    method: item.script?.channel === 'sms' || item.script?.channel === 'wechat' ? item.script.channel : 'call',
    outcome: 'reached',
    summary: t('cadence_popup_done_summary', item.reason),
    ...(item.script ? { scriptId: item.script.id } : {}),
  });
  return result.ok ? t('cadence_saved') : result.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
}

export async function snooze(db: DealerDeskDatabase, id: string, until: number): Promise<void> {
  await new CallbackRepository(db).snooze(id, until);
}
