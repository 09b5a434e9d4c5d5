import { adapterFor, defaultCurrency } from './adapters';
import { pageStates, stateFacts } from './page-state';
import { findPhones, phoneFromValue, samePhoneDigits, digitsOf } from './phones';
import { parsePrice } from './price';
import { jsonLdFacts, metaVehicle, microdataFacts, type StructuredFacts } from './structured';
import { clean, inSiteChrome, isSkipped, isVisible, renderedText } from './text';
import type { CaptureResult, CapturedContact, CapturedVehicle, ExtractOptions, FieldSource, Sourced } from './types';

export * from './types';
export { findPhones, phoneFromValue, samePhoneDigits, digitsOf } from './phones';
export { parsePrice } from './price';

/** Lists longer than this are cut: nobody captures a thousand rows from one page. */
const MAX_CONTACTS = 300;
/**
 * Reading stops after this many phones: by then the page is a list and its first MAX_CONTACTS rows
 * are read (a row holds one or two phones), so the rest of a 10,000-row back-end page is never visited.
 */
const MAX_PHONES_READ = MAX_CONTACTS * 2;

type LabelKey = 'name' | 'phone' | 'wechat' | 'city' | 'address' | 'dealer' | 'price' | 'series';
const LABELS: [LabelKey, RegExp][] = [
  ['phone', /^(电话|手机|手机号|手机号码|咨询电话|热线|联系电话|销售热线|服务热线|座机|Phone|Tel\.?|Telephone|Telefon|Mobile|Call)$/i],
  ['wechat', /^(微信|微信号|WeChat|Weixin)$/i],
  ['name', /^(姓名|客户|客户姓名|联系人|称呼|Name|Contact|Customer)$/i],
  ['dealer', /^(经销商|商家|门店|店铺|车商|卖家|Dealer|Seller|Dealership)$/i],
  ['city', /^(城市|所在城市|所在地|地区|City)$/i],
  ['address', /^(地址|详细地址|门店地址|经销商地址|Address)$/i],
  ['price', /^(厂商指导价|指导价|官方指导价|经销商报价|报价|售价|现价|裸车价|Price|MSRP|Listing price)$/i],
  ['series', /^(意向车型|车型|关注车型|车系|Model|Vehicle)$/i],
];
const LABEL_TEXT = /^\s*([^:：]{1,14}?)\s*[:：]\s*(.*)$/s;
// A text that is nothing but a label ("电话", "Phone:"): its value is the next text.
const LABEL_ONLY = new RegExp(`^\\s*(?:${LABELS.map(([, pattern]) => pattern.source.slice(2, -2)).join('|')})\\s*[:：*]?\\s*$`, 'i');
const HAS_DIGITS = /\d{3}|[\uFF10-\uFF19]{3}/;
const EMPTY_VALUE = /^(无|暂无|空|未知|未填写|不详|[-—–/]+|n\/?a|none|null)$/i;
const CHALLENGE = /(安全验证|人机验证|滑动验证|拖动滑块|验证码|请稍后|正在打开中|访问过于频繁|captcha|are you a robot|verify you are human|just a moment|checking your browser|access denied|unusual traffic)/i;

function labelOf(text: string): LabelKey | undefined {
  const label = clean(text).replace(/[:：*]$/, '');
  return LABELS.find(([, pattern]) => pattern.test(label))?.[0];
}

interface Labelled {
  key: LabelKey;
  value: string;
  element: Element;
}

interface PhoneHit {
  text: string;
  digits: string;
  element: Element;
  source: FieldSource;
}

function sourced<T>(value: T | undefined, source: FieldSource): Sourced<T> | undefined {
  return value === undefined || value === '' ? undefined : { value, source };
}

/** Fills each empty field of `into` from `from`: earlier sources are more trusted. */
function mergeVehicle(into: CapturedVehicle, from: CapturedVehicle | undefined): CapturedVehicle {
  if (!from) return into;
  for (const key of ['brand', 'series', 'trim', 'price'] as const) {
    if (!into[key] && from[key]) (into as Record<string, unknown>)[key] = from[key];
  }
  return into;
}

