import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, ROOT, type ExtensionBrowser } from './support/extension';

// The extension API inside the service worker, where these callbacks run.
declare const chrome: any;

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchExtension();
  page = await browser.openExtensionPage('/options.html#import');
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.locator('dd-import-view input[type=file]').setInputFiles(join(ROOT, 'tests/fixtures/import/customers.xlsx'));
  await page.locator('dd-import-view button.primary').click();
  await page.locator('dd-import-view .report').waitFor();
});

afterAll(async () => {
  await browser?.dispose();
});

const go = (hash: string): Promise<unknown> => page.evaluate((next) => (location.hash = next), hash);
const rows = () => page.locator('dd-customer-table tbody tr');
const search = () => page.locator('dd-customers-view input[type=search]');

async function openCard(name: string): Promise<void> {
  await go('customers');
  await search().fill(name);
  await expect.poll(() => rows().count()).toBe(1);
  await rows().first().click();
  await expect.poll(() => page.locator('dd-customer-card [name=name]').inputValue()).toBe(name);
}

test('unsaved card edits survive opening another customer and a reload, until saved or discarded', async () => {
  await openCard('李四');
  const notes = page.locator('dd-customer-card [name=notes]');
  await notes.fill('周六下午再来看车');
  await openCard('赵六');
  await openCard('李四');
  expect(await notes.inputValue()).toBe('周六下午再来看车');
  expect(await page.locator('dd-card-view .restored').count()).toBe(1);
  await page.reload();
  await expect.poll(() => page.locator('dd-customer-card [name=notes]').inputValue()).toBe('周六下午再来看车');
  await page.getByRole('button', { name: '放弃修改' }).click();
  await expect.poll(() => page.locator('dd-customer-card [name=notes]').inputValue()).toBe('');
});

test('bulk: set the grade of the selected customers, delete them, undo', async () => {
  await go('customers');
  await search().fill('w'); // wangwu 王五, wushi 吴十
  await expect.poll(() => rows().count()).toBe(2);
  await page.locator('dd-customer-table thead input[type=checkbox]').check();
  await page.locator('#bulk-grade').selectOption('H');
  await page.getByRole('button', { name: '设置级别' }).click();
  await expect.poll(() => rows().locator('td.grade').allTextContents()).toEqual(['H', 'H']);

  await page.getByRole('button', { name: '删除', exact: true }).click();
  await expect.poll(() => rows().count()).toBe(0);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect.poll(() => rows().count()).toBe(2);
});

test('a lost-deal request: the manager sends one back and approves another', async () => {
  for (const name of ['赵六', '陈十二']) {
    await openCard(name);
    await page.locator('dd-customer-card [name="deal.status"]').selectOption('lost');
    await page.locator('dd-customer-card [name="deal.lost.reason"]').fill('预算不够');
    await page.locator('dd-customer-card button[type=submit]').click();
    await expect.poll(() => page.locator('dd-card-view .saved').count()).toBe(1);
  }
  await go('approvals');
  const requests = page.locator('dd-approvals-view tbody tr');
  await expect.poll(() => requests.count()).toBe(2);
  expect(await page.locator('dd-dashboard nav .badge').textContent()).toBe('2');

  await requests.filter({ hasText: '赵六' }).locator('input').fill('再约一次试驾');
  await requests.filter({ hasText: '赵六' }).getByRole('button', { name: '退回' }).click();
  await requests.filter({ hasText: '陈十二' }).getByRole('button', { name: '批准战败' }).click();
  await expect.poll(() => requests.count()).toBe(0);

  await openCard('赵六');
  // Still an active lead (潜在), the deal open again, and a callback for tomorrow with the manager's note.
  expect(await page.locator('dd-customer-card [name=stage]').inputValue()).toBe('potential');
  expect(await page.locator('dd-customer-card [name="deal.status"]').inputValue()).toBe('open');
  await expect.poll(() => page.locator('dd-customer-follow-up dd-callback-list li .why').allTextContents()).toContainEqual(expect.stringContaining('再约一次试驾'));
  await openCard('陈十二');
  expect(await page.locator('dd-customer-card [name=grade]').inputValue()).toBe('F');
  expect(await page.locator('dd-customer-card [name=stage]').inputValue()).toBe('lost');
});

