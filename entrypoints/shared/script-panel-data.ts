import type { ScriptContext, SuggestableScript, SuggestionContext } from '../../core/scripts';
import type { Locale } from '../../core/i18n';
import { CallbackRepository, CustomerRepository, ScriptRepository, SettingsRepository, type DealerDeskDatabase } from '../../storage';

/** Everything `dd-script-panel` needs for one customer: plain data, so it can also cross a message (the sidebar). */
export interface ScriptPanelData {
  scripts: SuggestableScript[];
  context: ScriptContext;
  suggestion: SuggestionContext;
}

/**
 * The script panel's properties for a customer: the library in `locale`, the card and the consultant's
 * profile to fill placeholders, and the earliest open callback to choose by. For the sidebar, the
 * background answers a message with this (`<dd-script-panel .scripts .context .suggestion>`).
 */
export async function scriptPanelData(db: DealerDeskDatabase, customerId: string, locale: Locale): Promise<ScriptPanelData | undefined> {
  const [customer, callbacks, scripts, settings] = await Promise.all([
    new CustomerRepository(db).get(customerId),
    new CallbackRepository(db).forCustomer(customerId),
    new ScriptRepository(db).effective(locale),
    new SettingsRepository(db).get(),
  ]);
  if (!customer) return undefined;
  const due = callbacks.find((callback) => callback.status === 'open');
  return {
    scripts,
    context: { locale, customer, consultant: settings.consultant, store: settings.store, ...(due?.planKey ? { callback: { planKey: due.planKey } } : {}) },
    suggestion: { stage: customer.stage, grade: customer.grade, ...(due ? { callback: { kind: due.kind, ...(due.planKey ? { planKey: due.planKey } : {}) } } : {}) },
  };
}
