import { css, html, LitElement, type TemplateResult } from 'lit';
import { getLocale, t } from '../../core/i18n';
import { LocaleController } from '../../components/controllers/locale-controller';
import '../../components/callback-list/dd-callback-list';
import type { CallbackListItem, CallbackSnoozeDetail } from '../../components/callback-list/dd-callback-list';
import type { ReadableDatabase } from '../../storage/reader';
import { loadDueLists, withTotals, type DueLists, type SectionName } from '../shared/due-callbacks';
import { afterNextPaint } from '../shared/after-next-paint';
import { forgetDueScreen, rememberDueScreen } from '../shared/last-due-screen';
import { FIRST_SCREEN_ROWS } from './first-read';
import { loadPopupModule } from './popup-module';

const EMPTY: DueLists = { overdue: { total: 0, items: [] }, today: { total: 0, items: [] }, upcoming: { total: 0, items: [] }, tomorrowAt: 0, locale: 'zh_CN' };
/** Rows per section once the first screen is up; "more" draws the rest. */
const FIRST_ROWS = 25;
/**
 * What comes after the first screen, from the page's module (`main.ts`): each part loads on first use.
 * Type-only here, so the first screen's classic script never bundles them.
 */
export interface PopupLater {
  actions(): Promise<typeof import('./popup-actions')>;
  browser(): Promise<typeof import('wxt/browser').browser>;
  dexie(): Promise<typeof import('dexie').Dexie>;
}
/** The database (undefined when none exists yet: nothing is due) and its first screen, read before the element shows. */
export interface PopupOpening {
  reader: ReadableDatabase | undefined;
  firstScreen: DueLists | undefined;
  /** The first screen's section totals, counted after its rows were read. */
  totals?: Promise<Record<SectionName, number>> | undefined;
}
/** The page's module: fetched after the first screen, or at the first click that needs it. */
const afterFirstScreen = (): Promise<PopupLater> => {
  loadPopupModule();
  return PopupApp.later;
};
const actions = () => afterFirstScreen().then((later) => later.actions());
const extension = () => afterFirstScreen().then((later) => later.browser());
const TABLES_SHOWN = /^idb:\/\/[^/]+\/(callbacks|customers|scripts|settings)\//;

