import { FIELD_SOURCES, type CaptureResult } from '../../core/extract/types';
import { captureDraftSchema } from '../../storage/capture-lead';
import { z } from '../../storage/zod';

/**
 * Every message of the capture feature, parsed here before anything acts on it. A content script
 * runs inside a page we do not trust: the only thing it may send is a capture draft (what it read
 * from the page), and it never receives stored data. Everything else comes from our sidebar page.
 */

const text = z.string().max(500);
const sourced = z.object({ value: text, source: z.enum(FIELD_SOURCES) });
const price = z.object({ value: z.object({ amount: z.number().nonnegative().max(1e10), currency: z.string().regex(/^[A-Z]{3}$/) }), source: z.enum(FIELD_SOURCES) });
const vehicle = z.object({ brand: sourced.optional(), series: sourced.optional(), trim: sourced.optional(), price: price.optional() });
const contact = z.object({
  kind: z.enum(['person', 'business']),
  name: sourced.optional(),
  phones: z.array(sourced).max(10),
  wechat: sourced.optional(),
  address: sourced.optional(),
  city: sourced.optional(),
  vehicle: vehicle.optional(),
});

/** What the extractor read from a page: plain, bounded data. */
export const captureResultSchema = z.object({
  url: z.string().max(2000).refine((url) => /^https?:\/\//i.test(url)),
  title: z.string().max(500),
  contacts: z.array(contact).max(300),
  vehicle: vehicle.optional(),
  challenge: z.boolean(),
}) satisfies z.ZodType<CaptureResult>;

/**
 * What a content script may send: a draft (the page changed under an open sidebar), or word that the
 * consultant is opening the sidebar (it carries nothing: the background loads the extractor into that
 * tab while the sidebar frame loads).
 */
export const contentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('capture:draft'), draft: captureResultSchema }),
  z.object({ type: z.literal('capture:opening') }).strict(),
]);

const id = z.string().min(1).max(64);
/** Messages from the sidebar page. */
export const sidebarMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sidebar:draft') }),
  z.object({ type: z.literal('sidebar:language') }),
  z.object({ type: z.literal('sidebar:duplicates'), phones: z.array(z.string().max(100)).max(10), url: z.string().max(2000).optional() }),
  z.object({ type: z.literal('sidebar:save'), draft: captureDraftSchema, mergeInto: id.optional(), allowDuplicate: z.boolean().optional() }),
  z.object({ type: z.literal('sidebar:save-all'), drafts: z.array(captureDraftSchema).min(1).max(300) }),
  z.object({ type: z.literal('sidebar:customer'), id }),
  z.object({ type: z.literal('sidebar:open-customer'), id }),
  z.object({ type: z.literal('sidebar:close') }),
  z.object({ type: z.literal('sidebar:width'), width: z.number().int().min(280).max(900) }),
  z.object({ type: z.literal('sidebar:always-on-site'), origin: z.string().max(300) }),
  // The saved customer's scripts and open callbacks, and the actions on them (follow-up feature).
  z.object({ type: z.literal('sidebar:follow-up'), id, locale: z.enum(['zh_CN', 'en']) }),
  z.object({
    type: z.literal('sidebar:callback-done'),
    done: z.object({
      customerId: id,
      callbackId: id,
      method: z.enum(['call', 'sms', 'wechat']),
      outcome: z.literal('reached'),
      summary: z.string().min(1).max(500),
      scriptId: id.optional(),
    }),
  }),
  z.object({ type: z.literal('sidebar:callback-snooze'), id, until: z.number().int().positive() }),
]);
export type SidebarMessage = z.output<typeof sidebarMessageSchema>;

/**
 * From the action popup: open the capture sidebar on a tab (the popup holds activeTab for it).
 * `browser.runtime.sendMessage({ type: 'capture:tab', tabId })` answers `{ ok: boolean }`.
 */
export const popupMessageSchema = z.object({ type: z.literal('capture:tab'), tabId: z.number().int().nonnegative() });

/** Messages the background sends to the content script of a tab. */
export type ContentCommand =
  | { type: 'capture:extract' }
  | { type: 'capture:open'; selection?: string }
  | { type: 'capture:close' }
  | { type: 'capture:width'; width: number };

/** Broadcast to sidebars when a tab's page changed (single-page portals). */
export interface DraftChanged {
  type: 'sidebar:draft-changed';
  tabId: number;
  draft: CaptureResult;
}
