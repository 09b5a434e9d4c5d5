import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CallbackRepository } from '../../storage/callbacks';
import { DealerDeskDatabase } from '../../storage/database';
import { DUE_COUNTER_ID, OVERDUE_COUNTER_ID } from '../../storage/due-count';
import type { Callback } from '../../storage/schemas/callback';
import { SCHEMA_VERSIONS } from '../../storage/versions';
import { freshDatabase } from './support/database';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 23, 9, 30);

let db: DealerDeskDatabase;
let callbacks: CallbackRepository;
let serial = 0;

function callback(dueAt: number, status: Callback['status'] = 'open'): Callback {
  serial += 1;
  return { id: `k${serial}`, customerId: `c${serial % 7}`, dueAt, kind: 'manual', status, createdAt: 1, updatedAt: 1 };
}

/** The badge's count the slow, obvious way. */
async function counted(until: number): Promise<number> {
  return (await db.callbacks.toArray()).filter((c) => c.status === 'open' && c.dueAt <= until).length;
}

async function expectBadgeRight(until: number): Promise<void> {
  expect(await callbacks.countOpenDueBy(until)).toBe(await counted(until));
}

beforeEach(() => {
  db = freshDatabase();
  callbacks = new CallbackRepository(db, () => NOW);
});

afterEach(async () => {
  await db.delete();
});

