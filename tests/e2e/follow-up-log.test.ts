import { expect, test } from 'vitest';
import { extensionForFile } from './support/extension';

declare const chrome: typeof import('@wxt-dev/browser').browser;

const browser = extensionForFile();

test('a new lead is due at once; logging the call from its card plans the next one and clears the badge', async () => {
  const page = await browser().openExtensionPage('/options.html#new');
  // Holiday greetings off: an H lead's greeting would be listed too, and due on a holiday's eve.
  // The database is created (and upgraded) by the background at start-up.
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).some((db) => db.name === 'dealer-desk' && (db.version ?? 0) >= 30)), { timeout: 15_000 }).toBe(true);
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dealer-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite');
      tx.objectStore('settings').put({ id: 'settings', followUpRules: { holidays: [] } });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  const form = page.locator('dd-customer-card form');
  await form.locator('[name=name]').fill('王芳');
  await form.locator('[name=gender]').selectOption('female');
  await form.locator('[name=phone]').fill('139 0013 9000');
  await form.locator('button[type=submit]').click();
  await expect.poll(() => page.url()).toContain('#customer=');

  const worker = await browser().serviceWorker();
  const badge = () => worker.evaluate(() => chrome.action.getBadgeText({}));
  await expect.poll(badge, { timeout: 15_000 }).toBe('1');

  const callbacks = page.locator('dd-customer-follow-up dd-callback-list li');
  await expect.poll(() => callbacks.first().textContent()).toContain('新线索');
  // The script panel offers the first-contact script with the customer's name filled in.
  const fitting = page.locator('dd-customer-follow-up dd-script-panel ul.fit li').first();
  await expect.poll(() => fitting.textContent()).toContain('王女士');
  expect(await fitting.locator('mark').count()).toBeGreaterThan(0); // consultant and store not set yet: shown, not blank

  await callbacks.first().locator('button.done').click();
  const log = page.locator('dd-customer-follow-up dd-follow-up-form');
  await expect.poll(() => log.locator('.for').textContent()).toContain('新线索');

  // 战败 without a reason is refused, and nothing is saved.
  await log.locator('[name=summary]').fill('客户已在外地提车');
  await log.locator('[name=lost]').check();
  await log.locator('button[type=submit]').click();
  await expect.poll(() => log.locator('#reason-error').textContent()).toBeTruthy();
  expect(await badge()).toBe('1');

  await log.locator('[name=lost]').uncheck();
  await log.locator('[name=summary]').fill('约了周六上午来店试驾');
  await log.locator('[name=grade]').selectOption('H');
  await log.locator('button[type=submit]').click();
  await expect.poll(() => page.locator('dd-customer-follow-up .saved').count()).toBe(1);
  await expect.poll(badge).toBe('');
  await expect.poll(() => callbacks.first().textContent()).toContain('H 级定期跟进');
  expect(await callbacks.count()).toBe(1);
});

test('a script edited, switched off and reset in the library is what the customer card offers', async () => {
  const page = await browser().openExtensionPage('/options.html#scripts');
  const editor = page.locator('dd-script-library dd-script-editor');
  await editor.locator('li button[data-id="builtin:first_contact_call:zh_CN"]').click();
  await editor.locator('textarea[name=body]').fill('{称呼}您好，我是{顾问}，看到您的留言马上回电。');
  await editor.locator('button[type=submit]').click();
  await expect.poll(() => page.locator('dd-script-library .saved').count()).toBe(1);

  await page.goto(page.url().replace('#scripts', '#new'));
  const form = page.locator('dd-customer-card form');
  await form.locator('[name=name]').fill('赵磊');
  await form.locator('[name=gender]').selectOption('male');
  await form.locator('[name=phone]').fill('137 0013 7000');
  await form.locator('button[type=submit]').click();
  const first = page.locator('dd-customer-follow-up dd-script-panel ul.fit li').first();
  await expect.poll(() => first.textContent()).toContain('赵先生您好，我是{顾问}，看到您的留言马上回电。');
  const customerUrl = page.url();

  await page.goto(customerUrl.replace(/#.*/, '#scripts'));
  await editor.locator('li button[data-id="builtin:first_contact_call:zh_CN"]').click();
  await editor.locator('button.toggle').click();
  await expect.poll(() => editor.locator('li button[data-id="builtin:first_contact_call:zh_CN"] .off').count()).toBe(1);
  await page.goto(customerUrl);
  await expect.poll(() => page.locator('dd-customer-follow-up dd-script-panel ul.fit li').first().getAttribute('data-id')).not.toBe('builtin:first_contact_call:zh_CN');

  await page.goto(customerUrl.replace(/#.*/, '#scripts'));
  await editor.locator('li button[data-id="builtin:first_contact_call:zh_CN"]').click();
  await editor.locator('button.reset').click();
  await page.goto(customerUrl);
  await expect.poll(() => page.locator('dd-customer-follow-up dd-script-panel ul.fit li').first().textContent()).toContain('赵先生您好，我是{门店}的销售顾问{顾问}');
});
