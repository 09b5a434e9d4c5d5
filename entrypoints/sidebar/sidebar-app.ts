import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { browser } from 'wxt/browser';
import type { CaptureResult, CapturedContact, CapturedVehicle } from '../../core/extract/types';
import { getLocale, setLocale, t } from '../../core/i18n';
import { leadSiteOf } from '../../core/lead-sites';
import { LocaleController } from '../../components/controllers/locale-controller';
import '../../components/capture-form/dd-capture-form';
import '../../components/capture-contacts/dd-capture-contacts';
import '../../components/capture-vehicle/dd-capture-vehicle';
import '../../components/duplicate-warning/dd-duplicate-warning';
import '../../components/customer-summary/dd-customer-summary';
import { formatPrice } from '../../components/capture-vehicle/dd-capture-vehicle';
import type { CaptureFieldError, CaptureFormSources, CaptureFormValue, DdCaptureForm } from '../../components/capture-form/dd-capture-form';
import type { CustomerSummary } from '../../components/customer-summary/dd-customer-summary';
import type { DuplicateSummary } from '../../components/duplicate-warning/dd-duplicate-warning';
import { sidebarApi, type LeadDraft } from './sidebar-messages';
import { afterNextPaint } from '../shared/after-next-paint';

/** The saved customer's callbacks and scripts: fetched only after a save, so the form stays quick. */
const followUpPanel = () => import('./sidebar-follow-up');

function channelOf(url: string | undefined): string {
  try {
    return (url && leadSiteOf(new URL(url).hostname)?.channel) || 'other';
  } catch {
    return 'other';
  }
}

function priceText(vehicle: CapturedVehicle | undefined): string | undefined {
  return vehicle?.price ? formatPrice(vehicle.price.value.amount, vehicle.price.value.currency, getLocale()) : undefined;
}

/** The form's values (and where they came from) for one contact and the car beside it. */
function formFrom(contact: CapturedContact | undefined, vehicle: CapturedVehicle | undefined, url: string): { value: CaptureFormValue; sources: CaptureFormSources } {
  const value: CaptureFormValue = { url, source: channelOf(url) };
  const sources: CaptureFormSources = {};
  const put = (field: keyof CaptureFormSources, entry: { value: string; source: string } | undefined, text = entry?.value): void => {
    if (!entry || !text) return;
    value[field] = text;
    sources[field] = entry.source;
  };
  put('name', contact?.name);
  put('phone', contact?.phones[0]);
  put('wechat', contact?.wechat);
  put('city', contact?.city);
  put('address', contact?.address);
  put('brand', vehicle?.brand);
  put('series', vehicle?.series);
  put('trim', vehicle?.trim);
  if (vehicle?.price) put('price', { value: '', source: vehicle.price.source }, priceText(vehicle));
  return { value, sources };
}

function leadOf(value: CaptureFormValue): LeadDraft {
  const { grade, ...fields } = value;
  return { name: '', phone: '', ...fields, ...(grade ? { grade: grade as LeadDraft['grade'] } : {}) };
}

/**
 * The capture sidebar (an extension page in a frame beside the portal page): the lead pre-filled
 * from the page, every contact found, the car in view, the duplicate check, and after saving the
 * customer's card.
 */
