import { css, html, LitElement } from 'lit';

export const MIN_WIDTH = 280;
export const MAX_WIDTH = 900;
export const DEFAULT_WIDTH = 380;

/**
 * The launcher the capture script adds to a page: a small button, and when open, the sidebar frame
 * (an extension page the page cannot read). Lives in a closed shadow root; nothing is typed here.
 * Fixed-position overlay, so the page's own layout never moves.
 *
 * @event dd-launcher-toggle - `{ open: boolean }`: opened or closed by the user.
 * @event dd-launcher-resize - `{ width: number }`: the user finished dragging the frame's edge.
 */
export class DealerDeskLauncher extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { mode: 'closed' };
  static override styles = css`
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
  static override properties = {
    open: { type: Boolean },
    width: { type: Number },
    src: { attribute: false },
    label: { attribute: false },
    dragging: { state: true },
  };

  declare open: boolean;
  declare width: number;
  declare src: string;
  declare label: string;
  declare dragging: boolean;

  constructor() {
    super();
    this.open = false;
    this.width = DEFAULT_WIDTH;
    this.src = '';
    this.label = 'Dealer Desk';
    this.dragging = false;
    // A click on the host (the test contract) or on the launcher button inside opens the sidebar.
    this.addEventListener('click', () => {
      if (!this.open) this.toggle(true);
    });
  }

  toggle(open: boolean): void {
    if (this.open === open) return;
    this.open = open;
    this.dispatchEvent(new CustomEvent('dd-launcher-toggle', { detail: { open } }));
  }

  private startDrag(event: PointerEvent): void {
    const grip = event.currentTarget as HTMLElement;
    grip.setPointerCapture(event.pointerId);
    this.dragging = true;
    const move = (e: PointerEvent): void => {
      this.width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, window.innerWidth - e.clientX)));
    };
    const end = (): void => {
      grip.removeEventListener('pointermove', move);
      this.dragging = false;
      this.dispatchEvent(new CustomEvent('dd-launcher-resize', { detail: { width: this.width } }));
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', end, { once: true });
    grip.addEventListener('pointercancel', end, { once: true });
  }

  protected override updated(): void {
    // Through the CSSOM, which page CSP rules about inline styles do not block.
    this.style.setProperty('--dd-width', `${this.width}px`);
  }

  protected override render() {
    if (!this.open) {
      return html`<button class="launcher" type="button" title=${this.label} aria-label=${this.label}>DD</button>`;
    }
    return html`<div class="panel ${this.dragging ? 'dragging' : ''}" role="complementary" aria-label=${this.label}>
      <div class="grip" @pointerdown=${this.startDrag}></div>
      <iframe src=${this.src} title=${this.label}></iframe>
    </div>`;
  }
}
