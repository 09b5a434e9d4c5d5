import { afterEach, beforeEach, expect, test } from 'vitest';
import { CallbackRepository, CustomerRepository, DealerDeskDatabase, LeadCapture } from '../../storage';
import { freshDatabase } from './support/database';

let db: DealerDeskDatabase;
let now = Date.UTC(2026, 10, 23, 9, 0);
let capture: LeadCapture;

beforeEach(async () => {
  db = freshDatabase();
  await db.open();
  capture = new LeadCapture(db, () => now);
});

afterEach(() => db.delete());

/** The kinds of every customer's open callbacks, by customer name. */
async function openCallbackKinds(): Promise<Record<string, string[]>> {
  const names = new Map((await db.customers.toArray()).map((customer) => [customer.id, customer.name]));
  const kinds: Record<string, string[]> = {};
  for (const callback of await db.callbacks.where('status').equals('open').toArray()) {
    const name = names.get(callback.customerId) ?? `(no customer ${callback.customerId})`;
    (kinds[name] ??= []).push(callback.kind);
  }
  for (const list of Object.values(kinds)) list.sort();
  return kinds;
}

const lead = {
  name: '张伟',
  phone: '139 1234 5678',
  wechat: 'zhangwei_88',
  city: '北京',
  brand: '问界',
  series: '问界M7',
  trim: '2024款 Pro 四驱版',
  price: '27.98万',
  url: 'https://dealer.autohome.com.cn/2024/',
  note: '',
};

test('a captured lead becomes a potential customer sourced from the portal, with a first-contact callback due now and its grade cadence call planned', async () => {
  const outcome = await capture.capture(lead);
  expect(outcome.status).toBe('created');
  if (outcome.status !== 'created') return;
  const customer = outcome.customer;
  expect(customer).toMatchObject({
    name: '张伟',
    phones: [{ number: '+8613912345678', primary: true }],
    wechat: 'zhangwei_88',
    city: '北京',
    stage: 'potential',
    grade: 'C',
    source: { channel: 'autohome', site: '汽车之家', url: 'https://dealer.autohome.com.cn/2024/', capturedAt: now },
    needs: { brands: ['问界'], series: '问界M7', trimPreferences: '2024款 Pro 四驱版' },
  });
  expect(customer.notes).toContain('27.98万');
  const callbacks = await new CallbackRepository(db).forCustomer(customer.id);
  expect(callbacks).toHaveLength(2);
  expect(callbacks.find((callback) => callback.kind === 'first_contact')).toMatchObject({ planKey: 'first_contact', dueAt: now, status: 'open' });
  // Grade C: the cadence call comes days later, not now.
  const cadence = callbacks.find((callback) => callback.kind === 'grade_cadence');
  expect(cadence).toMatchObject({ status: 'open' });
  expect(cadence!.dueAt).toBeGreaterThan(now + 24 * 3_600_000);
});

test('the same phone written differently is flagged as a duplicate; "merge into" adds only what the card lacks', async () => {
  const first = await capture.capture({ ...lead, wechat: '' });
  if (first.status !== 'created') throw new Error('not created');
  const second = await capture.capture({ ...lead, name: '张先生', phone: '+86 139-1234-5678', series: '问界M9' });
  expect(second).toEqual({ status: 'duplicate', duplicates: [{ id: first.customer.id, name: '张伟', phones: ['139 1234 5678'], grade: 'C' }] });
  expect(await db.customers.count()).toBe(1);

  const merged = await capture.capture({ ...lead, name: '张先生', phone: '+86 139-1234-5678', series: '问界M9' }, { mergeInto: first.customer.id });
  expect(merged.status).toBe('merged');
  const card = await new CustomerRepository(db).get(first.customer.id);
  expect(card?.name).toBe('张伟');
  expect(card?.wechat).toBe('zhangwei_88');
  expect(card?.needs.series).toBe('问界M7');
  expect(card?.needs.comparedModels).toEqual(['问界M9']);
  // Merging re-plans the one customer: still one first contact and one cadence call, nothing doubled.
  expect(await openCallbackKinds()).toEqual({ 张伟: ['first_contact', 'grade_cadence'] });
});

test('a bad phone is refused with the field named, and nothing is written', async () => {
  const outcome = await capture.capture({ ...lead, phone: '139 1234 567' });
  expect(outcome.status).toBe('invalid');
  if (outcome.status === 'invalid') expect(outcome.errors[0]?.message).toContain('不是有效的电话号码');
  expect(await db.customers.count()).toBe(0);
  expect(await db.callbacks.count()).toBe(0);
});

