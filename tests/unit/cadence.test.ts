import { describe, expect, test } from 'vitest';
import {
  fitToWorkingHours,
  planCallbacks,
  reconcileCallbacks,
  type ExistingCallback,
  type PlanCustomer,
  type PlanFollowUp,
  type PlanSettings,
  type PlannedCallback,
} from '../../core/cadence';
import { SHANGHAI, sh, shanghaiPlanSettings as settings } from './support/shanghai';


function customer(overrides: Partial<PlanCustomer> = {}): PlanCustomer {
  return { id: 'c1', stage: 'potential', grade: 'C', createdAt: sh('2026-11-23 10:00'), updatedAt: sh('2026-11-23 10:00'), deal: { status: 'open' }, ...overrides };
}

function plan(card: PlanCustomer, followUps: PlanFollowUp[] = [], now = sh('2026-11-23 10:00'), rules: PlanSettings = settings): PlannedCallback[] {
  return planCallbacks(card, followUps, rules, now);
}

function dueOf(planned: PlannedCallback[], key: string): number | undefined {
  return planned.find((callback) => callback.planKey === key)?.dueAt;
}

function keys(planned: PlannedCallback[]): string[] {
  return planned.map((callback) => callback.planKey).sort();
}

describe('first contact of a new lead', () => {
  test('is due the moment the lead was captured, even at night, and never moved', () => {
    for (const capturedAt of [sh('2026-11-23 10:00'), sh('2026-11-23 02:00')]) {
      const planned = plan(customer({ source: { capturedAt } }), [], capturedAt);
      expect(planned.find((c) => c.planKey === 'first_contact')).toMatchObject({ kind: 'first_contact', dueAt: capturedAt });
    }
  });

  test('is no longer wanted once the customer has been contacted', () => {
    expect(keys(plan(customer(), [{ at: sh('2026-11-23 10:20'), method: 'call' }]))).not.toContain('first_contact');
  });

  test('is not planned for owners, lost deals or grade F', () => {
    for (const card of [customer({ stage: 'owner' }), customer({ deal: { status: 'lost' } }), customer({ grade: 'F' })]) {
      expect(keys(plan(card))).not.toContain('first_contact');
    }
  });
});

describe('grade cadence', () => {
  const lastContact = sh('2026-11-23 15:00');
  test.each([
    ['H', '2026-11-25 15:00'],
    ['A', '2026-11-28 15:00'],
    ['B', '2026-11-30 15:00'],
    ['C', '2026-12-08 15:00'],
  ] as const)('grade %s: next call at %s, counted from the last contact', (grade, expected) => {
    const planned = plan(customer({ grade }), [{ at: sh('2026-11-20 11:00'), method: 'call' }, { at: lastContact, method: 'store_visit' }]);
    expect(dueOf(planned, `grade_cadence:${lastContact}`)).toBe(sh(expected));
  });

  test.each(['O', 'F'] as const)('grade %s has no grade cadence by default', (grade) => {
    expect(plan(customer({ grade }), [{ at: lastContact, method: 'call' }]).filter((c) => c.kind === 'grade_cadence')).toEqual([]);
  });

  test('the table comes from settings (some dealers call H weekly)', () => {
    const weekly = { ...settings, cadence: { ...settings.cadence, H: 7, O: 3 } };
    expect(dueOf(plan(customer({ grade: 'H' }), [{ at: lastContact, method: 'call' }], lastContact, weekly), `grade_cadence:${lastContact}`)).toBe(sh('2026-11-30 15:00'));
    expect(dueOf(plan(customer({ grade: 'O' }), [{ at: lastContact, method: 'call' }], lastContact, weekly), `grade_cadence:${lastContact}`)).toBe(sh('2026-11-26 15:00'));
  });

  test("the consultant's own next date wins over the interval", () => {
    const nextAt = sh('2026-11-24 11:30');
    expect(dueOf(plan(customer({ grade: 'C' }), [{ at: lastContact, method: 'call', nextAt }]), `grade_cadence:${lastContact}`)).toBe(nextAt);
  });

  test('a new lead gets its first grade call counted from the capture', () => {
    const capturedAt = sh('2026-11-23 10:00');
    expect(dueOf(plan(customer({ grade: 'A', source: { capturedAt } })), `grade_cadence:${capturedAt}`)).toBe(sh('2026-11-28 10:00'));
  });

  test.each([
    ['2026-11-23 19:30', '2026-11-25 19:30'],
    ['2026-11-23 20:30', '2026-11-26 09:00'],
    ['2026-11-23 07:00', '2026-11-25 09:00'],
  ])('a call that would fall outside working hours (last contact %s) moves to %s', (last, expected) => {
    const at = sh(last);
    expect(dueOf(plan(customer({ grade: 'H' }), [{ at, method: 'call' }]), `grade_cadence:${at}`)).toBe(sh(expected));
  });

  test.each([
    ['owner stage', customer({ stage: 'owner' })],
    ['lost deal awaiting approval', customer({ deal: { status: 'lost' } })],
    ['dormant stage', customer({ stage: 'dormant' })],
  ])('stops for a %s', (_, card) => {
    expect(plan(card, [{ at: lastContact, method: 'call' }]).filter((c) => c.kind === 'grade_cadence')).toEqual([]);
  });
});

