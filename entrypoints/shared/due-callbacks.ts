import { OVERDUE_AFTER_MS } from '../../core/cadence/rules';
import { callbackReason } from '../../core/cadence/reasons';
import { getLocale } from '../../core/i18n';
import { renderScript } from '../../core/scripts/render';
import { bestScript } from '../../core/scripts/suggest';
import type { CallbackListItem } from '../../components/callback-list/callback-list.component';
import type { ReadableDatabase } from '../../storage/reader';
import { readDueCallbacks, readLiveCustomers, readReminderSettings } from '../../storage/due-list';
import { readScriptLibrary } from '../../storage/script-library';

export type SectionName = 'overdue' | 'today' | 'upcoming';

export interface DueSection {
  /** Open callbacks in the section (from the index, before dropping deleted customers). */
  total: number;
  /** The first rows, ready to draw. */
  items: CallbackListItem[];
}

/** The consultant's day: what is overdue, what is due today, what comes in the next 7 days. */
export type DueLists = Record<SectionName, DueSection> & { tomorrowAt: number };

/**
 * Reads the three lists from the due-time index; customers, reasons and scripts are worked out only
 * for the first `shown[section]` rows, so hundreds of due callbacks cost little more than a few.
 */
export async function loadDueLists(db: ReadableDatabase, shown: Record<SectionName, number>, now: number = Date.now()): Promise<DueLists> {
  const settings = await readReminderSettings(db);
  const locale = getLocale();
  const [due, scripts] = await Promise.all([readDueCallbacks(db, now, OVERDUE_AFTER_MS, settings, shown), readScriptLibrary(db, locale)]);
  const sections: SectionName[] = ['overdue', 'today', 'upcoming'];
  const customers = await readLiveCustomers(db, sections.flatMap((name) => due[name].callbacks.map((callback) => callback.customerId)));
  const section = (name: SectionName): DueSection => ({
    total: due[name].total,
    items: due[name].callbacks.flatMap((callback) => {
      const customer = customers.get(callback.customerId);
      if (!customer) return [];
      const script = bestScript(scripts, { stage: customer.stage, grade: customer.grade, callback });
      const item: CallbackListItem = {
        id: callback.id,
        customerId: customer.id,
        customerName: customer.name,
        grade: customer.grade,
        reason: callbackReason(callback, customer.grade),
        dueAt: callback.dueAt,
        overdue: name === 'overdue',
        later: name === 'upcoming',
        ...(script ? { script: { id: script.id, title: script.title, channel: script.channel, text: renderScript(script.body, { locale, customer, consultant: settings.consultant, store: settings.store, now }).text } } : {}),
      };
      return [item];
    }),
  });
  return { overdue: section('overdue'), today: section('today'), upcoming: section('upcoming'), tomorrowAt: due.tomorrowAt };
}
