import { afterEach, describe, expect, test } from 'vitest';
import { DealerDeskDatabase } from '../../storage/database';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../storage/versions';
import { CustomerRepository } from '../../storage/customers';

const opened: DealerDeskDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A database exactly as a release with schema `version` left it. */
async function databaseAtVersion(name: string, version: number): Promise<DealerDeskDatabase> {
  const db = new DealerDeskDatabase(name, SCHEMA_VERSIONS.filter((entry) => entry.version <= version));
  opened.push(db);
  await db.open();
  return db;
}

async function openCurrent(name: string): Promise<DealerDeskDatabase> {
  const db = new DealerDeskDatabase(name);
  opened.push(db);
  await db.open();
  return db;
}

describe('schema upgrades', () => {
  test('every version is numbered upwards and the current one opens', async () => {
    const versions = SCHEMA_VERSIONS.map((entry) => entry.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const db = await openCurrent('upgrade-current');
    expect(db.verno).toBe(CURRENT_VERSION);
  });

  test('1 → 2: customers written by version 1 gain pinyin search keys and are found by them', async () => {
    const name = 'upgrade-1-2';
    const v1 = await databaseAtVersion(name, 1);
    const rows = [
      { id: 'c1', name: '张三', phones: [{ number: '+8613800138000', label: 'mobile', primary: true }], phoneNumbers: ['+8613800138000'], phoneTails: ['8000'] },
      { id: 'c2', name: '欧阳娜娜', phones: [], wechat: 'nana', phoneNumbers: [], phoneTails: [] },
      { id: 'c3', name: 'John Smith', phones: [], email: 'john@example.com', phoneNumbers: [], phoneTails: [] },
    ].map((row) => ({ gender: 'unknown', source: { channel: 'other' }, stage: 'potential', grade: 'C', needs: { brands: [], concerns: [], comparedModels: [] }, testDrives: [], materialsGiven: [], objections: [], deal: { status: 'open' }, tags: [], createdAt: 1, updatedAt: 1, ...row }));
    await v1.table('customers').bulkAdd(rows);
    await v1.table('callbacks').add({ id: 'k1', customerId: 'c1', dueAt: 5, kind: 'manual', status: 'open', createdAt: 1, updatedAt: 1 });
    v1.close();

    const current = await openCurrent(name);
    const upgraded = await current.customers.orderBy('id').toArray();
    expect(upgraded.map((customer) => [customer.id, customer.nameInitials, customer.namePinyin])).toEqual([
      ['c1', 'zs', 'zhangsan'],
      ['c2', 'oynn', 'ouyangnana'],
      ['c3', 'js', 'johnsmith'],
    ]);
    // Nothing else about a row changed, and other tables came through untouched.
    expect(upgraded[0]).toMatchObject({ ...rows[0] });
    expect(await current.callbacks.get('k1')).toMatchObject({ customerId: 'c1', dueAt: 5 });
    const repo = new CustomerRepository(current);
    expect((await repo.find({ initials: 'oy' })).map((customer) => customer.id)).toEqual(['c2']);
  });
});
