import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { t, type MessageKey } from '../../core/i18n';
import { DEFAULT_CADENCE, DEFAULT_FOLLOW_UP_RULES, type FollowUpRules } from '../../core/cadence/rules';
import { HOLIDAY_IDS, type HolidayId } from '../../core/cadence/holidays';
import type { Grade } from '../../core/vocabulary';
import { LocaleController } from '../controllers/locale-controller';
import { fieldErrorStyles, fieldStyles, focusRingStyles, hostStyles, primaryButtonStyles } from '../styles';
import { settingsFormStyles } from './settings-form.styles';

export type LanguageChoice = 'auto' | 'zh_CN' | 'en';

/** The settings this form edits (storage's Settings has these and more). */
export interface SettingsValues {
  consultant: { name: string; phone: string; title?: string | undefined };
  store: { name: string; brand: string };
  language: LanguageChoice;
  workingHours: { start: string; end: string };
  quietHours: { start: string; end: string };
  cadence: Partial<Record<Grade, number | null>>;
  /** The cadence's other numbers, as the planner reads them. */
  followUpRules: Omit<FollowUpRules, 'cadence'>;
}

type Section = keyof SettingsValues;

/**
 * The sections the consultant changed, whole, as typed: a number field that is not a number is sent
 * as its text (and an empty one as null) so that storage refuses it and says why.
 */
export type SettingsPatch = { [K in Section]?: unknown };

export interface SettingsFieldError {
  path: string;
  field?: string;
  message: string;
}

const CADENCE_GRADES = ['H', 'A', 'B', 'C'] as const;
const LANGUAGES: readonly LanguageChoice[] = ['auto', 'zh_CN', 'en'];
const RULES = ['firstServiceKm', 'firstServiceMonths', 'firstServiceLeadDays', 'dormantAfterYears'] as const;

/** Every text field of the form, by its path in the settings record. */
type Draft = Record<string, string>;

function numberOrText(value: string): number | string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^[-+]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function draftOf(settings: SettingsValues): Draft {
  const draft: Draft = {
    'consultant.name': settings.consultant.name,
    'consultant.phone': settings.consultant.phone,
    'consultant.title': settings.consultant.title ?? '',
    'store.name': settings.store.name,
    'store.brand': settings.store.brand,
    language: settings.language,
    'workingHours.start': settings.workingHours.start,
    'workingHours.end': settings.workingHours.end,
    'quietHours.start': settings.quietHours.start,
    'quietHours.end': settings.quietHours.end,
    'followUpRules.insuranceDaysBefore': settings.followUpRules.insuranceDaysBefore.join(', '),
  };
  for (const grade of CADENCE_GRADES) draft[`cadence.${grade}`] = String(settings.cadence[grade] ?? '');
  for (const rule of RULES) draft[`followUpRules.${rule}`] = String(settings.followUpRules[rule]);
  return draft;
}

/**
 * The consultant's settings: profile (filled into scripts), store, language, working and quiet hours,
 * the grade cadence and the follow-up rules. One Save sends only the sections that changed; storage
 * validates, and its field errors come back by path and show beside their fields. What was typed stays
 * until a save succeeds (the host then sets `settings` to what was stored).
 *
 * @event dd-settings-save - `{ patch: SettingsPatch }`: store these sections.
 * @csspart form - the form element.
 */
export class DdSettingsForm extends LitElement {
  static override styles = [hostStyles, fieldStyles, fieldErrorStyles, primaryButtonStyles, settingsFormStyles, focusRingStyles];
  static override properties = {
    /** What is stored now. */
    settings: { attribute: false },
    errors: { attribute: false },
    busy: { type: Boolean },
    /** How many saves the host has stored: each new count shows the confirmation until the consultant types again. */
    saves: { type: Number },
    confirming: { state: true },
    draft: { state: true },
    holidays: { state: true },
  };

  declare settings: SettingsValues | undefined;
  declare errors: SettingsFieldError[];
  declare busy: boolean;
  declare saves: number;
  declare confirming: boolean;
  declare draft: Draft;
  declare holidays: HolidayId[];