test('backup, change the book, restore: the changes are shown first, then undone', async () => {
  await go('backup');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '立即下载完整备份' }).click();
  const backupFile = await (await download).path();

  await openCard('吴十');
  await page.locator('dd-customer-card [name=wechat]').fill('wushi-new');
  await page.locator('dd-customer-card button[type=submit]').click();
  await expect.poll(() => page.locator('dd-card-view .saved').count()).toBe(1);

  await go('backup');
  await page.locator('dd-backup-view input[type=file]').setInputFiles(backupFile);
  const customersRow = page.locator('dd-backup-view tr[data-table=customers] td');
  await expect.poll(() => customersRow.allTextContents()).toEqual(['6', '6', '0', '1', '0']);
  await page.getByRole('button', { name: '用这个备份替换全部数据' }).click();
  await expect.poll(() => page.locator('dd-backup-view .message').textContent()).toContain('6');

  await go('customers');
  await search().fill('wushi-new');
  await expect.poll(() => rows().count()).toBe(0);
  await search().fill('吴十');
  await expect.poll(() => rows().count()).toBe(1);
});

test('a file that is not a backup is refused and changes nothing', async () => {
  await go('backup');
  await page.locator('dd-backup-view input[type=file]').setInputFiles(join(ROOT, 'tests/fixtures/import/customers-utf8.csv'));
  await expect.poll(() => page.locator('dd-backup-view [role=alert]').textContent()).toContain('数据库没有任何改动');
  await go('customers');
  await search().fill('');
  await expect.poll(() => rows().count()).toBe(6);
});

test('scheduled backups: the choice is kept and an alarm checks for it in the background', async () => {
  await go('backup');
  await page.locator('dd-backup-view input[name=frequency]').nth(1).check();
  const worker = await browser.serviceWorker();
  await expect
    .poll(() => worker.evaluate(async () => (await chrome.storage.local.get('backupSchedule')).backupSchedule?.frequency))
    .toBe('daily');
  expect(await worker.evaluate(async () => (await chrome.alarms.get('dashboard-scheduled-backup'))?.periodInMinutes)).toBe(60);
  expect(await worker.evaluate(() => chrome.runtime.getManifest().permissions)).toContain('downloads');
});

test('a due scheduled backup is saved by the background worker (to Downloads/DealerDesk outside tests)', { timeout: 240_000 }, async () => {
  const worker = await browser.serviceWorker();
  const since = Date.now();
  // Unpacked extensions may fire alarms sooner than the 30 s minimum: run the hourly check now.
  await worker.evaluate(() => chrome.alarms.create('dashboard-scheduled-backup', { delayInMinutes: 0.01, periodInMinutes: 60 }));
  // Chrome may hold an alarm back under load (its 30 s floor): allow two minutes; a failed save shows as lastError.
  await expect
    .poll(async () => worker.evaluate(async () => (await chrome.storage.local.get('backupSchedule')).backupSchedule), { timeout: 120_000 })
    .toMatchObject({ frequency: 'daily', lastAt: expect.any(Number) });
  // Playwright keeps downloads under its own names: the background's is the one started just now.
  const scheduled = async (): Promise<{ filename: string; state: string } | undefined> =>
    worker.evaluate(
      async (after) =>
        (await chrome.downloads.search({}))
          .filter((item: { startTime: string }) => Date.parse(item.startTime) >= after)
          .map((item: { filename: string; state: string }) => ({ filename: item.filename, state: item.state }))[0],
      since - 1000,
    );
  await expect.poll(scheduled, { timeout: 60_000 }).toMatchObject({ state: 'complete' });
  const backup = JSON.parse(readFileSync((await scheduled())!.filename, 'utf8'));
  expect(backup).toMatchObject({ format: 'dealer-desk-backup', version: 1, counts: { customers: 6 } });
  // The offscreen page that made the file is closed again.
  await expect.poll(() => worker.evaluate(() => chrome.offscreen.hasDocument())).toBe(false);
});
