import '../../storage/zod';
import { browser } from 'wxt/browser';
import { createBackup, openDatabase } from '../../storage';
import { backupDue, backupFileName, readBackupSchedule, writeBackupSchedule } from '../shared/backup-schedule';

export const BACKUP_ALARM = 'dashboard-scheduled-backup';

/** Saves a full backup into the Downloads folder (under `DealerDesk/`), without asking where. */
export async function saveScheduledBackup(now = Date.now()): Promise<void> {
  const backup = await createBackup(openDatabase());
  // A service worker has no object URLs: the backup travels as a data URL.
  const url = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(backup))}`;
  await browser.downloads.download({ url, filename: `DealerDesk/${backupFileName(now)}`, conflictAction: 'uniquify', saveAs: false });
}

async function backupIfDue(): Promise<void> {
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
}
