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
  private readonly rows = new Map<string, TableCustomer>();
  private readonly dueAt = new Map<string, number>();
  private watermark = 0;
  private watch?: Subscription;
  private dueWatch?: Subscription;
  private catchUp?: ReturnType<typeof setTimeout>;
  private version = 0;
  private cached?: { version: number; rows: TableCustomer[] };
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
    if (this.cached?.version !== this.version) {
      const rows = [...this.rows.values()].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1));
      this.cached = { version: this.version, rows };
    }
    return this.cached.rows;
  }

  get size(): number {
    return this.rows.size;
  }

  private put(record: CustomerRecord): void {
    if (record.deletedAt !== undefined) this.rows.delete(record.id);
    else this.rows.set(record.id, tableRow(record, this.dueAt.get(record.id)));
    if (record.updatedAt > this.watermark) this.watermark = record.updatedAt;
  }

  private changed(): void {
    this.version++;
    this.onChange();
  }

  async load(): Promise<void> {
    this.stop();
    this.rows.clear();
    this.complete = false;
    this.watermark = 0;
    await this.db.open();
    performance.mark('dashboard-book-start');
    let page = await this.customers.recent(FIRST_PAGE);
    for (const record of page) this.put(record);
    this.changed();
    // What the benchmark reads: the first screen of rows, then the whole book in memory.
    performance.measure('dashboard-first-rows', 'dashboard-book-start');
    await this.loadDue();
    while (page.length > 0) {
      const last = page[page.length - 1]!;
      page = await this.customers.recent(CHUNK, last);
      for (const record of page) this.put(record);
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

  private applyDue(open: readonly { customerId: string; dueAt: number }[]): void {
    this.dueAt.clear();
    // Ascending by due time: the first seen per customer is the earliest.
    for (const callback of open) if (!this.dueAt.has(callback.customerId)) this.dueAt.set(callback.customerId, callback.dueAt);
    for (const [id, row] of this.rows) {
      const due = this.dueAt.get(id);
      if (row.dueAt !== due) this.rows.set(id, { ...row, dueAt: due });
    }
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
        this.applyDue(open);
        this.changed();
      },
    });
  }

  private async readChanges(): Promise<void> {
    const records = await this.customers.changedSince(this.watermark);
    if (records.length === 0) return;
    for (const record of records) this.put(record);
    this.changed();
  }

  stop(): void {
    clearTimeout(this.catchUp);
    this.watch?.unsubscribe();
    this.dueWatch?.unsubscribe();
    this.dueWatch = undefined;
  }
}
