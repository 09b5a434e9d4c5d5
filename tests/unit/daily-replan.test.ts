import { afterEach, describe, expect, test } from 'vitest';
import { CallbackRepository, CustomerRepository, customersRolledOn, DealerDeskDatabase, replanAll, replanRolled, SettingsRepository, type CustomerInput } from '../../storage';
import { SHANGHAI, sh } from './support/shanghai';

// The daily re-plan looks only at the customers whose birthday or holiday greeting rolled on; these
// tests hold it to what re-planning the whole book every day gives.

const opened: DealerDeskDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

function database(name: string): DealerDeskDatabase {
  const db = new DealerDeskDatabase(`${name}-${opened.length}-${Date.now()}`);
  opened.push(db);
  return db;
}

const delivered = { status: 'won' as const, won: { model: '问界M7', deliveredAt: sh('2025-06-01 10:00') } };
const book: CustomerInput[] = [
  { name: '陈静', gender: 'female', phones: [{ number: '13800138001' }], stage: 'owner', grade: 'O', deal: delivered, birthday: '01-02' },
  { name: '王强', gender: 'male', phones: [{ number: '13800138002' }], grade: 'A', birthday: '1990-12-29' },
  { name: '李娜', gender: 'female', phones: [{ number: '13800138003' }], grade: 'C', birthday: '12-31' },
  { name: '赵磊', gender: 'male', phones: [{ number: '13800138004' }], grade: 'F', birthday: '12-30' },
  { name: '孙丽', gender: 'female', phones: [{ number: '13800138005' }], stage: 'owner', grade: 'O', deal: delivered },
  { name: '周杰', gender: 'male', phones: [{ number: '13800138006' }], grade: 'H' },
  { name: '吴敏', gender: 'female', phones: [{ number: '13800138007' }], grade: 'B', birthday: '02-29' },
  { name: '郑伟', gender: 'male', phones: [{ number: '13800138008' }], grade: 'C' },
];

/** Every customer's callbacks as the consultant would see them: rule, due time, status. */
async function callbacksByCustomer(db: DealerDeskDatabase): Promise<Record<string, string[]>> {
  const byCustomer: Record<string, string[]> = {};
  for (const callback of await db.callbacks.toArray()) (byCustomer[callback.customerId] ??= []).push(`${callback.planKey ?? callback.kind} ${new Date(callback.dueAt).toISOString()} ${callback.status}`);
  for (const list of Object.values(byCustomer)) list.sort();
  return byCustomer;
}

/** The book written through storage (planned at each write) on 27 Dec, and an identical twin. */
async function twinBooks(): Promise<[DealerDeskDatabase, DealerDeskDatabase]> {
  const daily = database('daily-replan');
  await new SettingsRepository(daily).update({ timeZone: SHANGHAI });
  const customers = new CustomerRepository(daily, () => sh('2026-12-27 10:00'));
  for (const input of book) {
    const created = await customers.create(input);
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
  }
  const full = database('full-replan');
  const tables = await Promise.all(daily.tables.map((table) => table.toArray()));
  await full.transaction('rw', full.tables, () => Promise.all(full.tables.map((table, index) => table.bulkAdd(tables[index]!))));
  return [daily, full];
}

/** Marks done, in `db`, the open callback of `planKey` of the customer with `phone`, as the consultant does. */
async function markDone(db: DealerDeskDatabase, phone: string, planKey: string, at: number): Promise<void> {
  const [customer] = await db.customers.where('phoneNumbers').equals(`+86${phone}`).toArray();
  const callback = (await db.callbacks.where('customerId').equals(customer!.id).toArray()).find((c) => c.planKey === planKey && c.status === 'open');
  if (!callback) throw new Error(`no open ${planKey}`);
  expect(await new CallbackRepository(db, () => at).markDone(callback.id)).toBe(true);
}

