import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatDateTime, t, type MessageKey } from '../../core/i18n';
import { dueStatus, type SortKey, type SortOrder, type TableCustomer } from '../../core/customer-search';
import { LocaleController } from '../controllers/locale-controller';
import { hostStyles } from '../styles';
import { customerTableStyles } from './customer-table.styles';

/** The phone library (~150 KB) formats the other numbers: loaded when the first such number is drawn. */
let formatPhone: ((e164: string) => string) | undefined;
let phoneLibrary: Promise<unknown> | undefined;

/**
 * `+8613800138000` → `138 0013 8000` without the phone library (most rows; the library is slow per
 * row). Other numbers show as stored until the library has loaded, then `onLoaded` redraws.
 */
function shownPhone(e164: string, onLoaded: () => void): string {
  const mobile = /^\+86(1\d{2})(\d{4})(\d{4})$/.exec(e164);
  if (mobile) return `${mobile[1]} ${mobile[2]} ${mobile[3]}`;
  if (formatPhone) return formatPhone(e164);
  phoneLibrary ??= import('../../core/phone').then((phone) => (formatPhone = phone.formatPhone));
  void phoneLibrary.then(onLoaded);
  return e164;
}

/** Row height in pixels: fixed, so the window of rows to draw is arithmetic, never measured. */
export const ROW_HEIGHT = 36;
const OVERSCAN = 8;
/** Below this width the optional columns are left out. */
const NARROW_PX = 820;

interface Column {
  key: SortKey | 'phone';
  label: MessageKey;
  width: string;
  /** Left out when the table is narrow (e.g. beside an open card). */
  optional?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'field_name', width: '16%' },
  { key: 'phone', label: 'field_phone', width: '16%' },
  { key: 'grade', label: 'field_grade', width: '7%' },
  { key: 'stage', label: 'field_stage', width: '9%' },
  { key: 'channel', label: 'field_source_channel', width: '12%', optional: true },
  { key: 'consultant', label: 'field_consultant', width: '11%', optional: true },
  { key: 'dueAt', label: 'dashboard_column_due', width: '13%' },
  { key: 'updatedAt', label: 'field_updatedAt', width: '16%', optional: true },
];

/**
 * The customer table: draws only the rows in view (100,000 rows scroll like 100), sorts by a header
 * click, selects rows for bulk actions. Rows come in already filtered and sorted.
 *
 * Keys: ↑/↓ move between rows, Enter opens the card, Space selects.
 *
 * @event dd-customer-open - `{ id }`: the user chose a customer.
 * @event dd-sort-change - `SortOrder`: the user clicked a column header.
 * @event dd-selection-change - `{ ids: string[] }`: the set of selected rows changed.
 * @csspart table - the body table.
 * @cssproperty --dd-table-height - height of the scrolling body (default 60vh).
 */
export class DdCustomerTable extends LitElement {
  static override styles = [hostStyles, customerTableStyles];
  static override properties = {
    customers: { attribute: false },
    selected: { attribute: false },
    sort: { attribute: false },
    loaded: { type: Boolean },
    now: { type: Number },
    first: { state: true },
    visible: { state: true },
    narrow: { state: true },
  };

  declare customers: readonly TableCustomer[];
  declare selected: ReadonlySet<string>;
  declare sort: SortOrder;
  declare loaded: boolean;
  /** The time "overdue" is measured against. */
  declare now: number;
  declare first: number;
  declare visible: number;
  declare narrow: boolean;

  private focusIndex = -1;

  constructor() {
    super();
    this.customers = [];
    this.selected = new Set();
    this.sort = { key: 'updatedAt', descending: true };
    this.loaded = false;
    this.now = Date.now();
    this.first = 0;
    this.visible = 30;
    this.narrow = false;
    new LocaleController(this);
  }

  private get viewport(): HTMLElement | null {
    return this.renderRoot.querySelector('.viewport');
  }

