import { z } from '../zod';
import { id, longText, shortText, timestamp } from './common';

export const FOLLOW_UP_METHODS = ['call', 'sms', 'wechat', 'store_visit', 'test_drive', 'event', 'home_visit', 'email', 'mail'] as const;
export const ATTITUDES = ['positive', 'neutral', 'hesitant', 'negative'] as const;
/** Whether the contact got through: an unanswered call is tried again the next working day. */
export const FOLLOW_UP_OUTCOMES = ['reached', 'no_answer'] as const;

/** One contact with a customer (跟进记录). */
export const followUpInputSchema = z.object({
  customerId: id,
  at: timestamp,
  method: z.enum(FOLLOW_UP_METHODS),
  outcome: z.enum(FOLLOW_UP_OUTCOMES).optional(),
  summary: longText.min(1, { error: 'error_required' }),
  /** What the customer said, and how they felt about it. */
  feedback: longText.optional(),
  attitude: z.enum(ATTITUDES).optional(),
  nextPlan: longText.optional(),
  nextAt: timestamp.optional(),
  by: shortText.optional(),
  scriptId: id.optional(),
  callbackId: id.optional(),
});

export const followUpSchema = followUpInputSchema.extend({ id, createdAt: timestamp });

export type FollowUpInput = z.input<typeof followUpInputSchema>;
export type FollowUp = z.output<typeof followUpSchema>;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];
