import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractCapture, findPhones, parsePrice, type CaptureResult } from '../../core/extract';

const PAGES = join(import.meta.dirname, '..', 'fixtures', 'pages');

function page(file: string, url: string, selection?: string): CaptureResult {
  const doc = new DOMParser().parseFromString(readFileSync(join(PAGES, file), 'utf8'), 'text/html');
  return extractCapture(doc, url, { selection });
}

const phonesOf = (result: CaptureResult) => result.contacts.map((contact) => contact.phones.map((phone) => phone.value));

describe('model and spec pages', () => {
  test('autohome spec table gives the series, never a number from an id, a code or a timestamp', () => {
    const result = page('autohome-spec.html', 'https://car.autohome.com.cn/config/series/5926.html');
    expect(result.contacts).toEqual([]);
    expect(result.vehicle?.brand).toEqual({ value: '问界', source: 'adapter' });
    expect(result.vehicle?.series).toEqual({ value: '问界M7', source: 'adapter' });
    // The price's first digit is drawn by CSS: without a browser to render it, it is left empty.
    expect(result.vehicle?.price).toBeUndefined();
  });

  test('cars.com detail: a malformed JSON-LD block is skipped, the valid one and the microdata dealer are read', () => {
    const result = page('cars-detail.html', 'https://www.cars.com/vehicledetail/5c1f/');
    expect(result.vehicle).toEqual({
      brand: { value: 'Toyota', source: 'json-ld' },
      series: { value: 'Camry', source: 'json-ld' },
      trim: { value: 'XSE', source: 'json-ld' },
      price: { value: { amount: 34120, currency: 'USD' }, source: 'json-ld' },
    });
    expect(result.contacts).toHaveLength(1);
    const [dealer] = result.contacts;
    expect(dealer?.kind).toBe('business');
    expect(dealer?.name).toEqual({ value: 'Lone Star Toyota of Austin', source: 'microdata' });
    expect(dealer?.phones).toEqual([{ value: '+15125550142', source: 'microdata' }]);
    expect(dealer?.city?.value).toBe('Austin');
    expect(dealer?.address?.value).toBe('9600 N Lamar Blvd, Austin, TX');
  });
});

describe('dealer pages', () => {
  test('autohome dealer: JSON-LD dealer with its extension, labelled WeChat, the car and its price; not the portal hotline', () => {
    const result = page('autohome-dealer.html', 'https://dealer.autohome.com.cn/2024/');
    expect(result.contacts).toHaveLength(1);
    const [dealer] = result.contacts;
    expect(dealer?.name?.value).toBe('北京华通远航汽车销售服务有限公司');
    expect(dealer?.phones).toEqual([{ value: '400-812-3456 转 21', source: 'json-ld' }]);
    expect(dealer?.wechat).toEqual({ value: 'huatong_auto', source: 'label' });
    expect(dealer?.city?.value).toBe('北京');
    expect(dealer?.address?.value).toBe('北京 朝阳区北四环东路 108 号');
    expect(result.vehicle?.series?.value).toBe('问界M7');
    expect(result.vehicle?.trim?.value).toBe('2024款 Pro 四驱版');
    expect(result.vehicle?.price?.value).toEqual({ amount: 279800, currency: 'CNY' });
  });

  test('single-page portal state (__NEXT_DATA__): the seller and the car, with euro prices', () => {
    const result = page('autoscout-spa.html', 'https://www.autoscout24.de/angebote/vw-id4-pro');
    expect(result.contacts).toEqual([
      {
        kind: 'business',
        name: { value: 'Autohaus Berger GmbH', source: 'page-state' },
        phones: [{ value: '+49 89 1234 5678', source: 'page-state' }],
        city: { value: 'München', source: 'page-state' },
        address: { value: 'Leopoldstraße 120, 80802 München', source: 'page-state' },
      },
    ]);
    expect(result.vehicle?.brand?.value).toBe('Volkswagen');
    expect(result.vehicle?.series?.value).toBe('ID.4');
    expect(result.vehicle?.price?.value).toEqual({ amount: 38990, currency: 'EUR' });
  });
});

