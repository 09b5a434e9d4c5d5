import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../../core/i18n';
import { GRADES, SOURCE_CHANNELS } from '../../core/vocabulary';
import { LocaleController } from '../controllers/locale-controller';
import { captureFormStyles } from './capture-form.styles';

/** The capture form's controls, by name (the end-to-end contract). */
export const CAPTURE_FIELDS = ['name', 'phone', 'wechat', 'city', 'address', 'brand', 'series', 'trim', 'price', 'source', 'url', 'note'] as const;
export type CaptureField = (typeof CAPTURE_FIELDS)[number];

/** A lead as the form holds it: one string per control, plus the grade. */
export type CaptureFormValue = Partial<Record<CaptureField, string>> & { grade?: string };

/** Where each pre-filled value came from (a FieldSource of core/extract), shown beside it. */
export type CaptureFormSources = Partial<Record<CaptureField, string>>;

export interface CaptureFieldError {
  path: string;
  field?: string;
  message: string;
}

export interface CaptureSubmitDetail {
  value: CaptureFormValue;
}

const LABELS: Record<CaptureField, MessageKey> = {
  name: 'field_name',
  phone: 'field_phone',
  wechat: 'field_wechat',
  city: 'field_city',
  address: 'field_address',
  brand: 'capture_label_brand',
  series: 'capture_label_series',
  trim: 'capture_label_trim',
  price: 'capture_label_price',
  source: 'field_source_channel',
  url: 'field_source_url',
  note: 'field_notes',
};

// Which control shows the error of which storage path.
const CONTROL_OF_PATH: [RegExp, CaptureField | 'grade'][] = [
  [/^phones/, 'phone'],
  [/^needs\.brands/, 'brand'],
  [/^needs\.series/, 'series'],
  [/^needs\.trim/, 'trim'],
  [/^source\.channel/, 'source'],
  [/^source\.url/, 'url'],
  [/^notes/, 'note'],
  [/^(name|wechat|city|address|grade)/, 'name'],
];

function controlOf(path: string): string {
  const direct = /^(name|wechat|city|address|grade)$/.exec(path)?.[1];
  return direct ?? CONTROL_OF_PATH.find(([pattern]) => pattern.test(path))?.[1] ?? path;
}

/**
 * The capture form: a lead pre-filled from the page, to check and save. Storage validates; the host
 * hands back `errors`, shown beside their fields, and nothing typed is lost on a refused save.
 *
 * @event dd-capture-submit - `CaptureSubmitDetail`: the user asked to save this lead.
 * @event dd-capture-phone - `{ phone: string }`: the phone changed (for the duplicate check).
 * @csspart form - the form element.
 * @cssproperty --dd-accent - the save button.
 * @cssproperty --dd-danger - errors.
 */
export class DdCaptureForm extends LitElement {
  static override styles = captureFormStyles;
  static override properties = {
    value: { attribute: false },
    sources: { attribute: false },
    suggestedGrade: { attribute: 'suggested-grade' },
    errors: { attribute: false },
    busy: { type: Boolean },
  };

  declare value: CaptureFormValue;
  declare sources: CaptureFormSources;
  declare suggestedGrade: string;
  declare errors: CaptureFieldError[];
  declare busy: boolean;

  constructor() {
    super();
    this.value = {};
    this.sources = {};
    this.suggestedGrade = 'C';
    this.errors = [];
    this.busy = false;
    new LocaleController(this);
  }

  private errorFor(control: string): CaptureFieldError | undefined {
    return this.errors.find((error) => controlOf(error.path) === control);
  }

  private control(name: CaptureField, control: TemplateResult, wide = false): TemplateResult {
    const error = this.errorFor(name);
    const source = this.sources[name];
    return html`<label class=${wide ? 'wide' : ''}>
      <span>${t(LABELS[name])}${source ? html` <span class="from">· ${t(`capture_from_${source.replace('-', '_')}` as MessageKey)}</span>` : nothing}</span>
      ${control}
      ${error ? html`<span class="error" id="${name}-error" role="alert">${error.message}</span>` : nothing}
    </label>`;
  }

  private input(name: CaptureField, type = 'text', wide = false): TemplateResult {
    const invalid = !!this.errorFor(name);
    return this.control(
      name,
      html`<input
        name=${name}
        type=${type}
        .value=${this.value[name] ?? ''}
        autocomplete="off"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? `${name}-error` : nothing}
        @change=${name === 'phone' ? this.onPhone : nothing}
      />`,
      wide,
    );
  }

  override render(): TemplateResult {
    const grade = this.value.grade ?? this.suggestedGrade;
    const channel = this.value.source ?? 'other';
    const unplaced = this.errors.filter((error) => !(CAPTURE_FIELDS as readonly string[]).includes(controlOf(error.path)));
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${this.input('name')} ${this.input('phone', 'tel')} ${this.input('wechat')} ${this.input('city')} ${this.input('address', 'text', true)}
      ${this.input('brand')} ${this.input('series')} ${this.input('trim')} ${this.input('price')}
      <label>
        <span>${t('field_grade')} <span class="from">· ${t('capture_grade_suggested', this.suggestedGrade)}</span></span>
        <select name="grade">
          ${GRADES.filter((g) => g !== 'O' && g !== 'F').map((g) => html`<option value=${g} ?selected=${g === grade}>${t(`grade_${g}` as MessageKey)}</option>`)}
        </select>
      </label>
      ${this.control(
        'source',
        html`<select name="source">
          ${SOURCE_CHANNELS.map((c) => html`<option value=${c} ?selected=${c === channel}>${t(`channel_${c}` as MessageKey)}</option>`)}
        </select>`,
      )}
      ${this.input('url', 'url', true)}
      ${this.control('note', html`<textarea name="note" rows="2" .value=${this.value.note ?? ''}></textarea>`, true)}
      ${unplaced.length ? html`<p class="summary" role="alert">${unplaced.map((error) => html`${error.field ?? error.path}: ${error.message}<br />`)}</p>` : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t('capture_saving') : t('capture_save')}</button>
      </div>
    </form>`;
  }

  /** What is in the controls now. */
  read(): CaptureFormValue {
    const form = new FormData(this.renderRoot.querySelector('form')!);
    const value: CaptureFormValue = {};
    for (const name of [...CAPTURE_FIELDS, 'grade'] as const) {
      const entry = String(form.get(name) ?? '').trim();
      if (entry) value[name] = entry;
    }
    return value;
  }

  private onPhone(): void {
    this.dispatchEvent(new CustomEvent('dd-capture-phone', { detail: { phone: this.read().phone ?? '' }, bubbles: true, composed: true }));
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const value = this.read();
    // Keep what was typed on screen, whatever storage answers.
    this.value = value;
    this.dispatchEvent(new CustomEvent<CaptureSubmitDetail>('dd-capture-submit', { detail: { value }, bubbles: true, composed: true }));
  }
}