function isEmptyVehicle(vehicle: CapturedVehicle | undefined): boolean {
  return !vehicle || (!vehicle.brand && !vehicle.series && !vehicle.trim && !vehicle.price);
}

function mergeContact(into: CapturedContact, from: CapturedContact): void {
  for (const phone of from.phones) if (!into.phones.some((p) => samePhoneDigits(p.value, phone.value))) into.phones.push(phone);
  for (const key of ['name', 'wechat', 'address', 'city'] as const) if (!into[key] && from[key]) into[key] = from[key];
  if (from.kind === 'business' && !into.name) into.kind = 'business';
  if (from.vehicle) into.vehicle = mergeVehicle(into.vehicle ?? {}, from.vehicle);
}

function looksLikePersonName(name: string): boolean {
  return /^[\u4e00-\u9fa5]{1,4}(先生|女士|小姐)?$/.test(name) || /^[A-Z][a-z]+(\s[A-Z][a-z]+){0,2}$/.test(name);
}

const BUSINESS_WORDS = /(公司|汽车|4S|店|行|集团|中心|Motors?|Auto|Cars|Toyota|Honda|Ford|Nissan|Inc\b|LLC|Ltd|GmbH|Dealer|Sales)/i;

/** The reading of one page: every place a phone or a labelled value was seen. */
interface PageReading {
  hits: PhoneHit[];
  labels: Labelled[];
}

function usable(value: string): boolean {
  return !!value && !EMPTY_VALUE.test(value) && value.length <= 120;
}

/** A labelled price, read from the element as rendered the first time its value is asked for. */
function renderedPrice(element: Element, part: 'whole' | 'after-label'): Labelled {
  let value: string | undefined;
  return {
    key: 'price',
    element,
    get value() {
      if (value === undefined) {
        const rendered = renderedText(element);
        const text = rendered === undefined ? '' : part === 'whole' ? rendered : clean(rendered.replace(/^[^:：]*[:：]/, ''));
        value = usable(text) ? text : '';
      }
      return value;
    },
  };
}

function readPage(doc: Document): PageReading {
  const hits: PhoneHit[] = [];
  const labels: Labelled[] = [];
  const body = doc.body ?? doc.documentElement;
  if (!body) return { hits, labels };
  const chrome = new Map<Element, Element | null>();
  const links = new Map<Element, PhoneHit>();
  for (const link of body.querySelectorAll('a[href^="tel:"], a[href^="TEL:"]')) {
    if (links.size >= MAX_PHONES_READ) break;
    let number: string | undefined;
    try {
      number = phoneFromValue(decodeURIComponent(link.getAttribute('href')!.slice(4)));
    } catch {
      number = undefined;
    }
    if (number && !inSiteChrome(link, chrome)) links.set(link, { text: number, digits: digitsOf(number), element: link, source: 'tel-link' });
  }
  // One native pass over the text; the few nodes that hold digits or look like a label get a closer look.
  // Where the page has tel: links, elements are walked too, so each link's number takes its place in
  // reading order among the text hits (comparing positions afterwards walks long sibling lists).
  const walker = doc.createTreeWalker(body, links.size ? 1 | 4 /* elements and text */ : 4 /* text nodes */);
  let pending: LabelKey | undefined;
  const skippedMemo = new Map<Element, boolean>();
  for (let next = walker.nextNode(); next && hits.length < MAX_PHONES_READ; next = walker.nextNode()) {
    if (next.nodeType === 1) {
      const link = links.get(next as Element);
      if (link) hits.push(link);
      continue;
    }
    const node = next as Text;
    const data = node.data;
    const digits = HAS_DIGITS.test(data);
    const short = data.length <= 120;
    const mayBeLabel = short && (data.includes(':') || data.includes('：') || LABEL_ONLY.test(data));
    if (!digits && !mayBeLabel && !(pending && /\S/.test(data))) continue;
    const parent = node.parentElement;
    if (!parent || isSkipped(parent, skippedMemo)) continue;
    // Labelled values: "电话：138…", or "电话" followed by the value in the next text.
    let label: LabelKey | undefined;
    let value: string | undefined;
    // A price is read as rendered (CSS may draw its digits), which is slow: only when it is used.
    let price: 'whole' | 'after-label' | undefined;
    if (pending) {
      label = pending;
      pending = undefined;
      if (label === 'price') price = 'whole';
      else value = clean(data);
    } else if (mayBeLabel) {
      const inline = LABEL_TEXT.exec(data);
      label = inline ? labelOf(inline[1]!) : undefined;
      if (label) value = clean(inline![2]);
      else if (data.length <= 20 && (label = labelOf(data))) value = '';
      if (label && value === '') {
        pending = label;
        continue;
      }
      // The value shares its text node with the label.
      if (label === 'price' && value !== undefined) price = 'after-label';
    }
    if (price) labels.push(renderedPrice(parent, price));
    else if (label && value !== undefined) {
      if (label !== 'phone') value = value.split(/\s{2,}|[|｜]/)[0]!.trim();
      if (usable(value)) labels.push({ key: label, value, element: parent });
    }
    if (!digits) continue;
    const found = findPhones(data);
    if (found.length === 0) continue;
    // A number after 微信 is a WeChat id, not a second phone; after a price or a date, nothing.
    if (label && label !== 'phone' && label !== 'name' && label !== 'dealer') continue;
    if (inSiteChrome(parent, chrome) || !isVisible(parent)) continue;
    for (const match of found) hits.push({ text: match.text, digits: match.digits, element: parent, source: label === 'phone' ? 'label' : 'text' });
  }
  return { hits, labels };
}

