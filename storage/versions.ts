import type { Transaction } from 'dexie';
import { nameKeys } from './customer-search-keys';

/**
 * Every schema version the database has had, oldest first. Never edit a released entry: add a new
 * one, with an upgrade and a test that opens a database made at the version before it.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      customers: 'id, *phoneNumbers, *phoneTails, name, grade, stage, consultant, updatedAt, createdAt',
      followUps: 'id, customerId, [customerId+at], at',
      callbacks: 'id, customerId, [status+dueAt], [customerId+planKey]',
      scripts: 'id, builtIn',
      settings: 'id',
    },
  },
  {
    // Pinyin search: initials (zs → 张三) and full pinyin, computed on write and indexed.
    version: 2,
    stores: {
      customers: 'id, *phoneNumbers, *phoneTails, name, nameInitials, namePinyin, grade, stage, consultant, updatedAt, createdAt',
    },
    upgrade: async (tx) => {
      await tx
        .table('customers')
        .toCollection()
        .modify((customer: { name: string; nameInitials?: string; namePinyin?: string }) => {
          Object.assign(customer, nameKeys(customer.name));
        });
    },
  },
  {
    // Reminders: which callbacks already raised a notification, so a restarted worker never repeats one.
    version: 3,
    stores: {
      notifications: 'id, callbackId, notifiedAt',
    },
  },
  {
    // Dashboard: keyset paging of the customer table (`updatedAt` ties, e.g. after a bulk edit or an
    // import, are broken by id) and the manager's queue of lost-deal (战败) requests.
    version: 4,
    stores: {
      customers:
        'id, *phoneNumbers, *phoneTails, name, nameInitials, namePinyin, grade, stage, consultant, updatedAt, createdAt, [updatedAt+id], deal.lost.approval',
    },
  },
  {
    // The badge's due count, kept by storage/due-count.ts (recomputed on first read: no upgrade needed).
    version: 6,
    stores: { counters: 'id' },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
