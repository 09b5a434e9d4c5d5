/** Sent by extension pages after they change callbacks: the background re-counts the badge at once. */
export const REMINDERS_REFRESH = 'reminders-refresh';

/** Tells the background to refresh the badge now; harmless when no background answers (the kit on a web page). */
export async function refreshReminders(): Promise<void> {
  const runtime = (globalThis as { chrome?: { runtime?: { id?: string; sendMessage?: (message: unknown) => Promise<unknown> } } }).chrome?.runtime;
  if (!runtime?.id || !runtime.sendMessage) return;
  await runtime.sendMessage({ type: REMINDERS_REFRESH }).catch(() => undefined);
}
