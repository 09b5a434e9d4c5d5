import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../../core/i18n';
import { LocaleController } from '../../components/controllers/locale-controller';
import { readFirstScreen, type FirstScreen } from '../../storage/first-screen';
import { CustomerBook } from './customer-book';
import { loadDashboardStorage } from './lazy-storage';
import './customers-view';

type Page = 'customers' | 'import' | 'backup' | 'report' | 'approvals' | 'scripts' | 'settings';
const PAGES: { page: Page; label: MessageKey }[] = [
  { page: 'customers', label: 'customers_title' },
  { page: 'import', label: 'import_title' },
  { page: 'backup', label: 'backup_title' },
  { page: 'report', label: 'report_title' },
  { page: 'approvals', label: 'approval_title' },
  { page: 'scripts', label: 'script_editor_title' },
  { page: 'settings', label: 'settings_title' },
];

/**
 * The dashboard shell: pages by URL hash (`#customers`, `#import`, `#backup`, `#report`,
 * `#approvals`, `#scripts`); a customer card opens over the table (`#customer=<id>`, `#new`).
 */
export class DashboardApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
    }
    header {
      display: flex;
      align-items: center;
      gap: 16px;
      padding: 8px 16px;
      background: #1f2933;
      color: #fff;
    }
    h1 {
      font-size: 17px;
      margin: 0;
    }
    nav {
      display: flex;
      gap: 4px;
      flex: 1;
    }
    nav a {
      color: #cbd2d9;
      text-decoration: none;
      padding: 6px 10px;
      border-radius: 6px;
    }
    nav a[aria-current='page'] {
      background: #3e4c59;
      color: #fff;
    }
    .badge {
      background: #c81e1e;
      color: #fff;
      border-radius: 9px;
      padding: 0 6px;
      font-size: 12px;
      margin-left: 4px;
    }
    header button {
      font: inherit;
      padding: 4px 12px;
      border-radius: 6px;
      border: 1px solid #fff;
      background: transparent;
      color: #fff;
      cursor: pointer;
    }
    main {
      padding: 12px 16px;
    }
    /* The table stays usable beside an open card. */
    main.beside-card {
      margin-right: min(760px, 60vw);
    }
    .drawer {
      position: fixed;
      top: 0;
      right: 0;
      bottom: 0;
      width: min(760px, 60vw);
      overflow-y: auto;
      background: #fff;
      box-shadow: -4px 0 16px rgb(0 0 0 / 18%);
      padding: 12px 16px;
      box-sizing: border-box;
      z-index: 10;
    }
    @media print {
      header,
      .drawer {
        display: none;
      }
      main {
        padding: 0;
      }
    }
  `;
  static override properties = {
    page: { state: true },
    cardId: { state: true },
    revision: { state: true },
    pending: { state: true },
  };

  /** The first screen of the table, when main.ts started reading it before this element existed. */
  static firstScreen?: Promise<FirstScreen>;

  declare page: Page;
  declare cardId: string | undefined;
  declare revision: number;
  /** Lost-deal requests waiting for the manager. */
  declare pending: number;

  readonly book = new CustomerBook({
    firstScreen: (limit) => readFirstScreen(limit),
    storage: () => import('./book-storage').then((module) => module.openBookStorage()),
  });
  private pendingWatch?: { unsubscribe(): void };

  constructor() {
    super();
    this.page = 'customers';
    this.revision = 0;
    this.pending = 0;
    new LocaleController(this);
    this.book.onChange = () => {
      this.revision++;
      this.renderRoot.querySelector<LitElement>('dd-customers-view')?.requestUpdate();
    };
    this.readHash();
    window.addEventListener('hashchange', () => this.readHash());
    const bookLoaded = this.book.load(DashboardApp.firstScreen);
    DashboardApp.firstScreen = undefined;
    // The other pages, the card and the writing code load once the book is in (or when the
    // consultant goes to one of them first: see readHash).
    void bookLoaded.finally(() => requestIdleCallback(() => void this.watchPending(), { timeout: 2000 }));
  }

  private async watchPending(): Promise<void> {
    if (this.pendingWatch) return;
    const storage = await loadDashboardStorage();
    if (!this.isConnected || this.pendingWatch) return;
    this.pendingWatch = storage.pendingRequests.subscribe({ next: (count) => (this.pending = count) });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pendingWatch?.unsubscribe();
    this.pendingWatch = undefined;
  }

  private readHash(): void {
    const hash = location.hash.replace(/^#/, '');
    const card = /^customer=(.+)$/.exec(hash);
    if (card?.[1]) {
      this.page = 'customers';
      this.cardId = decodeURIComponent(card[1]);
    } else if (hash === 'new') {
      this.page = 'customers';
      this.cardId = 'new';
    } else {
      this.page = PAGES.some((entry) => entry.page === hash) ? (hash as Page) : 'customers';
      this.cardId = undefined;
    }
    if (this.page !== 'customers' || this.cardId) void this.watchPending();
  }

  /** After a restore the book is read again from scratch (restored cards may be older). */
  reloadBook(): void {
    void this.book.load();
  }

  private content(): TemplateResult {
    switch (this.page) {
      case 'import':
        return html`<dd-import-view></dd-import-view>`;
      case 'backup':
        return html`<dd-backup-view @dd-restored=${() => this.reloadBook()}></dd-backup-view>`;
      case 'report':
        return html`<dd-report-view></dd-report-view>`;
      case 'approvals':
        return html`<dd-approvals-view></dd-approvals-view>`;
      case 'scripts':
        return html`<dd-script-library></dd-script-library>`;
      case 'settings':
        return html`<dd-settings-view></dd-settings-view>`;
      default:
        return html`<dd-customers-view .book=${this.book} .revision=${this.revision}></dd-customers-view>`;
    }
  }

  override render(): TemplateResult {
    return html`<header>
        <h1>${t('extName')}</h1>
        <nav aria-label=${t('dashboard_nav')}>
          ${PAGES.map(
            ({ page, label }) => html`<a href="#${page}" aria-current=${this.page === page ? 'page' : 'false'}
              >${t(label)}${page === 'approvals' && this.pending > 0 ? html`<span class="badge">${this.pending}</span>` : nothing}</a
            >`,
          )}
        </nav>
        <button type="button" @click=${() => (location.hash = 'new')}>${t('action_new_customer')}</button>
      </header>
      <main class=${this.cardId ? 'beside-card' : ''}>${this.content()}</main>
      ${this.cardId
        ? html`<aside class="drawer" aria-label=${t('customer_card_title')}><dd-card-view .customerId=${this.cardId}></dd-card-view></aside>`
        : nothing}`;
  }
}
