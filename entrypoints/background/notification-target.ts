/**
 * A reminder's notification id says what clicking it opens: a callback's names its customer (the
 * worker may have restarted since it was shown, so nothing else is remembered), the summary the
 * dashboard.
 */
const CALLBACK_PREFIX = 'dd-callback|';
export const SUMMARY_NOTIFICATION = 'dd-callback-summary';

export type NotificationTarget = { customerId: string } | 'dashboard';

/** The notification id of one callback that fell due. */
export function callbackNotificationId(customerId: string, callbackId: string): string {
  return `${CALLBACK_PREFIX}${customerId}|${callbackId}`;
}

/** What a click on this notification opens; `undefined` when it is not one of Dealer Desk's reminders. */
export function notificationTarget(id: string): NotificationTarget | undefined {
  if (id === SUMMARY_NOTIFICATION) return 'dashboard';
  if (!id.startsWith(CALLBACK_PREFIX)) return undefined;
  const [customerId] = id.slice(CALLBACK_PREFIX.length).split('|');
  return customerId ? { customerId } : undefined;
}
