// `npm run bench`: builds the extension (production + a bench build with bench.html), opens it in real
// Chromium, takes every measure several times beside its baselines, prints one table and writes
// bench-results/latest.json. `-- --quick` runs the 1k and 10k books only; `-- --import-100k` adds the
// 100k import (about a minute and a half more); `-- --no-build` reuses the last builds;
// `-- --only=popup,capture` takes only those groups (import, storage, replan, dashboard, capture, popup).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LEAD_SITES } from '../core/lead-sites';
import { chromiumPath, extensionArgs } from '../scripts/chromium.mjs';
import { startFixtureServer, type FixtureServer } from '../scripts/fixture-server.mjs';
import { BUDGETS } from './budgets';
import { measured, notMeasured, single, table, type MeasureRow } from './report';
import { openBenchPage, type BenchPage } from './session';
import { popupMeasure, readManifest, surfaceMeasures } from './surfaces';

const ROOT = resolve(import.meta.dirname, '..');
/** storage/database.ts's DATABASE_NAME (not imported: it would load Dexie into the runner). */
const DATABASE_NAME = 'dealer-desk';
const RESULTS = join(ROOT, 'bench-results');
const BENCH_BUILD = join(ROOT, '.output', 'chrome-mv3-bench');
export const PRODUCTION_BUILD = join(ROOT, '.output', 'chrome-mv3');
export const REAL_PAGES = '/work/shared/fixtures/pages';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const skipBuild = argv.includes('--no-build');
const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const importSizes = argv.includes('--import-100k') ? [1_000, 10_000, 100_000] : [1_000, 10_000];
export const MEASURE_GROUPS = ['import', 'storage', 'replan', 'dashboard', 'capture', 'popup'] as const;
export type MeasureGroup = (typeof MEASURE_GROUPS)[number];
const onlyArgument = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const only = new Set<MeasureGroup>(onlyArgument ? (onlyArgument.split(',') as MeasureGroup[]) : MEASURE_GROUPS);
for (const group of only) if (!MEASURE_GROUPS.includes(group)) throw new Error(`--only: unknown group "${group}" (known: ${MEASURE_GROUPS.join(', ')})`);

export interface BenchContext extends BenchPage {
  server: FixtureServer;
  quick: boolean;
  log(message: string): void;
  close(): Promise<void>;
}

const started = Date.now();
function log(message: string): void {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
}

