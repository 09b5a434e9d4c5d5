import { FIRST_CONTACT_PLAN_KEY } from '../first-contact';
import type { Grade, Stage } from '../vocabulary';
import { addLocalMonths, fitToWorkingHours, fromLocal, localDateKey, localDayAt, minutesOf, toLocal } from './local-time';
import { civilDayNumber, nextHolidayGreeting, type HolidayGreeting } from './holidays';
import { HOLIDAY_LEAD_GRADES, POST_DELIVERY_STEPS, type PlanSettings } from './rules';

/** What the planner reads of a customer card (storage's Customer fits it). */
export interface PlanCustomer {
  id: string;
  stage: Stage;
  grade: Grade;
  /** `MM-DD` or `YYYY-MM-DD`. */
  birthday?: string;
  source?: { capturedAt?: number };
  deal?: { status: 'open' | 'won' | 'lost'; won?: { orderedAt?: number; deliveredAt?: number } };
  ownedVehicle?: { purchasedAt?: number; mileageKm?: number; insuranceExpiresAt?: number; lastServiceAt?: number };
  createdAt: number;
  /** When the card (and its mileage reading) was last written. */
  updatedAt: number;
  deletedAt?: number;
}

export interface PlanFollowUp {
  at: number;
  method: string;
  /** The consultant's own date for the next contact: it wins over the grade interval. */
  nextAt?: number;
}

export type PlannedKind = 'first_contact' | 'grade_cadence' | 'post_delivery' | 'first_service' | 'insurance_renewal' | 'birthday' | 'holiday' | 'dormant_owner';

/** One callback the customer should have. */
export interface PlannedCallback {
  /** The rule instance: re-planning finds its callback by this key and never writes a second one. */
  planKey: string;
  kind: PlannedKind;
  dueAt: number;
  channel: 'call' | 'sms';
  /**
   * A later step has taken over from this time on: the callback is kept if it exists but no longer
   * created (an owner imported years after delivery gets today's step, not every missed one).
   */
  supersededAt?: number;
}

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/**
 * The only kinds whose planned instance depends on today's date: once the day of the one planned is
 * over, the next is planned (next year's birthday, the next holiday's greeting). Every other rule
 * gives the same callbacks whatever the date, so a book planned at each write needs re-planning, as
 * days pass, only for the customers whose date-rolling callback's day has just ended.
 */
export const DATE_ROLLING_KINDS: readonly PlannedKind[] = ['birthday', 'holiday'];

/**
 * How long after a date-rolling callback falls due its rule moves on to the next one: a birthday SMS
 * is due on the day (the next year's once that day ends); a greeting on the eve, the next one once
 * the holiday ends (at most 48 hours later). With margin for working hours that start late.
 */
export const ROLLS_WITHIN_MS = 3 * DAY;
const SALES_STAGES: readonly Stage[] = ['potential', 'intent'];
/** A first contact not made within this is not created any more (old imports), only kept. */
const FIRST_CONTACT_STALE_MS = 30 * DAY;

/**
 * Every open callback a customer should have under the dealership's rules, as of `now`. Pure: the
 * same inputs always give the same plan, so re-planning after any change is safe.
 */
