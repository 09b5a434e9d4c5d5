import { normalisePhone } from '../../core/phone';
import { z } from '../zod';
import { id, longText, shortText, textList, timestamp } from './common';
import {
  AGE_RANGES,
  DEAL_STATUSES,
  GENDERS,
  GRADES,
  LOST_APPROVALS,
  PHONE_LABELS,
  PURCHASE_WINDOWS,
  SOURCE_CHANNELS,
  STAGES,
  URGENCIES,
} from '../../core/vocabulary';

export * from '../../core/vocabulary';

/** A phone as typed; stored normalised to E.164 (with its extension kept apart). */
export const phoneNumber = z.string().transform((raw, ctx) => {
  const phone = normalisePhone(raw);
  if (phone === 'empty') {
    ctx.addIssue({ code: 'custom', message: 'error_phone_empty' });
    return z.NEVER;
  }
  if (phone === 'invalid') {
    ctx.addIssue({ code: 'custom', message: 'error_phone_invalid' });
    return z.NEVER;
  }
  return phone.extension ? `${phone.e164};ext=${phone.extension}` : phone.e164;
});

export const customerPhoneSchema = z.object({
  number: phoneNumber,
  label: z.enum(PHONE_LABELS).default('mobile'),
  primary: z.boolean().default(false),
});

const httpUrl = z
  .string()
  .max(2000)
  .refine((url) => /^https?:\/\//i.test(url), { error: 'error_url_not_http' });

export const sourceSchema = z.object({
  channel: z.enum(SOURCE_CHANNELS).default('other'),
  /** The referring owner's customer id, for `referral_owner`. */
  referrerId: id.optional(),
  url: httpUrl.optional(),
  /** Portal or site name as shown to the consultant (e.g. 懂车帝). */
  site: shortText.optional(),
  capturedAt: timestamp.optional(),
});

export const needsSchema = z
  .object({
    brands: textList.default([]),
    series: shortText.optional(),
    trimPreferences: shortText.optional(),
    colour: shortText.optional(),
    /** Budget in the store's currency (CNY by default). */
    budgetMin: z.number().nonnegative().optional(),
    budgetMax: z.number().nonnegative().optional(),
    /** What matters to the customer, most important first. */
    concerns: textList.default([]),
    purpose: shortText.optional(),
    urgency: z.enum(URGENCIES).optional(),
    purchaseWindow: z.enum(PURCHASE_WINDOWS).optional(),
    comparedModels: textList.default([]),
  })
  .refine((needs) => needs.budgetMin === undefined || needs.budgetMax === undefined || needs.budgetMin <= needs.budgetMax, {
    error: 'error_budget_range',
    path: ['budgetMax'],
  });

export const testDriveSchema = z.object({
  model: shortText.min(1, { error: 'error_required' }),
  at: timestamp,
  feedback: longText.optional(),
});

export const wonDealSchema = z.object({
  model: shortText.min(1, { error: 'error_required' }),
  trim: shortText.optional(),
  colour: shortText.optional(),
  /** Confidential: shown only in the customer card, never in lists or exports by default. */
  price: z.number().nonnegative().optional(),
  orderedAt: timestamp.optional(),
  deliveredAt: timestamp.optional(),
  consultant: shortText.optional(),
});

export const lostDealSchema = z.object({
  reason: shortText.min(1, { error: 'error_lost_reason_required' }),
  competitorModel: shortText.optional(),
  approval: z.enum(LOST_APPROVALS).default('pending'),
  requestedAt: timestamp.optional(),
  decidedAt: timestamp.optional(),
});

export const dealSchema = z
  .object({
    status: z.enum(DEAL_STATUSES).default('open'),
    won: wonDealSchema.optional(),
    lost: lostDealSchema.optional(),
  })
  .refine((deal) => deal.status !== 'lost' || deal.lost !== undefined, {
    error: 'error_lost_reason_required',
    path: ['lost', 'reason'],
  });

const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;
export const ownedVehicleSchema = z.object({
  model: shortText.optional(),
  plate: shortText.max(12).optional(),
  vin: z
    .string()
    .trim()
    .toUpperCase()
    .refine((vin) => VIN.test(vin), { error: 'error_vin_invalid' })
    .optional(),
  purchasedAt: timestamp.optional(),
  mileageKm: z.number().nonnegative().max(2_000_000).optional(),
  insuranceExpiresAt: timestamp.optional(),
  lastServiceAt: timestamp.optional(),
});

/** The customer card (客户信息卡) as the consultant fills it in; ids and times are added by storage. */
export const customerInputSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'error_required' }).max(50),
    gender: z.enum(GENDERS).default('unknown'),
    ageRange: z.enum(AGE_RANGES).optional(),
    phones: z.array(customerPhoneSchema).max(10).default([]),
    wechat: shortText.optional(),
    /** Where the customer lives or the business is (as captured from a page or typed). */
    city: shortText.optional(),
    address: shortText.optional(),
    qq: z
      .string()
      .trim()
      .regex(/^\d{5,12}$/, { error: 'error_qq_invalid' })
      .optional(),
    email: z.email({ error: 'error_email_invalid' }).optional(),
    /** `MM-DD` or `YYYY-MM-DD`: many customers share the day but not the year. */
    birthday: z
      .string()
      .regex(/^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'error_birthday_invalid' })
      .optional(),
    source: sourceSchema.default({ channel: 'other' }),
    stage: z.enum(STAGES).default('potential'),
    grade: z.enum(GRADES).default('C'),
    needs: needsSchema.default({ brands: [], concerns: [], comparedModels: [] }),
    testDrives: z.array(testDriveSchema).max(100).default([]),
    materialsGiven: textList.default([]),
    decisionMaker: shortText.optional(),
    objections: textList.default([]),
    deal: dealSchema.default({ status: 'open' }),
    ownedVehicle: ownedVehicleSchema.optional(),
    consultant: shortText.optional(),
    tags: textList.default([]),
    notes: longText.optional(),
  })
  .refine((customer) => customer.phones.length > 0 || !!customer.wechat || !!customer.qq || !!customer.email, {
    error: 'error_contact_required',
    path: ['phones'],
  });

export const customerSchema = customerInputSchema.and(
  z.object({
    id,
    createdAt: timestamp,
    updatedAt: timestamp,
    deletedAt: timestamp.optional(),
    /** The `updatedAt` of the write that planned the card's callbacks with it (see storage/replan.ts). */
    plannedAt: timestamp.optional(),
  }),
);

/** What a form or a capture hands to storage: loose strings, defaults not yet applied. */
export type CustomerInput = z.input<typeof customerInputSchema>;
export type Customer = z.output<typeof customerSchema>;
export type CustomerPhone = z.output<typeof customerPhoneSchema>;
