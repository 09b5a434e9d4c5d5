import { html, LitElement, type TemplateResult } from 'lit';
import { formatDateTime, t, type MessageKey } from '../../core/i18n';
import { formatPhone } from '../../core/phone';
import { LocaleController } from '../controllers/locale-controller';
import { customerListStyles } from './customer-list.styles';

/** What a row shows of a customer. */
export interface CustomerRow {
  id: string;
  name: string;
  phones: { number: string }[];
  grade: string;
  stage: string;
  source?: { channel?: string };
  updatedAt: number;
}

/**
 * The customer list: one row per customer, Enter or a click opens the card.
 *
 * @event dd-customer-open - `{ id }`: the user chose a customer.
 * @csspart table - the table element.
 */
export class DdCustomerList extends LitElement {
  static override styles = customerListStyles;
  static override properties = {
    customers: { attribute: false },
    loaded: { type: Boolean },
  };

  declare customers: CustomerRow[];
  declare loaded: boolean;

  constructor() {
    super();
    this.customers = [];
    this.loaded = false;
    new LocaleController(this);
  }

  private open(id: string): void {
    this.dispatchEvent(new CustomEvent('dd-customer-open', { detail: { id }, bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    if (this.loaded && this.customers.length === 0) return html`<p class="empty">${t('customers_empty')}</p>`;
    return html`<table part="table">
      <thead>
        <tr>
          <th>${t('field_name')}</th>
          <th>${t('field_phone')}</th>
          <th>${t('field_grade')}</th>
          <th>${t('field_stage')}</th>
          <th>${t('field_source_channel')}</th>
          <th>${t('field_updatedAt')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.customers.map(
          (customer) => html`<tr
            tabindex="0"
            data-id=${customer.id}
            @click=${() => this.open(customer.id)}
            @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && this.open(customer.id)}
          >
            <td>${customer.name}</td>
            <td>${customer.phones[0] ? formatPhone(customer.phones[0].number.split(';')[0]!) : ''}</td>
            <td class="grade">${customer.grade}</td>
            <td>${t(`stage_${customer.stage}` as MessageKey)}</td>
            <td>${customer.source?.channel ? t(`channel_${customer.source.channel}` as MessageKey) : ''}</td>
            <td>${formatDateTime(customer.updatedAt)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dd-customer-open': CustomEvent<{ id: string }>;
  }
}
