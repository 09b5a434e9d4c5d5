import { expect, test } from 'vitest';
import { extensionForFile } from './support/extension';
import { seededCustomer, seededManualCallback, seedRows } from './support/seed-rows';

const browser = extensionForFile();

test('a callback marked done in the popup clears the due time of that customer\'s row in an open dashboard', async () => {
  const popup = await browser().openExtensionPage('/popup.html');
  await expect.poll(() => popup.evaluate(async () => (await indexedDB.databases()).some((db) => db.name === 'dealer-desk')), { timeout: 15_000 }).toBe(true);
  const now = await popup.evaluate(() => Date.now());
  // Ids as storage writes them: the customer's id, then a random part.
  const callbackId = 'c-due~00000000000000a1';
  await seedRows(popup, {
    customers: [seededCustomer('c-due', '孙丽', '+8613900139002', now), seededCustomer('c-other', '钱勇', '+8613900139003', now)],
    callbacks: [seededManualCallback(callbackId, 'c-due', now - 60_000, '回电约试驾', now), seededManualCallback('c-other~00000000000000b2', 'c-other', now - 120_000, '回电', now)],
  });

  const dashboard = await browser().openExtensionPage('/options.html');
  const row = (name: string) => dashboard.locator('dd-customer-table tbody tr', { hasText: name });
  await expect.poll(() => row('孙丽').locator('.overdue').count(), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => row('钱勇').locator('.overdue').count()).toBe(1);

  await popup.reload();
  const due = popup.locator(`dd-callback-list li[data-id="${callbackId}"]`);
  await expect.poll(() => due.count(), { timeout: 10_000 }).toBe(1);
  await due.locator('button.done').click();

  // Nothing else is due for her; the other customer's row keeps its due time.
  await expect.poll(() => row('孙丽').locator('.overdue').count(), { timeout: 10_000 }).toBe(0);
  expect(await row('钱勇').locator('.overdue').count()).toBe(1);
  await dashboard.close();
  await popup.close().catch(() => undefined);
});
