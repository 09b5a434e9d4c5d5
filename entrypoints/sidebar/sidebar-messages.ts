import { browser } from 'wxt/browser';
import type { CaptureResult } from '../../core/extract/types';
import type { CustomerSummary } from '../../components/customer-summary/dd-customer-summary';
import type { DuplicateSummary } from '../../components/duplicate-warning/dd-duplicate-warning';

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
  alwaysOnSite: (origin: string) => browser.runtime.sendMessage({ type: 'sidebar:always-on-site', origin }) as Promise<{ ok: boolean }>,
};
