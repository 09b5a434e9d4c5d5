import { callbackReason, fitToWorkingHours, localDayAt, systemTimeZone } from '../../core/cadence';
import { getLocale } from '../../core/i18n';
import { bestScript, renderScript } from '../../core/scripts';
import type { CallbackListItem } from '../../components/callback-list/callback-list.component';
import { CallbackRepository, OVERDUE_AFTER_MS, ScriptRepository, SettingsRepository, type DealerDeskDatabase } from '../../storage';

const DAY = 24 * 60 * 60 * 1000;

/** The consultant's day: what is overdue, what is due today, what comes in the next 7 days. */
export interface DueLists {
  overdue: CallbackListItem[];
  today: CallbackListItem[];
  upcoming: CallbackListItem[];
  /** Where "snooze until tomorrow" lands: tomorrow when the working day starts. */
  tomorrowAt: number;
}

/** Reads the lists from the `[status+dueAt]` index (one range read), with reasons and a rendered script per row. */
export async function loadDueLists(db: DealerDeskDatabase, now: number = Date.now()): Promise<DueLists> {
  const settings = await new SettingsRepository(db).get();
  const zone = settings.timeZone ?? systemTimeZone();
  const endOfToday = localDayAt(now, 1, '00:00', zone);
  const endOfWeek = endOfToday + 7 * DAY;
  const callbacks = new CallbackRepository(db, () => now);
  const [due, scripts] = await Promise.all([callbacks.openDueBy(endOfWeek, 2000).then((list) => callbacks.withCustomers(list)), new ScriptRepository(db).effective(getLocale())]);
  const lists: DueLists = { overdue: [], today: [], upcoming: [], tomorrowAt: fitToWorkingHours(localDayAt(now, 1, settings.workingHours.start, zone), settings, zone) };
  for (const { callback, customer } of due) {
    const script = bestScript(scripts, { stage: customer.stage, grade: customer.grade, callback });
    const overdue = callback.dueAt < now - OVERDUE_AFTER_MS;
    const item: CallbackListItem = {
      id: callback.id,
      customerId: customer.id,
      customerName: customer.name,
      grade: customer.grade,
      reason: callbackReason(callback, customer.grade),
      dueAt: callback.dueAt,
      overdue,
      later: callback.dueAt >= endOfToday,
      ...(script
        ? { script: { id: script.id, title: script.title, text: renderScript(script.body, { locale: getLocale(), customer, consultant: settings.consultant, store: settings.store, now }).text } }
        : {}),
    };
    (overdue ? lists.overdue : callback.dueAt < endOfToday ? lists.today : lists.upcoming).push(item);
  }
  return lists;
}
