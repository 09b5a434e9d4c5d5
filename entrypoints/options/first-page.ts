import type { FirstScreen } from '../../storage/first-screen';

/** A screenful and a little more: what the table draws before anything else has loaded. */
export const FIRST_PAGE = 60;

declare global {
  /** Started by `dashboard-first-read.js` in the dashboard's head, while the module files are still on their way. */
  var ddDashboardFirstRead: Promise<FirstScreen> | undefined;
}
