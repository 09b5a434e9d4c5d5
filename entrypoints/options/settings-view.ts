import '../../storage/zod';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { browserLocale, setLocale, t } from '../../core/i18n';
import { LocaleController } from '../../components/controllers/locale-controller';
import '../../components/settings-form/dd-settings-form';
import type { SettingsFieldError, SettingsPatch } from '../../components/settings-form/dd-settings-form';
import { openDatabase, SettingsRepository, type Settings, type SettingsInput } from '../../storage';
import { refreshReminders } from '../shared/reminders-message';
import { viewStyles } from './view-styles';

/** Settings the follow-up plan is made from: the worker re-plans every customer when they change. */
const PLANNING: readonly (keyof Settings)[] = ['cadence', 'workingHours', 'quietHours', 'followUpRules'];

/** The dashboard's Settings page (`#settings`): the settings form bound to the settings record. */
export class SettingsView extends LitElement {
  static override styles = viewStyles;
  static override properties = {
    settings: { state: true },
    errors: { state: true },
    saves: { state: true },
    busy: { state: true },
  };

  declare settings: Settings | undefined;
  declare errors: SettingsFieldError[];
  /** Successful saves, each one confirmed by the form. */
  declare saves: number;
  declare busy: boolean;
  /** Where settings are read and written (a test gives its own database). */
  repository = new SettingsRepository(openDatabase());

  constructor() {
    super();
    this.errors = [];
    this.saves = 0;
    this.busy = false;
    new LocaleController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.repository.get().then((settings) => (this.settings = settings));
  }

  async save(patch: SettingsPatch): Promise<void> {
    this.busy = true;
    const result = await this.repository.update(patch as Partial<SettingsInput>);
    this.busy = false;
    if (!result.ok) {
      this.errors = result.errors;
      return;
    }
    this.errors = [];
    this.settings = result.value;
    this.saves++;
    if ('language' in patch) setLocale(result.value.language === 'auto' ? browserLocale() : result.value.language);
    if (PLANNING.some((section) => section in patch)) await refreshReminders();
  }

  override render(): TemplateResult {
    return html`<section class="panel">
      <h2>${t('settings_title')}</h2>
      <p class="muted">${t('settings_help')}</p>
      ${this.settings
        ? html`<dd-settings-form
            .settings=${this.settings}
            .errors=${this.errors}
            ?busy=${this.busy}
            .saves=${this.saves}
            @dd-settings-save=${(event: CustomEvent<{ patch: SettingsPatch }>) => this.save(event.detail.patch)}
          ></dd-settings-form>`
        : nothing}
    </section>`;
  }
}

if (!customElements.get('dd-settings-view')) customElements.define('dd-settings-view', SettingsView);
