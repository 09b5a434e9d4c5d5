// `npm run bench:profile-dashboard -- [--size=10000] [--runs=3] [--profile=<copied dir> | --dir=<kept dir>] [--build=<dir>]`: where the dashboard's
// start goes. Opens options.html in the bench build on a seeded book, reloads it under the CDP sampling
// profiler, and prints self time by script (and the top functions) from navigation start to the first
// rows laid out, beside the page's own marks. A diagnosis tool, not a measure: `npm run bench` is the figure.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { extensionArgs } from '../scripts/chromium.mjs';
import { ROW_SELECTORS, rowsShownAtOnLoad, scrollFrames } from './in-page';
import { openBenchPage } from './session';
import { trace, type TraceEvent } from './trace';

const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
/** Another bench build to profile (an unpacked extension's id, and so its database, follows its path). */
const BENCH_BUILD = option('build') ?? join(ROOT, '.output', 'chrome-mv3-bench');
const size = Number(option('size') ?? 10_000);
const runs = Number(option('runs') ?? 3);
/** A profile directory already holding the book (e.g. a copy of bench-results/.cache/profile-100000-…). */
const cachedProfile = option('profile');
/** A profile directory used in place and kept (a seeded 10k book survives between runs). */
const keptProfile = option('dir');
/** Instead of profiling, take the bench's dashboard measures (first rows × runs, heap, scroll frames) on this build. */
const measuring = argv.includes('--measure');
/** With --measure: wait this long after the last first rows before scrolling (0: at once, as the bench does). */
const settleMs = Number(option('settle') ?? 0);
/** Also record a trace and sum the renderer's main-thread events (parse, compile, evaluate, style, layout…). */
const traced = argv.includes('--trace');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

async function main(): Promise<void> {
  const profile = keptProfile ?? mkdtempSync(join(tmpdir(), 'dealer-desk-profile-'));
  if (cachedProfile) cpSync(cachedProfile, profile, { recursive: true });
  const { context, extensionId, call } = await openBenchPage(profile, extensionArgs({ extensionPath: BENCH_BUILD }));
  try {
    await call('use', 'dealer-desk');
    const state = await call('book');
    if (state.customers < size) {
      await call('reset');
      process.stderr.write(`seeding ${size} customers…\n`);
      await call('seed', size);
    }
    process.stderr.write('waiting for the worker re-plan…\n');
    for (let waited = 0; waited < 120 && !(await call('replanned')); waited++) await new Promise((done) => setTimeout(done, 1000));

    if (measuring) return void (await measure(context, extensionId));
    for (let run = 0; run < runs; run++) {
      // A new page each time: a previous dashboard would still be loading its book in the background.
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/bench.html`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await page.addInitScript(rowsShownAtOnLoad, { count: 50, selectors: ROW_SELECTORS, timeoutMs: 20_000 });
      // A named 3 ms spin at a known performance.now(): lines the profile's clock up with the page's.
      await page.addInitScript(() => {
        const w = window as unknown as { __ddAnchorAt?: number };
        w.__ddAnchorAt = performance.now();
        (function ddProfileAnchor(): void {
          while (performance.now() - w.__ddAnchorAt! < 3);
        })();
      });
      let rows = { at: 0 };
      let marks = { responseEnd: 0, domInteractive: 0, entries: [] as string[], scripts: [] as string[], anchorAt: 0 };
      const load = async (): Promise<void> => {
        await page.goto(`chrome-extension://${extensionId}/options.html`);
        const shown = await page.waitForFunction(() => (window as unknown as { __ddRows?: { at: number } }).__ddRows, undefined, { timeout: 25_000 });
        rows = (await shown.jsonValue()) as { at: number };
        marks = await page.evaluate(() => {
          const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
          return {
            responseEnd: navigation?.responseEnd ?? 0,
            domInteractive: navigation?.domInteractive ?? 0,
            entries: performance
              .getEntries()
              .filter((entry) => entry.entryType === 'mark' || entry.entryType === 'measure')
              .map((entry) => `${entry.entryType} ${entry.name} @${entry.startTime.toFixed(1)} +${entry.duration.toFixed(1)}`),
            scripts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(
              (entry) => `${entry.name.split('/').pop()} ${entry.startTime.toFixed(1)}→${entry.responseEnd.toFixed(1)}`,
            ),
            anchorAt: (window as unknown as { __ddAnchorAt: number }).__ddAnchorAt,
          };
        });
        await page.waitForTimeout(300);
      };
      if (traced) {
        // The sampling profiler starts lazily in the new document and would weigh on the trace: one or the other.
        traceReport(await trace(cdp, load, 'devtools.timeline,v8,v8.execute,blink.user_timing,loading,disabled-by-default-devtools.timeline'), rows.at);
        process.stdout.write(`=== run ${run + 1}: first rows at ${rows.at.toFixed(1)} ms\nmarks:\n  ${marks.entries.join('\n  ')}\n`);
        await cdp.detach();
        await page.close();
        continue;
      }
      await cdp.send('Profiler.start');
      await load();
      const { profile: cpu } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      await cdp.detach();
      await page.close();
      report(run, rows.at, marks, cpu);
    }
  } finally {
    await context.close();
    if (!keptProfile) rmSync(profile, { recursive: true, force: true });
  }
}

