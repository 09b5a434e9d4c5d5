import type { SiteAdapter } from './adapter';
import { autohome } from './autohome';
import { autotrader } from './autotrader';

const ADAPTERS: readonly SiteAdapter[] = [autohome, autotrader];

const EURO = ['autoscout24.com', 'autoscout24.de', 'mobile.de', 'autoscout24.it', 'autoscout24.fr'];

export function adapterFor(hostname: string): SiteAdapter | undefined {
  const host = hostname.toLowerCase();
  return ADAPTERS.find((adapter) => adapter.domains.some((domain) => host === domain || host.endsWith(`.${domain}`)));
}

/** Currency of prices that carry no sign, by the site's country. */
export function defaultCurrency(hostname: string): string {
  const host = hostname.toLowerCase();
  const adapter = adapterFor(host);
  if (adapter) return adapter.currency;
  if (EURO.some((domain) => host === domain || host.endsWith(`.${domain}`))) return 'EUR';
  if (host.endsWith('.co.uk')) return 'GBP';
  if (host.endsWith('.us')) return 'USD';
  // Chinese portals and anything else: the consultant's market.
  return 'CNY';
}

export type { SiteAdapter };
