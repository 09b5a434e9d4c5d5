import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { firstContactCallback } from '../../core/first-contact';
import {
  CallbackRepository,
  CustomerRepository,
  DealerDeskDatabase,
  logFollowUp,
  newestCustomerUpdate,
  planStamp,
  ReminderRepository,
  replanAll,
  replanCustomer,
  replanTables,
  replanChangedSince,
  plannedThrough,
  REPLAN_SLICE,
  SETTLE_MS,
  SettingsRepository,
  type ReplanSlice,
  type CustomerInput,
} from '../../storage';
import { sh } from './support/shanghai';

let db: DealerDeskDatabase;
let counter = 0;

async function setUp(now: number) {
  db = new DealerDeskDatabase(`follow-up-log-${++counter}`);
  await new SettingsRepository(db).update({ timeZone: 'Asia/Shanghai' });
  return { customers: new CustomerRepository(db, () => now), callbacks: new CallbackRepository(db, () => now) };
}

afterEach(async () => {
  db.close();
  await db.delete();
});

const lead: CustomerInput = { name: '王芳', gender: 'female', phones: [{ number: '13800138000' }], grade: 'A', source: { channel: 'autohome', capturedAt: sh('2026-11-23 10:00') } };

describe('a new lead', () => {
  test('gets its first-contact callback in the same write, and capture writing it again makes no duplicate', async () => {
    const now = sh('2026-11-23 10:00');
    const { customers, callbacks } = await setUp(now);
    const created = await customers.create(lead);
    if (!created.ok) throw new Error('not created');
    const again = await callbacks.create(firstContactCallback(created.value.id, now));
    expect(again.ok).toBe(true);
    const stored = await callbacks.forCustomer(created.value.id);
    expect(stored.map((c) => c.planKey)).toEqual(['first_contact', `grade_cadence:${now}`, 'holiday:new_year:2027-01-01']);
    expect(await callbacks.dueCounts()).toEqual({ due: 1, overdue: 0 });
    // An hour later the uncalled lead is overdue.
    expect(await new CallbackRepository(db, () => now + 61 * 60_000).dueCounts()).toEqual({ due: 1, overdue: 1 });
  });

  test('a capture in its own customers + callbacks transaction writes the first contact itself; re-planning later adds no duplicate', async () => {
    const now = sh('2026-11-23 10:00');
    const { customers, callbacks } = await setUp(now);
    const id = await db.transaction('rw', db.customers, db.callbacks, async () => {
      const created = await customers.create(lead);
      if (!created.ok) throw new Error('not created');
      await callbacks.create(firstContactCallback(created.value.id, now));
      return created.value.id;
    });
    expect((await callbacks.forCustomer(id)).map((c) => c.planKey)).toEqual(['first_contact']);
    await customers.update(id, { notes: '微信已加' });
    expect((await callbacks.forCustomer(id)).map((c) => c.planKey)).toEqual(['first_contact', `grade_cadence:${now}`, 'holiday:new_year:2027-01-01']);
  });

  test('editing the card re-plans: a new grade moves the grade call, re-saving changes nothing', async () => {
    const now = sh('2026-11-23 10:00');
    const { customers, callbacks } = await setUp(now);
    const created = await customers.create(lead);
    if (!created.ok) throw new Error('not created');
    await customers.update(created.value.id, { grade: 'H' });
    await customers.update(created.value.id, { grade: 'H' });
    const grade = (await callbacks.forCustomer(created.value.id)).filter((c) => c.kind === 'grade_cadence');
    expect(grade.map((c) => c.dueAt)).toEqual([sh('2026-11-25 10:00')]);
  });
});

