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
