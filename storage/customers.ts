import { t } from '../core/i18n';
import Dexie, { type Collection, type InsertType } from 'dexie';
import { normalisePhone } from '../core/phone';
import { newId } from './schemas/common';
import { customerInputSchema, type CustomerInput, type Grade, type Stage } from './schemas/customer';
import { searchKeys, type CustomerRecord } from './customer-search-keys';
import type { DealerDeskDatabase } from './database';
import { customersChangedSince, newestCustomerUpdate, recentCustomers } from './book-reader';
import { canReplanHere, planWrittenCards, readSettings, replanCustomer, replanTables } from './replan';
import { RejectedWrite, validate, type FieldError, type WriteResult } from './validation';

export interface CustomerQuery {
  /** A phone as typed, in any format: matched by its normalised number. */
  phone?: string;
  /** The last digits of a phone (4 is what consultants remember). */
  phoneTail?: string;
  namePrefix?: string;
  /** Pinyin initials of the name, e.g. `zs` for 张三 (prefix match). */
  initials?: string;
  grade?: Grade;
  stage?: Stage;
  consultant?: string;
  includeDeleted?: boolean;
  limit?: number;
}

/** Keys written by storage, not by the user. */
const STORAGE_FIELDS = ['id', 'createdAt', 'updatedAt', 'deletedAt', 'plannedAt', 'phoneNumbers', 'phoneTails', 'nameInitials', 'namePinyin'] as const;

export function editableFields(record: CustomerRecord): CustomerInput {
  const copy: Record<string, unknown> = { ...record };
  for (const key of STORAGE_FIELDS) delete copy[key];
  return copy as CustomerInput;
}

/** Customers (客户信息卡): every write validated first; a rejected write writes nothing. */
export class CustomerRepository {
  constructor(
    private readonly db: DealerDeskDatabase,
    private readonly now: () => number = Date.now,
  ) {}

  /** Validates and builds the record a create would write, without writing it (for batches). */
  prepare(input: CustomerInput, id: string = newId()): WriteResult<CustomerRecord> {
    const result = validate(customerInputSchema, input);
    if (!result.ok) return result;
    const at = this.now();
    return { ok: true, value: { ...result.value, id, createdAt: at, updatedAt: at, ...searchKeys(result.value) } };
  }

  /**
   * Stores a new card and plans its callbacks (a new lead's first contact) in the same transaction;
   * inside a caller's transaction without the planning tables it only stores the card (see `canReplanHere`).
   */
  async create(input: CustomerInput): Promise<WriteResult<CustomerRecord>> {
    // On its own (the sidebar's and the dashboard's save), the settings are read while the card is
    // validated, not inside the write: one round trip fewer. A settings change in between re-plans
    // everyone anyway (the plan stamp). Inside a caller's transaction they are read in it.
    const replanning = canReplanHere(this.db);
    const settings = replanning && !Dexie.currentTransaction ? readSettings(this.db) : undefined;
    const prepared = this.prepare(input);
    if (!prepared.ok) {
      settings?.catch(() => undefined);
      return prepared;
    }
    if (!replanning) {
      await this.db.customers.add(prepared.value);
      return prepared;
    }
    const known = settings && (await settings);
    // A new id has no follow-ups or callbacks to read: its plan comes from the card alone, and is
    // worked out while the card is written.
    const card = { ...prepared.value, plannedAt: prepared.value.updatedAt };
    await this.db.transaction('rw', replanTables(this.db), () => Promise.all([this.db.customers.add(card), planWrittenCards(this.db, [card], [], this.now(), known)]));
    return { ok: true, value: card };
  }

