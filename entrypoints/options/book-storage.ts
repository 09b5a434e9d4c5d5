import { liveQuery } from 'dexie';
import { customersChangedSince, customersOfCallbacks, earliestOpenDue, newestCustomerUpdate, openBookReader, openCallbackPage, recentCustomers } from '../../storage/book-reader';
import { watchCallbackChanges } from '../../storage/callback-changes';
import type { BookStorage } from './customer-book';
import { loadDashboardStorage } from './lazy-storage';

/**
 * What the book reads the rest of the customers through: the read-only view (Dexie alone, no schemas,
 * validation or search-key libraries, so nothing heavy runs while the consultant starts scrolling).
 * Before the database exists, or while it is older than the `[updatedAt+id]` index, the full storage
 * code opens (and upgrades) it instead.
 */
export async function openBookStorage(): Promise<BookStorage> {
  const reader = await openBookReader();
  if (!reader?.customers.schema.idxByName['[updatedAt+id]']) return (await loadDashboardStorage()).bookStorage;
  return {
    customers: {
      recent: (limit, after) => recentCustomers(reader, limit, after),
      newestUpdate: () => newestCustomerUpdate(reader),
      changedSince: (since) => customersChangedSince(reader, since),
    },
    callbacks: {
      openDuePage: (limit, after) => openCallbackPage(reader, limit, after),
      earliestOpenDue: (customerIds) => earliestOpenDue(reader, customerIds),
      customersOf: (ids) => customersOfCallbacks(reader, ids),
    },
    watchCallbacks: (listener) => watchCallbackChanges(reader.name, listener),
    liveQuery,
  };
}
