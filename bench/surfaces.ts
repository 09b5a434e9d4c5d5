import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { BUDGETS } from './budgets';
import { captureMeasures, interactiveOnLoad } from './capture';
import { ROW_SELECTORS, rowsShownAtOnLoad, scrollFrames } from './in-page';
import { measured, notMeasured, single, type MeasureRow } from './report';
import type { BenchContext } from './run';

export interface SurfaceOptions {
  /** Customers in the database when the surfaces are measured. */
  bookSize: number;
  pagesDir: string;
  realPages: string | undefined;
  productionBuild: string;
  manifest: Manifest;
  /** Which of the groups to take (`--only`). */
  dashboard: boolean;
  capture: boolean;
}

export interface Manifest {
  content_scripts?: { js?: string[]; matches?: string[] }[];
  action?: { default_popup?: string };
  web_accessible_resources?: { resources: string[] }[];
}

function onMain(surface: string, issue: number): string {
  return `${surface} (issue ${issue}) not on main yet`;
}

function failure(error: unknown): string {
  return `failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 160)}`;
}

/** Heap in use by the page's JS after a garbage collection, in MB. */
async function heapMegabytes(ctx: BenchContext, page: Page): Promise<number> {
  const cdp = await ctx.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

async function dashboard(ctx: BenchContext, size: number): Promise<MeasureRow[]> {
  const big = size >= 100_000;
  const label = 'dashboard: first 50 rows (or a full screen when virtualised)';
  const rows: MeasureRow[] = [];
  const firstRows: number[] = [];
  let page: Page | undefined;
  try {
    for (let run = 0; run < 5; run++) {
      await page?.close();
      page = await ctx.context.newPage();
      await page.addInitScript(rowsShownAtOnLoad, { count: 50, selectors: ROW_SELECTORS, timeoutMs: 20_000 });
      await page.goto(`chrome-extension://${ctx.extensionId}/options.html`);
      const shown = await page.waitForFunction(() => (window as unknown as { __ddRows?: { at: number } }).__ddRows, undefined, { timeout: 25_000 });
      const result = (await shown.jsonValue()) as { at: number; rows: number } | { error: string };
      if ('error' in result) throw new Error(result.error);
      firstRows.push(result.at);
    }
    rows.push(measured('dashboard-first-rows', label, firstRows, { size, ...(big ? { budget: BUDGETS.dashboardFirstRows } : {}), note: 'navigation start → rows laid out' }));
    const heap = await heapMegabytes(ctx, page!);
    const scroll = await page!.evaluate(scrollFrames, { frames: 180, step: 120, selectors: ROW_SELECTORS });
    rows.push(
      measured('dashboard-scroll', `dashboard: frame interval while scrolling (${scroll.scroller})`, scroll.intervals, {
        size,
        ...(big ? { budget: BUDGETS.scrollFrame } : {}),
        note: '180 frames, 120 px per frame; 18.2 ms ≙ 55 fps',
      }),
    );
    rows.push(single('dashboard-heap', 'dashboard: JS heap after first rows', heap, 'MB'));
    rows[rows.length - 1]!.size = size;
  } catch (error) {
    rows.push(notMeasured('dashboard-first-rows', label, failure(error), big ? BUDGETS.dashboardFirstRows : undefined, size));
  } finally {
    await page?.close();
  }
  return rows;
}

function contentScriptFiles(build: string, manifest: Manifest): string[] {
  return [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.js ?? []))].map((file) => join(build, file));
}

function contentScriptSize(build: string, manifest: Manifest): MeasureRow[] {
  const files = contentScriptFiles(build, manifest);
  if (files.length === 0) return [notMeasured('content-script-bytes', 'content script: eager size (minified)', onMain('capture content script', 3), BUDGETS.contentScriptBytes)];
  const code = Buffer.concat(files.map((file) => readFileSync(file)));
  const text = code.toString('utf8');
  // Libraries that must never be eager on a portal page, by marks their code leaves in a bundle.
  const heavy = [
    ['Dexie', /Dexie|MissingAPIError/],
    ['zod', /ZodError|\$ZodType|_zod/],
    ['pinyin', /pinyin/i],
    ['libphonenumber', /libphonenumber|PhoneNumberMatcher/],
  ] as const;
  const found = heavy.filter(([, mark]) => mark.test(text)).map(([name]) => name);
  return [
    single('content-script-bytes', `content script: eager size (${files.length} file${files.length > 1 ? 's' : ''}, minified)`, code.length, 'B', BUDGETS.contentScriptBytes, found.length ? `contains ${found.join(', ')}` : 'no Dexie, zod, pinyin or libphonenumber'),
    single('content-script-gzip', 'content script: eager size (gzip)', gzipSync(code, { level: 9 }).length, 'B'),
  ];
}

