import type { Grade, SourceChannel } from '../vocabulary';
import { GRADES, SOURCE_CHANNELS } from '../vocabulary';

/** The parts of a customer card the report reads (a stored card fits). */
export interface ReportCustomer {
  id: string;
  grade: Grade;
  source: { channel: SourceChannel };
  consultant?: string;
  createdAt: number;
  deletedAt?: number;
  testDrives: readonly { at: number }[];
  deal: {
    status: 'open' | 'won' | 'lost';
    won?: { orderedAt?: number; deliveredAt?: number };
    lost?: { reason: string; competitorModel?: string; approval: 'pending' | 'approved' | 'returned'; requestedAt?: number; decidedAt?: number };
  };
  ownedVehicle?: { purchasedAt?: number };
}

export interface ReportFollowUp {
  customerId: string;
  at: number;
  method: string;
}

export interface ReportCallback {
  customerId: string;
  dueAt: number;
  status: 'open' | 'done' | 'snoozed' | 'cancelled';
  doneAt?: number;
}

export const FUNNEL_STEPS = ['lead', 'contacted', 'visit', 'testDrive', 'order', 'delivery'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface MonthlyReport {
  /** First and last millisecond of the month, local time. */
  from: number;
  to: number;
  consultant?: string;
  /** Of the month's new leads, how many got at least this far by the end of the month. */
  funnel: { step: FunnelStep; count: number }[];
  bySource: { channel: SourceChannel; leads: number; orders: number; conversion: number }[];
  /** The consultant's live customers by grade, as they stand now. */
  gradeMix: { grade: Grade; count: number }[];
  lostReasons: { label: string; count: number }[];
  competitorModels: { label: string; count: number }[];
  /** Callbacks due in the month: done by the end of their day, done later, or not done at all. */
  callbacks: { onTime: number; late: number; missed: number; pending: number };
  /**
   * Sales to existing customers ÷ (existing customers lost + sales to existing customers); `null`
   * when there was neither. An existing customer already owns a car bought before this order.
   */
  loyalty: { salesToExisting: number; lostExisting: number; rate: number | null };
}

export function monthRange(year: number, month: number): { from: number; to: number } {
  return { from: new Date(year, month - 1, 1).getTime(), to: new Date(year, month, 1).getTime() - 1 };
}

function endOfDay(at: number): number {
  return new Date(at).setHours(23, 59, 59, 999);
}

function tally(labels: readonly string[]): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts.entries()].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** How far a customer got by `to`: the index of the furthest funnel step reached. */
function furthestStep(customer: ReportCustomer, followUps: readonly ReportFollowUp[], to: number): number {
  const won = customer.deal.won;
  if (won?.deliveredAt !== undefined && won.deliveredAt <= to) return 5;
  const ordered = won?.orderedAt ?? (customer.deal.status === 'won' ? won?.deliveredAt : undefined);
  if ((ordered !== undefined && ordered <= to) || (customer.grade === 'O' && customer.deal.status !== 'lost')) return 4;
  const before = followUps.filter((followUp) => followUp.at <= to);
  if (customer.testDrives.some((drive) => drive.at <= to) || before.some((followUp) => followUp.method === 'test_drive')) return 3;
  if (before.some((followUp) => followUp.method === 'store_visit')) return 2;
  return before.length > 0 ? 1 : 0;
}

/**
 * The monthly customer update a consultant hands the showroom manager (by the 15th): for one month
 * and, if given, one consultant. Pure: the same data always gives the same report.
 */
export function monthlyReport(
  data: { customers: readonly ReportCustomer[]; followUps: readonly ReportFollowUp[]; callbacks: readonly ReportCallback[] },
  period: { year: number; month: number; consultant?: string; now?: number },
): MonthlyReport {
  const { from, to } = monthRange(period.year, period.month);
  const now = period.now ?? Date.now();
  const consultant = period.consultant || undefined;
  const customers = data.customers.filter((customer) => customer.deletedAt === undefined && (!consultant || customer.consultant === consultant));
  const ids = new Set(customers.map((customer) => customer.id));
  const followUpsOf = new Map<string, ReportFollowUp[]>();
  for (const followUp of data.followUps) {
    if (!ids.has(followUp.customerId)) continue;
    const list = followUpsOf.get(followUp.customerId) ?? [];
    list.push(followUp);
    followUpsOf.set(followUp.customerId, list);
  }

  const leads = customers.filter((customer) => customer.createdAt >= from && customer.createdAt <= to);
  const reached = leads.map((customer) => furthestStep(customer, followUpsOf.get(customer.id) ?? [], to));
  const funnel = FUNNEL_STEPS.map((step, index) => ({ step, count: reached.filter((furthest) => furthest >= index).length }));

  const bySource = SOURCE_CHANNELS.map((channel) => {
    const mine = leads.map((customer, index) => ({ customer, furthest: reached[index]! })).filter(({ customer }) => customer.source.channel === channel);
    const orders = mine.filter(({ furthest }) => furthest >= 4).length;
    return { channel, leads: mine.length, orders, conversion: mine.length ? orders / mine.length : 0 };
  }).filter((row) => row.leads > 0);

  const gradeMix = GRADES.map((grade) => ({ grade, count: customers.filter((customer) => customer.grade === grade).length }));

  const lost = customers.filter((customer) => {
    const request = customer.deal.lost;
    if (customer.deal.status !== 'lost' || !request || request.approval === 'returned') return false;
    const when = request.requestedAt ?? request.decidedAt;
    return when !== undefined && when >= from && when <= to;
  });

  const callbacks = { onTime: 0, late: 0, missed: 0, pending: 0 };
  for (const callback of data.callbacks) {
    if (!ids.has(callback.customerId) || callback.dueAt < from || callback.dueAt > to || callback.status === 'cancelled') continue;
    const deadline = endOfDay(callback.dueAt);
    if (callback.status === 'done') {
      if ((callback.doneAt ?? deadline) <= deadline) callbacks.onTime++;
      else callbacks.late++;
    } else if (deadline < now) callbacks.missed++;
    else callbacks.pending++;
  }

  const salesToExisting = customers.filter((customer) => {
    const ordered = customer.deal.won?.orderedAt;
    const owned = customer.ownedVehicle?.purchasedAt;
    return customer.deal.status === 'won' && ordered !== undefined && ordered >= from && ordered <= to && owned !== undefined && owned < ordered;
  }).length;
  const lostExisting = lost.filter((customer) => customer.ownedVehicle?.purchasedAt !== undefined).length;

  return {
    from,
    to,
    consultant,
    funnel,
    bySource,
    gradeMix,
    lostReasons: tally(lost.map((customer) => customer.deal.lost!.reason)),
    competitorModels: tally(lost.flatMap((customer) => (customer.deal.lost!.competitorModel ? [customer.deal.lost!.competitorModel] : []))),
    callbacks,
    loyalty: { salesToExisting, lostExisting, rate: salesToExisting + lostExisting > 0 ? salesToExisting / (salesToExisting + lostExisting) : null },
  };
}