describe('the daily re-plan', () => {
  test('gives, day after day, what re-planning the whole book gives: birthdays roll to next year, greetings to the next holiday', async () => {
    const [daily, full] = await twinBooks();
    const planned = await callbacksByCustomer(daily);
    // The browser is closed on 3 and 4 January: the morning of the 5th catches up both days.
    const mornings = ['2026-12-28 08:00', '2026-12-29 00:05', '2026-12-30 09:30', '2026-12-31 09:30', '2027-01-01 10:00', '2027-01-02 00:10', '2027-01-05 09:00', '2027-01-06 09:00'].map(sh);
    let from = sh('2026-12-27 10:00');
    for (const morning of mornings) {
      if (morning === sh('2026-12-31 09:30')) {
        // The consultant sends one owner's new-year greeting on the eve, in both books.
        for (const db of [daily, full]) await markDone(db, '13800138005', 'holiday:new_year:2027-01-01', morning);
      }
      await replanRolled(daily, { from, to: morning }, morning);
      await replanAll(full, morning);
      expect(await callbacksByCustomer(daily), new Date(morning).toISOString()).toEqual(await callbacksByCustomer(full));
      from = morning;
    }
    // Not a vacuous comparison: the book did move on over these days.
    const after = await callbacksByCustomer(daily);
    expect(after).not.toEqual(planned);
    const all = Object.values(after).flat();
    expect(all.filter((line) => line.startsWith('holiday:spring_festival:2027-02-06 ') && line.endsWith(' open'))).toHaveLength(5);
    expect(all.some((line) => line.startsWith('holiday:new_year:2027-01-01 ') && line.endsWith(' done'))).toBe(true);
    expect(all.some((line) => line.startsWith('birthday:2027 ') && line.endsWith(' open'))).toBe(true);
  });

  test('on an ordinary day looks at nobody but the customers whose birthday just passed', async () => {
    const [db] = await twinBooks();
    const nameOf = async (ids: string[]) => (await db.customers.bulkGet(ids)).map((customer) => customer!.name);
    // Nothing rolled between the 27th and the morning of the 28th: no card is read.
    expect(await customersRolledOn(db, { from: sh('2026-12-27 10:00'), to: sh('2026-12-28 08:00') })).toEqual([]);
    // 王强's birthday was the 29th: the morning of the 30th re-plans him (and looks again for three days).
    expect(await nameOf(await customersRolledOn(db, { from: sh('2026-12-29 08:00'), to: sh('2026-12-30 08:00') }))).toEqual(['王强']);
    expect(await replanRolled(db, { from: sh('2026-12-29 08:00'), to: sh('2026-12-30 08:00') }, sh('2026-12-30 08:00'))).toEqual({ done: true, changed: 1 });
    // The day after new year, everyone greeted is looked at (owners, H/A/B leads), and the birthdays of the last days.
    expect((await nameOf(await customersRolledOn(db, { from: sh('2027-01-01 08:00'), to: sh('2027-01-02 08:00') }))).sort()).toEqual(
      ['陈静', '孙丽', '周杰', '王强', '吴敏', '李娜', '赵磊'].sort(),
    );
  });

  test('stops when its time is up and resumes with the same window, missing nobody', async () => {
    const [daily, full] = await twinBooks();
    const morning = sh('2027-01-02 08:00');
    const window = { from: sh('2026-12-27 10:00'), to: morning };
    const ids = await customersRolledOn(daily, window);
    expect(ids).toHaveLength(7);
    let progress = await replanRolled(daily, window, morning, { budgetMs: 0, slice: 2 });
    const stops: string[] = [];
    while (!progress.done) {
      stops.push(progress.after!);
      // The worker resumes later, with the window it stored.
      progress = await replanRolled(daily, window, morning + 60_000 * stops.length, { after: progress.after!, budgetMs: 0, slice: 2 });
    }
    expect(stops).toEqual([ids[1], ids[3], ids[5]]);
    await replanAll(full, morning);
    expect(await callbacksByCustomer(daily)).toEqual(await callbacksByCustomer(full));
  });
});
