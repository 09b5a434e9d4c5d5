import { liveQuery } from 'dexie';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { getLocale, t } from '../../core/i18n';
import { LiveQueryController } from '../../components/controllers/live-query-controller';
import { LocaleController } from '../../components/controllers/locale-controller';
import '../../components/script-editor/dd-script-editor';
import type { ScriptDraft } from '../../components/script-editor/dd-script-editor';
import { openDatabase, ScriptRepository, type Script, type ScriptInput, type WriteResult } from '../../storage';

const scripts = new ScriptRepository(openDatabase());

/** The dashboard's script library (`#scripts`): the editor bound to storage, in the current language. */
export class ScriptLibrary extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .saved {
      color: #057a55;
    }
  `;
  static override properties = { errors: { state: true }, saved: { state: true }, selectedId: { state: true } };
  declare errors: { path: string; message: string }[];
  declare saved: boolean;
  declare selectedId: string | undefined;

  private readonly library = new LiveQueryController<Script[]>(this, () => liveQuery(() => scripts.effective(getLocale())), []);

  constructor() {
    super();
    this.errors = [];
    this.saved = false;
    new LocaleController(this);
  }

  private async save(id: string | undefined, draft: ScriptDraft): Promise<void> {
    const input = { ...draft, locale: getLocale() } as ScriptInput;
    const result: WriteResult<Script> = id ? await scripts.save(id, input) : await scripts.create(input);
    this.errors = result.ok ? [] : result.errors;
    this.saved = result.ok;
    if (result.ok) this.selectedId = result.value.id;
  }

  override render(): TemplateResult {
    return html`${this.saved ? html`<p class="saved" role="status">${t('script_saved')}</p>` : ''}
      <dd-script-editor
        .scripts=${this.library.value}
        .errors=${this.errors}
        .selectedId=${this.selectedId}
        @dd-script-save=${(event: CustomEvent<{ id?: string; draft: ScriptDraft }>) => this.save(event.detail.id, event.detail.draft)}
        @dd-script-toggle=${(event: CustomEvent<{ id: string; enabled: boolean }>) => scripts.setEnabled(event.detail.id, event.detail.enabled, getLocale())}
        @dd-script-reset=${(event: CustomEvent<{ id: string }>) => scripts.reset(event.detail.id)}
        @dd-script-delete=${async (event: CustomEvent<{ id: string }>) => {
          await scripts.remove(event.detail.id);
          this.selectedId = undefined;
        }}
      ></dd-script-editor>`;
  }
}

if (!customElements.get('dd-script-library')) customElements.define('dd-script-library', ScriptLibrary);