export class SidebarApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 10px 12px 24px;
    }
    header {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    h1 {
      font-size: 15px;
      margin: 0;
      flex: 1;
    }
    h2 {
      font-size: 13px;
      margin: 12px 0 6px;
      color: #1d4ed8;
    }
    section {
      background: #fff;
      border-radius: 8px;
      padding: 8px 10px;
      margin-bottom: 8px;
      box-shadow: 0 1px 2px rgb(0 0 0 / 6%);
    }
    .close {
      border: none;
      background: none;
      font-size: 18px;
      cursor: pointer;
      color: #52606d;
    }
    .note {
      color: #52606d;
      margin: 4px 0;
    }
    .ok {
      color: #057a55;
      margin: 4px 0;
    }
    .bad {
      color: #c81e1e;
      margin: 4px 0;
    }
    .link {
      font: inherit;
      font-size: 12px;
      border: none;
      background: none;
      color: #1d4ed8;
      cursor: pointer;
      padding: 0;
      text-decoration: underline;
    }
    dd-duplicate-warning {
      margin-bottom: 8px;
    }
  `;
  static override properties = {
    draft: { state: true },
    value: { state: true },
    sources: { state: true },
    errors: { state: true },
    duplicates: { state: true },
    busy: { state: true },
    saved: { state: true },
    savedStatus: { state: true },
    report: { state: true },
    problem: { state: true },
    siteAdded: { state: true },
  };

  declare draft: CaptureResult | undefined;
  declare value: CaptureFormValue;
  declare sources: CaptureFormSources;
  declare errors: CaptureFieldError[];
  declare duplicates: DuplicateSummary[];
  declare busy: boolean;
  declare saved: CustomerSummary | undefined;
  declare savedStatus: 'created' | 'merged' | undefined;
  declare report: string | undefined;
  declare problem: string | undefined;
  declare siteAdded: boolean;
  private tabId: number | undefined;

  constructor() {
    super();
    this.value = {};
    this.sources = {};
    this.errors = [];
    this.duplicates = [];
    this.busy = false;
    this.siteAdded = false;
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The empty form paints first; the draft fills it in (the extractor is already loading: the
    // launcher told the background as the frame opened). Messaging before the first frame would hold it up.
    const start = (): void => {
      void this.load();
      // A single-page portal moved to another page while the sidebar was open.
      browser.runtime.onMessage.addListener((message: { type?: string; tabId?: number; draft?: CaptureResult }) => {
        if (message?.type === 'sidebar:draft-changed' && message.tabId === this.tabId && message.draft) this.show(message.draft);
      });
    };
    // A frame in a background tab gets no animation frames: it still asks.
    void afterNextPaint(200).then(start);
  }

  private async load(): Promise<void> {
    // The language chosen in Settings, like the dashboard (asked of the background, which owns storage).
    void sidebarApi.language().then((reply) => {
      if (reply?.language === 'zh_CN' || reply?.language === 'en') setLocale(reply.language);
    }, () => undefined);
    const reply = await sidebarApi.draft().catch(() => undefined);
    this.tabId = reply?.tabId;
    if (reply?.ok && reply.draft) this.show(reply.draft);
    else this.problem = t('sidebar_page_unreadable');
  }

  private show(draft: CaptureResult): void {
    this.draft = draft;
    this.problem = undefined;
    this.saved = undefined;
    this.report = undefined;
    this.errors = [];
    const first = draft.contacts[0];
    const filled = formFrom(first, first?.vehicle ?? draft.vehicle, draft.url);
    this.value = filled.value;
    this.sources = filled.sources;
    void this.checkDuplicates(filled.value.phone);
  }

  private async checkDuplicates(phone: string | undefined): Promise<void> {
    if (!phone) {
      this.duplicates = [];
      return;
    }
    const reply = await sidebarApi.duplicates([phone], this.form?.read().url ?? this.draft?.url).catch(() => undefined);
    this.duplicates = reply?.duplicates ?? [];
  }

  private get form(): DdCaptureForm | null {
    return this.renderRoot.querySelector('dd-capture-form');
  }

  private async save(value: CaptureFormValue, options: { mergeInto?: string; allowDuplicate?: boolean } = {}): Promise<void> {
    this.busy = true;
    this.value = value;
    try {
      const reply = await sidebarApi.save(leadOf(value), options);
      if (reply.status === 'created' || reply.status === 'merged') {
        void followUpPanel();
        this.saved = reply.customer;
        this.savedStatus = reply.status;
        this.duplicates = [];
        this.errors = [];
      } else if (reply.status === 'duplicate') {
        this.duplicates = reply.duplicates;
        this.errors = [];
      } else if (reply.status === 'invalid') {
        this.errors = reply.errors;
      }
    } finally {
      this.busy = false;
    }
  }

  /** A callback was done or snoozed from the sidebar: the card's summary shows the open ones. */
  private async refreshSaved(): Promise<void> {
    const id = this.saved?.id;
    if (!id) return;
    const reply = await sidebarApi.customer(id).catch(() => undefined);
    if (reply?.customer && this.saved?.id === id) this.saved = reply.customer;
  }

  private async captureContacts(indexes: number[]): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    const grade = this.form?.read().grade;
    const leads = indexes.map((index) => {
      const contact = draft.contacts[index]!;
      const lead = leadOf({ ...formFrom(contact, contact.vehicle ?? draft.vehicle, draft.url).value, ...(grade ? { grade } : {}) });
      // A row with a phone but no name still becomes a customer, marked for the consultant to name.
      if (!lead.name) lead.name = t('capture_unnamed_lead', lead.phone.replace(/\D/g, '').slice(-4));
      return lead;
    });
    this.busy = true;
    try {
      const reply = await sidebarApi.saveAll(leads);
      this.report = reply.ok
        ? t('capture_bulk_report', reply.created, reply.merged, reply.skipped)
        : t('capture_bulk_failed', (reply.index ?? 0) + 1, reply.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') ?? '');
      if (reply.ok) void this.checkDuplicates(this.form?.read().phone);
    } finally {
      this.busy = false;
    }
  }

  private useContact(index: number): void {
    const draft = this.draft;
    const contact = draft?.contacts[index];
    if (!draft || !contact) return;
    const filled = formFrom(contact, contact.vehicle ?? draft.vehicle, draft.url);
    this.value = { ...filled.value, note: this.form?.read().note, grade: this.form?.read().grade };
    this.sources = filled.sources;
    this.saved = undefined;
    void this.checkDuplicates(filled.value.phone);
  }

  private setModel(): void {
    const vehicle = this.draft?.vehicle;
    if (!vehicle) return;
    const current = this.form?.read() ?? this.value;
    this.value = { ...current, brand: vehicle.brand?.value ?? '', series: vehicle.series?.value ?? '', trim: vehicle.trim?.value ?? '', price: priceText(vehicle) ?? '' };
    this.sources = { ...this.sources, brand: vehicle.brand?.source, series: vehicle.series?.source, trim: vehicle.trim?.source, price: vehicle.price?.source };
  }

  private async alwaysOnSite(): Promise<void> {
    const url = this.draft?.url;
    if (!url) return;
    const origin = new URL(url).origin;
    // Asked now, at the moment of need, from the user's click.
    const granted = await browser.permissions.request({ origins: [`${origin.replace(/^https?/, '*')}/*`] }).catch(() => false);
    if (granted) this.siteAdded = (await sidebarApi.alwaysOnSite(origin)).ok;
  }

  private siteOffer(): TemplateResult | typeof nothing {
    const url = this.draft?.url;
    if (!url) return nothing;
    const host = new URL(url).hostname;
    if (leadSiteOf(host)) return nothing;
    return this.siteAdded
      ? html`<p class="ok">${t('sidebar_site_added', host)}</p>`
      : html`<button type="button" class="link always" @click=${this.alwaysOnSite}>${t('sidebar_always_on_site', host)}</button>`;
  }

  private captureBody(): TemplateResult {
    const draft = this.draft;
    if (this.saved) {
      return html`<section>
        <p class="ok" role="status">${t(this.savedStatus === 'merged' ? 'capture_saved_merged' : 'capture_saved_created')}</p>
        <dd-customer-summary .customer=${this.saved} @dd-customer-open=${(e: CustomEvent<{ id: string }>) => void sidebarApi.openCustomer(e.detail.id)}></dd-customer-summary>
        <p><button type="button" class="link again" @click=${() => (this.saved = undefined)}>${t('capture_again')}</button></p>
      </section>`;
    }
    return html`<section>
        <h2>${t('capture_form_title')}</h2>
        <dd-duplicate-warning
          .duplicates=${this.duplicates}
          @dd-duplicate-open=${(e: CustomEvent<{ id: string }>) => void sidebarApi.openCustomer(e.detail.id)}
          @dd-duplicate-merge=${(e: CustomEvent<{ id: string }>) => void this.save(this.form?.read() ?? this.value, { mergeInto: e.detail.id })}
          @dd-duplicate-create=${() => void this.save(this.form?.read() ?? this.value, { allowDuplicate: true })}
        ></dd-duplicate-warning>
        <dd-capture-form
          .value=${this.value}
          .sources=${this.sources}
          .errors=${this.errors}
          ?busy=${this.busy}
          @dd-capture-phone=${(e: CustomEvent<{ phone: string }>) => void this.checkDuplicates(e.detail.phone)}
          @dd-capture-submit=${(e: CustomEvent<{ value: CaptureFormValue }>) => void this.save(e.detail.value)}
        ></dd-capture-form>
      </section>
      <section>
        <h2>${t('capture_contacts_title', draft?.contacts.length ?? 0)}</h2>
        ${this.report ? html`<p class="ok report" role="status">${this.report}</p>` : nothing}
        <dd-capture-contacts
          .contacts=${draft?.contacts ?? []}
          ?busy=${this.busy}
          @dd-contact-use=${(e: CustomEvent<{ index: number }>) => this.useContact(e.detail.index)}
          @dd-contacts-capture=${(e: CustomEvent<{ indexes: number[] }>) => void this.captureContacts(e.detail.indexes)}
        ></dd-capture-contacts>
      </section>
      <section>
        <h2>${t('capture_vehicle_title')}</h2>
        <dd-capture-vehicle .vehicle=${draft?.vehicle} .locale=${getLocale()} @dd-vehicle-set=${this.setModel}></dd-capture-vehicle>
      </section>`;
  }

  override render(): TemplateResult {
    return html`<header>
        <h1>${t('sidebar_title')}</h1>
        <button type="button" class="close" title=${t('sidebar_close')} aria-label=${t('sidebar_close')} @click=${() => void sidebarApi.close()}>×</button>
      </header>
      ${this.problem ? html`<p class="bad">${this.problem}</p>` : nothing}
      ${this.draft?.challenge ? html`<p class="note">${t('capture_challenge')}</p>` : nothing}
      ${this.captureBody()}
      <section class="follow-up-slot" data-slot="scripts-and-callbacks" ?hidden=${!this.saved}>
        ${this.saved
          ? html`<dd-sidebar-follow-up .customerId=${this.saved.id} @dd-sidebar-callbacks-changed=${this.refreshSaved}></dd-sidebar-follow-up>`
          : nothing}
      </section>
      ${this.siteOffer()}`;
  }
}

if (!customElements.get('dd-sidebar')) customElements.define('dd-sidebar', SidebarApp);
