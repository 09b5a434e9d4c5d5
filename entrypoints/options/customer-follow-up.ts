import { liveQuery } from 'dexie';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { getLocale, t } from '../../core/i18n';
import { LiveQueryController } from '../../components/controllers/live-query-controller';
import { LocaleController } from '../../components/controllers/locale-controller';
import '../../components/callback-list/dd-callback-list';
import '../../components/follow-up-form/dd-follow-up-form';
import '../../components/script-panel/dd-script-panel';
import type { CallbackListItem, CallbackSnoozeDetail } from '../../components/callback-list/dd-callback-list';
import type { DdFollowUpForm, FollowUpDraft, FollowUpFieldError } from '../../components/follow-up-form/dd-follow-up-form';
import {
  CallbackRepository,
  CustomerRepository,
  logFollowUp,
  openDatabase,
  ScriptRepository,
  SettingsRepository,
  type Callback,
  type CustomerRecord,
  type FollowUpLogInput,
  type Script,
  type Settings,
} from '../../storage';
import { snoozeTomorrowAt } from '../../core/cadence/local-time';
import { callbackListItem, dueState } from '../shared/callback-list-item';
import { refreshReminders } from '../shared/reminders-message';

const db = openDatabase();
const customers = new CustomerRepository(db);
const callbacks = new CallbackRepository(db);
const scripts = new ScriptRepository(db);
const settingsRepository = new SettingsRepository(db);

interface FollowUpView {
  customer?: CustomerRecord;
  open: Callback[];
  scripts: Script[];
  settings?: Settings;
}

/**
 * The customer card's follow-up area in the dashboard: open callbacks, the fitting scripts, and the
 * one-step follow-up log. The dashboard drops it in with `.customerId`.
 */
export class CustomerFollowUp extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 12px;
    }
    h3 {
      font-size: 14px;
      margin: 0;
    }
    .saved {
      color: #057a55;
      margin: 0;
    }
  `;
  static override properties = {
    customerId: { type: String, attribute: 'customer-id' },
    answering: { state: true },
    scriptId: { state: true },
    errors: { state: true },
    busy: { state: true },
    saved: { state: true },
  };

  declare customerId: string | undefined;
  declare answering: string | undefined;
  declare scriptId: string | undefined;
  declare errors: FollowUpFieldError[];
  declare busy: boolean;
  declare saved: boolean;

  private readonly view = new LiveQueryController<FollowUpView>(this, () => liveQuery(() => this.load()), { open: [], scripts: [] });

  constructor() {
    super();
    this.errors = [];
    this.busy = false;
    this.saved = false;
    new LocaleController(this);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('customerId')) {
      this.answering = undefined;
      this.scriptId = undefined;
      this.errors = [];
      this.saved = false;
      this.view.setQuery(() => liveQuery(() => this.load()));
    }
  }

  private async load(): Promise<FollowUpView> {
    const id = this.customerId;
    const [customer, all, library, settings] = await Promise.all([
      id ? customers.get(id) : undefined,
      id ? callbacks.forCustomer(id) : [],
      scripts.effective(getLocale()),
      settingsRepository.get(),
    ]);
    return { customer, open: all.filter((callback) => callback.status === 'open'), scripts: library, settings };
  }

  private items(view: FollowUpView): CallbackListItem[] {
    const now = Date.now();
    const customer = view.customer!;
    return view.open.map((callback) => callbackListItem(callback, customer, dueState(callback.dueAt, now)));
  }

  private async save(draft: FollowUpDraft): Promise<void> {
    if (!this.customerId) return;
    this.busy = true;
    const result = await logFollowUp(db, { ...draft, customerId: this.customerId } as FollowUpLogInput);
    this.busy = false;
    if (!result.ok) {
      this.errors = result.errors;
      this.saved = false;
      return;
    }
    this.errors = [];
    this.saved = true;
    this.answering = undefined;
    this.scriptId = undefined;
    this.renderRoot.querySelector<DdFollowUpForm>('dd-follow-up-form')?.reset();
    await refreshReminders();
  }

  override render(): TemplateResult | typeof nothing {
    const view = this.view.value;
    const customer = view.customer;
    if (!this.customerId || !customer) return nothing;
    const items = this.items(view);
    const answering = items.find((item) => item.id === this.answering);
    const due = view.open.find((callback) => callback.id === this.answering) ?? view.open[0];
    return html`
      <h3>${t('cadence_callbacks_title')}</h3>
      <dd-callback-list
        .items=${items}
        .tomorrowAt=${view.settings ? snoozeTomorrowAt(Date.now(), view.settings) : undefined}
        @dd-callback-done=${(event: CustomEvent<{ id: string }>) => {
          this.answering = event.detail.id;
          void this.updateComplete.then(() => this.renderRoot.querySelector('dd-follow-up-form')?.scrollIntoView({ block: 'nearest' }));
        }}
        @dd-callback-snooze=${async (event: CustomEvent<CallbackSnoozeDetail>) => {
          await callbacks.snooze(event.detail.id, event.detail.until);
          await refreshReminders();
        }}
      ></dd-callback-list>
      <h3>${t('cadence_form_title')}</h3>
      ${this.saved ? html`<p class="saved" role="status">${t('cadence_saved')}</p>` : nothing}
      <dd-follow-up-form
        .callback=${answering ? { id: answering.id, reason: answering.reason } : undefined}
        .scriptId=${this.scriptId}
        .grade=${customer.grade}
        .errors=${this.errors}
        ?busy=${this.busy}
        @dd-follow-up-submit=${(event: CustomEvent<{ draft: FollowUpDraft }>) => this.save(event.detail.draft)}
      ></dd-follow-up-form>
      <h3>${t('script_panel_title')}</h3>
      <dd-script-panel
        .scripts=${view.scripts}
        .context=${{ locale: getLocale(), customer, consultant: view.settings?.consultant, store: view.settings?.store, ...(due ? { callback: due } : {}) }}
        .suggestion=${{ stage: customer.stage, grade: customer.grade, ...(due ? { callback: due } : {}) }}
        @dd-script-log=${(event: CustomEvent<{ scriptId: string }>) => {
          this.scriptId = event.detail.scriptId;
          this.answering ??= due?.id;
        }}
      ></dd-script-panel>
    `;
  }
}

if (!customElements.get('dd-customer-follow-up')) customElements.define('dd-customer-follow-up', CustomerFollowUp);
