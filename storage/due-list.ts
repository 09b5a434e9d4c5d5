import { DEFAULT_QUIET_HOURS, DEFAULT_WORKING_HOURS } from '../core/cadence/rules';
import { localDayAt, systemTimeZone, type Hours } from '../core/cadence/local-time';
import type { CustomerRecord } from './customer-search-keys';
import type { ReadableDatabase, ReadSnapshot } from './reader';
import type { Callback } from './schemas/callback';
import type { Script } from './schemas/script';

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
export const DUE_SECTIONS: readonly DueSectionName[] = ['overdue', 'today', 'upcoming'];

/** One section of the lists: how many open callbacks it holds, and the first of them, earliest first. */
export interface DueCallbackSection {
  total: number;
  callbacks: Callback[];
}

/** Open callbacks due by the end of the next 7 days, cut at an hour overdue and at today's end (local). */
export type DueCallbacks = Record<DueSectionName, DueCallbackSection>;

type DueBounds = Record<DueSectionName, [from: number, to: number]>;

function dueBounds(now: number, overdueAfterMs: number, timeZone: string): DueBounds {
  const endOfToday = localDayAt(now, 1, '00:00', timeZone);
  return {
    overdue: [-Infinity, now - overdueAfterMs],
    today: [now - overdueAfterMs, endOfToday],
    upcoming: [endOfToday, endOfToday + 7 * DAY],
  };
}

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
  const bounds = dueBounds(now, overdueAfterMs, timeZone);
  const section = async (name: DueSectionName): Promise<DueCallbackSection> => {
    const [from, to] = bounds[name];
    const [total, callbacks] = await Promise.all([db.countOpenCallbacks(from, to), db.openCallbacks(from, to, shown[name])]);
    return { total, callbacks };
  };
  const [overdue, today, upcoming] = await Promise.all([section('overdue'), section('today'), section('upcoming')]);
  return { overdue, today, upcoming };
}

/**
 * The first `rowsInAll` rows of the sections, the earliest sections first; a later section that has
 * rows keeps its first one, so no list of a first screen reads as empty when it is not.
 */
export function firstScreenRows<T>(sections: Record<DueSectionName, readonly T[]>, rowsInAll: number): Record<DueSectionName, T[]> {
  let left = rowsInAll;
  const kept = {} as Record<DueSectionName, T[]>;
  for (const name of DUE_SECTIONS) {
    const rows = sections[name];
    const keep = Math.max(Math.min(rows.length, left), Math.min(rows.length, 1));
    kept[name] = rows.slice(0, keep);
    left -= keep;
  }
  return kept;
}

/**
 * The live (not deleted) customers among `ids`. `known` holds customers already read in the same
 * snapshot (`undefined` where there was none): only the others are asked for, and when none are left
 * there is no round trip at all.
 */
export async function readLiveCustomers(db: ReadSnapshot, ids: readonly string[], known: ReadonlyMap<string, CustomerRecord | undefined> = new Map()): Promise<Map<string, CustomerRecord>> {
  const wanted = [...new Set(ids)];
  const missing = wanted.filter((id) => !known.has(id));
  const found = missing.length > 0 ? await db.customers(missing) : [];
  const read = new Map(known);
  missing.forEach((id, i) => read.set(id, found[i]));
  const byId = new Map<string, CustomerRecord>();
  for (const id of wanted) {
    const customer = read.get(id);
    if (customer && customer.deletedAt === undefined) byId.set(id, customer);
  }
  return byId;
}

/** What the due lists show, as stored: settings, scripts, the three sections' first callbacks and their customers. */
export interface DueScreen {
  settings: ReminderSettings;
  /** Every stored script (the user's edits of built-ins and their own). */
  scripts: Script[];
  /** Each section's first callbacks; its total when they are all of it (the read stopped short of its limit). */
  due: Record<DueSectionName, { total: number | undefined; callbacks: Callback[] }>;
  /** The live customers of the callbacks read. */
  customers: Map<string, CustomerRecord>;
  /**
   * Every section's total. A count walks the whole range in the index (500 due: a few milliseconds of
   * the database's time), so it is asked for after the rows' customers: the first rows never wait for it.
   */
  totals: Promise<Record<DueSectionName, number>>;
}

/**
 * Reads the three lists from the due-time index in one read-only transaction: the first `shown[section]`
 * callbacks of each section, at most `rowsInAll` in all (a first screen: the earliest sections fill it;
 * a later one that has callbacks still gets its first row, so no list reads as empty), their customers,
 * then the sections' totals. `likelyCustomers` (those of the rows shown last) are read beside the
 * callbacks: when the rows are still theirs, their customers cost no second round trip.
 */
export async function readDueScreen(
  db: ReadableDatabase,
  shown: Record<DueSectionName, number>,
  now: number,
  overdueAfterMs: number,
  rowsInAll = Infinity,
  likelyCustomers: readonly string[] = [],
): Promise<DueScreen> {
  const snapshot = db.snapshot();
  const firstRows = (bounds: DueBounds) => Promise.all(DUE_SECTIONS.map((name) => snapshot.openCallbacks(bounds[name][0], bounds[name][1], shown[name])));
  // The ranges are read for the machine's time zone beside the settings (a round trip fewer), and
  // read again in the rare case the settings name another zone.
  const machineZone = systemTimeZone();
  let bounds = dueBounds(now, overdueAfterMs, machineZone);
  const likely = [...new Set(likelyCustomers)];
  const [settings, scripts, guessed, likelyRead] = await Promise.all([
    readReminderSettings(snapshot),
    snapshot.scripts(),
    firstRows(bounds),
    likely.length > 0 ? snapshot.customers(likely) : Promise.resolve([]),
  ]);
  const known = new Map(likely.map((id, i) => [id, likelyRead[i]]));
  let rows = guessed;
  if (settings.timeZone !== machineZone) {
    bounds = dueBounds(now, overdueAfterMs, settings.timeZone);
    rows = await firstRows(bounds);
  }
  const kept = firstScreenRows({ overdue: rows[0]!, today: rows[1]!, upcoming: rows[2]! }, rowsInAll);
  const due = {} as DueScreen['due'];
  DUE_SECTIONS.forEach((name, i) => {
    const read = rows[i]!.length;
    due[name] = { total: read < shown[name] ? read : undefined, callbacks: kept[name] };
  });
  const customers = readLiveCustomers(snapshot, DUE_SECTIONS.flatMap((name) => due[name].callbacks.map((callback) => callback.customerId)), known);
  const count = async (name: DueSectionName) => due[name].total ?? snapshot.countOpenCallbacks(bounds[name][0], bounds[name][1]);
  const totals = Promise.all(DUE_SECTIONS.map(count)).then(([overdue, today, upcoming]) => ({ overdue: overdue!, today: today!, upcoming: upcoming! }));
  // Handled even when the rows' read fails first and nobody awaits the totals.
  totals.catch(() => undefined);
  return { settings, scripts, due, customers: await customers, totals };
}