describe('after delivery', () => {
  const won = (deliveredAt: number): Partial<PlanCustomer> => ({ stage: 'owner', grade: 'O', deal: { status: 'won', won: { deliveredAt } } });

  test('SMS and call two hours after handing over, SMS at 2 days, call at 7 days, then 1, 3 and 6 months', () => {
    const planned = plan(customer(won(sh('2026-11-23 16:00'))), [], sh('2026-11-23 16:05'));
    const steps = Object.fromEntries(planned.filter((c) => c.kind === 'post_delivery').map((c) => [c.planKey, c.dueAt]));
    expect(steps).toEqual({
      'post_delivery:eve': sh('2026-11-22 09:00'),
      'post_delivery:2h_sms': sh('2026-11-23 18:00'),
      'post_delivery:2h_call': sh('2026-11-23 18:00'),
      'post_delivery:2d_sms': sh('2026-11-25 09:00'),
      'post_delivery:7d_call': sh('2026-11-30 09:00'),
      'post_delivery:1m_call': sh('2026-12-23 09:00'),
      'post_delivery:3m_call': sh('2027-02-23 09:00'),
      'post_delivery:6m_call': sh('2027-05-23 09:00'),
    });
    expect(planned.find((c) => c.planKey === 'post_delivery:2h_sms')?.channel).toBe('sms');
  });

  test('a late-evening delivery gets its two-hour messages the next morning, not in quiet hours', () => {
    expect(dueOf(plan(customer(won(sh('2026-11-23 19:30')))), 'post_delivery:2h_sms')).toBe(sh('2026-11-24 09:00'));
  });

  test('a month after 31 January is the last day of February', () => {
    expect(dueOf(plan(customer(won(sh('2027-01-31 10:00')))), 'post_delivery:1m_call')).toBe(sh('2027-02-28 09:00'));
  });

  test('a booked delivery gets a confirmation call the day before', () => {
    const planned = plan(customer({ stage: 'intent', grade: 'O', deal: { status: 'won', won: { deliveredAt: sh('2026-11-28 10:00') } } }));
    expect(dueOf(planned, 'post_delivery:eve')).toBe(sh('2026-11-27 09:00'));
  });
});

