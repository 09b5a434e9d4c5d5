import { afterEach, describe, expect, test, vi } from 'vitest';
import '../../components/callback-list/dd-callback-list';
import '../../components/follow-up-form/dd-follow-up-form';
import '../../components/script-panel/dd-script-panel';
import type { CallbackListItem } from '../../components/callback-list/dd-callback-list';
import type { FollowUpDraft } from '../../components/follow-up-form/dd-follow-up-form';
import { builtInScripts } from '../../core/scripts';

afterEach(() => document.body.replaceChildren());

function mount<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  Object.assign(element, props);
  document.body.append(element);
  return element;
}

const item: CallbackListItem = {
  id: 'cb1',
  customerId: 'c1',
  customerName: '王芳',
  grade: 'H',
  reason: '新线索：1 小时内首次联系',
  dueAt: Date.parse('2026-11-23T02:00:00Z'),
  overdue: true,
  script: { id: 's1', title: '新线索首次来电', text: '王女士您好' },
};

describe('dd-callback-list', () => {
  test('each action says which callback it is for; "tomorrow" snoozes to the time the host gives', async () => {
    const list = mount('dd-callback-list', { items: [item], heading: '已逾期', tomorrowAt: 1_800_000_000_000 });
    await list.updateComplete;
    const events: [string, unknown][] = [];
    for (const name of ['dd-callback-done', 'dd-callback-snooze', 'dd-callback-open']) list.addEventListener(name, (event) => events.push([name, (event as CustomEvent).detail]));
    const row = list.shadowRoot!.querySelector('li[data-id="cb1"]')!;
    expect(row.classList.contains('overdue')).toBe(true);
    expect(row.textContent).toContain('新线索首次来电');

    row.querySelector<HTMLButtonElement>('button.done')!.click();
    // Snooze shows its choices on demand, the first focused for the keyboard.
    expect(row.querySelector('[data-snooze]')).toBeNull();
    row.querySelector<HTMLButtonElement>('button.snooze')!.click();
    await list.updateComplete;
    expect(row.querySelector('button.snooze')!.getAttribute('aria-expanded')).toBe('true');
    expect(list.shadowRoot!.activeElement).toBe(row.querySelector('[data-snooze="1h"]'));
    row.querySelector<HTMLButtonElement>('[data-snooze="tomorrow"]')!.click();
    await list.updateComplete;
    expect(row.querySelector('[data-snooze]')).toBeNull();
    row.querySelector<HTMLButtonElement>('button.open')!.click();
    expect(events).toEqual([
      ['dd-callback-done', { id: 'cb1' }],
      ['dd-callback-snooze', { id: 'cb1', until: 1_800_000_000_000 }],
      ['dd-callback-open', { id: 'cb1', customerId: 'c1' }],
    ]);
  });

  test('picking a time shows a date field; confirming snoozes to it', async () => {
    const list = mount('dd-callback-list', { items: [item] });
    await list.updateComplete;
    const snoozed = vi.fn();
    list.addEventListener('dd-callback-snooze', (event) => snoozed(event.detail));
    list.shadowRoot!.querySelector<HTMLButtonElement>('button.snooze')!.click();
    await list.updateComplete;
    list.shadowRoot!.querySelector<HTMLButtonElement>('[data-snooze="pick"]')!.click();
    await list.updateComplete;
    const input = list.shadowRoot!.querySelector<HTMLInputElement>('input[type=datetime-local]')!;
    input.value = '2026-11-24T15:30';
    list.shadowRoot!.querySelector<HTMLButtonElement>('button.confirm')!.click();
    expect(snoozed).toHaveBeenCalledWith({ id: 'cb1', until: new Date('2026-11-24T15:30').getTime() });
  });

  test('a host passing only the first rows gets a "more" button with the rest counted', async () => {
    const list = mount('dd-callback-list', { items: [item], total: 300, heading: '今天' });
    await list.updateComplete;
    const more = vi.fn();
    list.addEventListener('dd-callback-more', more);
    expect(list.shadowRoot!.querySelector('h3')!.textContent).toContain('300');
    const button = list.shadowRoot!.querySelector<HTMLButtonElement>('button.more')!;
    expect(button.textContent).toContain('299');
    button.click();
    expect(more).toHaveBeenCalledOnce();
  });

  test('while the host is still counting, the heading shows no number and there is no "more" yet', async () => {
    const list = mount('dd-callback-list', { items: [item], heading: '今天', counting: true });
    await list.updateComplete;
    expect(list.shadowRoot!.querySelector('h3 .count')).toBeNull();
    expect(list.shadowRoot!.querySelector('button.more')).toBeNull();
    list.total = 300;
    list.counting = false;
    await list.updateComplete;
    expect(list.shadowRoot!.querySelector('h3 .count')!.textContent).toBe('300');
    expect(list.shadowRoot!.querySelector('button.more')).not.toBeNull();
  });
});

