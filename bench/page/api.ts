/** What the bench page offers the runner (`window.ddBench`); every time is in milliseconds. */

export interface SeedReport {
  ms: number;
  customers: number;
  followUps: number;
  callbacks: number;
  /** Open callbacks due now or overdue: what the badge counts. */
  dueOrOverdue: number;
}

export interface Compared {
  ours: number[];
  baselines: Record<string, number[]>;
}

export type SearchKind = 'phoneTail' | 'namePrefix' | 'initials';

export interface BookState {
  customers: number;
  followUps: number;
  callbacks: number;
  /** Size the book was seeded with (0: none recorded). */
  size: number;
  seededAt: number;
  dueOrOverdue: number;
}

export interface BenchApi {
  /** Measures from now on act on this database: the extension's own (`dealer-desk`) or a scratch one. */
  use(database: string): Promise<void>;
  /** Deletes the database in use and goes back to the extension's own. */
  drop(): Promise<void>;
  /** What the database in use holds (a cached profile may already hold the book). */
  book(): Promise<BookState>;
  /** Empties every table of the database in use. */
  reset(): Promise<void>;
  /** Writes a generated, planned book of `size` customers (+5 follow-ups, the planner's callbacks and 1–3 generated ones each), fast path. */
  seed(size: number): Promise<SeedReport>;
  /** A book of `size` customers where exactly `due` callbacks are due today (for the popup). */
  seedDue(size: number, due: number): Promise<SeedReport>;
  /**
   * Imports `size` generated cards through storage/ (cards and the callbacks planned for them) vs raw
   * puts of the same records; empties customers and callbacks after. `callbacks`: how many each writes.
   */
  importCompare(size: number, runs: number): Promise<Compared & { callbacks: number }>;
  badge(runs: number, baselineRuns: number): Promise<Compared & { count: number }>;
  todayList(runs: number, baselineRuns: number): Promise<Compared & { rows: number }>;
  search(kind: SearchKind, runs: number, baselineRuns: number): Promise<Compared>;
  saveCustomer(runs: number): Promise<Compared>;
  /** Whether core/ has an extractor (issue 3) in this build. */
  hasExtractor(): boolean;
  /** Times the extractor on `html` laid out in a same-origin, script-less frame, `runs` times. */
  extract(html: string, url: string, runs: number): Promise<{ samples: number[]; contacts: number }>;
  /** Whether the background worker has finished its full re-plan of the book (issue 4's plan stamp). */
  replanned(): Promise<boolean>;
  /**
   * Tells the worker the book is planned as of now, as its own full re-plan would (the seeded book is
   * planned by the planner with these settings: a full re-plan of it writes nothing): the plan stamp
   * from storage's `planStamp`, the day planned for, and the written-cards watermark.
   */
  declarePlanned(): Promise<void>;
  /** Forgets what the launcher remembers per site (open or closed, width), so each run starts closed. */
  forgetSites(): Promise<void>;
  /** Resolves with the epoch time (ms, sub-ms precision) at which a live customer holds `phone`. */
  waitForCustomer(phone: string, timeoutMs: number): Promise<number>;
}

declare global {
  interface Window {
    ddBench: BenchApi;
  }
}
