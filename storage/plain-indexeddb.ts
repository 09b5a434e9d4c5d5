/**
 * Plain IndexedDB for the first screens (popup, dashboard): no Dexie, no schema versions, nothing to
 * load or parse before the first read.
 */

/** Must equal `DATABASE_NAME` (a unit test checks); not imported, because database.ts loads Dexie and every schema version. */
export const EXTENSION_DATABASE_NAME = 'dealer-desk';

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The database as it is, or `undefined` when there is none yet. Opening without a version would
 * create an empty one: that is aborted, so the extension's own first open builds it with every table.
 */
export function openExisting(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = indexedDB.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(undefined);
    open.onsuccess = () => resolve(open.result);
  });
}
