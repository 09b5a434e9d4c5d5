import { expect, test } from 'vitest';
import { extensionForFile } from './support/extension';

const browser = extensionForFile();

test('the consultant fills in their profile: scripts use it; switching to English changes the dashboard at once and after a reload', async () => {
  const page = await browser().openExtensionPage('/options.html#settings');
  const form = page.locator('dd-settings-view dd-settings-form form');
  await form.locator('[name="consultant.name"]').fill('陈晓东');
  await form.locator('[name="consultant.phone"]').fill('13600136000');
  // A bad number is refused beside its field, and nothing is saved.
  await form.locator('[name="cadence.H"]').fill('两天');
  await form.locator('button[type=submit]').click();
  await expect.poll(() => form.locator('[data-path="cadence.H"]').textContent()).toBe('格式不对');
  await form.locator('[name="cadence.H"]').fill('2');
  await form.locator('button[type=submit]').press('Enter');
  await expect.poll(() => form.locator('.saved').count()).toBe(1);

  await page.goto(page.url().replace('#settings', '#new'));
  const card = page.locator('dd-customer-card form');
  await card.locator('[name=name]').fill('周敏');
  await card.locator('[name=gender]').selectOption('female');
  await card.locator('[name=phone]').fill('135 0013 5000');
  await card.locator('button[type=submit]').click();
  await expect.poll(() => page.url()).toContain('#customer=');
  const fitting = page.locator('dd-customer-follow-up dd-script-panel ul.fit li').first();
  await expect.poll(() => fitting.textContent(), { timeout: 15_000 }).toContain('周女士');
  const script = (await fitting.textContent()) ?? '';
  expect(script).toContain('陈晓东');
  expect(script).not.toContain('{顾问}');

  await page.goto(page.url().replace(/#.*/, '#settings'));
  const nav = page.locator('dd-dashboard nav');
  await expect.poll(() => nav.textContent()).toContain('设置');
  await form.locator('[name=language]').selectOption('en');
  await form.locator('button[type=submit]').click();
  await expect.poll(() => nav.textContent()).toContain('Settings');
  expect(await page.locator('dd-settings-view h2').textContent()).toBe('Settings');
  expect(await form.locator('.saved').textContent()).toBe('Settings saved.');

  await page.reload();
  await expect.poll(() => page.locator('dd-dashboard nav').textContent(), { timeout: 15_000 }).toContain('Settings');
  await expect.poll(() => page.locator('dd-settings-view dd-settings-form [name="consultant.name"]').inputValue()).toBe('陈晓东');
});
