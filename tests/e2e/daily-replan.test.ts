import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionForFile } from './support/extension';
import { seededCustomer, seedRows } from './support/seed-rows';

// The extension APIs, as seen by code evaluated in the extension's pages.
declare const chrome: typeof import('@wxt-dev/browser').browser;

const DAY = 24 * 60 * 60_000;
const browser = extensionForFile();

/** The worker's planning state in extension storage. */
function workerState(page: Page): Promise<{ stamp?: string; rolledThrough?: number }> {
  return page.evaluate(async () => {
    const stored = await chrome.storage.local.get(['dd-plan-stamp', 'dd-rolled-through']);
    return { stamp: stored['dd-plan-stamp'] as string | undefined, rolledThrough: stored['dd-rolled-through'] as number | undefined };
  });
}

/** One customer's callbacks, as plan key and status. */
function callbacksOf(page: Page, customerId: string): Promise<string[]> {
  return page.evaluate(async (customerId) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('dealer-desk');
      request.onsuccess = () => resolve(request.result);
    });
    const rows = await new Promise<{ planKey?: string; kind: string; status: string }[]>((resolve) => {
      const request = db.transaction('callbacks').objectStore('callbacks').index('customerId').getAll(customerId);
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return rows.map((row) => `${row.planKey ?? row.kind} ${row.status}`).sort();
  }, customerId);
}

test('the next morning the worker rolls a passed birthday on to next year, and reads nobody else', async () => {
  const page = await browser().openExtensionPage('/popup.html');
  await seedRows(page, { settings: [{ id: 'settings', timeZone: 'Asia/Shanghai' }] });
  // The settings changed: the worker re-plans the whole book once and notes the day it planned for.
  await expect.poll(async () => (await workerState(page)).stamp ?? '', { timeout: 20_000 }).toContain('Asia/Shanghai');
  await expect.poll(async () => (await workerState(page)).rolledThrough, { timeout: 20_000 }).toBeGreaterThan(0);

  const now = await page.evaluate(() => Date.now());
  const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now - DAY); // YYYY-MM-DD
  const year = Number(yesterday.slice(0, 4));
  // 王芳's birthday was yesterday and her greeting was sent; 李娜, an owner, was written without
  // planning (as a restored backup writes) before the worker's last look: only a full re-plan would plan her.
  await seedRows(page, {
    customers: [{ ...seededCustomer('c-birthday', '王芳', '+8613800138001', now), birthday: yesterday.slice(5) }, seededCustomer('c-unread', '李娜', '+8613800138002', now)],
    callbacks: [{ id: 'cb-birthday', customerId: 'c-birthday', kind: 'birthday', planKey: `birthday:${year}`, dueAt: now - DAY, status: 'done', createdAt: now - 2 * DAY, updatedAt: now - DAY }],
  });
  // The worker last planned two days ago; a tick today finds the day changed.
  await page.evaluate(async (at) => {
    await chrome.storage.local.set({ 'dd-rolled-through': at });
    await chrome.runtime.sendMessage({ type: 'reminders-refresh' });
  }, now - 2 * DAY);

  await expect.poll(() => callbacksOf(page, 'c-birthday'), { timeout: 20_000 }).toContain(`birthday:${year + 1} open`);
  expect(await callbacksOf(page, 'c-birthday')).toContain(`birthday:${year} done`);
  await expect.poll(async () => (await workerState(page)).rolledThrough).toBeGreaterThanOrEqual(now);
  // The owner without a birthday or greeting due in those days was not re-planned: no greeting, nothing.
  expect(await callbacksOf(page, 'c-unread')).toEqual([]);
});
