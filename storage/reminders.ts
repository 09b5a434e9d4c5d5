import { isQuietTime, systemTimeZone } from '../core/cadence';
import type { Callback } from './schemas/callback';
import type { DealerDeskDatabase, NotificationRecord } from './database';
import { readSettings } from './replan';

/** What one look at the clock hands to the notifier: `shown` get a notification each, the rest one summary. */
export interface ClaimedReminders {
  due: Callback[];
  shown: Set<string>;
}

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

  /**
   * Claims what fell due and was never notified, in one transaction (two wakes of the worker never
   * both notify). During quiet hours nothing is claimed: it is notified when they end.
   */
  async claim(now: number, maxShown: number): Promise<ClaimedReminders | 'quiet'> {
    const settings = await readSettings(this.db);
    if (isQuietTime(now, settings, settings.timeZone ?? systemTimeZone())) return 'quiet';
    return this.db.transaction('rw', this.db.callbacks, this.db.notifications, async () => {
      const due = await this.unnotified(now);
      const shown = new Set(due.slice(0, maxShown).map((callback) => callback.id));
      await this.record(due, now, shown);
      return { due, shown };
    });
  }

  async forCallback(callbackId: string): Promise<NotificationRecord[]> {
    return this.db.notifications.where('callbackId').equals(callbackId).toArray();
  }
}
