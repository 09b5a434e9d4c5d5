import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractCapture } from '../../core/extract';

// Pages saved from the real sites (see their README); read in place, never copied into the project.
const REAL = '/work/shared/fixtures/pages';
const available = existsSync(REAL);

function load(file: string, url: string, encoding: BufferEncoding = 'utf8') {
  const doc = new DOMParser().parseFromString(readFileSync(`${REAL}/${file}`, encoding), 'text/html');
  return extractCapture(doc, url);
}

describe.skipIf(!available)('extraction on real saved portal pages', { timeout: 30_000 }, () => {
  test('autohome spec table: the series and its brand, no contact', () => {
    const result = load('autohome_config_1.html', 'https://car.autohome.com.cn/config/series/59.html');
    expect(result.contacts).toEqual([]);
    expect(result.vehicle?.brand?.value).toBe('奔驰');
    expect(result.vehicle?.series?.value).toBe('奔驰S级');
  });

  test('autohome catalogue of every series: no contact, no single car', () => {
    const result = load('autohome_modellist_1.html', 'https://www.autohome.com.cn/car/', 'latin1');
    expect(result.contacts).toEqual([]);
    expect(result.vehicle).toBeUndefined();
  });

  test('autotrader results: one business contact per card, each with its car and price', () => {
    const result = load('autotrader_com_listing_1.html', 'https://www.autotrader.com/cars-for-sale/all-cars/toyota/corolla');
    expect(result.contacts).toHaveLength(25);
    for (const contact of result.contacts) {
      expect(contact.kind).toBe('business');
      expect(contact.name?.value).toBeTruthy();
      expect(contact.phones[0]?.value).toMatch(/^\(\d{3}\) \d{3}-\d{4}$/);
      expect(contact.vehicle?.series?.value).toBe('Corolla');
      expect(contact.vehicle?.price?.value.currency).toBe('USD');
    }
    const first = result.contacts.find((c) => c.phones[0]?.value === '(360) 728-3314');
    expect(first?.name?.value).toBe('NORTHWEST RIDES INC');
    expect(first?.vehicle?.price?.value.amount).toBe(142000);
    // Every card is a Corolla: the model is in view, but no single trim or price.
    expect(result.vehicle?.series?.value).toBe('Corolla');
    expect(result.vehicle?.price).toBeUndefined();
  });

  test('guazi bot challenge: nothing', () => {
    const result = load('guazi_antibot_1.html', 'https://www.guazi.com/');
    expect(result.challenge).toBe(true);
    expect(result.contacts).toEqual([]);
    expect(result.vehicle).toBeUndefined();
  });

  test('taoche new-car offers without phones: no contact', () => {
    const result = load('taoche_listing_1.html', 'https://xin.taoche.com/guangzhou/');
    expect(result.contacts).toEqual([]);
  });
});
