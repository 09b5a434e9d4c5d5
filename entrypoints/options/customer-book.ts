import { liveQuery, type Subscription } from 'dexie';
import { tableRow, type TableCustomer } from '../../core/customer-search';
import { CallbackRepository, CustomerRepository, type CustomerRecord, type DealerDeskDatabase } from '../../storage';

const FIRST_PAGE = 60;
const CHUNK = 5000;
const FOLLOW_DELAY_MS = 150;

/**
 * The consultant's whole book in memory, as slim table rows: the first page comes from a keyset read
 * of the most recent cards (on screen at once), the rest loads behind it in chunks. Afterwards a live
 * query on "changed since the newest card we have" keeps it in step with every tab and the service
 * worker, without re-reading 100,000 cards.
 */
export class CustomerBook {
  /**
   * Live rows, most recently changed first. Kept in that order as it grows (keyset pages arrive in
   * it; changed cards are newer than everything else and go to the front), so it is never re-sorted.
   * Replaced, never mutated in length, on every change: views cache by its identity.
   */
  private ordered: TableCustomer[] = [];
  private readonly dueAt = new Map<string, number>();
  private watermark = 0;
  private watch?: Subscription;
  private dueWatch?: Subscription;
  private catchUp?: ReturnType<typeof setTimeout>;
  /** False until every card has been read. */
  complete = false;
  onChange: () => void = () => undefined;

  constructor(
    private readonly db: DealerDeskDatabase,
    private readonly customers = new CustomerRepository(db),
    private readonly callbacks = new CallbackRepository(db),
  ) {}

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

  async load(): Promise<void> {
    this.stop();
    this.ordered = [];
    this.complete = false;
    this.watermark = 0;
    await this.db.open();
    performance.mark('dashboard-book-start');
    let page = await this.customers.recent(FIRST_PAGE);
    this.ordered = this.rowsOf(page);
    this.changed();
    // What the benchmark reads: the first screen of rows, then the whole book in memory.
    performance.measure('dashboard-first-rows', 'dashboard-book-start');
    await this.loadDue();
    while (page.length > 0) {
      const last = page[page.length - 1]!;
      page = await this.customers.recent(CHUNK, last);
      this.ordered = this.ordered.concat(this.rowsOf(page));
      this.changed();
    }
    this.complete = true;
    this.changed();
    performance.measure('dashboard-book-complete', 'dashboard-book-start');
    this.follow();
  }

  /** Earliest open callback per customer, read from the `[status+dueAt]` index. */
  private async loadDue(): Promise<void> {
    const open = await this.callbacks.openDueBy(Number.MAX_SAFE_INTEGER);
    this.applyDue(open);
  }

  private applyDue(open: readonly { customerId: string; dueAt: number }[]): boolean {
    this.dueAt.clear();
    // Ascending by due time: the first seen per customer is the earliest.
    for (const callback of open) if (!this.dueAt.has(callback.customerId)) this.dueAt.set(callback.customerId, callback.dueAt);
    let changed = false;
    for (const row of this.ordered) {
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
   */
  private follow(): void {
    this.watch = liveQuery(() => this.customers.newestUpdate()).subscribe({
      next: (newest) => {
        if (newest <= this.watermark) return;
        clearTimeout(this.catchUp);
        this.catchUp = setTimeout(() => void this.readChanges(), FOLLOW_DELAY_MS);
      },
    });
    this.dueWatch ??= liveQuery(() => this.callbacks.openDueBy(Number.MAX_SAFE_INTEGER)).subscribe({
      next: (open) => {
        if (this.applyDue(open)) this.changed();
      },
    });
  }

  private async readChanges(): Promise<void> {
    const records = await this.customers.changedSince(this.watermark);
    if (records.length === 0) return;
    const ids = new Set(records.map((record) => record.id));
    const fresh = this.rowsOf([...records].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1)));
    this.ordered = fresh.concat(this.ordered.filter((row) => !ids.has(row.id)));
    this.changed();
  }

  stop(): void {
    clearTimeout(this.catchUp);
    this.watch?.unsubscribe();
    this.dueWatch?.unsubscribe();
    this.dueWatch = undefined;
  }
}