describe('first service', () => {
  const delivered = sh('2026-06-01 10:00');
  const owner = (vehicle: PlanCustomer['ownedVehicle'], updatedAt = delivered): PlanCustomer =>
    customer({ stage: 'owner', grade: 'O', deal: { status: 'won', won: { deliveredAt: delivered } }, ownedVehicle: vehicle, updatedAt });

  test('by months when the mileage is unknown: a week before six months', () => {
    expect(dueOf(plan(owner(undefined)), 'first_service')).toBe(sh('2026-11-24 09:00'));
  });

  test('by km when the owner drives a lot: 4,000 km in 61 days reaches 5,000 km in mid-August', () => {
    // 5000 km at 4000/61 km a day is day 76 (16 August); called a week before.
    expect(dueOf(plan(owner({ mileageKm: 4000 }, sh('2026-08-01 10:00'))), 'first_service')).toBe(sh('2026-08-09 09:00'));
  });

  test('not planned once the car has been serviced after delivery', () => {
    expect(keys(plan(owner({ lastServiceAt: sh('2026-09-01 10:00') })))).not.toContain('first_service');
  });
});

describe('insurance renewal', () => {
  test('calls 45, 33 and 30 days before the policy expires', () => {
    const planned = plan(customer({ stage: 'owner', ownedVehicle: { insuranceExpiresAt: sh('2027-01-15 00:00') } }));
    const steps = planned.filter((c) => c.kind === 'insurance_renewal').map((c) => [c.planKey, c.dueAt]);
    expect(steps).toEqual([
      ['insurance:2027-01-15:45d', sh('2026-12-01 09:00')],
      ['insurance:2027-01-15:33d', sh('2026-12-13 09:00')],
      ['insurance:2027-01-15:30d', sh('2026-12-16 09:00')],
    ]);
  });

  test('a renewed policy (new expiry) replaces the old windows', () => {
    const before = plan(customer({ ownedVehicle: { insuranceExpiresAt: sh('2026-12-20 00:00') } }));
    const after = plan(customer({ ownedVehicle: { insuranceExpiresAt: sh('2027-12-20 00:00') } }));
    const existing = before.map((c, index) => ({ id: `x${index}`, planKey: c.planKey, status: 'open' as const, dueAt: c.dueAt }));
    const changes = reconcileCallbacks(after, existing, sh('2026-11-23 10:00'));
    expect(changes.cancel.length).toBeGreaterThanOrEqual(3);
    expect(changes.create.map((c) => c.planKey)).toContain('insurance:2027-12-20:45d');
  });
});

describe('birthday', () => {
  test.each([
    ['05-20', 'birthday:2027', '2027-05-20 09:00'],
    ['1990-11-23', 'birthday:2026', '2026-11-23 09:00'],
    ['12-01', 'birthday:2026', '2026-12-01 09:00'],
  ])('%s → %s', (birthday, key, due) => {
    expect(dueOf(plan(customer({ birthday })), key)).toBe(sh(due));
  });

  test('29 February is greeted on 28 February in other years', () => {
    expect(dueOf(plan(customer({ birthday: '02-29' }), [], sh('2026-11-23 10:00')), 'birthday:2027')).toBe(sh('2027-02-28 09:00'));
  });
});

describe('dormant owners', () => {
  test('an owner not seen for three years is called as a lead again', () => {
    const card = customer({ stage: 'owner', deal: { status: 'won', won: { deliveredAt: sh('2023-01-10 10:00') } }, ownedVehicle: { lastServiceAt: sh('2023-07-01 10:00') } });
    expect(dueOf(plan(card), 'dormant:2023-07-01')).toBe(sh('2026-07-01 09:00'));
    // A later visit to the store resets the clock.
    expect(dueOf(plan(card, [{ at: sh('2025-03-01 15:00'), method: 'store_visit' }]), 'dormant:2025-03-01')).toBe(sh('2028-03-01 09:00'));
  });

  test('leads without a car are not dormant owners', () => {
    expect(plan(customer()).filter((c) => c.kind === 'dormant_owner')).toEqual([]);
  });
});

