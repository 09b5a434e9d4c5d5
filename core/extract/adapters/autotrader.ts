import { parsePrice } from '../price';
import type { CapturedVehicle } from '../types';
import { textOf, type SiteAdapter } from './adapter';

/** Autotrader search results: each listing card names its dealer, its car and its price. */
export const autotrader: SiteAdapter = {
  id: 'autotrader',
  domains: ['autotrader.com', 'cars.com', 'cargurus.com'],
  currency: 'USD',
  rowName(row) {
    const owner = row.querySelector('[data-cmp=ownerDistance], .dealer-name, [data-qa=dealer-name]');
    // The dealer's name is the first text; the distance follows in a child.
    const first = owner ? [...owner.childNodes].find((node) => node.nodeType === 3 && node.textContent?.trim()) : undefined;
    return first?.textContent?.trim() || (owner ? textOf(owner, '*') : undefined);
  },
  rowVehicle(row) {
    const title = textOf(row, '[data-cmp=subheading], h2, h3, h4, .title, [class*=title]');
    const priceText = textOf(row, '[data-cmp=pricing] .first-price, [data-cmp=pricing], .primary-price, .price, [class*=price]');
    const vehicle: CapturedVehicle = {};
    if (title) {
      // "Used 1989 Toyota Corolla Deluxe Wagon": condition, year, make, model, trim.
      const words = title.replace(/^(New|Used|Certified|Pre-Owned)\s+/i, '').split(/\s+/);
      const [year, brand, series, ...trim] = /^\d{4}$/.test(words[0] ?? '') ? words : ['', ...words];
      if (brand) vehicle.brand = { value: brand, source: 'adapter' };
      if (series) vehicle.series = { value: series, source: 'adapter' };
      const trimText = [year, ...trim].filter(Boolean).join(' ');
      if (trimText) vehicle.trim = { value: trimText, source: 'adapter' };
    }
    const price = priceText ? parsePrice(priceText, 'USD') : undefined;
    if (price) vehicle.price = { value: price, source: 'adapter' };
    return vehicle;
  },
};