/**
 * The row (card, list item, table row) of each phone: the highest ancestor holding no other
 * phone. Rows that are siblings under one parent form a list.
 */
function rowsOf(hits: PhoneHit[], body: Element): Map<Element, PhoneHit[]> | undefined {
  if (hits.length < 2) return undefined;
  const phonesUnder = new Map<Element, Set<string>>();
  for (const hit of hits) {
    for (let node: Element | null = hit.element; node && node !== body; node = node.parentElement) {
      let set = phonesUnder.get(node);
      if (!set) phonesUnder.set(node, (set = new Set()));
      set.add(hit.digits.slice(-10));
    }
  }
  const rowOfHit = new Map<PhoneHit, Element>();
  for (const hit of hits) {
    let row = hit.element;
    while (row.parentElement && row.parentElement !== body && (phonesUnder.get(row.parentElement)?.size ?? 0) <= 1) row = row.parentElement;
    rowOfHit.set(hit, row);
  }
  // Group rows by parent and tag: the biggest group of two or more is the list.
  const groups = new Map<Element, Set<Element>>();
  for (const row of rowOfHit.values()) {
    if (!row.parentElement) continue;
    let set = groups.get(row.parentElement);
    if (!set) groups.set(row.parentElement, (set = new Set()));
    set.add(row);
  }
  const lists = [...groups.values()].filter((rows) => rows.size >= 2 && new Set([...rows].map((row) => row.tagName)).size === 1);
  if (lists.length === 0) return undefined;
  // Once the page is a list, every other card with a phone (a sponsored one, a second column) is a row too.
  const byRow = new Map<Element, PhoneHit[]>();
  for (const hit of hits) {
    const row = rowOfHit.get(hit)!;
    const list = byRow.get(row) ?? [];
    if (!list.some((h) => h.digits === hit.digits)) list.push(hit);
    byRow.set(row, list);
  }
  // Hits come in reading order, so rows do too, each with whichever kind of hit (link or text) came first.
  return byRow;
}

/** Column labels of a table row's header: `客户 | 手机 | 意向车型 | 城市`, read once per table. */
function columnLabels(row: Element, headers: Map<Element, { header: Element; keys: (LabelKey | undefined)[] } | null>): (LabelKey | undefined)[] | undefined {
  const table = row.closest('table');
  if (!table) return undefined;
  let columns = headers.get(table);
  if (columns === undefined) {
    const header = table.querySelector('thead tr') ?? table.querySelector('tr');
    columns = header ? { header, keys: [...header.children].map((cell) => labelOf(cell.textContent ?? '')) } : null;
    headers.set(table, columns);
  }
  if (!columns || columns.header === row) return undefined;
  return columns.keys;
}

