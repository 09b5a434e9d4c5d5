import { t } from '../core/i18n';
import { leadSiteOf } from '../core/lead-sites';
import { formatPhone, normalisePhone } from '../core/phone';
import { countryOfUrl } from '../core/site-country';
import { GRADES, SOURCE_CHANNELS, type Grade, type SourceChannel } from '../core/vocabulary';
import { CustomerRepository } from './customers';
import type { CustomerRecord } from './customer-search-keys';
import type { DealerDeskDatabase } from './database';
import { replanCustomer, replanTables } from './replan';
import type { CustomerInput } from './schemas/customer';
import { z } from './zod';
import { RejectedWrite, toFieldErrors, type FieldError } from './validation';

/**
 * A lead as the capture form (or a list capture) hands it over: loose strings, exactly the form's
 * controls. Parsed here because it crosses from the sidebar to storage.
 */
export const captureDraftSchema = z.object({
  name: z.string().max(200).default(''),
  phone: z.string().max(100).default(''),
  wechat: z.string().max(200).optional(),
  city: z.string().max(200).optional(),
  address: z.string().max(200).optional(),
  brand: z.string().max(200).optional(),
  series: z.string().max(200).optional(),
  trim: z.string().max(200).optional(),
  price: z.string().max(100).optional(),
  /** The source channel; derived from `url` when empty. */
  source: z.string().max(50).optional(),
  url: z.string().max(2000).optional(),
  note: z.string().max(10_000).optional(),
  grade: z.enum(GRADES).optional(),
});
export type CaptureDraft = z.input<typeof captureDraftSchema>;

export interface DuplicateCustomer {
  id: string;
  name: string;
  phones: string[];
  grade: Grade;
}

export type CaptureOutcome =
  | { status: 'created'; customer: CustomerRecord }
  | { status: 'merged'; customer: CustomerRecord }
  | { status: 'duplicate'; duplicates: DuplicateCustomer[] }
  | { status: 'invalid'; errors: FieldError[] };

export interface BulkCaptureReport {
  ok: boolean;
  created: number;
  merged: number;
  skipped: number;
  /** When `ok` is false: the first rejected draft (its index in the batch) and why. Nothing was written. */
  index?: number;
  errors?: FieldError[];
}

export interface CaptureOptions {
  /** Add the lead to this existing customer instead of creating one ("merge into"). */
  mergeInto?: string;
  /** Create a new customer even though the phone is already known. */
  allowDuplicate?: boolean;
}

