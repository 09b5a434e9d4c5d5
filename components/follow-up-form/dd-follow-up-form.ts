import { DdFollowUpForm } from './follow-up-form.component';

export * from './follow-up-form.component';

if (!customElements.get('dd-follow-up-form')) customElements.define('dd-follow-up-form', DdFollowUpForm);

declare global {
  interface HTMLElementTagNameMap {
    'dd-follow-up-form': DdFollowUpForm;
  }
}
