/**
 * A page's first screen goes before background work. The extension's pages and its worker share one
 * IndexedDB backend, which serves requests in turn: while the worker re-plans a large book, a page's
 * first read waited seconds behind the re-plan's reads. A page holds this Web Lock (shared: several
 * pages may read at once) while it reads its first screen; the worker's re-plan asks for it
 * (exclusive) between two slices, so it pauses until the pages have read and goes on afterwards.
 */
export const FOREGROUND_READ_LOCK = 'dd-foreground-read';

/** Longest a page holds the lock: a first read that hangs must not stop background work for good. */
const HOLD_AT_MOST_MS = 3_000;

/** Holds the lock until `read` settles (or `HOLD_AT_MOST_MS`); no-op where Web Locks are missing. */
export function holdForegroundRead(read: Promise<unknown>): void {
  const locks = globalThis.navigator?.locks;
  if (!locks) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, HOLD_AT_MOST_MS)));
  void locks.request(FOREGROUND_READ_LOCK, { mode: 'shared' }, () => Promise.race([read.then(() => undefined, () => undefined), cap]).finally(() => clearTimeout(timer))).catch(() => undefined);
}

/** Resolves once no page is reading its first screen (at once when none is, or without Web Locks). */
export async function waitForForegroundReads(): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return;
  await locks.request(FOREGROUND_READ_LOCK, () => undefined).catch(() => undefined);
}
