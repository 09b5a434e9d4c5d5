import { expect, test } from 'vitest';
import { extensionForFile } from './support/extension';

// Launched and past the dashboard it opens on install, which would otherwise navigate a test's new tab.
const browser = extensionForFile();

test('the dashboard refuses a bad phone, saves the fixed card, and keeps it across a reload', async () => {
  const page = await browser().openExtensionPage('/options.html#new');
  const form = page.locator('dd-customer-card form');
  await form.locator('[name=name]').fill('张伟');
  await form.locator('[name=phone]').fill('138 0013 800'); // one digit short
  await form.locator('button[type=submit]').click();

  const phoneError = page.locator('dd-customer-card #phone-error');
  await expect.poll(() => phoneError.textContent()).toContain('不是有效的电话号码');
  await expect.poll(() => form.locator('[name=phone]').getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('dd-customer-table tbody tr').count()).toBe(0);
  // What was typed is still there to fix.
  expect(await form.locator('[name=name]').inputValue()).toBe('张伟');

  await form.locator('[name=phone]').fill('138 0013 8000');
  await form.locator('button[type=submit]').click();
  await expect.poll(() => page.locator('dd-customer-table tbody tr').count()).toBe(1);
  await expect.poll(() => phoneError.count()).toBe(0);

  await page.reload();
  const row = page.locator('dd-customer-table tbody tr').first();
  await expect.poll(() => row.textContent()).toContain('张伟');
  expect(await row.textContent()).toContain('138 0013 8000');
  await row.click();
  await expect.poll(() => page.locator('dd-customer-card [name=phone]').inputValue()).toBe('+8613800138000');
});
