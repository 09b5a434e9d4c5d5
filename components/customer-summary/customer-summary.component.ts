import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { formatDateTime, t, type MessageKey } from '../../core/i18n';
import { LocaleController } from '../controllers/locale-controller';

/** The customer card at a glance, as the sidebar shows it after a capture. */
export interface CustomerSummary {
  id: string;
  name: string;
  phones: string[];
  wechat?: string;
  city?: string;
  grade: string;
  stage: string;
  site?: string;
  channel: string;
  capturedAt?: number;
  model: string;
  callbacks: { id: string; kind: string; dueAt: number }[];
}

/**
 * A customer's card summary: who, how to reach them, grade and stage, intended model, where the
 * lead came from and the open callbacks.
 *
 * @event dd-customer-open - `{ id: string }`: open the full card in the dashboard.
 */
export class DdCustomerSummary extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: var(--dd-font, 13px/1.45 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
      color: var(--dd-text, #1f2933);
    }
    .card {
      border: 1px solid var(--dd-border, #e4e7eb);
      border-radius: 8px;
      padding: 10px;
    }
    h3 {
      margin: 0 0 4px;
      font-size: 15px;
    }
    .badge {
      display: inline-block;
      font-size: 11px;
      padding: 0 6px;
      border-radius: 8px;
      background: #e0e8f9;
      color: #1d4ed8;
      margin-left: 4px;
    }
    dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 2px 8px;
      margin: 6px 0;
      font-size: 12px;
    }
    dt {
      color: var(--dd-muted, #616e7c);
    }
    dd {
      margin: 0;
    }
    button {
      font: inherit;
      font-size: 12px;
      padding: 3px 10px;
      border-radius: 6px;
      border: 1px solid var(--dd-accent, #1d4ed8);
      background: #fff;
      color: var(--dd-accent, #1d4ed8);
      cursor: pointer;
    }
  `;
  static override properties = { customer: { attribute: false } };

  declare customer: CustomerSummary | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override render(): TemplateResult | typeof nothing {
    const c = this.customer;
    if (!c) return nothing;
    return html`<div class="card">
      <h3>${c.name}<span class="badge">${t(`grade_${c.grade}` as MessageKey)}</span><span class="badge">${t(`stage_${c.stage}` as MessageKey)}</span></h3>
      <dl>
        <dt>${t('field_phone')}</dt>
        <dd class="phones">${c.phones.join(' / ') || '—'}</dd>
        ${c.wechat ? html`<dt>${t('field_wechat')}</dt><dd>${c.wechat}</dd>` : nothing}
        ${c.city ? html`<dt>${t('field_city')}</dt><dd>${c.city}</dd>` : nothing}
        ${c.model ? html`<dt>${t('capture_label_model')}</dt><dd>${c.model}</dd>` : nothing}
        <dt>${t('field_source')}</dt>
        <dd>${c.site ?? t(`channel_${c.channel}` as MessageKey)}${c.capturedAt ? html` · ${formatDateTime(c.capturedAt)}` : nothing}</dd>
        <dt>${t('capture_summary_callbacks')}</dt>
        <dd class="callbacks">
          ${c.callbacks.length
            ? c.callbacks.map((callback) => html`<div>${t(`capture_callback_${callback.kind === 'first_contact' ? 'first_contact' : 'other'}`)} · ${formatDateTime(callback.dueAt)}</div>`)
            : '—'}
        </dd>
      </dl>
      <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('dd-customer-open', { detail: { id: c.id }, bubbles: true, composed: true }))}>${t('capture_summary_open')}</button>
    </div>`;
  }
}
