import { afterEach, describe, expect, test } from 'vitest';
import {
  HOLIDAY_CALENDAR,
  HOLIDAY_FIRST_YEAR,
  HOLIDAY_IDS,
  HOLIDAY_LAST_YEAR,
  callbackReason,
  planCallbacks,
  reconcileCallbacks,
  type ExistingCallback,
  type HolidayId,
  type PlanCustomer,
  type PlanSettings,
  type PlannedCallback,
} from '../../core/cadence';
import { setLocale } from '../../core/i18n';
import { bestScript, builtInScripts } from '../../core/scripts';
import { CallbackRepository, CustomerRepository, DealerDeskDatabase, replanAll, SettingsRepository } from '../../storage';
import { settingsSchema } from '../../storage/schemas/settings';
import { SHANGHAI, sh, shanghaiPlanSettings as settings } from './support/shanghai';


const owner: PlanCustomer = {
  id: 'c1',
  stage: 'owner',
  grade: 'O',
  deal: { status: 'won', won: { deliveredAt: sh('2024-03-01 10:00') } },
  createdAt: sh('2024-03-01 10:00'),
  updatedAt: sh('2024-03-01 10:00'),
};

function lead(overrides: Partial<PlanCustomer>): PlanCustomer {
  return { id: 'c2', stage: 'intent', grade: 'A', deal: { status: 'open' }, createdAt: sh('2026-11-01 10:00'), updatedAt: sh('2026-11-01 10:00'), ...overrides };
}

/** The holiday greeting planned for `card` at `now`, if any. */
function greeting(card: PlanCustomer, now: number, rules: PlanSettings = settings): PlannedCallback | undefined {
  const planned = planCallbacks(card, [], rules, now).filter((callback) => callback.kind === 'holiday');
  expect(planned.length).toBeLessThanOrEqual(1);
  return planned[0];
}

function dateOf(id: HolidayId, year: number): string | undefined {
  return HOLIDAY_CALENDAR.find((holiday) => holiday.id === id && holiday.year === year)?.date;
}

