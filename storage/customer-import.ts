import { t } from '../core/i18n';
import { CustomerRepository, editableFields } from './customers';
import type { CustomerRecord } from './customer-search-keys';
import type { DealerDeskDatabase } from './database';
import type { CustomerInput } from './schemas/customer';

type Plain = Record<string, unknown>;

/** What to do with a row whose phone already belongs to a customer. */
export type DuplicatePolicy = 'skip' | 'merge' | 'create';
export type RowOutcome = 'create' | 'merge' | 'skip' | 'reject';

/** One data row of the file, already turned into a card by the column mapping. */
export interface ImportRow {
  /** Line (1-based, the header is line 1) the row came from, for the report. */
  line: number;
  card: Plain;
  /** Cells that could not be read, e.g. a date that is not a date. */
  problems: readonly { column: string; message: string }[];
}

export interface PlannedRow {
  line: number;
  name: string;
  outcome: RowOutcome;
  /** Why a row is rejected or skipped, in the user's language. */
  reasons: string[];
  /** The customer it duplicates (merge or skip). */
  duplicateOf?: string;
  record?: CustomerRecord;
}

export interface ImportPlan {
  rows: PlannedRow[];
  counts: Record<RowOutcome, number>;
}

// Small enough that the page stays responsive (and the progress bar moves) while rows are checked.
const LOOKUP_CHUNK = 1000;
export const IMPORT_BATCH = 2000;

