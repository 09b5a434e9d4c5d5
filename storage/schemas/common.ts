import { z } from '../zod';

/** Milliseconds since the epoch: sortable and index-friendly in IndexedDB. */
export const timestamp = z.number().int().nonnegative();
export const id = z.string().min(1).max(64);
export const shortText = z.string().trim().max(200);
export const longText = z.string().max(10_000);
export const textList = z.array(z.string().trim().min(1).max(200)).max(100);

export function newId(): string {
  return crypto.randomUUID();
}

/**
 * The id of a row that belongs to one customer (a follow-up, a callback): the customer's id, then a
 * random part. IndexedDB stores rows in key order, so a customer's rows sit side by side: reading them
 * through the customerId index (the card's history, every re-plan) touches a few neighbouring blocks
 * instead of one scattered block per row, which on a 100k book is most of a re-plan's cost.
 */
export function customerRowId(customerId: string, random = Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => byte.toString(16).padStart(2, '0')).join('')): string {
  // Within `id`'s 64 characters (customer ids are UUIDs; a longer imported one gets a plain id).
  return customerId.length + 1 + random.length <= 64 ? `${customerId}~${random}` : newId();
}
