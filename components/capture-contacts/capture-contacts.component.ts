import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { CapturedContact } from '../../core/extract/types';
import { t } from '../../core/i18n';
import { LocaleController } from '../controllers/locale-controller';
import { captureContactsStyles } from './capture-contacts.styles';

export interface ContactsChosenDetail {
  /** Indexes into `contacts`, in list order. */
  indexes: number[];
}

/**
 * Every contact found on the page (all of them, each with its name and phone), to put one into the
 * form or capture several or all at once.
 *
 * @event dd-contact-use - `{ index: number }`: fill the form with this contact.
 * @event dd-contacts-capture - `ContactsChosenDetail`: capture these contacts now.
 * @cssproperty --dd-accent - buttons.
 */
export class DdCaptureContacts extends LitElement {
  static override styles = captureContactsStyles;
  static override properties = {
    contacts: { attribute: false },
    busy: { type: Boolean },
    chosen: { state: true },
  };

  declare contacts: CapturedContact[];
  declare busy: boolean;
  declare chosen: Set<number>;

  constructor() {
    super();
    this.contacts = [];
    this.busy = false;
    this.chosen = new Set();
    new LocaleController(this);
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('contacts')) this.chosen = new Set();
  }

  private toggle(index: number, on: boolean): void {
    const chosen = new Set(this.chosen);
    if (on) chosen.add(index);
    else chosen.delete(index);
    this.chosen = chosen;
  }

  private capture(indexes: number[]): void {
    this.dispatchEvent(new CustomEvent<ContactsChosenDetail>('dd-contacts-capture', { detail: { indexes }, bubbles: true, composed: true }));
  }

  private row(contact: CapturedContact, index: number): TemplateResult {
    const name = contact.name?.value ?? t('capture_contact_unnamed');
    const meta = [contact.phones.map((phone) => phone.value).join(' / '), contact.city?.value, contact.vehicle?.series?.value].filter(Boolean).join(' · ');
    return html`<li>
      <input type="checkbox" aria-label=${name} .checked=${this.chosen.has(index)} @change=${(e: Event) => this.toggle(index, (e.target as HTMLInputElement).checked)} />
      <div class="who">
        <div class="name" title=${name}>${name} <span class="meta">${t(contact.kind === 'person' ? 'capture_kind_person' : 'capture_kind_business')}</span></div>
        <div class="meta" title=${meta}>${meta}</div>
      </div>
      <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('dd-contact-use', { detail: { index }, bubbles: true, composed: true }))}>${t('capture_contact_use')}</button>
    </li>`;
  }

  override render(): TemplateResult {
    if (this.contacts.length === 0) return html`<p class="empty">${t('capture_contacts_none')}</p>`;
    const chosen = [...this.chosen].sort((a, b) => a - b);
    const all = this.contacts.map((_, index) => index);
    return html`<ul>
        ${this.contacts.map((contact, index) => this.row(contact, index))}
      </ul>
      ${this.contacts.length > 1
        ? html`<div class="bar">
            <button type="button" @click=${() => (this.chosen = new Set(all))}>${t('capture_contacts_select_all')}</button>
            <button type="button" class="capture-chosen" ?disabled=${this.busy || chosen.length === 0} @click=${() => this.capture(chosen)}>${t('capture_contacts_save_selected', chosen.length)}</button>
            <button type="button" class="capture-all primary" ?disabled=${this.busy} @click=${() => this.capture(all)}>${t('capture_contacts_save_all', this.contacts.length)}</button>
          </div>`
        : nothing}`;
  }
}
