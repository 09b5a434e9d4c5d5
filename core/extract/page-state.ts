import { phoneFromValue } from './phones';
import { clean } from './text';
import type { CapturedContact, CapturedVehicle } from './types';

/**
 * Embedded page state (`__NEXT_DATA__`, `window.__INITIAL_STATE__`, `__NUXT__`): the data a
 * single-page portal renders from. Read as labelled data only: a phone counts when it sits under a
 * phone-named key beside a name, never from free text inside scripts.
 */

const STATE_ASSIGNMENT = /(?:window\.)?(__INITIAL_STATE__|__PRELOADED_STATE__|__NUXT__|__APOLLO_STATE__)\s*=\s*/;
const STATE_NAMES = ['__INITIAL_STATE__', '__PRELOADED_STATE__', '__NUXT__', '__APOLLO_STATE__'];
const MAX_NODES = 20_000;

/** The object literal starting at `start`, if it is JSON. */
function jsonObjectAt(source: string, start: number): unknown {
  const open = source.indexOf('{', start);
  if (open < 0 || open - start > 4) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        return JSON.parse(source.slice(open, i + 1));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function pageStates(doc: Document): unknown[] {
  const states: unknown[] = [];
  const next = doc.getElementById('__NEXT_DATA__');
  if (next?.tagName === 'SCRIPT') {
    try {
      states.push(JSON.parse(next.textContent ?? ''));
    } catch {
      /* malformed: skipped */
    }
  }
  // The document's own script collection: walked once, and shared with the JSON-LD reading.
  for (const script of doc.getElementsByTagName('script')) {
    const type = script.getAttribute('type');
    if (script.hasAttribute('src') || (type !== null && type !== 'text/javascript')) continue;
    const source = script.textContent ?? '';
    if (!STATE_NAMES.some((name) => source.includes(name))) continue;
    const match = STATE_ASSIGNMENT.exec(source);
    if (!match) continue;
    const state = jsonObjectAt(source, match.index + match[0].length);
    if (state !== undefined) states.push(state);
  }
  return states;
}

type Node = Record<string, unknown>;
const PHONE_KEY = /^(phone|tel|telephone|mobile|hotline|contactPhone|dealerPhone|sellerPhone|dealerTel|phoneNumber|mobilePhone|salesPhone|shopTel)$/i;
const NAME_KEY = /^(dealerName|sellerName|shopName|companyName|storeName|contactName|customerName|userName|name|fullName)$/i;
const ADDRESS_KEY = /^(address|dealerAddress|shopAddress|addr)$/i;
const CITY_KEY = /^(city|cityName)$/i;
const BRAND_KEY = /^(brandName|brand)$/i;
const SERIES_KEY = /^(seriesName|series|modelName)$/i;
const TRIM_KEY = /^(specName|trimName|trim|carName)$/i;
const PRICE_KEY = /^(guidePrice|price|salePrice|dealerPrice|listPrice)$/i;

function str(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? clean(String(value)) || undefined : undefined;
}

function field(node: Node, key: RegExp): string | undefined {
  for (const [name, value] of Object.entries(node)) if (key.test(name)) {
    const found = str(value);
    if (found) return found;
  }
  return undefined;
}

export interface StateFacts {
  contacts: CapturedContact[];
  vehicle?: CapturedVehicle;
}

export function stateFacts(states: unknown[], currency = 'CNY'): StateFacts {
  const facts: StateFacts = { contacts: [] };
  let visited = 0;
  const walk = (value: unknown, depth: number): void => {
    if (visited++ > MAX_NODES || depth > 12 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    const node = value as Node;
    const phoneText = field(node, PHONE_KEY);
    const phone = phoneText ? phoneFromValue(phoneText) : undefined;
    const name = field(node, NAME_KEY);
    if (phone && name) {
      const contact: CapturedContact = { kind: /customer|user|contact/i.test(Object.keys(node).join(' ')) ? 'person' : 'business', phones: [{ value: phone, source: 'page-state' }], name: { value: name, source: 'page-state' } };
      const address = field(node, ADDRESS_KEY);
      const city = field(node, CITY_KEY);
      if (address) contact.address = { value: address, source: 'page-state' };
      if (city) contact.city = { value: city, source: 'page-state' };
      facts.contacts.push(contact);
    }
    const brand = field(node, BRAND_KEY);
    const series = field(node, SERIES_KEY);
    if (!facts.vehicle && brand && series) {
      const vehicle: CapturedVehicle = { brand: { value: brand, source: 'page-state' }, series: { value: series, source: 'page-state' } };
      const trim = field(node, TRIM_KEY);
      if (trim) vehicle.trim = { value: trim, source: 'page-state' };
      let price = Number(field(node, PRICE_KEY)?.replace(/[,\s]/g, ''));
      // Chinese portals keep prices in 万 (25.80 = 258,000 元): no car sells for under a thousand.
      if (currency === 'CNY' && price > 0 && price < 1000) price = Math.round(price * 10_000);
      if (Number.isFinite(price) && price > 0) vehicle.price = { value: { amount: price, currency }, source: 'page-state' };
      facts.vehicle = vehicle;
    }
    for (const child of Object.values(node)) if (child && typeof child === 'object') walk(child, depth + 1);
  };
  for (const state of states) walk(state, 0);
  return facts;
}
