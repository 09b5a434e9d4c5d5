import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../../core/i18n';
import { GENDERS, GRADES, PURCHASE_WINDOWS, SOURCE_CHANNELS, STAGES } from '../../core/vocabulary';
import { LocaleController } from '../controllers/locale-controller';
import { customerFormStyles } from './customer-form.styles';

/** The card as this form edits it: the shape storage's customer input takes. */
export interface CustomerCardDraft {
  name: string;
  gender?: string;
  phones: { number: string; label?: string; primary?: boolean }[];
  wechat?: string;
  grade?: string;
  stage?: string;
  source?: { channel?: string; url?: string; site?: string; capturedAt?: number };
  needs?: { brands?: string[]; series?: string; budgetMin?: number; budgetMax?: number; purchaseWindow?: string };
  consultant?: string;
  notes?: string;
  [more: string]: unknown;
}

/** A rejected field, as storage reports it. */
export interface CustomerFieldError {
  path: string;
  field?: string;
  message: string;
}

export interface CustomerSubmitDetail {
  draft: CustomerCardDraft;
}

// Which control shows the error of which path.
const CONTROL_OF_PATH: [RegExp, string][] = [
  [/^phones(\.0)?(\.number)?$/, 'phone'],
  [/^phones\.1/, 'phone2'],
  [/^needs\.brands/, 'brand'],
  [/^needs\.series/, 'series'],
  [/^needs\.budgetMin/, 'budgetMin'],
  [/^needs\.budgetMax/, 'budgetMax'],
  [/^needs\.purchaseWindow/, 'purchaseWindow'],
  [/^source\.channel/, 'sourceChannel'],
];

const CONTROLS = new Set(['name', 'gender', 'phone', 'phone2', 'wechat', 'grade', 'stage', 'sourceChannel', 'brand', 'series', 'budgetMin', 'budgetMax', 'purchaseWindow', 'consultant', 'notes']);

function controlOf(path: string): string {
  return CONTROL_OF_PATH.find(([pattern]) => pattern.test(path))?.[1] ?? path.split('.')[0] ?? path;
}

function text(form: FormData, name: string): string | undefined {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? undefined : value;
}

function amount(form: FormData, name: string): number | undefined {
  const value = text(form, name);
  return value === undefined ? undefined : Number(value);
}

/**
 * Creates or edits a customer card. Validation belongs to storage: the host saves the draft and hands
 * back `errors`, which appear beside their fields; nothing typed is cleared on a rejected save.
 *
 * @event dd-customer-submit - `CustomerSubmitDetail`: the user asked to save this draft.
 * @csspart form - the form element.
 * @cssproperty --dd-accent - buttons and section titles.
 * @cssproperty --dd-danger - error text and invalid borders.
 */
export class DdCustomerForm extends LitElement {
  static override styles = customerFormStyles;
  static override properties = {
    value: { attribute: false },
    errors: { attribute: false },
    busy: { type: Boolean },
  };

  declare value: CustomerCardDraft | undefined;
  declare errors: CustomerFieldError[];
  declare busy: boolean;

  constructor() {
    super();
    this.errors = [];
    this.busy = false;
    new LocaleController(this);
  }

  private errorFor(control: string): CustomerFieldError | undefined {
    return this.errors.find((error) => controlOf(error.path) === control);
  }

  private field(name: string, label: MessageKey, control: TemplateResult, wide = false): TemplateResult {
    const error = this.errorFor(name);
    return html`<label class=${wide ? 'wide' : ''}>
      <span>${t(label)}</span>
      ${control}
      ${error ? html`<span class="error" id="${name}-error" role="alert">${error.message}</span>` : nothing}
    </label>`;
  }

  private input(name: string, label: MessageKey, value: string | number | undefined, type = 'text'): TemplateResult {
    const invalid = !!this.errorFor(name);
    return this.field(
      name,
      label,
      html`<input
        name=${name}
        type=${type}
        .value=${value === undefined ? '' : String(value)}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? `${name}-error` : nothing}
      />`,
    );
  }

