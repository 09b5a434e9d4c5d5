import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../../core/i18n';
import { GRADES } from '../../core/vocabulary';
import { LocaleController } from '../controllers/locale-controller';
import { followUpFormStyles } from './follow-up-form.styles';

const METHODS = ['call', 'sms', 'wechat', 'store_visit', 'test_drive', 'event', 'home_visit', 'email', 'mail'] as const;
const ATTITUDES = ['positive', 'neutral', 'hesitant', 'negative'] as const;

/** What the form hands to the host: storage's follow-up log input, minus the customer. */
export interface FollowUpDraft {
  method: string;
  outcome: 'reached' | 'no_answer';
  summary: string;
  feedback?: string;
  attitude?: string;
  nextPlan?: string;
  nextAt?: number;
  grade?: string;
  lost?: { reason: string; competitorModel?: string };
  callbackId?: string;
  scriptId?: string;
}

export interface FollowUpFieldError {
  path: string;
  field?: string;
  message: string;
}

function text(form: FormData, name: string): string | undefined {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? undefined : value;
}

/**
 * Logs a contact in one step: method, outcome, summary, what the customer said, the next step, a new
 * grade, or a lost (战败) request with its reason. Validation is storage's: errors come back by path.
 *
 * @event dd-follow-up-submit - `{ draft: FollowUpDraft }`: save this follow-up.
 * @csspart form - the form element.
 */
export class DdFollowUpForm extends LitElement {
  static override styles = followUpFormStyles;
  static override properties = {
    /** The due callback this answers: its id and why it was due. */
    callback: { attribute: false },
    scriptId: { type: String, attribute: 'script-id' },
    /** The customer's grade now. */
    grade: { type: String },
    method: { type: String },
    errors: { attribute: false },
    busy: { type: Boolean },
    lost: { state: true },
  };

  declare callback: { id: string; reason: string } | undefined;
  declare scriptId: string | undefined;
  declare grade: string | undefined;
  declare method: string;
  declare errors: FollowUpFieldError[];
  declare busy: boolean;
  declare lost: boolean;

  constructor() {
    super();
    this.method = 'call';
    this.errors = [];
    this.busy = false;
    this.lost = false;
    new LocaleController(this);
  }

  /** Clears what was typed (after a successful save). */
  reset(): void {
    this.renderRoot.querySelector('form')?.reset();
    this.lost = false;
  }

  private error(...paths: string[]): string | undefined {
    return this.errors.find((error) => paths.includes(error.path))?.message;
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const nextAt = text(form, 'nextAt');
    const grade = text(form, 'grade');
    const reason = text(form, 'lostReason');
    const draft: FollowUpDraft = {
      method: text(form, 'method') ?? 'call',
      outcome: form.get('outcome') === 'no_answer' ? 'no_answer' : 'reached',
      summary: text(form, 'summary') ?? '',
      ...(text(form, 'feedback') ? { feedback: text(form, 'feedback') } : {}),
      ...(text(form, 'attitude') ? { attitude: text(form, 'attitude') } : {}),
      ...(text(form, 'nextPlan') ? { nextPlan: text(form, 'nextPlan') } : {}),
      ...(nextAt ? { nextAt: new Date(nextAt).getTime() } : {}),
      ...(grade && grade !== this.grade ? { grade } : {}),
      // A lost request without a reason is still sent: storage refuses it and says why.
      ...(this.lost ? { lost: { reason: reason ?? '', ...(text(form, 'competitor') ? { competitorModel: text(form, 'competitor') } : {}) } } : {}),
      ...(this.callback ? { callbackId: this.callback.id } : {}),
      ...(this.scriptId ? { scriptId: this.scriptId } : {}),
    };
    this.dispatchEvent(new CustomEvent('dd-follow-up-submit', { detail: { draft }, bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    const summaryError = this.error('summary');
    const reasonError = this.error('lost.reason', 'deal.lost.reason', 'deal');
    return html`<form part="form" novalidate @submit=${this.submit}>
      ${this.callback ? html`<p class="for">${t('cadence_form_for', this.callback.reason)}</p>` : nothing}
      <label
        >${t('field_method')}
        <select name="method" .value=${this.method}>
          ${METHODS.map((method) => html`<option value=${method} ?selected=${method === this.method}>${t(`cadence_method_${method}` as MessageKey)}</option>`)}
        </select>
      </label>
      <fieldset>
        <legend>${t('field_outcome')}</legend>
        <label><input type="radio" name="outcome" value="reached" checked />${t('cadence_outcome_reached')}</label>
        <label><input type="radio" name="outcome" value="no_answer" />${t('cadence_outcome_no_answer')}</label>
      </fieldset>
      <label class="wide"
        >${t('field_summary')}
        <textarea name="summary" rows="2" aria-invalid=${summaryError ? 'true' : 'false'} aria-describedby="summary-error"></textarea>
        ${summaryError ? html`<span class="error" id="summary-error">${summaryError}</span>` : nothing}
      </label>
      <label class="wide">${t('field_feedback')}<textarea name="feedback" rows="2"></textarea></label>
      <label
        >${t('field_attitude')}
        <select name="attitude">
          <option value="">${t('cadence_attitude_none')}</option>
          ${ATTITUDES.map((attitude) => html`<option value=${attitude}>${t(`cadence_attitude_${attitude}` as MessageKey)}</option>`)}
        </select>
      </label>
      <label
        >${t('field_grade')}
        <select name="grade">
          ${GRADES.map((grade) => html`<option value=${grade} ?selected=${grade === this.grade}>${t(`grade_${grade}` as MessageKey)}</option>`)}
        </select>
      </label>
      <label>${t('field_nextPlan')}<input name="nextPlan" /></label>
      <label>${t('field_nextAt')}<input name="nextAt" type="datetime-local" /></label>
      <fieldset>
        <label><input type="checkbox" name="lost" .checked=${this.lost} @change=${(event: Event) => (this.lost = (event.target as HTMLInputElement).checked)} />${t('cadence_lost_toggle')}</label>
      </fieldset>
      ${this.lost
        ? html`<label
              >${t('field_deal_lost_reason')}
              <input name="lostReason" aria-invalid=${reasonError ? 'true' : 'false'} aria-describedby="reason-error" />
              ${reasonError ? html`<span class="error" id="reason-error">${reasonError}</span>` : nothing}
            </label>
            <label>${t('field_deal_lost_competitorModel')}<input name="competitor" /></label>
            <p class="note">${t('cadence_lost_note')}</p>`
        : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${t('cadence_save')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dd-follow-up-submit': CustomEvent<{ draft: FollowUpDraft }>;
  }
}
