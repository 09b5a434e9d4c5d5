import { expect, test } from 'vitest';
import { backupDue, backupFileName } from '../../core/backup-schedule';

const HOUR = 3600_000;

test('a scheduled backup is due once per day or week, never when off', () => {
  const now = new Date(2026, 10, 23, 9, 30).getTime();
  expect(backupDue({ frequency: 'off' }, now)).toBe(false);
  expect(backupDue({ frequency: 'daily' }, now)).toBe(true);
  expect(backupDue({ frequency: 'daily', lastAt: now - 23 * HOUR }, now)).toBe(false);
  // The hourly alarm may fire a few minutes early.
  expect(backupDue({ frequency: 'daily', lastAt: now - 24 * HOUR + 5 * 60_000 }, now)).toBe(true);
  expect(backupDue({ frequency: 'weekly', lastAt: now - 6 * 24 * HOUR }, now)).toBe(false);
  expect(backupDue({ frequency: 'weekly', lastAt: now - 7 * 24 * HOUR }, now)).toBe(true);
  expect(backupFileName(now)).toBe('dealer-desk-backup-2026-11-23-0930.json');
});
