import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension';

// The extension APIs, as seen by code evaluated in the service worker.
declare const chrome: typeof import('@wxt-dev/browser').browser;

/** The toolbar popup as the user gets it, over a tab: what it decides about "this tab" is real. */
export interface ToolbarPopup {
  /** Runs `expression` in the popup (promises awaited) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Whether the popup is still open (it closes itself after an action). */
  isOpen(): Promise<boolean>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * Opens the real toolbar popup (`chrome.action.openPopup`) over `tab`, which becomes the active tab
 * of the focused window. Playwright does not attach to extension popups, so the popup is driven over
 * the DevTools protocol through the tab's session.
 */
export async function openToolbarPopup(browser: ExtensionBrowser, tab: Page): Promise<ToolbarPopup> {
  await tab.bringToFront();
  const session = await browser.context.newCDPSession(tab);
  const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
  const target = async () =>
    ((await session.send('Target.getTargets')).targetInfos as TargetInfo[]).find((info) => info.type === 'page' && info.url.startsWith(popupUrl));
  expect(await target()).toBeUndefined();
  const worker = await browser.serviceWorker();
  await worker.evaluate(() => chrome.action.openPopup());
  await expect.poll(target, { timeout: 10_000 }).toBeTruthy();
  const { sessionId } = (await session.send('Target.attachToTarget', { targetId: (await target())!.targetId, flatten: false })) as { sessionId: string };

  interface Reply {
    id?: number;
    result?: { result?: { value?: unknown }; exceptionDetails?: unknown };
    error?: unknown;
  }
  let lastId = 0;
  const waiting = new Map<number, (reply: Reply) => void>();
  session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as Reply;
    if (reply.id === undefined) return;
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  return {
    evaluate<T>(expression: string): Promise<T> {
      const id = ++lastId;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, (reply) => {
          if (reply.error || reply.result?.exceptionDetails) reject(new Error(JSON.stringify(reply.error ?? reply.result?.exceptionDetails)));
          else resolve(reply.result?.result?.value as T);
        });
        const message = JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } });
        session.send('Target.sendMessageToTarget', { sessionId, message }).catch(reject);
      });
    },
    async isOpen() {
      return (await target()) !== undefined;
    },
  };
}