test('a list capture writes every lead or none, and reports created, merged and skipped', async () => {
  await capture.capture({ ...lead, wechat: '' });
  const report = await capture.captureAll([
    { name: '李娜', phone: '186 0001 2345', url: 'https://dealer.bitauto.com/leads' },
    { name: '张伟', phone: '13912345678', wechat: 'zw_new', url: 'https://dealer.bitauto.com/leads' },
    { name: '王强', phone: '150 0123 4567', url: 'https://dealer.bitauto.com/leads' },
    { name: '王强', phone: '15001234567', url: 'https://dealer.bitauto.com/leads' },
  ]);
  expect(report).toEqual({ ok: true, created: 2, merged: 1, skipped: 1 });
  expect(await db.customers.count()).toBe(3);
  const planned = { 张伟: ['first_contact', 'grade_cadence'], 李娜: ['first_contact', 'grade_cadence'], 王强: ['first_contact', 'grade_cadence'] };
  expect(await openCallbackKinds()).toEqual(planned);
  const wang = await new CustomerRepository(db).find({ phone: '15001234567' });
  expect(wang[0]?.source.channel).toBe('yiche');

  const refused = await capture.captureAll([
    { name: '赵敏', phone: '133 0000 1111' },
    { name: '', phone: '133 0000 2222' },
  ]);
  expect(refused.ok).toBe(false);
  expect(refused.index).toBe(1);
  expect(await db.customers.count()).toBe(3);
  expect(await openCallbackKinds()).toEqual(planned);
});

test('a bulk capture with one rejected lead leaves no customer and no callback behind', async () => {
  const refused = await capture.captureAll([
    { name: '赵敏', phone: '133 0000 1111', url: 'https://dealer.bitauto.com/leads' },
    { name: '钱程', phone: '133 0000 3333', url: 'https://dealer.bitauto.com/leads' },
    { name: '孙丽', phone: '133 0000', url: 'https://dealer.bitauto.com/leads' },
  ]);
  expect(refused).toMatchObject({ ok: false, created: 0, index: 2 });
  expect(refused.errors?.[0]?.message).toContain('不是有效的电话号码');
  expect(await db.customers.count()).toBe(0);
  expect(await db.callbacks.count()).toBe(0);

  // The same batch without the bad row lands whole: every lead with both of its callbacks.
  const report = await capture.captureAll([
    { name: '赵敏', phone: '133 0000 1111', url: 'https://dealer.bitauto.com/leads' },
    { name: '钱程', phone: '133 0000 3333', url: 'https://dealer.bitauto.com/leads', grade: 'H' },
  ]);
  expect(report).toEqual({ ok: true, created: 2, merged: 0, skipped: 0 });
  // 钱程 is an H lead, warm enough for the holiday greeting too.
  expect(await openCallbackKinds()).toEqual({ 赵敏: ['first_contact', 'grade_cadence'], 钱程: ['first_contact', 'grade_cadence', 'holiday'] });
});

test('a lead captured as F (no intention) gets no calls planned; one merged into a card that had none gets them', async () => {
  const cold = await capture.capture({ ...lead, grade: 'F' });
  if (cold.status !== 'created') throw new Error('not created');
  expect(await db.callbacks.count()).toBe(0);
  // The card was written without planning (e.g. restored from a backup), then the lead is seen again.
  await db.customers.update(cold.customer.id, { grade: 'B' });
  const merged = await capture.capture({ ...lead }, { mergeInto: cold.customer.id });
  expect(merged.status).toBe('merged');
  expect(await openCallbackKinds()).toEqual({ 张伟: ['first_contact', 'grade_cadence', 'holiday'] });
});

test('phones from foreign portals are read in the site’s country; the same dealer seen twice is one customer', async () => {
  const report = await capture.captureAll([
    { name: 'Metro Honda', phone: '(201) 555-0123', url: 'https://www.cargurus.com/Cars/l-Used-Honda-Civic' },
    { name: 'Metro Honda', phone: '201-555-0123', url: 'https://www.cars.com/shopping/results/' },
    { name: 'Autohaus Schneider GmbH', phone: '030 1234567', url: 'https://suchen.mobile.de/fahrzeuge/details.html?id=1' },
  ]);
  expect(report).toEqual({ ok: true, created: 2, merged: 0, skipped: 1 });
  const customers = new CustomerRepository(db);
  expect((await customers.find({ phone: '+12015550123' }))[0]?.source.channel).toBe('other_portal');
  expect((await customers.find({ phone: '+49301234567' }))[0]?.name).toBe('Autohaus Schneider GmbH');
  expect(await capture.duplicatesOf(['(201) 555-0123'], 'https://www.autotrader.com/x')).toHaveLength(1);
});