describe('lists', () => {
  test('dongchedi dealer list: one contact per card with its name and address; em-dash phones read, "无" skipped', () => {
    const result = page('dongchedi-dealers.html', 'https://www.dongchedi.com/dealer/list?series=5926');
    expect(result.contacts.map((c) => c.name?.value)).toEqual(['北京鸿远问界用户中心', '北京中汽南方问界中心', '北京华通远航汽车销售服务有限公司']);
    expect(phonesOf(result)).toEqual([['138-0013-8000'], ['010-8765-4321'], ['186 1000 2233']]);
    expect(result.contacts[0]?.address?.value).toBe('朝阳区来广营西路 5 号');
    expect(result.contacts.map((c) => c.vehicle?.price?.value.amount)).toEqual([249800, 252800, 248800]);
    expect(result.contacts.every((c) => c.kind === 'business')).toBe(true);
  });

  test('yiche back-end inquiry table: one person per row, columns by their headers; lead numbers and timestamps are not phones', () => {
    const result = page('yiche-leads.html', 'https://dealer.bitauto.com/leads/new');
    expect(result.contacts).toHaveLength(3);
    expect(result.contacts.map((c) => [c.kind, c.name?.value, c.phones[0]?.value, c.city?.value, c.vehicle?.series?.value])).toEqual([
      ['person', '张伟', '139 1234 5678', '北京', '问界M7'],
      ['person', '李女士', '+86 186-0001-2345', '廊坊', '问界M9'],
      ['person', '王强', '150 0123 4567', '天津', '问界M5'],
    ]);
  });
});

describe('pages with no lead', () => {
  test('a catalogue yields no contact and no single car (the portal’s own Organization is not a lead)', () => {
    const result = page('pcauto-catalogue.html', 'https://price.pcauto.com.cn/cars/');
    expect(result.contacts).toEqual([]);
    expect(result.vehicle).toBeUndefined();
  });

  test('a home page yields no contact, whatever hotlines it shows', () => {
    const result = page('xcar-home.html', 'https://www.xcar.com.cn/');
    expect(result.contacts).toEqual([]);
    expect(result.vehicle).toBeUndefined();
  });

  test('a bot-challenge page yields nothing, not even its hidden or scripted numbers', () => {
    const result = page('guazi-challenge.html', 'https://www.guazi.com/');
    expect(result.challenge).toBe(true);
    expect(result.contacts).toEqual([]);
    expect(result.vehicle).toBeUndefined();
  });
});

test('the selected text comes first, with the name written before the phone', () => {
  const result = page('dongchedi-dealers.html', 'https://www.dongchedi.com/dealer/list', '客户 赵敏 手机：133 0000 1111 微信 zhaomin_88');
  expect(result.contacts[0]).toMatchObject({ kind: 'person', name: { value: '赵敏', source: 'selection' }, phones: [{ value: '133 0000 1111', source: 'selection' }], wechat: { value: 'zhaomin_88' } });
  expect(result.contacts).toHaveLength(4);
});

test('a 5 MB page: the contacts of its list are all found, and nothing from its bulk', { timeout: 60_000 }, () => {
  const filler = Array.from({ length: 11000 }, (_, i) => `<div class="news" id="n${1380013800 + i}"><a href="/a/${1732345678901 + i}">资讯 ${i}：问界M7 车主提车作业，订单号 ${13800000000 + i}，${'内容'.repeat(180)}</a></div>`).join('\n');
  const rows = Array.from({ length: 40 }, (_, i) => `<li class="dealer"><b class="dealer-name">经销商${i}</b><span>电话：1391234${1000 + i}</span></li>`).join('');
  const html = `<!doctype html><html><head><title>大页面</title></head><body><main>${filler}<ul>${rows}</ul></main></body></html>`;
  expect(html.length).toBeGreaterThan(5_000_000);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const result = extractCapture(doc, 'https://dealer.autohome.com.cn/list');
  expect(result.contacts).toHaveLength(40);
  expect(result.contacts[7]?.name?.value).toBe('经销商7');
  expect(result.contacts[7]?.phones[0]?.value).toBe('13912341007');
});