describe('the holiday calendar', () => {
  test.each([
    ['spring_festival', 2024, '2024-02-10'],
    ['spring_festival', 2025, '2025-01-29'],
    ['spring_festival', 2026, '2026-02-17'],
    // New moons within minutes of Beijing midnight, where a rough astronomical model is a day off.
    ['spring_festival', 2027, '2027-02-06'],
    ['spring_festival', 2030, '2030-02-03'],
    ['mid_autumn', 2025, '2025-10-06'],
    ['mid_autumn', 2026, '2026-09-25'],
    ['mid_autumn', 2031, '2031-10-01'],
    ['dragon_boat', 2025, '2025-05-31'],
    ['dragon_boat', 2026, '2026-06-19'],
    ['new_year', 2030, '2030-01-01'],
    ['labour_day', 2030, '2030-05-01'],
    ['national_day', 2040, '2040-10-01'],
  ] as const)('%s %i is %s', (id, year, date) => {
    expect(dateOf(id, year)).toBe(date);
  });

  test('every covered year has each greeting day once, in date order, and no 清明', () => {
    for (let year = HOLIDAY_FIRST_YEAR; year <= HOLIDAY_LAST_YEAR; year++) {
      expect(HOLIDAY_CALENDAR.filter((holiday) => holiday.year === year).map((holiday) => holiday.id).sort()).toEqual([...HOLIDAY_IDS].sort());
    }
    const days = HOLIDAY_CALENDAR.map((holiday) => holiday.dayNumber);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(HOLIDAY_IDS).not.toContain('qingming');
  });

  test('lunar dates keep the lunar calendar’s shape: years of 12 or 13 months, 端午 to 中秋 3 or 4 months', () => {
    const day = (id: HolidayId, year: number) => HOLIDAY_CALENDAR.find((holiday) => holiday.id === id && holiday.year === year)!.dayNumber;
    // A leap month falls between 端午 and 中秋 in these years (闰六月 2025, 2036; 闰五月 2028, 2039).
    const leapBetween = [2025, 2028, 2036, 2039];
    for (let year = HOLIDAY_FIRST_YEAR; year <= HOLIDAY_LAST_YEAR; year++) {
      const spring = dateOf('spring_festival', year)!;
      expect(spring >= `${year}-01-21` && spring <= `${year}-02-20`, spring).toBe(true);
      // 1/1 → 5/5 is four lunar months and four days (five months with a leap 1st–4th month).
      expect([[121, 122, 123, 124, 125, 126], [150, 151, 152, 153, 154, 155]].flat()).toContain(day('dragon_boat', year) - day('spring_festival', year));
      const summer = day('mid_autumn', year) - day('dragon_boat', year);
      expect(leapBetween.includes(year) ? summer >= 126 && summer <= 130 : summer >= 97 && summer <= 100, `${year}: ${summer} days`).toBe(true);
      if (year < HOLIDAY_LAST_YEAR) expect([353, 354, 355, 383, 384, 385]).toContain(day('spring_festival', year + 1) - day('spring_festival', year));
    }
  });

  test('agrees with the runtime’s Chinese calendar, except where its new moon is minutes off', () => {
    const chinese = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
    if (chinese.resolvedOptions().calendar !== 'chinese') return;
    const lunarDay: Partial<Record<HolidayId, string>> = { spring_festival: '1/1', dragon_boat: '5/5', mid_autumn: '8/15' };
    // ICU puts these a day late (2027) and a day early (2030); a newer ICU may have them right.
    const known = new Set(['2027-02-06', '2030-02-03']);
    for (const holiday of HOLIDAY_CALENDAR) {
      const expected = lunarDay[holiday.id];
      if (!expected || known.has(holiday.date)) continue;
      const parts = chinese.formatToParts(Date.parse(`${holiday.date}T00:00:00Z`));
      const monthDay = `${parts.find((part) => part.type === 'month')?.value}/${parts.find((part) => part.type === 'day')?.value}`;
      expect(monthDay, `${holiday.id} ${holiday.date}`).toBe(expected);
    }
  });
});

describe('who gets a holiday greeting', () => {
  const now = sh('2026-11-23 10:00');
  test.each([
    ['an owner', owner],
    ['a dormant owner', { ...owner, stage: 'dormant' as const }],
    ['a customer whose car was delivered', lead({ grade: 'O', deal: { status: 'won', won: { deliveredAt: sh('2026-10-01 10:00') } } })],
    ['an ordered customer (O)', lead({ grade: 'O', deal: { status: 'won', won: { orderedAt: sh('2026-11-01 10:00') } } })],
    ['an H lead', lead({ grade: 'H' })],
    ['an A lead', lead({ grade: 'A' })],
    ['a B lead', lead({ grade: 'B', stage: 'potential' })],
  ])('%s does', (_, card) => {
    expect(greeting(card, now)).toMatchObject({ kind: 'holiday', channel: 'sms', planKey: 'holiday:new_year:2027-01-01' });
  });

  test.each([
    ['a C lead', lead({ grade: 'C' })],
    ['an F lead', lead({ grade: 'F' })],
    ['a lost deal awaiting approval', lead({ grade: 'B', deal: { status: 'lost' } })],
    ['a lost customer', lead({ grade: 'B', stage: 'lost' })],
    ['an owner graded F', { ...owner, grade: 'F' as const }],
    ['a deleted owner', { ...owner, deletedAt: now }],
  ])('%s does not', (_, card) => {
    expect(greeting(card, now)).toBeUndefined();
  });
});

