import { z } from '../zod';
import { GRADES } from './customer';
import { shortText } from './common';

const hourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'error_time_invalid' });

/** Days between grade follow-ups; null = no cadence (O follows delivery steps, F none). */
export const cadenceTableSchema = z.record(z.enum(GRADES), z.number().positive().max(365).nullable());

export const DEFAULT_CADENCE: Record<(typeof GRADES)[number], number | null> = { H: 2, A: 5, B: 7, C: 15, O: null, F: null };

export const settingsSchema = z.object({
  consultant: z
    .object({ name: shortText.default(''), phone: shortText.default(''), title: shortText.optional() })
    .default({ name: '', phone: '' }),
  store: z.object({ name: shortText.default(''), brand: shortText.default('') }).default({ name: '', brand: '' }),
  cadence: cadenceTableSchema.default(DEFAULT_CADENCE),
  workingHours: z.object({ start: hourMinute, end: hourMinute }).default({ start: '09:00', end: '20:00' }),
  quietHours: z.object({ start: hourMinute, end: hourMinute }).default({ start: '21:00', end: '08:30' }),
  /** Extra host names the user allowed capture on (the built-in portals need no entry). */
  enabledSites: z.array(z.string().trim().min(1).max(253)).default([]),
  language: z.enum(['zh_CN', 'en', 'auto']).default('auto'),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
