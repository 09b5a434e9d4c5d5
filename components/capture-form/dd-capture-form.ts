import { DdCaptureForm } from './capture-form.component';

export * from './capture-form.component';

if (!customElements.get('dd-capture-form')) customElements.define('dd-capture-form', DdCaptureForm);

declare global {
  interface HTMLElementTagNameMap {
    'dd-capture-form': DdCaptureForm;
  }
}
