import type { liveQuery as LiveQuery, Subscription } from 'dexie';
import { tableRow, type TableCustomer } from '../../core/customer-search';
import type { CallbackRepository, CustomerRecord, CustomerRepository } from '../../storage';
import type { CallbackChange } from '../../storage/callback-changes';
import type { FirstScreen } from '../../storage/first-screen';
import { FIRST_PAGE } from './first-page';
import { afterNextPaint } from '../shared/after-next-paint';

/** Cards per background read: small enough that reading and converting one batch fits between frames. */
const CHUNK = 400;
/** Open callbacks per background read (smaller records than cards). */
const DUE_CHUNK = 2000;
/** While the book loads, views are told of new rows at most this often (each tell re-filters the book). */
const NOTIFY_EVERY_MS = 1000;
const FOLLOW_DELAY_MS = 150;
/** Callback changes come in bursts (a re-plan writes many): the due times are read again once they pause. */
const DUE_FOLLOW_DELAY_MS = 300;
/** Past this many changed customers, one chunked read of every open callback is cheaper than theirs. */
const MANY_CUSTOMERS = 5000;

/** The storage the book reads once the first screen is drawn (loaded lazily: zod, pinyin, Dexie's versions). */
export interface BookStorage {
  customers: Pick<CustomerRepository, 'recent' | 'newestUpdate' | 'changedSince'>;
  callbacks: Pick<CallbackRepository, 'openDuePage' | 'earliestOpenDue' | 'customersOf'>;
  /** Tells of every write to callbacks (any tab, the worker) without reading anything; returns the unsubscribe. */
  watchCallbacks: (listener: (change: CallbackChange) => void) => () => void;
  liveQuery: typeof LiveQuery;
}

export interface BookSources {
  /** The first screenful, read before the storage code has loaded. */
  firstScreen: (limit: number) => Promise<FirstScreen>;
  storage: () => Promise<BookStorage>;
}

/** Lets a frame be drawn (and a scroll handled) between two background reads. */
const yieldToFrames = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The consultant's whole book in memory, as slim table rows: the first screen comes from a keyset read
 * of the most recent cards in plain IndexedDB (drawn before the rest of the dashboard's code has even
 * loaded), the rest loads behind it in small keyset chunks that leave frames free for scrolling.
 * Afterwards a live query on "changed since the newest card we have" keeps it in step with every tab
 * and the service worker, without re-reading 100,000 cards.
 */
export class CustomerBook {
  /**
   * Live rows, most recently changed first. Kept in that order as it grows (keyset pages arrive in
   * it; changed cards are newer than everything else and go to the front), so it is never re-sorted.
   * Replaced, never mutated in length, on every change: views cache by its identity.
   */
  private ordered: TableCustomer[] = [];
  private dueAt = new Map<string, number>();
  private watermark = 0;
  private watch?: Subscription;
  private dueUnwatch?: () => void;
  /** Callback changes not read yet: the customers they name, or everything. */
  private duePending?: CallbackChange;
  private catchUp?: ReturnType<typeof setTimeout>;
  private dueCatchUp?: ReturnType<typeof setTimeout>;
  /** A re-read of the due times under way (changes that come in meanwhile are read after it). */
  private dueReading?: Promise<void>;
  /** Bumped by every load() and stop(): a background load that is no longer current gives up. */
  private generation = 0;
  /** False until every card has been read. */
  complete = false;
  onChange: () => void = () => undefined;

  constructor(private readonly sources: BookSources) {}

  /** Rows, most recently changed first (the table's default order). */
  all(): TableCustomer[] {
    return this.ordered;
  }

  get size(): number {
    return this.ordered.length;
  }

  private rowsOf(records: readonly CustomerRecord[]): TableCustomer[] {
    const rows: TableCustomer[] = [];
    for (const record of records) {
      if (record.updatedAt > this.watermark) this.watermark = record.updatedAt;
      if (record.deletedAt === undefined) rows.push(tableRow(record, this.dueAt.get(record.id)));
    }
    return rows;
  }

  private changed(): void {
    this.onChange();
  }

  /** Reads the book from scratch: the first screen at once, then the rest in the background. */
  async load(firstScreen?: Promise<FirstScreen>): Promise<void> {
    this.stop();
    const generation = this.generation;
    const current = (): boolean => generation === this.generation;
    this.complete = false;
    this.watermark = 0;
    performance.mark('dashboard-book-start');
    const first = await (firstScreen ?? this.sources.firstScreen(FIRST_PAGE));
    if (!current()) return;
    this.dueAt = first.dueAt;
    this.ordered = this.rowsOf(first.customers);
    this.changed();
    // What the benchmark reads: the first screen of rows, then the whole book in memory.
    performance.measure('dashboard-first-rows', 'dashboard-book-start');
    await afterNextPaint();

    const storage = await this.sources.storage();
    if (!current()) return;
    // Watched from before the due times are read: what changes meanwhile is read again afterwards.
    this.dueUnwatch = storage.watchCallbacks((change) => this.dueChanged(change, storage, current));
    await this.readDue(storage, current);
    if (!current()) return;
    // The first screen again, through the storage code: it is what the chunks after it continue from.
    let page = await storage.customers.recent(CHUNK);
    if (!current()) return;
    let loaded = this.rowsOf(page);
    this.ordered = loaded;
    let told = performance.now();
    while (page.length > 0) {
      await yieldToFrames();
      page = await storage.customers.recent(CHUNK, page[page.length - 1]!);
      if (!current()) return;
      loaded = loaded.concat(this.rowsOf(page));
      if (performance.now() - told > NOTIFY_EVERY_MS) {
        this.ordered = loaded;
        this.changed();
        told = performance.now();
      }
    }
    this.ordered = loaded;
    this.complete = true;
    this.changed();
    performance.measure('dashboard-book-complete', 'dashboard-book-start');
    this.follow(storage, current);
  }

