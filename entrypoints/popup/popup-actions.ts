import '../../storage/zod';
import { setLocale, t, type Locale } from '../../core/i18n';
import type { CallbackListItem } from '../../components/callback-list/callback-list.component';
import { CallbackRepository } from '../../storage/callbacks';
import { openDatabase } from '../../storage/database';
import { logFollowUp } from '../../storage/follow-up-log';
import { callbackDone } from '../shared/callback-done';
import { refreshReminders } from '../shared/reminders-message';

// Loaded on the first click (from the page's module): writing needs validation, reading the lists does not.

/**
 * Done from the popup still leaves a follow-up behind, so the grade cadence goes on from it. Returns
 * what to tell the user, in `locale` (this module's i18n is not the first screen's: see main.ts).
 */
export async function markDone(item: CallbackListItem, locale: Locale): Promise<string> {
  setLocale(locale);
  const result = await logFollowUp(openDatabase(), callbackDone(item));
  await refreshReminders();
  return result.ok ? t('cadence_saved') : result.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
}

export async function snooze(id: string, until: number): Promise<void> {
  await new CallbackRepository(openDatabase()).snooze(id, until);
  await refreshReminders();
}