describe('the badge count of due and overdue callbacks', () => {
  test('stays right through every kind of write once it has been read', async () => {
    await db.callbacks.bulkAdd([callback(NOW - 30 * 24 * HOUR), callback(NOW - 5 * HOUR), callback(NOW - 1), callback(NOW), callback(NOW + 1), callback(NOW - HOUR, 'done')]);
    await expectBadgeRight(NOW);
    expect(await callbacks.countOpenDueBy(NOW)).toBe(4);

    // Marked done, new ones overdue and ahead, moved by an update, replaced by put, deleted.
    const byDue = async () => (await db.callbacks.toArray()).sort((a, b) => a.dueAt - b.dueAt);
    const steps: (() => Promise<unknown>)[] = [
      async () => callbacks.markDone((await byDue())[0]!.id),
      () => db.callbacks.bulkAdd([callback(NOW - 2 * HOUR), callback(NOW + 2 * HOUR)]),
      async () => db.callbacks.update((await byDue()).at(-1)!.id, { dueAt: NOW - 3 * HOUR }),
      async () => db.callbacks.put({ ...callback(NOW + 4 * HOUR), id: (await byDue())[1]!.id }),
      async () => db.callbacks.put({ ...(await byDue()).find((c) => c.status === 'done')!, status: 'open' }),
      async () => db.callbacks.delete((await byDue())[0]!.id),
      () => db.callbacks.filter((c) => c.dueAt < NOW - 2.5 * HOUR).modify({ status: 'snoozed' }),
    ];
    for (const step of steps) {
      await step();
      await expectBadgeRight(NOW);
    }
    await expectBadgeRight(NOW - 90 * 60_000);
    await expectBadgeRight(NOW + 10 * HOUR);
  });

  test('writes made side by side in one transaction are all counted', async () => {
    await expectBadgeRight(NOW);
    await db.transaction('rw', db.callbacks, () =>
      Promise.all([db.callbacks.add(callback(NOW - HOUR)), db.callbacks.add(callback(NOW - 2 * HOUR)), db.callbacks.bulkPut([callback(NOW - 3 * HOUR), callback(NOW - 4 * HOUR)])]),
    );
    expect(await callbacks.countOpenDueBy(NOW)).toBe(4);
  });

  test('a write rolled back leaves the count as it was', async () => {
    await db.callbacks.add(callback(NOW - HOUR));
    expect(await callbacks.countOpenDueBy(NOW)).toBe(1);
    await expect(
      db.transaction('rw', db.callbacks, async () => {
        await db.callbacks.add(callback(NOW - 2 * HOUR));
        throw new Error('rejected');
      }),
    ).rejects.toThrow('rejected');
    expect(await callbacks.countOpenDueBy(NOW)).toBe(1);
  });

  test('follows time forward and back, and starts again after the callbacks are cleared', async () => {
    for (let hour = -48; hour <= 48; hour += 3) await db.callbacks.add(callback(NOW + hour * HOUR + 17));
    for (const until of [NOW, NOW + 30 * 60_000, NOW + 5 * HOUR, NOW + 3 * 24 * HOUR, NOW - 2 * HOUR, NOW - 3 * 24 * HOUR, NOW]) await expectBadgeRight(until);
    await db.callbacks.clear();
    await db.callbacks.add(callback(NOW - HOUR));
    expect(await callbacks.countOpenDueBy(NOW)).toBe(1);
  });

  test('is right for "overdue" (an hour back), alone or inside a caller\'s own read transaction', async () => {
    for (let minutes = -300; minutes <= 120; minutes += 7) await db.callbacks.add(callback(NOW + minutes * 60_000));
    const [due, overdue] = await Promise.all([callbacks.countOpenDueBy(NOW), callbacks.countOpenDueBy(NOW - HOUR - 1)]);
    expect([due, overdue]).toEqual([await counted(NOW), await counted(NOW - HOUR - 1)]);
    expect(await db.transaction('r', db.callbacks, () => Promise.all([callbacks.countOpenDueBy(NOW), callbacks.countOpenDueBy(NOW - HOUR - 1)]))).toEqual([due, overdue]);
    expect(await db.transaction('r', db.callbacks, db.counters, () => Promise.all([callbacks.countOpenDueBy(NOW), callbacks.countOpenDueBy(NOW - HOUR - 1)]))).toEqual([due, overdue]);
    await db.callbacks.add(callback(NOW - 2 * HOUR));
    expect(await callbacks.countOpenDueBy(NOW - HOUR - 1)).toBe(overdue + 1);
  });

  test('a crowd due at one instant (an import\'s first contacts) is counted once, then the counters have passed it', async () => {
    await db.callbacks.bulkAdd([callback(NOW - 3 * HOUR), callback(NOW + 2 * HOUR)]);
    expect(await callbacks.dueCounts()).toEqual({ due: 1, overdue: 1 });
    // 1,000 leads imported at once: each has its first-contact callback due at the import's instant.
    const crowd = Array.from({ length: 1_000 }, () => callback(NOW + 10 * 60_000));
    await db.callbacks.bulkAdd(crowd);
    const at = (offset: number) => new CallbackRepository(db, () => NOW + offset);
    expect(await at(5 * 60_000).dueCounts()).toEqual({ due: 1, overdue: 1 });
    expect(await at(15 * 60_000).dueCounts()).toEqual({ due: 1_001, overdue: 1 });
    expect((await db.counters.get(DUE_COUNTER_ID))!.boundary).toBeGreaterThan(NOW + 10 * 60_000);
    // The badge turns red an hour after the crowd fell due, counted once by the overdue counter too.
    expect(await at(80 * 60_000).dueCounts()).toEqual({ due: 1_001, overdue: 1_001 });
    expect((await db.counters.get(OVERDUE_COUNTER_ID))!.boundary).toBeGreaterThan(NOW + 10 * 60_000);
    // Writes after that keep both counters right: half the crowd called back.
    await db.callbacks.bulkPut(crowd.slice(0, 500).map((entry) => ({ ...entry, status: 'done' as const })));
    expect(await at(3 * HOUR).dueCounts()).toEqual({ due: 502, overdue: 501 });
    expect(await callbacks.countOpenDueBy(NOW + 3 * HOUR)).toBe(await counted(NOW + 3 * HOUR));
  });

  test('4 → 6: callbacks written before the counter existed are counted after the upgrade', async () => {
    const name = `upgrade-4-6-${Math.random().toString(36).slice(2)}`;
    const old = new DealerDeskDatabase(name, SCHEMA_VERSIONS.filter((entry) => entry.version <= 4));
    await old.open();
    await old.table('callbacks').bulkAdd([callback(NOW - HOUR), callback(NOW - 2 * HOUR, 'done'), callback(NOW + HOUR)]);
    old.close();
    const upgraded = new DealerDeskDatabase(name);
    await upgraded.open();
    try {
      expect(upgraded.tables.map((table) => table.name)).toContain('counters');
      expect(await new CallbackRepository(upgraded).countOpenDueBy(NOW)).toBe(1);
      await upgraded.callbacks.add(callback(NOW - 3 * HOUR));
      expect(await new CallbackRepository(upgraded).countOpenDueBy(NOW)).toBe(2);
    } finally {
      await upgraded.delete();
    }
  });
});
