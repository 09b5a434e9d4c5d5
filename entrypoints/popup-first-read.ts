import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPopupFirstScreen } from './popup/first-read';

/**
 * The first of the popup's two classic scripts: small, so it arrives first, recalls the rows shown
 * last and starts reading the first screen (plain IndexedDB: no Dexie, no Lit) while the second,
 * `popup-first-screen.js`, with the elements that draw them, is still on its way.
 */
export default defineUnlistedScript(() => {
  globalThis.ddPopupStart = startPopupFirstScreen();
});
