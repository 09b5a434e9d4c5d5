import { afterEach, beforeEach, expect, test } from 'vitest';
import {
  CallbackRepository,
  createBackup,
  CustomerRepository,
  DealerDeskDatabase,
  FollowUpRepository,
  parseBackup,
  planRestore,
  planStamp,
  restoreBackup,
  ScriptRepository,
  SettingsRepository,
  type Backup,
} from '../../storage';
import { fullCustomer } from './support/full-customer';
import { freshDatabase } from './support/database';

let db: DealerDeskDatabase;
beforeEach(async () => {
  db = freshDatabase();
  await db.open();
});
afterEach(() => db.delete());

async function seed(): Promise<void> {
  const customers = new CustomerRepository(db);
  const full = await customers.create(fullCustomer());
  const other = await customers.create({ name: '张三', phones: [{ number: '13800138000', primary: true }], grade: 'H' });
  if (!full.ok || !other.ok) throw new Error('seed');
  await customers.softDelete(other.value.id);
  await new FollowUpRepository(db).create({ customerId: full.value.id, at: Date.now(), method: 'call', summary: '约周六试驾', attitude: 'positive' });
  await new CallbackRepository(db).create({ customerId: full.value.id, dueAt: Date.now() + 3600_000, kind: 'grade_cadence', planKey: 'grade:H:1' });
  await new ScriptRepository(db).create({ title: '首次来电', channel: 'call', body: '{称呼}您好，我是{顾问}', trigger: { stages: ['potential'], grades: [], callbackKinds: [] } });
  await new SettingsRepository(db).update({ consultant: { name: '李娜', phone: '13900001111' }, store: { name: '杭州吉利4S店', brand: '吉利' } });
}

async function tables(): Promise<Record<string, unknown[]>> {
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : 1);
  return {
    customers: (await db.customers.toArray()).sort(byId),
    followUps: (await db.followUps.toArray()).sort(byId),
    callbacks: (await db.callbacks.toArray()).sort(byId),
    scripts: (await db.scripts.toArray()).sort(byId),
    settings: await db.settings.toArray(),
  };
}

async function wipe(): Promise<void> {
  await Promise.all(db.tables.map((table) => table.clear()));
}

test('backup → wipe → restore gives identical tables', async () => {
  await seed();
  const before = await tables();
  const file = JSON.stringify(await createBackup(db));
  await wipe();
  expect((await tables()).customers).toEqual([]);

  const parsed = parseBackup(JSON.parse(file));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const changes = await planRestore(db, parsed.backup);
  expect(changes.find((change) => change.table === 'customers')).toMatchObject({ now: 0, after: 2, added: 2, removed: 0 });
  await restoreBackup(db, parsed.backup);
  expect(await tables()).toEqual(before);
});

test('restore over existing data shows what changes, and replaces it', async () => {
  await seed();
  const backup = await createBackup(db);
  const same = parseBackup(JSON.parse(JSON.stringify(backup)));
  if (!same.ok) throw new Error('parse');
  expect((await planRestore(db, same.backup)).every((change) => change.added + change.changed + change.removed === 0)).toBe(true);
  const customers = new CustomerRepository(db);
  const [first] = await db.customers.toArray();
  await customers.update(first!.id, { notes: '备份之后改的' });
  await customers.create({ name: '新客户', wechat: 'new-one' });
  const parsed = parseBackup(JSON.parse(JSON.stringify(backup)));
  if (!parsed.ok) throw new Error('parse');
  expect((await planRestore(db, parsed.backup)).find((change) => change.table === 'customers')).toEqual({ table: 'customers', now: 3, after: 2, added: 0, changed: 1, removed: 1 });
});

test('a backup with one bad record is refused before anything is written', async () => {
  await seed();
  const before = await tables();
  const backup = JSON.parse(JSON.stringify(await createBackup(db))) as Backup;
  (backup.tables.customers[0] as { phones: { number: string }[] }).phones = [{ number: '12345' }];
  const parsed = parseBackup(backup);
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.errors.join()).toContain('customers #1');
  expect(parseBackup({ hello: 'world' })).toEqual({ ok: false, errors: ['这不是 Dealer Desk 的备份文件'] });
  expect(parseBackup({ ...backup, schemaVersion: 99 }).ok).toBe(false);
  expect(await tables()).toEqual(before);
});

test('a restore that fails half-way leaves the database exactly as it was', async () => {
  await seed();
  const before = await tables();
  const parsed = parseBackup(JSON.parse(JSON.stringify(await createBackup(db))));
  if (!parsed.ok) throw new Error('parse');
  // Two scripts with one id: the last table written fails on a constraint after the others were cleared.
  const script = parsed.backup.tables.scripts[0]!;
  parsed.backup.tables.scripts.push({ ...script });
  await expect(restoreBackup(db, parsed.backup)).rejects.toThrow();
  expect(await tables()).toEqual(before);
});

test('a restored book is re-planned from scratch: its callbacks are as old as the backup', async () => {
  await seed();
  const parsed = parseBackup(JSON.parse(JSON.stringify(await createBackup(db))));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const before = await planStamp(db);
  await restoreBackup(db, parsed.backup);
  // The same settings, but a new stamp: the worker's full re-plan runs again.
  const restored = await planStamp(db);
  expect(restored).not.toBe(before);
  expect(await planStamp(db)).toBe(restored);
});
