import type { Price } from './types';

const CURRENCY_SIGNS: [RegExp, string][] = [
  [/¥|￥|元|人民币|RMB|CNY/i, 'CNY'],
  [/US\$|USD|\$/i, 'USD'],
  [/€|EUR/i, 'EUR'],
  [/£|GBP/i, 'GBP'],
];

/**
 * A price as pages write it: `20.98万`, `¥209,800`, `$18,833`, `€ 24.990,-`. Ranges take their low
 * end. Returns nothing for text with no number ("询价", "Call for price").
 */
export function parsePrice(raw: string, defaultCurrency: string): Price | undefined {
  const text = raw.replace(/\s+/g, '');
  const match = /(\d{1,3}(?:[,.]\d{3})+|\d+(?:\.\d+)?)(万|w|k)?/i.exec(text);
  if (!match?.[1]) return undefined;
  let number: number;
  const digits = match[1];
  if (/^\d{1,3}(?:\.\d{3})+$/.test(digits) && !match[2]) number = Number(digits.replace(/\./g, '')); // 24.990 (German)
  else number = Number(digits.replace(/,/g, ''));
  if (match[2] === '万' || match[2]?.toLowerCase() === 'w') number *= 10_000;
  else if (match[2]?.toLowerCase() === 'k') number *= 1_000;
  if (!Number.isFinite(number) || number <= 0) return undefined;
  const currency = CURRENCY_SIGNS.find(([sign]) => sign.test(text))?.[1] ?? (match[2] === '万' ? 'CNY' : defaultCurrency);
  return { amount: Math.round(number * 100) / 100, currency };
}
