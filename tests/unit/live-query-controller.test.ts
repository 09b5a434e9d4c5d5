import { liveQuery } from 'dexie';
import { html, LitElement } from 'lit';
import { afterEach, expect, test, vi } from 'vitest';
import { LiveQueryController } from '../../components/controllers/live-query-controller';
import { CustomerRepository } from '../../storage/customers';
import type { CustomerRecord } from '../../storage/customer-search-keys';
import { freshDatabase } from './support/database';

const db = freshDatabase();
const customers = new CustomerRepository(db);

class CustomerNames extends LitElement {
  readonly names = new LiveQueryController<CustomerRecord[]>(this, () => liveQuery(() => customers.recent(10)), []);
  override render() {
    return html`${this.names.loaded ? this.names.value.map((customer) => customer.name).join(',') : 'loading'}`;
  }
}
customElements.define('test-customer-names', CustomerNames);

afterEach(() => document.body.replaceChildren());

test('a bound component shows every change to the database without being told', async () => {
  const element = document.createElement('test-customer-names') as CustomerNames;
  document.body.append(element);
  await vi.waitFor(() => expect(element.shadowRoot!.textContent).toBe(''));

  const created = await customers.create({ name: '张三', wechat: 'zs' });
  await vi.waitFor(() => expect(element.shadowRoot!.textContent).toBe('张三'));

  if (created.ok) await customers.update(created.value.id, { name: '张三丰' });
  await vi.waitFor(() => expect(element.shadowRoot!.textContent).toBe('张三丰'));

  if (created.ok) await customers.softDelete(created.value.id);
  await vi.waitFor(() => expect(element.shadowRoot!.textContent).toBe(''));
});

test('a disconnected component stops listening', async () => {
  const element = document.createElement('test-customer-names') as CustomerNames;
  document.body.append(element);
  await vi.waitFor(() => expect(element.names.loaded).toBe(true));
  element.remove();
  const seen = element.names.value.length;
  await customers.create({ name: '李四', wechat: 'ls' });
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(element.names.value.length).toBe(seen);
});
