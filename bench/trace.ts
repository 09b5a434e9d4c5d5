import type { CDPSession } from 'playwright-core';

/** The fields of a Chromium trace event the bench and its diagnosis scripts read. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { url?: string; functionName?: string; frame?: string; documentLoaderURL?: string };
    beginData?: { url?: string };
  };
}

const TIMELINE = 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline';

/** Every trace event recorded while `work` runs. */
export async function trace(cdp: CDPSession, work: () => Promise<void>, categories: string = TIMELINE): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  await work();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  return events;
}
