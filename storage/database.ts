import Dexie, { type EntityTable } from 'dexie';
import type { CustomerRecord } from './customer-search-keys';
import { dueCountMiddleware, type DueCounter } from './due-count';
import { lateCallbacksMiddleware } from './notified-through';
import type { Callback } from './schemas/callback';
import type { FollowUp } from './schemas/follow-up';
import type { Script } from './schemas/script';
import type { Settings } from './schemas/settings';
import { SCHEMA_VERSIONS, type SchemaVersion } from './versions';

export const DATABASE_NAME = 'dealer-desk';

export type SettingsRecord = Settings & { id: 'settings' };

/** A notification raised for a callback falling due at `dueAt` (a snoozed callback may raise one more). */
export interface NotificationRecord {
  /** `<callbackId>@<dueAt>` */
  id: string;
  callbackId: string;
  dueAt: number;
  notifiedAt: number;
  /** Shown (false: recorded without showing, e.g. folded into a summary). */
  shown: boolean;
}

export class DealerDeskDatabase extends Dexie {
  declare customers: EntityTable<CustomerRecord, 'id'>;
  declare followUps: EntityTable<FollowUp, 'id'>;
  declare callbacks: EntityTable<Callback, 'id'>;
  declare scripts: EntityTable<Script, 'id'>;
  declare settings: EntityTable<SettingsRecord, 'id'>;
  declare notifications: EntityTable<NotificationRecord, 'id'>;
  declare counters: EntityTable<DueCounter, 'id'>;

  /** `versions` is for the upgrade tests, which build a database as an older release left it. */
  constructor(name = DATABASE_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use(dueCountMiddleware);
    this.use(lateCallbacksMiddleware);
  }
}

let shared: DealerDeskDatabase | undefined;

/** The extension's one database, opened on first use in extension pages and the service worker. */
export function openDatabase(): DealerDeskDatabase {
  shared ??= new DealerDeskDatabase();
  return shared;
}