test('a back-end list of 2,000 inquiries: the first 300 in page order, each with its own name and model; tel links and text alike', () => {
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const phone = `139${String(10_000_000 + i).padStart(8, '0')}`;
    // Every third row writes its phone as a tel: link, the others as text.
    const cell = i % 3 === 0 ? `<a href="tel:${phone}">${phone}</a>` : phone;
    return `<tr><td>客户${i}</td><td>${cell}</td><td>问界M${i % 9}</td></tr>`;
  }).join('');
  const html = `<!doctype html><html><head><title>线索</title></head><body><table><thead><tr><th>客户</th><th>手机</th><th>意向车型</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const result = extractCapture(doc, 'https://dealer.autohome.com.cn/inquiries');
  expect(result.contacts).toHaveLength(300);
  expect(result.contacts.map((contact) => contact.name?.value)).toEqual(Array.from({ length: 300 }, (_, i) => `客户${i}`));
  expect(result.contacts[3]).toMatchObject({ kind: 'person', phones: [{ value: '13910000003', source: 'tel-link' }], vehicle: { series: { value: '问界M3' } } });
  expect(result.contacts[299]?.phones).toEqual([{ value: '13910000299', source: 'row' }]);
});

describe('phone spotting', () => {
  test('finds phones as written and refuses ids, dates, codes and placeholders', () => {
    expect(findPhones('电话 138—0013—8000、(010) 6234-5678 转 801 或 400-812-3456').map((p) => p.digits)).toEqual(['13800138000', '01062345678801', '4008123456']);
    expect(findPhones('Call (415) 555-2671 or +44 20 7946 0958').map((p) => p.digits)).toEqual(['4155552671', '442079460958']);
    expect(findPhones('订单号 13800138000 · VIN 13800138000 · 1732345678901 · 2024-11-23 09:12 · 13800000000 · 123-45-6789')).toEqual([]);
  });

  test('reads prices in 万, with currency signs and in German notation', () => {
    expect(parsePrice('24.98万', 'CNY')).toEqual({ amount: 249800, currency: 'CNY' });
    expect(parsePrice('$18,833', 'CNY')).toEqual({ amount: 18833, currency: 'USD' });
    expect(parsePrice('€ 38.990,-', 'EUR')).toEqual({ amount: 38990, currency: 'EUR' });
    expect(parsePrice('询价', 'CNY')).toBeUndefined();
  });
});

describe('more portals', () => {
  test('che168 used car: a private seller named by label, the car from page state (prices in 万); ids and dates are not phones', () => {
    const result = page('che168-used-car.html', 'https://www.che168.com/dealer/1/50123456.html');
    expect(result.contacts).toEqual([{ kind: 'person', name: { value: '刘女士', source: 'label' }, phones: [{ value: '158 1111 2222', source: 'label' }] }]);
    expect(result.vehicle).toMatchObject({ brand: { value: '宝马' }, series: { value: '宝马3系' }, trim: { value: '2021款 325Li M运动套装' }, price: { value: { amount: 258000, currency: 'CNY' } } });
  });

  test('cargurus results: one dealer per card with a phone, each with its car and dollar price; the private seller without a phone is not a contact', () => {
    const result = page('cargurus-listing.html', 'https://www.cargurus.com/Cars/inventorylisting/honda-civic');
    expect(result.contacts.map((c) => [c.name?.value, c.phones[0]?.value, c.address?.value, c.vehicle?.series?.value, c.vehicle?.price?.value.amount])).toEqual([
      ['Metro Honda', '+12015550123', '1011 Route 22, Mountainside, NJ', 'Civic', 17495],
      ['Route 46 Honda', '+19735550188', '95 NJ-46, Totowa, NJ', 'Civic', 16250],
    ]);
  });

  test('mobile.de detail: the JSON-LD dealer and the number shown on the page are one contact; euro price', () => {
    const result = page('mobile-de-detail.html', 'https://suchen.mobile.de/fahrzeuge/details.html?id=392817465');
    expect(result.contacts).toHaveLength(1);
    expect(result.contacts[0]).toMatchObject({ kind: 'business', name: { value: 'Autohaus Schneider GmbH' }, city: { value: 'Berlin' }, phones: [{ value: '+49 (0)30 1234567', source: 'json-ld' }] });
    expect(result.vehicle?.price?.value).toEqual({ amount: 31990, currency: 'EUR' });
  });
});
