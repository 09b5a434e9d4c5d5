import { setLocale } from '../../core/i18n';
import { openReader } from '../../storage/reader';
import { loadDueLists } from '../shared/due-callbacks';
import { FIRST_SCREEN_ROWS, PopupApp } from './popup-app';

// The popup must open fast: it reads the database as it is with plain IndexedDB (no Dexie, no schema
// versions, no validation), only the rows of the first screen, and draws them in its first render.
// Live updates, the rest of the rows and the writing code load after that.
const reader = await openReader();
const firstScreen = reader && (await loadDueLists(reader, { overdue: FIRST_SCREEN_ROWS, today: FIRST_SCREEN_ROWS, upcoming: FIRST_SCREEN_ROWS }, Date.now(), FIRST_SCREEN_ROWS).catch(() => undefined));
if (firstScreen) setLocale(firstScreen.locale);
PopupApp.reader = reader;
PopupApp.firstScreen = firstScreen;
if (!customElements.get('dd-popup')) customElements.define('dd-popup', PopupApp);
