import { DdCustomerList } from './customer-list.component';

export * from './customer-list.component';

if (!customElements.get('dd-customer-list')) customElements.define('dd-customer-list', DdCustomerList);

declare global {
  interface HTMLElementTagNameMap {
    'dd-customer-list': DdCustomerList;
  }
}