describe('logging a follow-up in one step', () => {
  test('marks the callback done, writes the follow-up, re-grades and plans the next call from it', async () => {
    const now = sh('2026-11-23 10:30');
    const { customers, callbacks } = await setUp(now);
    const created = await customers.create(lead);
    if (!created.ok) throw new Error('not created');
    const first = (await callbacks.forCustomer(created.value.id)).find((c) => c.planKey === 'first_contact')!;

    const logged = await logFollowUp(db, { customerId: created.value.id, callbackId: first.id, method: 'call', outcome: 'reached', summary: '约周六试驾', grade: 'H' }, now);
    expect(logged.ok).toBe(true);
    const after = await callbacks.forCustomer(created.value.id);
    expect(after.find((c) => c.id === first.id)).toMatchObject({ status: 'done', doneAt: now });
    expect(after.filter((c) => c.status === 'open').map((c) => [c.planKey, c.dueAt])).toEqual([
      [`grade_cadence:${now}`, sh('2026-11-25 10:30')],
      ['holiday:new_year:2027-01-01', sh('2026-12-31 09:00')],
    ]);
    expect((await customers.get(created.value.id))?.grade).toBe('H');
    expect(await db.followUps.count()).toBe(1);
  });

  test('an unanswered call is tried again the next working day', async () => {
    const now = sh('2026-11-23 19:50');
    const { customers, callbacks } = await setUp(now);
    const created = await customers.create(lead);
    if (!created.ok) throw new Error('not created');
    await logFollowUp(db, { customerId: created.value.id, method: 'call', outcome: 'no_answer', summary: '无人接听' }, now);
    const open = (await callbacks.forCustomer(created.value.id)).filter((c) => c.status === 'open' && c.kind === 'grade_cadence');
    expect(open.map((c) => c.dueAt)).toEqual([sh('2026-11-24 19:50')]);
  });

  test('lost (战败) without a reason is refused and nothing is written', async () => {
    const now = sh('2026-11-23 10:30');
    const { customers, callbacks } = await setUp(now);
    const created = await customers.create(lead);
    if (!created.ok) throw new Error('not created');
    const first = (await callbacks.forCustomer(created.value.id))[0]!;
    const refused = await logFollowUp(db, { customerId: created.value.id, callbackId: first.id, method: 'call', summary: '已在别处购车', lost: { reason: ' ' } }, now);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]?.field).toBe('战败原因');
    expect(await db.followUps.count()).toBe(0);
    expect((await db.callbacks.get(first.id))?.status).toBe('open');
  });

  test('lost with a reason waits for approval and stops the sales calls', async () => {
    const now = sh('2026-11-23 10:30');
    const { customers, callbacks } = await setUp(now);
    const created = await customers.create(lead);
    if (!created.ok) throw new Error('not created');
    const logged = await logFollowUp(db, { customerId: created.value.id, method: 'call', summary: '已订竞品', lost: { reason: '价格', competitorModel: '某品牌 X5' } }, now);
    expect(logged.ok).toBe(true);
    const card = await customers.get(created.value.id);
    expect(card?.deal).toMatchObject({ status: 'lost', lost: { reason: '价格', approval: 'pending', requestedAt: now } });
    expect((await callbacks.forCustomer(created.value.id)).filter((c) => c.status === 'open')).toEqual([]);
  });

  test('a callback of another customer is refused', async () => {
    const now = sh('2026-11-23 10:30');
    const { customers, callbacks } = await setUp(now);
    const a = await customers.create(lead);
    const b = await customers.create({ ...lead, name: '李雷', phones: [{ number: '13900139000' }] });
    if (!a.ok || !b.ok) throw new Error('not created');
    const ofB = (await callbacks.forCustomer(b.value.id))[0]!;
    expect((await logFollowUp(db, { customerId: a.value.id, callbackId: ofB.id, method: 'call', summary: 'x' }, now)).ok).toBe(false);
    expect(await db.followUps.count()).toBe(0);
  });
});

describe("a customer's rows", () => {
  test('are keyed by the customer first, so its follow-ups and callbacks sit together in the database', async () => {
    const now = sh('2026-11-23 10:30');
    const { customers, callbacks } = await setUp(now);
    const created = await customers.create(lead);
    const other = await customers.create({ ...lead, name: '李娜', phones: [{ number: '13900139000' }] });
    if (!created.ok || !other.ok) throw new Error('not created');
    const id = created.value.id;
    const first = (await callbacks.forCustomer(id)).find((c) => c.planKey === 'first_contact')!;
    // Planned callbacks, a logged follow-up and the next call it plans, a manual callback, a lost-deal follow-up.
    expect((await logFollowUp(db, { customerId: id, callbackId: first.id, method: 'call', outcome: 'reached', summary: '约周六试驾', grade: 'H' }, now)).ok).toBe(true);
    expect((await callbacks.create({ customerId: id, dueAt: now + 86_400_000, kind: 'manual', note: '送资料' })).ok).toBe(true);
    expect((await logFollowUp(db, { customerId: id, method: 'call', summary: '已订竞品', lost: { reason: '价格' } }, now + 1)).ok).toBe(true);
    const rows = [...(await db.followUps.where('customerId').equals(id).toArray()), ...(await db.callbacks.where('customerId').equals(id).toArray())];
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) expect(row.id.startsWith(`${id}~`), row.id).toBe(true);
    // In key order, no row of another customer falls between two of this one's.
    const keys = (await db.callbacks.toCollection().primaryKeys()).map(String);
    const own = keys.map((key, index) => (key.startsWith(`${id}~`) ? index : -1)).filter((index) => index >= 0);
    expect(own[own.length - 1]! - own[0]!).toBe(own.length - 1);
  });
});

