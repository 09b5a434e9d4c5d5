import { setLocale } from '../../core/i18n';
import { readFirstScreen, type FirstScreen } from '../../storage/first-screen';
import { requestPersistentStorage } from '../shared/persistent-storage';
import { FIRST_PAGE } from './customer-book';
import { DashboardApp } from './dashboard-app';

// The first screen of the table is read at once, beside the shell's first render; the rest of the
// dashboard's code (storage with its validation and search-key libraries, the other pages) loads after.
const firstScreen = readFirstScreen(FIRST_PAGE)
  .catch((): FirstScreen => ({ customers: [], dueAt: new Map() }))
  .then((screen) => {
    if (screen.language === 'zh_CN' || screen.language === 'en') setLocale(screen.language);
    return screen;
  });
DashboardApp.firstScreen = firstScreen;
if (!customElements.get('dd-dashboard')) customElements.define('dd-dashboard', DashboardApp);
void firstScreen.finally(() => void requestPersistentStorage());
