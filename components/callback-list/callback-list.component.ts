import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { getLocale, t } from '../../core/i18n';
import { LocaleController } from '../controllers/locale-controller';
import { hostStyles, focusRingStyles } from '../styles';
import { callbackListStyles } from './callback-list.styles';

/** One row: a callback with what the consultant needs to act on it. */
export interface CallbackListItem {
  id: string;
  customerId: string;
  customerName: string;
  grade?: string;
  /** Why it is due, in words ("交车第 7 天：用车回访"). */
  reason: string;
  dueAt: number;
  overdue: boolean;
  /** Upcoming (not yet due): drawn quieter. */
  later?: boolean;
  /** The suggested script, already rendered for this customer. */
  script?: { id: string; title: string; text: string; channel?: string };
}

export interface CallbackSnoozeDetail {
  id: string;
  until: number;
}

/**
 * Snooze choices are buttons shown on demand, not a `<select>` per row: rows are drawn on every popup
 * open, and six selects took 3–5 ms to create and lay out here against ~1 ms for buttons (34–45 ms
 * against ~14 for the first ever in a fresh renderer process).
 */
const SNOOZE_CHOICES = [
  ['1h', 'cadence_snooze_1h'],
  ['tomorrow', 'cadence_snooze_tomorrow'],
  ['pick', 'cadence_snooze_pick'],
] as const;
type SnoozeChoice = (typeof SNOOZE_CHOICES)[number][0];

const shortFormats = new Map<string, Intl.DateTimeFormat>();

/** `11/23 09:30` / `11/23, 9:30 AM`: a list row has little room, and the year is this one or the next. */
function shortDateTime(at: number): string {
  const locale = getLocale() === 'zh_CN' ? 'zh-CN' : 'en-US';
  let format = shortFormats.get(locale);
  if (!format) shortFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' })));
  return format.format(at);
}

