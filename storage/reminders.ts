import type { Callback } from './schemas/callback';
import type { DealerDeskDatabase, NotificationRecord } from './database';

/** A callback due longer ago than this when first seen is left to the badge and lists, not notified. */
export const NOTIFY_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;

export function notificationId(callback: Pick<Callback, 'id' | 'dueAt'>): string {
  return `${callback.id}@${callback.dueAt}`;
}

/** The record of which callbacks already raised a notification: restarts never repeat one, nor drop one. */
export class ReminderRepository {
  constructor(private readonly db: DealerDeskDatabase) {}

  /**
   * Open callbacks due by `now` that never raised a notification at their current due time, latest
   * first (what fell due since the last look is at the top of the range).
   */
  async unnotified(now: number, limit = 500): Promise<Callback[]> {
    const due = await this.db.callbacks
      .where('[status+dueAt]')
      .between(['open', now - NOTIFY_LOOKBACK_MS], ['open', now], true, true)
      .reverse()
      .limit(limit * 4)
      .toArray();
    const done = await this.db.notifications.bulkGet(due.map(notificationId));
    return due.filter((_, index) => done[index] === undefined).slice(0, limit);
  }

  /** Records these callbacks as notified (`shown` false when they were folded into a summary). */
  async record(callbacks: readonly Callback[], now: number, shownIds: ReadonlySet<string>): Promise<void> {
    const records: NotificationRecord[] = callbacks.map((callback) => ({
      id: notificationId(callback),
      callbackId: callback.id,
      dueAt: callback.dueAt,
      notifiedAt: now,
      shown: shownIds.has(callback.id),
    }));
    await this.db.notifications.bulkPut(records);
  }

  async forCallback(callbackId: string): Promise<NotificationRecord[]> {
    return this.db.notifications.where('callbackId').equals(callbackId).toArray();
  }
}