/** What bench/surfaces.ts dashboard() takes, with the same in-page functions, for a build at another path. */
async function measure(context: BrowserContext, extensionId: string): Promise<void> {
  const firstRows: number[] = [];
  let page: Page | undefined;
  for (let run = 0; run < runs; run++) {
    await page?.close();
    page = await context.newPage();
    await page.addInitScript(rowsShownAtOnLoad, { count: 50, selectors: ROW_SELECTORS, timeoutMs: 20_000 });
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const shown = await page.waitForFunction(() => (window as unknown as { __ddRows?: { at: number } }).__ddRows, undefined, { timeout: 25_000 });
    firstRows.push(((await shown.jsonValue()) as { at: number }).at);
  }
  const cdp = await context.newCDPSession(page!);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  if (settleMs) await page!.waitForTimeout(settleMs);
  const profiler = argv.includes('--scroll-profile') ? await context.newCDPSession(page!) : undefined;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
  }
  const scroll = await page!.evaluate(scrollFrames, { frames: 180, step: 120, selectors: ROW_SELECTORS });
  if (profiler) {
    const { profile } = (await profiler.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const self = new Map<string, number>();
    let time = profile.startTime;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    for (let index = 0; index < profile.samples.length - 1; index++) {
      time += profile.timeDeltas[index]!;
      const frame = byId.get(profile.samples[index]!)!.callFrame;
      if (frame.functionName === '(idle)') continue;
      const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}`;
      self.set(name, (self.get(name) ?? 0) + profile.timeDeltas[index + 1]! / 1000);
    }
    const busy = [...self.values()].reduce((sum, ms) => sum + ms, 0);
    process.stdout.write(
      `scroll profile: ${busy.toFixed(0)} ms busy over ${scroll.intervals.reduce((sum, ms) => sum + ms, 0).toFixed(0)} ms\n` +
        [...self.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 20)
          .map(([name, ms]) => `  ${ms.toFixed(1).padStart(7)} ms  ${name}`)
          .join('\n') +
        '\n',
    );
    await profiler.detach();
  }
  const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);
  const at = (values: number[], q: number): number => sorted(values)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
  process.stdout.write(
    `first rows (ms): ${firstRows.map((ms) => ms.toFixed(0)).join(', ')}; median ${at(firstRows, 0.5).toFixed(0)}\n` +
      `heap after first rows: ${(usedSize / 1024 / 1024).toFixed(1)} MB\n` +
      `scroll frame interval (ms): median ${at(scroll.intervals, 0.5).toFixed(1)}, p95 ${at(scroll.intervals, 0.95).toFixed(1)}, max ${Math.max(...scroll.intervals).toFixed(1)}; frames over 18.2 ms: ${scroll.intervals.filter((ms) => ms > 18.2).length}/${scroll.intervals.length}\n`,
  );
  await page!.close();
}

/** Main-thread time by trace event name from navigation start to first rows (nested events counted in each). */
function traceReport(events: TraceEvent[], firstRows: number): void {
  const navigation = events.filter((event) => event.name === 'navigationStart' && event.args?.data?.documentLoaderURL?.includes('options.html')).pop();
  if (!navigation) return void process.stdout.write('trace: no navigationStart for options.html\n');
  const start = navigation.ts;
  const end = start + firstRows * 1000;
  const byName = new Map<string, { ms: number; count: number }>();
  for (const event of events) {
    if (event.ph !== 'X' || event.pid !== navigation.pid || event.tid !== navigation.tid || event.ts < start || event.ts > end) continue;
    const name = event.name === 'v8.compileModule' || event.name === 'v8.evaluateModule' || event.name === 'EvaluateScript' ? `${event.name} ${(event.args?.data?.url ?? '').split('/').pop() ?? ''}`.trim() : event.name;
    const entry = byName.get(name) ?? { ms: 0, count: 0 };
    entry.ms += (event.dur ?? 0) / 1000;
    entry.count += 1;
    byName.set(name, entry);
  }
  const lines = [...byName.entries()]
    .filter(([, entry]) => entry.ms >= 0.5)
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 30)
    .map(([name, entry]) => `  ${entry.ms.toFixed(1).padStart(7)} ms  ×${String(entry.count).padEnd(4)} ${name}`);
  process.stdout.write(`trace, main thread, navigation start → first rows:\n${lines.join('\n')}\n`);
}

function report(run: number, firstRows: number, marks: { responseEnd: number; domInteractive: number; entries: string[]; scripts: string[]; anchorAt: number }, cpu: CpuProfile): void {
  // Profile times are in µs on the monotonic clock; the page's timeOrigin is in epoch ms. Align by the
  // first sample after navigation: take the window [0, firstRows] of the page's clock.
  const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of cpu.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // Samples in the page's new document: from the first sample whose stack has an options.html script.
  let time = cpu.startTime;
  const selfByScript = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const samples: { at: number; node: ProfileNode }[] = [];
  for (let index = 0; index < cpu.samples.length; index++) {
    time += cpu.timeDeltas[index]!;
    samples.push({ at: time, node: byId.get(cpu.samples[index]!)! });
  }
  const anchor = samples.find((sample) => sample.node.callFrame.functionName === 'ddProfileAnchor');
  if (!anchor) return;
  // Navigation start on the profile's clock (µs); the window is navigation start → first rows.
  const navigationStart = anchor.at - marks.anchorAt * 1000;
  const end = navigationStart + firstRows * 1000;
  let total = 0;
  for (let index = 0; index < samples.length - 1; index++) {
    const sample = samples[index]!;
    if (sample.at < navigationStart || sample.at > end) continue;
    const ms = (samples[index + 1]!.at - sample.at) / 1000;
    const frame = sample.node.callFrame;
    const script = frame.url ? frame.url.split('/').pop()!.replace(/-[\w-]{8}\.js$/, '.js') : `(${frame.functionName || 'program'})`;
    if (frame.functionName === '(idle)') continue;
    total += ms;
    selfByScript.set(script, (selfByScript.get(script) ?? 0) + ms);
    // Attribute to the nearest named function with a URL.
    let node: ProfileNode | undefined = sample.node;
    while (node && !node.callFrame.url && parent.has(node.id)) node = byId.get(parent.get(node.id)!);
    const name = node ? `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}` : '?';
    selfByFunction.set(name, (selfByFunction.get(name) ?? 0) + ms);
  }
  const top = (map: Map<string, number>, count: number): string =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => `  ${ms.toFixed(1).padStart(7)} ms  ${name}`)
      .join('\n');
  process.stdout.write(
    `\n=== run ${run + 1}: first rows at ${firstRows.toFixed(1)} ms (responseEnd ${marks.responseEnd.toFixed(1)}, domInteractive ${marks.domInteractive.toFixed(1)}); busy ${total.toFixed(1)} ms\n` +
      `marks:\n  ${marks.entries.join('\n  ')}\nresources:\n  ${marks.scripts.join('\n  ')}\nself time by script:\n${top(selfByScript, 14)}\nself time by function:\n${top(selfByFunction, 25)}\n`,
  );
}

await main();
