import { phoneFromValue } from './phones';
import { clean } from './text';
import type { CapturedContact, CapturedVehicle, FieldSource, Price } from './types';

/** Schema.org facts, whether from JSON-LD or microdata. */
type Thing = Record<string, unknown>;

const VEHICLE_TYPES = /^(Car|Vehicle|MotorizedBicycle|Motorcycle|BusOrCoach|Product|IndividualProduct|ProductModel)$/;
const CONTACT_TYPES = /^(AutoDealer|AutomotiveBusiness|AutoRental|LocalBusiness|Store|Person|Organization|Corporation|AutoRepair)$/;

function typesOf(thing: Thing): string[] {
  const type = thing['@type'] ?? thing.type;
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#]/, ''));
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return clean(String(value)) || undefined;
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') return text((value as Thing).name ?? (value as Thing)['@value']);
  return undefined;
}

function things(value: unknown): Thing[] {
  if (Array.isArray(value)) return value.filter((v): v is Thing => !!v && typeof v === 'object');
  return value && typeof value === 'object' ? [value as Thing] : [];
}

function amount(value: unknown): number | undefined {
  const raw = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(/[,\s]/g, '')) : NaN;
  return Number.isFinite(raw) && raw > 0 ? raw : undefined;
}

export function priceOf(offer: Thing): Price | undefined {
  const spec = things(offer.priceSpecification)[0];
  const value = amount(offer.price) ?? amount(offer.lowPrice) ?? (spec ? amount(spec.price) : undefined);
  if (value === undefined) return undefined;
  const currency = text(offer.priceCurrency) ?? (spec ? text(spec.priceCurrency) : undefined) ?? 'CNY';
  return { amount: value, currency: currency.toUpperCase() };
}

function vehicleOf(thing: Thing, source: FieldSource): CapturedVehicle {
  const vehicle: CapturedVehicle = {};
  const brand = text(thing.brand) ?? text(thing.manufacturer);
  const series = text(thing.model);
  const trim = text(thing.vehicleConfiguration) ?? text(thing.name);
  if (brand) vehicle.brand = { value: brand, source };
  if (series) vehicle.series = { value: series, source };
  if (trim && trim !== series) vehicle.trim = { value: trim, source };
  const price = things(thing.offers).map(priceOf).find(Boolean);
  if (price) vehicle.price = { value: price, source };
  return vehicle;
}

function contactOf(thing: Thing, source: FieldSource): CapturedContact | undefined {
  const types = typesOf(thing);
  const phones = [thing.telephone, ...things(thing.contactPoint).map((point) => point.telephone)]
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .map((value) => (typeof value === 'string' || typeof value === 'number' ? phoneFromValue(String(value)) : undefined))
    .filter((phone): phone is string => !!phone);
  if (phones.length === 0) return undefined;
  const contact: CapturedContact = { kind: types.includes('Person') ? 'person' : 'business', phones: [...new Set(phones)].map((value) => ({ value, source })) };
  const name = text(thing.name) ?? text(thing.legalName);
  if (name) contact.name = { value: name, source };
  const address = things(thing.address)[0];
  if (address) {
    const street = text(address.streetAddress);
    const city = text(address.addressLocality) ?? text(address.addressRegion);
    const region = text(address.addressRegion);
    const parts = [region, city !== region ? city : undefined, street].filter((part): part is string => !!part);
    // 北京 朝阳区… in Chinese order; "9600 N Lamar Blvd, Austin, TX" elsewhere.
    const full = /[\u4e00-\u9fa5]/.test(parts.join('')) ? parts.join(' ') : parts.reverse().join(', ');
    if (street) contact.address = { value: full, source };
    if (city) contact.city = { value: city, source };
  } else if (typeof thing.address === 'string' && clean(thing.address)) {
    contact.address = { value: clean(thing.address), source };
  }
  return contact;
}

export interface StructuredFacts {
  vehicles: { vehicle: CapturedVehicle; seller?: CapturedContact; element?: Element }[];
  contacts: CapturedContact[];
}

/**
 * Walks schema.org things: vehicles (with their offer's seller) and businesses or people with a phone.
 * The site's own Organization (the portal, with its customer-service line) is not a lead: a top-level
 * Organization counts only when it is a dealer type or sells the car.
 */