describe('deleting a customer', () => {
  test('withdraws all its open callbacks, manual ones too; restoring brings the planned ones back', async () => {
    const now = sh('2026-11-23 10:00');
    const { customers, callbacks } = await setUp(now);
    const created = await customers.create(lead);
    if (!created.ok) throw new Error('not created');
    await callbacks.create({ customerId: created.value.id, kind: 'manual', dueAt: now, note: '送资料' });
    expect((await callbacks.dueCounts()).due).toBe(2);
    await customers.softDelete(created.value.id);
    expect((await callbacks.dueCounts()).due).toBe(0);
    await customers.restore(created.value.id);
    expect((await callbacks.forCustomer(created.value.id)).filter((c) => c.status === 'open').map((c) => c.planKey)).toEqual(['first_contact', `grade_cadence:${lead.source!.capturedAt}`, 'holiday:new_year:2027-01-01']);
  });
});

describe('snooze and reminders', () => {
  test('a snoozed callback leaves the badge until its new time and keeps that time on re-planning', async () => {
    const now = sh('2026-11-23 10:00');
    const { customers, callbacks } = await setUp(now);
    const created = await customers.create(lead);
    if (!created.ok) throw new Error('not created');
    const first = (await callbacks.forCustomer(created.value.id))[0]!;
    await callbacks.snooze(first.id, now + 3_600_000);
    expect(await callbacks.dueCounts()).toEqual({ due: 0, overdue: 0 });
    await customers.update(created.value.id, { notes: '改了备注' });
    expect((await db.callbacks.get(first.id))?.dueAt).toBe(now + 3_600_000);
  });

  test('each callback is notified once per due time, across restarts of the repository', async () => {
    const now = sh('2026-11-23 10:00');
    const { customers } = await setUp(now);
    await customers.create(lead);
    const first = new ReminderRepository(db);
    const due = await first.unnotified(now);
    expect(due.map((c) => c.planKey)).toEqual(['first_contact']);
    await first.record(due, now, new Set(due.map((c) => c.id)));
    expect(await new ReminderRepository(db).unnotified(now + 60_000)).toEqual([]);
    // Snoozed to a new time, it may remind once more then.
    await new CallbackRepository(db, () => now).snooze(due[0]!.id, now + 600_000);
    expect(await new ReminderRepository(db).unnotified(now + 60_000)).toEqual([]);
    expect((await new ReminderRepository(db).unnotified(now + 600_000)).map((c) => c.id)).toEqual([due[0]!.id]);
  });
});

describe('claiming reminders', () => {
  test('nothing is claimed in quiet hours; what fell due then is notified when they end', async () => {
    const night = sh('2026-11-23 22:00');
    const { customers } = await setUp(night);
    await customers.create({ ...lead, source: { channel: 'autohome', capturedAt: night } });
    const reminders = new ReminderRepository(db);
    expect(await reminders.claim(night + 60_000, 3)).toBe('quiet');
    const morning = await reminders.claim(sh('2026-11-24 08:31'), 3);
    expect(morning).not.toBe('quiet');
    if (morning !== 'quiet') expect(morning.due.map((c) => c.planKey)).toEqual(['first_contact']);
    expect(await reminders.claim(sh('2026-11-24 08:32'), 3)).toMatchObject({ due: [], shown: new Set() });
  });

  test('a flood of due callbacks shows a few and records them all', async () => {
    const now = sh('2026-11-23 10:00');
    const { customers } = await setUp(now);
    for (let i = 0; i < 6; i++) await customers.create({ ...lead, name: `客户${i}`, phones: [{ number: `1380013800${i}` }] });
    const claimed = await new ReminderRepository(db).claim(now, 3);
    if (claimed === 'quiet') throw new Error('quiet');
    expect(claimed.due).toHaveLength(6);
    expect(claimed.shown.size).toBe(3);
    expect(await db.notifications.count()).toBe(6);
  });
});

