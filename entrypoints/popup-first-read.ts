import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPopupFirstScreen } from './popup/first-read';

/**
 * The first of the popup's two classic scripts: small, so it arrives first and starts reading the
 * first screen (plain IndexedDB: no Dexie, no Lit) while the second, `popup-first-screen.js`, with the
 * elements that draw it, is still on its way.
 */
export default defineUnlistedScript(() => {
  globalThis.ddPopupFirstRead = readPopupFirstScreen();
});
