import { liveQuery } from 'dexie';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { formatDateTime, t, type MessageKey } from '../../core/i18n';
import { LiveQueryController } from '../../components/controllers/live-query-controller';
import { LocaleController } from '../../components/controllers/locale-controller';
import { approveLost, openDatabase, pendingLostRequests, returnLost, type CustomerRecord } from '../../storage';
import { viewStyles } from './view-styles';

const db = openDatabase();

/**
 * The manager's queue of lost-deal (战败) requests: approve (the customer becomes lost, grade F) or
 * send back with a note (the customer stays active and gets a callback tomorrow).
 */
export class ApprovalsView extends LitElement {
  static override styles = viewStyles;
  static override properties = { message: { state: true } };
  declare message: string | undefined;

  private readonly pending = new LiveQueryController<CustomerRecord[]>(this, () => liveQuery(() => pendingLostRequests(db)), []);

  constructor() {
    super();
    new LocaleController(this);
  }

  private async decide(customer: CustomerRecord, approve: boolean): Promise<void> {
    const note = this.renderRoot.querySelector<HTMLInputElement>(`[data-note="${customer.id}"]`)?.value.trim() ?? '';
    const result = approve ? await approveLost(db, customer.id) : await returnLost(db, customer.id, note);
    this.message = result.ok
      ? t(approve ? 'approval_done_approved' : 'approval_done_returned', customer.name)
      : result.errors.map((error) => `${error.field}: ${error.message}`).join('; ');
  }

  override render(): TemplateResult {
    const requests = this.pending.value;
    return html`<section class="panel">
      <h2>${t('approval_title')}</h2>
      <p class="muted">${t('approval_help')}</p>
      ${this.message ? html`<p class="message" role="status">${this.message}</p>` : nothing}
      ${this.pending.loaded && requests.length === 0
        ? html`<p class="muted">${t('approval_empty')}</p>`
        : html`<table class="plain">
            <thead>
              <tr>
                <th>${t('field_name')}</th><th>${t('field_consultant')}</th><th>${t('field_grade')}</th><th>${t('field_deal_lost_reason')}</th>
                <th>${t('field_deal_lost_competitorModel')}</th><th>${t('approval_requested_at')}</th><th>${t('approval_note')}</th><th></th>
              </tr>
            </thead>
            <tbody>
              ${requests.map(
                (customer) => html`<tr data-id=${customer.id}>
                  <td><a href="#customer=${encodeURIComponent(customer.id)}">${customer.name}</a></td>
                  <td>${customer.consultant ?? ''}</td>
                  <td>${t(`grade_${customer.grade}` as MessageKey)}</td>
                  <td>${customer.deal.lost?.reason}</td>
                  <td>${customer.deal.lost?.competitorModel ?? ''}</td>
                  <td>${customer.deal.lost?.requestedAt ? formatDateTime(customer.deal.lost.requestedAt) : ''}</td>
                  <td><input data-note=${customer.id} size="14" placeholder=${t('approval_note_placeholder')} aria-label=${t('approval_note')} /></td>
                  <td>
                    <button type="button" class="danger" @click=${() => this.decide(customer, true)}>${t('approval_approve')}</button>
                    <button type="button" @click=${() => this.decide(customer, false)}>${t('approval_return')}</button>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}
    </section>`;
  }
}

customElements.define('dd-approvals-view', ApprovalsView);
