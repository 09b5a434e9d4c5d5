import { afterEach, describe, expect, test, vi } from 'vitest';
import { CallbackRepository, DealerDeskDatabase, notificationId, NOTIFY_LOOKBACK_MS, ReminderRepository, SettingsRepository, type Callback } from '../../storage';
import { LATE_CAP, NOTIFIED_THROUGH_ID, type NotifiedThrough } from '../../storage/notified-through';
import { CLAIM_PAGE } from '../../storage/reminders';
import { sh } from './support/shanghai';

let db: DealerDeskDatabase;
let counter = 0;

async function setUp(): Promise<DealerDeskDatabase> {
  db = new DealerDeskDatabase(`reminder-watermark-${++counter}`);
  await new SettingsRepository(db).update({ timeZone: 'Asia/Shanghai' });
  return db;
}

afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

let serial = 0;
function callback(dueAt: number, fields: Partial<Callback> = {}): Callback {
  // Ids as the app makes them (`<customerId>~<random>`), in no particular order against due times.
  const n = ++serial;
  const customerId = `c${String(n % 997).padStart(5, '0')}`;
  return { id: `${customerId}~${((n * 2654435761) % 2 ** 32).toString(16).padStart(8, '0')}${n}`, customerId, dueAt, status: 'open', kind: 'manual', createdAt: dueAt, updatedAt: dueAt, ...fields };
}

async function claimed(reminders: ReminderRepository, now: number): Promise<Callback[]> {
  const result = await reminders.claim(now, 3);
  if (result === 'quiet') throw new Error('quiet');
  return result.due;
}

async function watermark(): Promise<NotifiedThrough | undefined> {
  return (await db.table('counters').get(NOTIFIED_THROUGH_ID)) as NotifiedThrough | undefined;
}

/** Counts the rows IndexedDB hands over (gets, getAll results and cursor steps), whoever asks. */
function countReads(): { rows: number } {
  const reads = { rows: 0 };
  const counted = (request: IDBRequest) => {
    request.addEventListener('success', () => (reads.rows += Array.isArray(request.result) ? request.result.length : request.result === undefined ? 0 : 1));
    return request;
  };
  for (const proto of [IDBIndex.prototype, IDBObjectStore.prototype] as Pick<IDBObjectStore, 'get' | 'getAll'>[]) {
    const { get, getAll } = proto;
    vi.spyOn(proto, 'get').mockImplementation(function (this: unknown, ...args: Parameters<IDBObjectStore['get']>) {
      return counted(get.apply(this, args));
    });
    vi.spyOn(proto, 'getAll').mockImplementation(function (this: unknown, ...args: Parameters<IDBObjectStore['getAll']>) {
      return counted(getAll.apply(this, args));
    });
  }
  for (const name of ['continue', 'continuePrimaryKey'] as const) {
    const original = IDBCursor.prototype[name] as (...args: unknown[]) => void;
    vi.spyOn(IDBCursor.prototype, name).mockImplementation(function (this: IDBCursor, ...args: unknown[]) {
      reads.rows += 1;
      original.apply(this, args);
    });
  }
  return reads;
}

const at = sh('2026-11-23 10:00');

