import Dexie, { type IntervalTree, type ObservabilitySet } from 'dexie';

/**
 * Which callbacks a write touched, as Dexie reports it: the customers their ids name (`<customerId>~<random>`)
 * and the ids that name none (older or long-id rows), or `everything` when it names no keys at all (a
 * range delete, a clear, a bulk write of 50 or more, which Dexie reports as the whole table).
 */
export type CallbackChange = { customerIds: Set<string>; callbackIds: Set<string> } | 'everything';

/** The customer a callback id names, if it names one (see `customerRowId`). */
export function customerOfCallbackId(id: string): string | undefined {
  const cut = id.lastIndexOf('~');
  return cut > 0 ? id.slice(0, cut) : undefined;
}

/**
 * The single keys of an interval tree, or `undefined` if it holds a range. Walked by hand: from other
 * tabs and the worker it arrives structured-cloned, without RangeSet's methods.
 */
function singleKeys(tree: IntervalTree, into: string[] = []): string[] | undefined {
  if (!('from' in tree)) return into;
  if (typeof tree.from !== 'string' || tree.from !== tree.to) return undefined;
  into.push(tree.from);
  if (tree.l && !singleKeys(tree.l, into)) return undefined;
  if (tree.r && !singleKeys(tree.r, into)) return undefined;
  return into;
}

/** What `parts` (a `storagemutated` event) says about database `dbName`'s callbacks; `undefined` if nothing. */
export function callbackChange(parts: ObservabilitySet, dbName: string): CallbackChange | undefined {
  if ('all' in parts) return 'everything';
  // The primary-key part lists every callback written, whichever fields changed.
  const tree = parts[`idb://${dbName}/callbacks/`];
  if (!tree) return undefined;
  const keys = singleKeys(tree);
  if (!keys) return 'everything';
  if (keys.length === 0) return undefined;
  const change = { customerIds: new Set<string>(), callbackIds: new Set<string>() };
  for (const key of keys) {
    const customerId = customerOfCallbackId(key);
    if (customerId) change.customerIds.add(customerId);
    else change.callbackIds.add(key);
  }
  return change;
}

/**
 * Calls `listener` after every write to database `dbName`'s callbacks, from this page, another tab or
 * the worker (Dexie broadcasts them): nothing is read or counted to find out. Returns the unsubscribe.
 */
export function watchCallbackChanges(dbName: string, listener: (change: CallbackChange) => void): () => void {
  const mutated = (parts: ObservabilitySet) => {
    const change = callbackChange(parts, dbName);
    if (change) listener(change);
  };
  Dexie.on('storagemutated', mutated);
  return () => Dexie.on.storagemutated.unsubscribe(mutated);
}
