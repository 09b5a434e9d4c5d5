import '../../storage/zod';
import { browser } from 'wxt/browser';
import { createBackup, openDatabase } from '../../storage';
import { BACKUP_READY } from '../shared/backup-schedule';

// Opened by the background worker for a scheduled backup: a service worker cannot make object URLs,
// and a whole dealership's book is far too big for a data URL. Closed by the worker once saved.
void (async () => {
  try {
    const backup = await createBackup(openDatabase());
    const url = URL.createObjectURL(new Blob([JSON.stringify(backup)], { type: 'application/json' }));
    await browser.runtime.sendMessage({ type: BACKUP_READY, url });
  } catch (error) {
    await browser.runtime.sendMessage({ type: BACKUP_READY, error: String(error) });
  }
})();