  /**
   * Many new cards at once: each validated as `create` does, written with its callbacks in one
   * transaction per chunk (`bulkWrite`, the import's batch write). The next chunk is validated while the
   * last one is written, so validation hides behind IndexedDB's own work, which runs outside the page's
   * thread (README, Performance).
   */
  async createMany(
    inputs: readonly CustomerInput[],
    { chunk = 2_000, onProgress }: { chunk?: number; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<{ created: number; rejected: { index: number; errors: FieldError[] }[] }> {
    const rejected: { index: number; errors: FieldError[] }[] = [];
    let created = 0;
    let writing: Promise<unknown> = Promise.resolve();
    for (let start = 0; start < inputs.length; start += chunk) {
      const records: CustomerRecord[] = [];
      inputs.slice(start, start + chunk).forEach((input, i) => {
        const prepared = this.prepare(input);
        if (prepared.ok) records.push(prepared.value);
        else rejected.push({ index: start + i, errors: prepared.errors });
      });
      await writing;
      const end = Math.min(inputs.length, start + chunk);
      writing = this.bulkWrite(records).then(() => {
        created += records.length;
        onProgress?.(end, inputs.length);
      });
    }
    await writing;
    return { created, rejected };
  }

  /**
   * Applies `patch` over the stored card; the whole card is validated again before writing, and the
   * customer's callbacks are re-planned in the same transaction (a new grade, a delivery date…).
   */
  async update(id: string, patch: Partial<CustomerInput>): Promise<WriteResult<CustomerRecord>> {
    const replan = canReplanHere(this.db);
    return this.db.transaction('rw', replan ? replanTables(this.db) : [this.db.customers], async () => {
      const existing = await this.db.customers.get(id);
      if (!existing) return { ok: false, errors: [{ path: 'id', field: t('field_id'), message: t('error_not_found') }] } as const;
      const result = validate(customerInputSchema, { ...editableFields(existing), ...patch });
      if (!result.ok) return result;
      const updatedAt = Math.max(this.now(), existing.updatedAt + 1);
      const record: CustomerRecord = {
        ...result.value,
        id,
        createdAt: existing.createdAt,
        updatedAt,
        ...(existing.deletedAt !== undefined ? { deletedAt: existing.deletedAt } : {}),
        ...searchKeys(result.value),
        ...(replan ? { plannedAt: updatedAt } : {}),
      };
      await this.db.customers.put(record);
      if (replan) await replanCustomer(this.db, id, this.now());
      return { ok: true, value: record } as const;
    });
  }

  /** Hides the customer everywhere; `restore` brings it back unchanged. */
  async softDelete(id: string): Promise<boolean> {
    const replan = canReplanHere(this.db);
    return this.db.transaction('rw', replan ? replanTables(this.db) : [this.db.customers], async () => {
      const changed = (await this.db.customers.update(id, { deletedAt: this.now(), updatedAt: this.now() })) === 1;
      if (changed && replan) await replanCustomer(this.db, id, this.now());
      return changed;
    });
  }

  async restore(id: string): Promise<boolean> {
    const replan = canReplanHere(this.db);
    return this.db.transaction('rw', replan ? replanTables(this.db) : [this.db.customers], async () => {
      const existing = await this.db.customers.get(id);
      if (!existing || existing.deletedAt === undefined) return false;
      const { deletedAt: _deleted, ...kept } = existing;
      await this.db.customers.put({ ...kept, updatedAt: this.now() });
      if (replan) await replanCustomer(this.db, id, this.now());
      return true;
    });
  }

  async get(id: string, { includeDeleted = false } = {}): Promise<CustomerRecord | undefined> {
    const record = await this.db.customers.get(id);
    return record && (includeDeleted || record.deletedAt === undefined) ? record : undefined;
  }

  /** Live customers already holding any of these phones (as typed, any format): the duplicate check. */
  async findDuplicates(phones: readonly string[], exceptId?: string): Promise<CustomerRecord[]> {
    const numbers = phones.map((phone) => normalisePhone(phone)).flatMap((phone) => (typeof phone === 'object' ? [phone.e164] : []));
    if (numbers.length === 0) return [];
    const found = await this.db.customers.where('phoneNumbers').anyOf(numbers).distinct().toArray();
    return found.filter((customer) => customer.deletedAt === undefined && customer.id !== exceptId);
  }

  /** Index-backed lookups; the most selective criterion drives the index, the rest filter. */
  async find(query: CustomerQuery): Promise<CustomerRecord[]> {
    const table = this.db.customers;
    let collection: Collection<CustomerRecord, string, InsertType<CustomerRecord, 'id'>>;
    if (query.phone !== undefined) {
      const phone = normalisePhone(query.phone);
      if (typeof phone !== 'object') return [];
      collection = table.where('phoneNumbers').equals(phone.e164);
    } else if (query.phoneTail !== undefined) {
      collection = table.where('phoneTails').equals(query.phoneTail.slice(-4));
    } else if (query.namePrefix !== undefined) {
      collection = table.where('name').startsWith(query.namePrefix.trim());
    } else if (query.initials !== undefined) {
      collection = table.where('nameInitials').startsWith(query.initials.trim().toLowerCase());
    } else if (query.grade !== undefined) {
      collection = table.where('grade').equals(query.grade);
    } else if (query.stage !== undefined) {
      collection = table.where('stage').equals(query.stage);
    } else if (query.consultant !== undefined) {
      collection = table.where('consultant').equals(query.consultant);
    } else {
      collection = table.orderBy('updatedAt').reverse();
    }
    const keep = (customer: CustomerRecord): boolean =>
      (query.includeDeleted || customer.deletedAt === undefined) &&
      (query.phoneTail === undefined || customer.phoneTails.some((tail) => tail.endsWith(query.phoneTail!.slice(-4)))) &&
      (query.grade === undefined || customer.grade === query.grade) &&
      (query.stage === undefined || customer.stage === query.stage) &&
      (query.consultant === undefined || customer.consultant === query.consultant);
    if (query.limit) {
      // Per keystroke: a filtered collection walks a cursor, one round trip per row in Chromium (~30 ms
      // for 50 rows at 100k). One unfiltered read of twice the rows answers nearly every search, since
      // deleted cards are few; the cursor only runs when that read was not enough.
      const batch = query.limit * 2;
      const read = await collection.clone().limit(batch).toArray();
      const seen = new Set<string>();
      const kept = read.filter((customer) => !seen.has(customer.id) && seen.add(customer.id) && keep(customer));
      if (kept.length >= query.limit || read.length < batch) return kept.slice(0, query.limit);
    }
    const filtered = collection.distinct().filter(keep);
    return query.limit ? filtered.limit(query.limit).toArray() : filtered.toArray();
  }

  /** Most recently changed live cards first, a keyset page at a time (`[updatedAt+id]`): see reader.ts. */
  recent(limit: number, after?: Pick<CustomerRecord, 'updatedAt' | 'id'>): Promise<CustomerRecord[]> {
    return recentCustomers(this.db, limit, after);
  }

  /** The latest `updatedAt` of any card (0 when there is none). */
  newestUpdate(): Promise<number> {
    return newestCustomerUpdate(this.db);
  }

  /** Every card changed after `since` (soft-deleted ones included). */
  changedSince(since: number): Promise<CustomerRecord[]> {
    return customersChangedSince(this.db, since);
  }

  /**
   * Applies `patch(card)` to every card in `ids` in one transaction; every card is validated again and
   * one rejected card rolls the whole batch back. Resolves with the number of cards changed.
   */
  async bulkUpdate(ids: readonly string[], patch: (card: CustomerInput) => Partial<CustomerInput>): Promise<WriteResult<number>> {
    try {
      const replan = canReplanHere(this.db);
      const changed = await this.db.transaction('rw', replan ? replanTables(this.db) : [this.db.customers], async () => {
        const existing = (await this.db.customers.bulkGet([...ids])).filter((record) => record !== undefined);
        const at = this.now();
        const records = existing.map((record) => {
          const input = editableFields(record);
          const result = validate(customerInputSchema, { ...input, ...patch(input) });
          if (!result.ok) throw new RejectedWrite(result.errors.map((error) => ({ ...error, field: `${record.name} · ${error.field}` })));
          const updatedAt = Math.max(at, record.updatedAt + 1);
          return {
            ...result.value,
            id: record.id,
            createdAt: record.createdAt,
            updatedAt,
            ...(record.deletedAt !== undefined ? { deletedAt: record.deletedAt } : {}),
            ...searchKeys(result.value),
            ...(replan ? { plannedAt: updatedAt } : {}),
          } satisfies CustomerRecord;
        });
        await this.db.customers.bulkPut(records);
        // A new grade or stage changes the cadence: callbacks follow in the same transaction.
        if (replan) for (const record of records) await replanCustomer(this.db, record.id, at);
        return records.length;
      });
      return { ok: true, value: changed };
    } catch (error) {
      if (error instanceof RejectedWrite) return { ok: false, errors: error.errors };
      throw error;
    }
  }

  /** Soft-deletes the live cards among `ids`; resolves with those it hid (what an undo restores). */
  async softDeleteMany(ids: readonly string[]): Promise<string[]> {
    const replan = canReplanHere(this.db);
    return this.db.transaction('rw', replan ? replanTables(this.db) : [this.db.customers], async () => {
      const at = this.now();
      const live = (await this.db.customers.bulkGet([...ids])).filter((record) => record !== undefined && record.deletedAt === undefined);
      await this.db.customers.bulkPut(live.map((record) => ({ ...record!, deletedAt: at, updatedAt: Math.max(at, record!.updatedAt + 1) })));
      if (replan) for (const record of live) await replanCustomer(this.db, record!.id, at);
      return live.map((record) => record!.id);
    });
  }

  /** Brings soft-deleted cards back unchanged (the undo of `softDeleteMany`). */
  async restoreMany(ids: readonly string[]): Promise<number> {
    const replan = canReplanHere(this.db);
    return this.db.transaction('rw', replan ? replanTables(this.db) : [this.db.customers], async () => {
      const at = this.now();
      const hidden = (await this.db.customers.bulkGet([...ids])).filter((record) => record !== undefined && record.deletedAt !== undefined);
      await this.db.customers.bulkPut(
        hidden.map((record) => {
          const { deletedAt: _deleted, ...kept } = record!;
          return { ...kept, updatedAt: Math.max(at, record!.updatedAt + 1) };
        }),
      );
      if (replan) for (const record of hidden) await replanCustomer(this.db, record!.id, at);
      return hidden.length;
    });
  }

  /**
   * Writes prepared cards (see `prepare`, `prepareUpdate`) in one transaction with their callbacks: the
   * import's batch write. The batch is stamped when it is written (`updatedAt` now, after the stored
   * card's for a merge), not when it was prepared, and planned in the same transaction: new cards from
   * the card alone, merged ones against their follow-ups and callbacks (see `planWrittenCards`). A
   * rejected write rolls back the cards and their callbacks together.
   */
  async bulkWrite(created: readonly CustomerRecord[], merged: readonly CustomerRecord[] = []): Promise<void> {
    await this.db.transaction('rw', replanTables(this.db), async () => {
      const at = this.now();
      const stored = merged.length ? await this.db.customers.bulkGet(merged.map((record) => record.id)) : [];
      const added = created.map((record) => ({ ...record, updatedAt: at, plannedAt: at }));
      const changed = merged.map((record, index) => {
        const updatedAt = Math.max(at, (stored[index]?.updatedAt ?? 0) + 1);
        return { ...record, updatedAt, plannedAt: updatedAt };
      });
      // Planning needs the records, not their rows: it reads the settings (and a merged customer's
      // follow-ups and callbacks) while the cards are written, so IndexedDB never waits for it.
      await Promise.all([
        planWrittenCards(this.db, added, changed, at),
        added.length ? this.db.customers.bulkAdd(added) : undefined,
        changed.length ? this.db.customers.bulkPut(changed) : undefined,
      ]);
    });
  }

  /**
   * Builds the record an update of `existing` with `patch` would write, without writing it (for
   * batches such as an import's merge).
   */
  prepareUpdate(existing: CustomerRecord, patch: Partial<CustomerInput>): WriteResult<CustomerRecord> {
    const result = validate(customerInputSchema, { ...editableFields(existing), ...patch });
    if (!result.ok) return result;
    return {
      ok: true,
      value: {
        ...result.value,
        id: existing.id,
        createdAt: existing.createdAt,
        updatedAt: Math.max(this.now(), existing.updatedAt + 1),
        ...(existing.deletedAt !== undefined ? { deletedAt: existing.deletedAt } : {}),
        ...searchKeys(result.value),
      },
    };
  }

  async count(): Promise<number> {
    return this.db.customers.count();
  }
}
