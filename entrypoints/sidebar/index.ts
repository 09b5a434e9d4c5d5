import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import './sidebar-app';

/**
 * The capture sidebar's script, built as one file (public/sidebar.html loads it): the frame opens on
 * a click, and one request instead of a module graph of shared chunks is what gets its form on screen
 * within budget.
 */
export default defineUnlistedScript(() => undefined);
