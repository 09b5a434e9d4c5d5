// Everything the dashboard does beyond drawing its first rows: the database with every schema version
// (zod, pinyin, libphonenumber come with the repositories), the other pages and the card. Loaded by
// dashboard-app.ts once the first rows are on screen (or at once when the page opened on another view).
import '../../storage/zod';
import { liveQuery } from 'dexie';
import { CallbackRepository, CustomerRepository, openDatabase, pendingLostRequests } from '../../storage';
import { watchCallbackChanges } from '../../storage/callback-changes';
import type { BookStorage } from './customer-book';
import './card-view';
import './import-view';
import './backup-view';
import './report-view';
import './approvals-view';
import './script-library';
import './settings-view';

export { exportCustomers } from './export-customers';

export const db = openDatabase();
export const customers = new CustomerRepository(db);
export const bookStorage: BookStorage = {
  customers,
  callbacks: new CallbackRepository(db),
  watchCallbacks: (listener) => watchCallbackChanges(db.name, listener),
  liveQuery,
};

/** How many lost-deal requests wait for the manager, live. */
export const pendingRequests = liveQuery(async () => (await pendingLostRequests(db)).length);
