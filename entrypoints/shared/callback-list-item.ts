import { callbackReason, type ReasonCallback } from '../../core/cadence/reasons';
import { OVERDUE_AFTER_MS } from '../../core/cadence/rules';
import { renderScript, type ScriptContext } from '../../core/scripts/render';
import type { CallbackListItem } from '../../components/callback-list/callback-list.component';

/** Overdue an hour after its due time; drawn quieter ("later") until it is due. */
export function dueState(dueAt: number, now: number): { overdue: boolean; later: boolean } {
  return { overdue: dueAt < now - OVERDUE_AFTER_MS, later: dueAt > now };
}

/**
 * A callback as a row of dd-callback-list: whose it is, why and when it is due, and the script that fits
 * it rendered for the customer (when one fits).
 */
export function callbackListItem(
  callback: ReasonCallback & { id: string; dueAt: number },
  customer: { id: string; name: string; grade?: string | undefined },
  state: { overdue: boolean; later: boolean },
  suggestion?: { script: { id: string; title: string; channel?: string | undefined; body: string } | undefined; context: ScriptContext },
): CallbackListItem {
  const script = suggestion?.script;
  return {
    id: callback.id,
    customerId: customer.id,
    customerName: customer.name,
    ...(customer.grade ? { grade: customer.grade } : {}),
    reason: callbackReason(callback, customer.grade),
    dueAt: callback.dueAt,
    overdue: state.overdue,
    later: state.later,
    ...(script ? { script: { id: script.id, title: script.title, channel: script.channel, text: renderScript(script.body, { ...suggestion.context, callback }).text } } : {}),
  };
}
