import { browser } from 'wxt/browser';
import { leadSiteOf } from '../../core/lead-sites';
import { openDatabase } from '../../storage/database';
import { SettingsRepository } from '../../storage/settings';
import { CAPTURE_SCRIPT } from './capture-tab';

const USER_SITES_SCRIPT = 'dealer-desk-user-sites';

function patternsOf(hosts: readonly string[]): string[] {
  return hosts.flatMap((host) => [`*://${host}/*`]);
}

/** Runs the capture script on the sites the user added, as long as their permission stands. */
export async function registerUserSites(): Promise<void> {
  const { enabledSites } = await new SettingsRepository(openDatabase()).get();
  const granted = [];
  for (const host of enabledSites) {
    if (await browser.permissions.contains({ origins: patternsOf([host]) })) granted.push(host);
  }
  await browser.scripting.unregisterContentScripts({ ids: [USER_SITES_SCRIPT] }).catch(() => undefined);
  if (granted.length === 0) return;
  await browser.scripting.registerContentScripts([{ id: USER_SITES_SCRIPT, matches: patternsOf(granted), js: [CAPTURE_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true }]);
}

/**
 * Adds a site (after the sidebar obtained its host permission from the user, at the moment of
 * need) so the launcher appears there on every visit.
 */
export async function allowSite(origin: string): Promise<boolean> {
  let host: string;
  try {
    const url = new URL(origin);
    if (!/^https?:$/.test(url.protocol)) return false;
    host = url.hostname;
  } catch {
    return false;
  }
  if (leadSiteOf(host)) return true;
  if (!(await browser.permissions.contains({ origins: patternsOf([host]) }))) return false;
  const settings = new SettingsRepository(openDatabase());
  const { enabledSites } = await settings.get();
  if (!enabledSites.includes(host)) await settings.update({ enabledSites: [...enabledSites, host] });
  await registerUserSites();
  return true;
}