describe('re-planning everyone', () => {
  test('a changed cadence table moves every open grade call; the stamp says when that is needed (settings, not the date)', async () => {
    const now = sh('2026-11-23 10:00');
    const { customers, callbacks } = await setUp(now);
    const created = await customers.create(lead);
    if (!created.ok) throw new Error('not created');
    const before = await planStamp(db);
    await new SettingsRepository(db).update({ cadence: { H: 2, A: 3, B: 7, C: 15, O: null, F: null } });
    expect(await planStamp(db)).not.toBe(before);
    expect(await replanAll(db, now)).toEqual({ done: true, changed: 1 });
    expect((await callbacks.forCustomer(created.value.id)).find((c) => c.kind === 'grade_cadence')?.dueAt).toBe(sh('2026-11-26 10:00'));
    expect(await replanAll(db, now)).toEqual({ done: true, changed: 0 });
  });
});

describe('a full re-plan of a big book', () => {
  test('stops when its time is up and resumes where it stopped, seeing every customer once', async () => {
    const now = sh('2026-11-23 10:00');
    await setUp(now);
    const repository = new CustomerRepository(db, () => now);
    const cards = Array.from({ length: 450 }, (_, i) => repository.prepare({ ...lead, name: `客户${i}`, phones: [{ number: `1380${String(i).padStart(7, '0')}` }] }, `c${String(i).padStart(4, '0')}`));
    await db.customers.bulkAdd(cards.map((card) => (card.ok ? card.value : undefined)!));
    expect(await db.callbacks.count()).toBe(0);
    const first = await replanAll(db, now, { budgetMs: 0 });
    expect(first).toEqual({ done: false, after: `c${String(REPLAN_SLICE - 1).padStart(4, '0')}`, changed: REPLAN_SLICE });
    const rest = await replanAll(db, now, { after: first.after });
    expect(rest).toEqual({ done: true, changed: 450 - REPLAN_SLICE });
    expect(await db.callbacks.count()).toBe(450 * 3);
  });

  test('works in small slices, and a second pass over the unchanged book writes nothing', async () => {
    const now = sh('2026-11-23 10:00');
    await setUp(now);
    const repository = new CustomerRepository(db, () => now);
    const cards = Array.from({ length: 120 }, (_, i) => repository.prepare({ ...lead, name: `客户${i}`, phones: [{ number: `1380${String(i).padStart(7, '0')}` }] }, `c${String(i).padStart(4, '0')}`));
    await db.customers.bulkAdd(cards.map((card) => (card.ok ? card.value : undefined)!));
    // A second connection that counts the read-write transactions it opens and the writes that commit.
    const watched = new DealerDeskDatabase(db.name);
    let writeTransactions = 0;
    watched.use({ stack: 'dbcore', name: 'count-writes', create: (down) => ({ ...down, transaction: (stores, mode, options) => (mode === 'readwrite' && writeTransactions++, down.transaction(stores, mode, options)) }) });
    let writes = 0;
    const count = () => void writes++;
    Dexie.on('storagemutated', count);
    try {
      const firstSlices: ReplanSlice[] = [];
      expect(await replanAll(watched, now, { onSlice: (slice) => void firstSlices.push(slice) })).toEqual({ done: true, changed: 120 });
      expect(Math.max(...firstSlices.map((slice) => slice.customers))).toBeLessThanOrEqual(REPLAN_SLICE);
      expect(firstSlices.reduce((sum, slice) => sum + slice.customers, 0)).toBe(120);
      expect(writes).toBeGreaterThan(0);
      expect(writeTransactions).toBeGreaterThan(0);
      writes = 0;
      writeTransactions = 0;
      const callbacksAfterFirst = await db.callbacks.toArray();
      const secondSlices: ReplanSlice[] = [];
      expect(await replanAll(watched, now + 60_000, { onSlice: (slice) => void secondSlices.push(slice) })).toEqual({ done: true, changed: 0 });
      expect(secondSlices.every((slice) => slice.written === 0)).toBe(true);
      // No write lock at all: the pages' saves never wait behind an unchanged book's re-plan.
      expect(writeTransactions).toBe(0);
      expect(writes).toBe(0);
      expect(await db.callbacks.toArray()).toEqual(callbacksAfterFirst);
    } finally {
      Dexie.on('storagemutated').unsubscribe(count);
      watched.close();
    }
  });
  test("reads each slice's follow-ups and callbacks by id range, and plans every customer from its own", async () => {
    const now = sh('2026-11-23 10:00');
    await setUp(now);
    const repository = new CustomerRepository(db, () => now);
    const grades = ['H', 'A', 'B', 'C', 'F'] as const;
    const cards = Array.from({ length: 60 }, (_, i) => {
      const card = repository.prepare({ ...lead, grade: grades[i % 5], name: `客户${i}`, phones: [{ number: `1382${String(i).padStart(7, '0')}` }] }, `c${String(i).padStart(4, '0')}`);
      if (!card.ok) throw new Error('refused');
      return card.value;
    });
    await db.customers.bulkAdd(cards);
    // Every other customer has been contacted (its own last contact and next date), and has a manual
    // callback; one follow-up belongs to an id that sorts between two customers but is nobody's.
    const followUps = cards.flatMap((card, i) =>
      i % 2 ? [] : [{ id: `f${i}`, customerId: card.id, at: now - (i + 1) * 3_600_000, method: 'call' as const, summary: '电话', createdAt: now, ...(i % 4 ? {} : { nextAt: now + i * 86_400_000 }) }],
    );
    await db.followUps.bulkAdd([...followUps, { id: 'stray', customerId: 'c0010x', at: now, method: 'call', summary: '电话', createdAt: now, nextAt: now }]);
    await db.callbacks.bulkAdd(cards.filter((_, i) => i % 3 === 0).map((card, i) => ({ id: `m${i}`, customerId: card.id, kind: 'manual' as const, dueAt: now + 86_400_000, status: 'open' as const, createdAt: now, updatedAt: now })));

    // The same book planned one customer at a time, each from its own reads.
    const expected = new Map<string, unknown>();
    const twin = new DealerDeskDatabase(`${db.name}-twin`);
    try {
      const [storedFollowUps, storedCallbacks, storedSettings] = await Promise.all([db.followUps.toArray(), db.callbacks.toArray(), db.settings.toArray()]);
      await twin.transaction('rw', twin.tables, async () => {
        await twin.customers.bulkAdd(cards);
        await twin.followUps.bulkAdd(storedFollowUps);
        await twin.callbacks.bulkAdd(storedCallbacks);
        await twin.settings.bulkAdd(storedSettings);
      });
      for (const card of cards) await twin.transaction('rw', replanTables(twin), () => replanCustomer(twin, card.id, now));
      for (const card of cards) expected.set(card.id, plannedOf(await twin.callbacks.where('customerId').equals(card.id).toArray()));
    } finally {
      twin.close();
      await twin.delete();
    }
    expect(await replanAll(db, now)).toMatchObject({ done: true });
    for (const card of cards) expect(plannedOf(await db.callbacks.where('customerId').equals(card.id).toArray()), card.id).toEqual(expected.get(card.id));
    // Not a vacuous comparison: contacted customers' next dates were planned, F customers got nothing.
    expect(plannedOf(await db.callbacks.where('customerId').equals('c0008').toArray())).toContainEqual(['grade_cadence', now + 8 * 86_400_000, 'open']);
    expect(plannedOf(await db.callbacks.where('customerId').equals('c0009').toArray()).filter(([kind]) => kind !== 'manual')).toEqual([]);
  });
});

