import { DdCustomerCard } from './customer-card.component';

export * from './customer-card.component';

if (!customElements.get('dd-customer-card')) customElements.define('dd-customer-card', DdCustomerCard);

declare global {
  interface HTMLElementTagNameMap {
    'dd-customer-card': DdCustomerCard;
  }
}
