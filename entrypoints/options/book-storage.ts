import { liveQuery } from 'dexie';
import { countOpenCallbacks, customersChangedSince, newestCustomerUpdate, openCallbackPage, openReader, recentCustomers } from '../../storage/reader';
import type { BookStorage } from './customer-book';
import { loadDashboardStorage } from './lazy-storage';

/**
 * What the book reads the rest of the customers through: the read-only view (Dexie alone, no schemas,
 * validation or search-key libraries, so nothing heavy runs while the consultant starts scrolling).
 * Before the database exists, or while it is older than the `[updatedAt+id]` index, the full storage
 * code opens (and upgrades) it instead.
 */
export async function openBookStorage(): Promise<BookStorage> {
  const reader = await openReader();
  if (!reader?.customers.schema.idxByName['[updatedAt+id]']) return (await loadDashboardStorage()).bookStorage;
  return {
    customers: {
      recent: (limit, after) => recentCustomers(reader, limit, after),
      newestUpdate: () => newestCustomerUpdate(reader),
      changedSince: (since) => customersChangedSince(reader, since),
    },
    callbacks: {
      openDuePage: (limit, after) => openCallbackPage(reader, limit, after),
      openCount: () => countOpenCallbacks(reader),
    },
    liveQuery,
  };
}
