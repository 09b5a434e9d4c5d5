import { DdDuplicateWarning } from './duplicate-warning.component';

export * from './duplicate-warning.component';

if (!customElements.get('dd-duplicate-warning')) customElements.define('dd-duplicate-warning', DdDuplicateWarning);

declare global {
  interface HTMLElementTagNameMap {
    'dd-duplicate-warning': DdDuplicateWarning;
  }
}
