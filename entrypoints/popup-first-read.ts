import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPopupFirstScreen } from './popup/first-read';

/**
 * A classic script in the popup's head: it opens the database and reads the first screen while the
 * popup's module files are fetched and compiled (they start only once the page is parsed), so the
 * rows are there when the element is defined. Small on purpose: plain IndexedDB, no Lit, no messages.
 */
export default defineUnlistedScript(() => {
  globalThis.ddPopupFirstRead = readPopupFirstScreen();
});
