import { afterEach, expect, test } from 'vitest';
import '../../components/customer-card/dd-customer-card';
import type { CustomerCard } from '../../components/customer-card/dd-customer-card';
import { CustomerRepository, DealerDeskDatabase } from '../../storage';
import { editableFields } from '../../storage/customers';
import { fullCustomer } from './support/full-customer';

afterEach(() => document.body.replaceChildren());

async function cardWith(value: CustomerCard) {
  const card = document.createElement('dd-customer-card');
  card.value = value;
  document.body.append(card);
  await card.updateComplete;
  return card;
}

function storedCard(): CustomerCard {
  const prepared = new CustomerRepository(new DealerDeskDatabase('card-test')).prepare(fullCustomer());
  if (!prepared.ok) throw new Error('fixture');
  return editableFields(prepared.value) as unknown as CustomerCard;
}

test('every module of the card is shown, and an untouched card reads back exactly as stored', async () => {
  const stored = storedCard();
  const card = await cardWith(structuredClone(stored));
  const root = card.shadowRoot!;
  for (const name of ['name', 'phone', 'source.channel', 'needs.concerns', 'testDrives.1.at', 'decisionMaker', 'deal.lost.reason', 'ownedVehicle.vin', 'ownedVehicle.lastServiceAt']) {
    expect(root.querySelector(`[name="${name}"]`), name).not.toBeNull();
  }
  expect(root.querySelectorAll('fieldset legend').length).toBe(8);
  expect(card.readDraft()).toEqual(stored);
});

test('an edit changes only the edited field and tells the host, so the draft can be kept', async () => {
  const stored = storedCard();
  const card = await cardWith(structuredClone(stored));
  const drafts: CustomerCard[] = [];
  card.addEventListener('dd-customer-input', (event) => drafts.push(event.detail.draft));
  const series = card.shadowRoot!.querySelector<HTMLInputElement>('[name="needs.series"]')!;
  series.value = '极氪007';
  series.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  expect(drafts).toHaveLength(1);
  expect(drafts[0]).toEqual({ ...stored, needs: { ...(stored.needs as object), series: '极氪007' } });
  expect(card.dirty).toBe(true);
});

test('marking a deal lost asks for approval', async () => {
  const card = await cardWith({ name: '王五', phones: [{ number: '+8613800138000', label: 'mobile', primary: true }] });
  const root = card.shadowRoot!;
  root.querySelector<HTMLSelectElement>('[name="deal.status"]')!.value = 'lost';
  root.querySelector<HTMLInputElement>('[name="deal.lost.reason"]')!.value = '预算不够';
  const deal = card.readDraft().deal as { status: string; lost: { reason: string; approval: string; requestedAt: number } };
  expect(deal.status).toBe('lost');
  expect(deal.lost.reason).toBe('预算不够');
  expect(deal.lost.approval).toBe('pending');
  expect(deal.lost.requestedAt).toBeGreaterThan(0);
});