/** Each labelled value under the row that holds it. */
function labelsByRow(rows: Map<Element, PhoneHit[]>, labels: Labelled[]): Map<Element, Labelled[]> {
  const byRow = new Map<Element, Labelled[]>();
  for (const label of labels) {
    for (let node: Element | null = label.element; node; node = node.parentElement) {
      if (!rows.has(node)) continue;
      const list = byRow.get(node);
      if (list) list.push(label);
      else byRow.set(node, [label]);
      break;
    }
  }
  return byRow;
}

function vehicleNear(row: Element, facts: StructuredFacts): CapturedVehicle | undefined {
  // A JSON-LD block inside the card, or just before it, describes the card's car.
  const inside = facts.vehicles.find((v) => v.element && row.contains(v.element));
  if (inside) return inside.vehicle;
  const previous = row.previousElementSibling;
  if (previous?.matches('script[type="application/ld+json"]')) return facts.vehicles.find((v) => v.element === previous)?.vehicle;
  return undefined;
}

interface RowContext {
  facts: StructuredFacts;
  adapter: ReturnType<typeof adapterFor>;
  currency: string;
  /** Each table's header row and column labels, found once per table. */
  headers: Parameters<typeof columnLabels>[1];
}

function rowContact(row: Element, hits: PhoneHit[], labels: Labelled[], { facts, adapter, currency, headers }: RowContext): CapturedContact {
  const contact: CapturedContact = { kind: 'business', phones: hits.map((hit) => ({ value: hit.text, source: hit.source === 'text' ? 'row' : hit.source })) };
  const vehicle: CapturedVehicle = {};
  const columns = row.tagName === 'TR' ? columnLabels(row, headers) : undefined;
  if (columns) {
    const cells = [...row.children];
    columns.forEach((key, index) => {
      const value = clean(cells[index]?.textContent);
      if (!key || !value || EMPTY_VALUE.test(value)) return;
      if (key === 'name') {
        contact.name = { value, source: 'row' };
        contact.kind = 'person';
      } else if (key === 'dealer') contact.name ??= { value, source: 'row' };
      else if (key === 'wechat' || key === 'city' || key === 'address') contact[key] = { value, source: 'row' };
      else if (key === 'series') vehicle.series = { value, source: 'row' };
      else if (key === 'price') vehicle.price = sourced(parsePrice(value, currency), 'row');
    });
  }
  for (const label of labels) {
    if (label.key === 'name' || label.key === 'dealer') contact.name ??= { value: label.value, source: 'label' };
    else if (label.key === 'wechat' || label.key === 'city' || label.key === 'address') contact[label.key] ??= { value: label.value, source: 'label' };
    else if (label.key === 'series') vehicle.series ??= { value: label.value, source: 'label' };
    else if (label.key === 'price') vehicle.price ??= sourced(parsePrice(label.value, currency), 'label');
  }
  if (!contact.name) {
    const name = adapter?.rowName?.(row) ?? clean(row.querySelector('[class*=name], [class*=dealer], [class*=seller], [class*=shop], [class*=title], h2, h3, h4, strong, b')?.textContent);
    if (name && name.length <= 60 && !findPhones(name).length) contact.name = { value: name, source: adapter?.rowName ? 'adapter' : 'row' };
  }
  if (!contact.address) {
    const address = clean(row.querySelector('[class*=address], [class*=addr]')?.textContent);
    if (address && address.length <= 120) contact.address = { value: address.replace(/^(地址|Address)\s*[:：]\s*/i, ''), source: 'row' };
  }
  // Enrich from structured data about the same phone (the card's dealer in JSON-LD).
  const structured = [...facts.contacts, ...facts.vehicles.flatMap((v) => (v.seller ? [v.seller] : []))].find((c) =>
    c.phones.some((p) => contact.phones.some((q) => samePhoneDigits(p.value, q.value))),
  );
  if (structured) {
    for (const key of ['name', 'address', 'city'] as const) if (!contact[key] && structured[key]) contact[key] = structured[key];
  }
  if (contact.name && !columns) contact.kind = looksLikePersonName(contact.name.value) && !BUSINESS_WORDS.test(contact.name.value) ? 'person' : 'business';
  mergeVehicle(vehicle, adapter?.rowVehicle?.(row));
  mergeVehicle(vehicle, vehicleNear(row, facts));
  if (!vehicle.price && !columns) {
    // A card's own price element ("最低报价 24.98万"), read as rendered.
    const priceElement = row.querySelector('[class*=price]');
    const text = priceElement ? renderedText(priceElement) : undefined;
    const price = text ? parsePrice(text, currency) : undefined;
    if (price) vehicle.price = { value: price, source: 'row' };
  }
  if (!isEmptyVehicle(vehicle)) contact.vehicle = vehicle;
  return contact;
}

