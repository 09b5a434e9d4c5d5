import '../../storage/zod';
import { t } from '../../core/i18n';
import type { CallbackListItem } from '../../components/callback-list/callback-list.component';
import { CallbackRepository } from '../../storage/callbacks';
import { openDatabase } from '../../storage/database';
import { logFollowUp } from '../../storage/follow-up-log';
import { callbackDone } from '../shared/callback-done';
import { refreshReminders } from '../shared/reminders-message';

// Loaded on the first click: writing needs validation, reading the lists does not.

/** Done from the popup still leaves a follow-up behind, so the grade cadence goes on from it. */
export async function markDone(item: CallbackListItem): Promise<string> {
  const result = await logFollowUp(openDatabase(), callbackDone(item));
  await refreshReminders();
  return result.ok ? t('cadence_saved') : result.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
}

export async function snooze(id: string, until: number): Promise<void> {
  await new CallbackRepository(openDatabase()).snooze(id, until);
  await refreshReminders();
}