/** What a customer's callbacks say, without their generated ids and times. */
function plannedOf(callbacks: readonly { kind: string; dueAt: number; status: string }[]): [string, number, string][] {
  return callbacks.map((callback): [string, number, string] => [callback.kind, callback.dueAt, callback.status]).sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
}


describe('cards written without planning', () => {
  /** `count` cards as an import writes them (no callbacks), stamped by `stamp(i)`, ids in an order unrelated to it. */
  async function writeUnplanned(now: number, count: number, stamp: (i: number) => number, prefix = 'c') {
    const repository = new CustomerRepository(db, () => now);
    const cards = Array.from({ length: count }, (_, i) => {
      const card = repository.prepare({ ...lead, name: `客户${i}`, phones: [{ number: `1381${String(i).padStart(7, '0')}` }] }, `${prefix}${String((i * 37) % count).padStart(4, '0')}`);
      if (!card.ok) throw new Error('refused');
      return { ...card.value, updatedAt: stamp(i) };
    });
    await db.customers.bulkAdd(cards);
    return cards;
  }

  /** How many open planned callbacks each customer has: planned once, a new lead has exactly three (first contact, grade call, holiday greeting). */
  async function plannedPerCustomer(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const callback of await db.callbacks.toArray()) if (callback.planKey) counts.set(callback.customerId, (counts.get(callback.customerId) ?? 0) + 1);
    return counts;
  }

  test('are planned by the next look at what changed since the last one', async () => {
    const now = sh('2026-11-23 10:00');
    const { callbacks } = await setUp(now);
    const since = plannedThrough(await newestCustomerUpdate(db));
    // An import writes cards directly, in bulk, without planning.
    const card = new CustomerRepository(db, () => now).prepare(lead, 'imported');
    if (!card.ok) throw new Error('refused');
    await db.customers.add(card.value);
    expect(await callbacks.forCustomer('imported')).toEqual([]);
    // Just written: left to the next look, in case the write it belongs to has more to commit.
    expect(await replanChangedSince(db, since, now)).toMatchObject({ done: true, seen: 0, changed: 0 });
    const pass = await replanChangedSince(db, since, now + SETTLE_MS + 1);
    expect(pass).toMatchObject({ done: true, seen: 1, changed: 1, through: { updatedAt: now + 1, id: '' } });
    expect((await callbacks.forCustomer('imported')).map((c) => c.planKey)).toEqual(['first_contact', `grade_cadence:${lead.source!.capturedAt}`, 'holiday:new_year:2027-01-01']);
    expect(await replanChangedSince(db, pass.through, now + 60_000)).toMatchObject({ done: true, seen: 0, changed: 0 });
  });

  test('every customer is planned exactly once across slices, also when many share one write time', async () => {
    const now = sh('2026-11-23 10:00');
    await setUp(now);
    // Three write times, two of them shared by dozens of cards (one import batch each), none in id order.
    const cards = await writeUnplanned(now, 130, (i) => (i < 60 ? now - 3000 : i < 125 ? now - 2000 : now - 1000));
    const slices: number[] = [];
    const pass = await replanChangedSince(db, plannedThrough(undefined), now, { until: now, slice: 7, onSlice: ({ cards }) => void slices.push(cards) });
    expect(pass).toMatchObject({ done: true, seen: 130, changed: 130, through: { updatedAt: now, id: '' } });
    expect(Math.max(...slices)).toBe(7);
    const planned = await plannedPerCustomer();
    expect(planned.size).toBe(130);
    expect(cards.every((card) => planned.get(card.id) === 3)).toBe(true);
  });

  test('a pass stopped by its budget resumes at its watermark in the middle of a shared write time', async () => {
    const now = sh('2026-11-23 10:00');
    await setUp(now);
    await writeUnplanned(now, 40, () => now - 1000);
    const seen: number[] = [];
    let through = plannedThrough(undefined);
    for (let passes = 0; passes < 20; passes++) {
      const pass = await replanChangedSince(db, through, now, { until: now, slice: 6, budgetMs: 0 });
      seen.push(pass.seen);
      through = pass.through;
      if (pass.done) break;
    }
    // Stopped after each slice of 6, none repeated: 6 × 6 + 4, then a pass that finds the rest done.
    expect(seen).toEqual([6, 6, 6, 6, 6, 6, 4]);
    expect(through).toEqual({ updatedAt: now, id: '' });
    expect([...(await plannedPerCustomer()).values()].every((count) => count === 3)).toBe(true);
    expect((await plannedPerCustomer()).size).toBe(40);
  });

  test('a card written during a pass is planned by the next pass', async () => {
    const now = sh('2026-11-23 10:00');
    await setUp(now);
    await writeUnplanned(now, 20, () => now - 1000);
    let wrote = false;
    const first = await replanChangedSince(db, plannedThrough(undefined), now, {
      until: now,
      slice: 5,
      onSlice: async () => {
        if (wrote) return;
        wrote = true;
        // Written meanwhile, at the pass's bound, with an id before every other: after the watermark all the same.
        await writeUnplanned(now + 10, 1, () => now, 'a');
      },
    });
    expect(first).toMatchObject({ done: true, seen: 20 });
    expect((await plannedPerCustomer()).has('a0000')).toBe(false);
    const second = await replanChangedSince(db, first.through, now + 10, { until: now + 10 });
    expect(second).toMatchObject({ done: true, seen: 1, changed: 1 });
    expect((await plannedPerCustomer()).get('a0000')).toBe(3);
    expect((await plannedPerCustomer()).size).toBe(21);
  });

  test('a card edited during a pass, after the watermark had passed it, is planned by the next pass', async () => {
    const now = sh('2026-11-23 10:00');
    await setUp(now);
    const cards = await writeUnplanned(now, 20, (i) => now - 1000 + i);
    const firstCard = [...cards].sort((a, b) => a.updatedAt - b.updatedAt)[0]!;
    const first = await replanChangedSince(db, plannedThrough(undefined), now, {
      until: now,
      slice: 5,
      onSlice: async ({ through }) => {
        if (through.updatedAt !== now - 996) return;
        // A bulk edit without planning: grade F has no cadence, so its grade call must go.
        await db.customers.update(firstCard.id, { grade: 'F', updatedAt: now + 5 });
      },
    });
    expect(first.seen).toBe(20);
    expect((await db.callbacks.where('customerId').equals(firstCard.id).toArray()).some((c) => c.kind === 'grade_cadence' && c.status === 'open')).toBe(true);
    const second = await replanChangedSince(db, first.through, now + 10, { until: now + 10 });
    expect(second).toMatchObject({ seen: 1, changed: 1 });
    expect((await db.callbacks.where('customerId').equals(firstCard.id).toArray()).some((c) => c.kind === 'grade_cadence' && c.status === 'open')).toBe(false);
  });

  test('an already planned book is looked at read-only: no write transaction, nothing written', async () => {
    const now = sh('2026-11-23 10:00');
    await setUp(now);
    await writeUnplanned(now, 50, (i) => now - 1000 + (i % 3));
    await replanChangedSince(db, plannedThrough(undefined), now, { until: now });
    const before = await db.callbacks.toArray();
    const watched = new DealerDeskDatabase(db.name);
    let writeTransactions = 0;
    watched.use({ stack: 'dbcore', name: 'count-writes', create: (down) => ({ ...down, transaction: (stores, mode, options) => (mode === 'readwrite' && writeTransactions++, down.transaction(stores, mode, options)) }) });
    try {
      // The same cards again (a watermark lost with the worker's storage), a slice at a time.
      expect(await replanChangedSince(watched, plannedThrough(undefined), now + 60_000, { until: now, slice: 8 })).toMatchObject({ done: true, seen: 50, changed: 0 });
      expect(writeTransactions).toBe(0);
      expect(await db.callbacks.toArray()).toEqual(before);
    } finally {
      watched.close();
    }
  });

  test('the watermark older builds stored (a time) still counts', () => {
    expect(plannedThrough(1000)).toEqual({ updatedAt: 1000, id: '' });
    expect(plannedThrough({ updatedAt: 5, id: 'x' })).toEqual({ updatedAt: 5, id: 'x' });
    expect(plannedThrough(undefined)).toEqual({ updatedAt: 0, id: '' });
  });
});

describe('the script panel for a customer', () => {
  test('gets the library, the card and its earliest open callback as plain data', async () => {
    const { scriptPanelData } = await import('../../entrypoints/shared/script-panel-data');
    const { bestScript } = await import('../../core/scripts');
    const now = sh('2026-11-23 10:00');
    const { customers } = await setUp(now);
    await new SettingsRepository(db).update({ consultant: { name: '李娜', phone: '13900000000' } });
    const created = await customers.create(lead);
    if (!created.ok) throw new Error('not created');
    const data = await scriptPanelData(db, created.value.id, 'zh_CN');
    expect(data?.suggestion).toEqual({ stage: 'potential', grade: 'A', callback: { kind: 'first_contact', planKey: 'first_contact' } });
    expect(bestScript(data!.scripts, data!.suggestion)?.id).toBe('builtin:first_contact_call:zh_CN');
    expect(data?.context.consultant?.name).toBe('李娜');
    expect(structuredClone(data)).toEqual(data); // survives a runtime message
    expect(await scriptPanelData(db, 'nobody', 'zh_CN')).toBeUndefined();
  });
});