export function planCallbacks(customer: PlanCustomer, followUps: readonly PlanFollowUp[], settings: PlanSettings, now: number): PlannedCallback[] {
  if (customer.deletedAt !== undefined) return [];
  const plan: PlannedCallback[] = [];
  const zone = settings.timeZone;
  const dayStart = settings.workingHours.start;
  const onDay = (at: number, days: number) => localDayAt(at, days, dayStart, zone);
  const fit = (at: number) => fitToWorkingHours(at, settings, zone);
  const latest = followUps.reduce<PlanFollowUp | undefined>((last, followUp) => (!last || followUp.at > last.at ? followUp : last), undefined);
  const capturedAt = customer.source?.capturedAt ?? customer.createdAt;
  const dealOpen = (customer.deal?.status ?? 'open') === 'open';
  const selling = SALES_STAGES.includes(customer.stage) && dealOpen && customer.grade !== 'F';

  // A new lead is called within the hour: due the moment it was captured, never moved.
  if (selling && !latest) {
    plan.push({ planKey: FIRST_CONTACT_PLAN_KEY, kind: 'first_contact', dueAt: capturedAt, channel: 'call', supersededAt: capturedAt + FIRST_CONTACT_STALE_MS });
  }

  // Grade cadence: counted from the last contact (or the capture), unless the consultant set the next date.
  const interval = settings.cadence[customer.grade];
  if (selling && interval) {
    const anchor = latest?.at ?? capturedAt;
    const dueAt = latest?.nextAt ?? fit(localDayAt(anchor, interval, timeOfDay(anchor, zone), zone));
    plan.push({ planKey: `grade_cadence:${anchor}`, kind: 'grade_cadence', dueAt, channel: 'call' });
  }

  const deliveredAt = customer.deal?.won?.deliveredAt;
  if (deliveredAt !== undefined) {
    // The day before a booked delivery: confirm time, papers and payment.
    const eve = onDay(deliveredAt, -1);
    plan.push({ planKey: 'post_delivery:eve', kind: 'post_delivery', dueAt: eve, channel: 'call', supersededAt: deliveredAt });
    const steps = POST_DELIVERY_STEPS.map((step) => {
      const dueAt =
        step.hours !== undefined
          ? fit(deliveredAt + step.hours * HOUR)
          : step.months !== undefined
            ? addLocalMonths(deliveredAt, step.months, dayStart, zone)
            : onDay(deliveredAt, step.days ?? 0);
      return { planKey: `post_delivery:${step.key}`, kind: 'post_delivery' as const, dueAt, channel: step.channel };
    });
    steps.forEach((step, index) => plan.push({ ...step, supersededAt: steps[index + 1]?.dueAt ?? step.dueAt + 30 * DAY }));
  }

  const vehicle = customer.ownedVehicle;
  const handedOverAt = deliveredAt ?? vehicle?.purchasedAt;
  if (handedOverAt !== undefined && !(vehicle?.lastServiceAt !== undefined && vehicle.lastServiceAt >= handedOverAt)) {
    // First service: by months, or earlier if the mileage so far says the km limit comes first.
    const byMonths = addLocalMonths(handedOverAt, settings.firstServiceMonths, dayStart, zone);
    let dueDay = byMonths;
    const km = vehicle?.mileageKm;
    if (km !== undefined && km > 0 && customer.updatedAt > handedOverAt) {
      const kmPerMs = km / (customer.updatedAt - handedOverAt);
      const byKm = handedOverAt + settings.firstServiceKm / kmPerMs;
      if (byKm < dueDay) dueDay = onDay(byKm, 0);
    }
    const dueAt = Math.max(onDay(dueDay, -settings.firstServiceLeadDays), onDay(handedOverAt, 1));
    plan.push({ planKey: 'first_service', kind: 'first_service', dueAt, channel: 'call', supersededAt: byMonths + 60 * DAY });
  }

  const expiresAt = vehicle?.insuranceExpiresAt;
  if (expiresAt !== undefined) {
    const days = [...settings.insuranceDaysBefore].sort((a, b) => b - a);
    const expiry = localDateKey(expiresAt, zone);
    const steps = days.map((before) => ({
      planKey: `insurance:${expiry}:${before}d`,
      kind: 'insurance_renewal' as const,
      dueAt: onDay(expiresAt, -before),
      channel: 'call' as const,
    }));
    steps.forEach((step, index) => plan.push({ ...step, supersededAt: steps[index + 1]?.dueAt ?? expiresAt }));
  }

  const birthday = nextBirthday(customer.birthday, now, zone);
  if (birthday) {
    const start = minutesOf(dayStart);
    const dueAt = fromLocal({ ...birthday, hour: Math.floor(start / 60), minute: start % 60 }, zone);
    plan.push({ planKey: `birthday:${birthday.year}`, kind: 'birthday', dueAt, channel: 'sms', supersededAt: onDay(dueAt, 1) });
  }

  // Owners not seen for years are worth a call as leads again.
  const isOwner = customer.stage === 'owner' || customer.stage === 'dormant' || deliveredAt !== undefined;
  if (isOwner) {
    const visits = [deliveredAt, vehicle?.purchasedAt, vehicle?.lastServiceAt, ...followUps.filter((f) => f.method === 'store_visit').map((f) => f.at)].filter(
      (at): at is number => at !== undefined,
    );
    if (visits.length > 0) {
      const lastVisit = Math.max(...visits);
      const dueAt = addLocalMonths(lastVisit, settings.dormantAfterYears * 12, dayStart, zone);
      plan.push({ planKey: `dormant:${localDateKey(lastVisit, zone)}`, kind: 'dormant_owner', dueAt, channel: 'call' });
    }
  }

  // One holiday greeting at a time: the next one; once its day has passed, the one after.
  const lost = customer.grade === 'F' || customer.stage === 'lost' || customer.deal?.status === 'lost';
  if (!lost && (isOwner || (SALES_STAGES.includes(customer.stage) && HOLIDAY_LEAD_GRADES.includes(customer.grade)))) {
    const greeting = nextHolidayGreeting(localDayNumber(now, zone), settings.holidays);
    if (greeting) plan.push({ planKey: greeting.planKey, kind: 'holiday', channel: 'sms', ...greetingTimes(greeting, settings) });
  }

  return plan;
}