/** Surfaces users see: dashboard, content script, sidebar, popup, capture. */
export function readManifest(build: string): Manifest {
  return JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as Manifest;
}

export async function surfaceMeasures(ctx: BenchContext, options: SurfaceOptions): Promise<MeasureRow[]> {
  const manifest = options.manifest;
  const rows: MeasureRow[] = [];
  if (options.dashboard) {
    ctx.log(`dashboard at ${options.bookSize} customers`);
    rows.push(...(await dashboard(ctx, options.bookSize)));
  }
  if (!options.capture) return rows;
  rows.push(...contentScriptSize(options.productionBuild, manifest));
  // Marks when the sidebar's form or the popup's first row becomes usable, in every extension frame.
  await ctx.context.addInitScript(interactiveOnLoad);
  ctx.log('lead capture');
  rows.push(
    ...(await captureMeasures(ctx, {
      pagesDir: options.pagesDir,
      realPages: realPageFiles(options.realPages),
      hasContentScript: contentScriptFiles(options.productionBuild, manifest).length > 0,
      hasSidebar: existsSync(join(options.productionBuild, 'sidebar.html')),
    })),
  );
  return rows;
}

/**
 * Popup opened (as a tab of the same size) over a book with 500 callbacks due today: when its first due
 * row is usable (the budget), and when its rows are the ones read from the database. From the second
 * open on, it draws at once the rows it showed last (entrypoints/shared/last-due-screen.ts), as a
 * consultant's popup does all day; the first open, with nothing remembered, is in the note.
 */
export async function popupMeasure(ctx: BenchContext, manifest: Manifest): Promise<MeasureRow[]> {
  const label = 'popup: open → first due row interactive (500 due)';
  const currentLabel = 'popup: open → rows read from the database (500 due)';
  const path = manifest.action?.default_popup;
  if (!path) return [notMeasured('popup-interactive', label, onMain('popup', 4), BUDGETS.popupInteractive)];
  try {
    await ctx.context.addInitScript(interactiveOnLoad);
    await ctx.call('reset');
    const seeded = await ctx.call('seedDue', 1_000, 500);
    const samples: number[] = [];
    const current: number[] = [];
    // 15 opens: on this VM the median of 7 moved by 25 ms between back-to-back runs of the same build.
    for (let run = 0; run < 15; run++) {
      const page = await ctx.context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`chrome-extension://${ctx.extensionId}/${path.replace(/^\//, '')}`);
      const at = await page.waitForFunction(() => {
        const w = window as unknown as { __ddInteractiveAt?: number; __ddCurrentAt?: number };
        return w.__ddInteractiveAt && w.__ddCurrentAt && [w.__ddInteractiveAt - performance.timeOrigin, w.__ddCurrentAt - performance.timeOrigin];
      }, undefined, { timeout: 10_000 });
      const [interactive, read] = (await at.jsonValue()) as [number, number];
      samples.push(interactive);
      current.push(read);
      await page.close();
    }
    const due = await ctx.call('book');
    const first = `first open, with nothing remembered: ${samples[0]!.toFixed(0)} ms, its rows read at ${current[0]!.toFixed(0)} ms`;
    return [
      measured('popup-interactive', label, samples, {
        budget: BUDGETS.popupInteractive,
        note: `${due.dueOrOverdue} due when measured (${seeded.dueOrOverdue} seeded); opened as a 400×600 tab; ${first}`,
      }),
      measured('popup-current', currentLabel, current, { note: `no budget: these replace the rows drawn at once; ${first}` }),
    ];
  } catch (error) {
    return [notMeasured('popup-interactive', label, failure(error), BUDGETS.popupInteractive)];
  }
}

export function realPageFiles(folder: string | undefined): { file: string; bytes: number }[] {
  if (!folder || !existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.html'))
    .map((name) => ({ file: join(folder, name), bytes: statSync(join(folder, name)).size }));
}
