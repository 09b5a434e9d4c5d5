import { DdSettingsForm } from './settings-form.component';

export * from './settings-form.component';

if (!customElements.get('dd-settings-form')) customElements.define('dd-settings-form', DdSettingsForm);

declare global {
  interface HTMLElementTagNameMap {
    'dd-settings-form': DdSettingsForm;
  }
}
