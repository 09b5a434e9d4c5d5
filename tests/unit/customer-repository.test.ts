import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CallbackRepository } from '../../storage/callbacks';
import { CustomerRepository } from '../../storage/customers';
import type { DealerDeskDatabase } from '../../storage/database';
import { RejectedWrite } from '../../storage/validation';
import { freshDatabase, snapshot } from './support/database';

let db: DealerDeskDatabase;
let clock: number;
let customers: CustomerRepository;

beforeEach(() => {
  db = freshDatabase();
  clock = Date.UTC(2026, 10, 23, 2, 0);
  customers = new CustomerRepository(db, () => clock);
});

afterEach(async () => {
  await db.delete();
});

async function created(input: Parameters<CustomerRepository['create']>[0]) {
  const result = await customers.create(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('customer repository', () => {
  test('create stores a validated, normalised card with its search keys', async () => {
    const customer = await created({ name: '张三', phones: [{ number: '138 0013 8000' }] });
    const stored = await customers.get(customer.id);
    expect(stored).toMatchObject({
      name: '张三',
      phones: [{ number: '+8613800138000', label: 'mobile', primary: false }],
      phoneNumbers: ['+8613800138000'],
      phoneTails: ['8000'],
      nameInitials: 'zs',
      namePinyin: 'zhangsan',
      createdAt: clock,
      updatedAt: clock,
    });
  });

  test('update re-validates the whole card and recomputes search keys', async () => {
    const customer = await created({ name: '张三', phones: [{ number: '13800138000' }] });
    clock += 60_000;
    const result = await customers.update(customer.id, { name: '李四', grade: 'H' });
    expect(result.ok).toBe(true);
    expect(await customers.get(customer.id)).toMatchObject({ name: '李四', grade: 'H', nameInitials: 'ls', createdAt: customer.createdAt, updatedAt: clock });
  });

  test('a rejected create or update leaves the store exactly as it was', async () => {
    const customer = await created({ name: '张三', phones: [{ number: '13800138000' }] });
    const before = await snapshot(db);

    const badCreate = await customers.create({ name: '', phones: [{ number: '12345' }] });
    expect(badCreate.ok).toBe(false);
    if (!badCreate.ok) expect(badCreate.errors.map((error) => error.path).sort()).toEqual(['name', 'phones.0.number']);

    const badUpdate = await customers.update(customer.id, { phones: [{ number: '138 0013 800' }], grade: 'Z' as never });
    expect(badUpdate.ok).toBe(false);

    expect(await snapshot(db)).toEqual(before);
  });

  test('soft delete hides the customer; restore brings it back unchanged', async () => {
    const customer = await created({ name: '王五', phones: [{ number: '13912345678' }] });
    expect(await customers.softDelete(customer.id)).toBe(true);
    expect(await customers.get(customer.id)).toBeUndefined();
    expect(await customers.find({ phone: '13912345678' })).toEqual([]);
    expect((await customers.get(customer.id, { includeDeleted: true }))?.deletedAt).toBe(clock);

    expect(await customers.restore(customer.id)).toBe(true);
    const restored = await customers.get(customer.id);
    expect(restored).toMatchObject({ name: '王五', phoneNumbers: ['+8613912345678'] });
    expect(restored).not.toHaveProperty('deletedAt');
    expect(await customers.restore(customer.id)).toBe(false);
  });

  test('a duplicate phone is found whatever the format it was typed in', async () => {
    const first = await created({ name: '张伟', phones: [{ number: '138 0013 8000' }] });
    for (const typed of ['+86 13800138000', '0086-138-0013-8000', '138.0013.8000', '8613800138000']) {
      expect((await customers.findDuplicates([typed])).map((customer) => customer.id)).toEqual([first.id]);
    }
    expect(await customers.findDuplicates(['139 0013 8000'])).toEqual([]);
    expect(await customers.findDuplicates(['+86 13800138000'], first.id)).toEqual([]);
  });

  test('find by phone, phone tail, name, pinyin initials, grade, stage and consultant', async () => {
    const zhang = await created({ name: '张三', grade: 'H', stage: 'intent', consultant: '李顾问', phones: [{ number: '13800138000' }] });
    const zhao = await created({ name: '赵六', grade: 'B', phones: [{ number: '13900008000' }] });
    await created({ name: 'John Smith', phones: [{ number: '+1 415 555 2671' }] });
    const ids = (list: { id: string }[]) => list.map((customer) => customer.id).sort();

    expect(ids(await customers.find({ phone: '+86 138-0013-8000' }))).toEqual([zhang.id]);
    expect(ids(await customers.find({ phoneTail: '8000' }))).toEqual(ids([zhang, zhao]));
    expect(ids(await customers.find({ namePrefix: '张' }))).toEqual([zhang.id]);
    expect(ids(await customers.find({ initials: 'zs' }))).toEqual([zhang.id]);
    expect(ids(await customers.find({ initials: 'z' }))).toEqual(ids([zhang, zhao]));
    expect((await customers.find({ initials: 'js' })).map((customer) => customer.name)).toEqual(['John Smith']);
    expect(ids(await customers.find({ grade: 'H' }))).toEqual([zhang.id]);
    expect(ids(await customers.find({ stage: 'intent' }))).toEqual([zhang.id]);
    expect(ids(await customers.find({ consultant: '李顾问' }))).toEqual([zhang.id]);
    expect(ids(await customers.find({ phoneTail: '8000', grade: 'B' }))).toEqual([zhao.id]);
  });

  test('a search with a limit fills its page with live customers, even when deleted ones come first', async () => {
    const wangs = [];
    for (const [i, given] of ['一', '二', '三', '四', '五', '六'].entries()) wangs.push(await created({ name: `王${given}`, phones: [{ number: `1380013800${i}` }] }));
    // The first rows of the name index are deleted: the page must still hold two live customers.
    for (const wang of wangs.slice(0, 3)) await customers.softDelete(wang.id);
    const names = (list: { name: string }[]) => list.map((customer) => customer.name);

    expect(names(await customers.find({ namePrefix: '王', limit: 2 }))).toHaveLength(2);
    expect(names(await customers.find({ namePrefix: '王', limit: 2 })).every((name) => !['王一', '王二', '王三'].includes(name))).toBe(true);
    expect(names(await customers.find({ namePrefix: '王', limit: 10 })).sort()).toEqual(['王五', '王六', '王四'].sort());
    expect(await customers.find({ namePrefix: '王', limit: 10, includeDeleted: true })).toHaveLength(6);
    // A phone tail shared by two phones of one customer still lists that customer once.
    const twice = await created({ name: '李七', phones: [{ number: '13900001234' }, { number: '13700001234' }] });
    expect((await customers.find({ phoneTail: '1234', limit: 5 })).map((customer) => customer.id)).toEqual([twice.id]);
  });

  test('createMany writes every valid card with its callbacks, reports each rejected row by its place, and tells progress', async () => {
    const inputs = Array.from({ length: 7 }, (_, i) => ({ name: `客户${i}`, phones: [{ number: i === 3 ? '12345' : `1380013800${i}` }] }));
    inputs[5] = { name: '', phones: [{ number: '13800138005' }] };
    const progress: [number, number][] = [];
    const result = await customers.createMany(inputs, { chunk: 3, onProgress: (done, total) => progress.push([done, total]) });

    expect(result.created).toBe(5);
    expect(result.rejected.map((row) => [row.index, row.errors[0]?.path])).toEqual([
      [3, 'phones.0.number'],
      [5, 'name'],
    ]);
    expect(progress).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
    const stored = await db.customers.toArray();
    expect(stored.map((customer) => customer.name).sort()).toEqual(['客户0', '客户1', '客户2', '客户4', '客户6']);
    expect(stored.find((customer) => customer.name === '客户1')).toMatchObject({ phoneNumbers: ['+8613800138001'], nameInitials: 'kh1' });
    // Each new lead's first contact is planned in the write that stored it.
    const firstContacts = (await db.callbacks.toArray()).filter((callback) => callback.planKey === 'first_contact');
    expect(firstContacts.map((callback) => callback.customerId).sort()).toEqual(stored.map((customer) => customer.id).sort());
  });

  test('recent pages by last change, newest first, without offsets', async () => {
    const names = ['一', '二', '三', '四', '五'];
    for (const name of names) {
      clock += 1000;
      await created({ name, wechat: `wx_${name}` });
    }
    const first = await customers.recent(2);
    expect(first.map((customer) => customer.name)).toEqual(['五', '四']);
    const second = await customers.recent(2, first[first.length - 1]);
    expect(second.map((customer) => customer.name)).toEqual(['三', '二']);
  });

  test('a customer and its callback are written together or not at all', async () => {
    const callbacks = new CallbackRepository(db, () => clock);
    const before = await snapshot(db);
    await expect(
      db.transaction('rw', db.customers, db.callbacks, async () => {
        const customer = await created({ name: '钱七', phones: [{ number: '13700137000' }] });
        const callback = await callbacks.create({ customerId: customer.id, kind: 'first_contact', dueAt: -5 });
        if (!callback.ok) throw new RejectedWrite(callback.errors);
      }),
    ).rejects.toBeInstanceOf(RejectedWrite);
    expect(await snapshot(db)).toEqual(before);
  });
});
