import { isQuietTime, systemTimeZone } from '../core/cadence';
import { openCallbackPage } from './book-reader';
import type { Callback } from './schemas/callback';
import type { DealerDeskDatabase, NotificationRecord } from './database';
import { isAfter, NOTIFIED_THROUGH_ID, NOTIFY_LOOKBACK_MS, watermarkKey, type DueKey, type NotifiedThrough } from './notified-through';
import { readSettings } from './replan';

export { NOTIFY_LOOKBACK_MS } from './notified-through';

/** What one look at the clock hands to the notifier: `shown` get a notification each, the rest one summary. */
export interface ClaimedReminders {
  due: Callback[];
  shown: Set<string>;
  /** How many the summary stands for: this claim's unshown ones, plus those of the crowd it continues. */
  folded: number;
  /** This claim continues a crowd: its summary replaces the last one quietly. */
  continued: boolean;
}

/** Callbacks a claim reads ahead of the watermark; a crowd due at once is claimed over successive ticks. */
export const CLAIM_PAGE = 500;

export function notificationId(callback: Pick<Callback, 'id' | 'dueAt'>): string {
  return `${callback.id}@${callback.dueAt}`;
}

/** What a look found, and where the watermark goes once it is claimed (`undefined`: it stays). */
interface Look {
  due: Callback[];
  next?: NotifiedThrough;
  /** The watermark as the look found it. */
  row?: NotifiedThrough;
  /** The page ahead of the watermark was full: more fell due than one claim takes. */
  full: boolean;
}

/**
 * The record of which callbacks already raised a notification: restarts never repeat one, nor drop one.
 * Each look reads only the open callbacks due since the watermark (`notified-through.ts`), a page at
 * a time, plus the few written behind it since; what it claims moves the watermark.
 */
export class ReminderRepository {
  constructor(private readonly db: DealerDeskDatabase) {}

  private async look(now: number, limit: number): Promise<Look> {
    const row = (await this.db.table('counters').get(NOTIFIED_THROUGH_ID)) as NotifiedThrough | undefined;
    // The first look (or one after a month without any) starts at the lookback.
    const floor: DueKey = { dueAt: now - NOTIFY_LOOKBACK_MS, id: '' };
    const from = row && isAfter(watermarkKey(row), floor) ? watermarkKey(row) : floor;
    const [ahead, written] = await Promise.all([
      openCallbackPage(this.db, limit, from, now),
      row && row.late.length > 0 ? this.db.callbacks.bulkGet(row.late) : ([] as (Callback | undefined)[]),
    ]);
    // Late ones now ahead of `from` (snoozed since) are the scan's, now or on a later look.
    const late = written.filter((callback): callback is Callback => callback !== undefined && callback.status === 'open' && callback.dueAt >= floor.dueAt && !isAfter(callback, from));
    const candidates: Callback[] = [...ahead, ...late];
    const done = candidates.length === 0 ? [] : await this.db.notifications.bulkGet(candidates.map(notificationId));
    // Latest first: what fell due since the last look is shown, older ones folded into the summary.
    const due = candidates.filter((_, index) => done[index] === undefined).sort((a, b) => (isAfter(a, b) ? -1 : 1));
    const last = ahead[ahead.length - 1];
    const full = ahead.length >= limit;
    if (last) return { due, row, full, next: { id: NOTIFIED_THROUGH_ID, dueAt: last.dueAt, callbackId: last.id, late: [] } };
    if (row && (row.late.length > 0 || row.backlog !== undefined)) return { due, row, full, next: { id: row.id, dueAt: row.dueAt, callbackId: row.callbackId, late: [] } };
    return { due, row, full };
  }

  /**
   * Open callbacks due by `now` that never raised a notification at their current due time and that
   * the next claim would take (at most `limit` due since the watermark, plus those written behind it),
   * latest first. Reads only: the watermark moves when they are claimed.
   */
  async unnotified(now: number, limit = CLAIM_PAGE): Promise<Callback[]> {
    return this.db.transaction('r', this.db.callbacks, this.db.notifications, this.db.counters, async () => (await this.look(now, limit)).due);
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
   * Claims what fell due and was never notified, in one transaction with the watermark (two wakes of
   * the worker never both notify, and a restart continues where the last claim got). During quiet
   * hours nothing is claimed and the watermark stays: what fell due is notified when they end.
   */
  async claim(now: number, maxShown: number): Promise<ClaimedReminders | 'quiet'> {
    const settings = await readSettings(this.db);
    if (isQuietTime(now, settings, settings.timeZone ?? systemTimeZone())) return 'quiet';
    return this.db.transaction('rw', [this.db.callbacks, this.db.notifications, this.db.counters], async () => {
      const { due, next, row, full } = await this.look(now, CLAIM_PAGE);
      // A crowd shows its first page's latest few one by one; its later pages only add to the summary.
      const continued = row?.backlog !== undefined;
      const shown = new Set(continued ? [] : due.slice(0, maxShown).map((callback) => callback.id));
      const folded = (row?.backlog ?? 0) + due.length - shown.size;
      if (due.length > 0) await this.record(due, now, shown);
      if (next) await this.db.table('counters').put(full ? { ...next, backlog: folded } : next);
      return { due, shown, folded, continued };
    });
  }

  async forCallback(callbackId: string): Promise<NotificationRecord[]> {
    return this.db.notifications.where('callbackId').equals(callbackId).toArray();
  }
}
