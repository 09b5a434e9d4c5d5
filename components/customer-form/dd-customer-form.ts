import { DdCustomerForm } from './customer-form.component';

export * from './customer-form.component';

if (!customElements.get('dd-customer-form')) customElements.define('dd-customer-form', DdCustomerForm);

declare global {
  interface HTMLElementTagNameMap {
    'dd-customer-form': DdCustomerForm;
  }
}
