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

export type DueSectionName = 'overdue' | 'today' | 'upcoming';

/** One section of the lists: how many open callbacks it holds, and the first of them, earliest first. */
export interface DueCallbackSection {
  total: number;
  callbacks: Callback[];
}

/** Open callbacks due by the end of the next 7 days, cut at an hour overdue and at today's end (local). */
export type DueCallbacks = Record<DueSectionName, DueCallbackSection> & {
  /** Where "snooze until tomorrow" lands: tomorrow when the working day starts. */
  tomorrowAt: number;
};

/**
 * Three ranges of the `[status+dueAt]` index: each section is counted there and only its first
 * `shown[section]` callbacks are read, so hundreds due cost about what a handful do.
 */
export async function readDueCallbacks(
  db: ReadableDatabase,
  now: number,
  overdueAfterMs: number,
  settings: ReminderSettings,
  shown: Record<DueSectionName, number>,
): Promise<DueCallbacks> {
  const zone = settings.timeZone;
  const endOfToday = localDayAt(now, 1, '00:00', zone);
  const bounds: Record<DueSectionName, [number, number]> = {
    overdue: [-Infinity, now - overdueAfterMs],
    today: [now - overdueAfterMs, endOfToday],
    upcoming: [endOfToday, endOfToday + 7 * DAY],
  };
  const section = async (name: DueSectionName): Promise<DueCallbackSection> => {
    const [from, to] = bounds[name];
    const range = () => db.callbacks.where('[status+dueAt]').between(['open', from], ['open', to], true, false);
    const [total, callbacks] = await Promise.all([range().count(), range().limit(shown[name]).toArray()]);
    return { total, callbacks };
  };
  const [overdue, today, upcoming] = await Promise.all([section('overdue'), section('today'), section('upcoming')]);
  return { overdue, today, upcoming, tomorrowAt: fitToWorkingHours(localDayAt(now, 1, settings.workingHours.start, zone), settings, zone) };
}

/** The live (not deleted) customers among `ids`. */
export async function readLiveCustomers(db: ReadableDatabase, ids: readonly string[]): Promise<Map<string, CustomerRecord>> {
  const found = await db.customers.bulkGet([...new Set(ids)]);
  const byId = new Map<string, CustomerRecord>();
  for (const customer of found) if (customer && customer.deletedAt === undefined) byId.set(customer.id, customer);
  return byId;
}