describe('dd-script-panel', () => {
  test('fitting scripts come first, filled in, with unknown values marked and named', async () => {
    const panel = mount('dd-script-panel', {
      scripts: builtInScripts('zh_CN'),
      context: { locale: 'zh_CN', customer: { name: '王芳', gender: 'female' }, consultant: { name: '李娜' } },
      suggestion: { stage: 'potential', grade: 'C', callback: { kind: 'first_contact', planKey: 'first_contact' } },
    });
    await panel.updateComplete;
    const first = panel.shadowRoot!.querySelector('ul.fit li')!;
    expect(first.getAttribute('data-id')).toBe('builtin:first_contact_call:zh_CN');
    expect(first.querySelector('.body')!.textContent).toContain('王女士您好');
    expect([...first.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['{门店}', '{车型}']);
    expect(first.querySelector('.missing')!.textContent).toBe('待补充：门店、车型');
  });

  test('copy puts the filled-in text on the clipboard and says what is still missing', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const panel = mount('dd-script-panel', {
      scripts: builtInScripts('zh_CN'),
      context: { locale: 'zh_CN', customer: { name: '张伟', gender: 'male' } },
      suggestion: { stage: 'owner', grade: 'O', callback: { kind: 'birthday', planKey: 'birthday:2026' } },
    });
    await panel.updateComplete;
    const copied = vi.fn();
    panel.addEventListener('dd-script-copy', (event) => copied(event.detail));
    panel.shadowRoot!.querySelector<HTMLButtonElement>('ul.fit li button.copy')!.click();
    await vi.waitFor(() => expect(copied).toHaveBeenCalled());
    const text = writeText.mock.calls[0]![0];
    expect(text.startsWith('张先生，祝您生日快乐')).toBe(true);
    expect(copied.mock.calls[0]![0]).toMatchObject({ scriptId: 'builtin:birthday_sms:zh_CN', missing: ['store', 'consultant'] });
  });

  test('the objection library narrows as the consultant types', async () => {
    const panel = mount('dd-script-panel', { scripts: builtInScripts('zh_CN'), context: { locale: 'zh_CN' } });
    await panel.updateComplete;
    const search = panel.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = '朋友';
    search.dispatchEvent(new Event('input'));
    await panel.updateComplete;
    expect([...panel.shadowRoot!.querySelectorAll('ul.objections li')].map((li) => li.getAttribute('data-id'))).toEqual(['builtin:insurance_objection_friend:zh_CN']);
  });
});

describe('dd-follow-up-form', () => {
  test('hands over what was entered, the new grade only when changed, and a lost request with its reason', async () => {
    const form = mount('dd-follow-up-form', { grade: 'B', callback: { id: 'cb1', reason: '交车第 7 天' }, scriptId: 's7' });
    await form.updateComplete;
    const drafts: FollowUpDraft[] = [];
    form.addEventListener('dd-follow-up-submit', (event) => drafts.push(event.detail.draft));
    const root = form.shadowRoot!;
    root.querySelector<HTMLTextAreaElement>('[name=summary]')!.value = '客户说车很好开';
    root.querySelector<HTMLSelectElement>('[name=grade]')!.value = 'B';
    root.querySelector('form')!.requestSubmit();
    expect(drafts[0]).toEqual({ method: 'call', outcome: 'reached', summary: '客户说车很好开', callbackId: 'cb1', scriptId: 's7' });

    const lost = root.querySelector<HTMLInputElement>('[name=lost]')!;
    lost.checked = true;
    lost.dispatchEvent(new Event('change'));
    await form.updateComplete;
    root.querySelector<HTMLInputElement>('[name=lostReason]')!.value = '预算不够';
    root.querySelector<HTMLSelectElement>('[name=grade]')!.value = 'F';
    root.querySelector<HTMLInputElement>('input[value=no_answer]')!.checked = true;
    root.querySelector('form')!.requestSubmit();
    expect(drafts[1]).toMatchObject({ outcome: 'no_answer', grade: 'F', lost: { reason: '预算不够' } });
  });

  test('shows storage’s errors beside their fields', async () => {
    const form = mount('dd-follow-up-form', { errors: [{ path: 'summary', message: '必填' }] });
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('#summary-error')!.textContent).toBe('必填');
    expect(form.shadowRoot!.querySelector('[name=summary]')!.getAttribute('aria-invalid')).toBe('true');
  });
});