describe('which holiday, and when', () => {
  test.each([
    ['2026-11-23 10:00', 'holiday:new_year:2027-01-01', '2026-12-31 09:00'],
    // Across the year boundary: the eve and the day itself keep the holiday; the day after moves on.
    ['2026-12-31 10:00', 'holiday:new_year:2027-01-01', '2026-12-31 09:00'],
    ['2027-01-01 23:59', 'holiday:new_year:2027-01-01', '2026-12-31 09:00'],
    ['2027-01-02 00:00', 'holiday:spring_festival:2027-02-06', '2027-02-05 09:00'],
    ['2027-02-07 08:00', 'holiday:labour_day:2027-05-01', '2027-04-30 09:00'],
    ['2027-05-02 08:00', 'holiday:dragon_boat:2027-06-09', '2027-06-08 09:00'],
    ['2027-06-10 08:00', 'holiday:mid_autumn:2027-09-15', '2027-09-14 09:00'],
    ['2027-09-16 08:00', 'holiday:national_day:2027-10-01', '2027-09-30 09:00'],
    ['2027-10-02 08:00', 'holiday:new_year:2028-01-01', '2027-12-31 09:00'],
    // 国庆 and 中秋 in one week share one greeting, named for both, and 中秋 is not greeted again.
    ['2025-09-20 10:00', 'holiday:national_day+mid_autumn:2025-10-01', '2025-09-30 09:00'],
    ['2025-10-02 10:00', 'holiday:new_year:2026-01-01', '2025-12-31 09:00'],
    ['2031-09-20 10:00', 'holiday:mid_autumn+national_day:2031-10-01', '2031-09-30 09:00'],
    // Two weeks apart, two greetings.
    ['2024-09-01 10:00', 'holiday:mid_autumn:2024-09-17', '2024-09-16 09:00'],
    ['2024-09-18 10:00', 'holiday:national_day:2024-10-01', '2024-09-30 09:00'],
  ])('at %s the next greeting is %s, due %s', (now, planKey, due) => {
    expect(greeting(owner, sh(now))).toMatchObject({ planKey, dueAt: sh(due), supersededAt: sh(`${planKey.slice(-10)} 00:00`) + 24 * 3600_000 });
  });

  test('the days are read in the settings’ zone, whatever the machine’s', () => {
    // 16:30 UTC on 1 January is already 2 January in Shanghai, still New Year's Day on a machine in UTC.
    const now = Date.parse('2027-01-01T16:30:00Z');
    expect(greeting(owner, now)?.planKey).toBe('holiday:spring_festival:2027-02-06');
    expect(greeting(owner, now, { ...settings, timeZone: 'UTC' })?.planKey).toBe('holiday:new_year:2027-01-01');
    expect(greeting(owner, Date.parse('2026-12-31T16:30:00Z'))?.planKey).toBe('holiday:new_year:2027-01-01');
    // 09:00 on the eve where the consultant works.
    expect(greeting(owner, sh('2026-11-23 10:00'), { ...settings, timeZone: 'America/Los_Angeles' })?.dueAt).toBe(Date.parse('2026-12-31T17:00:00Z'));
  });

  test('never in quiet hours: a working day that starts early waits until the quiet hours end', () => {
    const early = { ...settings, workingHours: { start: '07:00', end: '20:00' } };
    expect(greeting(owner, sh('2026-11-23 10:00'), early)?.dueAt).toBe(sh('2026-12-31 08:30'));
  });

  test('only the enabled holidays are greeted', () => {
    const springOnly = { ...settings, holidays: ['spring_festival' as const] };
    expect(greeting(owner, sh('2026-11-23 10:00'), springOnly)?.planKey).toBe('holiday:spring_festival:2027-02-06');
    expect(greeting(owner, sh('2026-11-23 10:00'), { ...settings, holidays: [] })).toBeUndefined();
    // Without 国庆, 中秋 2025 stands on its own day.
    const noNationalDay = { ...settings, holidays: HOLIDAY_IDS.filter((id) => id !== 'national_day') };
    expect(greeting(owner, sh('2025-09-20 10:00'), noNationalDay)?.planKey).toBe('holiday:mid_autumn:2025-10-06');
  });

  test('past the end of the table nothing is planned rather than a wrong date', () => {
    expect(greeting(owner, sh(`${HOLIDAY_LAST_YEAR}-10-02 10:00`))).toBeUndefined();
  });
});