  private select(name: string, label: MessageKey, options: readonly string[], selected: string | undefined, prefix: string): TemplateResult {
    return this.field(
      name,
      label,
      html`<select name=${name} aria-invalid=${this.errorFor(name) ? 'true' : 'false'}>
        ${options.map((option) => html`<option value=${option} ?selected=${option === selected}>${t(`${prefix}${option}` as MessageKey)}</option>`)}
      </select>`,
    );
  }

  override render(): TemplateResult {
    const draft = this.value ?? { name: '', phones: [] };
    const unplaced = this.errors.filter((error) => !CONTROLS.has(controlOf(error.path)));
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      <fieldset>
        <legend>${t('section_basics')}</legend>
        ${this.input('name', 'field_name', draft.name)}
        ${this.select('gender', 'field_gender', GENDERS, draft.gender ?? 'unknown', 'gender_')}
        ${this.input('phone', 'field_phone', draft.phones[0]?.number, 'tel')}
        ${this.input('phone2', 'field_phone2', draft.phones[1]?.number, 'tel')}
        ${this.input('wechat', 'field_wechat', draft.wechat)}
        ${this.select('grade', 'field_grade', GRADES, draft.grade ?? 'C', 'grade_')}
        ${this.select('stage', 'field_stage', STAGES, draft.stage ?? 'potential', 'stage_')}
        ${this.select('sourceChannel', 'field_source_channel', SOURCE_CHANNELS, draft.source?.channel ?? 'walk_in', 'channel_')}
      </fieldset>
      <fieldset>
        <legend>${t('section_needs')}</legend>
        ${this.input('brand', 'field_needs_brands', draft.needs?.brands?.join(', '))}
        ${this.input('series', 'field_needs_series', draft.needs?.series)}
        ${this.input('budgetMin', 'field_needs_budgetMin', draft.needs?.budgetMin, 'number')}
        ${this.input('budgetMax', 'field_needs_budgetMax', draft.needs?.budgetMax, 'number')}
        ${this.select('purchaseWindow', 'field_needs_purchaseWindow', ['', ...PURCHASE_WINDOWS], draft.needs?.purchaseWindow ?? '', 'window_')}
        ${this.input('consultant', 'field_consultant', draft.consultant)}
        ${this.field('notes', 'field_notes', html`<textarea name="notes" rows="3" .value=${draft.notes ?? ''}></textarea>`, true)}
      </fieldset>
      ${this.errors.length
        ? html`<p class="summary" role="alert">${t('form_has_errors', this.errors.length)}
            ${unplaced.map((error) => html`<br />${error.field ?? error.path}: ${error.message}`)}</p>`
        : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${t('action_save')}</button>
      </div>
    </form>`;
  }

  /** The draft built from what is in the controls now. */
  readDraft(): CustomerCardDraft {
    const form = new FormData(this.renderRoot.querySelector('form')!);
    const phones = [text(form, 'phone'), text(form, 'phone2')]
      .map((number, index) => (number ? { number, label: 'mobile', primary: index === 0 } : undefined))
      .filter((phone) => phone !== undefined);
    const base = this.value ?? { name: '', phones: [] };
    return {
      ...base,
      name: text(form, 'name') ?? '',
      gender: text(form, 'gender'),
      phones,
      wechat: text(form, 'wechat'),
      grade: text(form, 'grade'),
      stage: text(form, 'stage'),
      source: { ...base.source, channel: text(form, 'sourceChannel') },
      needs: {
        ...base.needs,
        brands: (text(form, 'brand') ?? '').split(/[,，、]/).map((brand) => brand.trim()).filter(Boolean),
        series: text(form, 'series'),
        budgetMin: amount(form, 'budgetMin'),
        budgetMax: amount(form, 'budgetMax'),
        purchaseWindow: text(form, 'purchaseWindow'),
      },
      consultant: text(form, 'consultant'),
      notes: text(form, 'notes'),
    };
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const draft = this.readDraft();
    // Keep what was typed on screen whatever storage answers.
    this.value = draft;
    this.dispatchEvent(new CustomEvent<CustomerSubmitDetail>('dd-customer-submit', { detail: { draft }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementEventMap {
    'dd-customer-submit': CustomEvent<CustomerSubmitDetail>;
  }
}
