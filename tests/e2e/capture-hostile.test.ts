import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, type ExtensionBrowser } from './support/extension';
import { clickLauncher } from './support/sidebar';

// Extension APIs inside code evaluated in the browser (the worker, the sidebar, the capture world).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.dispose();
});

interface Stolen {
  keys: string[];
  shadowRoots: string[];
  frames: unknown[];
  messages: string[];
  sidebarFetch: unknown;
  runtime: boolean;
  hostShadow: string;
  iframes: number;
  databases: unknown;
  resourceUrls: string[];
}

test('a hostile page reads nothing of the sidebar, sees no keystroke typed in it, and cannot forge or save a lead', async () => {
  const page = await browser.context.newPage();
  await page.goto('http://dealer.autohome.com.cn/fixtures/pages/hostile.html');
  await page.waitForSelector('dealer-desk', { state: 'attached' });
  const sidebar = await clickLauncher(page);
  const form = sidebar.locator('dd-capture-form form');
  await expect.poll(() => form.locator('[name=name]').inputValue(), { timeout: 10_000 }).toBe('北京恶意示范汽车销售有限公司');

  // The page probes: shadow roots, frames, spoofed postMessages, a forged submit event, a fetch of the sidebar.
  const stolen = (await page.evaluate((id) => (window as unknown as { __probe: (id: string) => Promise<Stolen> }).__probe(id), browser.extensionId)) as Stolen;
  // The consultant types into the sidebar.
  await form.locator('[name=name]').fill('');
  await form.locator('[name=name]').pressSequentially('王经理');
  await form.locator('[name=note]').pressSequentially('secret note 13912345678');
  await page.waitForTimeout(300);
  const after = (await page.evaluate(() => (window as unknown as { __stolen: Stolen }).__stolen)) as Stolen;

  expect(stolen.runtime).toBe(false);
  expect(stolen.hostShadow).toBe('null');
  expect(stolen.iframes).toBe(0);
  expect(stolen.shadowRoots).toEqual([]);
  expect(stolen.frames.every((entry) => entry === 'blocked')).toBe(true);
  expect(stolen.sidebarFetch).toBe('blocked');
  expect(stolen.databases).not.toContain('dealer-desk');
  // The frame's per-session address does not leak through resource timing either.
  expect(stolen.resourceUrls).toEqual([]);
  expect(after.keys).toEqual([]);
  expect(after.messages.join('')).not.toContain('王经理');
  // Nor does the page hear the capture script start (a window message would tell it Dealer Desk is installed).
  expect(after.messages.join('')).not.toContain('content-script-started');
  expect(after.messages.join('')).not.toContain(browser.extensionId);

  // The forged draft changed nothing in the form; what the consultant typed is what gets saved.
  expect(await form.locator('[name=phone]').inputValue()).toBe('010-6655 4433');
  await form.evaluate((element: HTMLFormElement) => element.requestSubmit());
  await expect.poll(() => sidebar.locator('dd-customer-summary h3').textContent(), { timeout: 10_000 }).toContain('王经理');

  const dashboard = await browser.openExtensionPage('/options.html');
  await dashboard.waitForSelector('dd-customer-table');
  await expect.poll(() => dashboard.locator('dd-customer-table tbody tr').count(), { timeout: 10_000 }).toBe(1);
  const rows = await dashboard.locator('dd-customer-table tbody tr').allTextContents();
  expect(rows.join('')).not.toContain('伪造客户');
  expect(rows.join('')).toContain('王经理');
  await dashboard.close();
  await page.close();
});

test('the background answers only its sidebar, and a content script only with a draft', async () => {
  const page = await browser.context.newPage();
  await page.goto('http://dealer.autohome.com.cn/fixtures/pages/hostile.html');
  await page.waitForSelector('dealer-desk', { state: 'attached' });
  const worker = await browser.serviceWorker();
  // Code running in the capture script's world sends a sidebar command: refused (no answer).
  const fromContentWorld = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: '*://dealer.autohome.com.cn/*' });
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: tab!.id! },
      func: () => chrome.runtime.sendMessage({ type: 'sidebar:save', draft: { name: '伪造客户', phone: '13000000001' } }).then((answer: unknown) => answer ?? 'no answer'),
    });
    return result?.result;
  });
  expect(fromContentWorld).toBe('no answer');

  // Another extension page (the dashboard) is not the sidebar either.
  const dashboard = await browser.openExtensionPage('/options.html');
  const fromDashboard = await dashboard.evaluate(() =>
    chrome.runtime.sendMessage({ type: 'sidebar:save', draft: { name: '伪造客户', phone: '13000000001' } }).then((answer: unknown) => answer ?? 'no answer'),
  );
  expect(fromDashboard).toBe('no answer');

  // The sidebar itself: a malformed message gets no answer, a well-formed one does.
  const sidebar = await clickLauncher(page);
  const answers = await sidebar.evaluate(async () => [
    await chrome.runtime.sendMessage({ type: 'sidebar:duplicates', phones: 'not a list' }).then((answer: unknown) => answer ?? 'no answer'),
    await chrome.runtime.sendMessage({ type: 'sidebar:duplicates', phones: ['010-6655 4433'] }).then((answer: unknown) => (answer ? 'answered' : 'no answer')),
  ]);
  expect(answers).toEqual(['no answer', 'answered']);

  await dashboard.reload();
  await dashboard.waitForSelector('dd-customer-table');
  await dashboard.waitForTimeout(300);
  expect((await dashboard.locator('dd-customer-table tbody tr').allTextContents()).join('')).not.toContain('伪造客户');
  await dashboard.close();
  await page.close();
});
