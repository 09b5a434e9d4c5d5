import { snoozeTomorrowAt, systemTimeZone } from '../../core/cadence/local-time';
import { OVERDUE_AFTER_MS } from '../../core/cadence/rules';
import { getLocale, type Locale } from '../../core/i18n';
import { bestScript } from '../../core/scripts/suggest';
import type { CallbackListItem } from '../../components/callback-list/callback-list.component';
import type { ReadableDatabase } from '../../storage/reader';
import { readDueCallbacks, readLiveCustomers, readReminderSettings } from '../../storage/due-list';
import { scriptLibrary } from '../../storage/script-library';
import { callbackListItem } from './callback-list-item';

export type SectionName = 'overdue' | 'today' | 'upcoming';

export interface DueSection {
  /** Open callbacks in the section (from the index, before dropping deleted customers). */
  total: number;
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
 * Reads the three lists from the due-time index in one read-only transaction; customers, reasons and
 * scripts are worked out only for the first `shown[section]` rows (and `rowsInAll` rows in all), so
 * hundreds of due callbacks cost little more than a few.
 */
export async function loadDueLists(db: ReadableDatabase, shown: Record<SectionName, number>, now: number = Date.now(), rowsInAll: number = Infinity): Promise<DueLists> {
  const snapshot = db.snapshot();
  // The ranges are read for the machine's time zone beside the settings (a round trip fewer), and
  // read again in the rare case the settings name another zone.
  const machineZone = systemTimeZone();
  const [settings, stored, guessed] = await Promise.all([
    readReminderSettings(snapshot),
    snapshot.scripts(),
    readDueCallbacks(snapshot, now, OVERDUE_AFTER_MS, machineZone, shown),
  ]);
  const locale = settings.language ?? getLocale();
  const due = settings.timeZone === machineZone ? guessed : await readDueCallbacks(snapshot, now, OVERDUE_AFTER_MS, settings.timeZone, shown);
  const sections: SectionName[] = ['overdue', 'today', 'upcoming'];
  // At most `rowsInAll` rows (a first screen): the earliest sections fill it; a later one that has
  // callbacks still gets its first row, so no list reads as empty.
  let left = rowsInAll;
  for (const name of sections) {
    const { callbacks } = due[name];
    const keep = Math.max(Math.min(callbacks.length, left), Math.min(callbacks.length, 1));
    due[name] = { total: due[name].total, callbacks: callbacks.slice(0, keep) };
    left -= keep;
  }
  const customers = await readLiveCustomers(snapshot, sections.flatMap((name) => due[name].callbacks.map((callback) => callback.customerId)));
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
