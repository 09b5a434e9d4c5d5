import '../../storage/zod';
import Dexie from 'dexie';
import { browser } from 'wxt/browser';
import { callbackReason } from '../../core/cadence';
import { t } from '../../core/i18n';
import {
  CallbackRepository,
  newestCustomerUpdate,
  openDatabase,
  plannedThrough,
  planDay,
  planStamp,
  ReminderRepository,
  replanAll,
  replanChangedSince,
  replanRolled,
  SETTLE_MS,
  type DueCounts,
  type PlannedThrough,
  type RollingWindow,
} from '../../storage';
import { applyLanguageSetting } from '../shared/language';
import { z } from '../../storage/zod';
import { REMINDERS_REFRESH } from '../shared/reminders-message';
import { callbackNotificationId, notificationTarget, SUMMARY_NOTIFICATION } from './notification-target';

const TICK_ALARM = 'dd-reminders-tick';
/** Individual notifications per tick; the rest are folded into one summary. */
const MAX_SHOWN = 3;
const OVERDUE_COLOUR = '#d92d20';
const DUE_COLOUR = '#f79009';

const remindersRefreshMessage = z.object({ type: z.literal(REMINDERS_REFRESH) }).strict();

const db = openDatabase();
const callbacks = new CallbackRepository(db);
const reminders = new ReminderRepository(db);

/** The badge: due-now + overdue callbacks; red when any is overdue, amber when all are due within the hour; empty when none. */
export async function showDueCounts(counts: DueCounts): Promise<void> {
  await browser.action.setBadgeText({ text: counts.due === 0 ? '' : counts.due > 999 ? '999+' : String(counts.due) });
  await browser.action.setBadgeBackgroundColor({ color: counts.overdue > 0 ? OVERDUE_COLOUR : DUE_COLOUR });
  await browser.action.setBadgeTextColor?.({ color: '#ffffff' });
  await browser.action.setTitle({ title: counts.due === 0 ? t('reminder_badge_title_none') : t('reminder_badge_title', counts.due, counts.overdue) });
}

/**
 * Shows what fell due since the last look: a few one by one, the rest folded into a summary. A crowd
 * due at once (an import) is claimed a page a tick, from the watermark on (`ReminderRepository.claim`):
 * its first page raises the notifications, the later ones only count on in the summary.
 */
async function notifyDue(now: number): Promise<void> {
  const claimed = await reminders.claim(now, MAX_SHOWN);
  if (claimed === 'quiet' || claimed.due.length === 0) return;
  const rows = await callbacks.withCustomers(claimed.due.filter((callback) => claimed.shown.has(callback.id)));
  for (const { callback, customer } of rows) {
    await browser.notifications.create(callbackNotificationId(customer.id, callback.id), {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('reminder_notification_title', customer.name),
      message: callbackReason(callback, customer.grade),
      priority: 2,
    });
  }
  if (claimed.folded > 0) {
    const summary = { title: t('reminder_summary_title', claimed.folded), message: t('reminder_summary_message') };
    // A crowd's later pages update the summary in place (gone when the consultant closed it), never pop up again.
    if (claimed.continued) await browser.notifications.update(SUMMARY_NOTIFICATION, summary);
    else await browser.notifications.create(SUMMARY_NOTIFICATION, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), ...summary });
  }
}

/** The planning settings the whole book was last planned with (`planStamp`). */
const PLAN_STAMP_KEY = 'dd-plan-stamp';
/** Where planning the cards written without planning got (a `PlannedThrough`). */
const PLANNED_THROUGH_KEY = 'dd-planned-through';
/** A full re-plan under way: the stamp it is for, when it started and the last customer id done. */
const REPLAN_CURSOR_KEY = 'dd-replan-cursor';
/** The instant the book is planned as of, date-wise: the last daily re-plan's (or full re-plan's) start. */
const ROLLED_THROUGH_KEY = 'dd-rolled-through';
/** A daily re-plan under way: its window and the last customer id done. */
const ROLLING_CURSOR_KEY = 'dd-rolling-cursor';
/**
 * Work per tick on re-planning; the rest continues at once (`continueReplan`). Each slice yields to the
 * pages, so this bounds how long a tick holds the queue, not how long a page's save waits.
 */
