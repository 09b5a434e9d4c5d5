import { afterEach, expect, test } from 'vitest';
import { CustomerRepository, DealerDeskDatabase } from '../../storage';
import type { CallbackListItem } from '../../components/callback-list/callback-list.component';
import type { DueLists } from '../../entrypoints/shared/due-callbacks';
import { firstRowsOf, forgetDueScreen, recallDueScreen, rememberDueScreen } from '../../entrypoints/shared/last-due-screen';
import { openPopup } from '../../entrypoints/popup/open-popup';
import { PopupApp } from '../../entrypoints/popup/popup-app';
import zhCN from '../../public/_locales/zh_CN/messages.json';

const NOON = new Date(2026, 10, 23, 12, 0).getTime();

function row(id: string, customerName: string, dueAt: number): CallbackListItem {
  return { id, customerId: `c-${id}`, customerName, reason: '回访', dueAt, overdue: false };
}

function lists(overdue: number, today: number, upcoming: number): DueLists {
  const section = (name: string, count: number) => ({ total: count, items: Array.from({ length: count }, (_, i) => row(`${name}-${i}`, `${name} ${i}`, NOON + i)) });
  return { overdue: section('overdue', overdue), today: section('today', today), upcoming: section('upcoming', upcoming), tomorrowAt: NOON + 21 * 3_600_000, locale: 'zh_CN' };
}

afterEach(() => forgetDueScreen());

test('the popup remembers the rows it drew, the earliest sections first, and a later section keeps its first row', () => {
  rememberDueScreen(lists(5, 4, 3), 6, NOON);
  const recalled = recallDueScreen(NOON + 60_000)!;
  expect(recalled.overdue.items.map((item) => item.id)).toEqual(['overdue-0', 'overdue-1', 'overdue-2', 'overdue-3', 'overdue-4']);
  expect(recalled.today.items.map((item) => item.id)).toEqual(['today-0']);
  expect(recalled.upcoming.items.map((item) => item.id)).toEqual(['upcoming-0']);
  // The totals are the sections' own, not the rows kept.
  expect([recalled.overdue.total, recalled.today.total, recalled.upcoming.total]).toEqual([5, 4, 3]);
  expect(firstRowsOf(lists(1, 1, 1), 6)).toEqual(lists(1, 1, 1));
});

test('rows from another day, from the future, or unreadable are never drawn', () => {
  rememberDueScreen(lists(1, 1, 0), 6, NOON);
  expect(recallDueScreen(new Date(2026, 10, 24, 8, 0).getTime())).toBeUndefined();
  expect(recallDueScreen(NOON - 1)).toBeUndefined();
  expect(recallDueScreen(NOON + 1)).toBeDefined();
  localStorage.setItem('dd-popup-last-screen', '{not json');
  expect(recallDueScreen(NOON + 1)).toBeUndefined();
  localStorage.setItem('dd-popup-last-screen', JSON.stringify({ version: 99, savedAt: NOON, lists: lists(1, 0, 0) }));
  expect(recallDueScreen(NOON + 1)).toBeUndefined();
  localStorage.setItem('dd-popup-last-screen', JSON.stringify({ version: 1, savedAt: NOON, lists: { overdue: {} } }));
  expect(recallDueScreen(NOON + 1)).toBeUndefined();
  forgetDueScreen();
  expect(localStorage.getItem('dd-popup-last-screen')).toBeNull();
});

function shownRows(popup: PopupApp): string[] {
  return [...popup.shadowRoot!.querySelectorAll('dd-callback-list')].flatMap((list) => [...list.shadowRoot!.querySelectorAll('li[data-id]')].map((item) => item.textContent ?? ''));
}

test('the popup draws the rows it showed last at once, marked busy, then the book\'s current rows, which it remembers in turn', async () => {
  const db = new DealerDeskDatabase();
  const customers = new CustomerRepository(db);
  expect((await customers.create({ name: '王芳', phones: [{ number: '13800138000' }] })).ok).toBe(true);
  // Last time the popup showed 李雷, whose callback has been done since.
  const stale = lists(0, 0, 0);
  stale.today = { total: 1, items: [row('cb-gone', '李雷', Date.now())] };
  rememberDueScreen(stale, 6);

  openPopup();
  const popup = document.createElement('dd-popup') as PopupApp;
  document.body.append(popup);
  await popup.updateComplete;
  const frame = () => popup.shadowRoot!.querySelector('.popup')!;
  expect(frame().hasAttribute('hidden')).toBe(false);
  expect(frame().getAttribute('aria-busy')).toBe('true');
  await Promise.all([...popup.shadowRoot!.querySelectorAll('dd-callback-list')].map((list) => (list as unknown as { updateComplete: Promise<unknown> }).updateComplete));
  expect(shownRows(popup).join()).toContain('李雷');
  // "Done" on the remembered row before the read is in: it is done already, so nothing is logged.
  const staleRow = [...popup.shadowRoot!.querySelectorAll('dd-callback-list')].flatMap((list) => [...list.shadowRoot!.querySelectorAll<HTMLElement>('li[data-id="cb-gone"] button.done')]);
  expect(staleRow).toHaveLength(1);
  staleRow[0]!.click();

  await PopupApp.opening;
  await expect.poll(() => frame().getAttribute('aria-busy')).toBe('false');
  await expect.poll(() => shownRows(popup).join()).toContain('王芳');
  expect(shownRows(popup).join()).not.toContain('李雷');
  await expect.poll(() => popup.shadowRoot!.querySelector('p[role=status]')?.textContent).toBe(zhCN.popup_callback_gone.message);
  expect(await db.followUps.count()).toBe(0);
  const remembered = localStorage.getItem('dd-popup-last-screen') ?? '';
  expect(remembered).toContain('王芳');
  expect(remembered).not.toContain('李雷');

  popup.remove();
  db.close();
  await db.delete();
});

test('a popup with nothing due forgets its rows: "nothing due" is never drawn from memory', async () => {
  rememberDueScreen(lists(0, 1, 0), 6);
  const db = new DealerDeskDatabase();
  await db.open();
  openPopup();
  const popup = document.createElement('dd-popup') as PopupApp;
  document.body.append(popup);
  await PopupApp.opening;
  await expect.poll(() => popup.shadowRoot!.querySelector('.popup')!.getAttribute('aria-busy')).toBe('false');
  expect(localStorage.getItem('dd-popup-last-screen')).toBeNull();
  popup.remove();
  db.close();
  await db.delete();
});
