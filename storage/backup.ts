import { t } from '../core/i18n';
import { searchKeys, type CustomerRecord } from './customer-search-keys';
import type { DealerDeskDatabase, SettingsRecord } from './database';
import { callbackSchema, type Callback } from './schemas/callback';
import { customerSchema } from './schemas/customer';
import { followUpSchema, type FollowUp } from './schemas/follow-up';
import { scriptSchema, type Script } from './schemas/script';
import { settingsSchema } from './schemas/settings';
import { validate } from './validation';
import { CURRENT_VERSION } from './versions';
import { BOOK_RESTORED } from './replan';
import { z } from './zod';

export const BACKUP_FORMAT = 'dealer-desk-backup';
/** Version of the envelope itself; the records follow the schema version they were made with. */
export const BACKUP_VERSION = 1;

export const BACKUP_TABLES = ['customers', 'followUps', 'callbacks', 'scripts', 'settings'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupTables {
  customers: CustomerRecord[];
  followUps: FollowUp[];
  callbacks: Callback[];
  scripts: Script[];
  settings: SettingsRecord[];
}

/** A complete copy of the book: every table, settings and scripts included. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  schemaVersion: number;
  createdAt: number;
  counts: Record<BackupTable, number>;
  tables: BackupTables;
}

/** Reads every table in one read transaction, so the copy is consistent. */
export async function createBackup(db: DealerDeskDatabase, now: () => number = Date.now): Promise<Backup> {
  return db.transaction('r', [db.customers, db.followUps, db.callbacks, db.scripts, db.settings], async () => {
    const tables: BackupTables = {
      customers: await db.customers.toArray(),
      followUps: await db.followUps.toArray(),
      callbacks: await db.callbacks.toArray(),
      scripts: await db.scripts.toArray(),
      settings: await db.settings.toArray(),
    };
    const counts = Object.fromEntries(BACKUP_TABLES.map((table) => [table, tables[table].length])) as Record<BackupTable, number>;
    return { format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: CURRENT_VERSION, createdAt: now(), counts, tables };
  });
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; errors: string[] };

const MAX_REPORTED = 50;

function records<T>(name: BackupTable, rows: unknown, schema: z.ZodType<T>, errors: string[]): T[] {
  if (!Array.isArray(rows)) {
    errors.push(t('backup_error_table_missing', name));
    return [];
  }
  const valid: T[] = [];
  rows.forEach((row, index) => {
    const result = validate(schema, row);
    if (result.ok) valid.push(result.value);
    else if (errors.length < MAX_REPORTED) errors.push(`${name} #${index + 1}: ${result.errors.map((error) => `${error.field}: ${error.message}`).join('; ')}`);
    else if (errors.length === MAX_REPORTED) errors.push('…');
  });
  return valid;
}

// The settings table holds one record, whose id is `settings`.
const settingsRecordSchema = settingsSchema.extend({ id: z.literal('settings') });

/**
 * Checks a backup file completely before anything is written: its envelope, and every record against
 * the current schemas. Search keys are computed again rather than trusted.
 */
export function parseBackup(json: unknown): ParsedBackup {
  const envelope = json as Partial<Backup> | null;
  if (!envelope || typeof envelope !== 'object' || envelope.format !== BACKUP_FORMAT) return { ok: false, errors: [t('backup_error_not_backup')] };
  if (envelope.version !== BACKUP_VERSION || typeof envelope.schemaVersion !== 'number') return { ok: false, errors: [t('backup_error_version', String(envelope.version))] };
  if (envelope.schemaVersion > CURRENT_VERSION) return { ok: false, errors: [t('backup_error_newer', envelope.schemaVersion, CURRENT_VERSION)] };
  const source = (envelope.tables ?? {}) as Record<string, unknown>;
  const errors: string[] = [];
  const customers = records('customers', source.customers, customerSchema, errors).map((customer) => ({ ...customer, ...searchKeys(customer) }) as CustomerRecord);
  const tables: BackupTables = {
    customers,
    followUps: records('followUps', source.followUps, followUpSchema, errors),
    callbacks: records('callbacks', source.callbacks, callbackSchema, errors),
    scripts: records('scripts', source.scripts, scriptSchema, errors),
    settings: records('settings', source.settings ?? [], settingsRecordSchema, errors) as SettingsRecord[],
  };
  for (const table of BACKUP_TABLES) {
    const ids = new Set<string>();
    for (const row of tables[table]) {
      if (ids.has(row.id)) errors.push(t('backup_error_duplicate_id', table, row.id));
      ids.add(row.id);
    }
  }
  if (errors.length) return { ok: false, errors };
  const counts = Object.fromEntries(BACKUP_TABLES.map((table) => [table, tables[table].length])) as Record<BackupTable, number>;
  return { ok: true, backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: envelope.schemaVersion, createdAt: Number(envelope.createdAt) || 0, counts, tables } };
}

/** What a restore would do to one table: the backup replaces the table entirely. */
export interface TableChange {
  table: BackupTable;
  now: number;
  after: number;
  added: number;
  changed: number;
  removed: number;
}

/** JSON with object keys sorted: two records with the same content compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) =>
    member && typeof member === 'object' && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : member,
  );
}

export async function planRestore(db: DealerDeskDatabase, backup: Backup): Promise<TableChange[]> {
  return Promise.all(
    BACKUP_TABLES.map(async (table) => {
      const current = (await db.table(table).toArray()) as { id: string }[];
      const byId = new Map(current.map((row) => [row.id, canonical(row)]));
      const incoming = backup.tables[table] as { id: string }[];
      let added = 0;
      let changed = 0;
      const kept = new Set<string>();
      for (const row of incoming) {
        const stored = byId.get(row.id);
        if (stored === undefined) added++;
        else {
          kept.add(row.id);
          if (stored !== canonical(row)) changed++;
        }
      }
      return { table, now: current.length, after: incoming.length, added, changed, removed: current.length - kept.size };
    }),
  );
}

/**
 * Replaces every table with the backup's in one transaction: if any write fails, the transaction
 * aborts and the database is exactly as it was.
 */
export async function restoreBackup(db: DealerDeskDatabase, backup: Backup): Promise<void> {
  await db.transaction('rw', [db.customers, db.followUps, db.callbacks, db.scripts, db.settings, db.counters], async () => {
    for (const table of BACKUP_TABLES) {
      await db.table(table).clear();
      await db.table(table).bulkAdd(backup.tables[table] as never[]);
    }
    // The backup's callbacks were planned when it was made: the worker re-plans the whole book.
    await db.table(BOOK_RESTORED.table).put({ id: BOOK_RESTORED.id, at: Date.now() });
  });
}
