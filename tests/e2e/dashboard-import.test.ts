import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { extensionForFile, ROOT } from './support/extension';

// Launched and past the dashboard it opens on install, which would otherwise navigate a test's new tab.
const browser = extensionForFile();

test('import a GB18030 CSV through the page, search by pinyin initials and phone tail, edit a card, export, read the report', async () => {
  const page = await browser().openExtensionPage('/options.html#import');
  await page.setViewportSize({ width: 1366, height: 860 });

  const fileInput = page.locator('dd-import-view input[type=file]');
  expect(await fileInput.getAttribute('accept')).toMatch(/\.csv.*\.xlsx|\.xlsx.*\.csv/);
  await fileInput.setInputFiles(join(ROOT, 'tests/fixtures/import/customers-gb18030.csv'));

  // The preview: nothing written yet, every row accounted for, the bad ones with their reasons.
  const counts = page.locator('dd-import-view .counts').first();
  await expect.poll(() => counts.getAttribute('data-counts')).toBe(JSON.stringify({ create: 6, merge: 1, skip: 0, reject: 3 }));
  expect(await page.locator('dd-import-view p.muted', { hasText: 'CSV · GB18030' }).count()).toBe(1);
  expect(await page.locator('dd-import-view tr[data-outcome=reject]').count()).toBe(3);

  await page.locator('dd-import-view button.primary').click();
  const progress = page.locator('dd-import-view progress');
  await expect.poll(() => progress.evaluate((bar: HTMLProgressElement) => `${bar.value}/${bar.max}`)).toBe('6/6');
  const report = page.locator('dd-import-view .report');
  await expect.poll(() => report.textContent()).toContain('已新建');
  const download = page.waitForEvent('download');
  await report.getByRole('button', { name: '下载导入报告' }).click();
  const reportFile = readFileSync(await (await download).path());
  expect(reportFile.toString('utf8')).toContain('不是有效的电话号码');

  // Search while typing: pinyin initials, then the last four digits of a phone.
  await page.goto(page.url().replace(/#.*$/, '#customers'));
  const search = page.locator('dd-customers-view input[type=search]');
  const rows = page.locator('dd-customer-table tbody tr');
  await expect.poll(() => rows.count()).toBe(6);
  await search.pressSequentially('zs');
  await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('张三')]);
  await search.fill('');
  await search.pressSequentially('1111');
  await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('王五')]);
  const searchMs = Number(await page.locator('dd-customers-view .count').getAttribute('data-filter-ms'));
  expect(searchMs).toBeLessThan(16);

  // Open the card from the keyboard, edit a field in another section, save with Ctrl+S.
  await rows.first().focus();
  await page.keyboard.press('Enter');
  const card = page.locator('dd-customer-card');
  await expect.poll(() => card.locator('[name=name]').inputValue()).toBe('王五');
  await card.locator('[name="ownedVehicle.plate"]').fill('浙B 88888');
  await card.locator('[name="needs.series"]').fill('极氪007');
  await card.locator('[name="needs.series"]').press('Control+s');
  await expect.poll(() => page.locator('dd-card-view .saved').count()).toBe(1);
  await search.fill('浙b88');
  await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('王五')]);

  // Export what the filter shows: UTF-8 with BOM, Chinese intact, the edit included.
  await search.fill('王五');
  await page.locator('dd-card-view button[aria-label]').first().click();
  const exported = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const csv = readFileSync(await (await exported).path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.toString('utf8');
  expect(text).toContain('极氪007');
  expect(text).toContain('浙B 88888');
  expect(text).not.toContain('张三');

  // The monthly report for October 2026, when the fixture's leads came in.
  await page.goto(page.url().replace(/#.*$/, '#report'));
  const month = page.locator('dd-report-view input[type=month]');
  await month.fill('2026-10');
  await month.dispatchEvent('change');
  await expect.poll(() => page.locator('dd-report-view [data-kpi=leads] strong').textContent()).toBe('6');
  expect(await page.locator('dd-report-view dd-bar-chart[data-chart=funnel] svg').count()).toBe(1);
  const workbook = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  // A data sheet and a sheet with the charts as pictures.
  const xlsx = new ExcelJS.Workbook();
  await xlsx.xlsx.load(readFileSync(await (await workbook).path()) as never);
  expect(xlsx.worksheets.map((sheet) => sheet.name)).toEqual(['数据', '图表']);
  expect(xlsx.worksheets[0]!.getCell('A1').value).toBe('月报');
  // One picture per chart with something to draw.
  const drawn = await page.locator('dd-report-view dd-bar-chart svg').count();
  expect(drawn).toBeGreaterThanOrEqual(3);
  expect(xlsx.worksheets[1]!.getImages()).toHaveLength(drawn);
});
