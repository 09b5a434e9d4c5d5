import { browser } from 'wxt/browser';
import type { ContentCommand } from './capture-messages';

/** The built content script, injected on demand where the manifest does not run it. */
export const CAPTURE_SCRIPT = '/content-scripts/capture.js';
/** The extractor, injected into the capture script's world when a draft is first asked for. */
export const EXTRACT_SCRIPT = '/extract.js';

/** Sends a command to the capture script in a tab's top frame; false when none is listening. */
export async function sendToCapture(tabId: number, command: ContentCommand): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, command, { frameId: 0 });
}

/** Injections of the extractor under way, per tab: the sidebar's ask waits for the one its opening started. */
const loading = new Map<number, Promise<unknown>>();

/** Loads the extractor into the capture script's world of a tab's top frame. */
export function loadExtractor(tabId: number): Promise<unknown> {
  let injection = loading.get(tabId);
  if (!injection) {
    injection = browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [EXTRACT_SCRIPT] }).finally(() => loading.delete(tabId));
    loading.set(tabId, injection);
  }
  return injection;
}

/** The page's lead as the capture script reads it, loading the extractor first if needed. */
export async function extractFromTab(tabId: number): Promise<unknown> {
  await loading.get(tabId)?.catch(() => undefined);
  const first = (await sendToCapture(tabId, { type: 'capture:extract' })) as { missing?: string } | undefined;
  if (!first || first.missing !== 'extractor') return first;
  await loadExtractor(tabId);
  return sendToCapture(tabId, { type: 'capture:extract' });
}

/**
 * Opens the capture sidebar on a tab, injecting the capture script first on pages where it does
 * not run (needs activeTab — granted by the action, the shortcut or the context menu — or a host
 * permission). For the popup's "capture this tab" and the context menu; resolves false when the
 * page cannot be scripted (browser pages, the web store).
 */
export async function captureTab(tabId: number, options: { selection?: string } = {}): Promise<boolean> {
  const open: ContentCommand = { type: 'capture:open', ...(options.selection ? { selection: options.selection.slice(0, 2000) } : {}) };
  try {
    await sendToCapture(tabId, open);
    return true;
  } catch {
    // No capture script in this tab yet.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_SCRIPT] });
    await sendToCapture(tabId, open);
    return true;
  } catch {
    return false;
  }
}
