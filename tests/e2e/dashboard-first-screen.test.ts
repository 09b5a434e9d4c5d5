import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, waitForDashboardOnInstall, type ExtensionBrowser } from './support/extension';
import { seededCustomer, seededManualCallback, seedRows } from './support/seed-rows';

// The extension APIs, as seen by code evaluated in the extension's pages.
declare const chrome: typeof import('@wxt-dev/browser').browser;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const BOOK = 150;
let browser: ExtensionBrowser;
let now: number;

const name = (index: number): string => `客户${String(index).padStart(3, '0')}`;

beforeAll(async () => {
  browser = await launchExtension();
  await waitForDashboardOnInstall(browser);
  const page = await browser.openExtensionPage('/popup.html');
  now = await page.evaluate(() => Date.now());
  // 150 cards, each changed a minute after the one before; the newest was deleted since.
  const customers = Array.from({ length: BOOK }, (_, index) => ({
    ...seededCustomer(`c-${index}`, name(index), `+86138001${String(index).padStart(5, '0')}`, now),
    updatedAt: now - (BOOK - index) * MINUTE,
  }));
  customers[BOOK - 1] = { ...customers[BOOK - 1]!, deletedAt: now - MINUTE } as (typeof customers)[number];
  await seedRows(page, { customers, callbacks: [seededManualCallback('cb-next', `c-${BOOK - 2}`, now + DAY, '', now)] });
  await page.close();
});

afterAll(async () => {
  await browser?.dispose();
});

/** The names in the table's rows the first time it shows any, before anything else has been drawn over them. */
async function firstDrawnRows(page: Page): Promise<{ names: string[]; due: string }> {
  const shown = await page.waitForFunction(
    () => {
      const table = document.querySelector('dd-dashboard')?.shadowRoot?.querySelector('dd-customers-view')?.shadowRoot?.querySelector('dd-customer-table');
      const rows = [...(table?.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tbody tr[data-id]') ?? [])];
      if (rows.length === 0) return undefined;
      return { names: rows.map((row) => row.cells[1]?.textContent?.trim() ?? ''), due: rows[0]!.querySelector('span.overdue, span.today, span.later')?.textContent ?? '' };
    },
    undefined,
    { polling: 'raf', timeout: 15_000 },
  );
  return (await shown.jsonValue()) as { names: string[]; due: string };
}

test('the dashboard opens on the newest live customers, newest first, with their next callback', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const first = await firstDrawnRows(page);
  // The first screen, as first drawn: the newest cards (the deleted one left out), in order.
  expect(first.names.slice(0, 5)).toEqual([name(BOOK - 2), name(BOOK - 3), name(BOOK - 4), name(BOOK - 5), name(BOOK - 6)]);
  expect(first.names).not.toContain(name(BOOK - 1));
  expect(first.names).not.toContain(name(0));
  // 客户148's callback tomorrow is on the first screen too, not "none".
  expect(first.due).toMatch(/\d{2}:\d{2}/);
  await page.close();
});

/** The stamp of the planning settings the worker last re-planned the whole book with. */
function planStamp(page: Page): Promise<string> {
  return page.evaluate(async () => String((await chrome.storage.local.get('dd-plan-stamp'))['dd-plan-stamp'] ?? ''));
}

test("while a page reads its first screen, the worker's re-plan of the book waits, and goes on afterwards", async () => {
  const page = await browser.openExtensionPage('/popup.html');
  // A page reading its first screen holds this lock (storage/foreground-read.ts); this one holds it until told.
  await page.evaluate(
    () =>
      new Promise<void>((held) => {
        void navigator.locks.request('dd-foreground-read', { mode: 'shared' }, () => {
          held();
          return new Promise<void>((release) => ((window as unknown as { release: () => void }).release = release));
        });
      }),
  );
  // New planning settings: the worker re-plans all 150 customers, 25 at a time. (Not through seedRows:
  // the worker answers its refresh only once the re-plan is through, which is what is held up here.)
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('dealer-desk');
      request.onsuccess = () => resolve(request.result);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction('settings', 'readwrite');
      tx.objectStore('settings').put({ id: 'settings', timeZone: 'Asia/Tokyo' });
      tx.oncomplete = () => resolve();
    });
    db.close();
    void chrome.runtime.sendMessage({ type: 'reminders-refresh' });
  });
  await page.waitForTimeout(3_000);
  expect(await planStamp(page)).not.toContain('Asia/Tokyo');

  await page.evaluate(() => (window as unknown as { release: () => void }).release());
  await expect.poll(() => planStamp(page), { timeout: 20_000 }).toContain('Asia/Tokyo');
  await page.close();
});
