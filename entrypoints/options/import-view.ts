import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../../core/i18n';
import { LocaleController } from '../../components/controllers/locale-controller';
import { CUSTOMER_COLUMNS, cardFromRow } from '../../core/transfer/customer-columns';
import { readCustomerFile, UnreadableFile, type CustomerFile } from '../../core/transfer/customer-file';
import { writeCsv } from '../../core/transfer/csv';
import { openDatabase } from '../../storage';
import { commitImport, planImport, type DuplicatePolicy, type ImportPlan, type ImportRow, type RowOutcome } from '../../storage/customer-import';
import { CSV_TYPE, saveFile, today } from './download';
import { viewStyles } from './view-styles';

const db = openDatabase();
const PREVIEW_ROWS = 200;
const POLICIES: DuplicatePolicy[] = ['merge', 'skip', 'create'];
const OUTCOMES: RowOutcome[] = ['create', 'merge', 'skip', 'reject'];

type Step = 'choose' | 'preview' | 'writing' | 'done';

/**
 * Import from CSV or .xlsx: read and check everything first (encoding, columns, every row, duplicates
 * by phone), show what would happen, write only when asked, in batches with a progress bar, then a
 * report that can be downloaded.
 */
export class ImportView extends LitElement {
  static override styles = [
    viewStyles,
    css`
      .counts {
        display: flex;
        gap: 16px;
        font-size: 15px;
        margin: 8px 0;
      }
      .counts strong {
        font-size: 20px;
      }
      progress {
        width: 100%;
        height: 18px;
      }
      .mapping {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
        gap: 6px 12px;
        font-size: 13px;
      }
      .mapping label {
        display: grid;
      }
      .reject {
        color: #c81e1e;
      }
      .skip {
        color: #616e7c;
      }
      .scroll {
        max-height: 45vh;
        overflow: auto;
      }
    `,
  ];
  static override properties = {
    step: { state: true },
    file: { state: true },
    fileName: { state: true },
    problem: { state: true },
    policy: { state: true },
    plan: { state: true },
    done: { state: true },
    total: { state: true },
    checking: { state: true },
  };

  declare step: Step;
  declare file: CustomerFile | undefined;
  declare fileName: string;
  declare problem: string | undefined;
  declare policy: DuplicatePolicy;
  declare plan: ImportPlan | undefined;
  declare done: number;
  declare total: number;
  declare checking: boolean;

  constructor() {
    super();
    this.step = 'choose';
    this.fileName = '';
    this.policy = 'merge';
    this.done = 0;
    this.total = 0;
    this.checking = false;
    new LocaleController(this);
  }