let today: { now: number; zone: string; dayNumber: number } | undefined;

/** Today's calendar day in `zone`; every customer of a re-plan asks with the same `now`, so the last answer is kept. */
function localDayNumber(now: number, zone: string): number {
  if (today?.now !== now || today.zone !== zone) {
    const { year, month, day } = toLocal(now, zone);
    today = { now, zone, dayNumber: civilDayNumber(year, month, day) };
  }
  return today.dayNumber;
}

let lastGreeting: { greeting: HolidayGreeting; settings: PlanSettings; times: { dueAt: number; supersededAt: number } } | undefined;

/**
 * The greeting SMS is due on the holiday's eve when the working day starts (out of quiet hours), and
 * is no longer created once the holiday is over. Kept for the next customer of the same re-plan.
 */
function greetingTimes(greeting: HolidayGreeting, settings: PlanSettings): { dueAt: number; supersededAt: number } {
  if (lastGreeting?.greeting === greeting && sameHours(lastGreeting.settings, settings)) return lastGreeting.times;
  const zone = settings.timeZone;
  const start = minutesOf(settings.workingHours.start);
  const { year, month, day } = greeting;
  const eve = fromLocal({ year, month, day: day - 1, hour: Math.floor(start / 60), minute: start % 60 }, zone);
  const times = { dueAt: fitToWorkingHours(eve, settings, zone), supersededAt: fromLocal({ year, month, day: day + 1, hour: 0, minute: 0 }, zone) };
  lastGreeting = { greeting, settings, times };
  return times;
}

function sameHours(a: PlanSettings, b: PlanSettings): boolean {
  return (
    a === b ||
    (a.timeZone === b.timeZone &&
      a.workingHours.start === b.workingHours.start &&
      a.workingHours.end === b.workingHours.end &&
      a.quietHours.start === b.quietHours.start &&
      a.quietHours.end === b.quietHours.end)
  );
}

/** `HH:mm` of `at` in `zone`: a grade follow-up keeps the time of day of the last contact. */
function timeOfDay(at: number, zone: string): string {
  const { hour, minute } = toLocal(at, zone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The customer's next birthday on or after today's local date; 29 Feb is kept on 28 Feb in other years. */
export function nextBirthday(birthday: string | undefined, now: number, zone: string): CalendarDay | undefined {
  const match = birthday ? /^(?:\d{4}-)?(\d{2})-(\d{2})$/.exec(birthday) : null;
  if (!match) return undefined;
  const month = Number(match[1]);
  const day = Number(match[2]);
  const today = toLocal(now, zone);
  const inYear = (year: number): CalendarDay => {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { year, month, day: Math.min(day, last) };
  };
  const thisYear = inYear(today.year);
  const passed = thisYear.month < today.month || (thisYear.month === today.month && thisYear.day < today.day);
  return passed ? inYear(today.year + 1) : thisYear;
}
