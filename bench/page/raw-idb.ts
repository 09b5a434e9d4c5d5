// The baselines: plain IndexedDB calls with no library, validation or search keys in the way.

export function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error);
  });
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Every record of every store put in one readwrite transaction: the physical limit of this browser. */
export async function rawPutStores(db: IDBDatabase, records: Record<string, readonly unknown[]>, durability: IDBTransactionDurability = 'default'): Promise<void> {
  const tx = db.transaction(Object.keys(records), 'readwrite', { durability });
  for (const [store, rows] of Object.entries(records)) {
    const objects = tx.objectStore(store);
    for (const record of rows) objects.put(record);
  }
  await done(tx);
}

/** Deletes these keys of every store in one readwrite transaction (what a baseline put, taken back unseen by storage's counters). */
export async function rawDeleteStores(db: IDBDatabase, keys: Record<string, readonly IDBValidKey[]>): Promise<void> {
  const tx = db.transaction(Object.keys(keys), 'readwrite');
  for (const [store, ids] of Object.entries(keys)) {
    const objects = tx.objectStore(store);
    for (const id of ids) objects.delete(id);
  }
  await done(tx);
}

/** `rawPutStores` for one store. */
export function rawPutAll(db: IDBDatabase, store: string, records: readonly unknown[], durability: IDBTransactionDurability = 'default'): Promise<void> {
  return rawPutStores(db, { [store]: records }, durability);
}

export function rawIndexCount(db: IDBDatabase, store: string, index: string, range: IDBKeyRange): Promise<number> {
  return result(db.transaction(store, 'readonly').objectStore(store).index(index).count(range));
}

export function rawGetAll<T>(db: IDBDatabase, store: string): Promise<T[]> {
  return result(db.transaction(store, 'readonly').objectStore(store).getAll() as IDBRequest<T[]>);
}

export function rawGet<T>(db: IDBDatabase, store: string, keys: readonly string[]): Promise<(T | undefined)[]> {
  const objects = db.transaction(store, 'readonly').objectStore(store);
  return Promise.all(keys.map((key) => result(objects.get(key) as IDBRequest<T | undefined>)));
}
