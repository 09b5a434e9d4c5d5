import Dexie from 'dexie';
import { afterEach, expect, test } from 'vitest';
import { getLocale, setLocale } from '../../core/i18n';
import { DealerDeskDatabase, SettingsRepository } from '../../storage';
import '../../entrypoints/options/settings-view';
import type { SettingsView } from '../../entrypoints/options/settings-view';

const databases: DealerDeskDatabase[] = [];
let opened = 0;
afterEach(async () => {
  document.body.replaceChildren();
  setLocale('zh_CN');
  for (const db of databases.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

async function mountView(stored: Parameters<SettingsRepository['update']>[0] = {}) {
  const db = new DealerDeskDatabase(`settings-form-${opened++}`);
  databases.push(db);
  const repository = new SettingsRepository(db);
  if (Object.keys(stored).length) expect((await repository.update(stored)).ok).toBe(true);
  const view = document.createElement('dd-settings-view') as SettingsView;
  view.repository = repository;
  document.body.append(view);
  const form = await waitFor(() => view.shadowRoot?.querySelector('dd-settings-form')?.shadowRoot?.querySelector('form') ?? undefined);
  return { db, repository, view, form };
}

async function waitFor<T>(find: () => T | undefined | null): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('never appeared');
}

function type(form: HTMLFormElement, name: string, value: string): void {
  const input = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
}

async function save(view: SettingsView, form: HTMLFormElement): Promise<void> {
  const settled = new Promise<void>((resolve) => {
    const original = view.save.bind(view);
    view.save = async (patch) => {
      await original(patch);
      resolve();
    };
  });
  form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await settled;
  await view.updateComplete;
  await view.shadowRoot!.querySelector('dd-settings-form')!.updateComplete;
}

const field = (form: HTMLFormElement, name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;

test('the form shows what is stored, every field labelled', async () => {
  const { form } = await mountView({
    consultant: { name: '李明', phone: '13800138000', title: '销售经理' },
    store: { name: '城东店', brand: '吉利' },
    cadence: { H: 1, A: 4, B: 7, C: 20, O: null, F: null },
    followUpRules: { insuranceDaysBefore: [60, 30], holidays: ['spring_festival'] },
  });
  expect(field(form, 'consultant.name').value).toBe('李明');
  expect(field(form, 'consultant.phone').value).toBe('13800138000');
  expect(field(form, 'consultant.title').value).toBe('销售经理');
  expect(field(form, 'store.brand').value).toBe('吉利');
  expect(field(form, 'cadence.H').value).toBe('1');
  expect(field(form, 'cadence.C').value).toBe('20');
  expect(field(form, 'followUpRules.insuranceDaysBefore').value).toBe('60, 30');
  expect(field(form, 'followUpRules.firstServiceKm').value).toBe('5000');
  expect(field(form, 'workingHours.start').value).toBe('09:00');
  const checked = [...form.querySelectorAll<HTMLInputElement>('input[name=holiday]')].filter((box) => box.checked).map((box) => box.value);
  expect(checked).toEqual(['spring_festival']);
  // O and F are explained, not editable.
  expect(form.querySelector('[name="cadence.O"], [name="cadence.F"]')).toBeNull();
  for (const input of form.querySelectorAll('input, select')) expect(input.closest('label')?.textContent?.trim(), input.getAttribute('name') ?? '').toBeTruthy();
});

test('a bad value shows its error beside the field, writes nothing and keeps what was typed', async () => {
  const { form, view, repository, db } = await mountView({ consultant: { name: '李明', phone: '' } });
  const before = await db.settings.get('settings');
  type(form, 'consultant.phone', '13900139000');
  type(form, 'cadence.H', '0');
  type(form, 'followUpRules.insuranceDaysBefore', '45, 三十');
  await save(view, form);

  expect(field(form, 'cadence.H').getAttribute('aria-invalid')).toBe('true');
  expect(form.querySelector('[data-path="cadence.H"]')?.textContent).toBe('必须大于 0');
  expect(view.shadowRoot!.querySelector('dd-settings-form')!.shadowRoot!.activeElement).toBe(field(form, 'cadence.H'));
  expect(form.querySelector('[data-path="followUpRules.insuranceDaysBefore"]')?.textContent).toBe('第 2 个: 格式不对');
  expect(field(form, 'consultant.phone').getAttribute('aria-invalid')).toBe('false');
  expect(form.querySelector('[role=alert]')?.textContent).toContain('没有保存');
  expect(form.querySelector('.saved')).toBeNull();
  expect(await db.settings.get('settings')).toEqual(before);
  expect((await repository.get()).consultant.phone).toBe('');
  // Nothing typed is lost.
  expect(field(form, 'consultant.phone').value).toBe('13900139000');
  expect(field(form, 'cadence.H').value).toBe('0');
  expect(field(form, 'followUpRules.insuranceDaysBefore').value).toBe('45, 三十');

  // Fixing it saves everything typed.
  type(form, 'cadence.H', '3');
  type(form, 'followUpRules.insuranceDaysBefore', '45，30');
  await save(view, form);
  expect(form.querySelector('[role=alert]')).toBeNull();
  const stored = await repository.get();
  expect(stored.consultant.phone).toBe('13900139000');
  expect(stored.cadence.H).toBe(3);
  expect(stored.followUpRules.insuranceDaysBefore).toEqual([45, 30]);
});

test('an emptied number field is refused as required, not replaced by the default', async () => {
  const { form, view, repository } = await mountView({ followUpRules: { dormantAfterYears: 5 } });
  type(form, 'followUpRules.dormantAfterYears', '');
  await save(view, form);
  expect(form.querySelector('[data-path="followUpRules.dormantAfterYears"]')?.textContent).toBe('必填');
  expect((await repository.get()).followUpRules.dormantAfterYears).toBe(5);
});

test('a good save writes exactly the changed values and says so', async () => {
  const { form, view, db } = await mountView({ store: { name: '城东店', brand: '吉利' }, followUpRules: { holidays: ['new_year', 'national_day'] } });
  const before = (await db.settings.get('settings'))!;
  type(form, 'consultant.name', ' 王强 ');
  type(form, 'consultant.phone', '13700137000');
  type(form, 'followUpRules.firstServiceKm', '7500');
  form.querySelector<HTMLInputElement>('input[name=holiday][value=new_year]')!.click();
  await save(view, form);

  expect(form.querySelector('.saved[role=status]')?.textContent).toBe('设置已保存。');
  const after = (await db.settings.get('settings'))!;
  expect(after).toEqual({
    ...before,
    consultant: { name: '王强', phone: '13700137000' },
    followUpRules: { ...before.followUpRules, firstServiceKm: 7500, holidays: ['national_day'] },
  });

  // Typing again hides the confirmation.
  type(form, 'store.name', '城西店');
  await view.shadowRoot!.querySelector('dd-settings-form')!.updateComplete;
  expect(form.querySelector('.saved')).toBeNull();
  // The next save is confirmed again.
  await save(view, form);
  expect(form.querySelector('.saved[role=status]')).not.toBeNull();
  expect((await db.settings.get('settings'))!.store).toEqual({ name: '城西店', brand: '吉利' });
});

test('restore defaults puts the built-in cadence and rules in the form, saved only with Save', async () => {
  const { form, view, repository } = await mountView({ cadence: { H: 1, A: 3, B: 9, C: 30, O: null, F: null }, followUpRules: { firstServiceMonths: 12, holidays: [] } });
  form.querySelector<HTMLButtonElement>('button.restore')!.click();
  await view.shadowRoot!.querySelector('dd-settings-form')!.updateComplete;
  expect(field(form, 'cadence.H').value).toBe('2');
  expect(field(form, 'followUpRules.firstServiceMonths').value).toBe('6');
  expect((await repository.get()).cadence.H).toBe(1);
  await save(view, form);
  const stored = await repository.get();
  expect(stored.cadence).toEqual({ H: 2, A: 5, B: 7, C: 15, O: null, F: null });
  expect(stored.followUpRules.firstServiceMonths).toBe(6);
  expect(stored.followUpRules.holidays).toHaveLength(6);
});

test('choosing English switches the interface at once when saved', async () => {
  const { form, view } = await mountView();
  type(form, 'language', 'en');
  await save(view, form);
  expect(getLocale()).toBe('en');
  expect(view.shadowRoot!.querySelector('h2')?.textContent).toBe('Settings');
  expect(form.querySelector('button[type=submit]')?.textContent).toBe('Save settings');
});
