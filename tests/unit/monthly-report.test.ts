import { expect, test } from 'vitest';
import { monthlyReport, type ReportCallback, type ReportCustomer, type ReportFollowUp } from '../../core/report/monthly';

const day = (month: number, date: number, hour = 10): number => new Date(2026, month - 1, date, hour).getTime();

function customer(id: string, patch: Partial<ReportCustomer> = {}): ReportCustomer {
  return { id, grade: 'C', source: { channel: 'walk_in' }, consultant: '李娜', createdAt: day(10, 1), testDrives: [], deal: { status: 'open' }, ...patch };
}

// October 2026. Hand-checked numbers below.
const customers: ReportCustomer[] = [
  // c1: autohome lead, called, came in, test drove, ordered and took delivery in October.
  customer('c1', { source: { channel: 'autohome' }, grade: 'O', createdAt: day(10, 2), testDrives: [{ at: day(10, 6) }], deal: { status: 'won', won: { orderedAt: day(10, 8), deliveredAt: day(10, 20) } } }),
  // c2: autohome lead, called and visited; no test drive.
  customer('c2', { source: { channel: 'autohome' }, grade: 'A', createdAt: day(10, 3) }),
  // c3: autohome lead, never contacted.
  customer('c3', { source: { channel: 'autohome' }, grade: 'B', createdAt: day(10, 4) }),
  // c4: walk-in, test drove (recorded as a follow-up), ordered 31 Oct, delivery in November.
  customer('c4', { grade: 'O', createdAt: day(10, 10), deal: { status: 'won', won: { orderedAt: day(10, 31), deliveredAt: day(11, 5) } } }),
  // c5: walk-in, called, lost to a competitor (request in October).
  customer('c5', { grade: 'F', createdAt: day(10, 12), deal: { status: 'lost', lost: { reason: '价格', competitorModel: '比亚迪宋', approval: 'approved', requestedAt: day(10, 25) } } }),
  // c6: September lead, lost in October, request still pending.
  customer('c6', { grade: 'H', createdAt: day(9, 20), deal: { status: 'lost', lost: { reason: '价格', competitorModel: '比亚迪宋', approval: 'pending', requestedAt: day(10, 15) } } }),
  // c7: existing owner (bought in 2023) who bought again in October: a sale to an existing customer.
  customer('c7', { grade: 'O', createdAt: day(1, 5), ownedVehicle: { purchasedAt: new Date(2023, 4, 1).getTime() }, deal: { status: 'won', won: { orderedAt: day(10, 9) } } }),
  // c8: existing owner lost to a competitor in October.
  customer('c8', { grade: 'F', createdAt: day(2, 1), ownedVehicle: { purchasedAt: new Date(2022, 1, 1).getTime() }, deal: { status: 'lost', lost: { reason: '置换补贴', approval: 'approved', requestedAt: day(10, 18) } } }),
  // c9: existing owner; lost request sent back: not lost.
  customer('c9', { grade: 'B', createdAt: day(3, 1), ownedVehicle: { purchasedAt: new Date(2021, 1, 1).getTime() }, deal: { status: 'lost', lost: { reason: '再考虑', approval: 'returned', requestedAt: day(10, 5) } } }),
  // c10: another consultant's lead.
  customer('c10', { consultant: '王强', source: { channel: 'dongchedi' }, createdAt: day(10, 7) }),
  // c11: deleted lead: never counted.
  customer('c11', { createdAt: day(10, 7), deletedAt: day(10, 8) }),
  // c12: November lead: not in October.
  customer('c12', { createdAt: day(11, 2) }),
];

const followUps: ReportFollowUp[] = [
  { customerId: 'c1', at: day(10, 2, 11), method: 'call' },
  { customerId: 'c1', at: day(10, 5), method: 'store_visit' },
  { customerId: 'c2', at: day(10, 3, 12), method: 'call' },
  { customerId: 'c2', at: day(10, 9), method: 'store_visit' },
  { customerId: 'c4', at: day(10, 10, 11), method: 'test_drive' },
  { customerId: 'c5', at: day(10, 12, 12), method: 'call' },
  // After the month: does not count for October's funnel.
  { customerId: 'c3', at: day(11, 1), method: 'call' },
];

