import { defineBackground } from 'wxt/utils/define-background';
import { openDashboardOnInstall } from './open-dashboard-on-install';
import { registerCapture } from './capture-register';
import { registerReminders } from './reminders';
import { registerScheduledBackup } from './scheduled-backup';

// Thin: each feature registers its own listeners from a file of its own, synchronously, at start-up
// (MV3 only delivers events to listeners added in the worker's first turn).
export default defineBackground(() => {
  openDashboardOnInstall();
  registerCapture();
  registerReminders();
  registerScheduledBackup();
});
