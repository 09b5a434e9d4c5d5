import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchExtension, waitForDashboardOnInstall, type ExtensionBrowser } from './support/extension';
import { clickLauncher } from './support/sidebar';
import { seededCustomer, seededManualCallback, seedRows } from './support/seed-rows';

// The extension APIs, as seen by code evaluated in the extension's pages and service worker.
declare const chrome: typeof import('@wxt-dev/browser').browser;

const RED = [217, 45, 32, 255];
const AMBER = [247, 144, 9, 255];
const MINUTE = 60_000;

let browser: ExtensionBrowser;
let seededAt: number;

const customer = (id: string, name: string, phone: string) => seededCustomer(id, name, phone, seededAt);
const callback = (id: string, customerId: string, dueAt: number, note: string) => seededManualCallback(id, customerId, dueAt, note, seededAt);

async function badge(worker: Worker): Promise<{ text: string; colour: number[] }> {
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    colour: (await chrome.action.getBadgeBackgroundColor({})) as unknown as number[],
  }));
}

async function notificationIds(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()).sort());
}

async function refresh(page: Page): Promise<void> {
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'reminders-refresh' }));
}

async function databaseReady(page: Page): Promise<void> {
  // Opened (and upgraded to the build's version) by the background at start-up.
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).some((db) => db.name === 'dealer-desk' && (db.version ?? 0) >= 30)), { timeout: 15_000 }).toBe(true);
}

beforeAll(async () => {
  browser = await launchExtension();
  await waitForDashboardOnInstall(browser);
});

afterAll(async () => {
  await browser?.dispose();
});

test('the badge counts due and overdue callbacks, survives a restart, and each callback notifies once', async () => {
  const page = await browser.openExtensionPage('/popup.html');
  await databaseReady(page);
  seededAt = await page.evaluate(() => Date.now());
  await seedRows(page, {
    // No quiet hours, so the machine's clock cannot silence the notifications under test; no holiday
    // greetings, so an owner's greeting falling due on a holiday's eve cannot add to the count.
    settings: [{ id: 'settings', quietHours: { start: '00:00', end: '00:00' }, followUpRules: { holidays: [] } }],
    customers: [customer('c-overdue', '王芳', '+8613800138001'), customer('c-due', '李娜', '+8613800138002'), customer('c-later', '赵敏', '+8613800138003')],
    callbacks: [
      callback('cb-overdue', 'c-overdue', seededAt - 2 * 60 * MINUTE, '回电确认提车时间'),
      callback('cb-due', 'c-due', seededAt - 10 * MINUTE, '发送保养优惠'),
      callback('cb-later', 'c-later', seededAt + 26 * 60 * MINUTE, '邀请参加车主活动'),
    ],
  });

  let worker = await browser.serviceWorker();
  await expect.poll(() => badge(worker)).toEqual({ text: '2', colour: RED });
  await expect.poll(() => notificationIds(worker)).toEqual(['dd-callback|c-due|cb-due', 'dd-callback|c-overdue|cb-overdue']);

  // Shown once: cleared by the user, more ticks do not bring them back.
  await worker.evaluate(async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });
  await refresh(page);
  await refresh(page);
  expect(await notificationIds(worker)).toEqual([]);

  // The popup lists them by urgency; done on the overdue one drops the badge to the one due now.
  await page.reload();
  const overdueRow = page.locator('dd-callback-list.overdue li[data-id="cb-overdue"]');
  await expect.poll(() => overdueRow.textContent()).toContain('王芳');
  expect(await overdueRow.textContent()).toContain('回电确认提车时间');
  expect(await page.locator('dd-callback-list.today li[data-id="cb-due"]').count()).toBe(1);
  expect(await page.locator('dd-callback-list.upcoming li[data-id="cb-later"]').count()).toBe(1);
  // From the keyboard: the actions are native controls.
  await overdueRow.locator('button.done').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => badge(worker)).toEqual({ text: '1', colour: AMBER });
  await expect.poll(() => page.locator('li[data-id="cb-overdue"]').count()).toBe(0);

  // Snooze from the keyboard: the due one leaves the badge.
  const dueRow = page.locator('li[data-id="cb-due"]');
  await dueRow.locator('button.snooze').focus();
  await page.keyboard.press('Enter');
  // The choices open with the first ("in 1 hour") focused.
  await page.keyboard.press('Enter');
  await expect.poll(() => badge(worker)).toEqual({ text: '', colour: AMBER });
  await page.close();

  // Restart the browser on the same profile: the alarm is re-created, the badge is right, nothing is notified again.
  await browser.close();
  browser = await launchExtension({ profile: browser.profile, server: browser.server });
  worker = await browser.serviceWorker();
  await expect.poll(() => worker.evaluate(async () => (await chrome.alarms.get('dd-reminders-tick'))?.periodInMinutes)).toBe(1);
  const again = await browser.openExtensionPage('/popup.html');
  // The snoozed callback falls due again in an hour; meanwhile one with a new due time arrives.
  const now = await again.evaluate(() => Date.now());
  await seedRows(again, { callbacks: [callback('cb-new', 'c-later', now + 3_000, '回电')] });
  await expect.poll(() => badge(worker)).toEqual({ text: '', colour: AMBER });
  expect(await notificationIds(worker)).toEqual([]);

  // When it falls due it raises exactly one notification, recorded once.
  await new Promise((resolve) => setTimeout(resolve, 3_500));
  await refresh(again);
  await refresh(again);
  await expect.poll(() => badge(worker)).toEqual({ text: '1', colour: AMBER });
  expect(await notificationIds(worker)).toEqual(['dd-callback|c-later|cb-new']);
  const records = await again.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('dealer-desk');
      request.onsuccess = () => resolve(request.result);
    });
    const all = await new Promise<{ callbackId: string }[]>((resolve) => {
      const request = db.transaction('notifications').objectStore('notifications').getAll();
      request.onsuccess = () => resolve(request.result as { callbackId: string }[]);
    });
    db.close();
    return all.map((record) => record.callbackId).sort();
  });
  expect(records).toEqual(['cb-due', 'cb-new', 'cb-overdue']);
});

test('a lead captured from a portal page is due at once: the badge counts it and it notifies once', async () => {
  const worker = await browser.serviceWorker();
  const before = Number((await badge(worker)).text || '0');
  const page = await browser.context.newPage();
  const url = 'http://dealer.autohome.com.cn/fixtures/pages/autohome-dealer.html';
  await page.goto(url);
  await page.waitForSelector('dealer-desk', { state: 'attached' });
  const sidebar = await clickLauncher(page);
  const form = sidebar.locator('dd-capture-form form');
  await expect.poll(() => form.locator('[name=url]').inputValue(), { timeout: 10_000 }).toBe(url);
  await form.evaluate((element: HTMLFormElement) => element.requestSubmit());

  await expect.poll(() => badge(worker), { timeout: 15_000 }).toEqual({ text: String(before + 1), colour: AMBER });
  // The next tick (here asked for at once) notifies it, once.
  const popup = await browser.openExtensionPage('/popup.html');
  await refresh(popup);
  await refresh(popup);
  await expect.poll(async () => (await notificationIds(worker)).filter((id) => !id.endsWith('|cb-new'))).toHaveLength(1);
});
