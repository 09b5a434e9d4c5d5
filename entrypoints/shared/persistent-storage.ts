/**
 * Asks the browser not to evict our IndexedDB under storage pressure. Extensions with
 * `unlimitedStorage` are usually granted it; the answer is kept for the settings page to show.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
