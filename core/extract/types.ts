/** Where a captured value was read from, most trusted first. */
export const FIELD_SOURCES = ['json-ld', 'microdata', 'meta', 'page-state', 'tel-link', 'adapter', 'label', 'row', 'text', 'selection'] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

/** A value and where on the page it came from. */
export interface Sourced<T = string> {
  value: T;
  source: FieldSource;
}

export interface Price {
  amount: number;
  /** ISO 4217 (`CNY`, `USD`, `EUR`…). */
  currency: string;
}

/** The car a page (or one card of a list) is about. */
export interface CapturedVehicle {
  brand?: Sourced;
  series?: Sourced;
  /** Trim / spec (配置, 款型), e.g. `2025款 荣耀版 605KM 尊贵型`. */
  trim?: Sourced;
  price?: Sourced<Price>;
}

export interface CapturedContact {
  kind: 'person' | 'business';
  name?: Sourced;
  /** As shown on the page; normalised later, outside the content script. */
  phones: Sourced[];
  wechat?: Sourced;
  address?: Sourced;
  city?: Sourced;
  /** The car of this card or row, on lists. */
  vehicle?: CapturedVehicle;
}

/** What a page offers to capture: plain data, safe to post between contexts. */
export interface CaptureResult {
  url: string;
  title: string;
  contacts: CapturedContact[];
  /** The one car in view; absent on catalogues and lists of different cars. */
  vehicle?: CapturedVehicle;
  /** A bot-challenge or interstitial page: nothing on it is the site's content. */
  challenge: boolean;
}

export interface ExtractOptions {
  /** Text the user selected: its contact comes first. */
  selection?: string;
}