describe('re-planning holiday greetings', () => {
  const stored = (planned: PlannedCallback[], status: ExistingCallback['status'] = 'open'): ExistingCallback[] =>
    planned.map((callback, index) => ({ id: `cb${index}`, planKey: callback.planKey, status, dueAt: callback.dueAt }));
  const planAt = (now: number) => planCallbacks(owner, [], settings, now).filter((callback) => callback.kind === 'holiday');

  test('is idempotent: the same greeting is never written twice', () => {
    const now = sh('2026-11-23 10:00');
    const first = reconcileCallbacks(planAt(now), [], now);
    expect(first.create.map((callback) => callback.planKey)).toEqual(['holiday:new_year:2027-01-01']);
    expect(reconcileCallbacks(planAt(sh('2026-12-01 10:00')), stored(first.create), sh('2026-12-01 10:00'))).toEqual({ create: [], reschedule: [], cancel: [] });
  });

  test('a sent greeting stays done; after the holiday the next one is planned', () => {
    const sent = stored(planAt(sh('2026-12-31 10:00')), 'done');
    expect(reconcileCallbacks(planAt(sh('2027-01-01 10:00')), sent, sh('2027-01-01 10:00'))).toEqual({ create: [], reschedule: [], cancel: [] });
    const after = reconcileCallbacks(planAt(sh('2027-01-02 10:00')), sent, sh('2027-01-02 10:00'));
    expect(after.create.map((callback) => callback.planKey)).toEqual(['holiday:spring_festival:2027-02-06']);
    expect(after.cancel).toEqual([]);
  });

  test('a greeting left unsent is withdrawn once its holiday has passed, and the next one takes over', () => {
    const unsent = stored(planAt(sh('2026-12-31 10:00')));
    const after = reconcileCallbacks(planAt(sh('2027-01-02 10:00')), unsent, sh('2027-01-02 10:00'));
    expect(after.cancel).toEqual(['cb0']);
    expect(after.create.map((callback) => callback.planKey)).toEqual(['holiday:spring_festival:2027-02-06']);
  });

  test('a lead that turns F loses its open greeting', () => {
    const now = sh('2026-11-23 10:00');
    const open = stored(planCallbacks(lead({ grade: 'H' }), [], settings, now).filter((callback) => callback.kind === 'holiday'));
    const lost = planCallbacks(lead({ grade: 'F' }), [], settings, now);
    expect(reconcileCallbacks(lost, open, now).cancel).toEqual(['cb0']);
  });
});

describe('the greeting in front of the consultant', () => {
  test.each([
    ['zh_CN', 'holiday:national_day+mid_autumn:2025-10-01', '国庆节、中秋节问候（2025年10月1日）'],
    ['zh_CN', 'holiday:spring_festival:2027-02-06', '春节问候（2027年2月6日）'],
    ['en', 'holiday:national_day+mid_autumn:2025-10-01', 'National Day and Mid-Autumn Festival greeting (Oct 1, 2025)'],
    ['en', 'holiday:dragon_boat:2026-06-19', 'Dragon Boat Festival greeting (Jun 19, 2026)'],
  ] as const)('in %s, %s reads “%s”', (locale, planKey, reason) => {
    setLocale(locale);
    try {
      expect(callbackReason({ kind: 'holiday', planKey })).toBe(reason);
    } finally {
      setLocale('zh_CN');
    }
  });

  test.each(['zh_CN', 'en'] as const)('every holiday has a name in %s', (locale) => {
    setLocale(locale);
    try {
      for (const id of HOLIDAY_IDS) expect(callbackReason({ kind: 'holiday', planKey: `holiday:${id}:2030-01-01` })).not.toMatch(/cadence_|holiday/);
    } finally {
      setLocale('zh_CN');
    }
  });

  test('the script panel offers the holiday SMS for a greeting, for owners and leads alike', () => {
    for (const card of [owner, lead({ grade: 'H' }), lead({ grade: 'B', stage: 'potential' })]) {
      const callback = greeting(card, sh('2026-11-23 10:00'))!;
      expect(bestScript(builtInScripts('zh_CN'), { stage: card.stage, grade: card.grade, callback })?.id).toBe('builtin:holiday_sms:zh_CN');
    }
  });
});

