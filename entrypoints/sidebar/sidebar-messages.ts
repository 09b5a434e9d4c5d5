import { browser } from 'wxt/browser';
import type { CaptureResult } from '../../core/extract/types';
import type { CustomerSummary } from '../../components/customer-summary/dd-customer-summary';
import type { DuplicateSummary } from '../../components/duplicate-warning/dd-duplicate-warning';
import type { CallbackDone } from '../shared/callback-done';
import type { ScriptPanelData } from '../shared/script-panel-data';

/** A lead as the background's router takes it (storage's CaptureDraft, without importing storage here). */
export interface LeadDraft {
  name: string;
  phone: string;
  wechat?: string;
  city?: string;
  address?: string;
  brand?: string;
  series?: string;
  trim?: string;
  price?: string;
  source?: string;
  url?: string;
  note?: string;
  grade?: 'H' | 'A' | 'B' | 'C' | 'O' | 'F';
}

export interface FieldErrorReply {
  path: string;
  field: string;
  message: string;
}

export type SaveReply =
  | { status: 'created' | 'merged'; customer: CustomerSummary }
  | { status: 'duplicate'; duplicates: DuplicateSummary[] }
  | { status: 'invalid'; errors: FieldErrorReply[] };

export interface BulkReply {
  ok: boolean;
  created: number;
  merged: number;
  skipped: number;
  index?: number;
  errors?: FieldErrorReply[];
}

/** An open callback of the saved customer, as the background sends it. */
export interface SidebarCallback {
  id: string;
  kind: string;
  planKey?: string;
  note?: string;
  snoozedUntil?: number;
  dueAt: number;
}

/** `tomorrowAt`: where "snooze until tomorrow" lands (the working day's start in the settings' time zone). */
export type FollowUpReply = { ok: true; panel: ScriptPanelData; callbacks: SidebarCallback[]; tomorrowAt: number } | { ok: false };

/**
 * The sidebar talks only to the background (which owns storage and parses every message); it never
 * listens to the page it sits on.
 */
export const sidebarApi = {
  language: () => browser.runtime.sendMessage({ type: 'sidebar:language' }) as Promise<{ ok: boolean; language?: 'zh_CN' | 'en' | 'auto' }>,
  draft: () => browser.runtime.sendMessage({ type: 'sidebar:draft' }) as Promise<{ ok: boolean; tabId?: number; draft?: CaptureResult }>,
  duplicates: (phones: string[], url?: string) => browser.runtime.sendMessage({ type: 'sidebar:duplicates', phones, url }) as Promise<{ ok: boolean; duplicates: DuplicateSummary[] }>,
  save: (draft: LeadDraft, options: { mergeInto?: string; allowDuplicate?: boolean } = {}) =>
    browser.runtime.sendMessage({ type: 'sidebar:save', draft, ...options }) as Promise<SaveReply>,
  saveAll: (drafts: LeadDraft[]) => browser.runtime.sendMessage({ type: 'sidebar:save-all', drafts }) as Promise<BulkReply>,
  openCustomer: (id: string) => browser.runtime.sendMessage({ type: 'sidebar:open-customer', id }),
  close: () => browser.runtime.sendMessage({ type: 'sidebar:close' }),
  customer: (id: string) => browser.runtime.sendMessage({ type: 'sidebar:customer', id }) as Promise<{ ok: boolean; customer?: CustomerSummary }>,
  followUp: (id: string, locale: 'zh_CN' | 'en') => browser.runtime.sendMessage({ type: 'sidebar:follow-up', id, locale }) as Promise<FollowUpReply>,
  callbackDone: (done: CallbackDone) =>
    browser.runtime.sendMessage({ type: 'sidebar:callback-done', done }) as Promise<{ ok: boolean; errors?: FieldErrorReply[] }>,
  snooze: (id: string, until: number) => browser.runtime.sendMessage({ type: 'sidebar:callback-snooze', id, until }) as Promise<{ ok: boolean }>,
  alwaysOnSite: (origin: string) => browser.runtime.sendMessage({ type: 'sidebar:always-on-site', origin }) as Promise<{ ok: boolean }>,
};
