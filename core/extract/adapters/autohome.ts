import type { CapturedVehicle } from '../types';
import { clean } from '../text';
import { textOf, type SiteAdapter } from './adapter';

/**
 * 汽车之家 / che168: series pages name the car in the sub-navigation title as `品牌(进口)-车系`
 * (the spec table itself is drawn by script with digits hidden in CSS, so it is not read). Dealer
 * pages (dealer.autohome.com.cn) name the dealer in their header.
 */
export const autohome: SiteAdapter = {
  id: 'autohome',
  domains: ['autohome.com.cn', 'che168.com'],
  currency: 'CNY',
  vehicle(doc) {
    // By class, not a selector list: a dealer page has no such element and is walked once, by the fastest path.
    const subnav = doc.getElementsByClassName('subnav-title-name')[0];
    const title = clean(subnav?.textContent) || undefined;
    if (!title) return undefined;
    const [brandPart, ...rest] = title.split('-');
    const series = rest.join('-').trim() || brandPart?.trim();
    const brand = brandPart?.replace(/[(（][^)）]*[)）]/g, '').trim();
    const vehicle: CapturedVehicle = {};
    if (brand && rest.length) vehicle.brand = { value: brand, source: 'adapter' };
    if (series) vehicle.series = { value: series, source: 'adapter' };
    return vehicle;
  },
  rowName: (row) => textOf(row, '.dealer-name, .dealername, .tit-name, .name, [class*=dealer-name]'),
};
