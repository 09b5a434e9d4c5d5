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

const DAY = 24 * 60 * 60 * 1000;
export const BACKUP_INTERVAL: Record<Exclude<BackupFrequency, 'off'>, number> = { daily: DAY, weekly: 7 * DAY };
/** The hourly check may run a little early: a backup a few minutes short of its interval is still due. */
const SLACK = 10 * 60 * 1000;

/** Whether a scheduled backup is due at `now`. */
export function backupDue(schedule: BackupSchedule, now: number): boolean {
  if (schedule.frequency === 'off') return false;
  return schedule.lastAt === undefined || now - schedule.lastAt >= BACKUP_INTERVAL[schedule.frequency] - SLACK;
}

/** `dealer-desk-backup-2026-11-23-0930.json` (local time). */
export function backupFileName(at: number): string {
  const day = new Date(at);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `dealer-desk-backup-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}-${pad(day.getHours())}${pad(day.getMinutes())}.json`;
}