function build(): void {
  const wxt = join(ROOT, 'node_modules', '.bin', 'wxt');
  log('building the extension (production, then with the bench page)');
  execFileSync(wxt, ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  // NODE_ENV as in `wxt build`: a mode other than production otherwise builds Lit's development
  // bundle (checks and warnings on every update), which users never get.
  execFileSync(wxt, ['build', '--mode', 'bench'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
}

/** Chromium with the bench build on `profile`, and the bench page open. */
async function openSession(server: FixtureServer, profile: string): Promise<BenchContext> {
  // gc(): each measure starts without the garbage the previous one's full scans left behind.
  const args = [...extensionArgs({ extensionPath: BENCH_BUILD, port: server.port, domains: LEAD_SITES.flatMap((site) => site.domains) }), '--js-flags=--expose-gc'];
  const { context, extensionId, bench, call } = await openBenchPage(profile, args);
  return { context, extensionId, server, bench, quick, log, call, close: () => context.close() };
}

/**
 * Seeding 100k customers with their 500k follow-ups takes minutes on two cores, so the profile holding
 * the seeded book is kept in bench-results/.cache, keyed by the code that writes it.
 */
/** The seeded book holds the planner's callbacks: a change to the rules or their default settings re-seeds it. */
const CADENCE_FILES = [
  ...readdirSync(join(ROOT, 'core', 'cadence'))
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => join('core', 'cadence', file)),
  'core/first-contact.ts',
  'storage/schemas/settings.ts',
];

function bookCacheDir(size: number): string {
  const hash = createHash('sha1');
  // Not storage/versions.ts nor the schemas: a newer schema upgrades the cached database when it
  // opens, as it does for users; new optional fields leave the generated cards valid.
  for (const file of ['bench/data/book.ts', 'bench/data/random.ts', 'bench/page/seed.ts', 'storage/customer-search-keys.ts', 'bench/extension-key.ts', ...CADENCE_FILES]) {
    hash.update(readFileSync(join(ROOT, file)));
  }
  return join(RESULTS, '.cache', `profile-${size}-${hash.digest('hex').slice(0, 12)}`);
}

/** What the cache keeps of a profile: the extension's IndexedDB and localStorage (the book's marker). */
const CACHED_DATA = [join('Default', 'IndexedDB'), join('Default', 'Local Storage')];

/** Makes the extension's own database hold a book of `size`, from the cache when it can. */
async function ensureBook(ctx: BenchContext, size: number, profile: string, server: FixtureServer): Promise<BenchContext> {
  await ctx.call('use', DATABASE_NAME);
  const state = await ctx.call('book');
  if (state.size === size && state.customers >= size) {
    log(`${size}: book already in the profile (cached, seeded ${new Date(state.seededAt).toISOString()}): ${state.customers} customers, ${state.followUps} follow-ups, ${state.callbacks} callbacks`);
    return ctx;
  }
  await ctx.call('reset');
  log(`${size}: seeding the book into ${DATABASE_NAME}`);
  const seeded = await ctx.call('seed', size);
  log(`${size}: seeded ${seeded.customers} customers, ${seeded.followUps} follow-ups, ${seeded.callbacks} callbacks in ${(seeded.ms / 1000).toFixed(1)} s`);
  if (size < 100_000) return ctx;
  const cache = bookCacheDir(size);
  log(`${size}: caching the seeded profile in ${cache.slice(ROOT.length + 1)}`);
  await ctx.close();
  rmSync(join(RESULTS, '.cache'), { recursive: true, force: true });
  // Only the data: a profile's extension state (granted permissions, registered scripts) would belong
  // to the build that seeded it, not to the one being measured.
  for (const data of CACHED_DATA) cpSync(join(profile, data), join(cache, data), { recursive: true });
  execFileSync('sync');
  // Measured from a fresh copy, as every later run is: the seeding profile also holds the worker's
  // half-done passes over the cards as they were written, which a first run would measure and a
  // cached run not.
  rmSync(profile, { recursive: true, force: true });
  cpSync(cache, profile, { recursive: true });
  const reopened = await openSession(server, profile);
  await reopened.call('use', DATABASE_NAME);
  return reopened;
}

/** The worker's keys in extension storage (entrypoints/background/reminders.ts). */
const PLAN_STAMP_KEY = 'dd-plan-stamp';
const REPLAN_CURSOR_KEY = 'dd-replan-cursor';
const PLANNED_THROUGH_KEY = 'dd-planned-through';
const ROLLED_THROUGH_KEY = 'dd-rolled-through';
const ROLLING_CURSOR_KEY = 'dd-rolling-cursor';
/** How long the bench waits for each re-plan of the largest book (`-- --replan-limit=<s>`). */
const replanLimitMs = Number(argv.find((arg) => arg.startsWith('--replan-limit='))?.slice('--replan-limit='.length) ?? 900) * 1000;

/** What the bench page (an extension page) reaches of the extension APIs, in `evaluate`. */
declare const chrome: {
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void>; set(values: Record<string, unknown>): Promise<void> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

interface WorkerPlanState {
  stamped: boolean;
  /** Last customer id a full re-plan under way got through (ids are random UUIDs: its position estimates the share done). */
  after?: string;
  /** Where the written-cards pass got: an `updatedAt` (older builds stored the number itself). */
  through?: number;
  /** The instant the daily re-plan last planned the book as of. */
  rolledThrough?: number;
  /** A daily re-plan is under way (resuming with its window). */
  rolling: boolean;
}

/** The worker's re-plan state, read from the bench page (an extension page shares the worker's storage). */
function workerPlanState(ctx: BenchContext): Promise<WorkerPlanState> {
  return ctx.bench.evaluate(
    async ([stampKey, cursorKey, throughKey, rolledKey, rollingKey]) => {
      const stored = await chrome.storage.local.get([stampKey, cursorKey, throughKey, rolledKey, rollingKey]);
      const cursor = stored[cursorKey] as { after?: string } | undefined;
      const through = stored[throughKey] as number | { updatedAt?: number } | undefined;
      const rolledThrough = stored[rolledKey] as number | undefined;
      return {
        stamped: stored[stampKey] !== undefined,
        ...(cursor?.after ? { after: cursor.after } : {}),
        ...(through === undefined ? {} : { through: typeof through === 'number' ? through : (through.updatedAt ?? 0) }),
        ...(typeof rolledThrough === 'number' ? { rolledThrough } : {}),
        rolling: typeof (stored[rollingKey] as { to?: number } | undefined)?.to === 'number',
      };
    },
    [PLAN_STAMP_KEY, REPLAN_CURSOR_KEY, PLANNED_THROUGH_KEY, ROLLED_THROUGH_KEY, ROLLING_CURSOR_KEY] as const,
  );
}

/** Changes the worker's storage from the bench page, then asks the worker for a tick at once (as a page does after a change). */
async function pokeWorker(ctx: BenchContext, remove: string[], set: Record<string, unknown>): Promise<void> {
  await ctx.bench.evaluate(
    async ([keys, values]) => {
      await chrome.storage.local.remove(keys);
      await chrome.storage.local.set(values);
      // Not awaited: the answer comes after the whole tick.
      void chrome.runtime.sendMessage({ type: 'reminders-refresh' }).catch(() => undefined);
    },
    [remove, set] as const,
  );
}

/** The newest `updatedAt` of the book, read raw (the written-cards pass is done once it gets there). */
function newestUpdate(ctx: BenchContext): Promise<number> {
  return ctx.bench.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          const request = idb.transaction('customers').objectStore('customers').index('updatedAt').openKeyCursor(null, 'prev');
          request.onsuccess = () => {
            resolve((request.result?.key as number | undefined) ?? 0);
            idb.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    DATABASE_NAME,
  );
}

/** Waits until `finished` says so, or `replanLimitMs`; the seconds it took, or the share it got through. */
async function waitForWorker(what: string, started: number, finished: () => Promise<boolean>, progress: () => Promise<string>, limitMs = replanLimitMs): Promise<{ seconds: number } | { stopped: string }> {
  let logged = Date.now();
  while (!(await finished())) {
    if (Date.now() - started > limitMs) return { stopped: `still running after ${limitMs / 1000} s (${await progress()})` };
    if (Date.now() - logged > 30_000) {
      logged = Date.now();
      log(`${what}: ${((Date.now() - started) / 1000).toFixed(0)} s, ${await progress()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { seconds: (Date.now() - started) / 1000 };
}

/**
 * Save and search taken while the worker re-plans: the budgets are for a consultant's normal day
 * (after the re-plan), so these rows carry no verdict, but show what a page meets during one.
 */
async function measuredDuring(ctx: BenchContext, size: number, phase: string, running: () => Promise<boolean>): Promise<MeasureRow[]> {
  const rows: MeasureRow[] = [];
  // Fewer than the storage measures' 40: every sample waits behind the re-plan on a loaded machine.
  const runs = 20;
  for (const [kind, label] of [
    ['phoneTail', 'phone tail'],
    ['namePrefix', 'name prefix'],
    ['initials', 'pinyin initials'],
  ] as const) {
    const search = await ctx.call('search', kind, runs, 0);
    rows.push(measured(`search-${kind}-replan`, `search: ${label}, ${phase}`, search.ours, { size }));
  }
  const save = await ctx.call('saveCustomer', runs * 2);
  rows.push(measured('save-replan', `save one customer, ${phase}`, save.ours, { size }));
  const still = await running();
  for (const row of rows) {
    row.note = phase.includes('idle') ? (still ? 'a re-plan started during these samples' : 'no re-plan running') : still ? 'the re-plan ran throughout; budgets apply after it' : 'the re-plan ended during these samples';
    log(`${size}: ${row.label}: median ${row.stats?.median.toFixed(1)} ms, p95 ${row.stats?.p95.toFixed(1)} ms, ${row.stats?.min.toFixed(1)}–${row.stats?.max.toFixed(1)} ms`);
  }
  return rows;
}

function shareDone(after: string | undefined): string {
  if (!after) return 'cursor not saved yet';
  return `~${((parseInt(after.slice(0, 8), 16) / 2 ** 32) * 100).toFixed(0)}% of the book by id`;
}

/**
 * The background worker's re-planning of the largest book, and what the pages meet meanwhile. The
 * seeded book is planned (bench/page/seed.ts), as a consultant's book is after every write through
 * storage/, and the bench tells the worker so when it opens it (`declarePlanned`), as the worker's
 * own full re-plan would. Then, as on a consultant's ordinary days:
 * 1. the daily re-plan: the next local day (the day last planned for moved back by one), which looks
 *    only at the customers whose birthday or holiday greeting rolled on;
 * 2. the written-cards pass over the whole book (its watermark cleared, as after importing 100k cards).
 * The full re-plan (first start, a settings change, a restore) is `fullReplanMeasures`, taken last.
 * Each is timed from when the bench asks for it, with save and search taken while it runs.
 */
async function replanMeasures(ctx: BenchContext, size: number): Promise<MeasureRow[]> {
  const rows: MeasureRow[] = [];
  if (!readFileSync(join(PRODUCTION_BUILD, 'background.js'), 'utf8').includes(PLAN_STAMP_KEY)) return [notMeasured('replan', 'background: full re-plan of the book', 're-planning (issue 4) not on main yet', undefined, size)];

  log(`${size}: daily re-plan (the day last planned for moved back by one)`);
  const before = await ctx.call('book');
  const dailyStarted = Date.now();
  const { rolledThrough = dailyStarted } = await workerPlanState(ctx);
  const lastDay = rolledThrough - 24 * 60 * 60_000;
  await pokeWorker(ctx, [ROLLING_CURSOR_KEY], { [ROLLED_THROUGH_KEY]: lastDay });
  const rolled = async () => {
    const state = await workerPlanState(ctx);
    return !state.rolling && (state.rolledThrough ?? 0) >= dailyStarted;
  };
  const dailyWait = await waitForWorker(`${size}: daily re-plan`, dailyStarted, rolled, async () => ((await workerPlanState(ctx)).rolling ? 'under way' : 'not started'));
  const after = await ctx.call('book');
  const dailyNote = `the day after ${new Date(lastDay).toISOString().slice(0, 10)}; callbacks ${before.callbacks} → ${after.callbacks}`;
  rows.push(
    'seconds' in dailyWait
      ? single('replan-daily', 'background: daily re-plan of the planned book (s)', dailyWait.seconds, 's', undefined, dailyNote)
      : notMeasured('replan-daily', 'background: daily re-plan of the planned book', `${dailyWait.stopped}; ${dailyNote}`, undefined, size),
  );
  log(`${size}: daily re-plan ${'seconds' in dailyWait ? `took ${dailyWait.seconds.toFixed(1)} s` : dailyWait.stopped}; ${dailyNote}`);

  // Save and search with the worker idle: what the budgets judge (storage measures below take them again, with baselines).
  rows.push(...(await measuredDuring(ctx, size, 'with the worker idle', async () => !(await rolled()))));

  log(`${size}: written-cards pass over the whole book (watermark cleared)`);
  const newest = await newestUpdate(ctx);
  const passStarted = Date.now();
  await pokeWorker(ctx, [PLANNED_THROUGH_KEY], {});
  const through = async () => (await workerPlanState(ctx)).through ?? 0;
  const passed = async () => (await through()) >= newest;
  const passProgress = async () => `planned through ${new Date(await through()).toISOString()}, book's newest ${new Date(newest).toISOString()}`;
  const pass = await measuredDuring(ctx, size, 'during the written-cards pass', async () => !(await passed()));
  const passWait = await waitForWorker(`${size}: written-cards pass`, passStarted, passed, passProgress);
  rows.push(
    'seconds' in passWait
      ? single('replan-written', 'background: written-cards pass over the whole book (s)', passWait.seconds, 's', undefined, 'watermark cleared, as after a 100k import')
      : notMeasured('replan-written', 'background: written-cards pass over the whole book', passWait.stopped, undefined, size),
    ...pass,
  );
  log(`${size}: written-cards pass ${'seconds' in passWait ? `took ${passWait.seconds.toFixed(0)} s` : passWait.stopped}`);
  for (const row of rows) row.size ??= size;
  return rows;
}

/**
 * The full re-plan of the largest book (the plan stamp cleared, as on first start, after a change to
 * the cadence settings or a restore), with save and search taken while it runs. Last of the 100k
 * measures: on this machine it takes minutes, and the worker re-plans nothing else meanwhile.
 */
async function fullReplanMeasures(ctx: BenchContext, size: number): Promise<MeasureRow[]> {
  if (!readFileSync(join(PRODUCTION_BUILD, 'background.js'), 'utf8').includes(PLAN_STAMP_KEY)) return [];
  const stamped = async () => (await workerPlanState(ctx)).stamped;
  log(`${size}: full re-plan (plan stamp cleared)`);
  const before = await ctx.call('book');
  const started = Date.now();
  await pokeWorker(ctx, [PLAN_STAMP_KEY], { [REPLAN_CURSOR_KEY]: {} });
  const during = await measuredDuring(ctx, size, 'during the full re-plan', async () => !(await stamped()));
  const wait = await waitForWorker(`${size}: full re-plan`, started, stamped, async () => shareDone((await workerPlanState(ctx)).after));
  const after = await ctx.call('book');
  const note = `plan stamp cleared; callbacks ${before.callbacks} → ${after.callbacks}`;
  log(`${size}: full re-plan ${'seconds' in wait ? `took ${wait.seconds.toFixed(0)} s` : wait.stopped}; ${note}`);
  const rows = [
    'seconds' in wait
      ? single('replan-full', 'background: full re-plan of the planned book (s)', wait.seconds, 's', undefined, note)
      : notMeasured('replan-full', 'background: full re-plan of the planned book', `${wait.stopped}; ${note}`, undefined, size),
    ...during,
  ];
  for (const row of rows) row.size ??= size;
  return rows;
}

async function importMeasures(ctx: BenchContext, size: number): Promise<MeasureRow> {
  const runs = size >= 100_000 ? 1 : size >= 10_000 ? 3 : 5;
  await ctx.call('use', 'bench-import');
  await ctx.call('reset');
  log(`${size}: bulk import, ${runs} run(s) each way`);
  const imported = await ctx.call('importCompare', size, runs);
  await ctx.call('drop');
  return measured('import', 'bulk import through storage/', imported.ours, {
    size,
    baselines: imported.baselines,
    budget: BUDGETS.importRatio,
    note: `cards + ${imported.callbacks} callbacks planned for them, both ways`,
  });
}

/** Storage measures on the book in the database in use: badge, today's list, search, save. */
async function storageMeasures(ctx: BenchContext, size: number): Promise<MeasureRow[]> {
  const rows: MeasureRow[] = [];
  const big = size >= 100_000;
  // Enough samples for a p95 that is not just the slowest one or two.
  const runs = 40;
  const baselineRuns = big ? 3 : 10;
  log(`${size}: badge, today's list, search, save`);
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
  const largest = sizes[sizes.length - 1]!;
  const manifest = readManifest(PRODUCTION_BUILD);
  // Profiles: a fresh one for imports and the smaller books, a fresh one for the popup (whose book needs
  // exactly 500 due), and one holding the largest book (copied from the cache when there is one). Imports into
  // a profile already holding 100k cards run about three times slower, for ours and raw alike.
  const freshProfile = mkdtempSync(join(tmpdir(), 'dealer-desk-bench-'));
  const bookProfile = mkdtempSync(join(tmpdir(), 'dealer-desk-bench-book-'));
  const cache = bookCacheDir(largest);
  if (largest >= 100_000 && existsSync(cache)) {
    cpSync(cache, bookProfile, { recursive: true });
    // Half a gigabyte of dirty pages would otherwise stall IndexedDB's first commits for seconds.
    execFileSync('sync');
  }
  const rows: MeasureRow[] = [];
  let popup: MeasureRow[] = [];
  let ctx = await openSession(server, freshProfile);
  try {
    if (only.has('import')) {
      for (const size of importSizes) rows.push(await importMeasures(ctx, size));
      if (!importSizes.includes(100_000) && !quick) rows.push(notMeasured('import', 'bulk import through storage/', 'skipped at 100k (~45 s each way here): add --import-100k', BUDGETS.importRatio, 100_000));
    }
    if (only.has('storage')) {
      for (const size of sizes.slice(0, -1)) {
        await ctx.call('use', `bench-${size}`);
        await ctx.call('reset');
        log(`${size}: seeding a scratch book`);
        await ctx.call('seed', size);
        rows.push(...(await storageMeasures(ctx, size)));
        await ctx.call('drop');
      }
    }
    await ctx.close();
    if (only.has('popup')) {
      // A profile of its own: right after the imports above, the browser is still busy with their
      // scratch databases (same build, back to back: 119 ms in that profile, 94 ms in a fresh one), work
      // a consultant's browser opening its popup is not doing.
      ctx = await openSession(server, mkdtempSync(join(tmpdir(), 'dealer-desk-bench-popup-')));
      log('popup with 500 due callbacks');
      popup = await popupMeasure(ctx, manifest);
      await ctx.close();
    }

    if (['replan', 'storage', 'dashboard', 'capture'].some((group) => only.has(group as MeasureGroup))) {
      ctx = await openSession(server, bookProfile);
      ctx = await ensureBook(ctx, largest, bookProfile, server);
      // The seeded book is planned: the worker is told so, as its own first full re-plan would (which
      // writes nothing on it); that full re-plan is measured last (`fullReplanMeasures`).
      await ctx.call('declarePlanned');
      log(`${largest}: the worker is told the seeded book is planned (its full re-plan is measured last)`);
      if (only.has('replan')) rows.push(...(await replanMeasures(ctx, largest)));
      // After the worker's re-plans: the consultant's normal state, which the budgets are for.
      if (only.has('storage')) rows.push(...(await storageMeasures(ctx, largest)));
      rows.push(...(await surfaceMeasures(ctx, { bookSize: largest, pagesDir, realPages: existsSync(REAL_PAGES) ? REAL_PAGES : undefined, productionBuild: PRODUCTION_BUILD, manifest, dashboard: only.has('dashboard'), capture: only.has('capture') })));
      if (only.has('replan')) rows.push(...(await fullReplanMeasures(ctx, largest)));
    }
    rows.push(...popup);
    if (quick && only.has('storage')) {
      for (const [id, label, budget] of [
        ['badge', 'badge count', BUDGETS.badgeCount],
        ['search', 'search per keystroke', BUDGETS.searchKeystroke],
        ['save', 'save one customer', BUDGETS.saveCustomer],
      ] as const)
        rows.push(notMeasured(id, label, 'budgets apply at 100k: run without --quick', budget, 100_000));
    }
  } finally {
    await ctx.close().catch(() => undefined);
    await server.close();
    rmSync(freshProfile, { recursive: true, force: true });
    rmSync(bookProfile, { recursive: true, force: true });
  }

  const output = table(rows);
  const failed = rows.filter((row) => row.pass === false);
  const summary = `${rows.filter((row) => row.pass).length} budgets met, ${failed.length} missed, ${rows.filter((row) => row.notMeasured).length} not measured`;
  process.stdout.write(`\n${output}\n\n${summary}\n`);
  const result = {
    date: new Date().toISOString(),
    quick,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version, chromium: await chromiumVersion() },
    durationSeconds: Math.round((Date.now() - started) / 1000),
    rows,
    table: output,
    summary,
  };
  mkdirSync(RESULTS, { recursive: true });
  // A partial run (`--quick`, `--only`) never overwrites the full run's file the README quotes.
  const file = `latest${quick ? '-quick' : ''}${onlyArgument ? `-${[...only].join('-')}` : ''}.json`;
  writeFileSync(join(RESULTS, file), `${JSON.stringify(result, null, 2)}\n`);
  log(`done in ${result.durationSeconds} s: bench-results/${file}`);
}

async function chromiumVersion(): Promise<string> {
  try {
    return execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

await main();
