import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readFirstScreen, type FirstScreen } from '../storage/first-screen';
import { FIRST_PAGE } from './options/first-page';

/**
 * A classic script in the dashboard's head: it opens the database and reads the first screen of the
 * customer table while the page's module files are fetched and compiled (they start only once the
 * page is parsed). Small on purpose: plain IndexedDB, no Lit, no messages.
 */
export default defineUnlistedScript(() => {
  globalThis.ddDashboardFirstRead = readFirstScreen(FIRST_PAGE).catch((): FirstScreen => ({ customers: [], dueAt: new Map() }));
});