  /**
   * Earliest open callback per customer, read from the `[status+dueAt]` index in keyset chunks (a
   * book of 100k has about 200k open callbacks: one read of them all would freeze the page).
   */
  private async readDue(storage: BookStorage, current: () => boolean): Promise<boolean> {
    const dueAt = new Map<string, number>();
    let page = await storage.callbacks.openDuePage(DUE_CHUNK);
    while (page.length > 0) {
      if (!current()) return false;
      // Ascending by due time: the first seen per customer is the earliest.
      for (const callback of page) if (!dueAt.has(callback.customerId)) dueAt.set(callback.customerId, callback.dueAt);
      await yieldToFrames();
      page = await storage.callbacks.openDuePage(DUE_CHUNK, page[page.length - 1]!);
    }
    if (!current()) return false;
    return this.applyDue(dueAt);
  }

  private applyDue(dueAt: Map<string, number>): boolean {
    this.dueAt = dueAt;
    return this.showDue();
  }

  /** Puts the known due times on the rows (only `customerIds`' when given); whether any row changed. */
  private showDue(customerIds?: ReadonlySet<string>): boolean {
    let changed = false;
    for (const row of this.ordered) {
      if (customerIds && !customerIds.has(row.id)) continue;
      const due = this.dueAt.get(row.id);
      if (row.dueAt !== due) {
        row.dueAt = due;
        changed = true;
      }
    }
    if (changed) this.ordered = this.ordered.slice();
    return changed;
  }

  /**
   * Watches only the newest `updatedAt` (a one-row query, cheap to re-run on every write), and reads
   * the changed cards once writes pause: an import's batches are read back once, not batch by batch.
   * Callbacks are followed through the writes Dexie reports (nothing read to notice them): once they
   * pause, only the named customers' callbacks are read again (see `dueChanged`).
   */
  private follow(storage: BookStorage, current: () => boolean): void {
    this.watch = storage.liveQuery(() => storage.customers.newestUpdate()).subscribe({
      next: (newest) => {
        if (newest <= this.watermark) return;
        clearTimeout(this.catchUp);
        this.catchUp = setTimeout(() => void this.readChanges(storage, current), FOLLOW_DELAY_MS);
      },
    });
    if (this.duePending) this.followDue(storage, current);
  }

  /**
   * Notes a write to callbacks. A callback's id starts with its customer's id, so a write names the
   * customers whose next due time may have moved; a write that names no keys (a range, a bulk write)
   * or very many customers is read back as a whole, in chunks.
   */
  private dueChanged(change: CallbackChange, storage: BookStorage, current: () => boolean): void {
    const pending = this.duePending;
    if (change === 'everything' || pending === 'everything') this.duePending = 'everything';
    else if (!pending) this.duePending = { customerIds: new Set(change.customerIds), callbackIds: new Set(change.callbackIds) };
    else {
      change.customerIds.forEach((id) => pending.customerIds.add(id));
      change.callbackIds.forEach((id) => pending.callbackIds.add(id));
      if (pending.customerIds.size + pending.callbackIds.size > MANY_CUSTOMERS) this.duePending = 'everything';
    }
    // While the book loads, changes wait for it (`follow`).
    if (this.complete) this.followDue(storage, current);
  }

  private followDue(storage: BookStorage, current: () => boolean): void {
    clearTimeout(this.dueCatchUp);
    this.dueCatchUp = setTimeout(() => this.refreshDue(storage, current), DUE_FOLLOW_DELAY_MS);
  }

  /** One re-read at a time; changes that arrive during it are read after it. */
  private refreshDue(storage: BookStorage, current: () => boolean): void {
    if (this.dueReading) return;
    this.dueReading = (async () => {
      while (this.duePending && current()) {
        const change = this.duePending;
        this.duePending = undefined;
        if ((await this.readDueOf(change, storage, current)) && current()) this.changed();
      }
    })().finally(() => (this.dueReading = undefined));
  }

  /** Reads the due times a change may have moved: its customers' open callbacks, or all of them. */
  private async readDueOf(change: CallbackChange, storage: BookStorage, current: () => boolean): Promise<boolean> {
    if (change === 'everything') return this.readDue(storage, current);
    const customerIds = new Set(change.customerIds);
    if (change.callbackIds.size > 0) {
      // Ids that name no customer (older rows): their customers, unless one was deleted (then all).
      const named = await storage.callbacks.customersOf([...change.callbackIds]);
      if (!named) return this.readDue(storage, current);
      for (const id of named) customerIds.add(id);
    }
    const earliest = await storage.callbacks.earliestOpenDue([...customerIds]);
    if (!current()) return false;
    for (const id of customerIds) {
      const due = earliest.get(id);
      if (due === undefined) this.dueAt.delete(id);
      else this.dueAt.set(id, due);
    }
    return this.showDue(customerIds);
  }

  private async readChanges(storage: BookStorage, current: () => boolean): Promise<void> {
    const records = await storage.customers.changedSince(this.watermark);
    if (records.length === 0 || !current()) return;
    const ids = new Set(records.map((record) => record.id));
    const fresh = this.rowsOf([...records].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1)));
    this.ordered = fresh.concat(this.ordered.filter((row) => !ids.has(row.id)));
    this.changed();
  }

  stop(): void {
    this.generation++;
    clearTimeout(this.catchUp);
    clearTimeout(this.dueCatchUp);
    this.watch?.unsubscribe();
    this.dueUnwatch?.();
    this.watch = undefined;
    this.dueUnwatch = undefined;
    this.duePending = undefined;
  }
}
