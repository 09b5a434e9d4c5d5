import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from '../scripts/chromium.mjs';
import type { BenchApi } from './page/api';

/** A call into the bench page's API (bench/page/main.ts), run in the extension's own origin. */
export type BenchCall = <K extends keyof BenchApi>(name: K, ...args: Parameters<BenchApi[K]>) => Promise<Awaited<ReturnType<BenchApi[K]>>>;

export interface BenchPage {
  context: BrowserContext;
  extensionId: string;
  bench: Page;
  call: BenchCall;
}

/** Headless Chromium on `profile` with the extension loaded by `args`, and the bench page open and ready. */
export async function openBenchPage(profile: string, args: string[]): Promise<BenchPage> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    args,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const bench = await context.newPage();
  const url = `chrome-extension://${extensionId}/bench.html`;
  // On a fresh profile the worker opens the dashboard on install, which may take over this blank tab.
  await bench.goto(url).catch(async () => {
    await bench.waitForLoadState();
    await bench.goto(url);
  });
  await bench.waitForSelector('body[data-ready="true"]');
  // Every bench profile is a fresh install (only the data is cached), and the worker opens the dashboard
  // on install: close it, or it would re-read the book after every write of every measure (the
  // dashboard is measured on its own, in a tab the bench opens).
  for (let waited = 0; waited < 3_000; waited += 100) {
    const installTab = context.pages().find((page) => page !== bench && page.url().includes('/options.html'));
    if (installTab) {
      await installTab.close();
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const call: BenchCall = (name, ...params) =>
    bench.evaluate(([method, values]) => (window.ddBench[method] as (...a: unknown[]) => unknown)(...values), [name, params] as const) as never;
  return { context, extensionId, bench, call };
}
