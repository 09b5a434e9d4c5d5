import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import dayjs from 'dayjs';
import { t, type MessageKey } from '../../core/i18n';
import {
  AGE_RANGES,
  DEAL_STATUSES,
  GENDERS,
  GRADES,
  PURCHASE_WINDOWS,
  SOURCE_CHANNELS,
  STAGES,
  URGENCIES,
} from '../../core/vocabulary';
import { LocaleController } from '../controllers/locale-controller';
import { customerCardStyles } from './customer-card.styles';

/** The card as this component edits it: the shape storage's customer input takes (loosely typed). */
export interface CustomerCard {
  name: string;
  phones: { number: string; label?: string; primary?: boolean }[];
  [field: string]: unknown;
}

/** A rejected field, as storage reports it. */
export interface CardFieldError {
  path: string;
  field?: string;
  message: string;
}

type Plain = Record<string, unknown>;

const SECTIONS = ['basics', 'source', 'needs', 'testDrives', 'decision', 'deal', 'ownedVehicle', 'afterSales'] as const;
const SECTION_LABEL: Record<(typeof SECTIONS)[number], MessageKey> = {
  basics: 'section_basics',
  source: 'field_source',
  needs: 'section_needs',
  testDrives: 'field_testDrives',
  decision: 'dashboard_section_decision',
  deal: 'field_deal',
  ownedVehicle: 'field_ownedVehicle',
  afterSales: 'dashboard_section_after_sales',
};

/** Which control shows the error of which path: phones by position, a list item under its list. */
function controlOf(path: string): string {
  if (/^phones(\.0)?(\.number)?$/.test(path)) return 'phone';
  if (/^phones\.1/.test(path)) return 'phone2';
  if (/^testDrives\.\d+\.\w+/.test(path)) return path;
  return path.replace(/\.\d+$/, '');
}

const LIST_SEPARATOR = /[,，、;；\n]/;
const at = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const toLocal = (value: unknown, withTime: boolean): string =>
  typeof value === 'number' ? dayjs(value).format(withTime ? 'YYYY-MM-DDTHH:mm' : 'YYYY-MM-DD') : '';
const get = (object: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Plain)[key] : undefined), object);

