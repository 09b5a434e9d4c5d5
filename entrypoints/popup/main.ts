import { setLocale } from '../../core/i18n';
import { dueListsFrom } from '../shared/due-callbacks';
import { readPopupFirstScreen } from './first-read';
import { PopupApp } from './popup-app';

// The popup must open fast: it reads the database as it is with plain IndexedDB (no Dexie, no schema
// versions, no validation), only the rows of the first screen — started by the classic script in the
// page's head before this module arrives — and draws them as soon as they are in. The element is
// defined at once (hidden until then), so its styles and templates are made while the database
// answers. Live updates, the rest of the rows and the writing code load after that.
PopupApp.opening = (globalThis.ddPopupFirstRead ?? readPopupFirstScreen()).then(({ reader, screen, now }) => {
  const firstScreen = screen && dueListsFrom(screen, now);
  if (firstScreen) setLocale(firstScreen.locale);
  return { reader, firstScreen, totals: screen?.totals };
});
if (!customElements.get('dd-popup')) customElements.define('dd-popup', PopupApp);
