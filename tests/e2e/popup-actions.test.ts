import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionForFile } from './support/extension';
import { sidebarFrame } from './support/sidebar';
import { openToolbarPopup, type ToolbarPopup } from './support/toolbar-popup';
import { seededCustomer, seededManualCallback, seedRows } from './support/seed-rows';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import en from '../../public/_locales/en/messages.json';

const browser = extensionForFile();

/** An expression reading the popup's header button `name` (in its shadow root). */
function popupButton(name: string): string {
  return `document.querySelector('dd-popup')?.shadowRoot?.querySelector('header button.${name}')`;
}

async function clickInPopup(popup: ToolbarPopup, name: string): Promise<void> {
  await expect.poll(() => popup.evaluate<boolean>(`!!${popupButton(name)}`), { timeout: 10_000 }).toBe(true);
  // Not awaited beyond the click: the popup may close itself at once.
  await popup.evaluate<boolean>(`(${popupButton(name)}.click(), true)`);
}

test('"capture this tab" opens the capture sidebar on the portal tab under the popup, filled in from the page, and closes the popup', async () => {
  const page = await browser().context.newPage();
  const url = 'http://dealer.autohome.com.cn/fixtures/pages/autohome-dealer.html';
  await page.goto(url);
  await page.waitForSelector('dealer-desk', { state: 'attached' });
  expect(sidebarFrame(page)).toBeUndefined();

  const popup = await openToolbarPopup(browser(), page);
  await clickInPopup(popup, 'capture');

  await expect.poll(() => !!sidebarFrame(page), { timeout: 10_000 }).toBe(true);
  const form = sidebarFrame(page)!.locator('dd-capture-form form');
  await expect.poll(() => form.locator('[name=url]').inputValue(), { timeout: 10_000 }).toBe(url);
  expect(await form.locator('[name=name]').inputValue()).toBe('北京华通远航汽车销售服务有限公司');
  expect(await form.locator('[name=phone]').inputValue()).toBe('400-812-3456 转 21');
  expect(await form.locator('[name=source]').inputValue()).toBe('autohome');
  await expect.poll(() => popup.isOpen(), { timeout: 10_000 }).toBe(false);
  await page.close();
});

test('"capture this tab" over a page that cannot be captured says so and stays open', async () => {
  const dashboard = await browser().openExtensionPage('/options.html');
  const popup = await openToolbarPopup(browser(), dashboard);
  await clickInPopup(popup, 'capture');
  const status = `document.querySelector('dd-popup')?.shadowRoot?.querySelector('p[role=status]')?.textContent ?? ''`;
  // The real popup follows the browser's language (Playwright's zh-CN applies only to the pages it drives).
  const failed = [zhCN.popup_capture_failed.message, en.popup_capture_failed.message];
  await expect.poll(() => popup.evaluate<string>(status), { timeout: 10_000 }).toSatisfy((text: string) => failed.includes(text.trim()));
  expect(await popup.isOpen()).toBe(true);
  // Closing it answers nothing back: not awaited.
  void popup.evaluate('window.close()').catch(() => undefined);
  await dashboard.close();
});

/** Writes a customer with a callback due now straight into the extension's IndexedDB, as a restored backup would. */
async function seedDueCustomer(page: Page, id: string, name: string): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  await seedRows(page, {
    customers: [seededCustomer(id, name, '+8613900139001', now)],
    callbacks: [seededManualCallback(`cb-${id}`, id, now - 60_000, '回电约保养', now)],
  });
}

/** In the popup: the due rows present in the first frame that shows its header (kept on `window`). */
function recordFirstFrame(): void {
  if (location.pathname !== '/popup.html') return;
  const w = window as unknown as { __ddFirstFrameRows?: string[] };
  const check = (): void => {
    const popup = document.querySelector('dd-popup')?.shadowRoot;
    if (!popup || !(popup.querySelector('header')?.getBoundingClientRect().height ?? 0)) {
      requestAnimationFrame(check);
      return;
    }
    w.__ddFirstFrameRows = [...popup.querySelectorAll('dd-callback-list')].flatMap((list) => [...(list.shadowRoot?.querySelectorAll('li[data-id]') ?? [])].map((row) => row.getAttribute('data-id')!));
  };
  requestAnimationFrame(check);
}

