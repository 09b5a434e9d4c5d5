import { expect, test } from 'vitest';
import '../../components/capture-form/dd-capture-form';
import { CAPTURE_FIELDS, type CaptureSubmitDetail } from '../../components/capture-form/dd-capture-form';

test('the capture form has exactly the contract’s named controls, pre-filled, and submits what is in them', async () => {
  const form = document.createElement('dd-capture-form');
  form.value = { name: '张伟', phone: '139 1234 5678', series: '问界M7', source: 'autohome', url: 'https://dealer.autohome.com.cn/1/' };
  form.sources = { name: 'json-ld' };
  document.body.append(form);
  await form.updateComplete;
  const root = form.shadowRoot!;
  const names = [...root.querySelectorAll('form [name]')].map((control) => control.getAttribute('name'));
  for (const name of CAPTURE_FIELDS) expect(names).toContain(name);
  expect((root.querySelector('[name=phone]') as HTMLInputElement).value).toBe('139 1234 5678');
  expect(root.querySelector('[name=source] option[selected]')?.getAttribute('value')).toBe('autohome');
  expect(root.textContent).toContain('结构化数据');

  (root.querySelector('[name=note]') as HTMLTextAreaElement).value = '周末试驾';
  const submitted = new Promise<CaptureSubmitDetail>((resolve) => form.addEventListener('dd-capture-submit', (event) => resolve((event as CustomEvent<CaptureSubmitDetail>).detail)));
  root.querySelector('form')!.requestSubmit();
  const { value } = await submitted;
  expect(value).toMatchObject({ name: '张伟', phone: '139 1234 5678', series: '问界M7', note: '周末试驾' });
  form.remove();
});

test('storage errors appear beside their field', async () => {
  const form = document.createElement('dd-capture-form');
  form.value = { name: '张伟', phone: '139' };
  form.errors = [{ path: 'phones.0.number', field: '电话', message: '不是有效的电话号码' }];
  document.body.append(form);
  await form.updateComplete;
  const root = form.shadowRoot!;
  expect(root.querySelector('#phone-error')?.textContent).toBe('不是有效的电话号码');
  expect(root.querySelector('[name=phone]')?.getAttribute('aria-invalid')).toBe('true');
  form.remove();
});
