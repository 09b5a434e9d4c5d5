import type { Page } from 'playwright-core';

// The extension APIs, as seen by code evaluated in the extension's pages.
declare const chrome: typeof import('@wxt-dev/browser').browser;

const HOUR = 60 * 60_000;

/**
 * A stored customer card as storage writes it, last changed three hours before `at`. An owner without
 * dates: the daily re-plan gives it no callbacks of its own, so only the seeded ones count.
 */
export function seededCustomer(id: string, name: string, phone: string, at: number) {
  return {
    id,
    name,
    gender: 'female',
    phones: [{ number: phone, label: 'mobile', primary: true }],
    phoneNumbers: [phone],
    phoneTails: [phone.slice(-4)],
    nameInitials: '',
    namePinyin: '',
    source: { channel: 'autohome' },
    stage: 'owner',
    grade: 'O',
    needs: { brands: [], concerns: [], comparedModels: [] },
    testDrives: [],
    materialsGiven: [],
    objections: [],
    deal: { status: 'open' },
    tags: [],
    createdAt: at - 3 * HOUR,
    updatedAt: at - 3 * HOUR,
  };
}

/** A callback the consultant scheduled by hand, written `at`: re-planning never touches it. */
export function seededManualCallback(id: string, customerId: string, dueAt: number, note: string, at: number) {
  return { id, customerId, dueAt, kind: 'manual', note, status: 'open', createdAt: at, updatedAt: at };
}

/**
 * Writes rows straight into the extension's IndexedDB from one of its pages, as a restored backup would;
 * any derived counter storage keeps is dropped, so it is recomputed from the rows. Then asks the worker
 * to bring the badge up to date.
 */
export async function seedRows(page: Page, rows: Record<string, unknown[]>): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dealer-desk');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const derived = ['counters'].filter((name) => db.objectStoreNames.contains(name));
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction([...Object.keys(rows), ...derived], 'readwrite');
      for (const name of derived) tx.objectStore(name).clear();
      for (const [table, records] of Object.entries(rows)) for (const record of records) tx.objectStore(table).put(record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    await chrome.runtime.sendMessage({ type: 'reminders-refresh' });
  }, rows);
}