describe('the reminders watermark', () => {
  test('a crowd of 3,000 due at one instant (and older ones already notified at its top) is claimed over successive claims, none repeated, none dropped', async () => {
    await setUp();
    const crowd = Array.from({ length: 3000 }, () => callback(at));
    const older = Array.from({ length: 7 }, (_, i) => callback(at - (i + 1) * 3_600_000));
    const closed = [callback(at, { status: 'done' }), callback(at - 60_000, { status: 'cancelled' })];
    const tooOld = callback(at - NOTIFY_LOOKBACK_MS - 60_000);
    const later = callback(at + 3_600_000);
    await db.callbacks.bulkAdd([...crowd, ...older, ...closed, tooOld, later]);
    // What the old look left behind: the 2,000 latest recorded, every look re-reading them and no further.
    const latest = [...crowd].sort((a, b) => (a.id < b.id ? 1 : -1)).slice(0, 2000);
    await new ReminderRepository(db).record(latest, at, new Set());

    const reminders = new ReminderRepository(db);
    const seen: string[] = [];
    let claims = 0;
    for (let now = at + 60_000; claims < 20; now += 60_000, claims++) {
      const due = await claimed(reminders, now);
      expect(due.length).toBeLessThanOrEqual(CLAIM_PAGE);
      if (due.length === 0) break;
      seen.push(...due.map((c) => c.id));
    }
    const expected = [...crowd.filter((c) => !latest.includes(c)), ...older].map((c) => c.id);
    expect(seen).toHaveLength(new Set(seen).size);
    expect(new Set(seen)).toEqual(new Set(expected));
    expect(await db.notifications.count()).toBe(3000 + older.length);
    // Every open callback due in the lookback has exactly one record at its due time.
    const records = await db.notifications.bulkGet([...crowd, ...older].map(notificationId));
    expect(records.every((record) => record !== undefined)).toBe(true);
    expect(await db.notifications.get(notificationId(tooOld))).toBeUndefined();
    expect(await db.notifications.get(notificationId(later))).toBeUndefined();
  });

  test('a crowd raises notifications once: its first page shows the latest few, later pages only count on in the summary', async () => {
    await setUp();
    const crowd = Array.from({ length: 2 * CLAIM_PAGE + 100 }, () => callback(at));
    await db.callbacks.bulkAdd(crowd);
    const reminders = new ReminderRepository(db);
    const claims = [];
    for (let now = at + 60_000; ; now += 60_000) {
      const result = await reminders.claim(now, 3);
      if (result === 'quiet' || result.due.length === 0) break;
      claims.push({ shown: result.shown.size, folded: result.folded, continued: result.continued });
    }
    expect(claims).toEqual([
      { shown: 3, folded: CLAIM_PAGE - 3, continued: false },
      { shown: 0, folded: 2 * CLAIM_PAGE - 3, continued: true },
      { shown: 0, folded: 2 * CLAIM_PAGE + 100 - 3, continued: true },
    ]);
    // The crowd is over: the next callback to fall due is shown on its own again.
    const next = callback(at + 3_600_000);
    await db.callbacks.add(next);
    const after = await reminders.claim(at + 3_660_000, 3);
    expect(after).toEqual({ due: [next], shown: new Set([next.id]), folded: 0, continued: false });
  });

  test('once everything is claimed a look reads nothing it has seen: no callback, no record', async () => {
    await setUp();
    await db.callbacks.bulkAdd(Array.from({ length: 1200 }, () => callback(at)));
    const reminders = new ReminderRepository(db);
    for (let now = at; (await claimed(reminders, now)).length > 0; now += 60_000);
    const reads = countReads();
    expect(await reminders.claim(at + 3_600_000, 3)).toMatchObject({ due: [], shown: new Set() });
    // The settings, the watermark row and the cursor's jump to it within the tie, then its step past
    // it; neither the 1,200 callbacks nor their records (the old look read 2,000 of each every tick).
    expect(reads.rows).toBeGreaterThan(0);
    expect(reads.rows).toBeLessThanOrEqual(5);
  });

  test('a new repository on a reopened database continues from the watermark', async () => {
    await setUp();
    const crowd = Array.from({ length: 1300 }, () => callback(at));
    await db.callbacks.bulkAdd(crowd);
    const first = await claimed(new ReminderRepository(db), at + 60_000);
    expect(first).toHaveLength(CLAIM_PAGE);
    db.close();
    db = new DealerDeskDatabase(db.name);
    const reminders = new ReminderRepository(db);
    const rest = [...(await claimed(reminders, at + 120_000)), ...(await claimed(reminders, at + 180_000))];
    expect(await claimed(reminders, at + 240_000)).toEqual([]);
    const ids = [...first, ...rest].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(crowd.map((c) => c.id)));
  });

  test('a snoozed callback is notified again at its new time, once', async () => {
    await setUp();
    const due = callback(at);
    await db.callbacks.add(due);
    const reminders = new ReminderRepository(db);
    expect((await claimed(reminders, at)).map((c) => c.id)).toEqual([due.id]);
    await new CallbackRepository(db, () => at + 60_000).snooze(due.id, at + 3_600_000);
    expect(await claimed(reminders, at + 120_000)).toEqual([]);
    expect((await claimed(reminders, at + 3_600_000)).map((c) => c.id)).toEqual([due.id]);
    expect(await claimed(reminders, at + 3_660_000)).toEqual([]);
    expect((await reminders.forCallback(due.id)).map((record) => record.dueAt).sort()).toEqual([at, at + 3_600_000]);
  });

  test('quiet hours claim nothing and leave the watermark; what fell due then is claimed when they end', async () => {
    await setUp();
    const evening = sh('2026-11-23 20:00');
    await db.callbacks.bulkAdd(Array.from({ length: 600 }, () => callback(evening)));
    const reminders = new ReminderRepository(db);
    expect(await claimed(reminders, evening)).toHaveLength(CLAIM_PAGE);
    const before = await watermark();
    const night = [callback(sh('2026-11-23 23:00')), callback(sh('2026-11-24 03:00'))];
    await db.callbacks.bulkAdd(night);
    expect(await reminders.claim(sh('2026-11-23 23:30'), 3)).toBe('quiet');
    expect(await reminders.claim(sh('2026-11-24 08:00'), 3)).toBe('quiet');
    expect(await watermark()).toEqual(before);
    const morning = await claimed(reminders, sh('2026-11-24 08:31'));
    expect(morning).toHaveLength(100 + night.length);
    // Latest first: the night's callbacks are the ones shown.
    expect(morning.slice(0, 2).map((c) => c.id)).toEqual([night[1]!.id, night[0]!.id]);
  });

  test('a callback written open behind the watermark (an overdue re-plan, a write committing after a later one was claimed) is claimed by the next look', async () => {
    await setUp();
    const reminders = new ReminderRepository(db);
    const notified = callback(at);
    await db.callbacks.add(notified);
    await claimed(reminders, at + 60_000);
    const late = callback(at - 3_600_000);
    await db.callbacks.add(late);
    // Done and then undone: open again at the due time it was notified at; not notified again.
    await db.callbacks.update(notified.id, { status: 'done' });
    await db.callbacks.update(notified.id, { status: 'open' });
    expect((await watermark())?.late.sort()).toEqual([late.id, notified.id].sort());
    expect((await claimed(reminders, at + 120_000)).map((c) => c.id)).toEqual([late.id]);
    expect((await watermark())?.late).toEqual([]);
    expect(await claimed(reminders, at + 180_000)).toEqual([]);
    // Closed before the next look: not notified.
    const closed = callback(at - 60_000);
    await db.callbacks.add(closed);
    await db.callbacks.update(closed.id, { status: 'done' });
    expect(await claimed(reminders, at + 240_000)).toEqual([]);
  });

  test(`past ${LATE_CAP} written behind the watermark at once (a restore, a whole-book re-plan), the rest are left to the badge and lists`, async () => {
    await setUp();
    const reminders = new ReminderRepository(db);
    await db.callbacks.add(callback(at));
    await claimed(reminders, at + 60_000);
    const crowd = Array.from({ length: LATE_CAP + 40 }, (_, i) => callback(at - 1_000 - i));
    await db.callbacks.bulkAdd(crowd);
    expect(await claimed(reminders, at + 120_000)).toHaveLength(LATE_CAP);
    expect(await claimed(reminders, at + 180_000)).toEqual([]);
    expect((await new CallbackRepository(db, () => at + 180_000).dueCounts()).due).toBe(LATE_CAP + 41);
  });

  test('no watermark is written while nothing has fallen due (an idle tick writes nothing)', async () => {
    await setUp();
    await db.callbacks.add(callback(at + 3_600_000));
    const reminders = new ReminderRepository(db);
    expect(await claimed(reminders, at)).toEqual([]);
    expect(await watermark()).toBeUndefined();
    expect(await db.notifications.count()).toBe(0);
  });
});
