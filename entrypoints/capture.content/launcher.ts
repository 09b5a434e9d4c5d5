export const MIN_WIDTH = 280;
export const MAX_WIDTH = 900;
export const DEFAULT_WIDTH = 380;

const HOST_TAG = 'dealer-desk';

const STYLES = `
  :host {
    all: initial !important;
    position: fixed !important;
    inset: auto 0 0 auto !important;
    z-index: 2147483647 !important;
    display: block !important;
  }
  .launcher {
    position: fixed;
    right: 16px;
    bottom: 16px;
    width: 44px;
    height: 44px;
    border-radius: 50%;
    border: none;
    background: #1d4ed8;
    color: #fff;
    font: 600 14px/44px system-ui, sans-serif;
    box-shadow: 0 2px 8px rgb(0 0 0 / 30%);
    cursor: pointer;
    padding: 0;
  }
  .launcher:focus-visible {
    outline: 3px solid #93c5fd;
  }
`;

/** Parsed when the sidebar first opens: most pages never show the panel. */
const PANEL_STYLES = `
  .panel {
    position: fixed;
    top: 0;
    right: 0;
    height: 100vh;
    width: var(--dd-width, 380px);
    max-width: 100vw;
    background: #fff;
    box-shadow: -2px 0 12px rgb(0 0 0 / 25%);
  }
  .grip {
    position: absolute;
    left: -4px;
    top: 0;
    width: 8px;
    height: 100%;
    cursor: ew-resize;
  }
  iframe {
    border: none;
    width: 100%;
    height: 100%;
    display: block;
    color-scheme: light;
  }
  .dragging iframe {
    pointer-events: none;
  }
`;

const PRODUCT_NAME = 'Dealer Desk';

/** Work that can wait until the page has started loading the sidebar frame. */
function afterFrame(work: () => void): void {
  requestIdleCallback(work, { timeout: 500 });
}

export interface LauncherOptions {
  /** The sidebar page's URL (an extension page): asked for when the frame opens, not at page load. */
  src(): string;
  /**
   * The launcher's localized description. Read only when the user reaches for the launcher: the first
   * i18n lookup in a page costs ~10 ms of its main thread, too much to spend on every page load.
   */
  label(): string;
  /** Opened or closed by the user. */
  onToggle(open: boolean): void;
  /** The user finished dragging the frame's edge. */
  onResize(width: number): void;
}

/**
 * The launcher the capture script adds to a page: a small button, and when open, the sidebar frame
 * (an extension page the page cannot read). Plain DOM in a closed shadow root of an undefined
 * `<dealer-desk>` element: no custom-element registry (content scripts have none, and the polyfill
 * walks the whole page as it installs), no Lit. Nothing is typed here. Fixed-position overlay, so the
 * page's own layout never moves. Callbacks rather than DOM events, which page listeners could see.
 */
export class Launcher {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private isOpen = false;
  private currentWidth = DEFAULT_WIDTH;
  private button?: HTMLButtonElement;
  private description?: string;

  constructor(private readonly options: LauncherOptions) {
    this.host = document.createElement(HOST_TAG);
    this.root = this.host.attachShadow({ mode: 'closed' });
    // Through the CSSOM, which page CSP rules about inline styles do not block.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    this.root.adoptedStyleSheets = [sheet];
    // A click on the host (the test contract) or on the launcher button inside opens the sidebar.
    this.host.addEventListener('click', () => {
      if (!this.isOpen) this.toggle(true);
    });
    for (const reach of ['pointerenter', 'focusin']) this.host.addEventListener(reach, () => this.describe(), { once: true });
    this.render();
  }

  get open(): boolean {
    return this.isOpen;
  }

  /** Opens or closes without telling `onToggle` (restoring what the site remembers). */
  set open(open: boolean) {
    if (this.isOpen === open) return;
    this.isOpen = open;
    this.render();
  }

  get width(): number {
    return this.currentWidth;
  }

  set width(width: number) {
    this.setWidth(width);
  }

  toggle(open: boolean): void {
    if (this.isOpen === open) return;
    this.open = open;
    // Once the frame is on its way: a storage request in the click's task holds up its navigation.
    afterFrame(() => this.options.onToggle(open));
  }

  private setWidth(width: number): void {
    this.currentWidth = width;
    // Only the open panel uses it: a closed launcher leaves the host's style alone.
    if (this.isOpen) this.host.style.setProperty('--dd-width', `${width}px`);
  }

  /** The localized description, looked up once. */
  private get label(): string {
    this.description ??= this.options.label();
    return this.description;
  }

  private describe(): void {
    this.button?.setAttribute('aria-label', this.label);
    if (this.button) this.button.title = this.label;
  }

  /** The open panel and its frame get the localized name once the frame is on its way. */
  private describePanel(panel: HTMLElement, frame: HTMLIFrameElement): void {
    afterFrame(() => {
      panel.setAttribute('aria-label', this.label);
      frame.title = this.label;
    });
  }

  private render(): void {
    if (!this.isOpen) {
      const button = document.createElement('button');
      button.className = 'launcher';
      button.type = 'button';
      // The product's name until the user reaches for it (see `label`).
      const name = this.description ?? PRODUCT_NAME;
      button.title = name;
      button.setAttribute('aria-label', name);
      button.textContent = 'DD';
      this.button = button;
      this.root.replaceChildren(button);
      return;
    }
    this.button = undefined;
    if (this.root.adoptedStyleSheets.length === 1) {
      const panelSheet = new CSSStyleSheet();
      panelSheet.replaceSync(PANEL_STYLES);
      this.root.adoptedStyleSheets = [...this.root.adoptedStyleSheets, panelSheet];
    }
    // The product's name until the frame is on its way (the first i18n lookup is slow, see `label`).
    const name = this.description ?? PRODUCT_NAME;
    this.setWidth(this.currentWidth);
    const panel = document.createElement('div');
    panel.className = 'panel';
    panel.setAttribute('role', 'complementary');
    panel.setAttribute('aria-label', name);
    const grip = document.createElement('div');
    grip.className = 'grip';
    grip.addEventListener('pointerdown', (event) => this.startDrag(event, panel, grip));
    const frame = document.createElement('iframe');
    frame.src = this.options.src();
    frame.title = name;
    panel.append(grip, frame);
    this.root.replaceChildren(panel);
    if (this.description === undefined) this.describePanel(panel, frame);
  }

  private startDrag(event: PointerEvent, panel: HTMLElement, grip: HTMLElement): void {
    grip.setPointerCapture(event.pointerId);
    panel.classList.add('dragging');
    const move = (e: PointerEvent): void => {
      this.setWidth(Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, window.innerWidth - e.clientX))));
    };
    const end = (): void => {
      grip.removeEventListener('pointermove', move);
      panel.classList.remove('dragging');
      this.options.onResize(this.currentWidth);
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', end, { once: true });
    grip.addEventListener('pointercancel', end, { once: true });
  }
}