function selectionContact(selection: string): CapturedContact | undefined {
  const phones = findPhones(selection);
  if (phones.length === 0) return undefined;
  const contact: CapturedContact = { kind: 'person', phones: phones.map((p) => ({ value: p.text, source: 'selection' })) };
  const before = clean(selection.slice(0, phones[0]!.index).replace(/(电话|手机|联系电话|Phone|Tel|Mobile)?\s*[:：,，]?\s*$/i, ''));
  const name = before.split(/[\s,，;；|]/).filter(Boolean).pop();
  if (name && name.length <= 20 && !/\d/.test(name)) contact.name = { value: name.replace(/^(姓名|客户|联系人|Name)[:：]/i, ''), source: 'selection' };
  const wechat = /(?:微信|WeChat)\s*[:：]?\s*([A-Za-z][\w-]{5,19})/i.exec(selection);
  if (wechat?.[1]) contact.wechat = { value: wechat[1], source: 'selection' };
  if (contact.name && BUSINESS_WORDS.test(contact.name.value)) contact.kind = 'business';
  return contact;
}

function isChallengePage(doc: Document): boolean {
  const title = doc.title ?? '';
  if (CHALLENGE.test(title)) return true;
  const body = doc.body;
  if (!body) return true;
  // An interstitial: a handful of elements and almost no text, asking the visitor to wait or prove something.
  // The 61st element, not the count: counting walks the whole of a large page.
  if (body.getElementsByTagName('*')[60]) return false;
  const raw = body.textContent ?? '';
  return raw.length < 4000 && CHALLENGE.test(clean(raw));
}

function isHomePage(url: URL): boolean {
  return /^\/(index\.\w+)?$/i.test(url.pathname) && !url.search;
}

/**
 * Reads a lead from a page: its contacts (people or businesses, with phones) and the car in view,
 * each value tagged with where it came from. Pure: reads the DOM, changes nothing, never throws on
 * malformed page data, and never invents a value.
 */