const REPLAN_BUDGET_MS = 5_000;
/** How often a full re-plan under way saves its cursor, so a stopped worker loses little of it. */
const CURSOR_SAVE_MS = 2_000;

interface ReplanCursor {
  stamp?: string;
  startedAt?: number;
  after?: string;
}

type RollingCursor = RollingWindow & { after?: string };

/**
 * Within a minute of a change to the cadence settings (or on first start), every customer is
 * re-planned. Once a local day, the customers whose birthday or holiday greeting rolled on since the
 * last day (`replanRolled`): a few on most days, not the whole book. In between, within a minute,
 * the cards written without planning (restores, writes in a transaction without the planning
 * tables); imports plan their own batches, so this pass only reads their cards.
 */
async function replanWhenStale(now: number): Promise<'more' | 'done'> {
  const stamp = await planStamp(db);
  const stored = await browser.storage.local.get([PLAN_STAMP_KEY, PLANNED_THROUGH_KEY, REPLAN_CURSOR_KEY, ROLLED_THROUGH_KEY, ROLLING_CURSOR_KEY]);
  if (stored[PLAN_STAMP_KEY] !== stamp || typeof stored[ROLLED_THROUGH_KEY] !== 'number') {
    const stale = stored[REPLAN_CURSOR_KEY] as ReplanCursor | undefined;
    const cursor: ReplanCursor = stale?.stamp === stamp ? stale : { stamp, startedAt: now };
    const startedAt = cursor.startedAt ?? now;
    let saved = Date.now();
    const progress = await replanAll(db, now, {
      ...(cursor.after ? { after: cursor.after } : {}),
      budgetMs: REPLAN_BUDGET_MS,
      // Small slices yield to the pages in between; the cursor is saved now and then, not per slice.
      onSlice: async ({ after }) => {
        if (after === undefined || Date.now() - saved < CURSOR_SAVE_MS) return;
        saved = Date.now();
        await browser.storage.local.set({ [REPLAN_CURSOR_KEY]: { stamp, startedAt, after } });
      },
    });
    if (!progress.done) {
      await browser.storage.local.set({ [REPLAN_CURSOR_KEY]: { stamp, startedAt, after: progress.after } });
      return 'more';
    }
    // Every card written before the re-plan started (and settled) is planned; later ones are the
    // written-cards pass's, which finds the already planned ones unchanged and writes nothing for them.
    // Birthdays and greetings that rolled on while it ran are the next daily re-plan's.
    const through: PlannedThrough = { updatedAt: startedAt - SETTLE_MS, id: '' };
    await browser.storage.local.set({ [PLAN_STAMP_KEY]: stamp, [PLANNED_THROUGH_KEY]: through, [ROLLED_THROUGH_KEY]: startedAt, [REPLAN_CURSOR_KEY]: {}, [ROLLING_CURSOR_KEY]: {} });
    return 'done';
  }

  const rolledThrough = stored[ROLLED_THROUGH_KEY] as number;
  const underWay = stored[ROLLING_CURSOR_KEY] as Partial<RollingCursor> | undefined;
  const resuming = typeof underWay?.from === 'number' && typeof underWay.to === 'number';
  if (resuming || (await planDay(db, now)) !== (await planDay(db, rolledThrough))) {
    const window: RollingWindow = resuming ? { from: underWay.from!, to: underWay.to! } : { from: rolledThrough, to: now };
    const progress = await replanRolled(db, window, now, { ...(resuming && underWay.after ? { after: underWay.after } : {}), budgetMs: REPLAN_BUDGET_MS });
    if (!progress.done) {
      await browser.storage.local.set({ [ROLLING_CURSOR_KEY]: { ...window, ...(progress.after ? { after: progress.after } : {}) } });
      return 'more';
    }
    await browser.storage.local.set({ [ROLLED_THROUGH_KEY]: window.to, [ROLLING_CURSOR_KEY]: {} });
  }

  const since = plannedThrough(stored[PLANNED_THROUGH_KEY]);
  if ((await newestCustomerUpdate(db)) < since.updatedAt) return 'done';
  const progress = await replanChangedSince(db, since, now, { budgetMs: REPLAN_BUDGET_MS });
  if (progress.through.updatedAt !== since.updatedAt || progress.through.id !== since.id) {
    await browser.storage.local.set({ [PLANNED_THROUGH_KEY]: progress.through });
  }
  return progress.done ? 'done' : 'more';
}

