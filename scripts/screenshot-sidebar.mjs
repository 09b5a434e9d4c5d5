// Takes docs/sidebar.png: the capture sidebar open on a portal fixture page, in headless Chromium.
// Usage: npm run build && node scripts/screenshot-sidebar.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, extensionArgs } from './chromium.mjs';
import { startFixtureServer } from './fixture-server.mjs';

const root = resolve(import.meta.dirname, '..');
const extensionPath = join(root, '.output', 'chrome-mv3');
const server = await startFixtureServer({ '/fixtures/': join(root, 'tests', 'fixtures') });
const profile = mkdtempSync(join(tmpdir(), 'dealer-desk-shot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath(),
  headless: true,
  locale: 'zh-CN',
  viewport: { width: 1280, height: 800 },
  args: extensionArgs({ extensionPath, port: server.port, domains: ['dongchedi.com'] }),
});
try {
  const page = await context.newPage();
  await page.goto('http://www.dongchedi.com/fixtures/pages/dongchedi-dealers.html');
  await page.waitForSelector('dealer-desk', { state: 'attached' });
  await page.evaluate(() => document.querySelector('dealer-desk').click());
  let sidebar;
  for (let i = 0; i < 50 && !sidebar; i++) {
    sidebar = page.frames().find((frame) => frame.url().includes('/sidebar.html'));
    if (!sidebar) await page.waitForTimeout(100);
  }
  await sidebar.waitForFunction(() => document.querySelector('dd-sidebar')?.shadowRoot?.querySelector('dd-capture-form')?.shadowRoot?.querySelector('[name=phone]')?.value);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(root, 'docs', 'sidebar.png') });
  console.log('docs/sidebar.png written');
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
