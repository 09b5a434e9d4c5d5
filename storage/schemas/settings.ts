import { DEFAULT_CADENCE, DEFAULT_FOLLOW_UP_RULES, DEFAULT_QUIET_HOURS, DEFAULT_WORKING_HOURS } from '../../core/cadence/rules';
import { HOLIDAY_IDS } from '../../core/cadence/holidays';
import { isValidTimeZone } from '../../core/cadence/local-time';
import { z } from '../zod';
import { GRADES } from './customer';
import { shortText } from './common';

const hourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'error_time_invalid' });

/** Days between grade follow-ups; null = no cadence (O follows delivery steps, F none). */
export const cadenceTableSchema = z.record(z.enum(GRADES), z.number().positive().max(365).nullable());

export { DEFAULT_CADENCE };

/** The other numbers of the follow-up cadence (first service, insurance renewal, dormant owners). */
export const followUpRulesSchema = z.object({
  firstServiceKm: z.number().positive().max(100_000).default(DEFAULT_FOLLOW_UP_RULES.firstServiceKm),
  firstServiceMonths: z.number().int().positive().max(60).default(DEFAULT_FOLLOW_UP_RULES.firstServiceMonths),
  firstServiceLeadDays: z.number().int().nonnegative().max(60).default(DEFAULT_FOLLOW_UP_RULES.firstServiceLeadDays),
  insuranceDaysBefore: z.array(z.number().int().nonnegative().max(365)).max(10).default(DEFAULT_FOLLOW_UP_RULES.insuranceDaysBefore),
  dormantAfterYears: z.number().positive().max(20).default(DEFAULT_FOLLOW_UP_RULES.dormantAfterYears),
  /** Holidays greeted by SMS (all by default; settings stored before this field get them all). */
  holidays: z.array(z.enum(HOLIDAY_IDS)).max(HOLIDAY_IDS.length).default(() => [...DEFAULT_FOLLOW_UP_RULES.holidays]),
});

export const settingsSchema = z.object({
  consultant: z
    .object({ name: shortText.default(''), phone: shortText.default(''), title: shortText.optional() })
    .default({ name: '', phone: '' }),
  store: z.object({ name: shortText.default(''), brand: shortText.default('') }).default({ name: '', brand: '' }),
  cadence: cadenceTableSchema.default(DEFAULT_CADENCE),
  workingHours: z.object({ start: hourMinute, end: hourMinute }).default({ ...DEFAULT_WORKING_HOURS }),
  quietHours: z.object({ start: hourMinute, end: hourMinute }).default({ ...DEFAULT_QUIET_HOURS }),
  followUpRules: followUpRulesSchema.default({ ...DEFAULT_FOLLOW_UP_RULES }),
  /** IANA zone the hours above are read in; the browser's when unset. */
  timeZone: z.string().refine(isValidTimeZone, { error: 'cadence_error_time_zone' }).optional(),
  /** Extra host names the user allowed capture on (the built-in portals need no entry). */
  enabledSites: z.array(z.string().trim().min(1).max(253)).default([]),
  language: z.enum(['zh_CN', 'en', 'auto']).default('auto'),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
