import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, ROOT, type ExtensionBrowser } from './support/extension';

/** `DASHBOARD_SCREENSHOTS=1 npx vitest run --project e2e tests/e2e/dashboard-screenshots.test.ts` refreshes docs/*.png. */
const ON = !!process.env.DASHBOARD_SCREENSHOTS;
let browser: ExtensionBrowser;

beforeAll(async () => {
  if (ON) browser = await launchExtension();
});
afterAll(async () => {
  await browser?.dispose();
});

test.skipIf(!ON)('screenshots of the dashboard and the report for the README', async () => {
  const docs = join(ROOT, 'docs');
  mkdirSync(docs, { recursive: true });
  const page = await browser.openExtensionPage('/options.html#import');
  await page.setViewportSize({ width: 1440, height: 900 });
  // The preview of a file with problems (nothing written), then the demo book imported.
  const file = page.locator('dd-import-view input[type=file]');
  await file.setInputFiles(join(ROOT, 'tests/fixtures/import/customers-gb18030.csv'));
  await page.locator('dd-import-view tr[data-outcome=reject]').first().waitFor();
  await page.screenshot({ path: join(docs, 'import.png') });
  await file.setInputFiles(join(ROOT, 'tests/fixtures/import/demo-book.csv'));
  await expect.poll(() => page.locator('dd-import-view .counts').first().getAttribute('data-counts')).toContain('"create":90');
  await page.locator('dd-import-view button.primary').click();
  await page.locator('dd-import-view .report').waitFor();

  await page.evaluate(() => (location.hash = 'customers'));
  await expect.poll(() => page.locator('dd-customer-table tbody tr').count()).toBeGreaterThan(10);
  await page.screenshot({ path: join(docs, 'dashboard.png') });
  await page.locator('dd-customers-view input[type=search]').pressSequentially('zm');
  await page.locator('dd-customer-table tbody tr').first().click();
  await page.locator('dd-customer-card [name=name]').waitFor();
  await page.screenshot({ path: join(docs, 'customer-card.png') });

  await page.evaluate(() => (location.hash = 'report'));
  const month = page.locator('dd-report-view input[type=month]');
  await month.fill('2026-10');
  await month.dispatchEvent('change');
  await expect.poll(() => page.locator('dd-report-view [data-kpi=leads] strong').textContent()).not.toBe('0');
  await page.screenshot({ path: join(docs, 'report.png'), fullPage: true });
});