/** What a control shows for a stored value; a control still showing it was not touched. */
function shownValue(value: unknown, kind: string): string {
  if (value === undefined || value === null) return '';
  if (kind === 'date' || kind === 'datetime-local') return toLocal(value, kind === 'datetime-local');
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function setPath(target: Plain, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = node[key] = next && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Plain) } : {};
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** A nested object with its empty members dropped; `undefined` when nothing is left. */
function pruned(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const entries = Object.entries(value as Plain).filter(([, member]) => member !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/**
 * The full customer card (客户信息卡): every module of the data model in its own section, the
 * follow-up timeline, open callbacks and scripts in slots beside it. Validation belongs to storage:
 * the host saves the card and hands back `errors`, shown beside their fields; nothing typed is lost.
 * Ctrl+S (⌘S) saves from anywhere in the card.
 *
 * @event dd-customer-submit - `{ draft }`: the user asked to save the card.
 * @event dd-customer-input - `{ draft }`: the card was edited (the host may keep it as a draft).
 * @event dd-customer-discard - the user dropped their unsaved changes.
 * @slot timeline - follow-up timeline.
 * @slot callbacks - open callbacks.
 * @slot scripts - call and message scripts.
 * @csspart form - the form element.
 */
export class DdCustomerCard extends LitElement {
  static override styles = customerCardStyles;
  static override properties = {
    value: { attribute: false },
    errors: { attribute: false },
    busy: { type: Boolean },
    dirty: { type: Boolean },
    drives: { state: true },
  };

  declare value: CustomerCard | undefined;
  declare errors: CardFieldError[];
  declare busy: boolean;
  /** True while the card holds changes not saved yet (set by typing, cleared by the host after a save). */
  declare dirty: boolean;
  declare drives: number;

  constructor() {
    super();
    this.errors = [];
    this.busy = false;
    this.dirty = false;
    this.drives = 0;
    new LocaleController(this);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.drives = ((this.value?.testDrives as unknown[]) ?? []).length;
  }

  override updated(changed: PropertyValues<this>): void {
    // A select shows the card's value once its options exist (a new card, or a test drive added).
    if (changed.has('value')) for (const select of this.renderRoot.querySelectorAll<HTMLSelectElement>('select[data-value]')) select.value = select.dataset.value ?? '';
  }

  private errorFor(control: string): CardFieldError | undefined {
    return this.errors.find((error) => controlOf(error.path) === control);
  }

  private field(name: string, label: MessageKey, control: TemplateResult, wide = false): TemplateResult {
    const error = this.errorFor(name);
    const id = name.replace(/\./g, '-');
    return html`<label class=${wide ? 'wide' : ''}>
      <span>${t(label)}</span>
      ${control}
      ${error ? html`<span class="error" id="${id}-error" role="alert">${error.message}</span>` : nothing}
    </label>`;
  }

  private input(name: string, label: MessageKey, value: unknown, type = 'text', wide = false): TemplateResult {
    const invalid = !!this.errorFor(name);
    const id = name.replace(/\./g, '-');
    const shown = shownValue(value, type);
    return this.field(
      name,
      label,
      html`<input
        name=${name}
        type=${type}
        data-kind=${Array.isArray(value) || ['needs.brands', 'needs.concerns', 'needs.comparedModels', 'tags', 'objections', 'materialsGiven'].includes(name) ? 'list' : type}
        .value=${shown}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? `${id}-error` : nothing}
      />`,
      wide,
    );
  }

  private select(name: string, label: MessageKey, options: readonly string[], selected: unknown, prefix: string, blank = false): TemplateResult {
    return this.field(
      name,
      label,
      html`<select name=${name} data-value=${String(selected ?? '')} aria-invalid=${this.errorFor(name) ? 'true' : 'false'}>
        ${blank ? html`<option value="" ?selected=${!selected}>—</option>` : nothing}
        ${options.map((option) => html`<option value=${option} ?selected=${option === selected}>${t(`${prefix}${option}` as MessageKey)}</option>`)}
      </select>`,
    );
  }

  private section(id: (typeof SECTIONS)[number], body: TemplateResult): TemplateResult {
    return html`<fieldset id="section-${id}"><legend>${t(SECTION_LABEL[id])}</legend>${body}</fieldset>`;
  }

  private testDriveRows(card: CustomerCard): TemplateResult {
    const drives = (card.testDrives as Plain[] | undefined) ?? [];
    return html`${Array.from({ length: this.drives }, (_, index) => {
        const drive = drives[index] ?? {};
        return html`<div class="drive" data-drive=${index}>
          ${this.input(`testDrives.${index}.model`, 'field_testDrives_model', drive.model)}
          ${this.input(`testDrives.${index}.at`, 'field_testDrives_at', drive.at, 'datetime-local')}
          ${this.input(`testDrives.${index}.feedback`, 'dashboard_field_test_drive_feedback', drive.feedback)}
          <button type="button" @click=${() => this.removeDrive(index)}>${t('dashboard_action_remove')}</button>
        </div>`;
      })}
      <div class="wide"><button type="button" @click=${this.addDrive}>${t('dashboard_action_add_test_drive')}</button></div>`;
  }

  private addDrive(): void {
    this.value = { ...this.readDraft(), testDrives: [...((this.readDraft().testDrives as unknown[]) ?? []), { model: '', at: Date.now() }] };
    this.markDirty();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`[name="testDrives.${this.drives - 1}.model"]`)?.focus());
  }

  private removeDrive(index: number): void {
    const draft = this.readDraft();
    this.value = { ...draft, testDrives: ((draft.testDrives as unknown[]) ?? []).filter((_, i) => i !== index) };
    this.markDirty();
  }

  override render(): TemplateResult {
    const card: CustomerCard = this.value ?? { name: '', phones: [] };
    const placed = (error: CardFieldError): boolean => !!this.renderRoot.querySelector(`[name="${controlOf(error.path)}"]`);
    const lost = get(card, 'deal.lost') as Plain | undefined;
    return html`<nav aria-label=${t('customer_card_title')}>
        ${SECTIONS.map((id) => html`<a href="#section-${id}" @click=${(event: Event) => this.jump(event, id)}>${t(SECTION_LABEL[id])}</a>`)}
      </nav>
      <form part="form" novalidate @submit=${this.onSubmit} @input=${this.markDirty} @keydown=${this.onKey}>
        ${this.section(
          'basics',
          html`${this.input('name', 'field_name', card.name)}
          ${this.select('gender', 'field_gender', GENDERS, card.gender ?? 'unknown', 'gender_')}
          ${this.select('ageRange', 'field_ageRange', AGE_RANGES, card.ageRange, 'dashboard_age_', true)}
          ${this.input('phone', 'field_phone', card.phones[0]?.number, 'tel')}
          ${this.input('phone2', 'field_phone2', card.phones[1]?.number, 'tel')}
          ${this.input('wechat', 'field_wechat', card.wechat)}
          ${this.input('city', 'field_city', card.city)}
          ${this.input('address', 'field_address', card.address)}
          ${this.input('qq', 'field_qq', card.qq)}
          ${this.input('email', 'field_email', card.email, 'email')}
          ${this.input('birthday', 'field_birthday', card.birthday)}
          ${this.select('stage', 'field_stage', STAGES, card.stage ?? 'potential', 'stage_')}
          ${this.select('grade', 'field_grade', GRADES, card.grade ?? 'C', 'grade_')}
          ${this.input('consultant', 'field_consultant', card.consultant)}
          ${this.input('tags', 'field_tags', card.tags ?? [])}
          ${this.field('notes', 'field_notes', html`<textarea name="notes" rows="2" .value=${(card.notes as string) ?? ''}></textarea>`, true)}`,
        )}
        ${this.section(
          'source',
          html`${this.select('source.channel', 'field_source_channel', SOURCE_CHANNELS, get(card, 'source.channel') ?? 'walk_in', 'channel_')}
          ${this.input('source.site', 'field_source_site', get(card, 'source.site'))}
          ${this.input('source.url', 'field_source_url', get(card, 'source.url'), 'url')}
          ${this.input('source.capturedAt', 'dashboard_field_captured_at', get(card, 'source.capturedAt'), 'datetime-local')}`,
        )}
        ${this.section(
          'needs',
          html`${this.input('needs.brands', 'field_needs_brands', get(card, 'needs.brands') ?? [])}
          ${this.input('needs.series', 'field_needs_series', get(card, 'needs.series'))}
          ${this.input('needs.trimPreferences', 'field_needs_trimPreferences', get(card, 'needs.trimPreferences'))}
          ${this.input('needs.colour', 'field_needs_colour', get(card, 'needs.colour'))}
          ${this.input('needs.budgetMin', 'field_needs_budgetMin', get(card, 'needs.budgetMin'), 'number')}
          ${this.input('needs.budgetMax', 'field_needs_budgetMax', get(card, 'needs.budgetMax'), 'number')}
          ${this.input('needs.purpose', 'field_needs_purpose', get(card, 'needs.purpose'))}
          ${this.select('needs.urgency', 'field_needs_urgency', URGENCIES, get(card, 'needs.urgency'), 'dashboard_urgency_', true)}
          ${this.select('needs.purchaseWindow', 'field_needs_purchaseWindow', PURCHASE_WINDOWS, get(card, 'needs.purchaseWindow'), 'window_', true)}
          ${this.input('needs.concerns', 'dashboard_field_concerns_ordered', get(card, 'needs.concerns') ?? [], 'text', true)}
          ${this.input('needs.comparedModels', 'field_needs_comparedModels', get(card, 'needs.comparedModels') ?? [], 'text', true)}`,
        )}
        ${this.section('testDrives', this.testDriveRows(card))}
        ${this.section(
          'decision',
          html`${this.input('decisionMaker', 'field_decisionMaker', card.decisionMaker)}
          ${this.input('objections', 'field_objections', card.objections ?? [], 'text', true)}
          ${this.input('materialsGiven', 'field_materialsGiven', card.materialsGiven ?? [], 'text', true)}`,
        )}
        ${this.section(
          'deal',
          html`${this.select('deal.status', 'field_deal_status', DEAL_STATUSES, get(card, 'deal.status') ?? 'open', 'dashboard_deal_')}
          ${this.input('deal.won.model', 'field_deal_won_model', get(card, 'deal.won.model'))}
          ${this.input('deal.won.trim', 'dashboard_field_won_trim', get(card, 'deal.won.trim'))}
          ${this.input('deal.won.colour', 'dashboard_field_won_colour', get(card, 'deal.won.colour'))}
          ${this.input('deal.won.price', 'field_deal_won_price', get(card, 'deal.won.price'), 'number')}
          ${this.input('deal.won.orderedAt', 'dashboard_field_ordered_at', get(card, 'deal.won.orderedAt'), 'date')}
          ${this.input('deal.won.deliveredAt', 'dashboard_field_delivered_at', get(card, 'deal.won.deliveredAt'), 'date')}
          ${this.input('deal.won.consultant', 'dashboard_field_won_consultant', get(card, 'deal.won.consultant'))}
          ${this.input('deal.lost.reason', 'field_deal_lost_reason', get(card, 'deal.lost.reason'))}
          ${this.input('deal.lost.competitorModel', 'field_deal_lost_competitorModel', get(card, 'deal.lost.competitorModel'))}
          ${lost?.approval ? html`<p class="note">${t('dashboard_lost_approval_state', t(`approval_state_${String(lost.approval)}` as MessageKey))}</p>` : nothing}`,
        )}
        ${this.section(
          'ownedVehicle',
          html`${this.input('ownedVehicle.model', 'field_ownedVehicle_model', get(card, 'ownedVehicle.model'))}
          ${this.input('ownedVehicle.plate', 'field_ownedVehicle_plate', get(card, 'ownedVehicle.plate'))}
          ${this.input('ownedVehicle.vin', 'field_ownedVehicle_vin', get(card, 'ownedVehicle.vin'))}
          ${this.input('ownedVehicle.purchasedAt', 'dashboard_field_purchased_at', get(card, 'ownedVehicle.purchasedAt'), 'date')}`,
        )}
        ${this.section(
          'afterSales',
          html`${this.input('ownedVehicle.mileageKm', 'field_ownedVehicle_mileageKm', get(card, 'ownedVehicle.mileageKm'), 'number')}
          ${this.input('ownedVehicle.lastServiceAt', 'dashboard_field_last_service', get(card, 'ownedVehicle.lastServiceAt'), 'date')}
          ${this.input('ownedVehicle.insuranceExpiresAt', 'field_ownedVehicle_insuranceExpiresAt', get(card, 'ownedVehicle.insuranceExpiresAt'), 'date')}`,
        )}
        ${this.errors.length
          ? html`<p class="summary" role="alert">
              ${t('form_has_errors', this.errors.length)}
              ${this.errors.filter((error) => !placed(error)).map((error) => html`<br />${error.field ?? error.path}: ${error.message}`)}
            </p>`
          : nothing}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${t('action_save')}</button>
          ${this.dirty
            ? html`<span class="dirty" role="status">${t('dashboard_unsaved')}</span>
                <button type="button" @click=${this.discard}>${t('dashboard_action_discard')}</button>`
            : nothing}
        </div>
      </form>
      <div class="related">
        <slot name="callbacks"></slot>
        <slot name="timeline"></slot>
        <slot name="scripts"></slot>
      </div>`;
  }

  private jump(event: Event, id: string): void {
    event.preventDefault();
    const section = this.renderRoot.querySelector<HTMLElement>(`#section-${id}`);
    section?.scrollIntoView({ block: 'start' });
    section?.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true });
  }

  private markDirty(): void {
    this.dirty = true;
    this.dispatchEvent(new CustomEvent('dd-customer-input', { detail: { draft: this.readDraft() }, bubbles: true, composed: true }));
  }

  private discard(): void {
    this.dispatchEvent(new CustomEvent('dd-customer-discard', { bubbles: true, composed: true }));
  }

  private onKey(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      this.submit();
    }
  }

  /** The card built from what is in the controls now, over the card being edited. */
  readDraft(): CustomerCard {
    const form = this.renderRoot.querySelector('form');
    const base = structuredClone(this.value ?? { name: '', phones: [] }) as CustomerCard;
    if (!form) return base;
    const draft: Plain = { ...base };
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('[name]')) {
      const name = control.name;
      if (name === 'phone' || name === 'phone2' || name.startsWith('testDrives.')) continue;
      const kind = control.dataset.kind ?? control.type;
      // Untouched: keep exactly what is stored (seconds of a time, commas inside a list item…).
      if (control.value === shownValue(get(base, name), kind)) continue;
      const raw = control.value.trim();
      let value: unknown = raw === '' ? undefined : raw;
      if (kind === 'list') value = raw.split(LIST_SEPARATOR).map((item) => item.trim()).filter(Boolean);
      else if (raw !== '' && kind === 'number') value = Number(raw);
      else if (raw !== '' && (kind === 'date' || kind === 'datetime-local')) value = dayjs(raw).valueOf();
      setPath(draft, name, value);
    }
    const phones = ['phone', 'phone2']
      .map((name, index) => {
        const number = (form.querySelector<HTMLInputElement>(`[name=${name}]`)?.value ?? '').trim();
        const previous = base.phones[index];
        if (previous && number === previous.number) return previous;
        return number ? { label: previous?.label ?? 'mobile', primary: index === 0, number } : undefined;
      })
      .filter((phone) => phone !== undefined);
    // A third and later phones are not shown here: keep them.
    draft.phones = [...phones, ...base.phones.slice(2)];
    draft.testDrives = Array.from({ length: this.drives }, (_, index) => {
      const value = (field: string): string => (form.querySelector<HTMLInputElement>(`[name="testDrives.${index}.${field}"]`)?.value ?? '').trim();
      const when = value('at');
      const stored = ((base.testDrives as Plain[] | undefined) ?? [])[index];
      const storedAt = stored && when === toLocal(stored.at, true) ? at(stored.at) : undefined;
      return pruned({ model: value('model'), at: storedAt ?? (when ? dayjs(when).valueOf() : undefined), feedback: value('feedback') || undefined });
    });
    for (const group of ['source', 'needs', 'ownedVehicle']) draft[group] = pruned(draft[group]);
    const deal = (draft.deal ?? { status: 'open' }) as Plain;
    deal.won = pruned(deal.won);
    deal.lost = pruned(deal.lost);
    // Marking a deal lost (战败) asks the manager: the request waits for approval.
    const lostNow = deal.lost as Plain | undefined;
    if (deal.status === 'lost' && lostNow && !lostNow.approval) Object.assign(lostNow, { approval: 'pending', requestedAt: Date.now() });
    draft.deal = pruned(deal);
    return draft as CustomerCard;
  }

  /** Submits what is typed (as the Save button does). */
  submit(): void {
    const draft = this.readDraft();
    // Keep what was typed on screen whatever storage answers.
    this.value = draft;
    this.dispatchEvent(new CustomEvent('dd-customer-submit', { detail: { draft }, bubbles: true, composed: true }));
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.submit();
  }
}

declare global {
  interface HTMLElementEventMap {
    'dd-customer-input': CustomEvent<{ draft: CustomerCard }>;
    'dd-customer-discard': CustomEvent<void>;
  }
}
