import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

const COUNTERS_TABLE = 'counters';
const CALLBACKS_TABLE = 'callbacks';

/** Corrects what `counters` keeps about callbacks, for one write to them, inside its transaction. */
export type CallbackWriteHandler = (req: DBCoreMutateRequest, callbacks: DBCoreTable, counters: DBCoreTable) => Promise<DBCoreMutateResponse>;

/**
 * A Dexie middleware that sees every write to `callbacks` with `counters` in the same transaction (a
 * read-write transaction on callbacks is widened to it), one write at a time per transaction, so two
 * writes never correct `counters` from the same stale read. Databases without `counters` are left alone.
 */
export function callbackWritesMiddleware(name: string, handle: CallbackWriteHandler): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    create(down) {
      if (!down.schema.tables.some((table) => table.name === COUNTERS_TABLE)) return {};
      // Per middleware: one stacked above another waits for its own queue only.
      const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();
      const serialised = <T>(trans: DBCoreTransaction, work: () => Promise<T>): Promise<T> => {
        const next = (queues.get(trans) ?? Promise.resolve()).then(work, work);
        queues.set(trans, next.catch(() => undefined));
        return next;
      };
      return {
        transaction(stores, mode, options) {
          const widened = mode === 'readwrite' && stores.includes(CALLBACKS_TABLE) && !stores.includes(COUNTERS_TABLE) ? [...stores, COUNTERS_TABLE] : stores;
          return down.transaction(widened, mode, options);
        },
        table(tableName) {
          const table = down.table(tableName);
          if (tableName !== CALLBACKS_TABLE) return table;
          const counters = down.table(COUNTERS_TABLE);
          return { ...table, mutate: (req) => serialised(req.trans, () => handle(req, table, counters)) };
        },
      };
    },
  };
}
