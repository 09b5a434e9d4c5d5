import type { CustomerInput, CustomerRecord, DealerDeskDatabase, CustomerRepository } from '../../storage';

/**
 * Bulk import as the dashboard's importer does it through storage/: every card validated and given its
 * search keys by `CustomerRepository.prepare`, then written in one transaction per chunk.
 */
export async function importThroughStorage(
  db: DealerDeskDatabase,
  customers: CustomerRepository,
  inputs: readonly (CustomerInput & { id: string })[],
  chunk = 2_000,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < inputs.length; start += chunk) {
    const records: CustomerRecord[] = [];
    for (const input of inputs.slice(start, start + chunk)) {
      const prepared = customers.prepare(input, input.id);
      if (prepared.ok) records.push(prepared.value);
    }
    await db.transaction('rw', db.customers, () => db.customers.bulkAdd(records));
    written += records.length;
  }
  return written;
}