describe('time zones and day boundaries', () => {
  // 20:00 UTC on 23 November is already 04:00 on the 24th in Shanghai but noon on the 23rd in Los Angeles.
  const now = Date.parse('2026-11-23T20:00:00Z');
  test.each([
    [SHANGHAI, '11-24', 'birthday:2026', '2026-11-24T01:00:00Z'],
    ['America/Los_Angeles', '11-24', 'birthday:2026', '2026-11-24T17:00:00Z'],
    [SHANGHAI, '11-23', 'birthday:2027', '2027-11-23T01:00:00Z'],
    ['America/Los_Angeles', '11-23', 'birthday:2026', '2026-11-23T17:00:00Z'],
  ])('in %s a birthday on %s is %s at 09:00 local', (timeZone, birthday, key, due) => {
    expect(dueOf(plan(customer({ birthday }), [], now, { ...settings, timeZone }), key)).toBe(Date.parse(due));
  });

  test('working hours are read in the configured zone, not the machine’s', () => {
    const at = Date.parse('2026-11-23T18:00:00Z'); // 02:00 in Shanghai, 10:00 in London
    expect(fitToWorkingHours(at, settings, SHANGHAI)).toBe(sh('2026-11-24 09:00'));
    expect(fitToWorkingHours(at, settings, 'Europe/London')).toBe(at);
  });

  test('a day boundary crossed by daylight saving keeps 09:00 local', () => {
    // New York leaves daylight saving on 1 November 2026.
    const planned = plan(customer({ ownedVehicle: { insuranceExpiresAt: Date.parse('2026-12-10T12:00:00Z') } }), [], Date.parse('2026-10-01T12:00:00Z'), {
      ...settings,
      timeZone: 'America/New_York',
    });
    expect(dueOf(planned, 'insurance:2026-12-10:45d')).toBe(Date.parse('2026-10-26T13:00:00Z')); // EDT
    expect(dueOf(planned, 'insurance:2026-12-10:33d')).toBe(Date.parse('2026-11-07T14:00:00Z')); // EST
  });
});

