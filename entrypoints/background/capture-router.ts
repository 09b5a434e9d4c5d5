import { browser, type Browser } from 'wxt/browser';
import { openDatabase } from '../../storage/database';
import { LeadCapture } from '../../storage/capture-lead';
import { CallbackRepository } from '../../storage/callbacks';
import { CustomerRepository } from '../../storage/customers';
import { SettingsRepository } from '../../storage/settings';
import { logFollowUp } from '../../storage/follow-up-log';
import { scriptPanelData } from '../shared/script-panel-data';
import { formatPhone } from '../../core/phone';
import { snoozeTomorrowAt } from '../../core/cadence/local-time';
import { captureResultSchema, contentMessageSchema, popupMessageSchema, sidebarMessageSchema, type DraftChanged, type SidebarMessage } from './capture-messages';
import { captureTab, extractFromTab, loadExtractor, sendToCapture } from './capture-tab';
import { allowSite } from './capture-sites';

type Sender = Browser.runtime.MessageSender;

function isOurSidebar(sender: Sender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  const url = new URL(sender.url);
  return url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:' ? url.pathname === '/sidebar.html' : false;
}

/** The action popup (issue 4's "capture this tab"). */
function isOurPopup(sender: Sender): boolean {
  return sender.id === browser.runtime.id && !!sender.url && /^(chrome|moz)-extension:$/.test(new URL(sender.url).protocol) && new URL(sender.url).pathname === '/popup.html';
}

/** A content script: our extension, in a tab, not one of our own pages. */
function isContentScript(sender: Sender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && !!sender.url && /^https?:/i.test(sender.url);
}

async function customerCard(id: string) {
  const db = openDatabase();
  const customer = await new CustomerRepository(db).get(id);
  if (!customer) return undefined;
  const callbacks = (await new CallbackRepository(db).forCustomer(id)).filter((callback) => callback.status === 'open');
  return {
    id: customer.id,
    name: customer.name,
    phones: customer.phones.map((phone) => formatPhone(phone.number)),
    wechat: customer.wechat,
    city: customer.city,
    grade: customer.grade,
    stage: customer.stage,
    site: customer.source.site,
    channel: customer.source.channel,
    capturedAt: customer.source.capturedAt,
    model: [customer.needs.brands.join(' '), customer.needs.series, customer.needs.trimPreferences].filter(Boolean).join(' '),
    callbacks: callbacks.map((callback) => ({ id: callback.id, kind: callback.kind, dueAt: callback.dueAt })),
  };
}

/** The saved customer's script panel and open callbacks, as plain data for the sidebar. */
async function followUpView(id: string, locale: 'zh_CN' | 'en') {
  const db = openDatabase();
  const [panel, callbacks, settings] = await Promise.all([scriptPanelData(db, id, locale), new CallbackRepository(db).forCustomer(id), new SettingsRepository(db).get()]);
  if (!panel) return { ok: false };
  const open = callbacks
    .filter((callback) => callback.status === 'open')
    .map(({ id, kind, planKey, note, snoozedUntil, dueAt }) => ({ id, kind, dueAt, ...(planKey ? { planKey } : {}), ...(note ? { note } : {}), ...(snoozedUntil ? { snoozedUntil } : {}) }));
  return { ok: true, panel, callbacks: open, tomorrowAt: snoozeTomorrowAt(Date.now(), settings) };
}

async function handleSidebar(message: SidebarMessage, tabId: number | undefined): Promise<unknown> {
  const capture = new LeadCapture(openDatabase());
  switch (message.type) {
    case 'sidebar:draft': {
      if (tabId === undefined) return { ok: false };
      // Fresh from the page each time: nothing about the page is kept in the background.
      const parsed = captureResultSchema.safeParse(await extractFromTab(tabId).catch(() => undefined));
      return parsed.success ? { ok: true, tabId, draft: parsed.data } : { ok: false, tabId };
    }
    case 'sidebar:language':
      return { ok: true, language: (await new SettingsRepository(openDatabase()).get()).language };
    case 'sidebar:duplicates':
      return { ok: true, duplicates: await capture.duplicatesOf(message.phones, message.url) };
    case 'sidebar:save': {
      const outcome = await capture.capture(message.draft, { mergeInto: message.mergeInto, allowDuplicate: message.allowDuplicate });
      if (outcome.status === 'created' || outcome.status === 'merged') return { status: outcome.status, customer: await customerCard(outcome.customer.id) };
      return outcome;
    }
    case 'sidebar:save-all':
      return capture.captureAll(message.drafts);
    case 'sidebar:customer':
      return { ok: true, customer: await customerCard(message.id) };
    case 'sidebar:open-customer':
      await browser.tabs.create({ url: browser.runtime.getURL(`/options.html#customer=${encodeURIComponent(message.id)}`) });
      return { ok: true };
    case 'sidebar:close':
      if (tabId !== undefined) await sendToCapture(tabId, { type: 'capture:close' }).catch(() => undefined);
      return { ok: true };
    case 'sidebar:width':
      if (tabId !== undefined) await sendToCapture(tabId, { type: 'capture:width', width: message.width }).catch(() => undefined);
      return { ok: true };
    case 'sidebar:always-on-site':
      return { ok: await allowSite(message.origin) };
    case 'sidebar:follow-up':
      return followUpView(message.id, message.locale);
    case 'sidebar:callback-done': {
      // Marks the callback done, logs the contact and re-plans, in one transaction (as the popup does).
      const result = await logFollowUp(openDatabase(), message.done);
      return result.ok ? { ok: true } : { ok: false, errors: result.errors };
    }
    case 'sidebar:callback-snooze':
      return { ok: await new CallbackRepository(openDatabase()).snooze(message.id, message.until) };
  }
}

/**
 * The capture feature's message router. Unknown types, malformed messages and wrong senders get
 * no answer and change nothing.
 */
export function registerCaptureRouter(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender, sendResponse: (response: unknown) => void) => {
    if (isOurSidebar(sender)) {
      const parsed = sidebarMessageSchema.safeParse(message);
      if (!parsed.success) return false;
      handleSidebar(parsed.data, sender.tab?.id).then(sendResponse, (error: unknown) => sendResponse({ ok: false, error: String(error) }));
      return true;
    }
    if (isOurPopup(sender)) {
      const parsed = popupMessageSchema.safeParse(message);
      if (!parsed.success) return false;
      captureTab(parsed.data.tabId).then((ok) => sendResponse({ ok }), () => sendResponse({ ok: false }));
      return true;
    }
    if (isContentScript(sender)) {
      const parsed = contentMessageSchema.safeParse(message);
      if (!parsed.success || sender.frameId !== 0) return false;
      const tabId = sender.tab!.id!;
      if (parsed.data.type === 'capture:opening') {
        // The sidebar will ask for the page's draft in a moment: have the extractor there by then.
        void loadExtractor(tabId).catch(() => undefined);
        return false;
      }
      // The page changed under an open sidebar (single-page portal): tell that tab's sidebar.
      const changed: DraftChanged = { type: 'sidebar:draft-changed', tabId, draft: parsed.data.draft };
      browser.runtime.sendMessage(changed).catch(() => undefined);
      return false;
    }
    return false;
  });
}