function collect(roots: Thing[], source: FieldSource, facts: StructuredFacts, element?: Element): void {
  const seen = new Set<Thing>();
  const visit = (thing: Thing, depth: number, role: 'top' | 'seller' | 'nested'): void => {
    if (depth > 6 || seen.has(thing)) return;
    seen.add(thing);
    const types = typesOf(thing);
    if (types.some((t) => VEHICLE_TYPES.test(t))) {
      const vehicle = vehicleOf(thing, source);
      const sellers = things(thing.offers).flatMap((offer) => [...things(offer.seller), ...things(offer.offeredBy)]);
      const seller = sellers.map((s) => contactOf(s, source)).find(Boolean);
      sellers.forEach((s) => seen.add(s));
      facts.vehicles.push({ vehicle, seller, element });
    } else if (types.some((t) => CONTACT_TYPES.test(t)) && (role !== 'top' || !/^(Organization|Corporation)$/.test(types[0] ?? ''))) {
      const contact = contactOf(thing, source);
      if (contact) facts.contacts.push(contact);
    } else if (types.includes('Offer') || types.includes('AggregateOffer')) {
      for (const seller of [...things(thing.seller), ...things(thing.offeredBy)]) {
        const contact = contactOf(seller, source);
        seen.add(seller);
        if (contact) facts.contacts.push(contact);
      }
    }
    for (const key of ['@graph', 'itemListElement', 'item', 'mainEntity', 'about', 'itemOffered', 'offers']) {
      for (const child of things(thing[key])) visit(child, depth + 1, key === '@graph' ? 'top' : 'nested');
    }
  };
  for (const root of roots) visit(root, 0, 'top');
}

/** JSON-LD blocks; a malformed block is skipped, the others still count. */
export function jsonLdFacts(doc: Document, facts: StructuredFacts): void {
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type') !== 'application/ld+json') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    collect(things(parsed), 'json-ld', facts, script);
  }
}

function microdataValue(element: Element): unknown {
  if (element.hasAttribute('itemscope')) return microdataThing(element);
  if (element.hasAttribute('content')) return element.getAttribute('content');
  if (element.tagName === 'A') {
    const href = element.getAttribute('href') ?? '';
    return /^tel:/i.test(href) ? href.slice(4) : href;
  }
  return clean(element.textContent);
}

function microdataThing(scope: Element): Thing {
  const thing: Thing = { '@type': (scope.getAttribute('itemtype') ?? '').split(/\s+/)[0] ?? '' };
  for (const prop of scope.querySelectorAll('[itemprop]')) {
    // Only this scope's own properties, not those of nested things.
    if (prop.parentElement?.closest('[itemscope]') !== scope) continue;
    const value = microdataValue(prop);
    for (const name of (prop.getAttribute('itemprop') ?? '').split(/\s+/)) {
      if (!name) continue;
      const existing = thing[name];
      thing[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
  }
  return thing;
}

export function microdataFacts(doc: Document, facts: StructuredFacts): void {
  const tops = [...doc.querySelectorAll('[itemscope]:not([itemprop])')];
  if (tops.length === 0) return;
  collect(tops.map(microdataThing), 'microdata', facts);
}

/** OpenGraph / product meta tags: a vehicle's name and price at most, never a contact. */
export function metaVehicle(doc: Document): CapturedVehicle {
  // One pass over the meta tags: each selector query would walk the whole of a large page.
  const contents = new Map<string, string>();
  for (const tag of doc.getElementsByTagName('meta')) {
    const name = tag.getAttribute('property') ?? tag.getAttribute('name');
    if (name && !contents.has(name)) contents.set(name, tag.getAttribute('content') ?? '');
  }
  const meta = (name: string): string | undefined => clean(contents.get(name)) || undefined;
  const vehicle: CapturedVehicle = {};
  const brand = meta('product:brand') ?? meta('og:brand');
  if (brand) vehicle.brand = { value: brand, source: 'meta' };
  const price = amount(meta('product:price:amount') ?? meta('og:price:amount'));
  if (price !== undefined) {
    vehicle.price = { value: { amount: price, currency: (meta('product:price:currency') ?? meta('og:price:currency') ?? 'CNY').toUpperCase() }, source: 'meta' };
  }
  return vehicle;
}
