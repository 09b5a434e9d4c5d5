import type { CapturedVehicle } from '../types';

/**
 * What one site's markup says that structured data does not: small, read-only lookups by selector.
 * Adapters never invent values; anything they cannot find they leave out.
 */
export interface SiteAdapter {
  id: string;
  /** Registrable domains (sub-domains included). */
  domains: readonly string[];
  /** Currency of prices written without a sign. */
  currency: string;
  /** The car the page is about, when the markup names it. */
  vehicle?(doc: Document, url: URL): CapturedVehicle | undefined;
  /** The dealer or seller named in one card of a list. */
  rowName?(row: Element): string | undefined;
  /** The car of one card of a list. */
  rowVehicle?(row: Element): CapturedVehicle | undefined;
}

export function textOf(root: ParentNode, selector: string): string | undefined {
  const found = root.querySelector(selector);
  const text = (found?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text || undefined;
}
