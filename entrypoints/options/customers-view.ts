import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import dayjs from 'dayjs';
import { filterCustomers, sortCustomers, type CustomerFilter, type DueStatus, type SortOrder, type TableCustomer } from '../../core/customer-search';
import { t, type MessageKey } from '../../core/i18n';
import { GRADES, SOURCE_CHANNELS, STAGES, type Grade, type SourceChannel, type Stage } from '../../core/vocabulary';
import { LocaleController } from '../../components/controllers/locale-controller';
import '../../components/customer-table/dd-customer-table';
import type { CustomerBook } from './customer-book';
import type { ExportFormat } from './export-customers';
import { loadDashboardStorage } from './lazy-storage';
import { viewStyles } from './view-styles';

/** The customers repository (its validation code loads after the first rows are drawn). */
const customers = async (): Promise<Awaited<ReturnType<typeof loadDashboardStorage>>['customers']> => (await loadDashboardStorage()).customers;
const DUE_STATUSES: DueStatus[] = ['overdue', 'today', 'later', 'none'];

/**
 * The customer table with its search box, filters, bulk actions and export. Filtering and searching
 * run over the in-memory book on every keystroke; sorting is cached per book version.
 */
export class CustomersView extends LitElement {
  static override styles = [
    viewStyles,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: end;
        margin-bottom: 8px;
      }
      .filters label {
        display: grid;
        font-size: 12px;
        color: #52606d;
      }
      input[type='search'] {
        min-width: 260px;
        font-size: 15px;
      }
      .bulk {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
        padding: 6px 8px;
        margin-bottom: 8px;
        background: #eef2ff;
        border-radius: 6px;
      }
      .count {
        color: #52606d;
        font-size: 13px;
      }
      dd-customer-table {
        --dd-table-height: calc(100vh - 290px);
      }
    `,
  ];
  static override properties = {
    book: { attribute: false },
    filter: { state: true },
    sort: { state: true },
    selected: { state: true },
    undo: { state: true },
    message: { state: true },
    revision: { state: true },
  };

  declare book: CustomerBook;
  declare filter: CustomerFilter;
  declare sort: SortOrder;
  declare selected: ReadonlySet<string>;
  declare undo: string[] | undefined;
  declare message: string | undefined;
  /** Bumped when the book changes, to re-render. */
  declare revision: number;

  private sortedCache?: { version: TableCustomer[]; key: string; rows: TableCustomer[] };
  /** Time the last search/filter pass took (ms): read by the benchmark. */
  lastFilterMs = 0;

  constructor() {
    super();
    this.filter = {};
    this.sort = { key: 'updatedAt', descending: true };
    this.selected = new Set();
    this.revision = 0;
    new LocaleController(this);
  }

  private sorted(): TableCustomer[] {
    const base = this.book.all();
    const key = `${this.sort.key}:${this.sort.descending}`;
    if (key === 'updatedAt:true') return base;
    if (this.sortedCache?.version !== base || this.sortedCache.key !== key) this.sortedCache = { version: base, key, rows: sortCustomers(base, this.sort) };
    return this.sortedCache.rows;
  }

  /** The rows the table shows now: the current filter over the sorted book. */
  shown(): TableCustomer[] {
    const started = performance.now();
    // No filter: the sorted book as it is (copying 100,000 rows on every render would cost a frame).
    const rows = Object.keys(this.filter).length === 0 ? this.sorted() : filterCustomers(this.sorted(), this.filter);
    this.lastFilterMs = performance.now() - started;
    return rows;
  }

  private setFilter(patch: Partial<CustomerFilter>): void {
    const next: CustomerFilter = { ...this.filter, ...patch };
    for (const key of Object.keys(next) as (keyof CustomerFilter)[]) if (next[key] === undefined || next[key] === '') delete next[key];
    this.filter = next;
  }

  private day(value: string, end = false): number | undefined {
    if (!value) return undefined;
    const day = dayjs(value);
    return (end ? day.endOf('day') : day.startOf('day')).valueOf();
  }

  private consultantCache?: { version: TableCustomer[]; names: string[] };

  /** Consultants in the book, for the filter (computed once per book version, not per keystroke). */
  private consultants(): string[] {
    const rows = this.book.all();
    if (this.consultantCache?.version !== rows) {
      const names = new Set<string>();
      for (const row of rows) if (row.consultant) names.add(row.consultant);
      this.consultantCache = { version: rows, names: [...names].sort((a, b) => a.localeCompare(b)) };
    }
    return this.consultantCache.names;
  }

  private select<T extends string>(label: MessageKey, options: readonly T[], value: T | undefined, prefix: string, onPick: (value: T | undefined) => void): TemplateResult {
    return html`<label>
      ${t(label)}
      <select @change=${(event: Event) => onPick(((event.target as HTMLSelectElement).value || undefined) as T | undefined)}>
        <option value="" ?selected=${!value}>${t('dashboard_filter_all')}</option>
        ${options.map((option) => html`<option value=${option} ?selected=${option === value}>${prefix ? t(`${prefix}${option}` as MessageKey) : option}</option>`)}
      </select>
    </label>`;
  }

  private filters(): TemplateResult {
    const f = this.filter;
    return html`<div class="filters" role="search">
      <label>
        ${t('dashboard_search_label')}
        <input
          type="search"
          autofocus
          placeholder=${t('dashboard_search_placeholder')}
          .value=${f.search ?? ''}
          @input=${(event: Event) => this.setFilter({ search: (event.target as HTMLInputElement).value })}
        />
      </label>
      ${this.select<Grade>('field_grade', GRADES, f.grades?.[0], 'grade_', (grade) => this.setFilter({ grades: grade ? [grade] : undefined }))}
      ${this.select<Stage>('field_stage', STAGES, f.stages?.[0], 'stage_', (stage) => this.setFilter({ stages: stage ? [stage] : undefined }))}
      ${this.select<SourceChannel>('field_source_channel', SOURCE_CHANNELS, f.channels?.[0], 'channel_', (channel) => this.setFilter({ channels: channel ? [channel] : undefined }))}
      ${this.select('field_consultant', this.consultants(), f.consultant, '', (consultant) => this.setFilter({ consultant }))}
      ${this.select<DueStatus>('dashboard_column_due', DUE_STATUSES, f.due, 'dashboard_due_', (due) => this.setFilter({ due }))}
      <label>${t('field_tags')}<input size="8" .value=${f.tag ?? ''} @change=${(event: Event) => this.setFilter({ tag: (event.target as HTMLInputElement).value.trim() })} /></label>
      <label>${t('dashboard_filter_created_from')}<input type="date" @change=${(event: Event) => this.setFilter({ createdFrom: this.day((event.target as HTMLInputElement).value) })} /></label>
      <label>${t('dashboard_filter_created_to')}<input type="date" @change=${(event: Event) => this.setFilter({ createdTo: this.day((event.target as HTMLInputElement).value, true) })} /></label>
      <label>${t('dashboard_filter_updated_from')}<input type="date" @change=${(event: Event) => this.setFilter({ updatedFrom: this.day((event.target as HTMLInputElement).value) })} /></label>
      <label>${t('dashboard_filter_updated_to')}<input type="date" @change=${(event: Event) => this.setFilter({ updatedTo: this.day((event.target as HTMLInputElement).value, true) })} /></label>
    </div>`;
  }

  private async bulk(run: () => Promise<string | undefined>): Promise<void> {
    this.message = await run();
  }

  private ids(): string[] {
    return [...this.selected];
  }

  private bulkBar(): TemplateResult | typeof nothing {
    if (this.selected.size === 0 && !this.undo) return nothing;
    if (this.selected.size === 0)
      return html`<div class="bulk" role="status">
        ${t('dashboard_deleted_count', this.undo!.length)}
        <button type="button" @click=${this.undoDelete}>${t('dashboard_action_undo')}</button>
      </div>`;
    const value = (selector: string): string => this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(selector)?.value.trim() ?? '';
    return html`<div class="bulk" aria-label=${t('dashboard_bulk_title')}>
      <strong>${t('dashboard_selected_count', this.selected.size)}</strong>
      <select id="bulk-grade" aria-label=${t('field_grade')}>
        ${GRADES.map((grade) => html`<option value=${grade}>${t(`grade_${grade}` as MessageKey)}</option>`)}
      </select>
      <button type="button" @click=${() => this.bulk(() => this.bulkPatch({ grade: value('#bulk-grade') }))}>${t('dashboard_action_set_grade')}</button>
      <input id="bulk-consultant" size="8" placeholder=${t('field_consultant')} />
      <button type="button" @click=${() => this.bulk(() => this.bulkPatch({ consultant: value('#bulk-consultant') || undefined }))}>${t('dashboard_action_set_consultant')}</button>
      <input id="bulk-tag" size="8" placeholder=${t('field_tags')} />
      <button type="button" @click=${() => this.bulk(() => this.addTag(value('#bulk-tag')))}>${t('dashboard_action_add_tag')}</button>
      <button type="button" class="danger" @click=${this.deleteSelected}>${t('dashboard_action_delete')}</button>
      <button type="button" @click=${() => (this.selected = new Set())}>${t('dashboard_action_clear_selection')}</button>
    </div>`;
  }

  private async bulkPatch(patch: Record<string, unknown>): Promise<string> {
    const result = await (await customers()).bulkUpdate(this.ids(), () => patch);
    return result.ok ? t('dashboard_updated_count', result.value) : result.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
  }

  private async addTag(tag: string): Promise<string | undefined> {
    if (!tag) return undefined;
    const result = await (await customers()).bulkUpdate(this.ids(), (card) => ({ tags: [...new Set([...(card.tags ?? []), tag])] }));
    return result.ok ? t('dashboard_updated_count', result.value) : result.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
  }

  private async deleteSelected(): Promise<void> {
    this.undo = await (await customers()).softDeleteMany(this.ids());
    this.selected = new Set();
    this.message = undefined;
  }

  private async undoDelete(): Promise<void> {
    const ids = this.undo ?? [];
    this.undo = undefined;
    await (await customers()).restoreMany(ids);
  }

  private async export(format: ExportFormat, rows: readonly TableCustomer[]): Promise<void> {
    this.message = t('export_working');
    const includePrice = this.renderRoot.querySelector<HTMLInputElement>('#export-price')?.checked ?? false;
    const { exportCustomers } = await loadDashboardStorage();
    const written = await exportCustomers(format, rows.map((row) => row.id), { includePrice });
    this.message = t('export_done', written);
  }

  override render(): TemplateResult {
    const rows = this.shown();
    return html`${this.filters()} ${this.bulkBar()}
      <div class="toolbar">
        <span class="count" role="status" data-filter-ms=${this.lastFilterMs.toFixed(2)}>
          ${t('dashboard_result_count', rows.length, this.book.size)}${this.book.complete ? '' : ` · ${t('dashboard_loading')}`}
        </span>
        <span class="spacer"></span>
        <label class="inline"><input type="checkbox" id="export-price" /> ${t('export_include_price')}</label>
        <button type="button" @click=${() => this.export('csv', rows)}>${t('export_csv')}</button>
        <button type="button" @click=${() => this.export('xlsx', rows)}>${t('export_xlsx')}</button>
        <button type="button" @click=${() => this.export('followups-csv', rows)}>${t('export_followups_csv')}</button>
        <button type="button" @click=${() => this.export('followups-xlsx', rows)}>${t('export_followups_xlsx')}</button>
      </div>
      ${this.message ? html`<p class="message" role="status">${this.message}</p>` : nothing}
      <dd-customer-table
        .customers=${rows}
        .selected=${this.selected}
        .sort=${this.sort}
        ?loaded=${this.book.size > 0 || this.book.complete}
        @dd-sort-change=${(event: CustomEvent<SortOrder>) => (this.sort = event.detail)}
        @dd-selection-change=${(event: CustomEvent<{ ids: string[] }>) => {
          this.selected = new Set(event.detail.ids);
          this.undo = undefined;
        }}
        @dd-customer-open=${(event: CustomEvent<{ id: string }>) => (location.hash = `customer=${encodeURIComponent(event.detail.id)}`)}
      ></dd-customer-table>`;
  }
}

customElements.define('dd-customers-view', CustomersView);
