import { DEFAULT_QUIET_HOURS, DEFAULT_WORKING_HOURS } from '../core/cadence/rules';
import { fitToWorkingHours, localDayAt, systemTimeZone, type Hours } from '../core/cadence/local-time';
import type { CustomerRecord } from './customer-search-keys';
import type { ReadableDatabase } from './reader';
import type { Callback } from './schemas/callback';

// Read-only and free of the validation library: the popup loads this and must open fast.

const DAY = 24 * 60 * 60 * 1000;

/** What the lists need of the settings (stored settings were validated when written). */
export interface ReminderSettings extends Hours {
  timeZone: string;
  consultant: { name?: string; phone?: string };
  store: { name?: string; brand?: string };
}

export async function readReminderSettings(db: ReadableDatabase): Promise<ReminderSettings> {
  const stored = await db.settings.get('settings');
  return {
    timeZone: stored?.timeZone ?? systemTimeZone(),
    workingHours: stored?.workingHours ?? DEFAULT_WORKING_HOURS,
    quietHours: stored?.quietHours ?? DEFAULT_QUIET_HOURS,
    consultant: stored?.consultant ?? {},
    store: stored?.store ?? {},
  };
}

/** Open callbacks due by the end of the next 7 days, earliest first, cut at today's end (local). */
export interface DueCallbacks {
  /** Due before `overdueBefore`. */
  overdue: Callback[];
  today: Callback[];
  upcoming: Callback[];
  /** Where "snooze until tomorrow" lands: tomorrow when the working day starts. */
  tomorrowAt: number;
}

/** One range read of the `[status+dueAt]` index; customers are read only for the rows shown. */
export async function readDueCallbacks(db: ReadableDatabase, now: number, overdueAfterMs: number, settings: ReminderSettings): Promise<DueCallbacks> {
  const zone = settings.timeZone;
  const endOfToday = localDayAt(now, 1, '00:00', zone);
  const due = await db.callbacks
    .where('[status+dueAt]')
    .between(['open', -Infinity], ['open', endOfToday + 7 * DAY], true, false)
    .toArray();
  const lists: DueCallbacks = { overdue: [], today: [], upcoming: [], tomorrowAt: fitToWorkingHours(localDayAt(now, 1, settings.workingHours.start, zone), settings, zone) };
  for (const callback of due) {
    (callback.dueAt < now - overdueAfterMs ? lists.overdue : callback.dueAt < endOfToday ? lists.today : lists.upcoming).push(callback);
  }
  return lists;
}

/** The live (not deleted) customers among `ids`. */
export async function readLiveCustomers(db: ReadableDatabase, ids: readonly string[]): Promise<Map<string, CustomerRecord>> {
  const found = await db.customers.bulkGet([...new Set(ids)]);
  const byId = new Map<string, CustomerRecord>();
  for (const customer of found) if (customer && customer.deletedAt === undefined) byId.set(customer.id, customer);
  return byId;
}
