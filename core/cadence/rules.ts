import { FIRST_CONTACT_GRACE_MS } from '../first-contact';
import type { Grade } from '../vocabulary';
import { HOLIDAY_IDS, type HolidayId } from './holidays';
import type { Hours } from './local-time';

/** The numbers of the follow-up cadence; every one is editable in settings. */
export interface FollowUpRules {
  /** Days between sales follow-ups per grade; null = no grade cadence (O follows delivery steps, F none). */
  cadence: Record<Grade, number | null>;
  /** First service: whichever comes first, this many km or this many months after delivery. */
  firstServiceKm: number;
  firstServiceMonths: number;
  /** How many days before the first service falls due the owner is called to book it. */
  firstServiceLeadDays: number;
  /** Insurance renewal calls, in days before the policy expires (45, 33, 30). */
  insuranceDaysBefore: number[];
  /** An owner not seen for this many years is called as a dormant lead. */
  dormantAfterYears: number;
  /** The holidays owners and warm leads get a greeting SMS for. */
  holidays: HolidayId[];
}

/** A callback is overdue an hour after it fell due (a new lead must be called within the hour). */
export const OVERDUE_AFTER_MS = FIRST_CONTACT_GRACE_MS;

/** When callbacks may fall due, and when nobody is disturbed (both editable in settings). */
export const DEFAULT_WORKING_HOURS = { start: '09:00', end: '20:00' };
export const DEFAULT_QUIET_HOURS = { start: '21:00', end: '08:30' };

export const DEFAULT_CADENCE: Record<Grade, number | null> = { H: 2, A: 5, B: 7, C: 15, O: null, F: null };

export const DEFAULT_FOLLOW_UP_RULES: Omit<FollowUpRules, 'cadence'> = {
  firstServiceKm: 5000,
  firstServiceMonths: 6,
  firstServiceLeadDays: 7,
  insuranceDaysBefore: [45, 33, 30],
  dormantAfterYears: 3,
  holidays: [...HOLIDAY_IDS],
};

/** Leads warm enough for a holiday greeting (owners always get one; C leads are not pestered, F never). */
export const HOLIDAY_LEAD_GRADES: readonly Grade[] = ['H', 'A', 'B', 'O'];

/** Everything the planner needs besides the customer: the rules, the hours and the zone they are read in. */
export interface PlanSettings extends FollowUpRules, Hours {
  timeZone: string;
}

/** The steps after delivery (交车后回访): offset from delivery, and whether it is a day or an exact time. */
export interface PostDeliveryStep {
  key: string;
  channel: 'call' | 'sms';
  hours?: number;
  days?: number;
  months?: number;
}

export const POST_DELIVERY_STEPS: readonly PostDeliveryStep[] = [
  { key: '2h_sms', channel: 'sms', hours: 2 },
  { key: '2h_call', channel: 'call', hours: 2 },
  { key: '2d_sms', channel: 'sms', days: 2 },
  { key: '7d_call', channel: 'call', days: 7 },
  { key: '1m_call', channel: 'call', months: 1 },
  { key: '3m_call', channel: 'call', months: 3 },
  { key: '6m_call', channel: 'call', months: 6 },
];
