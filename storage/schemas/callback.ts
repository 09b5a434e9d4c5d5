import { z } from '../zod';
import { id, longText, shortText, timestamp } from './common';

export const CALLBACK_KINDS = [
  'first_contact',
  'grade_cadence',
  'post_delivery',
  'first_service',
  'insurance_renewal',
  'birthday',
  'holiday',
  'dormant_owner',
  'manual',
] as const;
export const CALLBACK_STATUSES = ['open', 'done', 'snoozed', 'cancelled'] as const;

/** A planned contact (回访任务). */
export const callbackInputSchema = z.object({
  customerId: id,
  dueAt: timestamp,
  kind: z.enum(CALLBACK_KINDS),
  /**
   * Which rule instance planned it (e.g. `post_delivery:7d`): re-planning finds its own callbacks by
   * this key and never writes a duplicate. Manual callbacks have none.
   */
  planKey: shortText.optional(),
  scriptId: id.optional(),
  note: longText.optional(),
  status: z.enum(CALLBACK_STATUSES).default('open'),
  snoozedUntil: timestamp.optional(),
  doneAt: timestamp.optional(),
});

export const callbackSchema = callbackInputSchema.extend({ id, createdAt: timestamp, updatedAt: timestamp });

export type CallbackInput = z.input<typeof callbackInputSchema>;
export type Callback = z.output<typeof callbackSchema>;
export type CallbackKind = (typeof CALLBACK_KINDS)[number];
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
