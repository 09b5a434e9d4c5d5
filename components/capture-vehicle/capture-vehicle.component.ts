import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import type { CapturedVehicle } from '../../core/extract/types';
import { t } from '../../core/i18n';
import { LocaleController } from '../controllers/locale-controller';

/** `24.98万` in Chinese, `$18,833` elsewhere. */
export function formatPrice(amount: number, currency: string, locale: string): string {
  if (currency === 'CNY' && locale === 'zh_CN' && amount >= 10_000) return `${Math.round(amount / 100) / 100}万`;
  try {
    return new Intl.NumberFormat(locale === 'zh_CN' ? 'zh-CN' : 'en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/**
 * The car in view, to set as the customer's intended model.
 *
 * @event dd-vehicle-set - the user wants this car as the intended model.
 */
export class DdCaptureVehicle extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: var(--dd-font, 13px/1.45 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    }
    .car {
      display: flex;
      gap: 8px;
      align-items: center;
      justify-content: space-between;
    }
    .model {
      font-weight: 600;
    }
    .price {
      color: var(--dd-muted, #616e7c);
      font-size: 12px;
    }
    button {
      font: inherit;
      font-size: 12px;
      padding: 3px 10px;
      border-radius: 6px;
      border: 1px solid var(--dd-accent, #1d4ed8);
      background: #fff;
      color: var(--dd-accent, #1d4ed8);
      cursor: pointer;
      white-space: nowrap;
    }
    .empty {
      margin: 0;
      color: var(--dd-muted, #616e7c);
    }
  `;
  static override properties = { vehicle: { attribute: false }, locale: {} };

  declare vehicle: CapturedVehicle | undefined;
  declare locale: string;

  constructor() {
    super();
    this.locale = 'zh_CN';
    new LocaleController(this);
  }

  override render(): TemplateResult {
    const vehicle = this.vehicle;
    if (!vehicle) return html`<p class="empty">${t('capture_vehicle_none')}</p>`;
    const model = [vehicle.brand?.value, vehicle.series?.value].filter(Boolean).join(' ');
    const price = vehicle.price ? formatPrice(vehicle.price.value.amount, vehicle.price.value.currency, this.locale) : undefined;
    return html`<div class="car">
      <div>
        <div class="model">${model || vehicle.trim?.value}</div>
        <div class="price">${model && vehicle.trim ? vehicle.trim.value : nothing}${price ? html` · ${price}` : nothing}</div>
      </div>
      <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('dd-vehicle-set', { bubbles: true, composed: true }))}>${t('capture_vehicle_set')}</button>
    </div>`;
  }
}
