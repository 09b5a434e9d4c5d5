import { setLocale } from '../../core/i18n';
import { dueListsFrom } from '../shared/due-callbacks';
import { startPopupFirstScreen } from './first-read';
import { PopupApp, type PopupLater } from './popup-app';

declare global {
  /** Set by `popup-first-screen.js`; the page's module hands over what comes after the first screen. */
  var ddPopupLater: ((later: PopupLater) => void) | undefined;
}

/**
 * Starts reading the first screen at once (plain IndexedDB: no Dexie, schema versions or validation)
 * and defines `dd-popup`. It draws at once the rows it showed last time today, when there are any
 * (see last-due-screen.ts), otherwise it stays hidden until the rows are in, so its styles and
 * templates are made while the database answers.
 */
export function openPopup(): void {
  const { last, read } = globalThis.ddPopupStart ?? startPopupFirstScreen();
  if (last) setLocale(last.locale);
  PopupApp.last = last;
  PopupApp.opening = read.then(({ reader, screen, now }) => {
    const firstScreen = screen && dueListsFrom(screen, now);
    if (firstScreen) setLocale(firstScreen.locale);
    return { reader, firstScreen, totals: screen?.totals };
  });
  PopupApp.later = new Promise<PopupLater>((resolve) => (globalThis.ddPopupLater = resolve));
  if (!customElements.get('dd-popup')) customElements.define('dd-popup', PopupApp);
}