  private async choose(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const chosen = input.files?.[0];
    this.reset();
    if (!chosen) return;
    this.fileName = chosen.name;
    try {
      // Refuse a huge file before reading it into memory.
      if (chosen.size > 50 * 1024 * 1024) throw new UnreadableFile('import_error_too_big', [50]);
      this.file = await readCustomerFile(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
      await this.check();
    } catch (error) {
      this.problem = error instanceof UnreadableFile ? t(error.key, ...error.substitutions) : t('import_error_unknown', String(error));
      this.file = undefined;
    }
  }

  private reset(): void {
    this.step = 'choose';
    this.file = undefined;
    this.plan = undefined;
    this.problem = undefined;
    this.done = 0;
    this.total = 0;
  }

  private rows(file: CustomerFile): ImportRow[] {
    return file.rows.map((row, index) => {
      const { card, problems } = cardFromRow(row, file.mapping);
      const broken = file.brokenRows.get(index);
      return { line: index + 2, card, problems: broken ? [...problems, { column: t('import_column_row'), message: t('import_error_row_shape') }] : problems };
    });
  }

  /** Builds the plan (nothing is written). */
  private async check(): Promise<void> {
    if (!this.file) return;
    this.checking = true;
    this.done = 0;
    this.total = this.file.rows.length;
    this.plan = await planImport(db, this.rows(this.file), this.policy, Date.now, (checked, total) => {
      this.done = checked;
      this.total = total;
    });
    this.checking = false;
    this.step = 'preview';
  }

  private async remap(index: number, key: string): Promise<void> {
    if (!this.file) return;
    const mapping = this.file.mapping.map((current, i) => (i === index ? key || undefined : current === key && key ? undefined : current));
    this.file = { ...this.file, mapping };
    await this.check();
  }

  private async write(): Promise<void> {
    if (!this.plan) return;
    this.done = 0;
    this.step = 'writing';
    await commitImport(db, this.plan, (done, total) => {
      this.done = done;
      this.total = total;
    });
    this.step = 'done';
  }

  private downloadReport(): void {
    if (!this.plan) return;
    const rows = [
      [t('import_report_line'), t('field_name'), t('import_report_outcome'), t('import_report_reasons')],
      ...this.plan.rows.map((row) => [String(row.line), row.name, t(`import_outcome_${row.outcome}` as MessageKey), row.reasons.join('; ')]),
    ];
    saveFile(`dealer-desk-import-report-${today()}.csv`, writeCsv(rows), CSV_TYPE);
  }

  private mapping(file: CustomerFile): TemplateResult {
    return html`<h3>${t('import_mapping_title')}</h3>
      <div class="mapping">
        ${file.headers.map(
          (header, index) => html`<label>
            <span>${header || `#${index + 1}`}</span>
            <select ?disabled=${this.step !== 'preview'} @change=${(event: Event) => this.remap(index, (event.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!file.mapping[index]}>${t('import_column_ignore')}</option>
              ${CUSTOMER_COLUMNS.map((column) => html`<option value=${column.key} ?selected=${file.mapping[index] === column.key}>${t(column.label)}</option>`)}
            </select>
          </label>`,
        )}
      </div>`;
  }

  private counts(plan: ImportPlan, past: boolean): TemplateResult {
    return html`<div class="counts" role="status" data-counts=${JSON.stringify(plan.counts)}>
      ${OUTCOMES.map((outcome) => html`<span class=${outcome}><strong>${plan.counts[outcome]}</strong> ${t(`import_${past ? 'done' : 'will'}_${outcome}` as MessageKey)}</span>`)}
    </div>`;
  }

  private preview(plan: ImportPlan): TemplateResult {
    // Problems first: they are what needs a look before writing.
    const rows = [...plan.rows.filter((row) => row.outcome === 'reject'), ...plan.rows.filter((row) => row.outcome !== 'reject')].slice(0, PREVIEW_ROWS);
    return html`<div class="scroll">
      <table class="plain">
        <thead>
          <tr><th>${t('import_report_line')}</th><th>${t('field_name')}</th><th>${t('import_report_outcome')}</th><th>${t('import_report_reasons')}</th></tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr class=${row.outcome} data-outcome=${row.outcome}>
              <td>${row.line}</td>
              <td>${row.name}</td>
              <td>${t(`import_outcome_${row.outcome}` as MessageKey)}</td>
              <td>${row.reasons.join('; ')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${plan.rows.length > PREVIEW_ROWS ? html`<p class="muted">${t('import_preview_more', plan.rows.length - PREVIEW_ROWS)}</p>` : nothing}
    </div>`;
  }

  override render(): TemplateResult {
    const file = this.file;
    const plan = this.plan;
    const writes = plan ? plan.counts.create + plan.counts.merge : 0;
    return html`<section class="panel">
      <h2>${t('import_title')}</h2>
      <p class="muted">${t('import_help')}</p>
      <div class="toolbar">
        <label class="inline">
          ${t('import_choose_file')}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ?disabled=${this.step === 'writing'}
            @change=${this.choose}
          />
        </label>
        <span class="inline">
          ${t('import_duplicates')}
          ${POLICIES.map(
            (policy) => html`<label class="inline"
              ><input type="radio" name="policy" value=${policy} .checked=${this.policy === policy} ?disabled=${this.step === 'writing' || this.step === 'done'}
                @change=${() => {
                  this.policy = policy;
                  void this.check();
                }} />${t(`import_policy_${policy}` as MessageKey)}</label
            >`,
          )}
        </span>
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.fileName}: ${this.problem}</p>` : nothing}
      ${file
        ? html`<p class="muted">
            ${this.fileName} · ${file.format === 'csv' ? `CSV · ${file.encoding?.toUpperCase()}` : 'Excel .xlsx'} · ${t('import_row_count', file.rows.length)}
          </p>`
        : nothing}
      ${this.checking
        ? html`<p class="muted" role="status">${t('import_checking')} ${this.done} / ${this.total}</p>
            <progress max=${Math.max(this.total, 1)} .value=${this.done} aria-label=${t('import_checking')}></progress>`
        : nothing}
      ${file && plan && this.step === 'preview'
        ? html`${this.mapping(file)}
            <h3>${t('import_preview_title')}</h3>
            ${this.counts(plan, false)}
            <div class="toolbar">
              <button type="button" class="primary" ?disabled=${writes === 0} @click=${this.write}>${t('import_write', writes)}</button>
              <button type="button" @click=${this.reset}>${t('import_cancel')}</button>
            </div>
            ${this.preview(plan)}`
        : nothing}
      ${this.step === 'writing' || this.step === 'done'
        ? html`<h3>${t('import_progress_title')}</h3>
            <progress max=${Math.max(this.total, 1)} .value=${this.done} aria-label=${t('import_progress_title')}></progress>
            <p class="muted">${this.done} / ${this.total}</p>`
        : nothing}
      ${this.step === 'done' && plan
        ? html`<div class="report" aria-label=${t('import_report_title')}>
            <h3>${t('import_report_title')}</h3>
            ${this.counts(plan, true)}
            <div class="toolbar">
              <button type="button" @click=${this.downloadReport}>${t('import_download_report')}</button>
              <button type="button" @click=${() => (location.hash = 'customers')}>${t('import_to_customers')}</button>
            </div>
            ${this.preview(plan)}
          </div>`
        : nothing}
    </section>`;
  }
}

customElements.define('dd-import-view', ImportView);
