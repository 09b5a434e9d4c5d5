import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { formatDateTime, t, type MessageKey } from '../../core/i18n';
import { LocaleController } from '../../components/controllers/locale-controller';
import { createBackup, openDatabase, parseBackup, planRestore, restoreBackup, type Backup, type TableChange } from '../../storage';
import { BACKUP_FREQUENCIES, backupFileName, readBackupSchedule, writeBackupSchedule, type BackupFrequency, type BackupSchedule } from '../shared/backup-schedule';
import { JSON_TYPE, saveFile } from './download';
import { viewStyles } from './view-styles';

const db = openDatabase();
const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;

/**
 * Backup and restore: a complete JSON copy of the book on demand or on a schedule (to Downloads);
 * a restore is checked completely and its changes shown before one transaction replaces the tables.
 *
 * @event dd-restored - the database was replaced by a backup.
 */
export class BackupView extends LitElement {
  static override styles = [
    viewStyles,
    css`
      ul.errors {
        color: #c81e1e;
        font-size: 13px;
        max-height: 30vh;
        overflow: auto;
      }
    `,
  ];
  static override properties = {
    schedule: { state: true },
    message: { state: true },
    errors: { state: true },
    pending: { state: true },
    changes: { state: true },
    busy: { state: true },
  };

  declare schedule: BackupSchedule | undefined;
  declare message: string | undefined;
  declare errors: string[];
  declare pending: Backup | undefined;
  declare changes: TableChange[] | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.errors = [];
    this.busy = false;
    new LocaleController(this);
    void readBackupSchedule().then((schedule) => (this.schedule = schedule));
  }

  private async download(): Promise<void> {
    this.busy = true;
    const backup = await createBackup(db);
    saveFile(backupFileName(backup.createdAt), JSON.stringify(backup), JSON_TYPE);
    this.busy = false;
    this.message = t('backup_saved', backup.counts.customers, backup.counts.followUps);
  }

  private async choose(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.errors = [];
    this.pending = undefined;
    this.changes = undefined;
    this.message = undefined;
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      this.errors = [t('backup_error_too_big')];
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      this.errors = [t('backup_error_not_json')];
      return;
    }
    const parsed = parseBackup(json);
    if (!parsed.ok) {
      this.errors = parsed.errors;
      return;
    }
    this.pending = parsed.backup;
    this.changes = await planRestore(db, parsed.backup);
  }

  private async restore(): Promise<void> {
    if (!this.pending) return;
    this.busy = true;
    try {
      await restoreBackup(db, this.pending);
      this.message = t('backup_restored', this.pending.counts.customers);
      this.dispatchEvent(new CustomEvent('dd-restored', { bubbles: true, composed: true }));
    } catch (error) {
      this.errors = [t('backup_error_restore_failed', String(error))];
    }
    this.busy = false;
    this.pending = undefined;
    this.changes = undefined;
  }

  private async setFrequency(frequency: BackupFrequency): Promise<void> {
    this.schedule = await writeBackupSchedule({ frequency });
  }

  private changeTable(changes: TableChange[]): TemplateResult {
    return html`<table class="plain" aria-label=${t('backup_changes_title')}>
      <thead>
        <tr>
          <th></th><th>${t('backup_now')}</th><th>${t('backup_after')}</th><th>${t('backup_added')}</th><th>${t('backup_changed')}</th><th>${t('backup_removed')}</th>
        </tr>
      </thead>
      <tbody>
        ${changes.map(
          (change) => html`<tr data-table=${change.table}>
            <th>${t(`backup_table_${change.table}` as MessageKey)}</th>
            <td>${change.now}</td><td>${change.after}</td><td>${change.added}</td><td>${change.changed}</td><td>${change.removed}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render(): TemplateResult {
    return html`<section class="panel">
        <h2>${t('backup_title')}</h2>
        <p class="muted">${t('backup_help')}</p>
        <div class="toolbar">
          <button type="button" class="primary" ?disabled=${this.busy} @click=${this.download}>${t('backup_download')}</button>
        </div>
        ${this.message ? html`<p class="message" role="status">${this.message}</p>` : nothing}
      </section>
      <section class="panel">
        <h3>${t('backup_schedule_title')}</h3>
        <div class="toolbar">
          ${BACKUP_FREQUENCIES.map(
            (frequency) => html`<label class="inline"
              ><input type="radio" name="frequency" .checked=${this.schedule?.frequency === frequency} @change=${() => this.setFrequency(frequency)} />${t(`backup_frequency_${frequency}` as MessageKey)}</label
            >`,
          )}
        </div>
        <p class="muted">
          ${this.schedule?.lastAt ? t('backup_last_scheduled', formatDateTime(this.schedule.lastAt)) : t('backup_never_scheduled')}
          ${this.schedule?.lastError ? html`<br /><span class="error">${this.schedule.lastError}</span>` : nothing}
        </p>
      </section>
      <section class="panel">
        <h3>${t('backup_restore_title')}</h3>
        <p class="muted">${t('backup_restore_help')}</p>
        <label class="inline">${t('backup_choose_file')} <input type="file" accept=".json,application/json" @change=${this.choose} /></label>
        ${this.errors.length
          ? html`<p class="error" role="alert">${t('backup_refused')}</p>
              <ul class="errors">${this.errors.map((error) => html`<li>${error}</li>`)}</ul>`
          : nothing}
        ${this.pending && this.changes
          ? html`<p>${t('backup_made_at', formatDateTime(this.pending.createdAt))}</p>
              ${this.changeTable(this.changes)}
              <div class="toolbar">
                <button type="button" class="danger" ?disabled=${this.busy} @click=${this.restore}>${t('backup_restore_confirm')}</button>
                <button type="button" @click=${() => ((this.pending = undefined), (this.changes = undefined))}>${t('import_cancel')}</button>
              </div>`
          : nothing}
      </section>`;
  }
}

customElements.define('dd-backup-view', BackupView);
