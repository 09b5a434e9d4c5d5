import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { planCallbacks, reconcileCallbacks } from '../../core/cadence';
import {
  CallbackRepository,
  CustomerRepository,
  DealerDeskDatabase,
  plannedThrough,
  planSettings,
  replanChangedSince,
  SettingsRepository,
  type Callback,
  type CustomerInput,
  type CustomerRecord,
} from '../../storage';
import { commitImport, planImport, type DuplicatePolicy, type ImportRow } from '../../storage/customer-import';
import { readSettings } from '../../storage/replan';
import { freshDatabase, snapshot } from './support/database';
import { sh } from './support/shanghai';

const DAY = 24 * 60 * 60 * 1000;
const NOW = sh('2026-11-23 10:00');

let db: DealerDeskDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await new SettingsRepository(db).update({ timeZone: 'Asia/Shanghai' });
});
afterEach(() => db.delete());

const newLead: CustomerInput = { name: '王芳', gender: 'female', phones: [{ number: '13800138000' }], grade: 'A', source: { channel: 'autohome', capturedAt: NOW - 2 * 60 * 60 * 1000 } };
const owner: CustomerInput = {
  name: '刘强',
  gender: 'male',
  phones: [{ number: '13912345678' }],
  stage: 'owner',
  grade: 'O',
  deal: { status: 'won', won: { model: '星越L', deliveredAt: NOW - 10 * DAY } },
  ownedVehicle: { insuranceExpiresAt: NOW + 40 * DAY },
};

function rows(...cards: CustomerInput[]): ImportRow[] {
  return cards.map((card, index) => ({ line: index + 2, card: card as Record<string, unknown>, problems: [] }));
}

async function importCards(cards: CustomerInput[], { policy = 'merge', previewAt = NOW, commitAt = NOW }: { policy?: DuplicatePolicy; previewAt?: number; commitAt?: number } = {}) {
  const plan = await planImport(db, rows(...cards), policy, () => previewAt);
  await commitImport(db, plan, undefined, () => commitAt);
  return plan;
}

async function byName(name: string): Promise<CustomerRecord> {
  return (await db.customers.where('name').equals(name).first())!;
}

async function callbacksOf(name: string): Promise<Callback[]> {
  return db.callbacks.where('customerId').equals((await byName(name)).id).sortBy('planKey');
}

/** What the planner says a card with no follow-ups and no callbacks should get, as of `now`. */
async function plannerSays(card: CustomerRecord, now: number) {
  const settings = planSettings(await readSettings(db));
  return reconcileCallbacks(planCallbacks(card, [], settings, now), [], now)
    .create.map(({ planKey, kind, dueAt }) => ({ planKey, kind, dueAt }))
    .sort((a, b) => a.planKey.localeCompare(b.planKey));
}