function localInputValue(at: number): string {
  const date = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

/**
 * A list of callbacks with one-click actions; keyboard usable (every action is a native control).
 *
 * @event dd-callback-done - `{ id }`: the consultant handled this callback.
 * @event dd-callback-snooze - `CallbackSnoozeDetail`: put it off until `until`.
 * @event dd-callback-open - `{ id, customerId }`: open the customer's card.
 * @event dd-script-copy - `{ scriptId, text }`: the suggested script was copied to the clipboard.
 * @event dd-callback-more - the user asked for more rows (when `total` exceeds the items given).
 * @csspart list - the list element.
 * @cssproperty --dd-overdue - the mark of overdue rows.
 * @cssproperty --dd-due - the mark of rows due now.
 */
export class DdCallbackList extends LitElement {
  static override styles = [hostStyles, callbackListStyles, focusRingStyles];
  static override properties = {
    items: { attribute: false },
    heading: { type: String },
    /** When "tomorrow" snoozes to (the host knows the working hours); 09:00 tomorrow by default. */
    tomorrowAt: { type: Number, attribute: 'tomorrow-at' },
    /** How many callbacks the list stands for; the host may pass only the first rows (`items`). */
    total: { type: Number },
    /** The host is still counting: the heading shows no number, and there is no "more" yet. */
    counting: { type: Boolean },
    snoozing: { state: true },
    picking: { state: true },
    copied: { state: true },
  };

  declare items: CallbackListItem[];
  declare heading: string;
  declare tomorrowAt: number | undefined;
  declare total: number | undefined;
  declare counting: boolean;
  /** The row whose snooze choices are open. */
  declare snoozing: string | undefined;
  declare picking: string | undefined;
  declare copied: string | undefined;

  constructor() {
    super();
    this.items = [];
    this.heading = '';
    this.counting = false;
    new LocaleController(this);
  }

  private emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private tomorrow(): number {
    if (this.tomorrowAt) return this.tomorrowAt;
    const date = new Date();
    date.setDate(date.getDate() + 1);
    date.setHours(9, 0, 0, 0);
    return date.getTime();
  }

  /** Opens (or closes) a row's snooze choices, the first one focused. */
  private toggleSnooze(item: CallbackListItem): void {
    this.snoozing = this.snoozing === item.id ? undefined : item.id;
    if (this.snoozing) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`li[data-id="${item.id}"] [data-snooze]`)?.focus());
  }

  private snooze(item: CallbackListItem, choice: SnoozeChoice): void {
    this.snoozing = undefined;
    if (choice === '1h') this.emit<CallbackSnoozeDetail>('dd-callback-snooze', { id: item.id, until: Date.now() + 3_600_000 });
    else if (choice === 'tomorrow') this.emit<CallbackSnoozeDetail>('dd-callback-snooze', { id: item.id, until: this.tomorrow() });
    else if (choice === 'pick') {
      this.picking = item.id;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`input[data-pick="${item.id}"]`)?.focus());
    }
  }

  private confirmPick(item: CallbackListItem): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>(`input[data-pick="${item.id}"]`);
    const until = input?.value ? new Date(input.value).getTime() : NaN;
    if (Number.isNaN(until)) return;
    this.picking = undefined;
    this.emit<CallbackSnoozeDetail>('dd-callback-snooze', { id: item.id, until });
  }

  private async copy(item: CallbackListItem): Promise<void> {
    if (!item.script) return;
    await navigator.clipboard?.writeText(item.script.text).catch(() => undefined);
    this.copied = item.id;
    this.emit('dd-script-copy', { scriptId: item.script.id, text: item.script.text });
  }

  private row(item: CallbackListItem): TemplateResult {
    const open = () => this.emit('dd-callback-open', { id: item.id, customerId: item.customerId });
    return html`<li class=${item.overdue ? 'overdue' : item.later ? 'later' : 'due'} data-id=${item.id}>
      <div class="who">
        <button type="button" class="name" @click=${open}>${item.customerName}</button>
        ${item.grade ? html`<span class="grade">${item.grade}</span>` : nothing}
        <time datetime=${new Date(item.dueAt).toISOString()}>${item.overdue ? `${t('cadence_overdue')} · ` : ''}${shortDateTime(item.dueAt)}</time>
      </div>
      <div class="why">${item.reason}</div>
      ${item.script
        ? html`<div class="script">
            <span title=${item.script.text}>${t('script_suggested')}：${item.script.title}</span
            ><button type="button" class="copy" @click=${() => this.copy(item)}>${this.copied === item.id ? t('script_copied') : t('script_copy')}</button>
          </div>`
        : nothing}
      <div class="actions">
        <button type="button" class="done" @click=${() => this.emit('dd-callback-done', { id: item.id })}>${t('cadence_action_done')}</button>
        <button type="button" class="snooze" aria-expanded=${this.snoozing === item.id ? 'true' : 'false'} @click=${() => this.toggleSnooze(item)}>${t('cadence_snooze_choose')}</button>
        <button type="button" class="open" @click=${open}>${t('cadence_action_open')}</button>
        ${this.snoozing === item.id
          ? html`<span class="snooze-choices" role="group" aria-label=${t('cadence_action_snooze')}>
              ${SNOOZE_CHOICES.map(([choice, label]) => html`<button type="button" data-snooze=${choice} @click=${() => this.snooze(item, choice)}>${t(label)}</button>`)}
            </span>`
          : nothing}
        ${this.picking === item.id
          ? html`<input
                type="datetime-local"
                data-pick=${item.id}
                aria-label=${t('cadence_snooze_pick')}
                .value=${localInputValue(this.tomorrow())}
                @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && this.confirmPick(item)}
              /><button type="button" class="confirm" @click=${() => this.confirmPick(item)}>${t('cadence_snooze_confirm')}</button>`
          : nothing}
      </div>
    </li>`;
  }

  override render(): TemplateResult {
    const total = this.counting ? this.items.length : Math.max(this.total ?? 0, this.items.length);
    return html`${this.heading ? html`<h3>${this.heading} ${this.counting ? nothing : html`<span class="count">${total}</span>`}</h3>` : nothing}
      ${this.items.length === 0
        ? html`<p class="empty">${t('cadence_list_empty')}</p>`
        : html`<ol part="list">
            ${this.items.map((item) => this.row(item))}
          </ol>`}
      ${total > this.items.length
        ? html`<button type="button" class="more" @click=${() => this.emit('dd-callback-more', {})}>${t('cadence_list_more', total - this.items.length)}</button>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dd-callback-done': CustomEvent<{ id: string }>;
    'dd-callback-snooze': CustomEvent<CallbackSnoozeDetail>;
    'dd-callback-open': CustomEvent<{ id: string; customerId: string }>;
    'dd-script-copy': CustomEvent<{ scriptId: string; text: string }>;
    'dd-callback-more': CustomEvent<Record<string, never>>;
  }
}
