import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { LEAD_SITES } from '../../../core/lead-sites';
import { chromiumPath, extensionArgs } from '../../../scripts/chromium.mjs';
import { startFixtureServer, type FixtureServer } from '../../../scripts/fixture-server.mjs';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const EXTENSION_PATH = join(ROOT, '.output', 'chrome-mv3');

/** A real Chromium with the production build loaded; portal host names answer from the fixture server. */
export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  server: FixtureServer;
  profile: string;
  /** An extension page such as `/options.html`. */
  openExtensionPage(path: string): Promise<Page>;
  serviceWorker(): Promise<Worker>;
  /** Closes Chromium but keeps the profile, for restart tests. */
  close(): Promise<void>;
  /** Closes and deletes the profile and stops the server. */
  dispose(): Promise<void>;
}

export interface LaunchOptions {
  /** Re-open an existing profile (browser restart); a fresh one otherwise. */
  profile?: string;
  server?: FixtureServer;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_PATH, 'manifest.json'))) throw new Error('Build first: npm run build');
  const server =
    options.server ??
    (await startFixtureServer({ '/fixtures/': join(ROOT, 'tests', 'fixtures'), '/demo/': join(ROOT, 'public', 'demo') }));
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'dealer-desk-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'zh-CN',
    args: extensionArgs({ extensionPath: EXTENSION_PATH, port: server.port, domains: LEAD_SITES.flatMap((site) => site.domains) }),
  });
  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL((await serviceWorker()).url()).host;
  const close = async (): Promise<void> => {
    await context.close();
  };
  // On a fresh profile the worker opens the dashboard on install, and a dashboard tab already open
  // is navigated there instead (seen in CI: a test's options.html#import was interrupted).
  const installed = options.profile ? Promise.resolve() : dashboardOpened(context, 15_000);
  return {
    context,
    extensionId,
    server,
    profile,
    serviceWorker,
    async openExtensionPage(path) {
      await installed;
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}${path}`);
      return page;
    },
    close,
    async dispose() {
      await close().catch(() => undefined);
      if (!options.server) await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The dashboard opens itself on install, possibly in the first blank tab: wait for it (up to `timeoutMs`),
 * so it does not interrupt what the test opens next.
 */
export async function waitForDashboardOnInstall(browser: ExtensionBrowser, timeoutMs = 15_000): Promise<void> {
  await dashboardOpened(browser.context, timeoutMs);
}

async function dashboardOpened(context: BrowserContext, timeoutMs: number): Promise<void> {
  for (let waited = 0; waited < timeoutMs && !context.pages().some((page) => page.url().includes('/options.html')); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * One Chromium with the extension for a test file: launched (and past the dashboard it opens on
 * install) before the file's tests, closed after them. Call at the top of the file; the getter gives
 * the browser once launched.
 */
export function extensionForFile(): () => ExtensionBrowser {
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    browser = await launchExtension();
    await waitForDashboardOnInstall(browser);
  });
  afterAll(async () => {
    await browser?.dispose();
  });
  return () => {
    if (!browser) throw new Error('the extension is launched before the tests run');
    return browser;
  };
}
