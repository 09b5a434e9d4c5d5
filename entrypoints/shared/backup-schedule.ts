import { browser } from 'wxt/browser';

/** How often a backup is saved to the Downloads folder on its own. */
export type BackupFrequency = 'off' | 'daily' | 'weekly';
export const BACKUP_FREQUENCIES: readonly BackupFrequency[] = ['off', 'daily', 'weekly'];

export interface BackupSchedule {
  frequency: BackupFrequency;
  /** When the last scheduled backup was saved. */
  lastAt?: number;
  /** Why the last attempt failed, if it did. */
  lastError?: string;
}

const KEY = 'backupSchedule';
const DAY = 24 * 60 * 60 * 1000;
export const BACKUP_INTERVAL: Record<Exclude<BackupFrequency, 'off'>, number> = { daily: DAY, weekly: 7 * DAY };

// Kept in extension storage rather than IndexedDB: a restore must not change the backup schedule.
export async function readBackupSchedule(): Promise<BackupSchedule> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<BackupSchedule> | undefined;
  return { frequency: BACKUP_FREQUENCIES.includes(stored?.frequency as BackupFrequency) ? stored!.frequency! : 'off', lastAt: stored?.lastAt, lastError: stored?.lastError };
}

export async function writeBackupSchedule(patch: Partial<BackupSchedule>): Promise<BackupSchedule> {
  const next = { ...(await readBackupSchedule()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Whether a scheduled backup is due at `now`. */
export function backupDue(schedule: BackupSchedule, now: number): boolean {
  if (schedule.frequency === 'off') return false;
  return schedule.lastAt === undefined || now - schedule.lastAt >= BACKUP_INTERVAL[schedule.frequency] - 60_000;
}

export function backupFileName(at: number): string {
  const day = new Date(at);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `dealer-desk-backup-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}-${pad(day.getHours())}${pad(day.getMinutes())}.json`;
}