test('the popup\'s first frame already shows the due rows: read before its code arrived, not by the live reads after', async () => {
  await browser().context.addInitScript(recordFirstFrame);
  const popup = await browser().openExtensionPage('/popup.html');
  await expect.poll(() => popup.evaluate(async () => (await indexedDB.databases()).some((db) => db.name === 'dealer-desk')), { timeout: 15_000 }).toBe(true);
  await seedDueCustomer(popup, 'c-first', '孙丽');
  await popup.reload();
  const firstFrame = () => popup.evaluate(() => (window as unknown as { __ddFirstFrameRows?: string[] }).__ddFirstFrameRows);
  await expect.poll(firstFrame, { timeout: 10_000 }).toBeDefined();
  expect(await firstFrame()).toContain('cb-c-first');
  await expect.poll(() => popup.locator('dd-callback-list.today li[data-id="cb-c-first"]').textContent(), { timeout: 10_000 }).toContain('孙丽');
  await popup.close().catch(() => undefined);
});

test('the next open draws at once the rows the popup showed last, marked busy, then the current ones: a callback done meanwhile is gone', async () => {
  const popup = await browser().openExtensionPage('/popup.html');
  await expect.poll(() => popup.evaluate(async () => (await indexedDB.databases()).some((db) => db.name === 'dealer-desk')), { timeout: 15_000 }).toBe(true);
  await seedDueCustomer(popup, 'c-last', '杜鹃');
  await popup.reload();
  const busy = (page: Page) => page.locator('dd-popup div.popup').getAttribute('aria-busy');
  const row = (page: Page, id: string) => page.locator(`dd-callback-list li[data-id="${id}"]`);
  await expect.poll(() => row(popup, 'cb-c-last').textContent(), { timeout: 10_000 }).toContain('杜鹃');
  await expect.poll(() => busy(popup), { timeout: 10_000 }).toBe('false');
  await popup.close();

  // While the popup is closed the callback is done elsewhere and another falls due; then that page
  // keeps the callbacks busy with a write, so the popup's read waits.
  const elsewhere = await browser().openExtensionPage('/options.html');
  const now = await elsewhere.evaluate(() => Date.now());
  await seedRows(elsewhere, {
    customers: [seededCustomer('c-next', '方圆', '+8613900139002', now)],
    callbacks: [{ ...seededManualCallback('cb-c-last', 'c-last', now - 60_000, '回电约保养', now), status: 'done', doneAt: now }, seededManualCallback('cb-c-next', 'c-next', now - 30_000, '回电约试驾', now)],
  });
  await elsewhere.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('dealer-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const callbacks = db.transaction('callbacks', 'readwrite').objectStore('callbacks');
    const w = window as unknown as { releaseCallbacks?: () => void };
    let held = true;
    w.releaseCallbacks = () => (held = false);
    // A transaction stays open while it has requests: one after another until released.
    const next = (): void => {
      if (held) callbacks.get('none').onsuccess = next;
    };
    next();
  });

  const reopened = await browser().openExtensionPage('/popup.html');
  await expect.poll(() => row(reopened, 'cb-c-last').textContent(), { timeout: 10_000 }).toContain('杜鹃');
  expect(await busy(reopened)).toBe('true');
  expect(await row(reopened, 'cb-c-next').count()).toBe(0);

  await elsewhere.evaluate(() => (window as unknown as { releaseCallbacks: () => void }).releaseCallbacks());
  await expect.poll(() => busy(reopened), { timeout: 10_000 }).toBe('false');
  await expect.poll(() => row(reopened, 'cb-c-next').count(), { timeout: 10_000 }).toBe(1);
  expect(await row(reopened, 'cb-c-last').count()).toBe(0);
  await reopened.close().catch(() => undefined);
  await elsewhere.close();
});

test('"open" on a due callback opens that customer\'s card in the dashboard', async () => {
  const popup = await browser().openExtensionPage('/popup.html');
  await expect.poll(() => popup.evaluate(async () => (await indexedDB.databases()).some((db) => db.name === 'dealer-desk')), { timeout: 15_000 }).toBe(true);
  await seedDueCustomer(popup, 'c-open', '周雪');
  await popup.reload();
  const row = popup.locator('dd-callback-list li[data-id="cb-c-open"]');
  await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('周雪');

  const opened = browser().context.waitForEvent('page', { timeout: 10_000 });
  await row.locator('button.open').click();
  const card = await opened;
  await card.waitForLoadState();
  expect(new URL(card.url()).pathname).toBe('/options.html');
  expect(new URL(card.url()).hash).toBe('#customer=c-open');
  await expect.poll(() => card.locator('dd-customer-card [name=name]').inputValue(), { timeout: 10_000 }).toBe('周雪');
  await card.close();
  await popup.close().catch(() => undefined);
});
