import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractCapture } from '../core/extract';

/**
 * The extractor, injected by the background into the capture script's world only when a sidebar
 * asks for the page's lead: pages where nobody captures never parse it, and the eager capture
 * script stays small.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[Symbol.for('dealer-desk.extract')] = extractCapture;
});
