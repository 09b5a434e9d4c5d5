import { browser } from 'wxt/browser';
import { BACKUP_FREQUENCIES, type BackupFrequency, type BackupSchedule } from '../../core/backup-schedule';

export * from '../../core/backup-schedule';

const KEY = 'backupSchedule';
/** Message from the backup page to the background worker: the backup's object URL (or why it failed). */
export const BACKUP_READY = 'dashboard-backup-ready';
export const BACKUP_PAGE = '/backup-offscreen.html';

// Kept in extension storage rather than IndexedDB: a restore must not change the backup schedule.
export async function readBackupSchedule(): Promise<BackupSchedule> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<BackupSchedule> | undefined;
  const frequency = BACKUP_FREQUENCIES.includes(stored?.frequency as BackupFrequency) ? stored!.frequency! : 'off';
  return { frequency, lastAt: stored?.lastAt, lastError: stored?.lastError };
}

export async function writeBackupSchedule(patch: Partial<BackupSchedule>): Promise<BackupSchedule> {
  const next = { ...(await readBackupSchedule()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
