/**
 * A new lead is called within the hour: its first-contact callback is due at once (the badge counts
 * it immediately) and overdue an hour after capture.
 */
export const FIRST_CONTACT_PLAN_KEY = 'first_contact';
export const FIRST_CONTACT_GRACE_MS = 60 * 60 * 1000;

export function firstContactCallback(customerId: string, capturedAt: number) {
  return { customerId, kind: 'first_contact' as const, planKey: FIRST_CONTACT_PLAN_KEY, dueAt: capturedAt, status: 'open' as const };
}
