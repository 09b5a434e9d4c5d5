import { afterEach, describe, expect, test } from 'vitest';
import { snoozeTomorrowAt } from '../../core/cadence/local-time';
import { CustomerRepository, DealerDeskDatabase, SettingsRepository } from '../../storage';
import { openReader } from '../../storage/reader';
import { loadDueLists } from '../../entrypoints/shared/due-callbacks';

const SHANGHAI = 'Asia/Shanghai';
const hours = { workingHours: { start: '08:30', end: '20:00' }, quietHours: { start: '21:00', end: '08:00' } };

describe('snooze until tomorrow', () => {
  test.each([
    ['in the afternoon', '2026-11-23T15:00:00+08:00', '2026-11-24T08:30:00+08:00'],
    ['late at night', '2026-11-23T23:40:00+08:00', '2026-11-24T08:30:00+08:00'],
    // 01:00 in Shanghai is still the 23rd in UTC: "tomorrow" is counted in the settings' zone.
    ['after midnight in the settings zone, before it in UTC', '2026-11-23T17:00:00Z', '2026-11-25T08:30:00+08:00'],
  ])('lands on the working day start of the next day (%s)', (_, now, expected) => {
    expect(snoozeTomorrowAt(Date.parse(now), { ...hours, timeZone: SHANGHAI })).toBe(Date.parse(expected));
  });

  test('follows the configured start in another zone, and never lands in quiet hours', () => {
    const berlin = { workingHours: { start: '07:15', end: '18:00' }, quietHours: { start: '22:00', end: '06:00' }, timeZone: 'Europe/Berlin' };
    expect(snoozeTomorrowAt(Date.parse('2026-11-23T15:00:00+08:00'), berlin)).toBe(Date.parse('2026-11-24T07:15:00+01:00'));
    const quietUntilNine = { ...hours, quietHours: { start: '21:00', end: '09:00' }, timeZone: SHANGHAI };
    expect(snoozeTomorrowAt(Date.parse('2026-11-23T15:00:00+08:00'), quietUntilNine)).toBe(Date.parse('2026-11-24T09:00:00+08:00'));
  });
});

describe('the popup', () => {
  let db: DealerDeskDatabase | undefined;
  afterEach(async () => {
    db?.close();
    await db?.delete();
  });

  test('snoozes "tomorrow" to the working day start of the settings, in their zone', async () => {
    const now = Date.parse('2026-11-23T23:40:00+08:00');
    db = new DealerDeskDatabase('popup-snooze');
    expect((await new SettingsRepository(db).update({ timeZone: SHANGHAI, ...hours })).ok).toBe(true);
    expect((await new CustomerRepository(db, () => now).create({ name: '王芳', phones: [{ number: '13800138000' }] })).ok).toBe(true);
    const reader = await openReader('popup-snooze');
    const lists = await loadDueLists(reader!, { overdue: 5, today: 5, upcoming: 5 }, now);
    reader!.close();
    expect(lists.today.items.map((item) => item.customerName)).toEqual(['王芳']);
    expect(lists.tomorrowAt).toBe(Date.parse('2026-11-24T08:30:00+08:00'));
  });

  test('cuts "today" at midnight of the settings\' zone, not the machine\'s', async () => {
    // 23:00 in Shanghai (15:00 UTC); the callback falls due at 01:00 Shanghai, 17:00 UTC: tomorrow there.
    const now = Date.parse('2026-11-23T15:00:00Z');
    db = new DealerDeskDatabase('popup-zone');
    expect((await new SettingsRepository(db).update({ timeZone: SHANGHAI, ...hours })).ok).toBe(true);
    const created = await new CustomerRepository(db, () => now - 2 * 3_600_000).create({ name: '李娜', phones: [{ number: '13800138001' }] });
    expect(created.ok).toBe(true);
    const open = await db.callbacks.where('customerId').equals(created.ok ? created.value.id : '').modify({ dueAt: Date.parse('2026-11-23T17:00:00Z') });
    expect(open).toBeGreaterThan(0);
    const reader = await openReader('popup-zone');
    const lists = await loadDueLists(reader!, { overdue: 5, today: 5, upcoming: 5 }, now);
    reader!.close();
    expect([lists.overdue.total, lists.today.total, lists.upcoming.total]).toEqual([0, 0, open]);
    expect(new Set(lists.upcoming.items.map((item) => item.customerName))).toEqual(new Set(['李娜']));
  });
});
