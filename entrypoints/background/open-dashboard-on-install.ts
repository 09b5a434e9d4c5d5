import { browser } from 'wxt/browser';

/** The dashboard is where a consultant starts: open it on first install. */
export function openDashboardOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
}