/** A new lead's grade when the consultant picks none: C (within three months) until a first call tells more. */
export function suggestGrade(draft: Pick<CaptureDraft, 'note'>): Grade {
  const note = draft.note ?? '';
  if (/(本周|这周|马上|尽快|急|this week|asap)/i.test(note)) return 'H';
  if (/(半个月|两周|15\s*天|two weeks)/i.test(note)) return 'A';
  if (/(本月|这个月|一个月|30\s*天|this month)/i.test(note)) return 'B';
  return 'C';
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

function channelOf(draft: CaptureDraft, url: string | undefined): { channel: SourceChannel; site?: string } {
  const chosen = SOURCE_CHANNELS.find((channel) => channel === draft.source);
  let site: ReturnType<typeof leadSiteOf>;
  try {
    site = url ? leadSiteOf(new URL(url).hostname) : undefined;
  } catch {
    site = undefined;
  }
  return { channel: chosen ?? site?.channel ?? 'other', ...(site ? { site: site.name } : {}) };
}

function httpUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/**
 * A phone as the page wrote it, made international when the site is not Chinese (`(201) 555-0123`
 * on a US portal is +1 201…); left as written when it cannot be read, for storage to refuse.
 */
export function phoneOfSite(raw: string, url: string | undefined): string {
  const country = countryOfUrl(url);
  if (country === 'CN' || raw.trim().startsWith('+')) return raw;
  const phone = normalisePhone(raw, country);
  if (typeof phone !== 'object') return raw;
  return phone.extension ? `${phone.e164};ext=${phone.extension}` : phone.e164;
}

/** The customer card a captured lead becomes: a potential customer, sourced from the page. */
export function customerFromDraft(input: CaptureDraft, capturedAt: number): CustomerInput {
  const draft = captureDraftSchema.parse(input);
  const url = httpUrl(text(draft.url));
  const noteLines = [text(draft.note), text(draft.price) ? t('capture_note_price', text(draft.price)!) : undefined].filter(Boolean);
  const brand = text(draft.brand);
  return {
    name: text(draft.name) ?? '',
    phones: text(draft.phone) ? [{ number: phoneOfSite(text(draft.phone)!, url), label: 'mobile', primary: true }] : [],
    ...(text(draft.wechat) ? { wechat: text(draft.wechat) } : {}),
    ...(text(draft.city) ? { city: text(draft.city) } : {}),
    ...(text(draft.address) ? { address: text(draft.address) } : {}),
    stage: 'potential',
    grade: draft.grade ?? suggestGrade(draft),
    source: { ...channelOf(draft, url), ...(url ? { url } : {}), capturedAt },
    needs: {
      brands: brand ? [brand] : [],
      ...(text(draft.series) ? { series: text(draft.series) } : {}),
      ...(text(draft.trim) ? { trimPreferences: text(draft.trim) } : {}),
      concerns: [],
      comparedModels: [],
    },
    ...(noteLines.length ? { notes: noteLines.join('\n') } : {}),
  };
}

/** What a lead adds to a customer who already has its phone: only what the card lacks. */
function mergedCard(existing: CustomerRecord, lead: CustomerInput): Partial<CustomerInput> | undefined {
  const patch: Partial<CustomerInput> = {};
  const phones = existing.phones.map((phone) => ({ ...phone }));
  for (const phone of lead.phones ?? []) {
    const normal = normalisePhone(phone.number);
    const e164 = typeof normal === 'object' ? normal.e164 : phone.number;
    if (!existing.phoneNumbers.includes(e164)) phones.push({ number: phone.number, label: phone.label ?? 'mobile', primary: false });
  }
  if (phones.length !== existing.phones.length) patch.phones = phones;
  if (!existing.wechat && lead.wechat) patch.wechat = lead.wechat;
  if (!existing.city && lead.city) patch.city = lead.city;
  if (!existing.address && lead.address) patch.address = lead.address;
  const needs = { ...existing.needs };
  let needsChanged = false;
  for (const brand of lead.needs?.brands ?? []) {
    if (!needs.brands.includes(brand)) {
      needs.brands = [...needs.brands, brand];
      needsChanged = true;
    }
  }
  if (!needs.series && lead.needs?.series) {
    needs.series = lead.needs.series;
    needsChanged = true;
  } else if (lead.needs?.series && needs.series !== lead.needs.series && !needs.comparedModels.includes(lead.needs.series)) {
    // Another model the customer looked at: kept as a compared model, the intended one stays.
    needs.comparedModels = [...needs.comparedModels, lead.needs.series];
    needsChanged = true;
  }
  if (needsChanged) patch.needs = needs;
  if (lead.notes && !(existing.notes ?? '').includes(lead.notes)) patch.notes = [existing.notes, lead.notes].filter(Boolean).join('\n');
  return Object.keys(patch).length ? patch : undefined;
}

function summary(customer: CustomerRecord): DuplicateCustomer {
  return { id: customer.id, name: customer.name, phones: customer.phones.map((phone) => formatPhone(phone.number)), grade: customer.grade };
}

/**
 * Captured leads become customers. A new lead is a potential customer planned in the same
 * transaction (its first-contact callback due at once and its grade's cadence callback); a lead
 * whose phone is already known is reported as a duplicate, or merged into the customer the
 * consultant chose and re-planned.
 */
export class LeadCapture {
  private readonly customers: CustomerRepository;

  constructor(
    private readonly db: DealerDeskDatabase,
    private readonly now: () => number = Date.now,
  ) {
    this.customers = new CustomerRepository(db, now);
  }

  /** Customers who already have one of these phones (as written on the page at `url`). */
  async duplicatesOf(phones: readonly string[], url?: string): Promise<DuplicateCustomer[]> {
    return (await this.customers.findDuplicates(phones.map((phone) => phoneOfSite(phone, url)))).map(summary);
  }

  async capture(draft: CaptureDraft, options: CaptureOptions = {}): Promise<CaptureOutcome> {
    const capturedAt = this.now();
    try {
      const lead = customerFromDraft(draft, capturedAt);
      return await this.db.transaction('rw', replanTables(this.db), async (): Promise<CaptureOutcome> => {
        if (options.mergeInto) {
          const existing = await this.customers.get(options.mergeInto);
          if (!existing) throw new RejectedWrite([{ path: 'id', field: t('field_id'), message: t('error_not_found') }]);
          return { status: 'merged', customer: await this.merge(existing, lead, capturedAt) };
        }
        if (!options.allowDuplicate) {
          const duplicates = await this.customers.findDuplicates(lead.phones?.map((phone) => phone.number) ?? []);
          if (duplicates.length > 0) return { status: 'duplicate', duplicates: duplicates.map(summary) };
        }
        return { status: 'created', customer: await this.create(lead, capturedAt) };
      });
    } catch (error) {
      if (error instanceof RejectedWrite) return { status: 'invalid', errors: error.errors };
      if (error instanceof z.ZodError) return { status: 'invalid', errors: toFieldErrors(error) };
      throw error;
    }
  }

  /**
   * Several leads at once (a list page): all are written or none. A lead whose phone is already a
   * customer's (or an earlier lead's in the same batch) is merged into that customer when it adds
   * something, skipped when it adds nothing.
   */
  async captureAll(drafts: readonly CaptureDraft[]): Promise<BulkCaptureReport> {
    const capturedAt = this.now();
    const report: BulkCaptureReport = { ok: true, created: 0, merged: 0, skipped: 0 };
    let current = -1;
    try {
      await this.db.transaction('rw', replanTables(this.db), async () => {
        for (const [index, draft] of drafts.entries()) {
          current = index;
          const lead = customerFromDraft(draft, capturedAt);
          const [existing] = await this.customers.findDuplicates(lead.phones?.map((phone) => phone.number) ?? []);
          if (!existing) {
            await this.create(lead, capturedAt);
            report.created++;
            continue;
          }
          if (!mergedCard(existing, lead)) {
            report.skipped++;
            continue;
          }
          await this.merge(existing, lead, capturedAt);
          report.merged++;
        }
      });
    } catch (error) {
      if (error instanceof RejectedWrite) return { ok: false, created: 0, merged: 0, skipped: 0, index: current, errors: error.errors };
      if (error instanceof z.ZodError) return { ok: false, created: 0, merged: 0, skipped: 0, index: current, errors: toFieldErrors(error) };
      throw error;
    }
    return report;
  }

  /**
   * A new customer and its callbacks: the planner gives a new lead its first contact (due at capture)
   * and its grade's cadence call. Must run inside a transaction over `replanTables`.
   */
  private async create(lead: CustomerInput, capturedAt: number): Promise<CustomerRecord> {
    const customer = this.customers.prepare(lead);
    if (!customer.ok) throw new RejectedWrite(customer.errors);
    const card = { ...customer.value, plannedAt: customer.value.updatedAt };
    await this.db.customers.add(card);
    await replanCustomer(this.db, card.id, capturedAt);
    return card;
  }

  /** Adds what the lead brings to an existing customer, then re-plans it. Must run inside a transaction over `replanTables`. */
  private async merge(existing: CustomerRecord, lead: CustomerInput, capturedAt: number): Promise<CustomerRecord> {
    const patch = mergedCard(existing, lead);
    if (!patch) {
      await replanCustomer(this.db, existing.id, capturedAt);
      return existing;
    }
    // The update re-plans by itself here: this transaction holds the planning tables.
    const updated = await this.customers.update(existing.id, patch);
    if (!updated.ok) throw new RejectedWrite(updated.errors);
    return updated.value;
  }
}