let running: Promise<void> = Promise.resolve();

/** Badge and notifications brought up to date; ticks run one after another, never interleaved. */
export function tick(): Promise<void> {
  running = running
    .catch(() => undefined)
    .then(async () => {
      await applyLanguageSetting();
      await showDueCounts(await callbacks.dueCounts());
      await notifyDue(Date.now());
      // Re-planning may take a while on a big book: the badge is right first; what it writes re-counts
      // the badge through the change broadcast, and is notified on the next tick.
      if ((await replanWhenStale(Date.now())) === 'more') continueReplan();
    });
  return running;
}

/**
 * A re-plan that ran out of its budget goes on at once rather than a minute later, queued behind any
 * tick a page asked for meanwhile. Only the re-plan: the badge follows its writes through the change
 * broadcast, and the minute's tick notifies, so the pages do not meet the reminders' write transaction
 * every few seconds of a long re-plan.
 */
let continuing = false;
function continueReplan(): void {
  if (continuing) return; // one continuation at a time, however many ticks ran out of budget meanwhile
  continuing = true;
  setTimeout(() => {
    running = running
      .catch(() => undefined)
      .then(async () => {
        continuing = false;
        if ((await replanWhenStale(Date.now())) === 'more') continueReplan();
      });
  }, 0);
}

async function ensureAlarm(): Promise<void> {
  const existing = await browser.alarms.get(TICK_ALARM);
  if (!existing) await browser.alarms.create(TICK_ALARM, { periodInMinutes: 1, delayInMinutes: 1 });
}

function openCustomer(customerId: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#customer=${encodeURIComponent(customerId)}`) });
}

/**
 * Reminders: one periodic alarm (re-created at start-up) plus due times in Dexie; the badge follows
 * every change within a minute, at once when a page says so or while the worker is awake.
 */
export function registerReminders(): void {
  browser.runtime.onStartup.addListener(() => {
    void browser.alarms.create(TICK_ALARM, { periodInMinutes: 1, delayInMinutes: 1 }).then(tick);
  });
  browser.runtime.onInstalled.addListener(() => {
    void browser.alarms.create(TICK_ALARM, { periodInMinutes: 1, delayInMinutes: 1 }).then(tick);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TICK_ALARM) void tick();
  });

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const parsed = remindersRefreshMessage.safeParse(message);
    if (!parsed.success) return false; // not ours: other features' listeners answer it
    const fromExtensionPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
    if (!fromExtensionPage) {
      sendResponse({ ok: false });
      return false;
    }
    void tick().then(
      () => sendResponse({ ok: true }),
      () => sendResponse({ ok: false }),
    );
    return true;
  });

  browser.notifications.onClicked.addListener((id) => {
    const target = notificationTarget(id);
    if (!target) return;
    if (target === 'dashboard') void browser.runtime.openOptionsPage();
    else openCustomer(target.customerId);
    void browser.notifications.clear(id);
  });

  // While the worker is awake, any write to callbacks (here, or in a page: Dexie broadcasts them)
  // re-counts at once; the counting runs outside the notification, so it may use any transaction.
  let pending: ReturnType<typeof setTimeout> | undefined;
  Dexie.on('storagemutated', (parts) => {
    if (pending || !Object.keys(parts).some((part) => part.includes('/callbacks'))) return;
    pending = setTimeout(() => {
      pending = undefined;
      void callbacks
        .dueCounts()
        .then(showDueCounts)
        .catch(() => undefined);
    }, 200);
  });
  void ensureAlarm().then(tick);
}