  override firstUpdated(): void {
    const viewport = this.viewport;
    if (!viewport) return;
    new ResizeObserver(() => {
      this.onScroll();
      const narrow = this.clientWidth < NARROW_PX;
      if (narrow !== this.narrow) this.narrow = narrow;
    }).observe(viewport);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // A new result (a keystroke in the search box) starts at the top.
    if (changed.has('customers') && changed.get('customers') !== undefined) {
      const viewport = this.viewport;
      if (viewport && viewport.scrollTop > this.customers.length * ROW_HEIGHT) viewport.scrollTop = 0;
    }
  }

  private onScroll(): void {
    const viewport = this.viewport;
    if (!viewport) return;
    const first = Math.max(0, Math.floor(viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const visible = Math.ceil(viewport.clientHeight / ROW_HEIGHT) + 2 * OVERSCAN;
    if (first !== this.first) this.first = first;
    if (visible !== this.visible) this.visible = visible;
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private open(id: string): void {
    this.emit('dd-customer-open', { id });
  }

  private toggle(id: string): void {
    const next = new Set(this.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.emit('dd-selection-change', { ids: [...next] });
  }

  private toggleAll(): void {
    const all = this.customers.length > 0 && this.selected.size >= this.customers.length;
    this.emit('dd-selection-change', { ids: all ? [] : this.customers.map((customer) => customer.id) });
  }

  private sortBy(key: SortKey): void {
    const descending = this.sort.key === key ? !this.sort.descending : key === 'updatedAt' || key === 'createdAt';
    this.emit('dd-sort-change', { key, descending } satisfies SortOrder);
  }

  /** Moves focus to row `index`, scrolling it into view (it may not be drawn yet). */
  private async focusRow(index: number): Promise<void> {
    const viewport = this.viewport;
    if (!viewport || index < 0 || index >= this.customers.length) return;
    this.focusIndex = index;
    const top = index * ROW_HEIGHT;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + ROW_HEIGHT > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = top + ROW_HEIGHT - viewport.clientHeight;
    this.onScroll();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-index="${index}"]`)?.focus({ preventScroll: true });
  }

  // One listener per event on the body, not per row: scrolling re-renders rows, never listeners.
  private rowOf(event: Event): { id: string; index: number } | undefined {
    const row = (event.target as Element).closest?.('tr[data-id]') as HTMLElement | null;
    return row ? { id: row.dataset.id!, index: Number(row.dataset.index) } : undefined;
  }

  private onRowClick(event: MouseEvent): void {
    const row = this.rowOf(event);
    if (row && !(event.target as Element).closest('td.check')) this.open(row.id);
  }

  private onRowKeydown(event: KeyboardEvent): void {
    const row = this.rowOf(event);
    if (row && event.target instanceof HTMLTableRowElement) this.onRowKey(event, row.index, row.id);
  }

  private onRowFocus(event: FocusEvent): void {
    const row = this.rowOf(event);
    if (row) this.focusIndex = row.index;
  }

  private onRowCheck(event: Event): void {
    const row = this.rowOf(event);
    if (row) this.toggle(row.id);
  }

  private onRowKey(event: KeyboardEvent, index: number, id: string): void {
    if (event.key === 'Enter') this.open(id);
    else if (event.key === ' ') this.toggle(id);
    else if (event.key === 'ArrowDown') void this.focusRow(index + 1);
    else if (event.key === 'ArrowUp') void this.focusRow(index - 1);
    else if (event.key === 'Home') void this.focusRow(0);
    else if (event.key === 'End') void this.focusRow(this.customers.length - 1);
    else return;
    event.preventDefault();
  }

  private columns(): Column[] {
    if (!this.narrow) return COLUMNS;
    // The columns left share the whole width, in the same proportions.
    const kept = COLUMNS.filter((column) => !column.optional);
    const total = kept.reduce((sum, column) => sum + parseFloat(column.width), 0);
    const full = COLUMNS.reduce((sum, column) => sum + parseFloat(column.width), 0);
    return kept.map((column) => ({ ...column, width: `${((parseFloat(column.width) / total) * full).toFixed(2)}%` }));
  }

  private colgroup(): TemplateResult {
    return html`<colgroup>
      <col class="check" />
      ${this.columns().map((column) => html`<col style="width:${column.width}" />`)}
    </colgroup>`;
  }

  private header(): TemplateResult {
    const allSelected = this.customers.length > 0 && this.selected.size >= this.customers.length;
    return html`<table class="head" role="presentation">
      ${this.colgroup()}
      <thead>
        <tr>
          <th class="check">
            <input type="checkbox" aria-label=${t('dashboard_select_all')} .checked=${allSelected} @change=${this.toggleAll} />
          </th>
          ${this.columns().map((column) => {
            if (column.key === 'phone') return html`<th>${t(column.label)}</th>`;
            const key = column.key;
            const sorted = this.sort.key === key;
            return html`<th aria-sort=${sorted ? (this.sort.descending ? 'descending' : 'ascending') : 'none'}>
              <button type="button" @click=${() => this.sortBy(key)}>
                ${t(column.label)}${sorted ? (this.sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            </th>`;
          })}
        </tr>
      </thead>
    </table>`;
  }

  private due(customer: TableCustomer, endOfToday: number): TemplateResult | typeof nothing {
    const status = dueStatus(customer.dueAt, this.now, endOfToday);
    if (status === 'none') return nothing;
    return html`<span class=${status}>${formatDateTime(customer.dueAt!)}</span>`;
  }

  private cell(key: Column['key'], customer: TableCustomer, endOfToday: number): unknown {
    switch (key) {
      case 'name':
        return customer.name;
      case 'phone':
        return customer.phone ? shownPhone(customer.phone, () => this.requestUpdate()) : (customer.wechat ?? '');
      case 'grade':
        return customer.grade;
      case 'stage':
        return t(`stage_${customer.stage}` as MessageKey);
      case 'channel':
        return t(`channel_${customer.channel}` as MessageKey);
      case 'consultant':
        return customer.consultant ?? '';
      case 'dueAt':
        return this.due(customer, endOfToday);
      case 'updatedAt':
        return formatDateTime(customer.updatedAt);
      default:
        return formatDateTime(customer.createdAt);
    }
  }

  override render(): TemplateResult {
    if (this.loaded && this.customers.length === 0) return html`${this.header()}<p class="empty">${t('customers_empty')}</p>`;
    const end = Math.min(this.customers.length, this.first + this.visible);
    const rows = this.customers.slice(this.first, end);
    const endOfToday = new Date(this.now).setHours(23, 59, 59, 999);
    return html`${this.header()}
      <div class="viewport" @scroll=${this.onScroll}>
        <div class="sizer" style="height:${this.customers.length * ROW_HEIGHT}px">
          <table part="table" class="rows" style="transform:translateY(${this.first * ROW_HEIGHT}px)" aria-rowcount=${this.customers.length}>
            ${this.colgroup()}
            <tbody @click=${this.onRowClick} @keydown=${this.onRowKeydown} @focusin=${this.onRowFocus} @change=${this.onRowCheck}>
              ${repeat(
                rows,
                (customer) => customer.id,
                (customer, offset) => {
                  const index = this.first + offset;
                  const selected = this.selected.has(customer.id);
                  return html`<tr
                    tabindex=${index === this.focusIndex || (this.focusIndex < 0 && index === 0) ? '0' : '-1'}
                    data-id=${customer.id}
                    data-index=${index}
                    aria-rowindex=${index + 1}
                    aria-selected=${selected ? 'true' : 'false'}
                  >
                    <td class="check">
                      <input type="checkbox" tabindex="-1" aria-label=${t('dashboard_select_row', customer.name)} .checked=${selected} />
                    </td>
                    ${this.columns().map((column) => html`<td class=${column.key}>${this.cell(column.key, customer, endOfToday)}</td>`)}
                  </tr>`;
                },
              )}
            </tbody>
          </table>
        </div>
      </div>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dd-sort-change': CustomEvent<SortOrder>;
    'dd-selection-change': CustomEvent<{ ids: string[] }>;
  }
}
