import { DdCustomerTable } from './customer-table.component';

export * from './customer-table.component';

if (!customElements.get('dd-customer-table')) customElements.define('dd-customer-table', DdCustomerTable);

declare global {
  interface HTMLElementTagNameMap {
    'dd-customer-table': DdCustomerTable;
  }
}