describe('re-planning', () => {
  const now = sh('2026-11-23 10:00');
  const stored = (planned: PlannedCallback[]): ExistingCallback[] =>
    planned.map((c, index) => ({ id: `cb${index}`, planKey: c.planKey, status: 'open', dueAt: c.dueAt }));

  test('is idempotent: planning the same customer twice changes nothing', () => {
    const card = customer({ grade: 'A', birthday: '12-01', ownedVehicle: { insuranceExpiresAt: sh('2027-01-15 00:00') } });
    const first = plan(card);
    expect(reconcileCallbacks(first, [], now).create).toHaveLength(first.length);
    expect(reconcileCallbacks(plan(card), stored(first), now)).toEqual({ create: [], reschedule: [], cancel: [] });
  });

  test('done callbacks stay done and are never planned again', () => {
    const first = plan(customer());
    const done = stored(first).map((c) => ({ ...c, status: 'done' as const }));
    expect(reconcileCallbacks(plan(customer()), done, now)).toEqual({ create: [], reschedule: [], cancel: [] });
  });

  test('manual callbacks are kept whatever the plan', () => {
    const manual: ExistingCallback = { id: 'm1', status: 'open', dueAt: now };
    expect(reconcileCallbacks([], [manual], now)).toEqual({ create: [], reschedule: [], cancel: [] });
  });

  test('a grade change moves the open grade call; grade F withdraws it', () => {
    const last = sh('2026-11-22 15:00');
    const followUps = [{ at: last, method: 'call' }];
    const existing = stored(plan(customer({ grade: 'C' }), followUps));
    const toH = reconcileCallbacks(plan(customer({ grade: 'H' }), followUps), existing, now);
    expect(toH.reschedule).toEqual([{ id: existing.find((c) => c.planKey === `grade_cadence:${last}`)!.id, dueAt: sh('2026-11-24 15:00'), reopen: false }]);
    const toF = reconcileCallbacks(plan(customer({ grade: 'F' }), followUps), existing, now);
    expect(toF.cancel).toEqual([existing.find((c) => c.planKey === `grade_cadence:${last}`)!.id]);
    // Back from F: the withdrawn call is reopened rather than duplicated (B leads also get holiday greetings).
    const withdrawn = existing.map((c) => ({ ...c, status: 'cancelled' as const }));
    const back = reconcileCallbacks(plan(customer({ grade: 'B' }), followUps), withdrawn, now);
    expect(back.create.map((c) => c.kind)).toEqual(['holiday']);
    expect(back.reschedule).toEqual([{ id: withdrawn[0]!.id, dueAt: sh('2026-11-29 15:00'), reopen: true }]);
  });

  test('a new contact replaces the open grade call with one counted from it', () => {
    const existing = stored(plan(customer({ grade: 'A' }), [{ at: sh('2026-11-20 10:00'), method: 'call' }]));
    const changes = reconcileCallbacks(plan(customer({ grade: 'A' }), [{ at: sh('2026-11-20 10:00'), method: 'call' }, { at: now, method: 'call' }]), existing, now);
    expect(changes.cancel).toHaveLength(1);
    expect(changes.create.map((c) => [c.planKey, c.dueAt])).toEqual([[`grade_cadence:${now}`, sh('2026-11-28 10:00')]]);
  });

  test('a snoozed callback keeps the time the consultant chose', () => {
    const snoozed: ExistingCallback = { id: 's1', planKey: 'first_contact', status: 'open', dueAt: sh('2026-11-23 15:00'), snoozedUntil: sh('2026-11-23 15:00') };
    expect(reconcileCallbacks(plan(customer({ grade: 'A' })), [snoozed], now).reschedule).toEqual([]);
  });

  test('an owner imported long after delivery gets the current step, not every missed one', () => {
    const card = customer({ stage: 'owner', grade: 'O', deal: { status: 'won', won: { deliveredAt: sh('2026-10-01 10:00') } } });
    const created = reconcileCallbacks(plan(card), [], now).create.filter((c) => c.kind === 'post_delivery');
    expect(created.map((c) => c.planKey)).toEqual(['post_delivery:1m_call', 'post_delivery:3m_call', 'post_delivery:6m_call']);
  });

  test('a deleted customer has no planned callbacks left', () => {
    const existing = stored(plan(customer()));
    expect(reconcileCallbacks(plan(customer({ deletedAt: now })), existing, now).cancel).toHaveLength(existing.length);
  });
});

describe('why a callback is due', () => {
  test.each(['zh_CN', 'en'] as const)('every planned step reads as words in %s, never as a message key', async (locale) => {
    const { setLocale } = await import('../../core/i18n');
    const { callbackReason } = await import('../../core/cadence');
    setLocale(locale);
    try {
      const card = customer({ stage: 'owner', grade: 'O', birthday: '12-01', deal: { status: 'won', won: { deliveredAt: sh('2026-11-23 16:00') } }, ownedVehicle: { insuranceExpiresAt: sh('2027-01-15 00:00') } });
      const planned = [...plan(card, [{ at: sh('2026-11-20 10:00'), method: 'store_visit' }]), ...plan(customer({ grade: 'A' }))];
      expect(new Set(planned.map((c) => c.kind))).toEqual(new Set(['first_contact', 'grade_cadence', 'post_delivery', 'first_service', 'insurance_renewal', 'birthday', 'holiday', 'dormant_owner']));
      for (const callback of [...planned, { kind: 'manual' }, { kind: 'manual', note: '回电' }, { kind: 'holiday' }]) {
        const reason = callbackReason(callback, 'A');
        expect(reason, JSON.stringify(callback)).not.toMatch(/cadence_|^$/);
      }
      expect(callbackReason({ kind: 'insurance_renewal', planKey: 'insurance:2027-01-15:33d' })).toBe(locale === 'zh_CN' ? '保险 2027年1月15日 到期：提前 33 天续保' : 'Insurance expires Jan 15, 2027: renewal call 33 days ahead');
    } finally {
      setLocale('zh_CN');
    }
  });
});
