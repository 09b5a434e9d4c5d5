import type { SourceChannel } from './vocabulary';

/** A car portal whose pages carry leads; captures from it are tagged with its source channel. */
export interface LeadSite {
  id: string;
  /** Registrable domains; every sub-domain (dealer back-ends included) belongs to the site. */
  domains: readonly string[];
  channel: SourceChannel;
  /** Name shown to the consultant, in the site's own language. */
  name: string;
}

export const LEAD_SITES: readonly LeadSite[] = [
  { id: 'autohome', domains: ['autohome.com.cn', 'che168.com'], channel: 'autohome', name: '汽车之家' },
  { id: 'dongchedi', domains: ['dongchedi.com'], channel: 'dongchedi', name: '懂车帝' },
  { id: 'yiche', domains: ['yiche.com', 'bitauto.com', 'taoche.com'], channel: 'yiche', name: '易车' },
  { id: 'pcauto', domains: ['pcauto.com.cn'], channel: 'other_portal', name: '太平洋汽车' },
  { id: 'xcar', domains: ['xcar.com.cn'], channel: 'other_portal', name: '爱卡汽车' },
  { id: 'guazi', domains: ['guazi.com'], channel: 'other_portal', name: '瓜子二手车' },
  { id: 'cars-com', domains: ['cars.com'], channel: 'other_portal', name: 'Cars.com' },
  { id: 'autotrader', domains: ['autotrader.com', 'autotrader.co.uk'], channel: 'other_portal', name: 'Autotrader' },
  { id: 'cargurus', domains: ['cargurus.com'], channel: 'other_portal', name: 'CarGurus' },
  { id: 'autoscout24', domains: ['autoscout24.com', 'autoscout24.de'], channel: 'other_portal', name: 'AutoScout24' },
  { id: 'mobile-de', domains: ['mobile.de'], channel: 'other_portal', name: 'mobile.de' },
];

/** Match patterns for the manifest: http and https, the domain and all its sub-domains. */
export function leadSiteMatchPatterns(sites: readonly LeadSite[] = LEAD_SITES): string[] {
  return sites.flatMap((site) => site.domains.flatMap((domain) => [`*://${domain}/*`, `*://*.${domain}/*`]));
}

/** The lead site a host name belongs to, if any. */
export function leadSiteOf(hostname: string): LeadSite | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return LEAD_SITES.find((site) => site.domains.some((domain) => host === domain || host.endsWith(`.${domain}`)));
}
