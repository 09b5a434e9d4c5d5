import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { CaptureResult, ExtractOptions } from '../../core/extract/types';
import { leadSiteMatchPatterns } from '../../core/lead-sites';
import { DEFAULT_WIDTH, Launcher, MAX_WIDTH, MIN_WIDTH } from './launcher';

const RUNNING = Symbol.for('dealer-desk.capture');
// Set by the extractor script, which the background injects when a sidebar first asks for a draft.
const EXTRACT = Symbol.for('dealer-desk.extract');
type Extract = (doc: Document, url: string, options: ExtractOptions) => CaptureResult;

interface SiteMemory {
  open: boolean;
  width: number;
}

/**
 * The capture script: on the lead sites (manifest), on the sites the user added (registered at run
 * time) and on demand on any page (injected by the background). It reads the page only when asked
 * (sidebar open, URL change while open) and sends nothing but what it read.
 */
export default defineContentScript({
  // Read by WXT when it writes the manifest; the built script (where WXT defines ENTRYPOINT) has no use
  // for the list, so it is not worked out again on every page load.
  matches: import.meta.env.ENTRYPOINT ? [] : leadSiteMatchPatterns(),
  runAt: 'document_idle',
  // WXT would announce every start to the page with a window message: pages need not learn we are here.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const scope = globalThis as typeof globalThis & { [RUNNING]?: boolean };
    // Injected again on a page where it already runs (shortcut on a portal): nothing to do twice.
    if (scope[RUNNING]) return;
    scope[RUNNING] = true;

    let selection: string | undefined;
    const memoryKey = `capture.site.${location.hostname}`;
    const remember = (patch: Partial<SiteMemory>): void => {
      void browser.storage.local.get(memoryKey).then((stored) => {
        const previous = (stored[memoryKey] as SiteMemory | undefined) ?? { open: false, width: DEFAULT_WIDTH };
        return browser.storage.local.set({ [memoryKey]: { ...previous, ...patch } });
      });
    };
    // Single-page portals change the URL without a load: read the new page once it has rendered.
    // Watched only once the sidebar has been open (the watcher costs every page load otherwise).
    let watching = false;
    let timer: number | undefined;
    const watchLocation = (): void => {
      if (watching) return;
      watching = true;
      ctx.addEventListener(window, 'wxt:locationchange', () => {
        selection = undefined;
        if (timer) clearTimeout(timer);
        timer = ctx.setTimeout(() => {
          if (launcher.open) push();
        }, 300);
      });
    };
    const launcher = new Launcher({
      src: () => browser.runtime.getURL('/sidebar.html'),
      label: () => browser.i18n.getMessage('capture_launcher_title') || 'Dealer Desk',
      onToggle: (open) => {
        if (open) {
          watchLocation();
          // The sidebar asks for the page's draft as soon as it runs: the extractor can load meanwhile.
          if (!(globalThis as Record<symbol, unknown>)[EXTRACT]) void browser.runtime.sendMessage({ type: 'capture:opening' }).catch(() => undefined);
        }
        remember({ open });
      },
      onResize: (width) => remember({ width }),
    });
    document.documentElement.append(launcher.host);
    void browser.storage.local.get(memoryKey).then((stored) => {
      const memory = stored[memoryKey] as SiteMemory | undefined;
      if (!memory) return;
      launcher.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, memory.width));
      if (memory.open) {
        launcher.open = true;
        watchLocation();
      }
    });

    const read = (): CaptureResult | { missing: 'extractor' } => {
      const extract = (globalThis as Record<symbol, Extract | undefined>)[EXTRACT];
      return extract ? extract(document, location.href, { selection }) : { missing: 'extractor' };
    };
    const push = (): void => {
      const draft = read();
      if ('url' in draft) void browser.runtime.sendMessage({ type: 'capture:draft', draft }).catch(() => undefined);
    };

    browser.runtime.onMessage.addListener((message: { type?: string; selection?: unknown; width?: unknown }, sender, sendResponse) => {
      // Only the extension's background talks to us (pages cannot reach this listener).
      if (sender.id !== browser.runtime.id || sender.tab) return false;
      switch (message?.type) {
        case 'capture:extract':
          sendResponse(read());
          return false;
        case 'capture:open':
          selection = typeof message.selection === 'string' ? message.selection : undefined;
          if (launcher.open && selection) push();
          launcher.toggle(true);
          watchLocation();
          sendResponse(true);
          return false;
        case 'capture:close':
          launcher.toggle(false);
          sendResponse(true);
          return false;
        case 'capture:width':
          if (typeof message.width === 'number') {
            launcher.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, message.width));
            remember({ width: launcher.width });
          }
          sendResponse(true);
          return false;
      }
      return false;
    });

    ctx.onInvalidated(() => launcher.host.remove());
  },
});
