import { setLocale } from '../../core/i18n';
import type { FirstScreen } from '../../storage/first-screen';
import { requestPersistentStorage } from '../shared/persistent-storage';
import { DashboardApp } from './dashboard-app';

/** Draws the dashboard around a first screen already being read (see main.ts). */
export function startDashboard(firstScreen: Promise<FirstScreen>): void {
  const screen = firstScreen.then((read) => {
    if (read.language === 'zh_CN' || read.language === 'en') setLocale(read.language);
    return read;
  });
  DashboardApp.firstScreen = screen;
  if (!customElements.get('dd-dashboard')) customElements.define('dd-dashboard', DashboardApp);
  void screen.finally(() => void requestPersistentStorage());
}
