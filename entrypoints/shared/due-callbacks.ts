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
 * scripts are worked out only for the first `shown[section]` rows, so hundreds of due callbacks cost
 * little more than a few.
 */
export async function loadDueLists(db: ReadableDatabase, shown: Record<SectionName, number>, now: number = Date.now()): Promise<DueLists> {
  const snapshot = db.snapshot();
  const [settings, stored] = await Promise.all([readReminderSettings(snapshot), snapshot.scripts()]);
  const locale = settings.language ?? getLocale();
  const due = await readDueCallbacks(snapshot, now, OVERDUE_AFTER_MS, settings, shown);
  const sections: SectionName[] = ['overdue', 'today', 'upcoming'];
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
  return { overdue: section('overdue'), today: section('today'), upcoming: section('upcoming'), tomorrowAt: due.tomorrowAt, locale };
}
