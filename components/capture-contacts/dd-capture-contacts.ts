import { DdCaptureContacts } from './capture-contacts.component';

export * from './capture-contacts.component';

if (!customElements.get('dd-capture-contacts')) customElements.define('dd-capture-contacts', DdCaptureContacts);

declare global {
  interface HTMLElementTagNameMap {
    'dd-capture-contacts': DdCaptureContacts;
  }
}