describe('an import plans its customers’ callbacks as it writes them', () => {
  test('each new customer gets exactly the open callbacks the planner gives it, in the same write', async () => {
    await importCards([newLead, owner]);
    for (const name of ['王芳', '刘强']) {
      const stored = await callbacksOf(name);
      expect(stored.every((callback) => callback.status === 'open' && callback.createdAt === NOW)).toBe(true);
      expect(stored.map(({ planKey, kind, dueAt }) => ({ planKey, kind, dueAt }))).toEqual(await plannerSays(await byName(name), NOW));
    }
    // A new lead: called at once, then on its grade's cadence, and greeted on the next holiday.
    expect((await callbacksOf('王芳')).map((callback) => callback.planKey)).toEqual(['first_contact', `grade_cadence:${newLead.source!.capturedAt}`, 'holiday:new_year:2027-01-01']);
    // An owner imported ten days after delivery: today's step of the timeline (not the missed ones),
    // the later ones, first service and the insurance renewal.
    const ownerKeys = (await callbacksOf('刘强')).map((callback) => callback.planKey);
    expect(ownerKeys).toContain('post_delivery:7d_call');
    expect(ownerKeys).toContain('first_service');
    expect(ownerKeys.filter((key) => key?.startsWith('insurance:'))).toHaveLength(3);
    expect(ownerKeys).not.toContain('post_delivery:2h_call');
    expect(ownerKeys).not.toContain('post_delivery:2d_sms');
  });

  test('cards are stamped when the import is committed, not when its preview was built', async () => {
    const customers = new CustomerRepository(db, () => NOW + 5 * DAY);
    const stored = await customers.create({ name: '张三', phones: [{ number: '13700001111' }] });
    if (!stored.ok) throw new Error('not created');
    const commitAt = NOW + 3 * DAY;
    await importCards([newLead, { name: '张三', phones: [{ number: '13700001111' }], wechat: 'zhangsan' }], { previewAt: NOW, commitAt });
    expect((await byName('王芳')).updatedAt).toBe(commitAt);
    // A merged card is stamped after the stored one's time, whatever the clock says.
    expect((await byName('张三')).updatedAt).toBe(NOW + 5 * DAY + 1);
  });

  test('a merge re-plans the existing customer: no duplicate, done and manual callbacks kept', async () => {
    const customers = new CustomerRepository(db, () => NOW - DAY);
    const callbacks = new CallbackRepository(db, () => NOW - DAY);
    const created = await customers.create({ ...newLead, name: '老客户' });
    if (!created.ok) throw new Error('not created');
    const id = created.value.id;
    const firstContact = (await callbacks.forCustomer(id)).find((callback) => callback.planKey === 'first_contact')!;
    await callbacks.markDone(firstContact.id);
    const manual = await callbacks.create({ customerId: id, kind: 'manual', dueAt: NOW + DAY, note: '周末再约' });
    if (!manual.ok) throw new Error('not created');

    // The file brings what the card lacked: the insurance expiry of a car the customer already has.
    await importCards([{ name: '老客户', phones: [{ number: '13800138000' }], ownedVehicle: { insuranceExpiresAt: NOW + 40 * DAY } }]);

    const after = await callbacksOf('老客户');
    const keys = after.filter((callback) => callback.planKey).map((callback) => callback.planKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(after.find((callback) => callback.id === firstContact.id)?.status).toBe('done');
    expect(after.find((callback) => callback.id === manual.value.id)).toMatchObject({ status: 'open', dueAt: NOW + DAY });
    expect(after.filter((callback) => callback.kind === 'grade_cadence' && callback.status === 'open')).toHaveLength(1);
    expect(after.filter((callback) => callback.kind === 'insurance_renewal' && callback.status === 'open')).toHaveLength(3);
    expect(await db.customers.count()).toBe(1);
  });

  test('the badge counts the imported due callbacks right after the import', async () => {
    const callbacks = new CallbackRepository(db, () => NOW);
    expect(await callbacks.countOpenDueBy(NOW)).toBe(0);
    await importCards([newLead, owner, { ...newLead, name: '李四', phones: [{ number: '13600001111' }] }]);
    const due = (await db.callbacks.toArray()).filter((callback) => callback.status === 'open' && callback.dueAt <= NOW).length;
    // Two first contacts, the owner's overdue 7-day call and the insurance call due 45 days before expiry.
    expect(due).toBe(4);
    expect(await callbacks.countOpenDueBy(NOW)).toBe(due);
  });

  test('the background pass over the imported cards finds them planned and writes nothing', async () => {
    await importCards([newLead, owner]);
    const before = await snapshot(db);
    // The worker's next minute: every imported card is past its settling time.
    const pass = await replanChangedSince(db, plannedThrough(undefined), NOW + 60_000);
    expect(pass).toMatchObject({ done: true, seen: 2, changed: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  test('the pass reads the imported cards and none of their history; a card changed later without planning is planned by it', async () => {
    await importCards([newLead, owner]);
    // A second connection that notes every read of follow-ups and callbacks.
    const watched = new DealerDeskDatabase(db.name);
    const historyReads: string[] = [];
    watched.use({
      stack: 'dbcore',
      name: 'note-history-reads',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'callbacks' && name !== 'followUps') return table;
          const noted = <T extends unknown[], R>(read: (...args: T) => R) => (...args: T): R => (historyReads.push(name), read(...args));
          return { ...table, get: noted(table.get), getMany: noted(table.getMany), query: noted(table.query), openCursor: noted(table.openCursor), count: noted(table.count) };
        },
      }),
    });
    try {
      expect(await replanChangedSince(watched, plannedThrough(undefined), NOW + 60_000)).toMatchObject({ done: true, seen: 2, changed: 0 });
      expect(historyReads).toEqual([]);
      // The lead is re-graded H in a transaction without the planning tables: stored, not planned.
      const [lead] = await db.customers.where('name').equals('王芳').toArray();
      const graded = await db.transaction('rw', db.customers, () => new CustomerRepository(db, () => NOW + 2 * 60_000).update(lead!.id, { grade: 'H' }));
      expect(graded.ok).toBe(true);
      const pass = await replanChangedSince(watched, plannedThrough(undefined), NOW + 10 * 60_000);
      expect(pass).toMatchObject({ done: true, seen: 2, changed: 1 });
      expect(historyReads.length).toBeGreaterThan(0);
      const gradeCall = (await db.callbacks.where('customerId').equals(lead!.id).toArray()).find((callback) => callback.kind === 'grade_cadence');
      // Captured at 08:00, called within the H interval of two days, at the start of the working day.
      expect(gradeCall?.dueAt).toBe(sh('2026-11-25 09:00'));
    } finally {
      watched.close();
    }
  });

  test('a batch that fails leaves neither its cards nor their callbacks', async () => {
    const plan = await planImport(db, rows(newLead, owner, { ...newLead, name: '李四', phones: [{ number: '13600001111' }] }), 'merge', () => NOW);
    // Meanwhile a card with the id of the batch's last one was stored (no callbacks of its own).
    const clash = plan.rows[2]!.record!;
    await db.customers.add({ ...clash, name: '已存在' });
    const before = await snapshot(db);
    await expect(commitImport(db, plan, undefined, () => NOW)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
    expect(await db.callbacks.count()).toBe(0);
  });
});