/** The toolbar popup: overdue, today and the next 7 days, each row one click from done. */
export class PopupApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 14px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif;
      color: #1f2933;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
      padding: 8px 10px;
      background: #fff;
      border-bottom: 1px solid #e4e7eb;
      position: sticky;
      top: 0;
      z-index: 1;
    }
    h1 {
      font-size: 15px;
      margin: 0;
      flex: 1;
    }
    header button {
      font: inherit;
      font-size: 12px;
      padding: 3px 8px;
      border-radius: 6px;
      border: 1px solid #1d4ed8;
      background: #fff;
      color: #1d4ed8;
      cursor: pointer;
    }
    header button.capture {
      background: #1d4ed8;
      color: #fff;
    }
    .legend {
      width: 100%;
      font-size: 11px;
      color: #616e7c;
    }
    main {
      padding: 0 10px 10px;
      max-height: 520px;
      overflow-y: auto;
    }
    dd-callback-list {
      background: #fff;
      margin-top: 8px;
      border-radius: 6px;
    }
    .empty,
    .status {
      padding: 16px 4px;
      color: #52606d;
    }
    .status {
      padding: 4px;
      font-size: 12px;
    }
  `;
  /**
   * What the popup opens with, read while its code loads. Until it is in, the element renders hidden,
   * so its styles and templates are made while the database is still answering.
   */
  static opening: Promise<PopupOpening> = Promise.resolve({ reader: undefined, firstScreen: undefined });
  /** The rows this popup showed last time today (last-due-screen.ts): drawn until the database's are in. */
  static last: DueLists | undefined;
  /** Set when the page's module has run. */
  static later: Promise<PopupLater> = new Promise(() => undefined);
  static override properties = { status: { state: true }, lists: { state: true }, loaded: { state: true }, opened: { state: true }, current: { state: true } };
  declare status: string;
  declare lists: DueLists;
  /** False until the first lists arrive: tells "loading" from "nothing due". */
  declare loaded: boolean;
  /** False until `opening` is in, or the last rows are drawn: nothing is shown before rows can be. */
  declare opened: boolean;
  /** False while the rows shown are the last ones remembered, not yet read from the database. */
  declare current: boolean;
  private reader: ReadableDatabase | undefined;
  private readonly shown: Record<SectionName, number> = { overdue: FIRST_ROWS, today: FIRST_ROWS, upcoming: FIRST_ROWS };
  private stopListening: (() => void) | undefined;
  private reading: Promise<void> | undefined;
  private readAgain = false;

  constructor() {
    super();
    this.status = '';
    const last = PopupApp.last;
    this.lists = last ?? EMPTY;
    this.loaded = last !== undefined;
    this.opened = last !== undefined;
    this.current = false;
    new LocaleController(this);
  }

  private async open(): Promise<void> {
    const { reader, firstScreen, totals } = await PopupApp.opening;
    this.reader = reader;
    this.opened = true;
    // No database yet: nothing is due (the read after the first paint says so too).
    if (!reader) this.showCurrent(EMPTY);
    if (!firstScreen) return;
    this.showCurrent(firstScreen);
    // Unless a fresh read has replaced the first screen meanwhile.
    const counted = await totals?.catch(() => undefined);
    if (counted && this.lists === firstScreen) this.showCurrent(withTotals(firstScreen, counted));
  }

  /** Rows read from the database: shown, and remembered for the next open. */
  private showCurrent(lists: DueLists): void {
    this.lists = lists;
    this.loaded = true;
    this.current = true;
    // "Nothing due" is never drawn from memory: rows appearing under it would read as a mistake.
    if ([lists.overdue, lists.today, lists.upcoming].every((section) => section.items.length === 0)) forgetDueScreen();
    else rememberDueScreen(lists, FIRST_SCREEN_ROWS);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
    this.stopListening = undefined;
  }

  /**
   * After the first screen is painted: the full first rows, and a fresh read whenever storage changes
   * (Dexie broadcasts every write, from any page or the worker; it loads only now, off the first paint).
   */
  private async listen(): Promise<void> {
    void this.open();
    await PopupApp.opening;
    // A hidden popup draws no frames: it goes on after a tenth of a second.
    await afterNextPaint(100);
    const later = await afterFirstScreen();
    void later.browser();
    const Dexie = await later.dexie();
    if (!this.isConnected || this.stopListening) return;
    const changed = (parts: Record<string, unknown>) => {
      if (Object.keys(parts).some((part) => part === 'all' || TABLES_SHOWN.test(part))) void this.read();
    };
    Dexie.on('storagemutated', changed);
    this.stopListening = () => Dexie.on.storagemutated.unsubscribe(changed);
    await this.read();
  }

  /** Reads the lists again (one read at a time; changes meanwhile read once more after it). */
  private read(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        this.readAgain = false;
        const reader = this.reader;
        // A failed read (the database closing under us) keeps what is shown; the next change reads again.
        const lists = reader ? await loadDueLists(reader, { ...this.shown }).catch(() => undefined) : EMPTY;
        if (lists) this.showCurrent(lists);
        else this.loaded = true;
      } while (this.readAgain);
    })().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private find(id: string): CallbackListItem | undefined {
    const { overdue, today, upcoming } = this.lists;
    return [...overdue.items, ...today.items, ...upcoming.items].find((item) => item.id === id);
  }

  private async done(id: string): Promise<void> {
    // A row drawn from memory may have been done elsewhere: act on the rows read from the database.
    if (!this.current) await PopupApp.opening.catch(() => undefined);
    const item = this.find(id);
    if (!item) {
      this.status = t('popup_callback_gone');
      return;
    }
    this.status = await (await actions()).markDone(item, getLocale());
  }

  private async snooze({ id, until }: CallbackSnoozeDetail): Promise<void> {
    await (await actions()).snooze(id, until);
  }

  private more(section: SectionName): void {
    this.shown[section] += 100;
    void this.read();
  }

  private openCustomer(customerId: string): void {
    void extension()
      .then((browser) => browser.tabs.create({ url: browser.runtime.getURL(`/options.html#customer=${encodeURIComponent(customerId)}`) }))
      .then(() => window.close());
  }

  private async captureTab(): Promise<void> {
    // The capture feature's router answers `capture:tab` for the popup (it holds activeTab for that tab).
    const browser = await extension();
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const answer =
      tab?.id === undefined
        ? undefined
        : ((await browser.runtime.sendMessage({ type: 'capture:tab', tabId: tab.id }).catch(() => undefined)) as { ok?: boolean } | undefined);
    if (answer?.ok) window.close();
    else this.status = t('popup_capture_failed');
  }

  override render(): TemplateResult {
    const { overdue, today, upcoming, tomorrowAt } = this.lists;
    // A section still being counted has callbacks: its first rows filled what was read of it.
    const nothingDue = this.loaded && [overdue, today, upcoming].every((section) => section.total === 0);
    const list = (heading: string, section: DueLists[SectionName], name: SectionName) =>
      html`<dd-callback-list
        class=${name}
        heading=${heading}
        .items=${section.items}
        .total=${section.total}
        ?counting=${section.total === undefined}
        @dd-callback-more=${() => this.more(name)}
        .tomorrowAt=${tomorrowAt}
        @dd-callback-done=${(event: CustomEvent<{ id: string }>) => this.done(event.detail.id)}
        @dd-callback-snooze=${(event: CustomEvent<CallbackSnoozeDetail>) => this.snooze(event.detail)}
        @dd-callback-open=${(event: CustomEvent<{ customerId: string }>) => this.openCustomer(event.detail.customerId)}
      ></dd-callback-list>`;
    return html`<div class="popup" ?hidden=${!this.opened} aria-busy=${this.current ? 'false' : 'true'}><header>
        <h1>${t('popup_title')}</h1>
        <button type="button" class="capture" @click=${() => this.captureTab()}>${t('popup_capture_tab')}</button>
        <button type="button" @click=${() => void extension().then((browser) => browser.runtime.openOptionsPage()).then(() => window.close())}>${t('popup_open_dashboard')}</button>
        <span class="legend">${t('popup_legend')}</span>
      </header>
      <main>
        ${this.status ? html`<p class="status" role="status">${this.status}</p>` : ''}
        ${nothingDue
          ? html`<p class="empty">${t('popup_empty')}</p>`
          : html`${list(t('popup_overdue'), overdue, 'overdue')} ${list(t('popup_today'), today, 'today')} ${list(t('popup_upcoming'), upcoming, 'upcoming')}`}
      </main></div>`;
  }
}

