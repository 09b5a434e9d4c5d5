import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { openPopup } from './popup/open-popup';

/**
 * The popup's first screen, as one classic script in its head (after `popup-first-read.js`, which has
 * started the read): it defines the popup's elements and draws the first rows. One file, where the
 * module graph was five (each a round trip to the browser process, competing with the database's
 * answers): the measured open went from 123 to about 100 ms. What comes after the first screen
 * (writing, live updates, the extension's APIs) is the page's module, `popup/main.ts`.
 */
export default defineUnlistedScript(() => openPopup());
