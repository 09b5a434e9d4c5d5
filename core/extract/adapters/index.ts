import { countryOfHost, CURRENCY_OF_COUNTRY } from '../../site-country';
import type { SiteAdapter } from './adapter';
import { autohome } from './autohome';
import { autotrader } from './autotrader';

const ADAPTERS: readonly SiteAdapter[] = [autohome, autotrader];

export function adapterFor(hostname: string): SiteAdapter | undefined {
  const host = hostname.toLowerCase();
  return ADAPTERS.find((adapter) => adapter.domains.some((domain) => host === domain || host.endsWith(`.${domain}`)));
}

/** Currency of prices that carry no sign, by the site's country. */
export function defaultCurrency(hostname: string): string {
  return adapterFor(hostname)?.currency ?? CURRENCY_OF_COUNTRY[countryOfHost(hostname)];
}

export type { SiteAdapter };
