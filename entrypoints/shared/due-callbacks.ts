import { snoozeTomorrowAt } from '../../core/cadence/local-time';
import { OVERDUE_AFTER_MS } from '../../core/cadence/rules';
import { getLocale, type Locale } from '../../core/i18n';
import { bestScript } from '../../core/scripts/suggest';
import type { CallbackListItem } from '../../components/callback-list/callback-list.component';
import type { ReadableDatabase } from '../../storage/reader';
import { readDueScreen, type DueScreen } from '../../storage/due-list';
import { scriptLibrary } from '../../storage/script-library';
import { callbackListItem } from './callback-list-item';

export type SectionName = 'overdue' | 'today' | 'upcoming';

export interface DueSection {
  /** Open callbacks in the section (from the index, before dropping deleted customers); undefined while counted. */
  total: number | undefined;
  /** The first rows, ready to draw. */
  items: CallbackListItem[];
}

/** The consultant's day: what is overdue, what is due today, what comes in the next 7 days. */
export type DueLists = Record<SectionName, DueSection> & {
  tomorrowAt: number;
  /** The language the scripts were rendered in: the one chosen in Settings, else the current one. */
  locale: Locale;
};

/**
 * Reads the three lists from the due-time index in one read-only transaction (`readDueScreen`) and
 * makes their rows, counted.
 */
export async function loadDueLists(db: ReadableDatabase, shown: Record<SectionName, number>, now: number = Date.now(), rowsInAll: number = Infinity): Promise<DueLists> {
  const screen = await readDueScreen(db, shown, now, OVERDUE_AFTER_MS, rowsInAll);
  return withTotals(dueListsFrom(screen, now), await screen.totals);
}

/** The lists with every section's total. */
export function withTotals(lists: DueLists, totals: Record<SectionName, number>): DueLists {
  const { overdue, today, upcoming } = lists;
  return { ...lists, overdue: { ...overdue, total: totals.overdue }, today: { ...today, total: totals.today }, upcoming: { ...upcoming, total: totals.upcoming } };
}

/**
 * The rows of what `readDueScreen` read: customers, reasons and scripts are worked out only for the
 * callbacks read, so hundreds due cost little more than a few.
 */
export function dueListsFrom({ settings, scripts: stored, due, customers }: DueScreen, now: number): DueLists {
  const locale = settings.language ?? getLocale();
  const scripts = scriptLibrary(stored, locale);
  const section = (name: SectionName): DueSection => ({
    total: due[name].total,
    items: due[name].callbacks.flatMap((callback) => {
      const customer = customers.get(callback.customerId);
      if (!customer) return [];
      const script = bestScript(scripts, { stage: customer.stage, grade: customer.grade, callback });
      const context = { locale, customer, consultant: settings.consultant, store: settings.store, now };
      return [callbackListItem(callback, customer, { overdue: name === 'overdue', later: name === 'upcoming' }, { script, context })];
    }),
  });
  return { overdue: section('overdue'), today: section('today'), upcoming: section('upcoming'), tomorrowAt: snoozeTomorrowAt(now, settings), locale };
}