export function extractCapture(doc: Document, href: string, options: ExtractOptions = {}): CaptureResult {
  const url = new URL(href);
  const result: CaptureResult = { url: href, title: clean(doc.title).slice(0, 200), contacts: [], challenge: false };
  const selected = options.selection ? selectionContact(options.selection) : undefined;
  if (isChallengePage(doc)) {
    result.challenge = true;
    if (selected) result.contacts.push(selected);
    return result;
  }
  const adapter = adapterFor(url.hostname);
  const currency = defaultCurrency(url.hostname);

  const facts: StructuredFacts = { vehicles: [], contacts: [] };
  jsonLdFacts(doc, facts);
  microdataFacts(doc, facts);
  const state = stateFacts(pageStates(doc), currency);
  const { hits, labels } = readPage(doc);

  // The car in view: one vehicle in structured data, else page state, the site adapter, labels, meta.
  const series = new Set(facts.vehicles.map((v) => v.vehicle.series?.value ?? v.vehicle.trim?.value));
  const vehicle: CapturedVehicle = {};
  if (facts.vehicles.length === 1) mergeVehicle(vehicle, facts.vehicles[0]!.vehicle);
  else if (facts.vehicles.length > 1 && series.size === 1) {
    // Many offers of one model (a search for it): the model is in view, no single trim or price.
    const { brand, series: model } = facts.vehicles[0]!.vehicle;
    mergeVehicle(vehicle, { brand, series: model });
  }
  const isListOfCars = facts.vehicles.length > 1 && series.size > 1;
  if (!isListOfCars) {
    mergeVehicle(vehicle, state.vehicle);
    mergeVehicle(vehicle, adapter?.vehicle?.(doc, url));
  }

  const contacts: CapturedContact[] = [];
  const body = doc.body ?? doc.documentElement;
  const rows = body ? rowsOf(hits, body) : undefined;
  if (rows && rows.size >= 2) {
    // A list (dealers, sellers, inquiries): one contact per row, as the consultant sees them.
    const rowLabels = labelsByRow(rows, labels);
    const context: RowContext = { facts, adapter, currency, headers: new Map() };
    for (const [row, rowHits] of rows) {
      if (contacts.length >= MAX_CONTACTS) break;
      contacts.push(rowContact(row, rowHits, rowLabels.get(row) ?? [], context));
    }
  } else {
    const pageLevel = !isListOfCars && !isHomePage(url);
    // Price and model written beside a label, when structured data gave none.
    if (pageLevel) {
      for (const label of labels) {
        if (label.key === 'price' && !vehicle.price) vehicle.price = sourced(parsePrice(label.value, currency), 'label');
        if (label.key === 'series' && !vehicle.series && !facts.vehicles.length) vehicle.series = { value: label.value, source: 'label' };
      }
    }
    for (const found of [...facts.contacts, ...facts.vehicles.flatMap((v) => (v.seller ? [v.seller] : [])), ...state.contacts]) {
      const same = contacts.find((c) => c.phones.some((p) => found.phones.some((q) => samePhoneDigits(p.value, q.value))));
      if (same) mergeContact(same, found);
      else contacts.push(structuredClone(found));
    }
    if (pageLevel) {
      const seen = hits.filter((hit) => !contacts.some((c) => c.phones.some((p) => samePhoneDigits(p.value, hit.text))));
      if (seen.length > 0) {
        const distinct = seen.filter((hit, i) => seen.findIndex((h) => samePhoneDigits(h.text, hit.text)) === i).slice(0, 3);
        const contact: CapturedContact = { kind: 'business', phones: distinct.map((hit) => ({ value: hit.text, source: hit.source })) };
        const name = labels.find((l) => l.key === 'name') ?? labels.find((l) => l.key === 'dealer');
        if (name && !findPhones(name.value).length) {
          contact.name = { value: name.value, source: 'label' };
          contact.kind = name.key === 'name' || (looksLikePersonName(name.value) && !BUSINESS_WORDS.test(name.value)) ? 'person' : 'business';
        }
        if (contacts.length === 1 && !contacts[0]!.name) mergeContact(contacts[0]!, contact);
        else contacts.push(contact);
      }
      // Labelled WeChat, city and address belong to the page's one contact.
      if (contacts.length === 1) {
        const only = contacts[0]!;
        for (const label of labels) if ((label.key === 'wechat' || label.key === 'city' || label.key === 'address') && !only[label.key]) only[label.key] = { value: label.value, source: 'label' };
      }
    }
  }
  if (selected) {
    const same = contacts.findIndex((c) => c.phones.some((p) => selected.phones.some((q) => samePhoneDigits(p.value, q.value))));
    if (same >= 0) {
      const [existing] = contacts.splice(same, 1);
      mergeContact(selected, existing!);
    }
    contacts.unshift(selected);
  }
  result.contacts = contacts;
  if (!isEmptyVehicle(vehicle)) result.vehicle = vehicle;
  else if (!isListOfCars) {
    const meta = metaVehicle(doc);
    if (!isEmptyVehicle(meta)) result.vehicle = meta;
  }
  return clipped(result);
}

const MAX_VALUE = 200;

/** Page values are bounded (a page could put a novel in a JSON-LD name). */
function clipped(result: CaptureResult): CaptureResult {
  const clip = (entry: Sourced | undefined): void => {
    if (entry && entry.value.length > MAX_VALUE) entry.value = entry.value.slice(0, MAX_VALUE);
  };
  const clipVehicle = (vehicle: CapturedVehicle | undefined): void => {
    if (!vehicle) return;
    clip(vehicle.brand);
    clip(vehicle.series);
    clip(vehicle.trim);
  };
  for (const contact of result.contacts) {
    for (const entry of [contact.name, contact.wechat, contact.address, contact.city, ...contact.phones]) clip(entry);
    contact.phones = contact.phones.slice(0, 10);
    clipVehicle(contact.vehicle);
  }
  clipVehicle(result.vehicle);
  return result;
}
