import { readFirstScreen, type FirstScreen } from '../../storage/first-screen';
import { FIRST_PAGE } from './first-page';
import { startDashboard } from './start';

// The first screen of the table is read by the classic script in the page's head while these module
// files are fetched and compiled (all at once: they are one static graph, preloaded by the page), so
// the read and the loading overlap; the storage code (validation, search-key libraries, the other
// pages) loads after the first rows are drawn.
const firstScreen = (globalThis.ddDashboardFirstRead ?? readFirstScreen(FIRST_PAGE)).catch((): FirstScreen => ({ customers: [], dueAt: new Map() }));
globalThis.ddDashboardFirstRead = undefined;
startDashboard(firstScreen);
