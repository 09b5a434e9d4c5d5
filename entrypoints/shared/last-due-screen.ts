import { DUE_SECTIONS, firstScreenRows } from '../../storage/due-list';
import type { DueLists, DueSection } from './due-callbacks';

/**
 * The popup's first rows as it last showed them, kept in the extension's localStorage, so the next
 * open draws them in the same task as its first script (a synchronous read) instead of after the
 * database's open and two round trips. The rows read from the database replace them right after;
 * until then the popup says it is updating (`aria-busy`).
 *
 * Only what the popup drew is kept (a few rows: names, why due, the rendered script), in the same
 * extension-origin profile storage as the database, and only for the local day it was drawn on.
 */
const KEY = 'dd-popup-last-screen';
const VERSION = 1;

interface LastDueScreen {
  version: typeof VERSION;
  savedAt: number;
  lists: DueLists;
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function localStore(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Storage denied to this document: nothing is remembered.
    return undefined;
  }
}

/** The first `rowsInAll` rows of the lists, as a first screen keeps them (`firstScreenRows`), with their sections' totals. */
export function firstRowsOf(lists: DueLists, rowsInAll: number): DueLists {
  const { overdue, today, upcoming } = lists;
  const kept = firstScreenRows({ overdue: overdue.items, today: today.items, upcoming: upcoming.items }, rowsInAll);
  return { ...lists, overdue: { total: overdue.total, items: kept.overdue }, today: { total: today.total, items: kept.today }, upcoming: { total: upcoming.total, items: kept.upcoming } };
}

/** The customers of the rows shown: likely the first screen's customers again. */
export function customersShown(lists: DueLists): string[] {
  return DUE_SECTIONS.flatMap((name) => lists[name].items.map((item) => item.customerId));
}

/** Keeps the first `rowsInAll` rows of what the popup shows now. */
export function rememberDueScreen(lists: DueLists, rowsInAll: number, now: number = Date.now(), store = localStore()): void {
  const last: LastDueScreen = { version: VERSION, savedAt: now, lists: firstRowsOf(lists, rowsInAll) };
  try {
    store?.setItem(KEY, JSON.stringify(last));
  } catch {
    // Quota or a closing document: the next open reads the database first, as without it.
  }
}

export function forgetDueScreen(store = localStore()): void {
  try {
    store?.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}

function sameLocalDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

function isSection(value: unknown): value is DueSection {
  const section = value as DueSection | undefined;
  return !!section && Array.isArray(section.items) && (section.total === undefined || typeof section.total === 'number');
}

/** The rows the popup last showed, when they were drawn earlier on this local day; otherwise none. */
export function recallDueScreen(now: number = Date.now(), store = localStore()): DueLists | undefined {
  try {
    const stored = store?.getItem(KEY);
    if (!stored) return undefined;
    const last = JSON.parse(stored) as Partial<LastDueScreen>;
    const lists = last.lists;
    if (last.version !== VERSION || typeof last.savedAt !== 'number' || last.savedAt > now || !sameLocalDay(last.savedAt, now)) return undefined;
    if (!lists || !DUE_SECTIONS.every((name) => isSection(lists[name])) || typeof lists.tomorrowAt !== 'number') return undefined;
    return lists;
  } catch {
    return undefined;
  }
}
