import { expect, test } from 'vitest';
import { callbackNotificationId, notificationTarget, SUMMARY_NOTIFICATION } from '../../entrypoints/background/notification-target';

test("clicking a callback's notification opens its customer, even with a separator in the callback id", () => {
  expect(notificationTarget(callbackNotificationId('c-42', 'c-42~7f3a'))).toEqual({ customerId: 'c-42' });
  expect(notificationTarget(callbackNotificationId('0b9e4d1c-5c1d-4d7e-9a55-2f0c7c1b7e11', 'x|y'))).toEqual({ customerId: '0b9e4d1c-5c1d-4d7e-9a55-2f0c7c1b7e11' });
});

test('the summary opens the dashboard; other notifications are not ours', () => {
  expect(notificationTarget(SUMMARY_NOTIFICATION)).toBe('dashboard');
  expect(notificationTarget('dd-backup-reminder')).toBeUndefined();
  expect(notificationTarget('dd-callback|')).toBeUndefined();
});