  constructor() {
    super();
    this.errors = [];
    this.busy = false;
    this.saves = 0;
    this.confirming = false;
    this.draft = {};
    this.holidays = [];
    new LocaleController(this);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('settings') && this.settings) {
      this.draft = draftOf(this.settings);
      this.holidays = [...this.settings.followUpRules.holidays];
    }
    if (changed.has('saves') && this.saves > 0) this.confirming = true;
    if (changed.has('errors') && this.errors.length) this.confirming = false;
  }

  override updated(changed: Map<string, unknown>): void {
    // After a refused save the keyboard lands on the first field to fix.
    if (changed.has('errors') && this.errors.length) this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** The form's sections as storage would take them. */
  private sections(draft: Draft, holidays: readonly HolidayId[], cadence: SettingsValues['cadence']): Record<Section, unknown> {
    const title = draft['consultant.title']!.trim();
    return {
      consultant: { name: draft['consultant.name']!.trim(), phone: draft['consultant.phone']!.trim(), ...(title ? { title } : {}) },
      store: { name: draft['store.name']!.trim(), brand: draft['store.brand']!.trim() },
      language: draft.language,
      workingHours: { start: draft['workingHours.start'], end: draft['workingHours.end'] },
      quietHours: { start: draft['quietHours.start'], end: draft['quietHours.end'] },
      // O and F have no cadence table entry to edit: whatever is stored stays.
      cadence: { ...cadence, ...Object.fromEntries(CADENCE_GRADES.map((grade) => [grade, numberOrText(draft[`cadence.${grade}`]!)])) },
      followUpRules: {
        ...Object.fromEntries(RULES.map((rule) => [rule, numberOrText(draft[`followUpRules.${rule}`]!)])),
        insuranceDaysBefore: draft['followUpRules.insuranceDaysBefore']!.split(/[\s,，、;；]+/).filter(Boolean).map(numberOrText),
        holidays: HOLIDAY_IDS.filter((id) => holidays.includes(id)),
      },
    };
  }

  /** The sections that differ from what is stored. */
  changes(): SettingsPatch {
    if (!this.settings) return {};
    const stored = this.sections(draftOf(this.settings), this.settings.followUpRules.holidays, this.settings.cadence);
    const typed = this.sections(this.draft, this.holidays, this.settings.cadence);
    const patch: SettingsPatch = {};
    for (const section of Object.keys(typed) as Section[]) {
      if (JSON.stringify(typed[section]) !== JSON.stringify(stored[section])) patch[section] = typed[section];
    }
    return patch;
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    this.dispatchEvent(new CustomEvent('dd-settings-save', { detail: { patch: this.changes() }, bubbles: true, composed: true }));
  }

  private edit(path: string, value: string): void {
    this.draft = { ...this.draft, [path]: value };
    this.confirming = false;
  }

  private toggleHoliday(id: HolidayId, on: boolean): void {
    this.holidays = on ? [...this.holidays.filter((other) => other !== id), id] : this.holidays.filter((other) => other !== id);
    this.confirming = false;
  }

  /** Puts the built-in cadence and follow-up numbers in the form (saved only with Save). */
  restoreDefaults(): void {
    const draft = { ...this.draft };
    for (const grade of CADENCE_GRADES) draft[`cadence.${grade}`] = String(DEFAULT_CADENCE[grade] ?? '');
    for (const rule of RULES) draft[`followUpRules.${rule}`] = String(DEFAULT_FOLLOW_UP_RULES[rule]);
    draft['followUpRules.insuranceDaysBefore'] = DEFAULT_FOLLOW_UP_RULES.insuranceDaysBefore.join(', ');
    this.draft = draft;
    this.holidays = [...DEFAULT_FOLLOW_UP_RULES.holidays];
    this.confirming = false;
  }

  private errorsAt(path: string): SettingsFieldError[] {
    return this.errors.filter((error) => error.path === path || error.path.startsWith(`${path}.`));
  }

  private errorId(path: string): string {
    return `error-${path.replace(/\./g, '-')}`;
  }

  private errorText(path: string): TemplateResult | typeof nothing {
    const errors = this.errorsAt(path);
    if (!errors.length) return nothing;
    // A list's errors name the item (第 2 个 / #2).
    const item = (error: SettingsFieldError) => Number(error.path.slice(path.length + 1).split('.')[0]);
    const text = errors.map((error) => (error.path === path ? error.message : `${t('settings_list_item', item(error) + 1)}: ${error.message}`)).join('; ');
    return html`<span class="error" id=${this.errorId(path)} data-path=${path}>${text}</span>`;
  }

  private field(path: string, label: string, options: { type?: string; inputmode?: string; autocomplete?: string; wide?: boolean; hint?: string } = {}): TemplateResult {
    const invalid = this.errorsAt(path).length > 0;
    return html`<label class=${options.wide ? 'wide' : ''}
      >${label}
      <input
        name=${path}
        type=${options.type ?? 'text'}
        inputmode=${options.inputmode ?? nothing}
        autocomplete=${options.autocomplete ?? 'off'}
        .value=${live(this.draft[path] ?? '')}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? this.errorId(path) : nothing}
        @input=${(event: Event) => this.edit(path, (event.target as HTMLInputElement).value)}
      />
      ${options.hint ? html`<span class="note">${options.hint}</span>` : nothing}
      ${this.errorText(path)}
    </label>`;
  }

  private number(path: string, label: string, hint?: string): TemplateResult {
    return this.field(path, label, { inputmode: 'numeric', ...(hint ? { hint } : {}) });
  }

  /** Errors at paths this form has no field for (e.g. a stored value from an older version). */
  private otherErrors(): SettingsFieldError[] {
    const known = [...Object.keys(this.draft), 'followUpRules.holidays', 'cadence'];
    return this.errors.filter((error) => !known.some((path) => error.path === path || error.path.startsWith(`${path}.`)));
  }

  override render(): TemplateResult {
    if (!this.settings) return html`<p class="note">${t('settings_loading')}</p>`;
    const others = this.otherErrors();
    return html`<form part="form" novalidate @submit=${this.submit}>
      ${this.errors.length
        ? html`<div class="error summary" role="alert">
            ${t('settings_error_summary', this.errors.length)}
            ${others.length ? html`<ul>${others.map((error) => html`<li>${error.field ?? error.path}: ${error.message}</li>`)}</ul>` : nothing}
          </div>`
        : nothing}
      <fieldset>
        <legend>${t('settings_consultant')}</legend>
        ${this.field('consultant.name', t('settings_consultant_name'), { autocomplete: 'name' })}
        ${this.field('consultant.phone', t('settings_consultant_phone'), { type: 'tel', autocomplete: 'tel' })}
        ${this.field('consultant.title', t('settings_consultant_title'))}
        <p class="note">${t('settings_consultant_note')}</p>
      </fieldset>
      <fieldset>
        <legend>${t('settings_store')}</legend>
        ${this.field('store.name', t('settings_store_name'))} ${this.field('store.brand', t('settings_store_brand'))}
      </fieldset>
      <fieldset>
        <legend>${t('settings_language')}</legend>
        <label
          >${t('settings_language_label')}
          <select name="language" .value=${live(this.draft.language ?? 'auto')} @change=${(event: Event) => this.edit('language', (event.target as HTMLSelectElement).value)}>
            ${LANGUAGES.map(
              (language) => html`<option value=${language} ?selected=${this.draft.language === language}>${t(`settings_language_${language}` as MessageKey)}</option>`,
            )}
          </select>
          ${this.errorText('language')}
        </label>
      </fieldset>
      <fieldset>
        <legend>${t('settings_hours')}</legend>
        ${this.field('workingHours.start', t('settings_working_start'), { type: 'time' })}
        ${this.field('workingHours.end', t('settings_working_end'), { type: 'time' })}
        ${this.field('quietHours.start', t('settings_quiet_start'), { type: 'time' })}
        ${this.field('quietHours.end', t('settings_quiet_end'), { type: 'time' })}
        <p class="note">${t('settings_hours_note')}</p>
      </fieldset>
      <fieldset>
        <legend>${t('settings_cadence')}</legend>
        ${CADENCE_GRADES.map((grade) => this.number(`cadence.${grade}`, t('settings_cadence_days', t(`grade_${grade}` as MessageKey))))}
        <p class="note">${t('settings_cadence_note')}</p>
      </fieldset>
      <fieldset>
        <legend>${t('settings_rules')}</legend>
        ${this.number('followUpRules.firstServiceKm', t('settings_first_service_km'))}
        ${this.number('followUpRules.firstServiceMonths', t('settings_first_service_months'))}
        ${this.number('followUpRules.firstServiceLeadDays', t('settings_first_service_lead_days'))}
        ${this.field('followUpRules.insuranceDaysBefore', t('settings_insurance_days'), { inputmode: 'numeric', hint: t('settings_insurance_note') })}
        ${this.number('followUpRules.dormantAfterYears', t('settings_dormant_years'))}
        <fieldset class="checks wide" aria-describedby=${this.errorsAt('followUpRules.holidays').length ? this.errorId('followUpRules.holidays') : nothing}>
          <legend>${t('settings_holidays')}</legend>
          ${HOLIDAY_IDS.map(
            (id) => html`<label
              ><input
                type="checkbox"
                name="holiday"
                value=${id}
                .checked=${live(this.holidays.includes(id))}
                @change=${(event: Event) => this.toggleHoliday(id, (event.target as HTMLInputElement).checked)}
              />${t(`cadence_holiday_${id}` as MessageKey)}</label
            >`,
          )}
          ${this.errorText('followUpRules.holidays')}
        </fieldset>
      </fieldset>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${t('settings_save')}</button>
        <button type="button" class="plain restore" @click=${() => this.restoreDefaults()}>${t('settings_restore_defaults')}</button>
        ${this.confirming ? html`<p class="saved" role="status">${t('settings_saved')}</p>` : nothing}
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dd-settings-save': CustomEvent<{ patch: SettingsPatch }>;
  }
}