function isPlain(value: unknown): value is Plain {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The stored card completed by the file: blank fields filled in, lists and phones joined. What the
 * card already says is kept (a merge never loses data; edit the card to change it).
 */
function mergeCards(stored: Plain, incoming: Plain): Plain {
  const merged: Plain = { ...stored };
  for (const [key, value] of Object.entries(incoming)) {
    const current = merged[key];
    if (key === 'phones' && Array.isArray(value) && Array.isArray(current)) {
      const known = new Set(current.map((phone: Plain) => phone.number));
      merged.phones = [...current, ...value.filter((phone: Plain) => !known.has(phone.number)).map((phone: Plain) => ({ ...phone, primary: false }))];
    } else if (Array.isArray(value) && Array.isArray(current) && value.every((item) => typeof item === 'string')) {
      merged[key] = [...new Set([...current, ...value])];
    } else if (isPlain(value) && isPlain(current)) {
      merged[key] = mergeCards(current, value);
    } else if (value !== undefined && value !== '' && (current === undefined || current === '')) {
      merged[key] = value;
    }
  }
  return merged;
}

/**
 * Validates every row and finds duplicates by normalised phone, writing nothing: the preview. Rows
 * with unreadable cells or a card storage would refuse are rejected with their reasons. The records'
 * `updatedAt` is the preview's: `commitImport` stamps them again when it writes them.
 */
export async function planImport(
  db: DealerDeskDatabase,
  rows: readonly ImportRow[],
  policy: DuplicatePolicy,
  now: () => number = Date.now,
  onProgress: (checked: number, total: number) => void = () => undefined,
): Promise<ImportPlan> {
  const customers = new CustomerRepository(db, now);
  const planned: PlannedRow[] = [];
  // Cards this import creates or changes, by phone: a later row with the same phone is a duplicate of it.
  const byPhone = new Map<string, PlannedRow>();
  for (let start = 0; start < rows.length; start += LOOKUP_CHUNK) {
    const chunk = rows.slice(start, start + LOOKUP_CHUNK);
    const prepared = chunk.map((row) => {
      if (row.problems.length) return { row, result: undefined };
      return { row, result: customers.prepare(row.card as CustomerInput) };
    });
    const phones = prepared.flatMap(({ result }) => (result?.ok ? result.value.phoneNumbers : []));
    const stored = new Map<string, CustomerRecord>();
    if (phones.length) {
      for (const record of await db.customers.where('phoneNumbers').anyOf(phones).toArray()) {
        if (record.deletedAt !== undefined) continue;
        for (const phone of record.phoneNumbers) if (!stored.has(phone)) stored.set(phone, record);
      }
    }
    for (const { row, result } of prepared) {
      const name = String(row.card.name ?? '');
      if (!result) {
        planned.push({ line: row.line, name, outcome: 'reject', reasons: row.problems.map((problem) => `${problem.column}: ${problem.message}`) });
        continue;
      }
      if (!result.ok) {
        planned.push({ line: row.line, name, outcome: 'reject', reasons: result.errors.map((error) => `${error.field}: ${error.message}`) });
        continue;
      }
      const capturedAt = (row.card.source as Plain | undefined)?.capturedAt;
      const record: CustomerRecord = typeof capturedAt === 'number' && capturedAt < result.value.createdAt ? { ...result.value, createdAt: capturedAt } : result.value;
      const phone = record.phoneNumbers.find((number) => byPhone.has(number) || stored.has(number));
      if (phone === undefined || policy === 'create') {
        const entry: PlannedRow = { line: row.line, name, outcome: 'create', reasons: [], record };
        planned.push(entry);
        for (const number of record.phoneNumbers) if (!byPhone.has(number)) byPhone.set(number, entry);
        continue;
      }
      const earlier = byPhone.get(phone);
      const existing = earlier?.record ?? stored.get(phone)!;
      const duplicateOf = existing.name;
      if (policy === 'skip') {
        planned.push({ line: row.line, name, outcome: 'skip', reasons: [t('import_reason_duplicate', duplicateOf)], duplicateOf });
        continue;
      }
      const update = customers.prepareUpdate(existing, mergeCards(editableFields(existing) as Plain, row.card) as Partial<CustomerInput>);
      if (!update.ok) {
        planned.push({ line: row.line, name, outcome: 'reject', reasons: update.errors.map((error) => `${error.field}: ${error.message}`) });
        continue;
      }
      if (earlier) {
        // Two rows of the file for one customer: the second folds into the card the first creates.
        earlier.record = { ...update.value, updatedAt: earlier.record!.updatedAt };
        planned.push({ line: row.line, name, outcome: 'merge', reasons: [t('import_reason_merged_into', duplicateOf)], duplicateOf });
      } else {
        const entry: PlannedRow = { line: row.line, name, outcome: 'merge', reasons: [t('import_reason_merged_into', duplicateOf)], duplicateOf, record: update.value };
        planned.push(entry);
        for (const number of update.value.phoneNumbers) byPhone.set(number, entry);
      }
    }
    onProgress(Math.min(start + LOOKUP_CHUNK, rows.length), rows.length);
  }
  const counts: Record<RowOutcome, number> = { create: 0, merge: 0, skip: 0, reject: 0 };
  for (const row of planned) counts[row.outcome]++;
  return { rows: planned, counts };
}

/**
 * Writes a plan: one transaction per batch of cards with the callbacks planned for them (see
 * `CustomerRepository.bulkWrite`: each batch is stamped and planned as of its own write),
 * `onProgress(done, total)` after each. Only `create` and the first `merge` of each customer carry a record.
 */
export async function commitImport(
  db: DealerDeskDatabase,
  plan: ImportPlan,
  onProgress: (done: number, total: number) => void = () => undefined,
  now: () => number = Date.now,
): Promise<void> {
  const customers = new CustomerRepository(db, now);
  const writes = plan.rows.filter((row) => row.record && (row.outcome === 'create' || row.outcome === 'merge'));
  onProgress(0, writes.length);
  for (let start = 0; start < writes.length; start += IMPORT_BATCH) {
    const batch = writes.slice(start, start + IMPORT_BATCH);
    await customers.bulkWrite(
      batch.filter((row) => row.outcome === 'create').map((row) => row.record!),
      batch.filter((row) => row.outcome === 'merge').map((row) => row.record!),
    );
    onProgress(Math.min(start + IMPORT_BATCH, writes.length), writes.length);
  }
}