const callbacks: ReportCallback[] = [
  { customerId: 'c1', dueAt: day(10, 3, 9), status: 'done', doneAt: day(10, 3, 18) }, // on time (same day)
  { customerId: 'c2', dueAt: day(10, 4, 9), status: 'done', doneAt: day(10, 6, 9) }, // late
  { customerId: 'c2', dueAt: day(10, 10, 9), status: 'open' }, // missed
  { customerId: 'c3', dueAt: day(10, 11, 9), status: 'snoozed' }, // missed
  { customerId: 'c4', dueAt: day(10, 12, 9), status: 'cancelled' }, // not counted
  { customerId: 'c5', dueAt: day(10, 31, 15), status: 'open' }, // due on the month's last day, report made that morning: pending
  { customerId: 'c1', dueAt: day(9, 30, 9), status: 'open' }, // September: not counted
  { customerId: 'c10', dueAt: day(10, 5, 9), status: 'open' }, // other consultant
];

test('the monthly report for one consultant, on a fixed dataset, matches hand-checked numbers', () => {
  const report = monthlyReport({ customers, followUps, callbacks }, { year: 2026, month: 10, consultant: '李娜', now: day(10, 31, 9) });
  // October leads of 李娜: c1 c2 c3 c4 c5.
  expect(report.funnel).toEqual([
    { step: 'lead', count: 5 },
    { step: 'contacted', count: 4 }, // c1 c2 c4 c5 (c3's call is in November)
    { step: 'visit', count: 3 }, // c1 c2 c4
    { step: 'testDrive', count: 2 }, // c1 c4
    { step: 'order', count: 2 }, // c1 c4
    { step: 'delivery', count: 1 }, // c1 (c4 delivers in November)
  ]);
  expect(report.bySource).toEqual([
    { channel: 'walk_in', leads: 2, orders: 1, conversion: 0.5 },
    { channel: 'autohome', leads: 3, orders: 1, conversion: 1 / 3 },
  ]);
  // Live customers of 李娜 now: c1..c9 and c12 (c11 deleted).
  expect(report.gradeMix).toEqual([
    { grade: 'H', count: 1 },
    { grade: 'A', count: 1 },
    { grade: 'B', count: 2 },
    { grade: 'C', count: 1 },
    { grade: 'O', count: 3 },
    { grade: 'F', count: 2 },
  ]);
  // Lost in October: c5, c6 (pending counts as asked), c8; c9 was sent back.
  expect(report.lostReasons).toEqual([
    { label: '价格', count: 2 },
    { label: '置换补贴', count: 1 },
  ]);
  expect(report.competitorModels).toEqual([{ label: '比亚迪宋', count: 2 }]);
  expect(report.callbacks).toEqual({ onTime: 1, late: 1, missed: 2, pending: 1 });
  // Loyalty: 1 sale to an existing customer (c7) ÷ (1 existing customer lost (c8) + 1) = 50%.
  expect(report.loyalty).toEqual({ salesToExisting: 1, lostExisting: 1, rate: 0.5 });
});

test('all consultants together, and a month with nothing', () => {
  const all = monthlyReport({ customers, followUps, callbacks }, { year: 2026, month: 10, now: day(11, 30) });
  expect(all.funnel[0]).toEqual({ step: 'lead', count: 6 });
  expect(all.bySource.find((row) => row.channel === 'dongchedi')).toEqual({ channel: 'dongchedi', leads: 1, orders: 0, conversion: 0 });
  // After the month, c5's and c10's open callbacks are missed too.
  expect(all.callbacks).toEqual({ onTime: 1, late: 1, missed: 4, pending: 0 });

  const empty = monthlyReport({ customers, followUps, callbacks }, { year: 2025, month: 2, now: day(11, 30) });
  expect(empty.funnel.every((step) => step.count === 0)).toBe(true);
  expect(empty.loyalty.rate).toBeNull();
});
