import { DdCallbackList } from './callback-list.component';

export * from './callback-list.component';

if (!customElements.get('dd-callback-list')) customElements.define('dd-callback-list', DdCallbackList);

declare global {
  interface HTMLElementTagNameMap {
    'dd-callback-list': DdCallbackList;
  }
}
