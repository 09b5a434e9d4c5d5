/**
 * The country a site's pages write phone numbers and prices for: a US portal writes `(201) 555-0123`
 * without +1, a German one `030 1234567` without +49. Everything else is read as Chinese.
 */
export type SiteCountry = 'CN' | 'US' | 'GB' | 'DE';

const BY_DOMAIN: [string, SiteCountry][] = [
  ['cars.com', 'US'],
  ['autotrader.com', 'US'],
  ['cargurus.com', 'US'],
  ['autotrader.co.uk', 'GB'],
  ['mobile.de', 'DE'],
  ['autoscout24.de', 'DE'],
  ['autoscout24.com', 'DE'],
];

export function countryOfHost(hostname: string): SiteCountry {
  const host = hostname.toLowerCase();
  const found = BY_DOMAIN.find(([domain]) => host === domain || host.endsWith(`.${domain}`));
  if (found) return found[1];
  if (host.endsWith('.de')) return 'DE';
  if (host.endsWith('.co.uk')) return 'GB';
  if (host.endsWith('.us')) return 'US';
  return 'CN';
}

export function countryOfUrl(url: string | undefined): SiteCountry {
  try {
    return url ? countryOfHost(new URL(url).hostname) : 'CN';
  } catch {
    return 'CN';
  }
}

export const CURRENCY_OF_COUNTRY: Record<SiteCountry, string> = { CN: 'CNY', US: 'USD', GB: 'GBP', DE: 'EUR' };