describe('settings', () => {
  test('settings stored before holiday greetings existed greet on every holiday', () => {
    const stored = settingsSchema.parse({ followUpRules: { firstServiceKm: 3000 } });
    expect(stored.followUpRules.holidays).toEqual([...HOLIDAY_IDS]);
    expect(settingsSchema.parse({}).followUpRules.holidays).toEqual([...HOLIDAY_IDS]);
  });

  test('a holiday switched off stays off; an unknown one is refused', () => {
    expect(settingsSchema.parse({ followUpRules: { holidays: ['spring_festival'] } }).followUpRules.holidays).toEqual(['spring_festival']);
    expect(settingsSchema.safeParse({ followUpRules: { holidays: ['qingming'] } }).success).toBe(false);
  });
});

describe('in the stored book, re-planned day by day', () => {
  let db: DealerDeskDatabase | undefined;
  afterEach(async () => {
    db?.close();
    await db?.delete();
    db = undefined;
  });

  test('one greeting at a time: sent stays sent, the next one arrives the day after the holiday, a switched-off holiday goes', async () => {
    db = new DealerDeskDatabase('holiday-greetings');
    await new SettingsRepository(db).update({ timeZone: SHANGHAI });
    const created = await new CustomerRepository(db, () => sh('2026-12-20 10:00')).create({
      name: '陈静',
      phones: [{ number: '13800138000' }],
      stage: 'owner',
      grade: 'O',
      deal: { status: 'won', won: { model: '问界M7', deliveredAt: sh('2025-06-01 10:00') } },
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const greetings = async () =>
      (await new CallbackRepository(db!).forCustomer(created.value.id)).filter((c) => c.kind === 'holiday').map((c) => [c.planKey, c.status, c.dueAt]);
    expect(await greetings()).toEqual([['holiday:new_year:2027-01-01', 'open', sh('2026-12-31 09:00')]]);

    // The daily re-plan writes nothing new while the greeting stands; the consultant sends it on the eve.
    await replanAll(db, sh('2026-12-31 08:00'));
    const [greeting] = (await new CallbackRepository(db).forCustomer(created.value.id)).filter((c) => c.kind === 'holiday');
    await new CallbackRepository(db, () => sh('2026-12-31 09:30')).markDone(greeting!.id);
    await replanAll(db, sh('2027-01-01 10:00'));
    expect(await greetings()).toEqual([['holiday:new_year:2027-01-01', 'done', sh('2026-12-31 09:00')]]);

    await replanAll(db, sh('2027-01-02 00:10'));
    expect(await greetings()).toEqual([
      ['holiday:new_year:2027-01-01', 'done', sh('2026-12-31 09:00')],
      ['holiday:spring_festival:2027-02-06', 'open', sh('2027-02-05 09:00')],
    ]);

    await new SettingsRepository(db).update({ followUpRules: { holidays: ['labour_day'] } });
    await replanAll(db, sh('2027-01-02 10:00'));
    expect(await greetings()).toEqual([
      ['holiday:new_year:2027-01-01', 'done', sh('2026-12-31 09:00')],
      ['holiday:spring_festival:2027-02-06', 'cancelled', sh('2027-02-05 09:00')],
      ['holiday:labour_day:2027-05-01', 'open', sh('2027-04-30 09:00')],
    ]);
  });
});
