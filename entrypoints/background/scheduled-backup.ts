import { z } from '../../storage/zod';
import { browser } from 'wxt/browser';
import { createBackup, openDatabase } from '../../storage';
import { BACKUP_PAGE, BACKUP_READY, backupDue, backupFileName, readBackupSchedule, writeBackupSchedule } from '../shared/backup-schedule';

export const BACKUP_ALARM = 'dashboard-scheduled-backup';
const FOLDER = 'DealerDesk';
const READY_TIMEOUT_MS = 5 * 60 * 1000;

const backupReadySchema = z.object({
  type: z.literal(BACKUP_READY),
  url: z.string().startsWith('blob:').max(500).optional(),
  error: z.string().max(2000).optional(),
});

let waiting: { resolve: (url: string) => void; reject: (error: Error) => void } | undefined;

/** The backup as a URL the downloads API can read: an object URL made by the offscreen backup page. */
async function backupUrl(): Promise<{ url: string; done: () => Promise<void> }> {
  if (!browser.offscreen) {
    // Browsers without offscreen documents: a data URL (fine for one consultant's book).
    const backup = await createBackup(openDatabase());
    return { url: `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(backup))}`, done: async () => undefined };
  }
  if (await browser.offscreen.hasDocument()) await browser.offscreen.closeDocument();
  const ready = new Promise<string>((resolve, reject) => {
    waiting = { resolve, reject };
    setTimeout(() => reject(new Error('backup page did not answer')), READY_TIMEOUT_MS);
  });
  await browser.offscreen.createDocument({ url: BACKUP_PAGE, reasons: ['BLOBS'], justification: 'Save a scheduled backup of the customer book to Downloads.' });
  const url = await ready;
  return { url, done: () => browser.offscreen.closeDocument() };
}

function finished(id: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (state: string | undefined, error: string | undefined): boolean => {
      if (!state || state === 'in_progress') return false;
      browser.downloads.onChanged.removeListener(listener);
      if (state === 'complete') resolve();
      else reject(new Error(error ?? state));
      return true;
    };
    const listener = (delta: { id: number; state?: { current?: string }; error?: { current?: string } }): void => {
      if (delta.id === id) settle(delta.state?.current, delta.error?.current);
    };
    browser.downloads.onChanged.addListener(listener);
    // A small file can finish before the listener is attached: then its change was missed, and the
    // backup (and every later one, queued behind it) would wait for ever. Ask for its state once.
    void browser.downloads.search({ id }).then(([item]) => settle(item?.state, item?.error));
  });
}

/** Saves a full backup into the Downloads folder (under `DealerDesk/`), without asking where. */
export async function saveScheduledBackup(now = Date.now()): Promise<void> {
  const { url, done } = await backupUrl();
  try {
    const id = await browser.downloads.download({ url, filename: `${FOLDER}/${backupFileName(now)}`, conflictAction: 'uniquify', saveAs: false });
    await finished(id);
  } finally {
    await done();
  }
}

let running: Promise<void> | undefined;

/** One backup at a time: a second alarm while one is being saved waits for it. */
function backupIfDue(): Promise<void> {
  running ??= saveIfDue().finally(() => (running = undefined));
  return running;
}

async function saveIfDue(): Promise<void> {
  const schedule = await readBackupSchedule();
  const now = Date.now();
  if (!backupDue(schedule, now)) return;
  try {
    await saveScheduledBackup(now);
    await writeBackupSchedule({ lastAt: now, lastError: undefined });
  } catch (error) {
    await writeBackupSchedule({ lastError: String(error) });
  }
}

/**
 * Scheduled backups (off / daily / weekly, chosen on the dashboard's backup page): an hourly alarm
 * checks whether one is due, so a late or missed alarm only delays it. Uninstalling the extension
 * deletes its database; the files in Downloads stay.
 */
export function registerScheduledBackup(): void {
  void browser.alarms.get(BACKUP_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(BACKUP_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BACKUP_ALARM) void backupIfDue();
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own backup page (no tab, its own URL), and only a well-formed answer.
    if (sender.tab || sender.url !== browser.runtime.getURL(BACKUP_PAGE) || !waiting) return;
    const answer = backupReadySchema.safeParse(message);
    if (!answer.success) return;
    if (answer.data.url) waiting.resolve(answer.data.url);
    else waiting.reject(new Error(answer.data.error ?? 'no backup'));
    waiting = undefined;
  });
}
