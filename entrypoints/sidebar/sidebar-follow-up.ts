import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { getLocale, t } from '../../core/i18n';
import { bestScript } from '../../core/scripts/suggest';
import { LocaleController } from '../../components/controllers/locale-controller';
import '../../components/callback-list/dd-callback-list';
import '../../components/script-panel/dd-script-panel';
import type { CallbackListItem, CallbackSnoozeDetail } from '../../components/callback-list/dd-callback-list';
import { callbackDone } from '../shared/callback-done';
import { callbackListItem, dueState } from '../shared/callback-list-item';
import { sidebarApi, type FollowUpReply } from './sidebar-messages';

// Loaded after a save, not with the form: the script library and the panel are the heavy part.

/**
 * The saved customer's open callbacks (done / snooze in one click) and the scripts that fit it, with
 * its name filled in. Everything is read and written through the background, like the rest of the sidebar.
 *
 * @event dd-sidebar-callbacks-changed - a callback was done or snoozed (the card's summary re-reads).
 */
export class SidebarFollowUp extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      font-size: 13px;
      margin: 4px 0 6px;
      color: #1d4ed8;
    }
    .bad {
      color: #c81e1e;
      margin: 4px 0;
    }
    dd-callback-list {
      margin-bottom: 10px;
    }
  `;
  static override properties = {
    customerId: { type: String, attribute: 'customer-id' },
    view: { state: true },
    problem: { state: true },
  };

  declare customerId: string | undefined;
  declare view: Extract<FollowUpReply, { ok: true }> | undefined;
  declare problem: string | undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('customerId')) {
      this.view = undefined;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const id = this.customerId;
    if (!id) return;
    const reply = await sidebarApi.followUp(id, getLocale()).catch(() => undefined);
    if (id !== this.customerId) return;
    this.view = reply?.ok ? reply : undefined;
  }

  private items(view: Extract<FollowUpReply, { ok: true }>): CallbackListItem[] {
    const now = Date.now();
    const { panel } = view;
    const customer = panel.context.customer as { id: string; name: string } | undefined;
    const whose = { id: customer?.id ?? this.customerId!, name: customer?.name ?? '', grade: panel.suggestion.grade };
    return view.callbacks.map((callback) => {
      const script = bestScript(panel.scripts, { ...panel.suggestion, callback });
      return callbackListItem(callback, whose, dueState(callback.dueAt, now), { script, context: { ...panel.context, now } });
    });
  }

  private async changed(write: Promise<{ ok: boolean; errors?: { field: string; message: string }[] }>): Promise<void> {
    const reply = await write.catch((error: unknown) => ({ ok: false, errors: [{ field: '', message: String(error) }] }));
    this.problem = reply.ok ? undefined : (reply.errors ?? []).map((error) => `${error.field}: ${error.message}`).join('; ') || t('error_not_found');
    await this.load();
    this.dispatchEvent(new CustomEvent('dd-sidebar-callbacks-changed', { bubbles: true, composed: true }));
  }

  override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (!view) return nothing;
    const items = this.items(view);
    const open = (id: string) => void sidebarApi.openCustomer(id);
    return html`<h2>${t('cadence_callbacks_title')}</h2>
      ${this.problem ? html`<p class="bad" role="alert">${this.problem}</p>` : nothing}
      <dd-callback-list
        .items=${items}
        .tomorrowAt=${view.tomorrowAt}
        @dd-callback-done=${(event: CustomEvent<{ id: string }>) => {
          const item = items.find((row) => row.id === event.detail.id);
          if (item) void this.changed(sidebarApi.callbackDone(callbackDone(item)));
        }}
        @dd-callback-snooze=${(event: CustomEvent<CallbackSnoozeDetail>) => void this.changed(sidebarApi.snooze(event.detail.id, event.detail.until))}
        @dd-callback-open=${(event: CustomEvent<{ customerId: string }>) => open(event.detail.customerId)}
      ></dd-callback-list>
      <h2>${t('script_panel_title')}</h2>
      <dd-script-panel
        .scripts=${view.panel.scripts}
        .context=${view.panel.context}
        .suggestion=${view.panel.suggestion}
        @dd-script-log=${() => this.customerId && open(this.customerId)}
      ></dd-script-panel>`;
  }
}

if (!customElements.get('dd-sidebar-follow-up')) customElements.define('dd-sidebar-follow-up', SidebarFollowUp);

declare global {
  interface HTMLElementEventMap {
    'dd-sidebar-callbacks-changed': CustomEvent<undefined>;
  }
}
