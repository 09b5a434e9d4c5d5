import { DEFAULT_QUIET_HOURS, DEFAULT_WORKING_HOURS } from '../core/cadence/rules';
import { localDayAt, systemTimeZone, type Hours } from '../core/cadence/local-time';
import type { CustomerRecord } from './customer-search-keys';
import type { OpenCallbackRange, ReadSnapshot } from './reader';

// Read-only and free of Dexie and the validation library: the popup loads this and must open fast.

const DAY = 24 * 60 * 60 * 1000;

/** What the lists need of the settings (stored settings were validated when written). */
export interface ReminderSettings extends Hours {
  timeZone: string;
  /** The language chosen in Settings, when one is. */
  language?: 'zh_CN' | 'en';
  consultant: { name?: string; phone?: string };
  store: { name?: string; brand?: string };
}

export async function readReminderSettings(db: ReadSnapshot): Promise<ReminderSettings> {
  const stored = await db.settings();
  return {
    timeZone: stored?.timeZone ?? systemTimeZone(),
    workingHours: stored?.workingHours ?? DEFAULT_WORKING_HOURS,
    quietHours: stored?.quietHours ?? DEFAULT_QUIET_HOURS,
    consultant: stored?.consultant ?? {},
    store: stored?.store ?? {},
    ...(stored?.language === 'zh_CN' || stored?.language === 'en' ? { language: stored.language } : {}),
  };
}

export type DueSectionName = 'overdue' | 'today' | 'upcoming';

/** One section of the lists: how many open callbacks it holds, and the first of them, earliest first. */
export type DueCallbackSection = OpenCallbackRange;

/** Open callbacks due by the end of the next 7 days, cut at an hour overdue and at today's end (local). */
export type DueCallbacks = Record<DueSectionName, DueCallbackSection>;

/**
 * Three ranges of the `[status+dueAt]` index: each section is counted there and only its first
 * `shown[section]` callbacks are read, so hundreds due cost about what a handful do.
 */
export async function readDueCallbacks(
  db: ReadSnapshot,
  now: number,
  overdueAfterMs: number,
  timeZone: string,
  shown: Record<DueSectionName, number>,
): Promise<DueCallbacks> {
  const endOfToday = localDayAt(now, 1, '00:00', timeZone);
  const bounds: Record<DueSectionName, [number, number]> = {
    overdue: [-Infinity, now - overdueAfterMs],
    today: [now - overdueAfterMs, endOfToday],
    upcoming: [endOfToday, endOfToday + 7 * DAY],
  };
  const section = (name: DueSectionName): Promise<DueCallbackSection> => db.openCallbacks(bounds[name][0], bounds[name][1], shown[name]);
  const [overdue, today, upcoming] = await Promise.all([section('overdue'), section('today'), section('upcoming')]);
  return { overdue, today, upcoming };
}

/** The live (not deleted) customers among `ids`. */
export async function readLiveCustomers(db: ReadSnapshot, ids: readonly string[]): Promise<Map<string, CustomerRecord>> {
  const found = await db.customers([...new Set(ids)]);
  const byId = new Map<string, CustomerRecord>();
  for (const customer of found) if (customer && customer.deletedAt === undefined) byId.set(customer.id, customer);
  return byId;
}
