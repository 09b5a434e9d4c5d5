import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../../core/i18n';
import { PLACEHOLDERS } from '../../core/scripts/render';
import { GRADES, STAGES } from '../../core/vocabulary';
import { LocaleController } from '../controllers/locale-controller';
import { scriptEditorStyles } from './script-editor.styles';

const CHANNELS = ['call', 'sms', 'wechat'] as const;
const CALLBACK_KINDS = ['first_contact', 'grade_cadence', 'post_delivery', 'first_service', 'insurance_renewal', 'birthday', 'holiday', 'dormant_owner', 'manual'] as const;

/** A script as the editor shows it (storage's Script fits). */
export interface EditableScript {
  id: string;
  title: string;
  body: string;
  channel: string;
  enabled: boolean;
  builtIn: boolean;
  objection?: string;
  locale?: string;
  trigger: { stages: readonly string[]; grades: readonly string[]; callbackKinds: readonly string[]; steps?: readonly string[] };
}

/** What the editor hands over to save: storage's script input. */
export interface ScriptDraft {
  title: string;
  body: string;
  channel: string;
  objection?: string;
  trigger: { stages: string[]; grades: string[]; callbackKinds: string[]; steps: string[] };
  enabled: boolean;
}

/**
 * The script library editor: pick a script, change its words and when it fits, switch it off, reset a
 * built-in to our words, add and delete your own.
 *
 * @event dd-script-save - `{ id?: string, draft: ScriptDraft }`: save (no id = a new script).
 * @event dd-script-toggle - `{ id, enabled }`: switch a script on or off.
 * @event dd-script-reset - `{ id }`: a built-in back to the library's words.
 * @event dd-script-delete - `{ id }`: delete one of the user's own scripts.
 */
export class DdScriptEditor extends LitElement {
  static override styles = scriptEditorStyles;
  static override properties = {
    scripts: { attribute: false },
    errors: { attribute: false },
    selectedId: { type: String, attribute: 'selected-id' },
    creating: { state: true },
  };

  declare scripts: EditableScript[];
  declare errors: { path: string; message: string }[];
  declare selectedId: string | undefined;
  declare creating: boolean;

  constructor() {
    super();
    this.scripts = [];
    this.errors = [];
    this.creating = false;
    new LocaleController(this);
  }

  private emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private select(id: string | undefined, creating = false): void {
    this.selectedId = id;
    this.creating = creating;
    this.errors = [];
  }

  private submit(event: SubmitEvent, script: EditableScript | undefined): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const all = (name: string) => form.getAll(name).map(String);
    const objection = String(form.get('objection') ?? '').trim();
    const draft: ScriptDraft = {
      title: String(form.get('title') ?? '').trim(),
      body: String(form.get('body') ?? ''),
      channel: String(form.get('channel') ?? 'call'),
      trigger: { stages: all('stages'), grades: all('grades'), callbackKinds: all('kinds'), steps: [...(script?.trigger.steps ?? [])] },
      enabled: script?.enabled ?? true,
      ...(objection ? { objection } : {}),
    };
    this.emit('dd-script-save', { ...(script ? { id: script.id } : {}), draft });
  }

  private error(path: string): TemplateResult | typeof nothing {
    const found = this.errors.find((error) => error.path === path);
    return found ? html`<span class="error">${found.message}</span>` : nothing;
  }

  private form(script: EditableScript | undefined): TemplateResult {
    const checks = (name: string, values: readonly string[], chosen: readonly string[], label: (value: string) => string) =>
      values.map((value) => html`<label><input type="checkbox" name=${name} value=${value} .checked=${chosen.includes(value)} />${label(value)}</label>`);
    const tokens = Object.values(PLACEHOLDERS)
      .map((names) => `{${names[0]}}`)
      .join(' ');
    return html`<form @submit=${(event: SubmitEvent) => this.submit(event, script)}>
      <label>${t('field_title')}<input name="title" .value=${script?.title ?? ''} />${this.error('title')}</label>
      <label
        >${t('field_channel')}
        <select name="channel">
          ${CHANNELS.map((channel) => html`<option value=${channel} ?selected=${(script?.channel ?? 'call') === channel}>${t(`script_channel_${channel}` as MessageKey)}</option>`)}
        </select>
      </label>
      <label>${t('field_body')}<textarea name="body" rows="8" .value=${script?.body ?? ''}></textarea>${this.error('body')}</label>
      <p class="help">${t('script_placeholders_help', tokens)}</p>
      <fieldset>
        <legend>${t('script_trigger_stages')}</legend>
        ${checks('stages', STAGES, script?.trigger.stages ?? [], (stage) => t(`stage_${stage}` as MessageKey))}
      </fieldset>
      <fieldset>
        <legend>${t('script_trigger_grades')}</legend>
        ${checks('grades', GRADES, script?.trigger.grades ?? [], (grade) => grade)}
      </fieldset>
      <fieldset>
        <legend>${t('script_trigger_kinds')}</legend>
        ${checks('kinds', CALLBACK_KINDS, script?.trigger.callbackKinds ?? [], (kind) => t(`cadence_kind_${kind}` as MessageKey))}
      </fieldset>
      <label>${t('script_objection_field')}<input name="objection" .value=${script?.objection ?? ''} /></label>
      <div class="actions">
        <button type="submit">${t('script_save')}</button>
        ${script
          ? html`<button type="button" class="toggle" @click=${() => this.emit('dd-script-toggle', { id: script.id, enabled: !script.enabled })}>
              ${script.enabled ? t('script_disable') : t('script_enable')}
            </button>`
          : nothing}
        ${script?.builtIn ? html`<button type="button" class="reset" @click=${() => this.emit('dd-script-reset', { id: script.id })}>${t('script_reset')}</button>` : nothing}
        ${script && !script.builtIn
          ? html`<button type="button" class="delete" @click=${() => this.emit('dd-script-delete', { id: script.id })}>${t('script_delete')}</button>`
          : nothing}
      </div>
    </form>`;
  }

  override render(): TemplateResult {
    const selected = this.creating ? undefined : (this.scripts.find((script) => script.id === this.selectedId) ?? this.scripts[0]);
    return html`<nav>
        <button type="button" class="new" @click=${() => this.select(undefined, true)}>${t('script_new')}</button>
        <ul>
          ${this.scripts.map(
            (script) => html`<li>
              <button type="button" data-id=${script.id} aria-current=${selected?.id === script.id ? 'true' : 'false'} @click=${() => this.select(script.id)}>
                <span class=${script.enabled ? '' : 'off'}>${script.title}</span>
                <span class="badge">${script.enabled ? '' : `${t('script_disabled_badge')} · `}${script.builtIn ? t('script_builtin_badge') : t('script_own_badge')}</span>
              </button>
            </li>`,
          )}
        </ul>
      </nav>
      <section>${this.form(selected)}</section>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dd-script-save': CustomEvent<{ id?: string; draft: ScriptDraft }>;
    'dd-script-toggle': CustomEvent<{ id: string; enabled: boolean }>;
    'dd-script-reset': CustomEvent<{ id: string }>;
    'dd-script-delete': CustomEvent<{ id: string }>;
  }
}
