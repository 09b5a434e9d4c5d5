import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../../core/i18n';
import { LocaleController } from '../controllers/locale-controller';

/** A customer who already has the phone being captured. */
export interface DuplicateSummary {
  id: string;
  name: string;
  phones: string[];
  grade: string;
}

/**
 * Shown when the phone already belongs to a customer: open that card, or merge the lead into it.
 *
 * @event dd-duplicate-open - `{ id: string }`
 * @event dd-duplicate-merge - `{ id: string }`
 * @event dd-duplicate-create - create a new customer anyway.
 */
export class DdDuplicateWarning extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: var(--dd-font, 13px/1.45 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    }
    .box {
      border: 1px solid #f0b429;
      background: #fffbea;
      border-radius: 6px;
      padding: 8px;
    }
    strong {
      display: block;
      margin-bottom: 4px;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      gap: 6px;
      align-items: center;
      flex-wrap: wrap;
      padding: 2px 0;
    }
    .who {
      flex: 1;
    }
    button {
      font: inherit;
      font-size: 12px;
      padding: 2px 8px;
      border-radius: 6px;
      border: 1px solid #8d2b0b;
      background: #fff;
      color: #8d2b0b;
      cursor: pointer;
    }
    .anyway {
      margin-top: 6px;
      border-color: #9aa5b1;
      color: #52606d;
    }
  `;
  static override properties = { duplicates: { attribute: false } };

  declare duplicates: DuplicateSummary[];

  constructor() {
    super();
    this.duplicates = [];
    new LocaleController(this);
  }

  private emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  override render(): TemplateResult | typeof nothing {
    if (this.duplicates.length === 0) return nothing;
    return html`<div class="box" role="alert">
      <strong>${t('capture_duplicate_title')}</strong>
      <ul>
        ${this.duplicates.map(
          (customer) => html`<li>
            <span class="who">${customer.name} · ${customer.phones.join(' / ')} · ${t(`grade_${customer.grade}` as MessageKey)}</span>
            <button type="button" class="open" @click=${() => this.emit('dd-duplicate-open', { id: customer.id })}>${t('capture_duplicate_open')}</button>
            <button type="button" class="merge" @click=${() => this.emit('dd-duplicate-merge', { id: customer.id })}>${t('capture_duplicate_merge')}</button>
          </li>`,
        )}
      </ul>
      <button type="button" class="anyway" @click=${() => this.emit('dd-duplicate-create')}>${t('capture_duplicate_create')}</button>
    </div>`;
  }
}
