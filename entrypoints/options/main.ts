import { readFirstScreen, type FirstScreen } from '../../storage/first-screen';
import { FIRST_PAGE } from './first-page';

// The first screen of the table is read before the rest of the dashboard's code is even fetched, so
// the read and the loading overlap; the storage code (validation, search-key libraries, the other
// pages) loads after the first rows are drawn.
const firstScreen = readFirstScreen(FIRST_PAGE).catch((): FirstScreen => ({ customers: [], dueAt: new Map() }));
void import('./start').then(({ startDashboard }) => startDashboard(firstScreen));
