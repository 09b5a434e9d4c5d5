import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../../core/i18n';
import { renderScript, scriptFit, searchObjections, suggestScripts, type ScriptContext, type SuggestableScript, type SuggestionContext } from '../../core/scripts';
import { LocaleController } from '../controllers/locale-controller';
import { scriptPanelStyles } from './script-panel.styles';

export interface ScriptCopyDetail {
  scriptId: string;
  text: string;
  /** Placeholders still unfilled in the copied text. */
  missing: string[];
}

/**
 * The scripts for the customer in front of the consultant: those fitting its stage, grade and due
 * callback first, copied in one click with the placeholders filled in (gaps highlighted, never blank),
 * and a searchable library of objection answers.
 *
 * @event dd-script-copy - `ScriptCopyDetail`: a script was copied to the clipboard.
 * @event dd-script-log - `{ scriptId }`: log a follow-up made with this script.
 * @cssproperty --dd-missing - background of a placeholder without a value.
 */
export class DdScriptPanel extends LitElement {
  static override styles = scriptPanelStyles;
  static override properties = {
    scripts: { attribute: false },
    context: { attribute: false },
    suggestion: { attribute: false },
    /** How many fitting scripts are shown before "all scripts". */
    fitLimit: { type: Number, attribute: 'fit-limit' },
    query: { state: true },
    copied: { state: true },
  };

  declare scripts: SuggestableScript[];
  declare context: ScriptContext;
  declare suggestion: SuggestionContext;
  declare fitLimit: number;
  declare query: string;
  declare copied: string | undefined;

  constructor() {
    super();
    this.scripts = [];
    this.context = { locale: 'zh_CN' };
    this.suggestion = {};
    this.fitLimit = 4;
    this.query = '';
    new LocaleController(this);
  }

  private async copy(script: SuggestableScript): Promise<void> {
    const rendered = renderScript(script.body, this.context);
    await navigator.clipboard?.writeText(rendered.text).catch(() => undefined);
    this.copied = script.id;
    this.dispatchEvent(
      new CustomEvent<ScriptCopyDetail>('dd-script-copy', { detail: { scriptId: script.id, text: rendered.text, missing: rendered.missing }, bubbles: true, composed: true }),
    );
  }

  private item(script: SuggestableScript): TemplateResult {
    const rendered = renderScript(script.body, this.context);
    const missing = rendered.missing.map((name) => t(`script_placeholder_${name}` as MessageKey));
    return html`<li data-id=${script.id}>
      <div class="head">
        <span class="title">${script.title}</span>
        <span class="channel">${t(`script_channel_${script.channel}` as MessageKey)}</span>
        <button type="button" class="copy" @click=${() => this.copy(script)}>${this.copied === script.id ? t('script_copied') : t('script_copy')}</button>
        <button
          type="button"
          class="log"
          @click=${() => this.dispatchEvent(new CustomEvent('dd-script-log', { detail: { scriptId: script.id }, bubbles: true, composed: true }))}
        >
          ${t('script_log_follow_up')}
        </button>
      </div>
      <p class="body">${rendered.parts.map((part) => ('text' in part ? part.text : part.value ?? html`<mark>${part.token}</mark>`))}</p>
      ${missing.length ? html`<div class="missing">${t('script_missing', missing.join('、'))}</div>` : nothing}
    </li>`;
  }

  override render(): TemplateResult {
    const ordered = suggestScripts(this.scripts, this.suggestion);
    const fitting = ordered.filter((script) => scriptFit(script, this.suggestion) > 0).slice(0, this.fitLimit);
    const rest = ordered.filter((script) => !fitting.includes(script) && script.objection === undefined);
    const objections = searchObjections(this.scripts, this.query);
    return html`
      <h3>${t('script_fit_title')}</h3>
      ${fitting.length ? html`<ul class="fit">${fitting.map((script) => this.item(script))}</ul>` : html`<p class="empty">${t('script_none')}</p>`}
      <h3 id="objections">${t('script_objection_title')}</h3>
      <input
        type="search"
        aria-label=${t('script_search_label')}
        placeholder=${t('script_search_placeholder')}
        .value=${this.query}
        @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)}
      />
      ${objections.length ? html`<ul class="objections">${objections.map((script) => this.item(script))}</ul>` : html`<p class="empty">${t('script_search_empty')}</p>`}
      <details>
        <summary>${t('script_all_title')} (${rest.length})</summary>
        <ul class="all">
          ${rest.map((script) => this.item(script))}
        </ul>
      </details>
    `;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dd-script-log': CustomEvent<{ scriptId: string }>;
  }
}
