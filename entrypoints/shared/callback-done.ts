import { t } from '../../core/i18n';
import type { CallbackListItem } from '../../components/callback-list/callback-list.component';

/** What "done" on a callback row logs: a reached contact, so the grade cadence goes on from it. */
export interface CallbackDone {
  customerId: string;
  callbackId: string;
  method: 'call' | 'sms' | 'wechat';
  outcome: 'reached';
  summary: string;
  scriptId?: string;
}

/** Done from a list (the popup, the sidebar) still leaves a follow-up behind. */
export function callbackDone(item: CallbackListItem): CallbackDone {
  return {
    customerId: item.customerId,
    callbackId: item.id,
    // An SMS step is done by sending the SMS; anything else by calling.
    method: item.script?.channel === 'sms' || item.script?.channel === 'wechat' ? item.script.channel : 'call',
    outcome: 'reached',
    summary: t('cadence_popup_done_summary', item.reason),
    ...(item.script ? { scriptId: item.script.id } : {}),
  };
}
