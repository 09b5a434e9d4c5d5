import { liveQuery } from 'dexie';
import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { formatDateTime, t, type MessageKey } from '../../core/i18n';
import { LiveQueryController } from '../../components/controllers/live-query-controller';
import { LocaleController } from '../../components/controllers/locale-controller';
import '../../components/customer-card/dd-customer-card';
// Open callbacks, the fitting scripts and the follow-up log (the cadence feature's part of the card).
import './customer-follow-up';
import type { CardFieldError, CustomerCard } from '../../components/customer-card/dd-customer-card';
import { CustomerRepository, FollowUpRepository, openDatabase, type CustomerInput, type CustomerRecord, type FollowUp } from '../../storage';
import { viewStyles } from './view-styles';

const db = openDatabase();
const customers = new CustomerRepository(db);
const followUps = new FollowUpRepository(db);

interface Related {
  record?: CustomerRecord;
  followUps: FollowUp[];
}

const DRAFT_PREFIX = 'dd-card-draft:';

/** Unsaved card edits, kept per customer in this browser until saved or discarded. */
function readDraft(key: string): CustomerCard | undefined {
  try {
    const stored = localStorage.getItem(DRAFT_PREFIX + key);
    return stored ? (JSON.parse(stored) as CustomerCard) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One customer's full card beside their open callbacks, fitting scripts and follow-up log (from the
 * cadence feature's `dd-customer-follow-up`) and their follow-up timeline. Every edit is
 * kept as a draft in this browser as it is typed, so closing the tab or opening another customer never
 * loses it: the card reopens with the draft until it is saved or discarded.
 */
export class CardView extends LitElement {
  static override styles = [
    viewStyles,
    css`
      .head {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .head h2 {
        flex: 1;
        margin: 0;
      }
      ol {
        margin: 0;
        padding-left: 18px;
        font-size: 13px;
      }
      li {
        margin-bottom: 4px;
      }
      .saved {
        color: #057a55;
      }
      .restored {
        color: #b45309;
      }
    `,
  ];
  static override properties = {
    customerId: { type: String },
    errors: { state: true },
    busy: { state: true },
    dirty: { state: true },
    notice: { state: true },
  };

  /** A customer id, or `new`. */
  declare customerId: string;
  declare errors: CardFieldError[];
  declare busy: boolean;
  declare dirty: boolean;
  declare notice: 'saved' | 'restored' | undefined;

  private draft?: CustomerCard;
  private draftTimer?: ReturnType<typeof setTimeout>;
  private readonly related = new LiveQueryController<Related>(this, () => liveQuery(() => this.load()), { followUps: [] });

  constructor() {
    super();
    this.customerId = 'new';
    this.errors = [];
    this.busy = false;
    this.dirty = false;
    new LocaleController(this);
  }

  private readonly onPageHide = (): void => this.flushDraft();

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('pagehide', this.onPageHide);
  }

  private async load(): Promise<Related> {
    if (this.customerId === 'new') return { followUps: [] };
    const [record, timeline] = await Promise.all([customers.get(this.customerId), followUps.forCustomer(this.customerId)]);
    return { record, followUps: timeline };
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId')) {
      if (changed.get('customerId') !== undefined) this.flushDraft(changed.get('customerId'));
      this.draft = readDraft(this.customerId);
      this.dirty = !!this.draft;
      this.notice = this.draft ? 'restored' : undefined;
      this.errors = [];
      this.related.setQuery(() => liveQuery(() => this.load()));
    }
  }

  override disconnectedCallback(): void {
    removeEventListener('pagehide', this.onPageHide);
    this.flushDraft();
    super.disconnectedCallback();
  }

  private flushDraft(key = this.customerId): void {
    clearTimeout(this.draftTimer);
    if (this.draft && this.dirty) localStorage.setItem(DRAFT_PREFIX + key, JSON.stringify(this.draft));
  }

  private onInput(draft: CustomerCard): void {
    this.draft = draft;
    if (!this.dirty) this.dirty = true;
    this.notice = undefined;
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.flushDraft(), 300);
  }

  private forget(): void {
    clearTimeout(this.draftTimer);
    localStorage.removeItem(DRAFT_PREFIX + this.customerId);
    this.draft = undefined;
    this.dirty = false;
  }

  private discard(): void {
    this.forget();
    this.errors = [];
    this.notice = undefined;
    // Re-render the card from the stored record.
    const card = this.renderRoot.querySelector('dd-customer-card');
    if (card) card.value = this.related.value.record as CustomerCard | undefined;
  }

  private async save(draft: CustomerCard): Promise<void> {
    this.busy = true;
    this.draft = draft;
    const input = draft as unknown as CustomerInput;
    const result = this.customerId === 'new' ? await customers.create(input) : await customers.update(this.customerId, input);
    this.busy = false;
    if (!result.ok) {
      this.errors = result.errors;
      this.flushDraft();
      return;
    }
    this.forget();
    this.errors = [];
    this.notice = 'saved';
    if (this.customerId === 'new') location.hash = `customer=${encodeURIComponent(result.value.id)}`;
  }

  private timeline(items: FollowUp[]): TemplateResult {
    return html`<section class="panel" aria-label=${t('dashboard_timeline')}>
      <h3>${t('dashboard_timeline')}</h3>
      ${items.length === 0
        ? html`<p class="muted">${t('dashboard_timeline_empty')}</p>`
        : html`<ol>
            ${items.map(
              (item) => html`<li>
                <strong>${formatDateTime(item.at)}</strong> · ${t(`export_method_${item.method}` as MessageKey)}${item.by ? ` · ${item.by}` : ''}<br />
                ${item.summary}${item.feedback ? html`<br /><span class="muted">${item.feedback}</span>` : nothing}
              </li>`,
            )}
          </ol>`}
    </section>`;
  }

  override render(): TemplateResult {
    const { record, followUps: timeline } = this.related.value;
    const isNew = this.customerId === 'new';
    if (!isNew && this.related.loaded && !record) return html`<p class="error">${t('error_not_found')}</p>`;
    const value = this.draft ?? (record as CustomerCard | undefined);
    return html`<div class="head">
        <h2>${isNew ? t('action_new_customer') : (record?.name ?? '')}</h2>
        <button type="button" @click=${() => (location.hash = 'customers')} aria-label=${t('dashboard_close_card')}>✕</button>
      </div>
      ${this.notice === 'saved' ? html`<p class="saved" role="status">${t('saved')}</p>` : nothing}
      ${this.notice === 'restored' ? html`<p class="restored" role="status">${t('dashboard_draft_restored')}</p>` : nothing}
      ${isNew || record
        ? html`<dd-customer-card
            .value=${value}
            .errors=${this.errors}
            ?busy=${this.busy}
            ?dirty=${this.dirty}
            @dd-customer-input=${(event: CustomEvent<{ draft: CustomerCard }>) => this.onInput(event.detail.draft)}
            @dd-customer-discard=${this.discard}
            @dd-customer-submit=${(event: CustomEvent) => this.save((event.detail as { draft: CustomerCard }).draft)}
          >
          </dd-customer-card>`
        : nothing}
      ${isNew || !record
        ? nothing
        : html`<dd-customer-follow-up class="panel" .customerId=${this.customerId}></dd-customer-follow-up>${this.timeline(timeline)}`}`;
  }
}

customElements.define('dd-card-view', CardView);
