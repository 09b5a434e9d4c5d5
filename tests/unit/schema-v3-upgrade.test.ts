import { expect, test } from 'vitest';
import { DealerDeskDatabase } from '../../storage/database';
import { SCHEMA_VERSIONS } from '../../storage/versions';

test('a version 2 database upgrades to version 3 with its customers and callbacks intact and an empty notification record', async () => {
  const name = 'upgrade-v2-v3';
  const v2 = new DealerDeskDatabase(name, SCHEMA_VERSIONS.filter((entry) => entry.version <= 2));
  await v2.open();
  expect(v2.verno).toBe(2);
  await v2.table('customers').add({ id: 'c1', name: '张伟', phoneNumbers: ['+8613800138000'], phoneTails: ['8000'], grade: 'A', stage: 'intent', createdAt: 1, updatedAt: 1 });
  await v2.table('callbacks').add({ id: 'cb1', customerId: 'c1', kind: 'first_contact', planKey: 'first_contact', dueAt: 5, status: 'open', createdAt: 1, updatedAt: 1 });
  v2.close();

  // Version 3 exactly: later versions have upgrade tests of their own.
  const v3 = new DealerDeskDatabase(name, SCHEMA_VERSIONS.filter((entry) => entry.version <= 3));
  await v3.open();
  expect(v3.verno).toBe(3);
  expect(await v3.customers.get('c1')).toMatchObject({ name: '张伟' });
  expect(await v3.callbacks.where('[status+dueAt]').between(['open', 0], ['open', 10]).count()).toBe(1);
  expect(await v3.notifications.count()).toBe(0);
  await v3.notifications.add({ id: 'cb1@5', callbackId: 'cb1', dueAt: 5, notifiedAt: 6, shown: true });
  expect(await v3.notifications.where('callbackId').equals('cb1').count()).toBe(1);
  v3.close();
  await v3.delete();
});
