import { DdCustomerSummary } from './customer-summary.component';

export * from './customer-summary.component';

if (!customElements.get('dd-customer-summary')) customElements.define('dd-customer-summary', DdCustomerSummary);

declare global {
  interface HTMLElementTagNameMap {
    'dd-customer-summary': DdCustomerSummary;
  }
}
