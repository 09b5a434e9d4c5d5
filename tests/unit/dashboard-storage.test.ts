import Dexie from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { approveLost, CallbackRepository, CustomerRepository, DealerDeskDatabase, pendingLostRequests, returnLost } from '../../storage';
import { SCHEMA_VERSIONS } from '../../storage/versions';

const names: string[] = [];
function database(versions = SCHEMA_VERSIONS): DealerDeskDatabase {
  const name = `dashboard-storage-${names.length}`;
  names.push(name);
  return new DealerDeskDatabase(name, versions);
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

test('version 4 upgrades a version 2 database: cards kept, keyset paging and the approval queue work', async () => {
  const old = database(SCHEMA_VERSIONS.filter((version) => version.version <= 2));
  const repo = new CustomerRepository(old, () => 1_000);
  for (const name of ['甲', '乙', '丙']) await repo.create({ name, wechat: name });
  const pending = await repo.create({ name: '丁', wechat: 'ding', deal: { status: 'lost', lost: { reason: '预算不够', approval: 'pending', requestedAt: 900 } } });
  old.close();

  // Version 4 exactly: later versions have upgrade tests of their own.
  const db = new DealerDeskDatabase(old.name, SCHEMA_VERSIONS.filter((version) => version.version <= 4));
  await db.open();
  expect(db.verno).toBe(4);
  expect(await db.customers.count()).toBe(4);
  expect((await pendingLostRequests(db)).map((customer) => customer.id)).toEqual([pending.ok ? pending.value.id : '']);
  db.close();
});

test('keyset paging never skips or repeats customers who share an updatedAt', async () => {
  const db = database();
  const customers = new CustomerRepository(db, () => 5_000);
  for (let i = 0; i < 25; i++) await customers.create({ name: `客户${i}`, wechat: `w${i}` });
  const seen: string[] = [];
  let page = await customers.recent(7);
  while (page.length) {
    seen.push(...page.map((customer) => customer.id));
    page = await customers.recent(7, page[page.length - 1]);
  }
  expect(seen).toHaveLength(25);
  expect(new Set(seen).size).toBe(25);
  db.close();
});

test('open callbacks page by due time without skipping or repeating those due at the same moment', async () => {
  const db = database();
  const customers = new CustomerRepository(db, () => 5_000);
  const created = await customers.create({ name: '客户', wechat: 'w' });
  const customerId = created.ok ? created.value.id : '';
  const callbacks = new CallbackRepository(db);
  // Nine due at one moment (more than a page), a few others around them, one done.
  for (let i = 0; i < 9; i++) await callbacks.create({ customerId, dueAt: 7_000, kind: 'manual' });
  for (const dueAt of [6_000, 8_000, 9_000]) await callbacks.create({ customerId, dueAt, kind: 'manual' });
  const done = await callbacks.create({ customerId, dueAt: 6_500, kind: 'manual' });
  if (done.ok) await db.callbacks.update(done.value.id, { status: 'done' });
  const open = await callbacks.openDueBy(Number.MAX_SAFE_INTEGER);

  const seen: string[] = [];
  let page = await callbacks.openDuePage(4);
  while (page.length) {
    seen.push(...page.map((callback) => callback.id));
    page = await callbacks.openDuePage(4, page[page.length - 1]);
  }
  expect(seen).toEqual(open.map((callback) => callback.id));
  expect(seen).not.toContain(done.ok ? done.value.id : '');
  db.close();
});

test('bulk edits validate every card and roll back together; soft delete can be undone', async () => {
  const db = database();
  const customers = new CustomerRepository(db);
  const ids: string[] = [];
  for (const name of ['甲', '乙', '丙']) {
    const created = await customers.create({ name, wechat: name, tags: ['展厅'] });
    if (created.ok) ids.push(created.value.id);
  }
  expect(await customers.bulkUpdate(ids, () => ({ grade: 'H', consultant: '李娜' }))).toEqual({ ok: true, value: 3 });
  expect(await customers.bulkUpdate(ids, (card) => ({ tags: [...(card.tags ?? []), '试驾'] }))).toEqual({ ok: true, value: 3 });
  const after = await db.customers.bulkGet(ids);
  expect(after.map((card) => [card!.grade, card!.consultant, card!.tags])).toEqual(Array(3).fill(['H', '李娜', ['展厅', '试驾']]));

  const refused = await customers.bulkUpdate(ids, (card) => (card.name === '乙' ? { grade: 'Z' as never } : { grade: 'A' }));
  expect(refused.ok).toBe(false);
  expect((await db.customers.bulkGet(ids)).map((card) => card!.grade)).toEqual(['H', 'H', 'H']);

  const deleted = await customers.softDeleteMany(ids.slice(0, 2));
  expect(deleted).toEqual(ids.slice(0, 2));
  expect(await customers.recent(10)).toHaveLength(1);
  expect(await customers.restoreMany(deleted)).toBe(2);
  expect(await customers.recent(10)).toHaveLength(3);
  db.close();
});

test('approving a lost-deal request makes the customer lost (F) and cancels their callbacks', async () => {
  const db = database();
  const customers = new CustomerRepository(db);
  const callbacks = new CallbackRepository(db);
  const created = await customers.create({ name: '王五', wechat: 'ww', stage: 'intent', grade: 'B', deal: { status: 'lost', lost: { reason: '买了竞品', approval: 'pending' } } });
  if (!created.ok) throw new Error('create');
  await callbacks.create({ customerId: created.value.id, dueAt: 10, kind: 'grade_cadence' });
  const result = await approveLost(db, created.value.id, () => 2_000);
  expect(result.ok).toBe(true);
  const card = await customers.get(created.value.id);
  expect([card!.stage, card!.grade, card!.deal.lost?.approval, card!.deal.lost?.decidedAt]).toEqual(['lost', 'F', 'approved', 2_000]);
  expect((await callbacks.forCustomer(created.value.id)).map((callback) => callback.status)).toEqual(['cancelled']);
  expect(await pendingLostRequests(db)).toEqual([]);
  expect((await approveLost(db, created.value.id)).ok).toBe(false);
  db.close();
});

test('sending a request back keeps the customer active with a callback the next day', async () => {
  const db = database();
  const customers = new CustomerRepository(db);
  const created = await customers.create({ name: '赵六', wechat: 'zl', stage: 'lost', grade: 'F', deal: { status: 'lost', lost: { reason: '暂不购车', approval: 'pending' } } });
  if (!created.ok) throw new Error('create');
  const result = await returnLost(db, created.value.id, '再约一次试驾', () => 10_000);
  expect(result.ok).toBe(true);
  const card = await customers.get(created.value.id);
  expect([card!.stage, card!.grade, card!.deal.status, card!.deal.lost?.approval]).toEqual(['intent', 'C', 'open', 'returned']);
  const planned = await new CallbackRepository(db).forCustomer(created.value.id);
  expect(planned.map((callback) => [callback.kind, callback.status, callback.dueAt, callback.note])).toEqual([['manual', 'open', 10_000 + 86_400_000, '再约一次试驾']]);
  db.close();
});
