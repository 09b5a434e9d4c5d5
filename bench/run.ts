// `npm run bench`: builds the extension (production + a bench build with bench.html), opens it in real
// Chromium, takes every measure several times beside its baselines, prints one table and writes
// bench-results/latest.json. `-- --quick` runs the 1k and 10k books only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { LEAD_SITES } from '../core/lead-sites';
import { chromiumPath, extensionArgs } from '../scripts/chromium.mjs';
import { startFixtureServer, type FixtureServer } from '../scripts/fixture-server.mjs';
import type { BenchApi } from './page/api';
import { BUDGETS } from './budgets';
import { measured, notMeasured, table, type MeasureRow } from './report';
import { surfaceMeasures } from './surfaces';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench-results');
const BENCH_BUILD = join(ROOT, '.output', 'chrome-mv3-bench');
export const PRODUCTION_BUILD = join(ROOT, '.output', 'chrome-mv3');
export const REAL_PAGES = '/work/shared/fixtures/pages';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const skipBuild = argv.includes('--no-build');
const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];

export interface BenchContext {
  context: BrowserContext;
  extensionId: string;
  server: FixtureServer;
  bench: Page;
  /** Largest book seeded, for measures that need the big book (dashboard). */
  quick: boolean;
  log(message: string): void;
  call<K extends keyof BenchApi>(name: K, ...args: Parameters<BenchApi[K]>): Promise<Awaited<ReturnType<BenchApi[K]>>>;
}

const started = Date.now();
function log(message: string): void {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
}

function build(): void {
  const wxt = join(ROOT, 'node_modules', '.bin', 'wxt');
  log('building the extension (production, then with the bench page)');
  execFileSync(wxt, ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(wxt, ['build', '--mode', 'bench'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function launch(server: FixtureServer, profile: string): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    args: extensionArgs({ extensionPath: BENCH_BUILD, port: server.port, domains: LEAD_SITES.flatMap((site) => site.domains) }),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { context, extensionId: new URL(worker.url()).host };
}

/** Storage measures on one book size: import, badge, today's list, search, save. */
async function storageMeasures(ctx: BenchContext, size: number): Promise<MeasureRow[]> {
  const rows: MeasureRow[] = [];
  const big = size >= 100_000;
  const runs = big ? 15 : 30;
  const baselineRuns = big ? 3 : 10;
  // 100k cards take ~20 s per import on 2 cores: one run each keeps the whole bench under ten minutes.
  const importRuns = big ? 1 : size >= 10_000 ? 3 : 5;

  await ctx.call('reset');
  log(`${size}: bulk import, ${importRuns} run(s) each way`);
  const imported = await ctx.call('importCompare', size, importRuns);
  rows.push(measured('import', 'bulk import through storage/', imported.ours, { size, baselines: imported.baselines, budget: BUDGETS.importRatio }));

  log(`${size}: seeding the book`);
  const seeded = await ctx.call('seed', size);
  log(`${size}: seeded ${seeded.customers} customers, ${seeded.followUps} follow-ups, ${seeded.callbacks} callbacks (${seeded.dueOrOverdue} due or overdue) in ${(seeded.ms / 1000).toFixed(1)} s`);

  const badge = await ctx.call('badge', runs, baselineRuns);
  rows.push(
    measured('badge', `badge count (${badge.count} due + overdue)`, badge.ours, {
      size,
      baselines: badge.baselines,
      ...(big ? { budget: BUDGETS.badgeCount } : {}),
    }),
  );
  const today = await ctx.call('todayList', runs, baselineRuns);
  rows.push(measured('today', `today's due list (first ${today.rows}, with names)`, today.ours, { size, baselines: today.baselines }));
  for (const [kind, label] of [
    ['phoneTail', 'search: phone tail (4 digits)'],
    ['namePrefix', 'search: name prefix (2 characters)'],
    ['initials', 'search: pinyin initials (3 letters)'],
  ] as const) {
    const search = await ctx.call('search', kind, runs, baselineRuns);
    rows.push(measured(`search-${kind}`, label, search.ours, { size, baselines: search.baselines, ...(big ? { budget: BUDGETS.searchKeystroke } : {}) }));
  }
  const save = await ctx.call('saveCustomer', runs * 2);
  rows.push(measured('save', 'save one customer (validated)', save.ours, { size, baselines: save.baselines, ...(big ? { budget: BUDGETS.saveCustomer } : {}) }));
  return rows;
}

async function main(): Promise<void> {
  if (!skipBuild) build();
  if (!existsSync(join(BENCH_BUILD, 'bench.html'))) throw new Error('No bench build: run without --no-build');
  const mounts: Record<string, string> = { '/demo/': join(ROOT, 'public', 'demo'), '/fixtures/': join(ROOT, 'tests', 'fixtures') };
  if (existsSync(REAL_PAGES)) mounts['/real-pages/'] = REAL_PAGES;
  const pagesDir = join(RESULTS, 'pages');
  mkdirSync(pagesDir, { recursive: true });
  mounts['/bench-pages/'] = pagesDir;
  const server = await startFixtureServer(mounts);
  const profile = mkdtempSync(join(tmpdir(), 'dealer-desk-bench-'));
  const { context, extensionId } = await launch(server, profile);
  const rows: MeasureRow[] = [];
  try {
    const bench = await context.newPage();
    await bench.goto(`chrome-extension://${extensionId}/bench.html`);
    await bench.waitForSelector('body[data-ready="true"]');
    const ctx: BenchContext = {
      context,
      extensionId,
      server,
      bench,
      quick,
      log,
      call: (name, ...args) =>
        bench.evaluate(([method, params]) => (window.ddBench[method] as (...a: unknown[]) => unknown)(...params), [name, args] as const) as never,
    };
    for (const size of sizes) rows.push(...(await storageMeasures(ctx, size)));
    rows.push(...(await surfaceMeasures(ctx, { bookSize: sizes[sizes.length - 1]!, pagesDir, realPages: existsSync(REAL_PAGES) ? REAL_PAGES : undefined, productionBuild: PRODUCTION_BUILD })));
    if (quick) {
      for (const [id, label, budget] of [
        ['badge', 'badge count', BUDGETS.badgeCount],
        ['search', 'search per keystroke', BUDGETS.searchKeystroke],
        ['save', 'save one customer', BUDGETS.saveCustomer],
      ] as const)
        rows.push(notMeasured(id, label, 'budgets apply at 100k: run without --quick', budget, 100_000));
    }
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }

  const output = table(rows);
  const failed = rows.filter((row) => row.pass === false);
  const summary = `${rows.filter((row) => row.pass).length} budgets met, ${failed.length} missed, ${rows.filter((row) => row.notMeasured).length} not measured`;
  process.stdout.write(`\n${output}\n\n${summary}\n`);
  const result = {
    date: new Date().toISOString(),
    quick,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version, chromium: context.browser()?.version() ?? (await chromiumVersion()) },
    durationSeconds: Math.round((Date.now() - started) / 1000),
    rows,
    table: output,
    summary,
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, quick ? 'latest-quick.json' : 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(`done in ${result.durationSeconds} s: bench-results/${quick ? 'latest-quick.json' : 'latest.json'}`);
}

async function chromiumVersion(): Promise<string> {
  try {
    return execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

await main();
