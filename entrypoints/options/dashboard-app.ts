import { liveQuery } from 'dexie';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { t } from '../../core/i18n';
import { LiveQueryController } from '../../components/controllers/live-query-controller';
import { LocaleController } from '../../components/controllers/locale-controller';
import '../../components/customer-form/dd-customer-form';
import '../../components/customer-list/dd-customer-list';
import './customer-follow-up';
import './script-library';
import type { CustomerCardDraft, CustomerFieldError } from '../../components/customer-form/dd-customer-form';
import { CustomerRepository, openDatabase, type CustomerInput, type CustomerRecord } from '../../storage';

const customers = new CustomerRepository(openDatabase());

/** The dashboard shell: the customer list beside the card being edited (`#customer=<id>` or `#new`). */
export class DashboardApp extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: minmax(320px, 1fr) minmax(360px, 1.2fr);
      gap: 16px;
      padding: 16px;
      min-height: 100vh;
      box-sizing: border-box;
    }
    header {
      grid-column: 1 / -1;
      display: flex;
      align-items: center;
      gap: 12px;
    }
    h1 {
      font-size: 18px;
      margin: 0;
    }
    section {
      background: #fff;
      border-radius: 8px;
      padding: 12px;
      box-shadow: 0 1px 2px rgb(0 0 0 / 8%);
    }
    section.library {
      grid-column: 1 / -1;
    }
    h2 {
      font-size: 16px;
      margin: 0 0 8px;
    }
    .saved {
      color: #057a55;
    }
    button {
      font: inherit;
      padding: 4px 12px;
      border-radius: 6px;
      border: 1px solid #1d4ed8;
      background: #fff;
      color: #1d4ed8;
      cursor: pointer;
    }
  `;
  static override properties = {
    selectedId: { state: true },
    errors: { state: true },
    busy: { state: true },
    savedAt: { state: true },
  };

  declare selectedId: string | undefined;
  declare errors: CustomerFieldError[];
  declare busy: boolean;
  declare savedAt: number | undefined;

  private readonly list = new LiveQueryController<CustomerRecord[]>(this, () => liveQuery(() => customers.recent(200)), []);
  private readonly selected = new LiveQueryController<CustomerRecord | undefined>(this, () => liveQuery(() => this.loadSelected()), undefined);

  constructor() {
    super();
    this.errors = [];
    this.busy = false;
    new LocaleController(this);
    this.readHash();
    window.addEventListener('hashchange', () => this.readHash());
  }

  private async loadSelected(): Promise<CustomerRecord | undefined> {
    return this.selectedId ? customers.get(this.selectedId) : undefined;
  }

  private readHash(): void {
    const match = /^#customer=(.+)$/.exec(location.hash);
    this.selectedId = match?.[1] ? decodeURIComponent(match[1]) : undefined;
    this.errors = [];
    this.savedAt = undefined;
    this.selected.setQuery(() => liveQuery(() => this.loadSelected()));
    this.requestUpdate();
  }

  private async save(draft: CustomerCardDraft): Promise<void> {
    this.busy = true;
    const input = draft as CustomerInput;
    const result = this.selectedId ? await customers.update(this.selectedId, input) : await customers.create(input);
    this.busy = false;
    if (!result.ok) {
      this.errors = result.errors;
      return;
    }
    this.errors = [];
    this.savedAt = Date.now();
    if (!this.selectedId) location.hash = `customer=${encodeURIComponent(result.value.id)}`;
  }

  override render(): TemplateResult {
    const editing = this.selected.value;
    return html`
      <header>
        <h1>${t('extName')}</h1>
        <button type="button" @click=${() => (location.hash = 'new')}>${t('action_new_customer')}</button>
        <button type="button" class="scripts" @click=${() => (location.hash = location.hash === '#scripts' ? '' : 'scripts')}>
          ${location.hash === '#scripts' ? t('script_back') : t('script_editor_title')}
        </button>
      </header>
      ${location.hash === '#scripts'
        ? html`<section class="library" aria-label=${t('script_editor_title')}><dd-script-library></dd-script-library></section>`
        : this.renderCustomers(editing)}`;
  }

  private renderCustomers(editing: CustomerRecord | undefined): TemplateResult {
    return html`
      <section aria-label=${t('customers_title')}>
        <h2>${t('customers_title')} (${this.list.value.length})</h2>
        <dd-customer-list
          .customers=${this.list.value}
          ?loaded=${this.list.loaded}
          @dd-customer-open=${(event: CustomEvent<{ id: string }>) => (location.hash = `customer=${encodeURIComponent(event.detail.id)}`)}
        ></dd-customer-list>
      </section>
      <section aria-label=${t('customer_card_title')}>
        <h2>${editing ? editing.name : t('action_new_customer')}</h2>
        ${this.savedAt ? html`<p class="saved" role="status">${t('saved')}</p>` : ''}
        <dd-customer-form
          .value=${(editing as CustomerCardDraft | undefined) ?? undefined}
          .errors=${this.errors}
          ?busy=${this.busy}
          @dd-customer-submit=${(event: CustomEvent<{ draft: CustomerCardDraft }>) => this.save(event.detail.draft)}
        ></dd-customer-form>
        ${editing ? html`<dd-customer-follow-up .customerId=${editing.id}></dd-customer-follow-up>` : ''}
      </section>
    `;
  }
}

customElements.define('dd-dashboard', DashboardApp);
